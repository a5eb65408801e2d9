#include "core/profile/profile_secrets.h"

#include "core/profile/secret_consent.h"

#include <QCoreApplication>
#include <QMetaObject>

namespace mqttdesk {

namespace {

constexpr SecretRole kRoles[] = {SecretRole::Password, SecretRole::KeyPassphrase,
                                 SecretRole::Pkcs12Password, SecretRole::ProxyPassword};

} // namespace

ProfileSecrets::ProfileSecrets(SecretStore *store, SecretConsent *consent, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_consent(consent)
{
    connect(m_store, &SecretStore::finished, this, &ProfileSecrets::onFinished);
}

Secret &ProfileSecrets::secretOf(ConnectionProfile &profile, SecretRole role)
{
    switch (role) {
    case SecretRole::Password:
        return profile.password;
    case SecretRole::KeyPassphrase:
        return profile.tls.keyPassphrase;
    case SecretRole::Pkcs12Password:
        return profile.tls.pkcs12Password;
    case SecretRole::ProxyPassword:
        return profile.proxy.password;
    }
    return profile.password;
}

QString ProfileSecrets::roleName(SecretRole role)
{
    switch (role) {
    case SecretRole::Password:
        return tr("password");
    case SecretRole::KeyPassphrase:
        return tr("key passphrase");
    case SecretRole::Pkcs12Password:
        return tr("PKCS#12 password");
    case SecretRole::ProxyPassword:
        return tr("proxy password");
    }
    return {};
}

quint64 ProfileSecrets::start(Kind kind, const ConnectionProfile &profile)
{
    const quint64 id = m_nextId++;
    m_operations.insert(id, Operation{kind, profile, 0, {}, {}});
    return id;
}

void ProfileSecrets::submit(quint64 operation, SecretRole role, Kind kind, const QString &value,
                            bool isRemove)
{
    const quint64 request = m_nextId++;
    m_requests.insert(request, Pending{operation, role, isRemove});
    ++m_operations[operation].pending;
    const QString key = SecretStore::keyFor(m_operations[operation].profile.id, role);
    if (kind == Kind::Load)
        m_store->read(request, key);
    else if (isRemove)
        m_store->remove(request, key);
    else
        m_store->write(request, key, value);
}

void ProfileSecrets::save(const ConnectionProfile &profile)
{
    const quint64 op = start(Kind::Save, profile);
    if (profile.secretStorage == SecretStorageMode::Keychain) {
        for (SecretRole role : kRoles) {
            const Secret &secret = secretOf(m_operations[op].profile, role);
            if (secret.isSet && !secret.value.isEmpty())
                submit(op, role, Kind::Save, secret.value, false);
            else if (!secret.isSet)
                submit(op, role, Kind::Save, {}, true);
            // set but not loaded: the keychain already holds it.
        }
    }
    if (m_operations[op].pending == 0)
        QMetaObject::invokeMethod(
            this, [this, op] { complete(op); }, Qt::QueuedConnection);
}

void ProfileSecrets::load(const ConnectionProfile &profile)
{
    const quint64 op = start(Kind::Load, profile);
    if (profile.secretStorage == SecretStorageMode::Keychain) {
        for (SecretRole role : kRoles) {
            const Secret &secret = secretOf(m_operations[op].profile, role);
            if (secret.isSet && secret.value.isEmpty())
                submit(op, role, Kind::Load, {}, false);
        }
    }
    if (m_operations[op].pending == 0)
        QMetaObject::invokeMethod(
            this, [this, op] { complete(op); }, Qt::QueuedConnection);
}

void ProfileSecrets::forget(const ConnectionProfile &profile)
{
    const quint64 op = start(Kind::Forget, profile);
    for (SecretRole role : kRoles)
        submit(op, role, Kind::Forget, {}, true);
}

void ProfileSecrets::onFinished(quint64 request, SecretStore::Status status, const QString &secret,
                                const QString &errorText)
{
    const auto pending = m_requests.take(request);
    if (!m_operations.contains(pending.operation))
        return; // not ours (another user of the same store)
    Operation &op = m_operations[pending.operation];
    const bool harmless = status == SecretStore::Status::Ok ||
                          (pending.isRemove && status == SecretStore::Status::NotFound);
    if (op.kind == Kind::Load && status == SecretStore::Status::Ok) {
        secretOf(op.profile, pending.role).value = secret;
    } else if (op.kind == Kind::Load && status == SecretStore::Status::NotFound) {
        op.failures << tr("The %1 is no longer in the system keychain; enter it again.")
                           .arg(roleName(pending.role));
    } else if (!harmless) {
        op.failedRoles << pending.role;
        const QString reason = SecretStore::describeFailure(status, errorText);
        op.failures << (op.kind == Kind::Load
                            ? tr("The system keychain could not read the %1: %2")
                            : tr("The system keychain could not store the %1: %2"))
                           .arg(roleName(pending.role), reason);
    }
    if (--op.pending == 0)
        complete(pending.operation);
}

void ProfileSecrets::complete(quint64 operation)
{
    Operation op = m_operations.take(operation);
    switch (op.kind) {
    case Kind::Load:
        Q_EMIT loaded(op.profile, op.failures);
        return;
    case Kind::Forget:
        Q_EMIT forgotten(op.profile.id);
        return;
    case Kind::Save:
        break;
    }
    // Only failed writes matter: a failed remove leaves nothing secret behind.
    QList<SecretRole> failedWrites;
    for (SecretRole role : std::as_const(op.failedRoles)) {
        if (secretOf(op.profile, role).isSet)
            failedWrites << role;
    }
    if (failedWrites.isEmpty()) {
        Q_EMIT saved(op.profile, {});
        return;
    }
    const QString reason = op.failures.join(QLatin1Char('\n'));
    if (m_consent && m_consent->allowPlainStorage(op.profile, reason)) {
        op.profile.secretStorage = SecretStorageMode::PlainConsented;
        Q_EMIT saved(op.profile, tr("The passwords of \"%1\" are saved unencrypted in its "
                                    "profile, as you agreed.")
                                     .arg(op.profile.name));
        return;
    }
    // Not stored anywhere: keep the value for this session only.
    QStringList names;
    for (SecretRole role : std::as_const(failedWrites)) {
        secretOf(op.profile, role).isSet = false;
        names << roleName(role);
    }
    Q_EMIT saved(op.profile, tr("Not saved: %1. You will be asked for it when connecting.")
                                 .arg(names.join(QStringLiteral(", "))));
}

} // namespace mqttdesk
