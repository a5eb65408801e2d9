#pragma once

#include "core/protocol/packets.h"
#include "core/protocol/protocol_version.h"
#include "core/session/connack_info.h"
#include "core/session/session_action.h"
#include "core/session/session_error.h"
#include "core/session/session_options.h"

#include <QString>

#include <optional>

namespace mqttdesk {

// What the flows (MessageTraffic, AuthFlow) need from the session that owns them: sending
// packets, emitting actions and reporting errors, and ending the connection when the server
// breaks a rule or the login fails.
class SessionLink
{
public:
    virtual ~SessionLink() = default;

    // Encodes and emits SendBytes; the reason when it cannot be sent (encoding error,
    // above the server's Maximum Packet Size [MQTT-3.2.2-15]). Nothing is sent then.
    virtual std::optional<SessionError> send(const Packet &packet) = 0;
    virtual void emitAction(SessionAction action) = 0;
    virtual void log(LogLevel level, const QString &text) = 0;
    // Logs the error and emits ErrorOccurred; the connection goes on.
    virtual void reportError(const SessionError &error) = 0;
    // The server broke a rule: report, DISCONNECT (5.0) and close.
    virtual void failConnection(const SessionError &error) = 0;
    // Authentication failed here (e.g. a wrong SCRAM signature): report, DISCONNECT 0x80
    // when `sendDisconnect` and the transport is open, and close without retrying.
    virtual void failAuthentication(const SessionError &error, bool sendDisconnect) = 0;

    virtual const SessionOptions &sessionOptions() const = 0;
    // The CONNACK of the current connection while connected, else null.
    virtual const ConnackInfo *server() const = 0;
    // Connecting or waiting to reconnect: requests are held until connected.
    virtual bool isConnectionPending() const = 0;
    // The transport is open (CONNECT may not have been answered yet).
    virtual bool isTransportOpen() const = 0;

protected:
    SessionLink() = default;
    SessionLink(const SessionLink &) = default;
    SessionLink &operator=(const SessionLink &) = default;
};

} // namespace mqttdesk
