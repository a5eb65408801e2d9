#include "core/storage/chart_panel_store.h"

#include "core/storage/database_connection.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace mqttdesk {

ChartPanelStore::ChartPanelStore(const DatabaseConnection &connection)
    : m_connection(connection)
{}

QList<QJsonObject> ChartPanelStore::load(qint64 profileId, StorageError *error) const
{
    QList<QJsonObject> panels;
    QSqlQuery query(m_connection.database());
    const StorageError e = m_connection.run(
        query,
        QStringLiteral("SELECT body FROM chart_panels WHERE profile_id = ? ORDER BY position"),
        {profileId});
    if (error)
        *error = e;
    while (!e.isError() && query.next()) {
        const QJsonDocument body = QJsonDocument::fromJson(query.value(0).toString().toUtf8());
        if (body.isObject())
            panels.append(body.object());
    }
    return panels;
}

StorageError ChartPanelStore::save(qint64 profileId, const QList<QJsonObject> &panels) const
{
    return m_connection.transaction([&] { return replace(profileId, panels); });
}

StorageError ChartPanelStore::replace(qint64 profileId, const QList<QJsonObject> &panels) const
{
    QSqlQuery query(m_connection.database());
    StorageError e = m_connection.run(
        query, QStringLiteral("DELETE FROM chart_panels WHERE profile_id = ?"), {profileId});
    for (qsizetype i = 0; !e.isError() && i < panels.size(); ++i)
        e = m_connection.run(
            query,
            QStringLiteral("INSERT INTO chart_panels(profile_id, position, body) VALUES (?, ?, ?)"),
            {profileId, int(i),
             QString::fromUtf8(QJsonDocument(panels.at(i)).toJson(QJsonDocument::Compact))});
    return e;
}

} // namespace mqttdesk
