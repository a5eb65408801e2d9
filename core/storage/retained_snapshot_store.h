#pragma once

#include "core/storage/storage_error.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace mqttdesk {

class DatabaseConnection;

// A retained snapshot as storage keeps it: the columns a list shows, and `body`, the
// snapshot's JSON (RetainedSnapshot::toJson), read only when asked for.
struct StoredRetainedSnapshot
{
    qint64 id = 0;
    qint64 profileId = 0;
    QString name;
    QString filter;
    QString broker;
    qint64 takenAtMs = 0; // UTC
    int topicCount = 0;
    QByteArray body; // empty in list()

    bool operator==(const StoredRetainedSnapshot &) const = default;
};

// The retained snapshots of each profile (table retained_snapshots). They go with their
// profile when it is deleted.
class RetainedSnapshotStore
{
public:
    explicit RetainedSnapshotStore(const DatabaseConnection &connection);

    // The new id (0 on error).
    qint64 add(const StoredRetainedSnapshot &snapshot, StorageError *error = nullptr) const;
    // Newest first, without bodies.
    QList<StoredRetainedSnapshot> list(qint64 profileId, StorageError *error = nullptr) const;
    // With its body; id 0 when there is no such snapshot.
    StoredRetainedSnapshot load(qint64 id, StorageError *error = nullptr) const;
    StorageError rename(qint64 id, const QString &name) const;
    StorageError remove(qint64 id) const;

private:
    const DatabaseConnection &m_connection;
};

} // namespace mqttdesk
