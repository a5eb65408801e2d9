#include "core/automation/capture_recorder.h"

#include "core/connection/connection.h"
#include "core/protocol/codec.h"

namespace mqttdesk {

CaptureRecorder::CaptureRecorder(Connection *connection, QIODevice &device, qint64 limit,
                                 QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_writer(device)
    , m_limit(limit)
{
    if (m_connection)
        connect(m_connection, &Connection::messagesReceived, this, &CaptureRecorder::onMessages);
}

CaptureRecord CaptureRecorder::recordOf(const ReceivedMessage &m)
{
    CaptureRecord r;
    r.timeUs = m.receivedUs;
    r.topic = m.message.topic;
    r.payload = m.message.payload;
    r.qos = quint8(m.message.qos);
    r.retain = m.message.retain;
    if (!m.message.properties.isEmpty())
        r.properties = encodeProperties(m.message.properties);
    return r;
}

bool CaptureRecorder::begin(const QString &source)
{
    m_failed = !m_writer.writeHeader(source);
    return !m_failed;
}

void CaptureRecorder::onMessages(const MessageBatch &batch)
{
    if (m_done || m_failed)
        return;
    for (const ReceivedMessage &m : batch) {
        if (!m_writer.write(recordOf(m))) {
            m_failed = true;
            emit writeFailed();
            return;
        }
        if (++m_recorded == m_limit) { // a limit of 0 is never reached
            m_done = true;
            m_writer.flush();
            emit recordedChanged(m_recorded);
            emit limitReached();
            return;
        }
    }
    if (!m_writer.flush()) {
        m_failed = true;
        emit writeFailed();
        return;
    }
    emit recordedChanged(m_recorded);
}

} // namespace mqttdesk
