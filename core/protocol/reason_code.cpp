#include "core/protocol/reason_code.h"

#include <QCoreApplication>

namespace mqttdesk {

namespace {

constexpr quint16 bit(PacketType type)
{
    return quint16(1u << static_cast<quint8>(type));
}

constexpr quint16 Connack = bit(PacketType::Connack);
constexpr quint16 Puback = bit(PacketType::Puback);
constexpr quint16 Pubrec = bit(PacketType::Pubrec);
constexpr quint16 Pubrel = bit(PacketType::Pubrel);
constexpr quint16 Pubcomp = bit(PacketType::Pubcomp);
constexpr quint16 Suback = bit(PacketType::Suback);
constexpr quint16 Unsuback = bit(PacketType::Unsuback);
constexpr quint16 Disconnect = bit(PacketType::Disconnect);
constexpr quint16 Auth = bit(PacketType::Auth);

struct ReasonCodeInfo
{
    quint8 value;
    quint16 packets;  // where 5.0 §2.4 allows it
    const char *text; // translatable source text
};

// 5.0 §2.4, Table 2-6. 0x00..0x02 have packet-specific names (see reasonCodeText()).
constexpr ReasonCodeInfo kInfo[] = {
    {0x00, Connack | Puback | Pubrec | Pubrel | Pubcomp | Unsuback | Auth | Suback | Disconnect,
     QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Success")},
    {0x01, Suback, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Granted QoS 1")},
    {0x02, Suback, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Granted QoS 2")},
    {0x04, Disconnect, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Disconnect with Will Message")},
    {0x10, Puback | Pubrec, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "No matching subscribers")},
    {0x11, Unsuback, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "No subscription existed")},
    {0x18, Auth, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Continue authentication")},
    {0x19, Auth, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Re-authenticate")},
    {0x80, Connack | Puback | Pubrec | Suback | Unsuback | Disconnect,
     QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Unspecified error")},
    {0x81, Connack | Disconnect, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Malformed Packet")},
    {0x82, Connack | Disconnect, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Protocol Error")},
    {0x83, Connack | Puback | Pubrec | Suback | Unsuback | Disconnect,
     QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Implementation specific error")},
    {0x84, Connack, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Unsupported Protocol Version")},
    {0x85, Connack, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Client Identifier not valid")},
    {0x86, Connack, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Bad User Name or Password")},
    {0x87, Connack | Puback | Pubrec | Suback | Unsuback | Disconnect,
     QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Not authorized")},
    {0x88, Connack, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Server unavailable")},
    {0x89, Connack | Disconnect, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Server busy")},
    {0x8A, Connack, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Banned")},
    {0x8B, Disconnect, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Server shutting down")},
    {0x8C, Connack | Disconnect,
     QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Bad authentication method")},
    {0x8D, Disconnect, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Keep Alive timeout")},
    {0x8E, Disconnect, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Session taken over")},
    {0x8F, Suback | Unsuback | Disconnect,
     QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Topic Filter invalid")},
    {0x90, Connack | Puback | Pubrec | Disconnect,
     QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Topic Name invalid")},
    {0x91, Puback | Pubrec | Suback | Unsuback,
     QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Packet Identifier in use")},
    {0x92, Pubrel | Pubcomp,
     QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Packet Identifier not found")},
    {0x93, Disconnect, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Receive Maximum exceeded")},
    {0x94, Disconnect, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Topic Alias invalid")},
    {0x95, Connack | Disconnect, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Packet too large")},
    {0x96, Disconnect, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Message rate too high")},
    {0x97, Connack | Puback | Pubrec | Suback | Disconnect,
     QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Quota exceeded")},
    {0x98, Disconnect, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Administrative action")},
    {0x99, Connack | Puback | Pubrec | Disconnect,
     QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Payload format invalid")},
    {0x9A, Connack | Disconnect, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Retain not supported")},
    {0x9B, Connack | Disconnect, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "QoS not supported")},
    {0x9C, Connack | Disconnect, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Use another server")},
    {0x9D, Connack | Disconnect, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Server moved")},
    {0x9E, Suback | Disconnect,
     QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Shared Subscriptions not supported")},
    {0x9F, Connack | Disconnect,
     QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Connection rate exceeded")},
    {0xA0, Disconnect, QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Maximum connect time")},
    {0xA1, Suback | Disconnect,
     QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Subscription Identifiers not supported")},
    {0xA2, Suback | Disconnect,
     QT_TRANSLATE_NOOP("mqttdesk::ReasonCode", "Wildcard Subscriptions not supported")},
};

const ReasonCodeInfo *info(quint8 value)
{
    for (const ReasonCodeInfo &i : kInfo) {
        if (i.value == value)
            return &i;
    }
    return nullptr;
}

QString hex(quint8 value)
{
    return QStringLiteral("0x") +
           QString::number(value, 16).toUpper().rightJustified(2, QLatin1Char('0'));
}

} // namespace

QString reasonCodeText(ReasonCode code, PacketType packet)
{
    const auto value = static_cast<quint8>(code);
    QString text;
    if (value == 0x00 && packet == PacketType::Disconnect)
        text = QCoreApplication::translate("mqttdesk::ReasonCode", "Normal disconnection");
    else if (value == 0x00 && packet == PacketType::Suback)
        text = QCoreApplication::translate("mqttdesk::ReasonCode", "Granted QoS 0");
    else if (const ReasonCodeInfo *i = info(value))
        text = QCoreApplication::translate("mqttdesk::ReasonCode", i->text);
    else
        text = QCoreApplication::translate("mqttdesk::ReasonCode", "Unknown reason code");
    return hex(value) + QLatin1Char(' ') + text;
}

QString connectReturnCodeText(ConnectReturnCode code)
{
    const auto value = static_cast<quint8>(code);
    QString text;
    switch (code) {
    case ConnectReturnCode::Accepted:
        text = QCoreApplication::translate("mqttdesk::ReasonCode", "Connection accepted");
        break;
    case ConnectReturnCode::UnacceptableProtocolVersion:
        text = QCoreApplication::translate("mqttdesk::ReasonCode",
                                           "Connection refused: unacceptable protocol version");
        break;
    case ConnectReturnCode::IdentifierRejected:
        text = QCoreApplication::translate("mqttdesk::ReasonCode",
                                           "Connection refused: identifier rejected");
        break;
    case ConnectReturnCode::ServerUnavailable:
        text = QCoreApplication::translate("mqttdesk::ReasonCode",
                                           "Connection refused: server unavailable");
        break;
    case ConnectReturnCode::BadUserNameOrPassword:
        text = QCoreApplication::translate("mqttdesk::ReasonCode",
                                           "Connection refused: bad user name or password");
        break;
    case ConnectReturnCode::NotAuthorized:
        text = QCoreApplication::translate("mqttdesk::ReasonCode",
                                           "Connection refused: not authorized");
        break;
    default:
        text = QCoreApplication::translate("mqttdesk::ReasonCode", "Reserved return code");
        break;
    }
    return hex(value) + QLatin1Char(' ') + text;
}

bool isKnownReasonCode(quint8 value)
{
    return info(value) != nullptr;
}

bool isReasonCodeAllowed(PacketType packet, ReasonCode code)
{
    const ReasonCodeInfo *i = info(static_cast<quint8>(code));
    return i && (i->packets & bit(packet));
}

std::optional<ReasonCode> connectReturnCodeToReasonCode(quint8 returnCode)
{
    switch (returnCode) {
    case 0:
        return ReasonCode::Success;
    case 1:
        return ReasonCode::UnsupportedProtocolVersion;
    case 2:
        return ReasonCode::ClientIdentifierNotValid;
    case 3:
        return ReasonCode::ServerUnavailable;
    case 4:
        return ReasonCode::BadUserNameOrPassword;
    case 5:
        return ReasonCode::NotAuthorized;
    default:
        return std::nullopt;
    }
}

std::optional<ConnectReturnCode> reasonCodeToConnectReturnCode(ReasonCode code)
{
    switch (code) {
    case ReasonCode::Success:
        return ConnectReturnCode::Accepted;
    case ReasonCode::UnsupportedProtocolVersion:
        return ConnectReturnCode::UnacceptableProtocolVersion;
    case ReasonCode::ClientIdentifierNotValid:
        return ConnectReturnCode::IdentifierRejected;
    case ReasonCode::ServerUnavailable:
        return ConnectReturnCode::ServerUnavailable;
    case ReasonCode::BadUserNameOrPassword:
        return ConnectReturnCode::BadUserNameOrPassword;
    case ReasonCode::NotAuthorized:
        return ConnectReturnCode::NotAuthorized;
    default:
        return std::nullopt;
    }
}

} // namespace mqttdesk
