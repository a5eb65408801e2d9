#pragma once

#include "core/protocol/protocol_version.h"

#include <QPointer>
#include <QString>

namespace mqttdesk {

class Connection;

// An open connection whose broker can be asked what it retains now (a live side of a
// comparison): the connection, its profile's name, the MQTT version RetainedCollector needs
// and the broker's host:port for the snapshot.
struct RetainedSource
{
    qint64 profileId = 0;
    QString name;
    QPointer<Connection> connection;
    ProtocolVersion version = ProtocolVersion::V311;
    QString broker;
};

} // namespace mqttdesk
