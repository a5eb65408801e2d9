#pragma once

#include "core/storage/database_connection.h"
#include "core/storage/message_indexer.h"
#include "core/storage/profile_counters.h"
#include "core/storage/retention_policy.h"
#include "core/storage/stored_message.h"

#include <QHash>
#include <QSqlQuery>

#include <memory>
#include <vector>

struct sqlite3;

namespace mqttdesk {

// The SQL half of MessageWriter; lives entirely on the writer thread. Prepared statements
// are made once and re-executed with bound values, one transaction per batch; row ids are
// assigned here (max(id) + 1 onwards), so no per-row lookup of the last insert id.
class MessageBatchWriter
{
public:
    struct Appended
    {
        qint64 profileId = 0;
        qint64 firstId = 0;
        qint64 lastId = 0;
        qint64 count = 0;
        qint64 bytes = 0;
    };
    struct Removed
    {
        qint64 profileId = 0;
        qint64 upToId = 0; // every row of the profile with id <= upToId is gone
        qint64 count = 0;
        qint64 bytes = 0;
    };

    MessageBatchWriter(const QString &path, const DatabaseConnection::Options &options);
    ~MessageBatchWriter();

    StorageError open();
    bool isOpen() const { return m_statements != nullptr; }
    const DatabaseConnection *connection() const { return m_connection.get(); }

    StorageError begin();
    // Inserts the batch (inside begin()/commit()), filling in ids; one Appended per profile.
    StorageError insert(std::vector<StoredMessage> &batch, QList<Appended> &appended);
    // Sets the publish state (stage, reason, error; the packet id when given) of the
    // outgoing message `id` (inside begin()/commit()). No row, no change.
    StorageError updateOutgoing(qint64 id, const StoredMessage &state);
    // Erases every message, topic and counter of the profile (inside begin()/commit()) and
    // forgets the topic ids cached for it, which no longer exist.
    StorageError eraseProfile(qint64 profileId);
    StorageError saveCounters(const QHash<qint64, ProfileCounters> &counters);
    StorageError commit();
    void rollback();

    // Committed rows the background indexer has not reached yet, and one chunk of indexing
    // (its own transaction; call between batches).
    qint64 unindexedRows() const;
    StorageError indexPending(qint64 maxRows);

    // Works out which oldest rows of a profile exceed `policy` (looking at no more than
    // `chunk` rows) and deletes them (inside begin()/commit()). count 0: nothing to do.
    StorageError trim(qint64 profileId, const RetentionPolicy &policy,
                      const ProfileCounters &counters, qint64 nowUs, int chunk, Removed &removed);

private:
    struct Statements;
    qint64 topicId(qint64 profileId, const QString &topic, StorageError &error);
    StorageError rawError(int resultCode) const;

    QString m_path;
    DatabaseConnection::Options m_options;
    std::unique_ptr<DatabaseConnection> m_connection;
    std::unique_ptr<Statements> m_statements; // destroyed before the connection
    std::unique_ptr<MessageIndexer> m_indexer;
    sqlite3 *m_handle = nullptr; // owned by the QSQLITE connection
    QHash<qint64, QHash<QString, qint64>> m_topicIds;
    qsizetype m_topicCacheSize = 0;
    qint64 m_nextId = 1;
    qint64 m_nextIdAtBegin = 1;
};

} // namespace mqttdesk
