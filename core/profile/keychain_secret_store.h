#pragma once

#include "core/profile/secret_store.h"

namespace mqttdesk {

// The OS keychain through QtKeychain (Secret Service / KWallet, macOS Keychain,
// Windows Credential Store). QtKeychain's own insecure fallback stays off: plain
// storage only happens with the user's consent, through ProfileSecrets.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("MQTT Desk"),
                                 QObject *parent = nullptr);

    void read(quint64 request, const QString &key) override;
    void write(quint64 request, const QString &key, const QString &secret) override;
    void remove(quint64 request, const QString &key) override;

private:
    QString m_service;
};

} // namespace mqttdesk
