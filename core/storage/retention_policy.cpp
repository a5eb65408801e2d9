#include "core/storage/retention_policy.h"

#include "core/storage/database_connection.h"

#include <QSqlQuery>

namespace mqttdesk {

QHash<qint64, RetentionPolicy> RetentionPolicy::loadAll(const DatabaseConnection &connection,
                                                        StorageError *error)
{
    QHash<qint64, RetentionPolicy> result;
    QSqlQuery query(connection.database());
    if (!query.exec(
            QStringLiteral("SELECT profile_id, max_count, max_bytes, max_age_us FROM retention"))) {
        if (error)
            *error = connection.errorFrom(query);
        return result;
    }
    while (query.next()) {
        result.insert(query.value(0).toLongLong(),
                      RetentionPolicy{query.value(1).toLongLong(), query.value(2).toLongLong(),
                                      query.value(3).toLongLong()});
    }
    return result;
}

StorageError RetentionPolicy::save(const DatabaseConnection &connection, qint64 profileId,
                                   const RetentionPolicy &policy)
{
    QSqlQuery query(connection.database());
    query.prepare(QStringLiteral(
        "INSERT INTO retention(profile_id, max_count, max_bytes, max_age_us) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(profile_id) DO UPDATE SET max_count = excluded.max_count,"
        " max_bytes = excluded.max_bytes, max_age_us = excluded.max_age_us"));
    query.addBindValue(profileId);
    query.addBindValue(qMax<qint64>(0, policy.maxCount));
    query.addBindValue(qMax<qint64>(0, policy.maxBytes));
    query.addBindValue(qMax<qint64>(0, policy.maxAgeUs));
    if (!query.exec())
        return connection.errorFrom(query);
    return {};
}

} // namespace mqttdesk
