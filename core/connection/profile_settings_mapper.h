#pragma once

#include "core/connection/connection_settings.h"

namespace mqttdesk {

struct ConnectionProfile;

// A saved ConnectionProfile as the settings of a Connection. Secrets (password, key
// passphrase, PKCS#12 password, proxy password) are taken from the profile's in-memory
// values: load them from the SecretStore first.
class ProfileSettingsMapper
{
public:
    static ConnectionSettings toSettings(const ConnectionProfile &profile);
};

} // namespace mqttdesk
