#pragma once

#include "core/session/session_action.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace mqttdesk {

// One line of a connection's log: connects, reconnect attempts, errors, server
// disconnects. Never contains a password, a passphrase or authentication data.
struct ConnectionLogEntry
{
    QDateTime timestamp; // UTC
    LogLevel level = LogLevel::Info;
    QString text;
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::ConnectionLogEntry)
