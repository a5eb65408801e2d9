#include "core/session/session_error.h"

#include "core/enum_name.h"

#include <QCoreApplication>

#include <string_view>

namespace mqttdesk {

namespace {

// Indexed by SessionError::Kind, in the order and the sections of its declaration.
constexpr std::string_view kKindNames[] = {
    // The server broke the protocol.
    "MalformedPacket",
    "ProtocolViolation",

    // Connection life.
    "ConnectionRefused",
    "ConnectTimeout",
    "KeepAliveTimeout",
    "TransportClosed",
    "ServerDisconnected",
    "AuthenticationFailed",

    // A user request the session refuses.
    "InvalidOptions",
    "InvalidRequest",
    "NotConnected",
    "QoSNotSupported",
    "RetainNotSupported",
    "PacketTooLarge",
    "FeatureNotSupported",
    "OfflineQueueFull",
    "PacketIdsExhausted",

    // Outcomes of a request.
    "RejectedByServer",
    "SessionLost",
    "Cancelled",
};

} // namespace

QString SessionError::kindName(Kind kind)
{
    return enumName<Kind::MalformedPacket, Kind::Cancelled>(kKindNames, kind);
}

SessionError SessionError::malformed(const DecodeError &error)
{
    SessionError e;
    e.kind = error.isProtocolError() ? Kind::ProtocolViolation : Kind::MalformedPacket;
    e.rule = error.rule;
    e.reasonCode = error.kind == DecodeError::Kind::PacketTooLarge ? ReasonCode::PacketTooLarge
                   : error.isProtocolError()                       ? ReasonCode::ProtocolError
                                                                   : ReasonCode::MalformedPacket;
    e.message = error.message();
    e.decodeError = error;
    return e;
}

SessionError SessionError::protocolViolation(const QString &rule, const QString &what,
                                             ReasonCode sent)
{
    SessionError e;
    e.kind = Kind::ProtocolViolation;
    e.rule = rule;
    e.reasonCode = sent;
    e.message = QCoreApplication::translate(
                    "mqttdesk::SessionError",
                    "The server broke the MQTT protocol: %1 (%2). The connection "
                    "was closed; if this persists, report it to the broker's operator.")
                    .arg(what, rule);
    return e;
}

SessionError SessionError::unknownPacketId(PacketType ack, quint16 packetId, bool v5)
{
    const bool publishAck = ack == PacketType::Puback || ack == PacketType::Pubcomp;
    const QString rule =
        publishAck ? (v5 ? QStringLiteral("MQTT-2.2.1-5") : QStringLiteral("MQTT-2.3.1-6"))
                   : (v5 ? QStringLiteral("MQTT-2.2.1-6") : QStringLiteral("MQTT-2.3.1-7"));
    return protocolViolation(
        rule, QCoreApplication::translate("mqttdesk::SessionError",
                                          "it sent %1 for packet id %2, which nothing of ours is "
                                          "waiting for")
                  .arg(packetTypeName(ack))
                  .arg(packetId));
}

SessionError SessionError::aboveOwnPacketLimit(const DecodeError &error, quint32 limit)
{
    SessionError e;
    e.kind = Kind::PacketTooLarge;
    e.decodeError = error;
    const QString packet = error.packet
                               ? packetTypeName(*error.packet)
                               : QCoreApplication::translate("mqttdesk::SessionError", "packet");
    e.message = QCoreApplication::translate(
                    "mqttdesk::SessionError",
                    "The server sent a %1 larger than this connection's maximum packet size of "
                    "%2 bytes, so the connection was closed. MQTT 3.1.1 cannot tell the server "
                    "this limit: raise it in the connection's advanced settings to receive it.")
                    .arg(packet)
                    .arg(limit);
    return e;
}

SessionError SessionError::fromEncodeError(const EncodeError &error)
{
    SessionError e;
    e.kind = error.kind == EncodeError::Kind::PacketTooLarge ? Kind::PacketTooLarge
                                                             : Kind::InvalidRequest;
    e.rule = error.rule;
    e.message = error.message();
    return e;
}

SessionError SessionError::make(Kind kind, const QString &message, const QString &rule,
                                std::optional<ReasonCode> reasonCode)
{
    SessionError e;
    e.kind = kind;
    e.rule = rule;
    e.reasonCode = reasonCode;
    e.message = message;
    return e;
}

QString SessionError::toString() const
{
    QString text = kindName(kind);
    if (!rule.isEmpty())
        text += QStringLiteral(" [") + rule + QStringLiteral("]");
    return text + QStringLiteral(": ") + message;
}

} // namespace mqttdesk
