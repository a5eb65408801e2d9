#include "core/storage/retained_snapshot_store.h"

#include "core/storage/database_connection.h"

#include <QSqlQuery>

namespace mqttdesk {

namespace {

StoredRetainedSnapshot fromRow(const QSqlQuery &query, bool withBody)
{
    StoredRetainedSnapshot s;
    s.id = query.value(0).toLongLong();
    s.profileId = query.value(1).toLongLong();
    s.name = query.value(2).toString();
    s.filter = query.value(3).toString();
    s.broker = query.value(4).toString();
    s.takenAtMs = query.value(5).toLongLong();
    s.topicCount = query.value(6).toInt();
    if (withBody)
        s.body = query.value(7).toByteArray();
    return s;
}

} // namespace

RetainedSnapshotStore::RetainedSnapshotStore(const DatabaseConnection &connection)
    : m_connection(connection)
{}

qint64 RetainedSnapshotStore::add(const StoredRetainedSnapshot &snapshot, StorageError *error) const
{
    QSqlQuery query(m_connection.database());
    const StorageError e = m_connection.run(
        query,
        QStringLiteral("INSERT INTO retained_snapshots(profile_id, name, filter, broker,"
                       " taken_at_ms, topic_count, body) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {snapshot.profileId, snapshot.name.isNull() ? QStringLiteral("") : snapshot.name,
         snapshot.filter.isNull() ? QStringLiteral("") : snapshot.filter,
         snapshot.broker.isNull() ? QStringLiteral("") : snapshot.broker, snapshot.takenAtMs,
         snapshot.topicCount, snapshot.body.isNull() ? QByteArray("") : snapshot.body});
    if (error)
        *error = e;
    return e.isError() ? 0 : query.lastInsertId().toLongLong();
}

QList<StoredRetainedSnapshot> RetainedSnapshotStore::list(qint64 profileId,
                                                          StorageError *error) const
{
    QList<StoredRetainedSnapshot> result;
    QSqlQuery query(m_connection.database());
    const StorageError e = m_connection.run(
        query,
        QStringLiteral("SELECT id, profile_id, name, filter, broker, taken_at_ms, topic_count"
                       " FROM retained_snapshots WHERE profile_id = ?"
                       " ORDER BY taken_at_ms DESC, id DESC"),
        {profileId});
    if (error)
        *error = e;
    while (!e.isError() && query.next())
        result << fromRow(query, false);
    return result;
}

StoredRetainedSnapshot RetainedSnapshotStore::load(qint64 id, StorageError *error) const
{
    QSqlQuery query(m_connection.database());
    const StorageError e = m_connection.run(
        query,
        QStringLiteral("SELECT id, profile_id, name, filter, broker, taken_at_ms, topic_count,"
                       " body FROM retained_snapshots WHERE id = ?"),
        {id});
    if (error)
        *error = e;
    if (e.isError() || !query.next())
        return {};
    return fromRow(query, true);
}

StorageError RetainedSnapshotStore::rename(qint64 id, const QString &name) const
{
    QSqlQuery query(m_connection.database());
    return m_connection.run(query,
                            QStringLiteral("UPDATE retained_snapshots SET name = ? WHERE id = ?"),
                            {name.isNull() ? QStringLiteral("") : name, id});
}

StorageError RetainedSnapshotStore::remove(qint64 id) const
{
    QSqlQuery query(m_connection.database());
    return m_connection.run(query, QStringLiteral("DELETE FROM retained_snapshots WHERE id = ?"),
                            {id});
}

} // namespace mqttdesk
