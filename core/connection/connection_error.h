#pragma once

#include "core/protocol/reason_code.h"
#include "core/session/session_error.h"
#include "core/transport/transport_error.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

#include <optional>

namespace mqttdesk {

// Every error a Connection reports: one kind to branch on, one translated message that
// says what happened and what to do, and the layer's own error as evidence.
struct ConnectionError
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionError)

public:
    enum class Kind
    {
        Transport,          // could not reach / verify the server, or the stream broke
        Refused,            // CONNACK with a reason code >= 0x80
        Protocol,           // the server sent a malformed packet or broke a rule
        Timeout,            // no CONNACK in time, or keep alive found a dead connection
        ServerDisconnected, // the server sent DISCONNECT with an error reason
        Authentication,     // enhanced authentication failed locally
        Request,            // a publish/subscribe/unsubscribe was refused
        Settings,           // the settings cannot work (e.g. a 3.1 client id too long)
    };

    Kind kind = Kind::Transport;
    QString message;
    std::optional<TransportError> transportError;
    std::optional<SessionError> sessionError;

    // The reason code received or sent, when there is one.
    std::optional<ReasonCode> reasonCode() const;
    // The specification rule the server broke, e.g. "MQTT-3.3.2-2" (Protocol only).
    QString rule() const;

    static QString kindName(Kind kind); // "Transport", ... (not translated)
    static ConnectionError fromTransport(const TransportError &error);
    static ConnectionError fromSession(const SessionError &error);
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::ConnectionError)
