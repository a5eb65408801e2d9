#include "core/storage/message_indexer.h"

#include "core/storage/database_connection.h"

#include <QSqlQuery>

namespace mqttdesk {

MessageIndexer::MessageIndexer(const DatabaseConnection &connection)
    : m_connection(connection)
{}

qint64 MessageIndexer::storedWatermark(const DatabaseConnection &connection, StorageError *error)
{
    return connection
        .scalar(QStringLiteral("SELECT indexed_upto FROM message_index_state WHERE id = 1"), error)
        .toLongLong();
}

StorageError MessageIndexer::load()
{
    StorageError error;
    m_indexedUpTo = storedWatermark(m_connection, &error);
    return error;
}

StorageError MessageIndexer::indexChunk(qint64 lastCommittedId, qint64 maxRows)
{
    const qint64 from = m_indexedUpTo;
    const qint64 to = qMin(lastCommittedId, from + maxRows);
    if (to <= from)
        return {};
    const StorageError error = m_connection.transaction([&]() -> StorageError {
        QSqlQuery query(m_connection.database());
        // Sorted, so that each topic's index pages are visited once per chunk.
        StorageError e;
        const QString statements[] = {
            QStringLiteral("INSERT INTO message_profiles(profile_id, id) SELECT profile_id, id"
                           " FROM messages WHERE id > ? AND id <= ? ORDER BY profile_id, id"),
            QStringLiteral("INSERT INTO message_times(profile_id, time_us, id)"
                           " SELECT profile_id, time_us, id FROM messages WHERE id > ?"
                           " AND id <= ? ORDER BY profile_id, time_us, id"),
            QStringLiteral("INSERT INTO message_topics(topic_id, id) SELECT topic_id, id"
                           " FROM messages WHERE id > ? AND id <= ? ORDER BY topic_id, id"),
            // The topic tree's per-topic figures; a chunk's rows are newer than the stored
            // ones, so its newest row and newest retained row replace theirs.
            QStringLiteral("INSERT INTO topic_stats(topic_id, profile_id, received, last_id,"
                           " last_us, retained_id)"
                           " SELECT topic_id, profile_id, count(*), max(id), max(time_us),"
                           " max(CASE WHEN flags & 8 THEN id END) FROM messages"
                           " WHERE id > ? AND id <= ? AND (flags & 1) = 0 GROUP BY topic_id"
                           " ON CONFLICT(topic_id) DO UPDATE SET"
                           " received = received + excluded.received,"
                           " last_id = excluded.last_id,"
                           " last_us = max(last_us, excluded.last_us),"
                           " retained_id = coalesce(excluded.retained_id, retained_id)"),
        };
        for (const QString &sql : statements) {
            e = m_connection.run(query, sql, {from, to});
            if (e.isError())
                return e;
        }
        if (!e.isError())
            e = m_connection.run(query,
                                 // The index's content: text payloads, inline or large.
                                 QStringLiteral("INSERT INTO message_fts(rowid, payload)"
                                                " SELECT id, payload FROM message_text"
                                                " WHERE id > ? AND id <= ?"),
                                 {from, to});
        if (!e.isError())
            e = m_connection.run(
                query,
                QStringLiteral("UPDATE message_index_state SET indexed_upto = ? WHERE id = 1"),
                {to});
        return e;
    });
    if (!error.isError())
        m_indexedUpTo = to;
    return error;
}

} // namespace mqttdesk
