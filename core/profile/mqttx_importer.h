#pragma once

#include "core/profile/profile_import.h"

#include <QJsonArray>
#include <QJsonObject>

namespace mqttdesk {

// Reads MQTTX's "Export data" JSON: one connection object, or a list of them,
// each with its subscriptions and, when exported with them, its messages.
// Field names follow MQTTX's connection model (host, port, clientId,
// mqttVersion, ssl, rejectUnauthorized, will.lastWillTopic, properties, ...).
class MqttxImporter
{
public:
    static bool looksLikeConnection(const QJsonObject &object);
    // `single`: the file held one object rather than a list (affects field
    // paths in errors only).
    static ProfileImport fromJson(const QJsonArray &connections, bool single);
};

} // namespace mqttdesk
