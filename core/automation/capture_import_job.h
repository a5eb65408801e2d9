#pragma once

#include "core/automation/capture_record.h"
#include "core/storage/stored_message.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace mqttdesk {

class MessageWriter;

// Connection > Import capture…: a capture file (docs/capture-format.md; a history export
// too) into a profile's history, through the app's MessageWriter, so that open streams,
// counters and retention see the rows like any others. The file is read and handed over on a
// thread of its own, never more than kHighWater messages ahead of the writer, so a large
// capture neither fills the writer's queue (which would drop live messages) nor blocks the
// GUI. Every message keeps its original time, topic, QoS, retain flag, properties and
// direction.
class CaptureImportJob : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kHighWater = 20000;

    explicit CaptureImportJob(MessageWriter *writer, QObject *parent = nullptr);
    // Cancels a running import and waits for its thread.
    ~CaptureImportJob() override;

    // False when an import runs already.
    bool start(const QString &path, qint64 profileId);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    QString filePath() const { return m_path; }

    static StoredMessage storedOf(const CaptureRecord &record, qint64 profileId);

signals:
    void progress(qint64 imported, qint64 total);
    // `error` empty: all `imported` messages were handed to the history. Otherwise why not
    // (an unreadable file names its line, and then nothing is imported; a history that
    // cannot be written, or a cancel, keeps what was handed over before).
    void finished(qint64 imported, const QString &error);

private:
    QPointer<MessageWriter> m_writer;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QString m_path;
};

} // namespace mqttdesk
