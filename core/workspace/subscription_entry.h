#pragma once

#include "core/payload/payload_format.h"
#include "core/protocol/packets.h"

#include <QList>
#include <QString>

#include <optional>

namespace mqttdesk {

// One subscription of a connection: what is sent in SUBSCRIBE, how its messages look in the
// stream, and what the server answered. The subscription panel's model is a table of these.
// Core state: no Gui types (the colour is its "#rrggbb" name; empty: none chosen yet).
struct SubscriptionEntry
{
    enum class State : quint8
    {
        Inactive, // not subscribed (disconnected, or not sent yet)
        Pending,  // SUBSCRIBE sent, waiting for SUBACK
        Active,   // granted (grantedQos set)
        Refused,  // SUBACK reason >= 0x80, or refused locally (refusal says why)
        Disabled, // switched off by the user: unsubscribed
    };

    quint64 uid = 0;     // stable key inside one model
    qint64 storedId = 0; // SubscriptionStore row; 0 = not saved yet
    Subscription subscription;
    std::optional<quint32> subscriptionIdentifier; // 5.0
    QList<StringPair> userProperties;              // 5.0, sent with SUBSCRIBE
    QString colour; // "#rrggbb"; empty: the model picks the next automatic one
    QString alias;
    PayloadFormat format = PayloadFormat::Auto;
    bool enabled = true;

    State state = State::Inactive;
    std::optional<int> grantedQos;
    QString refusal;
    quint64 pendingToken = 0;
    qint64 messageCount = 0;
};

} // namespace mqttdesk
