#pragma once

#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// Where the session is in its life. Connecting covers opening the transport, the
// CONNECT/CONNACK exchange and any 5.0 AUTH exchange before CONNACK.
enum class SessionState : quint8
{
    Disconnected,
    Connecting,
    Connected,
    Disconnecting,    // our DISCONNECT is sent, waiting for the transport to close
    ReconnectWaiting, // lost the connection; the Reconnect timer runs
};

// "Disconnected", "Connecting", ... (translated).
QString sessionStateName(SessionState state);

} // namespace mqttdesk
