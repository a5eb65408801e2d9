#pragma once

#include "core/probe/probe_check.h"
#include "core/session/session_action.h"
#include "core/transport/transport_options.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace mqttdesk {

// What the answers to a probe's requests say, as evidence for a report line: the QoS a
// SUBACK granted, the reason code behind a failure (the acknowledgement's or the server's
// DISCONNECT; none for a request the session refused to send) and its text.
class ProbeEvidence
{
    Q_DECLARE_TR_FUNCTIONS(ProbeEvidence)

public:
    // The QoS the SUBACK granted; nothing when the subscription was refused or failed.
    static std::optional<QoS> granted(const SubscribeResult &result);
    static std::optional<ReasonCode> firstCode(const SubscribeResult &result);
    // A request the session did not send because of what the server announced or what the
    // protocol forbids: no reason code was seen.
    static bool refusedLocally(const SessionError &error);

    // Notes the reason code of the failure on `r`; returns the text for its detail.
    static QString subscribeFailure(ProbeCheckResult &r, const SubscribeResult &result);
    static QString publishFailure(ProbeCheckResult &r, const PublishOutcome &outcome, QoS qos);
    static QString failure(ProbeCheckResult &r, const SessionError &error, PacketType packet);

    // "mqtt://host:port", "wss://host:port/mqtt": where the probe went.
    static QString brokerAddress(const TransportOptions &transport);
};

} // namespace mqttdesk
