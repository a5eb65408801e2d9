#include "core/workspace/history_export_job.h"

#include "core/storage/database_connection.h"
#include "core/storage/database_worker.h"
#include "core/storage/message_query.h"

#include <QFile>
#include <QSaveFile>

namespace mqttdesk {

HistoryExportJob::HistoryExportJob(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_databasePath(databasePath)
{}

HistoryExportJob::~HistoryExportJob()
{
    if (m_cancel)
        m_cancel->store(true);
    // Waits for the export to notice; after this nothing more is posted to this object.
    m_worker.reset();
}

HistoryExporter::Format HistoryExportJob::formatForFile(const QString &filePath)
{
    return filePath.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
               ? HistoryExporter::Format::Csv
               : HistoryExporter::Format::JsonLines;
}

bool HistoryExportJob::start(const QString &filePath, const HistoryExporter::Options &options)
{
    if (m_running)
        return false;
    if (!m_worker)
        m_worker = std::make_unique<DatabaseWorker>(m_databasePath, QStringLiteral("export"));
    m_running = true;
    m_filePath = filePath;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancel;
    emit progress(0, -1);
    m_worker->post([this, filePath, options, cancel](DatabaseConnection &connection) {
        // Runs on the worker's thread; progress goes to this object's thread, queued (the
        // destructor waits for this function to return, so `this` outlives every post).
        const auto report = [this](qint64 written, qint64 total) {
            QMetaObject::invokeMethod(
                this, [this, written, total] { emit progress(written, total); },
                Qt::QueuedConnection);
        };
        StorageError error = connection.error();
        qint64 rows = -1;
        if (!error.isError()) {
            const MessageQuery query(connection);
            // Rows stored from now on are left out: the count below is the total.
            const qint64 upToId = query.lastId(options.filter.profileId, &error);
            const qint64 total =
                error.isError() ? -1 : query.count(options.filter, &error, cancel.get(), 0, upToId);
            if (total >= 0) {
                report(0, total);
                QSaveFile file(filePath);
                if (!file.open(QIODevice::WriteOnly)) {
                    error = StorageError{
                        StorageError::Kind::IoError,
                        tr("The file %1 cannot be written: %2. Choose another folder or check "
                           "its permissions.")
                            .arg(filePath, file.errorString()),
                        file.errorString()};
                } else {
                    // Only the user may read it, like the history it comes from.
                    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
                    HistoryExporter::Options bounded = options;
                    bounded.upToId = upToId;
                    rows = HistoryExporter(connection)
                               .exportTo(file, bounded, &error, cancel.get(),
                                         [&report, total](qint64 n) { report(n, total); });
                    // A canceled or failed export leaves no file (QSaveFile drops its
                    // temporary file unless committed).
                    if (rows >= 0 && !file.commit()) {
                        error = StorageError{
                            StorageError::Kind::IoError,
                            tr("The file %1 could not be completed: %2. Check free space and "
                               "permissions.")
                                .arg(filePath, file.errorString()),
                            file.errorString()};
                        rows = -1;
                    }
                }
            }
        }
        const bool canceled = rows < 0 && !error.isError();
        return std::function<void()>([this, rows, canceled, error] {
            m_running = false;
            emit finished(rows, canceled, error);
        });
    });
    return true;
}

void HistoryExportJob::cancel()
{
    if (m_running && m_cancel)
        m_cancel->store(true);
}

} // namespace mqttdesk
