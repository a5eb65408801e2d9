#include "core/automation/capture_import_job.h"

#include "core/automation/capture_reader.h"
#include "core/storage/message_writer.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

namespace mqttdesk {

namespace {

// Wakes the import thread when the writer committed a batch (or gave up): a condition
// variable, not a poll, so the import follows the writer's pace.
struct WriterPace
{
    QMutex mutex;
    QWaitCondition wake;
    void notify()
    {
        QMutexLocker lock(&mutex);
        wake.wakeAll();
    }
};

} // namespace

CaptureImportJob::CaptureImportJob(MessageWriter *writer, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
{}

CaptureImportJob::~CaptureImportJob()
{
    if (!m_thread)
        return;
    m_cancel->store(true);
    m_thread->wait();
    delete m_thread;
}

StoredMessage CaptureImportJob::storedOf(const CaptureRecord &record, qint64 profileId)
{
    StoredMessage m;
    m.profileId = profileId;
    m.direction =
        record.outgoing ? StoredMessage::Direction::Outgoing : StoredMessage::Direction::Incoming;
    m.topic = record.topic;
    m.payload = record.payload;
    m.qos = record.qos;
    m.retain = record.retain;
    m.properties = record.properties;
    m.receivedUs = record.timeUs;
    if (record.outgoing) // it was sent; how far its acknowledgement got is not in a capture
        m.publishStage = StoredMessage::PublishStage::Sent;
    return m;
}

bool CaptureImportJob::start(const QString &path, qint64 profileId)
{
    if (m_thread || !m_writer)
        return false;
    m_path = path;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    auto pace = std::make_shared<WriterPace>();
    MessageWriter *writer = m_writer;
    // Direct: the writer's thread wakes the import thread; nothing touches this object.
    const QMetaObject::Connection committed = connect(
        writer, &MessageWriter::committed, writer, [pace](quint64) { pace->notify(); },
        Qt::DirectConnection);
    const QMetaObject::Connection failed = connect(
        writer, &MessageWriter::storingFailed, writer, [pace] { pace->notify(); },
        Qt::DirectConnection);
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    QPointer<CaptureImportJob> self(this);
    m_thread = QThread::create([=] {
        qint64 imported = 0;
        QString error;
        const CaptureReader::Result read = CaptureReader::readFile(path);
        if (!read.ok())
            error = read.error;
        const qint64 total = read.records.size();
        for (qsizetype i = 0; error.isEmpty() && i < read.records.size(); ++i) {
            {
                QMutexLocker lock(&pace->mutex);
                // Bounded: each wait ends at a commit, a failure or a cancel, and is checked
                // again after a second at the latest.
                while (writer->pendingCount() > kHighWater && writer->isStoring() &&
                       !cancel->load())
                    pace->wake.wait(&pace->mutex, 1000);
            }
            if (cancel->load()) {
                error = tr("Canceled after %n message(s).", nullptr, int(imported));
                break;
            }
            if (!writer->isStoring() || !writer->enqueue(storedOf(read.records.at(i), profileId))) {
                error = tr("The history cannot be written (%1); %n message(s) were imported "
                           "before.",
                           nullptr, int(imported))
                            .arg(writer->lastError().message);
                break;
            }
            ++imported;
            if (imported % 5000 == 0 && self)
                QMetaObject::invokeMethod(self, [self, imported, total] {
                    if (self)
                        emit self->progress(imported, total);
                });
        }
        QObject::disconnect(committed);
        QObject::disconnect(failed);
        QMetaObject::invokeMethod(self, [self, imported, total, error] {
            if (!self)
                return;
            self->m_thread->wait();
            delete self->m_thread;
            self->m_thread = nullptr;
            emit self->progress(imported, total);
            emit self->finished(imported, error);
        });
    });
    m_thread->setObjectName(QStringLiteral("capture-import"));
    m_thread->start();
    return true;
}

void CaptureImportJob::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

} // namespace mqttdesk
