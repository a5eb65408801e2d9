#include "core/storage/profile_store.h"

#include "core/storage/database_connection.h"
#include "core/storage/message_eraser.h"
#include "core/storage/message_writer.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

namespace mqttdesk {

namespace {
const QString kColumns = QStringLiteral("id, uuid, folder, position, name, data");

StoredProfile readProfile(const QSqlQuery &query)
{
    StoredProfile p;
    p.id = query.value(0).toLongLong();
    p.uuid = query.value(1).toString();
    p.folder = query.value(2).toString();
    p.position = query.value(3).toInt();
    p.name = query.value(4).toString();
    p.data = QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object();
    return p;
}

QString toText(const QJsonObject &data)
{
    return QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
}

// QtSql binds a null QString as SQL NULL; the text columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

void setError(StorageError *out, const StorageError &error)
{
    if (out)
        *out = error;
}
} // namespace

ProfileStore::ProfileStore(const DatabaseConnection &connection)
    : m_connection(connection)
{}

QList<StoredProfile> ProfileStore::list(StorageError *error) const
{
    QList<StoredProfile> result;
    QSqlQuery query(m_connection.database());
    const StorageError e =
        m_connection.run(query, QStringLiteral("SELECT ") + kColumns +
                                    QStringLiteral(" FROM profiles ORDER BY folder, position, id"));
    setError(error, e);
    while (!e.isError() && query.next())
        result << readProfile(query);
    return result;
}

QStringList ProfileStore::folders(StorageError *error) const
{
    QStringList result;
    QSqlQuery query(m_connection.database());
    const StorageError e = m_connection.run(
        query, QStringLiteral("SELECT DISTINCT folder FROM profiles ORDER BY folder"));
    setError(error, e);
    while (!e.isError() && query.next())
        result << query.value(0).toString();
    return result;
}

std::optional<StoredProfile> ProfileStore::load(qint64 id, StorageError *error) const
{
    QSqlQuery query(m_connection.database());
    const StorageError e = m_connection.run(
        query, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM profiles WHERE id = ?"),
        {id});
    setError(error, e);
    if (e.isError() || !query.next())
        return std::nullopt;
    return readProfile(query);
}

std::optional<StoredProfile> ProfileStore::loadByUuid(const QString &uuid,
                                                      StorageError *error) const
{
    QSqlQuery query(m_connection.database());
    const StorageError e = m_connection.run(query,
                                            QStringLiteral("SELECT ") + kColumns +
                                                QStringLiteral(" FROM profiles WHERE uuid = ?"),
                                            {uuid});
    setError(error, e);
    if (e.isError() || !query.next())
        return std::nullopt;
    return readProfile(query);
}

qint64 ProfileStore::create(StoredProfile profile, StorageError *error) const
{
    if (profile.uuid.isEmpty())
        profile.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery query(m_connection.database());
    const StorageError e = m_connection.run(
        query,
        QStringLiteral("INSERT INTO profiles(uuid, folder, position, name, data) VALUES (?, ?,"
                       " (SELECT coalesce(max(position), -1) + 1 FROM profiles WHERE folder = ?),"
                       " ?, ?)"),
        {profile.uuid, text(profile.folder), text(profile.folder), text(profile.name),
         toText(profile.data)});
    setError(error, e);
    return e.isError() ? 0 : query.lastInsertId().toLongLong();
}

StorageError ProfileStore::save(const StoredProfile &profile) const
{
    QSqlQuery query(m_connection.database());
    return m_connection.run(
        query,
        QStringLiteral(
            "UPDATE profiles SET folder = ?, position = ?, name = ?, data = ? WHERE id = ?"),
        {text(profile.folder), profile.position, text(profile.name), toText(profile.data),
         profile.id});
}

StorageError ProfileStore::rename(qint64 id, const QString &name) const
{
    QSqlQuery query(m_connection.database());
    return m_connection.run(query, QStringLiteral("UPDATE profiles SET name = ? WHERE id = ?"),
                            {text(name), id});
}

qint64 ProfileStore::duplicate(qint64 id, const QString &newName, StorageError *error) const
{
    qint64 newId = 0;
    const StorageError e = m_connection.transaction([&]() -> StorageError {
        StorageError inner;
        const std::optional<StoredProfile> original = load(id, &inner);
        if (inner.isError())
            return inner;
        if (!original)
            return StorageError::make(StorageError::Kind::QueryFailed, m_connection.path(),
                                      QStringLiteral("no profile %1").arg(id));
        QSqlQuery query(m_connection.database());
        // Make room right after the original.
        inner = m_connection.run(query,
                                 QStringLiteral("UPDATE profiles SET position = position + 1"
                                                " WHERE folder = ? AND position > ?"),
                                 {original->folder, original->position});
        if (inner.isError())
            return inner;
        inner = m_connection.run(
            query,
            QStringLiteral("INSERT INTO profiles(uuid, folder, position, name, data)"
                           " VALUES (?, ?, ?, ?, ?)"),
            {QUuid::createUuid().toString(QUuid::WithoutBraces), original->folder,
             original->position + 1, text(newName), toText(original->data)});
        if (inner.isError())
            return inner;
        newId = query.lastInsertId().toLongLong();
        inner = m_connection.run(
            query,
            QStringLiteral("INSERT INTO subscriptions(profile_id, filter, qos, options, alias,"
                           " colour, enabled, payload_format, position)"
                           " SELECT ?, filter, qos, options, alias, colour, enabled,"
                           " payload_format, position FROM subscriptions WHERE profile_id = ?"),
            {newId, id});
        if (inner.isError())
            return inner;
        inner = m_connection.run(
            query,
            QStringLiteral("INSERT INTO decoding_rules(profile_id, position, filter, decoder,"
                           " options) SELECT ?, position, filter, decoder, options"
                           " FROM decoding_rules WHERE profile_id = ?"),
            {newId, id});
        if (inner.isError())
            return inner;
        return m_connection.run(
            query,
            QStringLiteral("INSERT INTO chart_panels(profile_id, position, body)"
                           " SELECT ?, position, body FROM chart_panels"
                           " WHERE profile_id = ?"),
            {newId, id});
    });
    setError(error, e);
    return e.isError() ? 0 : newId;
}

StorageError ProfileStore::moveToFolder(qint64 id, const QString &folder) const
{
    QSqlQuery query(m_connection.database());
    return m_connection.run(
        query,
        QStringLiteral("UPDATE profiles SET folder = ?, position = (SELECT coalesce(max(position),"
                       " -1) + 1 FROM profiles WHERE folder = ? AND id <> ?) WHERE id = ?"),
        {text(folder), text(folder), id, id});
}

StorageError ProfileStore::reorder(const QString &folder, const QList<qint64> &orderedIds) const
{
    return m_connection.transaction([&]() -> StorageError {
        QSqlQuery query(m_connection.database());
        for (qsizetype i = 0; i < orderedIds.size(); ++i) {
            const StorageError e = m_connection.run(
                query,
                QStringLiteral("UPDATE profiles SET position = ? WHERE id = ? AND folder = ?"),
                {int(i), orderedIds.at(i), text(folder)});
            if (e.isError())
                return e;
        }
        return {};
    });
}

StorageError ProfileStore::remove(qint64 id, MessageWriter *writer) const
{
    if (writer)
        writer->removeProfile(id);
    return m_connection.transaction([&]() -> StorageError {
        // Subscriptions, decoding rules and publish history go with the row (ON DELETE
        // CASCADE).
        QSqlQuery query(m_connection.database());
        const StorageError e =
            m_connection.run(query, QStringLiteral("DELETE FROM profiles WHERE id = ?"), {id});
        if (e.isError())
            return e;
        return MessageEraser::eraseProfile(m_connection, id);
    });
}

} // namespace mqttdesk
