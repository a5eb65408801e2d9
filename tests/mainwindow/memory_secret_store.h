#pragma once

#include "core/profile/secret_store.h"

#include <QHash>

namespace mqttdesk {

// An in-memory keychain for tests: answers every request on the next event-loop turn.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    void read(quint64 request, const QString &key) override;
    void write(quint64 request, const QString &key, const QString &secret) override;
    void remove(quint64 request, const QString &key) override;

    QHash<QString, QString> values;

private:
    void answer(quint64 request, Status status, const QString &secret);
};

} // namespace mqttdesk
