#include "core/storage/subscription_store.h"

#include "core/storage/database_connection.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace mqttdesk {

namespace {
QString toText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// QtSql binds a null QString as SQL NULL; the text columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}
} // namespace

SubscriptionStore::SubscriptionStore(const DatabaseConnection &connection)
    : m_connection(connection)
{}

QList<StoredSubscription> SubscriptionStore::list(qint64 profileId, StorageError *error) const
{
    QList<StoredSubscription> result;
    QSqlQuery query(m_connection.database());
    const StorageError e = m_connection.run(
        query,
        QStringLiteral("SELECT id, profile_id, filter, qos, options, alias, colour, enabled,"
                       " payload_format, position FROM subscriptions WHERE profile_id = ?"
                       " ORDER BY position, id"),
        {profileId});
    if (error)
        *error = e;
    while (!e.isError() && query.next()) {
        StoredSubscription s;
        s.id = query.value(0).toLongLong();
        s.profileId = query.value(1).toLongLong();
        s.filter = query.value(2).toString();
        s.qos = quint8(query.value(3).toUInt());
        s.options = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
        s.alias = query.value(5).toString();
        s.colour = query.value(6).toString();
        s.enabled = query.value(7).toBool();
        s.payloadFormat = query.value(8).toString();
        s.position = query.value(9).toInt();
        result << s;
    }
    return result;
}

qint64 SubscriptionStore::add(const StoredSubscription &s, StorageError *error) const
{
    QSqlQuery query(m_connection.database());
    const StorageError e = m_connection.run(
        query,
        QStringLiteral("INSERT INTO subscriptions(profile_id, filter, qos, options, alias, colour,"
                       " enabled, payload_format, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                       " (SELECT coalesce(max(position), -1) + 1 FROM subscriptions"
                       " WHERE profile_id = ?))"),
        {s.profileId, text(s.filter), int(s.qos), toText(s.options), text(s.alias), text(s.colour),
         s.enabled ? 1 : 0, text(s.payloadFormat), s.profileId});
    if (error)
        *error = e;
    return e.isError() ? 0 : query.lastInsertId().toLongLong();
}

StorageError SubscriptionStore::update(const StoredSubscription &s) const
{
    QSqlQuery query(m_connection.database());
    return m_connection.run(
        query,
        QStringLiteral("UPDATE subscriptions SET filter = ?, qos = ?, options = ?, alias = ?,"
                       " colour = ?, enabled = ?, payload_format = ?, position = ? WHERE id = ?"),
        {text(s.filter), int(s.qos), toText(s.options), text(s.alias), text(s.colour),
         s.enabled ? 1 : 0, text(s.payloadFormat), s.position, s.id});
}

StorageError SubscriptionStore::setEnabled(qint64 id, bool enabled) const
{
    QSqlQuery query(m_connection.database());
    return m_connection.run(query,
                            QStringLiteral("UPDATE subscriptions SET enabled = ? WHERE id = ?"),
                            {enabled ? 1 : 0, id});
}

StorageError SubscriptionStore::remove(qint64 id) const
{
    QSqlQuery query(m_connection.database());
    return m_connection.run(query, QStringLiteral("DELETE FROM subscriptions WHERE id = ?"), {id});
}

StorageError SubscriptionStore::reorder(qint64 profileId, const QList<qint64> &orderedIds) const
{
    return m_connection.transaction([&]() -> StorageError {
        QSqlQuery query(m_connection.database());
        for (qsizetype i = 0; i < orderedIds.size(); ++i) {
            const StorageError e = m_connection.run(
                query,
                QStringLiteral(
                    "UPDATE subscriptions SET position = ? WHERE id = ? AND profile_id = ?"),
                {int(i), orderedIds.at(i), profileId});
            if (e.isError())
                return e;
        }
        return {};
    });
}

} // namespace mqttdesk
