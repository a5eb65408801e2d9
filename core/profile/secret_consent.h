#pragma once

#include "core/profile/connection_profile.h"

namespace mqttdesk {

// The seam through which ProfileSecrets asks the user whether secrets may be
// kept unencrypted in the profile when no keychain answers. The desktop app
// answers with a dialog; tests answer directly.
class SecretConsent
{
public:
    virtual ~SecretConsent() = default;
    // `reason` says why the keychain failed. True = store in plain, marked in
    // the profile.
    virtual bool allowPlainStorage(const ConnectionProfile &profile, const QString &reason) = 0;
};

} // namespace mqttdesk
