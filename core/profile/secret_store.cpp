#include "core/profile/secret_store.h"

namespace mqttdesk {

QString SecretStore::keyFor(const QUuid &profile, SecretRole role)
{
    QString suffix;
    switch (role) {
    case SecretRole::Password:
        suffix = QStringLiteral("password");
        break;
    case SecretRole::KeyPassphrase:
        suffix = QStringLiteral("key-passphrase");
        break;
    case SecretRole::Pkcs12Password:
        suffix = QStringLiteral("pkcs12-password");
        break;
    case SecretRole::ProxyPassword:
        suffix = QStringLiteral("proxy-password");
        break;
    }
    return profile.toString(QUuid::WithoutBraces) + QLatin1Char('/') + suffix;
}

} // namespace mqttdesk
