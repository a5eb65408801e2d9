#pragma once

#include "core/connection/connection_settings.h"

#include <QString>

#include <optional>

namespace mqttdesk {

// --profile NAME: the connection the app saved under that name, as settings (secrets
// included), from the data directory (--data-dir, MQTTDESK_DATA_DIR, the platform's).
class ProfileLookup
{
public:
    static std::optional<ConnectionSettings> load(const QString &name, const QString &dataDir,
                                                  QString *error);
};

} // namespace mqttdesk
