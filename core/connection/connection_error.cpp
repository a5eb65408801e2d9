#include "core/connection/connection_error.h"

#include "core/enum_name.h"

#include <string_view>

namespace mqttdesk {

std::optional<ReasonCode> ConnectionError::reasonCode() const
{
    return sessionError ? sessionError->reasonCode : std::nullopt;
}

QString ConnectionError::rule() const
{
    return sessionError ? sessionError->rule : QString();
}

namespace {

// Indexed by ConnectionError::Kind, in the order of its declaration.
constexpr std::string_view kKindNames[] = {
    "Transport",          "Refused",        "Protocol", "Timeout",
    "ServerDisconnected", "Authentication", "Request",  "Settings",
};

} // namespace

QString ConnectionError::kindName(Kind kind)
{
    return enumName<Kind::Transport, Kind::Settings>(kKindNames, kind);
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
