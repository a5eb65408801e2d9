#include "core/session/session_state.h"

#include <QCoreApplication>

namespace mqttdesk {

QString sessionStateName(SessionState state)
{
    switch (state) {
    case SessionState::Disconnected:
        return QCoreApplication::translate("mqttdesk::Session", "Disconnected");
    case SessionState::Connecting:
        return QCoreApplication::translate("mqttdesk::Session", "Connecting");
    case SessionState::Connected:
        return QCoreApplication::translate("mqttdesk::Session", "Connected");
    case SessionState::Disconnecting:
        return QCoreApplication::translate("mqttdesk::Session", "Disconnecting");
    case SessionState::ReconnectWaiting:
        return QCoreApplication::translate("mqttdesk::Session", "Waiting to reconnect");
    }
    return {};
}

} // namespace mqttdesk
