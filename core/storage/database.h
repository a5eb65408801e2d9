#pragma once

#include "core/storage/database_connection.h"
#include "core/storage/storage_error.h"

#include <memory>

namespace mqttdesk {

// The one SQLite file of MQTT Desk. open() creates it when missing, switches it to WAL and
// runs the forward migrations. The connection it holds belongs to the thread that called
// open(); other threads (writer, search, counting) open their own DatabaseConnection on
// path().
class Database
{
public:
    explicit Database(const QString &path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // `targetVersion` is a test seam to build files of an earlier schema; -1 is latest.
    StorageError open(int targetVersion = -1);
    // What open() does on a connection opened elsewhere (a worker's own): switches the file
    // to WAL and runs the forward migrations.
    static StorageError prepare(const DatabaseConnection &connection, int targetVersion = -1);
    bool isOpen() const { return m_connection && m_connection->isOpen(); }
    const QString &path() const { return m_path; }
    int schemaVersion() const;
    // The opening thread's connection; valid after a successful open().
    const DatabaseConnection &connection() const { return *m_connection; }

    // PRAGMA integrity_check; true when SQLite answers "ok".
    bool checkIntegrity(QString *report = nullptr) const;

private:
    QString m_path;
    std::unique_ptr<DatabaseConnection> m_connection;
};

} // namespace mqttdesk
