#pragma once

#include "core/storage/storage_error.h"

#include <QObject>
#include <QString>

#include <memory>

namespace mqttdesk {

class DatabaseWorker;

// The Settings dialog's view of the history database as a whole: how much disk it takes,
// and "compact now" (VACUUM, which gives the pages freed by retention and Clear history back
// to the file system). Both run on a worker thread with its own connection; the answers
// arrive on the owner's thread. A running compaction holds the database's write lock, so
// the message writer waits for it (its queue keeps what arrives meanwhile).
class HistoryMaintenance : public QObject
{
    Q_OBJECT
public:
    explicit HistoryMaintenance(const QString &databasePath, QObject *parent = nullptr);
    ~HistoryMaintenance() override;

    // The bytes of the database and its write-ahead log on disk (0 when absent).
    static qint64 sizeOnDisk(const QString &databasePath);

    void measure();
    void compact();
    bool isCompacting() const { return m_compacting; }

signals:
    void measured(qint64 bytes);
    void compacted(const mqttdesk::StorageError &error, qint64 bytesBefore, qint64 bytesAfter);

private:
    QString m_path;
    std::unique_ptr<DatabaseWorker> m_worker; // made when first needed
    bool m_compacting = false;

    DatabaseWorker *worker();
};

} // namespace mqttdesk
