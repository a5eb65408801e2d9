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
    // One statement for the whole range: FTS5 handles the 'delete' commands in one go.
    StorageError error = run(connection,
                             QStringLiteral("INSERT INTO message_fts(message_fts, rowid, payload)"
                                            " SELECT 'delete', id, payload FROM messages"
                                            " WHERE profile_id = ? AND id <= ? AND flags & 32"),
                             {profileId, upToId});
    if (!error.isError())
        error =
            run(connection, QStringLiteral("DELETE FROM messages WHERE profile_id = ? AND id <= ?"),
                {profileId, upToId});
    return error;
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
