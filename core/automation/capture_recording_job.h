#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QFile;
class QThread;

namespace mqttdesk {

class CaptureRecorder;
class Connection;

// The app's live recording (Connection > Record to capture…): a CaptureRecorder on a thread
// of its own, so that writing a flood to disk never runs on the GUI thread. The file grows as
// messages arrive (a plain file, not a QSaveFile: what was recorded before a crash or a full
// disk is kept and readable). stop() records every batch that arrived before it and then
// closes the file; finished() follows.
class CaptureRecordingJob : public QObject
{
    Q_OBJECT
public:
    explicit CaptureRecordingJob(Connection *connection, QObject *parent = nullptr);
    // Stops a running recording and waits for its file to be closed.
    ~CaptureRecordingJob() override;

    // Creates (or truncates) `path` and starts recording; false with `error` in words when
    // the file cannot be written or a recording runs already.
    bool start(const QString &path, const QString &source, QString *error);
    void stop();
    bool isRecording() const { return m_thread != nullptr; }
    QString filePath() const { return m_path; }
    qint64 recorded() const { return m_recorded; }

signals:
    void progress(qint64 recorded);
    // The file is closed. `error` is empty when the user stopped it, else what went wrong
    // (a full disk); what was recorded until then is in the file.
    void finished(qint64 recorded, const QString &error);

private:
    void finish(const QString &error);

    QPointer<Connection> m_connection;
    QThread *m_thread = nullptr;
    CaptureRecorder *m_recorder = nullptr; // lives on m_thread
    QFile *m_file = nullptr;               // lives on m_thread
    QString m_path;
    qint64 m_recorded = 0;
    bool m_stopping = false;
};

} // namespace mqttdesk
