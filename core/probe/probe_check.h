#pragma once

#include "core/protocol/packet_type.h"
#include "core/protocol/reason_code.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// The lines of a broker capability test, in the order they run.
enum class ProbeCheck : quint8
{
    ConnectV31,  // CONNECT with MQTT 3.1 ("MQIsdp", level 3)
    ConnectV311, // 3.1.1 (level 4)
    ConnectV5,   // 5.0 (level 5), with an empty client id: the server assigns one
    Qos0,        // publish to a probe topic and receive it back at that QoS
    Qos1,
    Qos2,
    Retain,                 // a retained message set, received by a new subscription, cleared
    Wildcard,               // a subscription with + and #
    SharedSubscription,     // $share/<group>/<filter>
    SubscriptionIdentifier, // 5.0: the identifier comes back with the message
    TopicAlias,             // 5.0: the second PUBLISH carries only the alias
    Will,                   // a connection dropped without DISCONNECT: its will arrives
    SessionResume,          // QoS 1 messages queued while a persistent session is away
    MaxPayload,             // the largest payload that passes (binary search)
    Latency,                // PINGREQ -> PINGRESP round trips, p50 / p99
};

// What a line found. Announced means what the 5.0 CONNACK says (or its default when the
// property is absent); under 3.x nothing is announced, so a line is Supported or not.
enum class ProbeOutcome : quint8
{
    Supported,
    NotSupported,
    AnnouncedButBroken, // announced available and failed, or announced unavailable and worked
    Skipped,            // not tried (needs 5.0, the connection could not be made, cancelled)
};

// One line of the report.
struct ProbeCheckResult
{
    Q_DECLARE_TR_FUNCTIONS(ProbeCheckResult)

public:
    ProbeCheck check = ProbeCheck::ConnectV31;
    ProbeOutcome outcome = ProbeOutcome::Skipped;
    // The reason code that decided the line (CONNACK, SUBACK, PUBACK, DISCONNECT), if any;
    // reasonPacket names which, for the text of 0x00..0x02.
    std::optional<ReasonCode> reasonCode;
    PacketType reasonPacket = PacketType::Connack;
    QString detail; // one sentence, translated
    qint64 elapsedMs = 0;

    // What the outcome is, given what was announced (nothing under 3.x) and whether it worked.
    static ProbeOutcome judge(std::optional<bool> announced, bool worked);

    static QList<ProbeCheck> allChecks();
    // Stable keys for JSON ("qos2", "shared_subscription"): not translated.
    static QString key(ProbeCheck check);
    static QString outcomeKey(ProbeOutcome outcome);
    // For people: "QoS 2 round trip", "Announced but broken".
    static QString title(ProbeCheck check);
    static QString outcomeText(ProbeOutcome outcome);
    // "0x9B QoS not supported", or empty.
    QString reasonText() const;
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::ProbeCheck)
Q_DECLARE_METATYPE(mqttdesk::ProbeCheckResult)
