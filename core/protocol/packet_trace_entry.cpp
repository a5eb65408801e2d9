#include "core/protocol/packet_trace_entry.h"

#include "core/protocol/overloaded.h"

#include <variant>

namespace mqttdesk {

namespace {

template<typename Ack>
void takeAck(PacketTraceEntry &e, const Ack &p)
{
    e.packetId = p.packetId;
    e.hasReasonCode = true;
    e.reasonCode = p.reasonCode;
}

QString joined(const QList<QString> &filters)
{
    if (filters.size() == 1)
        return filters.first(); // shared, not copied
    QString out;
    for (const QString &f : filters) {
        if (!out.isEmpty())
            out += QLatin1String(", ");
        out += f;
    }
    return out;
}

} // namespace

PacketTraceEntry PacketTraceEntry::of(const Packet &packet, PacketDirection direction,
                                      qint64 wireSize, qint64 timeMs)
{
    PacketTraceEntry e;
    e.timeMs = timeMs;
    e.wireSize = wireSize;
    e.direction = direction;
    e.type = packetTypeOf(packet);
    const Properties *properties = nullptr;
    std::visit(Overloaded{
                   [&](const ConnectPacket &p) {
                       e.clientId = p.clientId;
                       if (p.cleanStart)
                           e.flags |= CleanStart;
                       properties = &p.properties;
                   },
                   [&](const ConnackPacket &p) {
                       if (p.sessionPresent)
                           e.flags |= SessionPresent;
                       e.hasReasonCode = true;
                       e.reasonCode = p.reasonCode;
                       e.receiveMaximum = p.properties.receiveMaximum().value_or(0);
                       e.clientId = p.properties.assignedClientIdentifier().value_or(QString());
                       properties = &p.properties;
                   },
                   [&](const PublishPacket &p) {
                       e.topic = p.topic;
                       e.qos = p.qos;
                       e.packetId = p.qos == QoS::AtMostOnce ? 0 : p.packetId;
                       e.payloadSize = p.payload.size();
                       if (p.dup)
                           e.flags |= Dup;
                       if (p.retain)
                           e.flags |= Retain;
                       e.topicAlias = p.properties.topicAlias().value_or(0);
                       properties = &p.properties;
                   },
                   [&](const PubackPacket &p) {
                       takeAck(e, p);
                       properties = &p.properties;
                   },
                   [&](const PubrecPacket &p) {
                       takeAck(e, p);
                       properties = &p.properties;
                   },
                   [&](const PubrelPacket &p) {
                       takeAck(e, p);
                       properties = &p.properties;
                   },
                   [&](const PubcompPacket &p) {
                       takeAck(e, p);
                       properties = &p.properties;
                   },
                   [&](const SubscribePacket &p) {
                       e.packetId = p.packetId;
                       QList<QString> filters;
                       filters.reserve(p.subscriptions.size());
                       for (const Subscription &s : p.subscriptions) {
                           filters.append(s.filter);
                           e.qos = qMax(e.qos, s.options.qos);
                       }
                       e.topic = joined(filters);
                       properties = &p.properties;
                   },
                   [&](const SubackPacket &p) {
                       e.packetId = p.packetId;
                       e.reasonCodes = p.reasonCodes;
                       properties = &p.properties;
                   },
                   [&](const UnsubscribePacket &p) {
                       e.packetId = p.packetId;
                       e.topic = joined(p.filters);
                       properties = &p.properties;
                   },
                   [&](const UnsubackPacket &p) {
                       e.packetId = p.packetId;
                       e.reasonCodes = p.reasonCodes;
                       properties = &p.properties;
                   },
                   [&](const PingreqPacket &) {},
                   [&](const PingrespPacket &) {},
                   [&](const DisconnectPacket &p) {
                       e.hasReasonCode = true;
                       e.reasonCode = p.reasonCode;
                       properties = &p.properties;
                   },
                   [&](const AuthPacket &p) {
                       e.hasReasonCode = true;
                       e.reasonCode = p.reasonCode;
                       properties = &p.properties;
                   },
               },
               packet);
    if (properties && !properties->isEmpty()) {
        e.propertyCount = int(properties->size());
        e.reasonString = properties->reasonString().value_or(QString());
    }
    return e;
}

bool PacketTraceEntry::isFailure() const
{
    if (hasReasonCode && !isSuccess(reasonCode))
        return true;
    for (const ReasonCode code : reasonCodes) {
        if (!isSuccess(code))
            return true;
    }
    return false;
}

QList<ReasonCode> PacketTraceEntry::allReasonCodes() const
{
    if (!reasonCodes.isEmpty())
        return reasonCodes;
    if (hasReasonCode)
        return {reasonCode};
    return {};
}

} // namespace mqttdesk
