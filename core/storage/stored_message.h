#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// One message of a profile's history, exactly as it went over the wire: the payload and
// the MQTT 5 property block are raw bytes (the block in wire format, as produced by the
// codec; storage never interprets it).
struct StoredMessage
{
    enum class Direction : quint8
    {
        Incoming = 0,
        Outgoing = 1,
    };

    // Payloads above this size live in a side table, so list scans stay fast.
    static constexpr qsizetype kLargePayloadThreshold = 64 * 1024;

    qint64 id = 0; // assigned by MessageWriter when committed
    qint64 profileId = 0;
    Direction direction = Direction::Incoming;
    QString topic;
    QByteArray payload;
    quint8 qos = 0;
    bool retain = false;
    bool dup = false;
    QByteArray properties; // raw MQTT 5 property block, empty for 3.1.1
    qint64 receivedUs = 0; // microseconds since the epoch
    std::optional<qint64> subscriptionId;
    std::optional<quint16> packetId;

    // Outgoing messages only: how far the publish got. Stored when the message is sent
    // (stage Queued or Sent) and updated as its acknowledgements arrive
    // (MessageWriter::updateOutgoing), so the history shows unacknowledged publishes too.
    // The values are those of PublishStatus (core/connection).
    enum class PublishStage : quint8
    {
        Queued = 1,
        Sent = 2,
        Acknowledged = 3, // QoS 1 PUBACK
        Received = 4,     // QoS 2 PUBREC
        Completed = 5,    // QoS 2 PUBCOMP
        Failed = 6,
    };
    std::optional<PublishStage> publishStage;
    std::optional<quint8> publishReason; // reason code of the ack or refusal
    QString publishError;                // when Failed without a reason code: what happened

    // Set by reads: the payload size, and whether the payload was left in the side table
    // (MessageQuery::loadPayload fetches it).
    qint64 payloadSize = 0;
    bool payloadDeferred = false;

    // Flag bits of the `flags` column.
    enum Flag : int
    {
        FlagOutgoing = 1,
        FlagQosShift = 1, // two bits
        FlagRetain = 8,
        FlagDup = 16,
        FlagText = 32,
        FlagLarge = 64,
    };
    int flags() const;
    void applyFlags(int flags);

    bool operator==(const StoredMessage &other) const = default;
};

// Whether `bytes` is valid UTF-8 (no overlongs, no surrogates); such payloads are
// "text-like" and go into the full-text index.
bool isValidUtf8(const QByteArray &bytes);

using StoredMessageList = QList<StoredMessage>;

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::StoredMessage)
