#include "core/storage/database_connection.h"

#include "core/storage/data_directory.h"
#include "core/storage/sql_thread_audit.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace mqttdesk {

namespace {
QAtomicInteger<quint64> s_connectionCounter;
} // namespace

DatabaseConnection::DatabaseConnection(const QString &path, const QString &purpose,
                                       const Options &options)
    : m_path(path)
    , m_name(QStringLiteral("mqttdesk-%1-%2").arg(purpose).arg(++s_connectionCounter))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    if (QFileInfo(path).isDir()) {
        m_error = StorageError::make(StorageError::Kind::OpenFailed, path,
                                     QStringLiteral("path is a directory"));
        return;
    }
    // The history is the user's alone. SQLite gives the -wal and -shm files the database
    // file's mode; files of an older version are tightened too.
    if (!options.readOnly && !path.isEmpty() && path != QLatin1String(":memory:")) {
        DataDirectory::makePrivateFile(path);
        for (const char *suffix : {"-wal", "-shm"}) {
            if (QFileInfo::exists(path + QLatin1String(suffix)))
                DataDirectory::makePrivateFile(path + QLatin1String(suffix));
        }
    }
    db.setDatabaseName(path);
    // REGEXP for MessageFilter::payloadRegex (QRegularExpression, compiled patterns cached).
    QString connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_ENABLE_REGEXP");
    if (options.readOnly)
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(connectOptions);
    if (!db.open()) {
        m_error = StorageError::fromSql(db.lastError(), path);
        if (!m_error.isError() || m_error.kind == StorageError::Kind::QueryFailed)
            m_error.kind = StorageError::Kind::OpenFailed;
        m_error.message = StorageError::describe(m_error.kind, path);
        return;
    }
    SqlThreadAudit::attach(db);
    // NORMAL is durable against process crashes in WAL mode; only power loss can drop the
    // last transactions. The cache is per connection, 8 MiB keeps the hot index pages.
    QStringList pragmas{
        QStringLiteral("PRAGMA synchronous = NORMAL"), QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA temp_store = MEMORY"), QStringLiteral("PRAGMA cache_size = -8192")};
    pragmas += options.extraPragmas;
    for (const QString &pragma : std::as_const(pragmas)) {
        const StorageError error = exec(pragma);
        if (error.isError()) {
            m_error = error;
            return;
        }
    }
}

DatabaseConnection::~DatabaseConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase DatabaseConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

StorageError DatabaseConnection::errorFrom(const QSqlQuery &query) const
{
    return StorageError::fromSql(query.lastError(), m_path);
}

StorageError DatabaseConnection::run(QSqlQuery &query, const QString &sql,
                                     const QVariantList &values) const
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return errorFrom(query);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return errorFrom(query);
    return {};
}

StorageError DatabaseConnection::begin() const
{
    // IMMEDIATE takes the write lock up front, where the busy timeout applies. A deferred
    // BEGIN that reads first and writes later gets SQLITE_BUSY at once, without waiting,
    // when another connection wrote in between (WAL cannot upgrade a stale snapshot).
    return exec(QStringLiteral("BEGIN IMMEDIATE"));
}

StorageError DatabaseConnection::commit() const
{
    QSqlDatabase db = database();
    if (!db.commit()) {
        const StorageError error = StorageError::fromSql(db.lastError(), m_path);
        db.rollback();
        return error;
    }
    return {};
}

StorageError DatabaseConnection::rollback(const StorageError &reason) const
{
    database().rollback();
    return reason;
}

StorageError DatabaseConnection::exec(const QString &sql) const
{
    QSqlQuery query(database());
    if (!query.exec(sql))
        return errorFrom(query);
    return {};
}

QVariant DatabaseConnection::scalar(const QString &sql, StorageError *error) const
{
    QSqlQuery query(database());
    if (!query.exec(sql)) {
        if (error)
            *error = errorFrom(query);
        return {};
    }
    if (error)
        *error = {};
    return query.next() ? query.value(0) : QVariant();
}

} // namespace mqttdesk
