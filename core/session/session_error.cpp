#include "core/session/session_error.h"

#include <QCoreApplication>

namespace mqttdesk {

namespace {
const char *const kContext = "mqttdesk::SessionError";
} // namespace

QString SessionError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::MalformedPacket:
        return QStringLiteral("MalformedPacket");
    case Kind::ProtocolViolation:
        return QStringLiteral("ProtocolViolation");
    case Kind::ConnectionRefused:
        return QStringLiteral("ConnectionRefused");
    case Kind::ConnectTimeout:
        return QStringLiteral("ConnectTimeout");
    case Kind::KeepAliveTimeout:
        return QStringLiteral("KeepAliveTimeout");
    case Kind::TransportClosed:
        return QStringLiteral("TransportClosed");
    case Kind::ServerDisconnected:
        return QStringLiteral("ServerDisconnected");
    case Kind::AuthenticationFailed:
        return QStringLiteral("AuthenticationFailed");
    case Kind::InvalidOptions:
        return QStringLiteral("InvalidOptions");
    case Kind::InvalidRequest:
        return QStringLiteral("InvalidRequest");
    case Kind::NotConnected:
        return QStringLiteral("NotConnected");
    case Kind::QoSNotSupported:
        return QStringLiteral("QoSNotSupported");
    case Kind::RetainNotSupported:
        return QStringLiteral("RetainNotSupported");
    case Kind::PacketTooLarge:
        return QStringLiteral("PacketTooLarge");
    case Kind::FeatureNotSupported:
        return QStringLiteral("FeatureNotSupported");
    case Kind::OfflineQueueFull:
        return QStringLiteral("OfflineQueueFull");
    case Kind::PacketIdsExhausted:
        return QStringLiteral("PacketIdsExhausted");
    case Kind::RejectedByServer:
        return QStringLiteral("RejectedByServer");
    case Kind::SessionLost:
        return QStringLiteral("SessionLost");
    case Kind::Cancelled:
        return QStringLiteral("Cancelled");
    }
    return QStringLiteral("Unknown");
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
                    kContext, "The server broke the MQTT protocol: %1 (%2). The connection "
                              "was closed; if this persists, report it to the broker's operator.")
                    .arg(what, rule);
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
