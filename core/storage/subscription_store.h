#pragma once

#include "core/storage/storage_error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace mqttdesk {

class DatabaseConnection;

// A saved subscription of a profile. `options` holds the MQTT 5 subscription options
// (no local, retain as published, retain handling, subscription id) as JSON owned by the
// caller; `payloadFormat` names the decoder chosen for its messages.
struct StoredSubscription
{
    qint64 id = 0;
    qint64 profileId = 0;
    QString filter;
    quint8 qos = 0;
    QJsonObject options;
    QString alias;
    QString colour; // e.g. "#3a7bd5"
    bool enabled = true;
    QString payloadFormat;
    int position = 0;

    bool operator==(const StoredSubscription &) const = default;
};

class SubscriptionStore
{
public:
    explicit SubscriptionStore(const DatabaseConnection &connection);

    QList<StoredSubscription> list(qint64 profileId, StorageError *error = nullptr) const;
    // Appended after the profile's last subscription; the new id (0 on error).
    qint64 add(const StoredSubscription &subscription, StorageError *error = nullptr) const;
    StorageError update(const StoredSubscription &subscription) const;
    StorageError setEnabled(qint64 id, bool enabled) const;
    StorageError remove(qint64 id) const;
    StorageError reorder(qint64 profileId, const QList<qint64> &orderedIds) const;

private:
    const DatabaseConnection &m_connection;
};

} // namespace mqttdesk
