#include "core/connection/connection_error.h"

namespace mqttdesk {

std::optional<ReasonCode> ConnectionError::reasonCode() const
{
    return sessionError ? sessionError->reasonCode : std::nullopt;
}

QString ConnectionError::rule() const
{
    return sessionError ? sessionError->rule : QString();
}

QString ConnectionError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Transport:
        return QStringLiteral("Transport");
    case Kind::Refused:
        return QStringLiteral("Refused");
    case Kind::Protocol:
        return QStringLiteral("Protocol");
    case Kind::Timeout:
        return QStringLiteral("Timeout");
    case Kind::ServerDisconnected:
        return QStringLiteral("ServerDisconnected");
    case Kind::Authentication:
        return QStringLiteral("Authentication");
    case Kind::Request:
        return QStringLiteral("Request");
    case Kind::Settings:
        return QStringLiteral("Settings");
    }
    return {};
}

ConnectionError ConnectionError::fromTransport(const TransportError &error)
{
    ConnectionError e;
    e.kind = Kind::Transport;
    e.message = error.message.isEmpty() ? tr("The connection to the server failed (%1).")
                                              .arg(TransportError::kindName(error.kind))
                                        : error.message;
    e.transportError = error;
    return e;
}

ConnectionError ConnectionError::fromSession(const SessionError &error)
{
    using SK = SessionError::Kind;
    ConnectionError e;
    switch (error.kind) {
    case SK::MalformedPacket:
    case SK::ProtocolViolation:
        e.kind = Kind::Protocol;
        break;
    case SK::ConnectionRefused:
        e.kind = Kind::Refused;
        break;
    case SK::ConnectTimeout:
    case SK::KeepAliveTimeout:
        e.kind = Kind::Timeout;
        break;
    case SK::TransportClosed:
        e.kind = Kind::Transport;
        break;
    case SK::ServerDisconnected:
        e.kind = Kind::ServerDisconnected;
        break;
    case SK::AuthenticationFailed:
        e.kind = Kind::Authentication;
        break;
    case SK::InvalidOptions:
        e.kind = Kind::Settings;
        break;
    default:
        e.kind = Kind::Request;
        break;
    }
    e.message = error.message;
    // The rule is the evidence for a protocol error: make sure the user sees it.
    if (!error.rule.isEmpty() && !e.message.contains(error.rule))
        e.message = tr("%1 (%2)").arg(e.message, error.rule);
    e.sessionError = error;
    return e;
}

} // namespace mqttdesk
