#include "core/automation/capture_recording_job.h"

#include "core/automation/capture_recorder.h"
#include "core/connection/connection.h"

#include <QFile>
#include <QThread>

#include <memory>

namespace mqttdesk {

CaptureRecordingJob::CaptureRecordingJob(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{}

CaptureRecordingJob::~CaptureRecordingJob()
{
    if (!m_thread)
        return;
    QObject::disconnect(m_recorder, nullptr, this, nullptr);
    if (m_connection)
        QObject::disconnect(m_connection, nullptr, m_recorder, nullptr);
    // Batches already queued to the recorder are written before the file closes.
    QFile *file = m_file;
    QMetaObject::invokeMethod(
        m_recorder, [file] { file->close(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_recorder;
    delete m_file;
    delete m_thread;
}

bool CaptureRecordingJob::start(const QString &path, const QString &source, QString *error)
{
    if (m_thread) {
        *error = tr("A recording is already running: stop it first.");
        return false;
    }
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = tr("Cannot write %1: %2.").arg(path, file->errorString());
        return false;
    }
    auto recorder = std::make_unique<CaptureRecorder>(m_connection, *file);
    if (!recorder->begin(source)) {
        *error = tr("Cannot write %1: %2.").arg(path, file->errorString());
        return false;
    }
    m_path = path;
    m_recorded = 0;
    m_stopping = false;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("capture-recording"));
    m_file = file.release();
    m_recorder = recorder.release();
    m_file->moveToThread(m_thread);
    m_recorder->moveToThread(m_thread);
    connect(m_recorder, &CaptureRecorder::recordedChanged, this, [this](qint64 recorded) {
        m_recorded = recorded;
        emit progress(recorded);
    });
    QFile *fileOnThread = m_file;
    connect(m_recorder, &CaptureRecorder::writeFailed, this, [this, fileOnThread] {
        // The recorder stopped writing; the error text is read here because the file no
        // longer changes.
        finish(tr("Writing %1 failed: %2. The disk may be full; what was recorded until then "
                  "is in the file.")
                   .arg(m_path, fileOnThread->errorString()));
    });
    m_thread->start();
    return true;
}

void CaptureRecordingJob::stop()
{
    if (m_thread && !m_stopping)
        finish(QString());
}

void CaptureRecordingJob::finish(const QString &error)
{
    m_stopping = true;
    // No new batches; those already queued on the thread are written first, because the
    // close below is queued behind them.
    if (m_connection)
        QObject::disconnect(m_connection, nullptr, m_recorder, nullptr);
    QFile *file = m_file;
    QMetaObject::invokeMethod(m_recorder, [this, file, error] {
        file->close();
        QMetaObject::invokeMethod(this, [this, error] {
            QThread *thread = m_thread;
            thread->quit();
            thread->wait();
            delete m_recorder;
            delete m_file;
            delete thread;
            m_recorder = nullptr;
            m_file = nullptr;
            m_thread = nullptr;
            m_stopping = false;
            emit finished(m_recorded, error);
        });
    });
}

} // namespace mqttdesk
