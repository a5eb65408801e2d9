#pragma once

#include "core/profile/connection_profile.h"

#include <QHash>
#include <QObject>
#include <QUuid>

#include <functional>

namespace mqttdesk {

class ProfileSecrets;
class SecretConsent;
class SecretStore;

// ProfileSecrets with a callback per request, so the window can chain "load the secrets,
// then connect" without tracking signals itself. One pending request per profile id.
class SecretsRunner : public QObject
{
    Q_OBJECT
public:
    using Loaded = std::function<void(const ConnectionProfile &, const QStringList &problems)>;
    using Saved = std::function<void(const ConnectionProfile &, const QString &notice)>;

    SecretsRunner(SecretStore *store, SecretConsent *consent, QObject *parent = nullptr);

    void load(const ConnectionProfile &profile, Loaded done);
    void save(const ConnectionProfile &profile, Saved done);
    void forget(const ConnectionProfile &profile);

private:
    ProfileSecrets *m_secrets;
    QHash<QUuid, Loaded> m_loads;
    QHash<QUuid, Saved> m_saves;
};

} // namespace mqttdesk
