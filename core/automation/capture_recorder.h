#pragma once

#include "core/automation/capture_record.h"
#include "core/automation/capture_writer.h"
#include "core/connection/received_message.h"

#include <QObject>
#include <QPointer>

namespace mqttdesk {

class Connection;

// Records what a Connection receives into a capture file (mqttdesk-cli record, the app's
// Record): every message of every batch, in arrival order, with its properties. Stops by
// itself after `limit` messages (0: no limit).
class CaptureRecorder : public QObject
{
    Q_OBJECT
public:
    CaptureRecorder(Connection *connection, QIODevice &device, qint64 limit = 0,
                    QObject *parent = nullptr);

    static CaptureRecord recordOf(const ReceivedMessage &message);

    // Writes the header; false when the device cannot be written.
    bool begin(const QString &source);
    qint64 recorded() const { return m_recorded; }
    bool failed() const { return m_failed; }

signals:
    // After each batch written: the running count (a live recording's progress).
    void recordedChanged(qint64 recorded);
    // The limit was reached (no more is written).
    void limitReached();
    // A write failed (a full disk): nothing more is written.
    void writeFailed();

private:
    void onMessages(const MessageBatch &batch);

    QPointer<Connection> m_connection;
    CaptureWriter m_writer;
    qint64 m_limit = 0;
    qint64 m_recorded = 0;
    bool m_failed = false;
    bool m_done = false;
};

} // namespace mqttdesk
