#pragma once

#include "core/packettrace/packet_trace_record.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace mqttdesk {

// The packet inspector's export: one JSON object per line (JSON Lines), one per packet, in
// order. Keys (absent when they do not apply):
//   seq, direction ("sent" | "received"), type ("PUBLISH", ...), timeUs (the connection's
//   monotonic clock), timeMs (the session's), wireSize, payloadSize, packetId, qos, dup,
//   retain, sessionPresent, cleanStart, reasonCodes (numbers), reasonString, topic,
//   topicAlias, clientId, receiveMaximum, propertyCount, answersSeq, flowSeq, stepRttUs,
//   flowRttUs, flowEnd, flowTopic.
// read() takes back what write() wrote, field for field.
class PacketTraceJson
{
    Q_DECLARE_TR_FUNCTIONS(PacketTraceJson)
public:
    static QByteArray line(const PacketTraceRecord &record); // with the line feed
    // One line; nothing and the reason in `error` when it is not a traced packet.
    static std::optional<PacketTraceRecord> parse(QByteArrayView line, QString *error);

    // Writes `records` to `path` (replaced only once complete); the reason when it fails.
    static QString save(const QString &path, const QList<PacketTraceRecord> &records);
    // Reads a file save() wrote; the reason, with the line number, when it cannot.
    static QString load(const QString &path, QList<PacketTraceRecord> *records);
};

} // namespace mqttdesk
