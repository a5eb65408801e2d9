#pragma once

#include "core/storage/history_exporter.h"
#include "core/storage/storage_error.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace mqttdesk {

class DatabaseWorker;

// Exports a profile's history (any MessageFilter) to a file with HistoryExporter on a thread
// of its own with its own connection, so neither the GUI thread nor the stream's reader waits
// on it. It first counts the matching rows up to the newest stored row (rows stored while it
// runs are not chased, so the count is the total), then writes them page by page, reporting
// progress. cancel() stops it within one page.
//
// The file is written through QSaveFile: it appears, whole, only when the export succeeded; a
// canceled or failed export leaves no file behind (and an existing file of that name as it
// was). Signals are delivered on the thread that owns the job.
class HistoryExportJob : public QObject
{
    Q_OBJECT
public:
    explicit HistoryExportJob(const QString &databasePath, QObject *parent = nullptr);
    // Cancels a running export and waits for its thread to stop (within one page).
    ~HistoryExportJob() override;

    // Starts exporting to `filePath`; false when an export is already running.
    bool start(const QString &filePath, const HistoryExporter::Options &options);
    // Asks the running export to stop; finished() follows with canceled set.
    void cancel();
    bool isRunning() const { return m_running; }
    bool isCanceling() const { return m_running && m_cancel && m_cancel->load(); }
    QString filePath() const { return m_filePath; }

    // The format a file name asks for: CSV for ".csv", JSON Lines otherwise.
    static HistoryExporter::Format formatForFile(const QString &filePath);

signals:
    // `total` is -1 while the rows are being counted.
    void progress(qint64 written, qint64 total);
    // `rows` written (the file is complete), or canceled, or failed with `error`.
    void finished(qint64 rows, bool canceled, const mqttdesk::StorageError &error);

private:
    QString m_databasePath;
    std::unique_ptr<DatabaseWorker> m_worker;
    std::shared_ptr<std::atomic_bool> m_cancel; // of the running export
    QString m_filePath;
    bool m_running = false;
};

} // namespace mqttdesk
