#include "app/cli/profile_lookup.h"

#include "core/connection/profile_settings_mapper.h"
#include "core/profile/connection_profile.h"
#include "core/profile/keychain_secret_store.h"
#include "core/profile/profile_secrets.h"
#include "core/storage/data_directory.h"
#include "core/storage/database.h"
#include "core/workspace/profile_name_match.h"
#include "core/workspace/profile_repository.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>
#include <QUrl>

namespace mqttdesk {

namespace {

// A keychain that does not answer (a locked wallet waiting for a prompt) must not hang a
// command-line run.
constexpr int kKeychainTimeoutMs = 15000;

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

} // namespace

std::optional<StoredProfile> ProfileLookup::find(const QList<StoredProfile> &profiles,
                                                 const QString &name, CliError *error)
{
    QList<ProfileNameMatch::Candidate> candidates;
    candidates.reserve(profiles.size());
    for (const StoredProfile &p : profiles)
        candidates.append({p.name, p.folder});
    QString why;
    const int index = ProfileNameMatch::find(candidates, name, &why);
    if (index >= 0)
        return profiles.at(index);
    *error = {CliError::Kind::ProfileProblem, QStringLiteral("--profile: ") + why};
    return std::nullopt;
}

std::optional<ProfileLookup::Found> ProfileLookup::load(const CliOptions &options, CliError *error)
{
    const DataDirectory::Resolved dir = DataDirectory::resolve(options.dataDir);
    const QString path = DataDirectory::databasePath(dir.path);
    // Opening would create an empty database: a wrong directory must say so instead.
    if (!QFileInfo::exists(path)) {
        *error = {CliError::Kind::ProfileProblem,
                  tr("--profile: there are no saved connections in %1. Point --data-dir (or "
                     "MQTTDESK_DATA_DIR) at the app's data directory.")
                      .arg(dir.path)};
        return std::nullopt;
    }
    std::optional<ConnectionProfile> profile;
    qint64 profileId = 0;
    {
        Database database(path);
        StorageError storageError = database.open();
        QList<StoredProfile> stored;
        if (!storageError.isError())
            stored = ProfileRepository(database.connection()).list(&storageError);
        if (storageError.isError()) {
            *error = {CliError::Kind::ProfileProblem,
                      tr("--profile: %1").arg(storageError.message)};
            return std::nullopt;
        }
        const std::optional<StoredProfile> match = find(stored, options.profile, error);
        if (!match)
            return std::nullopt;
        profileId = match->id;
        QString formatError;
        profile = ProfileRepository::fromStored(*match, &formatError);
        if (!profile) {
            *error = {CliError::Kind::ProfileProblem,
                      tr("--profile: the saved connection '%1' cannot be read: %2")
                          .arg(options.profile, formatError)};
            return std::nullopt;
        }
    }
    if (!loadSecrets(options, *profile, error))
        return std::nullopt;
    return Found{ProfileSettingsMapper::toSettings(*profile), profileId, dir.path,
                 profile->templateVariables};
}

bool ProfileLookup::loadSecrets(const CliOptions &options, ConnectionProfile &profile,
                                CliError *error)
{
    // What the command line gives is not looked up (and needs no keychain).
    if (options.password)
        profile.password = Secret{};
    if (options.keyPassphrase)
        profile.tls.keyPassphrase = Secret{};
    if (!options.proxy.isEmpty() && !QUrl(options.proxy).password().isEmpty())
        profile.proxy.password = Secret{};
    if (profile.secretStorage != SecretStorageMode::Keychain)
        return true; // plain, as the user agreed: the values are in the profile
    bool needed = false;
    for (SecretRole role : {SecretRole::Password, SecretRole::KeyPassphrase,
                            SecretRole::Pkcs12Password, SecretRole::ProxyPassword}) {
        const Secret &s = ProfileSecrets::secretOf(profile, role);
        needed = needed || (s.isSet && s.value.isEmpty());
    }
    if (!needed)
        return true;

    KeychainSecretStore store;
    ProfileSecrets secrets(&store, nullptr);
    QEventLoop loop;
    QStringList problems;
    bool answered = false;
    QObject::connect(&secrets, &ProfileSecrets::loaded, &loop,
                     [&](const ConnectionProfile &loaded, const QStringList &failures) {
                         profile = loaded;
                         problems = failures;
                         answered = true;
                         loop.quit();
                     });
    QTimer::singleShot(kKeychainTimeoutMs, &loop, &QEventLoop::quit);
    secrets.load(profile);
    loop.exec();
    if (!answered) {
        *error = {CliError::Kind::ProfileProblem,
                  tr("--profile: the system keychain did not answer within %1 s for the "
                     "secrets of '%2'. Unlock it, or give the password with -P.")
                      .arg(kKeychainTimeoutMs / 1000)
                      .arg(options.profile)};
        return false;
    }
    if (!problems.isEmpty()) {
        *error = {CliError::Kind::ProfileProblem,
                  tr("--profile: the secrets of '%1' cannot be read: %2 Give the password with "
                     "-P (and --keypass for the key).")
                      .arg(options.profile, problems.join(QLatin1Char(' ')).simplified())};
        return false;
    }
    return true;
}

} // namespace mqttdesk
