#pragma once

#include "core/protocol/packets.h"
#include "core/protocol/reason_code.h"
#include "core/session/session_event.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>
#include <variant>

namespace mqttdesk {

// The subscriptions the session knows about: SUBSCRIBE/UNSUBSCRIBE waiting for their
// ack (by packet id), requests made while the connection is being set up, and the
// subscriptions the server granted, remembered so that a reconnect without session
// can subscribe again.
class SubscriptionBook
{
public:
    struct PendingSubscribe
    {
        SubscribeRequested request;
        bool resubscribe = false;
    };
    using Waiting = std::variant<SubscribeRequested, UnsubscribeRequested>;

    void addPending(quint16 packetId, PendingSubscribe pending);
    void addPending(quint16 packetId, UnsubscribeRequested pending);
    std::optional<PendingSubscribe> takePendingSubscribe(quint16 packetId);
    std::optional<UnsubscribeRequested> takePendingUnsubscribe(quint16 packetId);
    bool hasPendingSubscribe(quint16 packetId) const { return m_subscribes.contains(packetId); }
    bool hasPendingUnsubscribe(quint16 packetId) const { return m_unsubscribes.contains(packetId); }
    // Everything still waiting for an ack (the connection is gone), with the ids.
    QList<std::pair<quint16, PendingSubscribe>> takeAllPendingSubscribes();
    QList<std::pair<quint16, UnsubscribeRequested>> takeAllPendingUnsubscribes();

    // Requests made before CONNACK, sent once connected, in order.
    void addWaiting(Waiting request) { m_waiting.append(std::move(request)); }
    QList<Waiting> takeWaiting();

    // The SUBACK of `request`: filters with a code < 0x80 become active.
    void granted(const SubscribeRequested &request, const QList<ReasonCode> &codes);
    // The UNSUBACK: filters with a code < 0x80 are gone.
    void removed(const QList<QString> &filters, const QList<ReasonCode> &codes);
    QList<Subscription> active() const;
    // One SUBSCRIBE per subscription identifier / user property set, to restore them.
    QList<SubscribeRequested> resubscribeRequests() const;
    void clearActive() { m_active.clear(); }

private:
    struct Active
    {
        Subscription subscription;
        std::optional<quint32> subscriptionIdentifier;
        QList<StringPair> userProperties;
    };

    QHash<quint16, PendingSubscribe> m_subscribes;
    QHash<quint16, UnsubscribeRequested> m_unsubscribes;
    QList<Waiting> m_waiting;
    QList<Active> m_active; // order of first grant
};

} // namespace mqttdesk
