#pragma once

#include "core/profile/profile_import.h"

#include <QJsonObject>

namespace mqttdesk {

// Reads MQTT Explorer's saved connections: its settings.json (Electron's userData
// folder, e.g. "~/.config/MQTT Explorer/settings.json"), whose key
// "ConnectionManager_connections" holds an object of connections keyed by id, or
// that object alone. Field names follow MQTT Explorer's ConnectionOptions (host,
// port, protocol, basePath, encryption, certValidation, clientId, subscriptions,
// ...). What is mapped and what is dropped: docs/profile-format.md.
class MqttExplorerImporter
{
public:
    // The whole settings file (it has "ConnectionManager_connections"), or just the
    // connections object (a value with host and encryption or certValidation).
    static bool looksLikeSettings(const QJsonObject &root);
    static ProfileImport fromJson(const QJsonObject &root);
};

} // namespace mqttdesk
