#pragma once

#include "core/protocol/packets.h"
#include "core/session/connack_info.h"
#include "core/session/packet_id_allocator.h"
#include "core/session/session_event.h"
#include "core/session/session_link.h"
#include "core/session/subscription_book.h"

#include <QList>

namespace mqttdesk {

// SUBSCRIBE and UNSUBSCRIBE with their acks: requests made while connecting are held and
// sent after CONNACK, the granted subscriptions are remembered and made again when the
// server has no session, and requests still waiting for an ack fail when the connection
// goes. Packet identifiers are shared with the PUBLISH flows (one space per session).
class SubscriptionTraffic
{
public:
    SubscriptionTraffic(SessionLink &link, PacketIdAllocator &ids);

    // After a successful CONNACK: resubscribe (no session present), then send the requests
    // made while connecting.
    void beginConnection(const ConnackInfo &server);
    // The connection is gone: requests waiting for an ack are reported as failed.
    void endConnection();
    // The user disconnected: remembered subscriptions and held requests are dropped.
    void forgetSubscriptions();

    void subscribe(SubscribeRequested request);
    void unsubscribe(UnsubscribeRequested request);
    void onSuback(const SubackPacket &packet);
    void onUnsuback(const UnsubackPacket &packet);

    QList<Subscription> activeSubscriptions() const { return m_book.active(); }

private:
    bool isV5() const;
    void sendSubscribe(SubscribeRequested request, bool resubscribe);
    void sendUnsubscribe(UnsubscribeRequested request);
    void subscribeFailed(const SubscribeRequested &request, const SessionError &error,
                         bool resubscribe = false);
    void unsubscribeFailed(const UnsubscribeRequested &request, const SessionError &error);

    SessionLink &m_link;
    PacketIdAllocator &m_ids;
    SubscriptionBook m_book;
};

} // namespace mqttdesk
