#include "core/storage/profile_counters.h"

#include "core/storage/database_connection.h"

#include <QSqlQuery>

namespace mqttdesk {

namespace {
ProfileCounters fromRow(const QSqlQuery &query, int first)
{
    return ProfileCounters{query.value(first).toLongLong(), query.value(first + 1).toLongLong(),
                           query.value(first + 2).toLongLong(),
                           query.value(first + 3).toLongLong()};
}
} // namespace

QHash<qint64, ProfileCounters> ProfileCounters::loadAll(const DatabaseConnection &connection,
                                                        StorageError *error)
{
    QHash<qint64, ProfileCounters> result;
    QSqlQuery query(connection.database());
    if (!query.exec(QStringLiteral("SELECT profile_id, received, stored, dropped, bytes"
                                   " FROM profile_counters"))) {
        if (error)
            *error = connection.errorFrom(query);
        return result;
    }
    while (query.next())
        result.insert(query.value(0).toLongLong(), fromRow(query, 1));
    return result;
}

ProfileCounters ProfileCounters::load(const DatabaseConnection &connection, qint64 profileId,
                                      StorageError *error)
{
    QSqlQuery query(connection.database());
    query.prepare(QStringLiteral("SELECT received, stored, dropped, bytes FROM profile_counters"
                                 " WHERE profile_id = ?"));
    query.addBindValue(profileId);
    if (!query.exec()) {
        if (error)
            *error = connection.errorFrom(query);
        return {};
    }
    return query.next() ? fromRow(query, 0) : ProfileCounters{};
}

} // namespace mqttdesk
