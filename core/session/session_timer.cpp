#include "core/session/session_timer.h"

namespace mqttdesk {

QString sessionTimerName(SessionTimer timer)
{
    switch (timer) {
    case SessionTimer::KeepAlive:
        return QStringLiteral("KeepAlive");
    case SessionTimer::PingResponse:
        return QStringLiteral("PingResponse");
    case SessionTimer::ConnectTimeout:
        return QStringLiteral("ConnectTimeout");
    case SessionTimer::Reconnect:
        return QStringLiteral("Reconnect");
    }
    return {};
}

} // namespace mqttdesk
