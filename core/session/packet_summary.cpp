#include "core/session/packet_summary.h"

#include <QStringList>

namespace mqttdesk {

namespace {

QString hexCode(ReasonCode code)
{
    return QStringLiteral("0x%1").arg(quint8(code), 2, 16, QLatin1Char('0'));
}

QString describeConnect(const ConnectPacket &p)
{
    QString text = QStringLiteral("CONNECT clientId=\"%1\" cleanStart=%2 keepAlive=%3")
                       .arg(p.clientId)
                       .arg(p.cleanStart ? 1 : 0)
                       .arg(p.keepAlive);
    if (p.username)
        text += QStringLiteral(" user=\"%1\"").arg(*p.username);
    if (p.password)
        text += QStringLiteral(" password=<hidden>");
    if (p.will)
        text += QStringLiteral(" will=\"%1\" willQos=%2").arg(p.will->topic).arg(int(p.will->qos));
    if (const auto method = p.properties.authenticationMethod())
        text += QStringLiteral(" auth=%1").arg(*method);
    return text;
}

QString describePublish(const PublishPacket &p)
{
    QString text = QStringLiteral("PUBLISH");
    if (p.qos != QoS::AtMostOnce)
        text += QStringLiteral(" id=%1").arg(p.packetId);
    text += QStringLiteral(" qos=%1").arg(int(p.qos));
    if (p.retain)
        text += QStringLiteral(" retain");
    if (p.dup)
        text += QStringLiteral(" dup");
    text += QStringLiteral(" topic=\"%1\"").arg(p.topic);
    if (const auto alias = p.properties.topicAlias())
        text += QStringLiteral(" alias=%1").arg(*alias);
    return text + QStringLiteral(" (%1 bytes)").arg(p.payload.size());
}

template<typename Ack>
QString describeAck(const char *name, const Ack &p)
{
    return QStringLiteral("%1 id=%2 rc=%3")
        .arg(QLatin1String(name))
        .arg(p.packetId)
        .arg(hexCode(p.reasonCode));
}

} // namespace

QString PacketSummary::describe(const Packet &packet)
{
    if (const auto *p = std::get_if<ConnectPacket>(&packet))
        return describeConnect(*p);
    if (const auto *p = std::get_if<ConnackPacket>(&packet))
        return QStringLiteral("CONNACK sessionPresent=%1 rc=%2")
            .arg(p->sessionPresent ? 1 : 0)
            .arg(hexCode(p->reasonCode));
    if (const auto *p = std::get_if<PublishPacket>(&packet))
        return describePublish(*p);
    if (const auto *p = std::get_if<PubackPacket>(&packet))
        return describeAck("PUBACK", *p);
    if (const auto *p = std::get_if<PubrecPacket>(&packet))
        return describeAck("PUBREC", *p);
    if (const auto *p = std::get_if<PubrelPacket>(&packet))
        return describeAck("PUBREL", *p);
    if (const auto *p = std::get_if<PubcompPacket>(&packet))
        return describeAck("PUBCOMP", *p);
    if (const auto *p = std::get_if<SubscribePacket>(&packet)) {
        QStringList filters;
        for (const Subscription &s : p->subscriptions)
            filters << QStringLiteral("%1@%2").arg(s.filter).arg(int(s.options.qos));
        return QStringLiteral("SUBSCRIBE id=%1 %2").arg(p->packetId).arg(filters.join(u' '));
    }
    if (const auto *p = std::get_if<SubackPacket>(&packet)) {
        QStringList codes;
        for (ReasonCode c : p->reasonCodes)
            codes << hexCode(c);
        return QStringLiteral("SUBACK id=%1 %2").arg(p->packetId).arg(codes.join(u' '));
    }
    if (const auto *p = std::get_if<UnsubscribePacket>(&packet))
        return QStringLiteral("UNSUBSCRIBE id=%1 %2").arg(p->packetId).arg(p->filters.join(u' '));
    if (const auto *p = std::get_if<UnsubackPacket>(&packet))
        return QStringLiteral("UNSUBACK id=%1").arg(p->packetId);
    if (std::holds_alternative<PingreqPacket>(packet))
        return QStringLiteral("PINGREQ");
    if (std::holds_alternative<PingrespPacket>(packet))
        return QStringLiteral("PINGRESP");
    if (const auto *p = std::get_if<DisconnectPacket>(&packet))
        return QStringLiteral("DISCONNECT rc=%1").arg(hexCode(p->reasonCode));
    if (const auto *p = std::get_if<AuthPacket>(&packet))
        return QStringLiteral("AUTH rc=%1").arg(hexCode(p->reasonCode));
    return QStringLiteral("?");
}

} // namespace mqttdesk
