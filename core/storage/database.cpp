#include "core/storage/database.h"

#include "core/storage/schema_migrations.h"

#include <QSqlError>
#include <QSqlQuery>

namespace mqttdesk {

Database::Database(const QString &path)
    : m_path(path)
{}

Database::~Database() = default;

StorageError Database::open(int targetVersion)
{
    m_connection = std::make_unique<DatabaseConnection>(m_path, QStringLiteral("main"));
    if (!m_connection->isOpen())
        return m_connection->error();
    return prepare(*m_connection, targetVersion);
}

StorageError Database::prepare(const DatabaseConnection &connection, int targetVersion)
{
    if (!connection.isOpen())
        return connection.error();
    // journal_mode is persistent in the file; it cannot change inside a transaction. Reading
    // it also proves the file is an SQLite database (a foreign file fails here).
    StorageError error;
    const QString mode =
        connection.scalar(QStringLiteral("PRAGMA journal_mode = WAL"), &error).toString();
    if (error.isError())
        return error;
    if (mode.compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
        return StorageError::make(StorageError::Kind::OpenFailed, connection.path(),
                                  QStringLiteral("journal_mode is %1, not wal").arg(mode));
    return SchemaMigrations::migrate(connection, targetVersion);
}

int Database::schemaVersion() const
{
    if (!isOpen())
        return 0;
    return SchemaMigrations::currentVersion(*m_connection, nullptr);
}

bool Database::checkIntegrity(QString *report) const
{
    if (!isOpen())
        return false;
    QSqlQuery query(m_connection->database());
    if (!query.exec(QStringLiteral("PRAGMA integrity_check"))) {
        if (report)
            *report = query.lastError().text();
        return false;
    }
    QStringList lines;
    while (query.next())
        lines << query.value(0).toString();
    if (report)
        *report = lines.join(QLatin1Char('\n'));
    return lines == QStringList{QStringLiteral("ok")};
}

} // namespace mqttdesk
