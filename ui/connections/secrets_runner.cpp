#include "ui/connections/secrets_runner.h"

#include "core/profile/profile_secrets.h"

namespace mqttdesk {

SecretsRunner::SecretsRunner(SecretStore *store, SecretConsent *consent, QObject *parent)
    : QObject(parent)
    , m_secrets(new ProfileSecrets(store, consent, this))
{
    connect(m_secrets, &ProfileSecrets::loaded, this,
            [this](const ConnectionProfile &profile, const QStringList &problems) {
                if (auto done = m_loads.take(profile.id))
                    done(profile, problems);
            });
    connect(m_secrets, &ProfileSecrets::saved, this,
            [this](const ConnectionProfile &profile, const QString &notice) {
                if (auto done = m_saves.take(profile.id))
                    done(profile, notice);
            });
}

void SecretsRunner::load(const ConnectionProfile &profile, Loaded done)
{
    m_loads.insert(profile.id, std::move(done));
    m_secrets->load(profile);
}

void SecretsRunner::save(const ConnectionProfile &profile, Saved done)
{
    m_saves.insert(profile.id, std::move(done));
    m_secrets->save(profile);
}

void SecretsRunner::forget(const ConnectionProfile &profile)
{
    m_secrets->forget(profile);
}

} // namespace mqttdesk
