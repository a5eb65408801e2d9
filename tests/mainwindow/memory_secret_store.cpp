#include "tests/mainwindow/memory_secret_store.h"

#include <QTimer>

namespace mqttdesk {

void MemorySecretStore::read(quint64 request, const QString &key)
{
    if (values.contains(key))
        answer(request, Status::Ok, values.value(key));
    else
        answer(request, Status::NotFound, {});
}

void MemorySecretStore::write(quint64 request, const QString &key, const QString &secret)
{
    values.insert(key, secret);
    answer(request, Status::Ok, {});
}

void MemorySecretStore::remove(quint64 request, const QString &key)
{
    values.remove(key);
    answer(request, Status::Ok, {});
}

void MemorySecretStore::answer(quint64 request, Status status, const QString &secret)
{
    QTimer::singleShot(
        0, this, [this, request, status, secret] { emit finished(request, status, secret, {}); });
}

} // namespace mqttdesk
