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

QString SecretStore::describeFailure(Status status, const QString &errorText)
{
    QString what;
    switch (status) {
    case Status::Ok:
    case Status::NotFound:
        return {};
    case Status::Unavailable:
        what = tr("no system keychain answers: no Secret Service (such as GNOME Keyring or "
                  "KWallet) is running for this session");
        break;
    case Status::Denied:
        what = tr("access to the system keychain was refused (it may be locked, or the request "
                  "was declined)");
        break;
    case Status::Failed:
        what = tr("the system keychain reported an error");
        break;
    }
    const QString detail = errorText.trimmed();
    // "Unknown error" (QtKeychain's default) and empty texts add nothing to the words above.
    if (detail.isEmpty() ||
        detail.compare(QLatin1String("Unknown error"), Qt::CaseInsensitive) == 0)
        return what;
    return tr("%1 (the keychain says: %2)").arg(what, detail);
}

} // namespace mqttdesk
