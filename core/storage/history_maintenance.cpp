#include "core/storage/history_maintenance.h"

#include "core/storage/database_connection.h"
#include "core/storage/database_worker.h"

#include <QFileInfo>

namespace mqttdesk {

HistoryMaintenance::HistoryMaintenance(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_path(databasePath)
{}

HistoryMaintenance::~HistoryMaintenance() = default;

qint64 HistoryMaintenance::sizeOnDisk(const QString &databasePath)
{
    qint64 bytes = 0;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QFileInfo file(databasePath + suffix);
        if (file.exists())
            bytes += file.size();
    }
    return bytes;
}

DatabaseWorker *HistoryMaintenance::worker()
{
    if (!m_worker)
        m_worker = std::make_unique<DatabaseWorker>(m_path, QStringLiteral("maintenance"));
    return m_worker.get();
}

void HistoryMaintenance::measure()
{
    // A stat of three files: cheap, but still not on the GUI thread (a network home).
    worker()->post([this, path = m_path](DatabaseConnection &) {
        const qint64 bytes = sizeOnDisk(path);
        return std::function<void()>([this, bytes] { emit measured(bytes); });
    });
}

void HistoryMaintenance::compact()
{
    if (m_compacting)
        return;
    m_compacting = true;
    worker()->post([this, path = m_path](DatabaseConnection &connection) {
        const qint64 before = sizeOnDisk(path);
        StorageError error = connection.error();
        // The log first, so VACUUM copies a settled file; then the log VACUUM itself wrote.
        if (!error.isError())
            error = connection.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        if (!error.isError())
            error = connection.exec(QStringLiteral("VACUUM"));
        if (!error.isError())
            error = connection.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        const qint64 after = sizeOnDisk(path);
        return std::function<void()>([this, error, before, after] {
            m_compacting = false;
            emit compacted(error, before, after);
            emit measured(after);
        });
    });
}

} // namespace mqttdesk
