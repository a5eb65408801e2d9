#include "core/profile/keychain_secret_store.h"

#include <qt6keychain/keychain.h>

namespace mqttdesk {

namespace {

SecretStore::Status statusOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretStore::Status::Ok;
    case QKeychain::EntryNotFound:
        return SecretStore::Status::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretStore::Status::Denied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretStore::Status::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        return SecretStore::Status::Failed;
    }
    return SecretStore::Status::Failed;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent)
    , m_service(std::move(service))
{}

void KeychainSecretStore::read(quint64 request, const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, request, job] {
        Q_EMIT finished(request, statusOf(job->error()), job->textData(), job->errorString());
    });
    job->start();
}

void KeychainSecretStore::write(quint64 request, const QString &key, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, request, job] {
        Q_EMIT finished(request, statusOf(job->error()), {}, job->errorString());
    });
    job->start();
}

void KeychainSecretStore::remove(quint64 request, const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, request, job] {
        Q_EMIT finished(request, statusOf(job->error()), {}, job->errorString());
    });
    job->start();
}

} // namespace mqttdesk
