#include "core/session/inbound_flow.h"

#include <QCoreApplication>

namespace mqttdesk {

void InboundFlow::beginConnection(quint16 aliasMaximum, quint16 receiveMaximum)
{
    m_aliasMaximum = aliasMaximum;
    m_receiveMaximum = receiveMaximum == 0 ? 65535 : receiveMaximum;
    m_aliases.clear();
}

void InboundFlow::endConnection()
{
    m_aliases.clear();
}

std::optional<SessionError> InboundFlow::resolveTopicAlias(PublishPacket &message)
{
    const std::optional<quint16> alias = message.properties.topicAlias();
    if (!alias)
        return std::nullopt;
    if (*alias == 0 || *alias > m_aliasMaximum) {
        const QString rule =
            m_aliasMaximum == 0 ? QStringLiteral("MQTT-3.1.2-27") : QStringLiteral("MQTT-3.1.2-26");
        return SessionError::protocolViolation(
            rule,
            QCoreApplication::translate("mqttdesk::InboundFlow",
                                        "a PUBLISH uses Topic Alias %1, but we allow at most %2")
                .arg(*alias)
                .arg(m_aliasMaximum),
            ReasonCode::TopicAliasInvalid);
    }
    message.properties.remove(PropertyId::TopicAlias);
    if (!message.topic.isEmpty()) {
        m_aliases.insert(*alias, message.topic);
        return std::nullopt;
    }
    const auto it = m_aliases.constFind(*alias);
    if (it == m_aliases.constEnd()) {
        return SessionError::protocolViolation(
            QStringLiteral("5.0 §3.3.2.3.4"),
            QCoreApplication::translate(
                "mqttdesk::InboundFlow",
                "a PUBLISH has an empty topic and Topic Alias %1, which was never set up")
                .arg(*alias),
            ReasonCode::ProtocolError);
    }
    message.topic = *it;
    return std::nullopt;
}

InboundFlow::Qos2Receipt InboundFlow::receiveQos2(quint16 packetId)
{
    if (m_pendingRelease.contains(packetId))
        return Qos2Receipt::Duplicate;
    if (m_pendingRelease.size() >= m_receiveMaximum)
        return Qos2Receipt::OverReceiveMaximum;
    m_pendingRelease.insert(packetId);
    return Qos2Receipt::New;
}

bool InboundFlow::release(quint16 packetId)
{
    return m_pendingRelease.remove(packetId);
}

} // namespace mqttdesk
