#pragma once

#include "core/storage/storage_error.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace mqttdesk {

class DatabaseConnection;

// One distinct publish of a profile (topic, payload, QoS, retain, MQTT 5 property block)
// with when it was last used and how often.
struct PublishHistoryEntry
{
    qint64 id = 0;
    qint64 profileId = 0;
    QString topic;
    QByteArray payload;
    quint8 qos = 0;
    bool retain = false;
    QByteArray properties; // raw MQTT 5 property block; empty for 3.1.1
    qint64 lastUsedUs = 0;
    qint64 useCount = 0;

    bool operator==(const PublishHistoryEntry &) const = default;
};

// Publish history per profile: re-publishing the same values only refreshes the entry;
// each profile keeps its `capacity` most recently used entries.
class PublishHistoryStore
{
public:
    explicit PublishHistoryStore(const DatabaseConnection &connection, int capacity = 500);

    // Records a publish at entry.lastUsedUs; the entry's id (0 on error).
    qint64 record(const PublishHistoryEntry &entry, StorageError *error = nullptr) const;
    // Most recently used first.
    QList<PublishHistoryEntry> list(qint64 profileId, int limit = -1,
                                    StorageError *error = nullptr) const;
    StorageError remove(qint64 id) const;
    StorageError clear(qint64 profileId) const;

private:
    const DatabaseConnection &m_connection;
    int m_capacity;
};

} // namespace mqttdesk
