#include "core/session/request_validator.h"

#include "core/protocol/topic.h"

#include <QCoreApplication>

namespace mqttdesk {

namespace {

constexpr quint32 kMaximumSubscriptionIdentifier = 268435455;

SessionError invalid(const QString &message, const QString &rule = {})
{
    return SessionError::make(SessionError::Kind::InvalidRequest, message, rule);
}

} // namespace

std::optional<SessionError> RequestValidator::checkPublish(PublishPacket &message,
                                                           ProtocolVersion version,
                                                           const ConnackInfo *server)
{
    message.dup = false;
    message.packetId = 0;
    // Aliases are the session's business (outbound option).
    message.properties.remove(PropertyId::TopicAlias);
    if (version != ProtocolVersion::V5)
        message.properties.clear();
    if (const std::optional<TopicError> error = Topic::validateName(message.topic)) {
        const QString rule = error->code == TopicErrorCode::WildcardInName
                                 ? QStringLiteral("MQTT-3.3.2-2")
                                 : QStringLiteral("MQTT-4.7.3-1");
        return invalid(QCoreApplication::translate("mqttdesk::RequestValidator",
                                                   "Cannot publish to \"%1\": %2")
                           .arg(message.topic, error->message()),
                       rule);
    }
    if (quint8(message.qos) > 2)
        return invalid(
            QCoreApplication::translate("mqttdesk::RequestValidator", "QoS must be 0, 1 or 2."),
            QStringLiteral("MQTT-3.3.1-4"));
    if (!message.properties.subscriptionIdentifiers().isEmpty()) {
        return invalid(
            QCoreApplication::translate("mqttdesk::RequestValidator",
                                        "A published message cannot carry a Subscription "
                                        "Identifier; remove it."),
            QStringLiteral("MQTT-3.3.4-6"));
    }
    if (const std::optional<QString> responseTopic = message.properties.responseTopic()) {
        if (const std::optional<TopicError> error = Topic::validateName(*responseTopic)) {
            return invalid(QCoreApplication::translate("mqttdesk::RequestValidator",
                                                       "The response topic \"%1\" is invalid: %2")
                               .arg(*responseTopic, error->message()),
                           QStringLiteral("MQTT-3.3.2-14"));
        }
    }
    if (!server)
        return std::nullopt;
    if (quint8(message.qos) > quint8(server->maximumQoS)) {
        return SessionError::make(
            SessionError::Kind::QoSNotSupported,
            QCoreApplication::translate("mqttdesk::RequestValidator",
                                        "The server accepts messages up to QoS %1 "
                                        "only; publish with QoS %1 or lower.")
                .arg(quint8(server->maximumQoS)),
            QStringLiteral("MQTT-3.2.2-11"), ReasonCode::QoSNotSupported);
    }
    if (message.retain && !server->retainAvailable) {
        return SessionError::make(
            SessionError::Kind::RetainNotSupported,
            QCoreApplication::translate("mqttdesk::RequestValidator",
                                        "The server does not support retained "
                                        "messages; publish without Retain."),
            QStringLiteral("MQTT-3.2.2-14"), ReasonCode::RetainNotSupported);
    }
    return std::nullopt;
}

std::optional<SessionError> RequestValidator::checkSubscribe(SubscribeRequested &request,
                                                             ProtocolVersion version,
                                                             const ConnackInfo *server)
{
    const bool v5 = version == ProtocolVersion::V5;
    if (request.subscriptions.isEmpty()) {
        return invalid(QCoreApplication::translate("mqttdesk::RequestValidator",
                                                   "A subscription needs at least one filter."),
                       QStringLiteral("MQTT-3.8.3-2"));
    }
    if (!v5) {
        request.subscriptionIdentifier.reset();
        request.userProperties.clear();
    }
    if (request.subscriptionIdentifier &&
        (*request.subscriptionIdentifier == 0 ||
         *request.subscriptionIdentifier > kMaximumSubscriptionIdentifier)) {
        return invalid(
            QCoreApplication::translate("mqttdesk::RequestValidator",
                                        "A subscription identifier must be between 1 and "
                                        "268,435,455."),
            QStringLiteral("5.0 §3.8.2.1.2"));
    }
    for (Subscription &s : request.subscriptions) {
        if (!v5)
            s.options = SubscriptionOptions{s.options.qos}; // 3.x: only the QoS exists
        if (const std::optional<TopicError> error = Topic::validateFilter(s.filter)) {
            return invalid(QCoreApplication::translate("mqttdesk::RequestValidator",
                                                       "Cannot subscribe to \"%1\": %2")
                               .arg(s.filter, error->message()),
                           QStringLiteral("MQTT-3.8.3-1"));
        }
        if (quint8(s.options.qos) > 2 || quint8(s.options.retainHandling) > 2) {
            return invalid(
                QCoreApplication::translate("mqttdesk::RequestValidator",
                                            "Subscription options out of range (QoS 0..2, "
                                            "Retain Handling 0..2)."),
                QStringLiteral("MQTT-3.8.3-5"));
        }
        if (v5 && s.options.noLocal && Topic::isShared(s.filter)) {
            return invalid(
                QCoreApplication::translate("mqttdesk::RequestValidator",
                                            "No Local cannot be set on the shared subscription "
                                            "\"%1\"; turn it off.")
                    .arg(s.filter),
                QStringLiteral("MQTT-3.8.3-4"));
        }
        if (!server || !v5)
            continue;
        if (!server->wildcardSubscriptionAvailable && Topic::hasWildcards(s.filter)) {
            return SessionError::make(
                SessionError::Kind::FeatureNotSupported,
                QCoreApplication::translate("mqttdesk::RequestValidator",
                                            "The server does not support wildcard "
                                            "subscriptions (\"%1\").")
                    .arg(s.filter),
                QStringLiteral("5.0 §3.2.2.3.11"), ReasonCode::WildcardSubscriptionsNotSupported);
        }
        if (!server->sharedSubscriptionAvailable && Topic::isShared(s.filter)) {
            return SessionError::make(
                SessionError::Kind::FeatureNotSupported,
                QCoreApplication::translate("mqttdesk::RequestValidator",
                                            "The server does not support shared "
                                            "subscriptions (\"%1\").")
                    .arg(s.filter),
                QStringLiteral("5.0 §3.2.2.3.13"), ReasonCode::SharedSubscriptionsNotSupported);
        }
    }
    if (server && v5 && request.subscriptionIdentifier &&
        !server->subscriptionIdentifierAvailable) {
        return SessionError::make(
            SessionError::Kind::FeatureNotSupported,
            QCoreApplication::translate("mqttdesk::RequestValidator",
                                        "The server does not support subscription "
                                        "identifiers; subscribe without one."),
            QStringLiteral("5.0 §3.2.2.3.12"), ReasonCode::SubscriptionIdentifiersNotSupported);
    }
    return std::nullopt;
}

std::optional<SessionError> RequestValidator::checkUnsubscribe(UnsubscribeRequested &request,
                                                               ProtocolVersion version)
{
    if (version != ProtocolVersion::V5)
        request.userProperties.clear();
    if (request.filters.isEmpty()) {
        return invalid(QCoreApplication::translate("mqttdesk::RequestValidator",
                                                   "Unsubscribing needs at least one filter."),
                       QStringLiteral("MQTT-3.10.3-2"));
    }
    for (const QString &filter : request.filters) {
        if (const std::optional<TopicError> error = Topic::validateFilter(filter)) {
            return invalid(QCoreApplication::translate("mqttdesk::RequestValidator",
                                                       "Cannot unsubscribe from \"%1\": %2")
                               .arg(filter, error->message()),
                           QStringLiteral("MQTT-3.10.3-1"));
        }
    }
    return std::nullopt;
}

std::optional<SessionError> RequestValidator::checkSize(qsizetype size, PacketType packet,
                                                        const ConnackInfo *server)
{
    if (!server || !server->maximumPacketSize || quint64(size) <= *server->maximumPacketSize)
        return std::nullopt;
    return SessionError::make(
        SessionError::Kind::PacketTooLarge,
        QCoreApplication::translate("mqttdesk::RequestValidator",
                                    "The %1 packet would be %2 bytes, but the server "
                                    "accepts at most %3 bytes; it was not sent. "
                                    "Make the payload or properties smaller.")
            .arg(packetTypeName(packet))
            .arg(size)
            .arg(*server->maximumPacketSize),
        QStringLiteral("MQTT-3.2.2-15"), ReasonCode::PacketTooLarge);
}

} // namespace mqttdesk
