#include "core/session/reason_policy.h"

#include <QCoreApplication>

namespace mqttdesk {

namespace {} // namespace

bool ReasonPolicy::isPermanentRefusal(ReasonCode code)
{
    switch (code) {
    case ReasonCode::UnsupportedProtocolVersion:
    case ReasonCode::ClientIdentifierNotValid:
    case ReasonCode::BadUserNameOrPassword:
    case ReasonCode::NotAuthorized:
    case ReasonCode::Banned:
    case ReasonCode::BadAuthenticationMethod:
    case ReasonCode::UseAnotherServer:
    case ReasonCode::ServerMoved:
    case ReasonCode::TopicNameInvalid:
    case ReasonCode::PacketTooLarge:
    case ReasonCode::QoSNotSupported:
    case ReasonCode::RetainNotSupported:
    case ReasonCode::PayloadFormatInvalid:
    case ReasonCode::MalformedPacket:
    case ReasonCode::ProtocolError:
        return true;
    default:
        return false;
    }
}

// Server DISCONNECT reasons after which reconnecting would fight or be refused again.
bool ReasonPolicy::isPermanentDisconnect(ReasonCode code)
{
    switch (code) {
    case ReasonCode::NotAuthorized:
    case ReasonCode::Banned:
    case ReasonCode::BadAuthenticationMethod:
    case ReasonCode::SessionTakenOver: // another client uses our id: do not take it back
    case ReasonCode::UseAnotherServer:
    case ReasonCode::ServerMoved:
        return true;
    default:
        return false;
    }
}

// The Reason Codes a client may put in DISCONNECT [MQTT-3.14.2-1] (5.0 §3.14.2.1).
bool ReasonPolicy::isClientDisconnectCode(ReasonCode code)
{
    switch (code) {
    case ReasonCode::NormalDisconnection:
    case ReasonCode::DisconnectWithWillMessage:
    case ReasonCode::UnspecifiedError:
    case ReasonCode::MalformedPacket:
    case ReasonCode::ProtocolError:
    case ReasonCode::ImplementationSpecificError:
    case ReasonCode::TopicNameInvalid:
    case ReasonCode::ReceiveMaximumExceeded:
    case ReasonCode::TopicAliasInvalid:
    case ReasonCode::PacketTooLarge:
    case ReasonCode::MessageRateTooHigh:
    case ReasonCode::QuotaExceeded:
    case ReasonCode::AdministrativeAction:
    case ReasonCode::PayloadFormatInvalid:
        return true;
    default:
        return false;
    }
}

QString ReasonPolicy::refusalMessage(const ConnackInfo &info)
{
    QString text =
        QCoreApplication::translate("mqttdesk::Session", "The server refused the connection: %1.")
            .arg(reasonCodeText(info.reasonCode, PacketType::Connack));
    if (info.reasonString)
        text += QLatin1Char(' ') +
                QCoreApplication::translate("mqttdesk::Session", "The server says: \"%1\".")
                    .arg(*info.reasonString);
    if (info.serverReference)
        text +=
            QLatin1Char(' ') + QCoreApplication::translate("mqttdesk::Session",
                                                           "It suggests the server \"%1\" instead.")
                                   .arg(*info.serverReference);
    switch (info.reasonCode) {
    case ReasonCode::BadUserNameOrPassword:
        text += QLatin1Char(' ') + QCoreApplication::translate("mqttdesk::Session",
                                                               "Check the user name and password.");
        break;
    case ReasonCode::NotAuthorized:
        text += QLatin1Char(' ') +
                QCoreApplication::translate("mqttdesk::Session",
                                            "Check the credentials and the broker's ACL.");
        break;
    case ReasonCode::UnsupportedProtocolVersion:
        text += QLatin1Char(' ') +
                QCoreApplication::translate("mqttdesk::Session",
                                            "Try another MQTT version for this server.");
        break;
    case ReasonCode::ClientIdentifierNotValid:
        text +=
            QLatin1Char(' ') + QCoreApplication::translate("mqttdesk::Session",
                                                           "Use another client id (3.1: at most 23 "
                                                           "characters).");
        break;
    default:
        break;
    }
    return text;
}

QString ReasonPolicy::serverDisconnectMessage(const DisconnectPacket &packet)
{
    const std::optional<QString> reasonString = packet.properties.reasonString();
    const std::optional<QString> serverReference = packet.properties.serverReference();
    QString text =
        QCoreApplication::translate("mqttdesk::Session", "The server closed the connection: %1.")
            .arg(reasonCodeText(packet.reasonCode, PacketType::Disconnect));
    if (reasonString)
        text +=
            QLatin1Char(' ') +
            QCoreApplication::translate("mqttdesk::Session", "It says: \"%1\".").arg(*reasonString);
    if (serverReference)
        text +=
            QLatin1Char(' ') + QCoreApplication::translate("mqttdesk::Session",
                                                           "It suggests the server \"%1\" instead.")
                                   .arg(*serverReference);
    if (packet.reasonCode == ReasonCode::SessionTakenOver)
        text += QLatin1Char(' ') +
                QCoreApplication::translate("mqttdesk::Session",
                                            "Another client connected with the same client "
                                            "id; use a unique id.");
    return text;
}

} // namespace mqttdesk
