#pragma once

#include "core/profile/connection_profile.h"
#include "core/profile/secret_store.h"

#include <QHash>
#include <QObject>
#include <QStringList>

namespace mqttdesk {

class SecretConsent;

// Moves the secrets of a profile between the profile and a SecretStore.
// save(): writes every set secret to the keychain; if the keychain cannot take
// them, asks SecretConsent and, only on yes, switches the profile to
// PlainConsented (the values then travel in its JSON). load(): fills the values
// back in. Both answer once, asynchronously, with the profile to use.
class ProfileSecrets : public QObject
{
    Q_OBJECT
public:
    ProfileSecrets(SecretStore *store, SecretConsent *consent, QObject *parent = nullptr);

    void save(const ConnectionProfile &profile);
    void load(const ConnectionProfile &profile);
    // Removes the profile's keychain entries (when the profile is deleted).
    void forget(const ConnectionProfile &profile);

    static Secret &secretOf(ConnectionProfile &profile, SecretRole role);
    static QString roleName(SecretRole role);

Q_SIGNALS:
    // `profile` is what to persist (its JSON then carries no clear text unless
    // PlainConsented); `notice` says what could not be stored, or is empty.
    void saved(const mqttdesk::ConnectionProfile &profile, const QString &notice);
    // `problems` name secrets that could not be read.
    void loaded(const mqttdesk::ConnectionProfile &profile, const QStringList &problems);
    void forgotten(const QUuid &profileId);

private:
    enum class Kind
    {
        Save,
        Load,
        Forget,
    };
    struct Operation
    {
        Kind kind;
        ConnectionProfile profile;
        int pending = 0;
        QList<SecretRole> failedRoles;
        QStringList failures;
    };
    struct Pending
    {
        quint64 operation;
        SecretRole role;
        bool isRemove;
    };

    quint64 start(Kind kind, const ConnectionProfile &profile);
    void submit(quint64 operation, SecretRole role, Kind kind, const QString &value, bool isRemove);
    void onFinished(quint64 request, SecretStore::Status status, const QString &secret,
                    const QString &errorText);
    void complete(quint64 operation);

    SecretStore *m_store;
    SecretConsent *m_consent;
    quint64 m_nextId = 1;
    QHash<quint64, Operation> m_operations;
    QHash<quint64, Pending> m_requests;
};

} // namespace mqttdesk
