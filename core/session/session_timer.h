#pragma once

#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// The timers the shell runs for the session. Each is a single-shot timer: StartTimer
// (re)starts it with a duration, StopTimer stops it, and the shell reports its expiry
// with a TimerFired event. Starting a running timer restarts it.
enum class SessionTimer : quint8
{
    KeepAlive,      // next check whether a PINGREQ is due [MQTT-3.1.2-20]
    PingResponse,   // deadline for the PINGRESP (dead connection detection)
    ConnectTimeout, // transport open + CONNECT until CONNACK
    Reconnect,      // backoff delay before the next connection attempt
};

// "KeepAlive", ... (for logs; not translated).
QString sessionTimerName(SessionTimer timer);

} // namespace mqttdesk
