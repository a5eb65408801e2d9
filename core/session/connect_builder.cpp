#include "core/session/connect_builder.h"

#include "core/protocol/topic.h"

#include <QCoreApplication>

namespace mqttdesk {

namespace {} // namespace

QString ConnectBuilder::generateClientId(std::mt19937_64 &random)
{
    QString id = QStringLiteral("mqttdesk-");
    const char *const hex = "0123456789abcdef";
    while (id.size() < 23)
        id += QLatin1Char(hex[random() % 16]);
    return id;
}

QString ConnectBuilder::effectiveClientId(const SessionOptions &options, bool cleanStart,
                                          std::mt19937_64 &random)
{
    if (!options.clientId.isEmpty())
        return options.clientId;
    switch (options.version) {
    case ProtocolVersion::V5:
        return {}; // the server assigns one (Assigned Client Identifier)
    case ProtocolVersion::V311:
        if (cleanStart)
            return {}; // [MQTT-3.1.3-7]: allowed with CleanSession 1
        return generateClientId(random);
    case ProtocolVersion::V31:
        return generateClientId(random); // 3.1 needs 1..23 characters
    }
    return generateClientId(random);
}

std::optional<SessionError> ConnectBuilder::validate(const SessionOptions &options)
{
    const auto invalid = [](const QString &message, const QString &rule = {}) {
        return SessionError::make(SessionError::Kind::InvalidOptions, message, rule);
    };
    if (options.version == ProtocolVersion::V31 && options.clientId.size() > 23) {
        return invalid(
            QCoreApplication::translate("mqttdesk::ConnectBuilder",
                                        "MQTT 3.1 allows client ids of 1 to 23 characters; \"%1\" "
                                        "has %2. Use a shorter id or MQTT 3.1.1 / 5.0.")
                .arg(options.clientId)
                .arg(options.clientId.size()),
            QStringLiteral("3.1 §3.1"));
    }
    if (options.clientId.contains(QChar(0))) {
        return invalid(
            QCoreApplication::translate("mqttdesk::ConnectBuilder",
                                        "The client id contains the null character U+0000."),
            QStringLiteral("MQTT-1.5.4-2"));
    }
    if (options.version != ProtocolVersion::V5 && options.password && !options.username) {
        // 3.1.1: Password Flag needs User Name Flag [MQTT-3.1.2-22].
        return invalid(
            QCoreApplication::translate("mqttdesk::ConnectBuilder",
                                        "MQTT 3.1 and 3.1.1 send a password only together with a "
                                        "user name. Enter a user name or use MQTT 5.0."),
            QStringLiteral("MQTT-3.1.2-22"));
    }
    if (options.will) {
        if (const std::optional<TopicError> error = Topic::validateName(options.will->topic)) {
            return invalid(QCoreApplication::translate("mqttdesk::ConnectBuilder",
                                                       "The will topic is invalid: %1")
                               .arg(error->message()),
                           QStringLiteral("MQTT-3.1.3-11"));
        }
        if (quint8(options.will->qos) > 2) {
            return invalid(QCoreApplication::translate("mqttdesk::ConnectBuilder",
                                                       "The will QoS must be 0, 1 or 2."),
                           QStringLiteral("MQTT-3.1.2-12"));
        }
    }
    if (options.version == ProtocolVersion::V5) {
        // 5.0 §3.1.2.11: 0 is a Protocol Error for both.
        if (options.receiveMaximum && *options.receiveMaximum == 0) {
            return invalid(QCoreApplication::translate("mqttdesk::ConnectBuilder",
                                                       "Receive Maximum must be at least 1."),
                           QStringLiteral("5.0 §3.1.2.11.3"));
        }
        if (options.maximumPacketSize && *options.maximumPacketSize == 0) {
            return invalid(QCoreApplication::translate("mqttdesk::ConnectBuilder",
                                                       "Maximum Packet Size must be at least 1."),
                           QStringLiteral("5.0 §3.1.2.11.4"));
        }
    } else if (!options.authenticationMethod.isEmpty()) {
        return invalid(QCoreApplication::translate("mqttdesk::ConnectBuilder",
                                                   "Enhanced authentication (%1) needs MQTT 5.0.")
                           .arg(options.authenticationMethod));
    }
    return std::nullopt;
}

ConnectPacket ConnectBuilder::build(const SessionOptions &options, const QString &clientId,
                                    bool cleanStart, const QByteArray &authenticationData,
                                    bool sendPassword)
{
    const bool v5 = options.version == ProtocolVersion::V5;
    ConnectPacket connect;
    connect.protocolVersion = options.version;
    connect.clientId = clientId;
    connect.cleanStart = cleanStart;
    connect.keepAlive = options.keepAliveSeconds;
    connect.username = options.username;
    if (sendPassword)
        connect.password = options.password;
    if (options.will) {
        Will will = *options.will;
        if (!v5)
            will.properties.clear();
        connect.will = will;
    }
    if (!v5)
        return connect;

    Properties &p = connect.properties;
    if (options.sessionExpiryInterval)
        p.setSessionExpiryInterval(*options.sessionExpiryInterval);
    if (options.receiveMaximum)
        p.setReceiveMaximum(*options.receiveMaximum);
    if (options.maximumPacketSize)
        p.setMaximumPacketSize(*options.maximumPacketSize);
    if (options.topicAliasMaximum > 0)
        p.setTopicAliasMaximum(options.topicAliasMaximum);
    if (options.requestResponseInformation)
        p.setRequestResponseInformation(1);
    if (!options.requestProblemInformation)
        p.setRequestProblemInformation(0); // 1 is the default: not sent
    for (const StringPair &pair : options.userProperties)
        p.addUserProperty(pair.name, pair.value);
    if (!options.authenticationMethod.isEmpty()) {
        p.setAuthenticationMethod(options.authenticationMethod);
        if (!authenticationData.isEmpty())
            p.setAuthenticationData(authenticationData);
    }
    return connect;
}

} // namespace mqttdesk
