#include "core/storage/publish_history_store.h"

#include "core/storage/database_connection.h"

#include <QSqlQuery>

namespace mqttdesk {

PublishHistoryStore::PublishHistoryStore(const DatabaseConnection &connection, int capacity)
    : m_connection(connection)
    , m_capacity(qMax(1, capacity))
{}

qint64 PublishHistoryStore::record(const PublishHistoryEntry &entry, StorageError *error) const
{
    qint64 id = 0;
    // Blobs are bound non-null so that the UNIQUE constraint sees equal values as equal.
    const QByteArray payload = entry.payload.isNull() ? QByteArray("") : entry.payload;
    const QByteArray properties = entry.properties.isNull() ? QByteArray("") : entry.properties;
    const StorageError e = m_connection.transaction([&]() -> StorageError {
        QSqlQuery query(m_connection.database());
        StorageError inner = m_connection.run(
            query,
            QStringLiteral("INSERT INTO publish_history(profile_id, topic, payload, qos, retain,"
                           " properties, last_used_us, use_count) VALUES (?, ?, ?, ?, ?, ?, ?, 1)"
                           " ON CONFLICT(profile_id, topic, payload, qos, retain, properties)"
                           " DO UPDATE SET last_used_us = max(last_used_us, excluded.last_used_us),"
                           " use_count = use_count + 1 RETURNING id"),
            {entry.profileId, entry.topic.isNull() ? QStringLiteral("") : entry.topic, payload,
             int(entry.qos), entry.retain ? 1 : 0, properties, entry.lastUsedUs});
        if (inner.isError())
            return inner;
        id = query.next() ? query.value(0).toLongLong() : 0;
        query.finish();
        // The cap: only the most recently used entries stay.
        return m_connection.run(
            query,
            QStringLiteral("DELETE FROM publish_history WHERE profile_id = ? AND id NOT IN"
                           " (SELECT id FROM publish_history WHERE profile_id = ?"
                           " ORDER BY last_used_us DESC, id DESC LIMIT ?)"),
            {entry.profileId, entry.profileId, m_capacity});
    });
    if (error)
        *error = e;
    return e.isError() ? 0 : id;
}

QList<PublishHistoryEntry> PublishHistoryStore::list(qint64 profileId, int limit,
                                                     StorageError *error) const
{
    QList<PublishHistoryEntry> result;
    QSqlQuery query(m_connection.database());
    const StorageError e = m_connection.run(
        query,
        QStringLiteral("SELECT id, profile_id, topic, payload, qos, retain, properties,"
                       " last_used_us, use_count FROM publish_history WHERE profile_id = ?"
                       " ORDER BY last_used_us DESC, id DESC LIMIT ?"),
        {profileId, limit < 0 ? m_capacity : limit});
    if (error)
        *error = e;
    while (!e.isError() && query.next()) {
        PublishHistoryEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.profileId = query.value(1).toLongLong();
        entry.topic = query.value(2).toString();
        entry.payload = query.value(3).toByteArray();
        entry.qos = quint8(query.value(4).toUInt());
        entry.retain = query.value(5).toBool();
        entry.properties = query.value(6).toByteArray();
        entry.lastUsedUs = query.value(7).toLongLong();
        entry.useCount = query.value(8).toLongLong();
        result << entry;
    }
    return result;
}

StorageError PublishHistoryStore::remove(qint64 id) const
{
    QSqlQuery query(m_connection.database());
    return m_connection.run(query, QStringLiteral("DELETE FROM publish_history WHERE id = ?"),
                            {id});
}

StorageError PublishHistoryStore::clear(qint64 profileId) const
{
    QSqlQuery query(m_connection.database());
    return m_connection.run(
        query, QStringLiteral("DELETE FROM publish_history WHERE profile_id = ?"), {profileId});
}

} // namespace mqttdesk
