#pragma once

#include "core/protocol/packets.h"
#include "core/session/connack_info.h"
#include "core/session/inbound_flow.h"
#include "core/session/outbound_flow.h"
#include "core/session/packet_id_allocator.h"
#include "core/session/session_event.h"
#include "core/session/session_link.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QtGlobal>

#include <deque>

namespace mqttdesk {

// The messages that flow once the connection is up: PUBLISH in both directions with
// their acks, the offline queue, resends on a resumed session and acknowledging after
// storage. Connection life (CONNECT, CONNACK, keep alive, DISCONNECT) stays with
// SessionCore; SUBSCRIBE/UNSUBSCRIBE are SubscriptionTraffic's, AUTH is AuthFlow's.
class MessageTraffic
{
public:
    // `ids` is the session's packet identifier space, shared with SubscriptionTraffic.
    MessageTraffic(SessionLink &link, PacketIdAllocator &ids);

    // After a successful CONNACK: set up the window and aliases for this connection,
    // then resend (session present) and drain the queue.
    void beginConnection(const ConnackInfo &server);
    // The connection is gone: nothing is on the wire any more, the aliases are dropped.
    void endConnection();
    // The session state ends (clean start, not resumed, not persisted): in-flight
    // messages are reported lost, inbound QoS 2 ids forgotten [MQTT-3.2.2-5].
    void discardSessionState();

    void publish(PublishRequested request);

    void onPublish(PublishPacket &packet);
    void onMessagesStored(const MessagesStored &stored);
    void onPuback(const PubackPacket &packet);
    void onPubrec(const PubrecPacket &packet);
    void onPubrel(const PubrelPacket &packet);
    void onPubcomp(const PubcompPacket &packet);

    int inFlightCount() const { return m_outbound.inFlightCount(); }
    // Received QoS 1/2 messages whose acknowledgement waits for storage.
    int awaitingStoreCount() const { return int(m_awaitingStore.size()); }
    int queuedCount() const { return m_outbound.queuedCount(); }

private:
    bool isV5() const;
    void pump();
    void deliver(DeliverMessage &delivery);
    bool acknowledgeAfterStore() const;
    // Sends a PUBLISH of the window (fresh or resent); false if it had to be dropped.
    bool sendWindowed(const OutboundFlow::Next &next);
    void publishFailed(quint64 token, quint16 packetId, const SessionError &error,
                       const Properties &properties = {});
    SessionError rejected(PacketType packet, ReasonCode code, const Properties &properties) const;

    SessionLink &m_link;
    OutboundFlow m_outbound;
    InboundFlow m_inbound;

    // Store before acknowledging. Deliveries are numbered; a received QoS 1/2 message's
    // PUBACK/PUBREC waits in m_awaitingStore until MessagesStored covers its number.
    struct AwaitingStore
    {
        quint64 sequence;
        quint16 packetId;
        QoS qos;
    };
    quint64 m_deliverySequence = 0;
    std::deque<AwaitingStore> m_awaitingStore;
    // QoS 1 ids held back: false = not stored yet, true = stored while the connection was
    // down (the PUBACK goes with the server's resend). Not delivered again either way.
    QHash<quint16, bool> m_qos1Held;
    // QoS 2 ids (also pending release in m_inbound) whose PUBREC waits for storage.
    QSet<quint16> m_qos2AwaitingStore;
    // Ids of PUBRECs nothing of ours waited for, answered with a PUBREL on this connection:
    // the server's PUBCOMP for one of them is expected, not a violation.
    QSet<quint16> m_answeredUnknownPubrecs;
};

} // namespace mqttdesk
