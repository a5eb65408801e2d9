#pragma once

#include "core/profile/secret_consent.h"

class QWidget;

namespace mqttdesk {

// Asks the user, in a message box, whether a profile's secrets may be saved
// unencrypted because no keychain answered.
class MessageBoxSecretConsent : public SecretConsent
{
public:
    explicit MessageBoxSecretConsent(QWidget *parent = nullptr);
    bool allowPlainStorage(const ConnectionProfile &profile, const QString &reason) override;

private:
    QWidget *m_parent;
};

} // namespace mqttdesk
