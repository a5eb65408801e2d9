#pragma once

#include <QObject>
#include <QString>
#include <QUuid>

namespace mqttdesk {

// Which secret of a profile.
enum class SecretRole
{
    Password,
    KeyPassphrase,
    Pkcs12Password,
    ProxyPassword,
};

// An asynchronous store of secrets by key. Every read/write/remove answers
// exactly once through finished(), never from inside the call. The secret
// text is never logged.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Ok,
        NotFound,
        Unavailable, // no keychain answers (no secret service on D-Bus, as on CI)
        Denied,      // the user or the system refused access
        Failed,
    };
    Q_ENUM(Status)

    using QObject::QObject;

    virtual void read(quint64 request, const QString &key) = 0;
    virtual void write(quint64 request, const QString &key, const QString &secret) = 0;
    virtual void remove(quint64 request, const QString &key) = 0;

    // "<profile uuid>/password", "<uuid>/key-passphrase", ...: the reference a
    // profile's secret has in the store.
    static QString keyFor(const QUuid &profile, SecretRole role);
    // Why a request failed, in words a user can act on: what the status means, plus the
    // backend's own text when it says more than "Unknown error" (QtKeychain's text for a
    // missing Secret Service on D-Bus often does not).
    static QString describeFailure(Status status, const QString &errorText);

Q_SIGNALS:
    void finished(quint64 request, mqttdesk::SecretStore::Status status, const QString &secret,
                  const QString &errorText);
};

} // namespace mqttdesk
