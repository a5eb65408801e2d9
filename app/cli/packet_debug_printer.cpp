#include "app/cli/packet_debug_printer.h"

#include "core/connection/connection.h"

#include <QStringList>

#include <cstdio>

namespace mqttdesk {

namespace {

int code(const PacketTraceEntry &e)
{
    return e.hasReasonCode ? int(e.reasonCode) : 0;
}

// "0" or "0,135": the reason codes of a SUBACK or UNSUBACK.
QString codes(const PacketTraceEntry &e)
{
    QStringList out;
    for (const ReasonCode c : e.allReasonCodes())
        out << QString::number(int(c));
    return out.join(QLatin1Char(','));
}

// What follows the packet's name, in mosquitto's words for each packet and direction.
QString details(const PacketTraceEntry &e, bool sent)
{
    switch (e.type) {
    case PacketType::Connack:
        return QStringLiteral(" (%1)").arg(code(e));
    case PacketType::Publish:
        return QStringLiteral(" (d%1, q%2, r%3, m%4, '%5', ... (%6 bytes))")
            .arg(e.hasFlag(PacketTraceEntry::Dup) ? 1 : 0)
            .arg(int(e.qos))
            .arg(e.hasFlag(PacketTraceEntry::Retain) ? 1 : 0)
            .arg(e.packetId)
            .arg(e.topic.isEmpty() && e.topicAlias ? QStringLiteral("alias %1").arg(e.topicAlias)
                                                   : e.topic)
            .arg(e.payloadSize);
    case PacketType::Puback:
    case PacketType::Pubrec:
        return sent ? QStringLiteral(" (m%1, rc%2)").arg(e.packetId).arg(code(e))
               : e.type == PacketType::Puback
                   ? QStringLiteral(" (Mid: %1, RC:%2)").arg(e.packetId).arg(code(e))
                   : QStringLiteral(" (Mid: %1)").arg(e.packetId);
    case PacketType::Pubrel:
        return sent ? QStringLiteral(" (m%1)").arg(e.packetId)
                    : QStringLiteral(" (Mid: %1)").arg(e.packetId);
    case PacketType::Pubcomp:
        return sent ? QStringLiteral(" (m%1)").arg(e.packetId)
                    : QStringLiteral(" (Mid: %1, RC:%2)").arg(e.packetId).arg(code(e));
    case PacketType::Subscribe:
        return QStringLiteral(" (Mid: %1, Topic: %2, QoS: %3)")
            .arg(e.packetId)
            .arg(e.topic)
            .arg(int(e.qos));
    case PacketType::Unsubscribe:
        return QStringLiteral(" (Mid: %1, Topic: %2)").arg(e.packetId).arg(e.topic);
    case PacketType::Suback:
    case PacketType::Unsuback:
        // mosquitto_sub prints the granted QoS on a line of its own; here they stay with
        // the packet (a refusal is 128 or more).
        return e.allReasonCodes().isEmpty()
                   ? QStringLiteral(" (Mid: %1)").arg(e.packetId)
                   : QStringLiteral(" (Mid: %1, RC:%2)").arg(e.packetId).arg(codes(e));
    case PacketType::Disconnect:
    case PacketType::Auth:
        return code(e) != 0 ? QStringLiteral(" (%1)").arg(code(e)) : QString();
    case PacketType::Connect:
    case PacketType::Pingreq:
    case PacketType::Pingresp:
        break;
    }
    return {};
}

} // namespace

PacketDebugPrinter::PacketDebugPrinter(Connection *connection, QObject *parent)
    : QObject(parent)
{
    connect(connection, &Connection::packetsTraced, this, &PacketDebugPrinter::onTraced);
    connection->setPacketTracing(true);
}

QString PacketDebugPrinter::line(const PacketTraceRecord &record, const QString &clientId)
{
    const PacketTraceEntry &e = record.entry;
    const bool sent = e.direction == PacketDirection::Sent;
    QString text = QStringLiteral("Client %1 %2 %3")
                       .arg(clientId.isEmpty() ? QStringLiteral("(null)") : clientId,
                            sent ? QStringLiteral("sending") : QStringLiteral("received"),
                            packetTypeName(e.type)) +
                   details(e, sent);
    if (!e.reasonString.isEmpty())
        text += QStringLiteral(" \"%1\"").arg(e.reasonString);
    // Not translated, as mosquitto's lines are not: scripts read them.
    if (record.stepRttUs >= 0)
        text += QStringLiteral(" rtt %1 ms").arg(double(record.stepRttUs) / 1000.0, 0, 'f', 2);
    return text;
}

void PacketDebugPrinter::onTraced(const QList<PacketTraceEntry> &entries)
{
    QByteArray out;
    // In pieces no larger than the ring, so that every packet is printed.
    const qsizetype step = m_trace.capacity();
    for (qsizetype at = 0; at < entries.size(); at += step) {
        const QList<PacketTraceEntry> piece = entries.mid(at, step);
        m_trace.append(piece);
        for (qsizetype row = m_trace.size() - piece.size(); row < m_trace.size(); ++row) {
            const PacketTraceEntry &e = m_trace.at(row).entry;
            // The client is named by its CONNECT, or by the id the server assigned.
            if (e.type == PacketType::Connect || !e.clientId.isEmpty())
                m_clientId = e.clientId;
            out += line(m_trace.at(row), m_clientId).toUtf8();
            out += '\n';
        }
    }
    std::fwrite(out.constData(), 1, std::size_t(out.size()), stderr);
    std::fflush(stderr);
}

} // namespace mqttdesk
