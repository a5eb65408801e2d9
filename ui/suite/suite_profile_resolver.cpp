#include "ui/suite/suite_profile_resolver.h"

#include "core/connection/profile_settings_mapper.h"
#include "core/profile/connection_profile.h"
#include "core/workspace/profile_catalog.h"
#include "core/workspace/profile_name_match.h"
#include "ui/connections/secrets_runner.h"

#include <QPointer>

#include <memory>

namespace mqttdesk {

SuiteProfileResolver::SuiteProfileResolver(ProfileCatalog *catalog, SecretsRunner *secrets,
                                           QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_secrets(secrets)
{}

void SuiteProfileResolver::resolve(const QStringList &names, Done done)
{
    QPointer<SuiteProfileResolver> self(this);
    m_catalog->profiles(
        [self, names, done](const QList<ConnectionProfile> &profiles, const StorageError &error) {
            if (!self)
                return;
            auto results = std::make_shared<Results>();
            if (error.isError()) {
                for (const QString &name : names)
                    (*results)[name].error =
                        tr("The saved connections cannot be read: %1").arg(error.message);
                done(*results);
                return;
            }
            QList<ProfileNameMatch::Candidate> candidates;
            candidates.reserve(profiles.size());
            for (const ConnectionProfile &p : profiles)
                candidates.append({p.name, p.folder});
            // One keychain request per profile, however many names lead to it ("a", "folder/a").
            QHash<int, QStringList> wanted;
            for (const QString &name : names) {
                QString why;
                const int index = ProfileNameMatch::find(candidates, name, &why);
                if (index < 0)
                    (*results)[name].error = why;
                else
                    wanted[index].append(name);
            }
            auto pending = std::make_shared<int>(int(wanted.size()));
            if (*pending == 0) {
                done(*results);
                return;
            }
            for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
                const QStringList forNames = it.value();
                self->m_secrets->load(profiles.at(it.key()), [self, results, pending, forNames,
                                                              done](const ConnectionProfile &loaded,
                                                                    const QStringList &problems) {
                    if (!self)
                        return;
                    // A secret the keychain did not give: connecting may still work (an
                    // anonymous broker); the runner reports what the broker says.
                    Q_UNUSED(problems);
                    const ConnectionSettings settings = ProfileSettingsMapper::toSettings(loaded);
                    for (const QString &name : forNames)
                        (*results)[name].settings = settings;
                    if (--*pending == 0)
                        done(*results);
                });
            }
        });
}

} // namespace mqttdesk
