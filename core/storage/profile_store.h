#pragma once

#include "core/storage/storage_error.h"
#include "core/storage/stored_profile.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace mqttdesk {

class DatabaseConnection;
class MessageWriter;

// Connection profiles: create, load, rename, duplicate, reorder, move between folders and
// delete (with subscriptions, decoding rules, publish history and message history). Profiles are
// ordered by folder, then position inside the folder.
class ProfileStore
{
public:
    explicit ProfileStore(const DatabaseConnection &connection);

    QList<StoredProfile> list(StorageError *error = nullptr) const;
    QStringList folders(StorageError *error = nullptr) const;
    std::optional<StoredProfile> load(qint64 id, StorageError *error = nullptr) const;
    std::optional<StoredProfile> loadByUuid(const QString &uuid,
                                            StorageError *error = nullptr) const;

    // A new profile at the end of `folder`; its id (0 on error). A uuid is made if empty.
    qint64 create(StoredProfile profile, StorageError *error = nullptr) const;
    // Writes name, folder, position and data of an existing profile.
    StorageError save(const StoredProfile &profile) const;
    StorageError rename(qint64 id, const QString &name) const;
    // A copy (new uuid, same data, subscriptions and decoding rules, no history) right after
    // the original.
    qint64 duplicate(qint64 id, const QString &newName, StorageError *error = nullptr) const;
    // To the end of `folder`.
    StorageError moveToFolder(qint64 id, const QString &folder) const;
    // `orderedIds` (all in `folder`) get positions 0, 1, 2...
    StorageError reorder(const QString &folder, const QList<qint64> &orderedIds) const;
    // The profile and everything stored for it. Given the writer that stores its history,
    // that writer is told first (MessageWriter::removeProfile), so no queued message or
    // counter of the profile is written after its rows are deleted.
    StorageError remove(qint64 id, MessageWriter *writer = nullptr) const;

private:
    const DatabaseConnection &m_connection;
};

} // namespace mqttdesk
