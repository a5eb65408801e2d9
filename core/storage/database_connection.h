#pragma once

#include "core/storage/storage_error.h"

#include <QStringList>
#include <QVariant>
#include <QVariantList>

// QtSql stays inside core/storage (mqttdesk_storage links it privately): the stores use
// database(); everything else goes through exec(), scalar(), run() and transaction().
class QSqlDatabase;
class QSqlQuery;

namespace mqttdesk {

// One named QSqlDatabase connection, owned by the thread that creates it. QtSql
// connections must not cross threads, so every thread (GUI, writer, search and count
// workers) opens its own; this class removes it again when it goes out of scope.
// Destroy every QSqlQuery made on it first.
class DatabaseConnection
{
public:
    struct Options
    {
        bool readOnly = false;
        // Extra statements run after opening, e.g. "PRAGMA max_page_count = 50" which tests
        // use as the SQLITE_FULL seam, or "PRAGMA query_only = 1" as the read-only seam.
        QStringList extraPragmas;
    };

    DatabaseConnection(const QString &path, const QString &purpose, const Options &options);
    DatabaseConnection(const QString &path, const QString &purpose)
        : DatabaseConnection(path, purpose, Options{})
    {}
    ~DatabaseConnection();
    DatabaseConnection(const DatabaseConnection &) = delete;
    DatabaseConnection &operator=(const DatabaseConnection &) = delete;

    bool isOpen() const { return !m_error.isError(); }
    const StorageError &error() const { return m_error; }
    const QString &path() const { return m_path; }
    const QString &name() const { return m_name; }
    // The QtSql handle, for core/storage's own stores and their tests.
    QSqlDatabase database() const;

    // Runs one statement; a typed error when it fails.
    StorageError exec(const QString &sql) const;
    // Runs one statement and returns the first column of its first row.
    QVariant scalar(const QString &sql, StorageError *error = nullptr) const;
    StorageError errorFrom(const QSqlQuery &query) const;
    // Prepares `sql` on `query`, binds `values` in order and runs it.
    StorageError run(QSqlQuery &query, const QString &sql, const QVariantList &values = {}) const;
    // Runs `work` inside one transaction; rolls back when it returns an error.
    template<typename Work>
    StorageError transaction(Work &&work) const
    {
        StorageError error = begin();
        if (error.isError())
            return error;
        error = work();
        return error.isError() ? rollback(error) : commit();
    }

private:
    StorageError begin() const;
    StorageError commit() const;
    StorageError rollback(const StorageError &reason) const;

    QString m_path;
    QString m_name;
    StorageError m_error;
};

} // namespace mqttdesk
