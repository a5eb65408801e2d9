#include "core/storage/message_eraser.h"

#include "core/storage/database_connection.h"

#include <QSqlQuery>

#include <limits>

namespace mqttdesk {

namespace {
StorageError run(const DatabaseConnection &connection, const QString &sql,
                 const QVariantList &values)
{
    QSqlQuery query(connection.database());
    if (!query.prepare(sql))
        return connection.errorFrom(query);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return connection.errorFrom(query);
    return {};
}
} // namespace

StorageError MessageEraser::eraseUpTo(const DatabaseConnection &connection, qint64 profileId,
                                      qint64 upToId)
{
    // Indexed rows are found through message_profiles; rows above the indexer's watermark
    // (a rowid range) are not in any index yet. The index entries go first, while the rows
    // they are derived from still exist. One statement per step: FTS5 handles the 'delete'
    // commands of a whole range in one go.
    // (QtSql binds positionally only: each statement lists its values in order.)
    const QVariant p = profileId;
    const QVariant upTo = upToId;
    const struct
    {
        QString sql;
        QVariantList values;
    } statements[] = {
        // The topic tree's figures cover the indexed rows: those about to go are taken off.
        // Messages go oldest first, so a topic that keeps any keeps its newest row; one
        // whose newest retained row goes has none left.
        {QStringLiteral("UPDATE topic_stats SET received = received - d.n FROM"
                        " (SELECT m.topic_id, count(*) AS n FROM message_profiles p"
                        " JOIN messages m ON m.id = p.id WHERE p.profile_id = ? AND p.id <= ?"
                        " AND (m.flags & 1) = 0 GROUP BY m.topic_id) d"
                        " WHERE topic_stats.topic_id = d.topic_id"),
         {p, upTo}},
        {QStringLiteral("DELETE FROM topic_stats WHERE profile_id = ? AND"
                        " (received <= 0 OR last_id <= ?)"),
         {p, upTo}},
        {QStringLiteral("UPDATE topic_stats SET retained_id = NULL WHERE profile_id = ?"
                        " AND retained_id <= ?"),
         {p, upTo}},
        {QStringLiteral("INSERT INTO message_fts(message_fts, rowid, payload)"
                        // The text that was indexed (message_text: inline or large).
                        " SELECT 'delete', t.id, t.payload FROM message_profiles p"
                        " JOIN message_text t ON t.id = p.id"
                        " WHERE p.profile_id = ? AND p.id <= ?"),
         {p, upTo}},
        {QStringLiteral("DELETE FROM message_times WHERE profile_id = ? AND (time_us, id) IN"
                        " (SELECT m.time_us, m.id FROM message_profiles p"
                        " JOIN messages m ON m.id = p.id WHERE p.profile_id = ? AND p.id <= ?)"),
         {p, p, upTo}},
        {QStringLiteral("DELETE FROM message_topics WHERE topic_id IN"
                        " (SELECT id FROM topics WHERE profile_id = ?) AND id <= ?"),
         {p, upTo}},
        {QStringLiteral("DELETE FROM messages WHERE id IN"
                        " (SELECT id FROM message_profiles WHERE profile_id = ? AND id <= ?)"),
         {p, upTo}},
        {QStringLiteral("DELETE FROM message_profiles WHERE profile_id = ? AND id <= ?"),
         {p, upTo}},
        {QStringLiteral("DELETE FROM messages WHERE id <= ? AND profile_id = ? AND id >"
                        " (SELECT indexed_upto FROM message_index_state WHERE id = 1)"),
         {upTo, p}},
    };
    for (const auto &statement : statements) {
        const StorageError error = run(connection, statement.sql, statement.values);
        if (error.isError())
            return error;
    }
    return {};
}

StorageError MessageEraser::eraseProfile(const DatabaseConnection &connection, qint64 profileId)
{
    StorageError error = eraseUpTo(connection, profileId, std::numeric_limits<qint64>::max());
    const QString statements[] = {
        QStringLiteral("DELETE FROM topics WHERE profile_id = ?"),
        QStringLiteral("DELETE FROM profile_counters WHERE profile_id = ?"),
        QStringLiteral("DELETE FROM retention WHERE profile_id = ?"),
    };
    for (const QString &sql : statements) {
        if (error.isError())
            break;
        error = run(connection, sql, {profileId});
    }
    return error;
}

} // namespace mqttdesk
