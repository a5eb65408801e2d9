#include "core/retained/retained_clearer.h"

#include "core/connection/connection.h"
#include "core/protocol/reason_code.h"

namespace mqttdesk {

RetainedClearer::RetainedClearer(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    if (connection)
        connect(connection, &Connection::publishFinished, this, &RetainedClearer::onFinished);
}

void RetainedClearer::start(const QStringList &topics, quint8 qos)
{
    if (m_running)
        return;
    m_topics = topics;
    m_qos = qMin<quint8>(qos, 2);
    m_next = 0;
    m_done = 0;
    m_inFlight.clear();
    m_result = Result{};
    m_result.total = int(topics.size());
    m_running = true;
    if (!m_connection) {
        for (const QString &topic : topics)
            m_result.failures.append({topic, tr("The connection is gone")});
        m_next = m_done = int(topics.size());
    }
    sendMore();
    finishIfDone();
}

void RetainedClearer::cancel()
{
    if (!m_running)
        return;
    m_result.canceled = m_next < m_topics.size();
    m_topics = m_topics.mid(0, m_next); // nothing more is sent
    finishIfDone();
}

void RetainedClearer::sendMore()
{
    while (m_connection && m_next < m_topics.size() && m_inFlight.size() < kInFlight) {
        PublishPacket packet;
        packet.topic = m_topics.at(m_next);
        packet.retain = true; // with an empty payload: the broker drops what it kept
        packet.qos = QoS(m_qos);
        const quint64 token = m_connection->publish(packet);
        m_inFlight.insert(token, m_topics.at(m_next));
        ++m_next;
    }
}

void RetainedClearer::onFinished(quint64 token, const PublishOutcome &outcome)
{
    const auto it = m_inFlight.constFind(token);
    if (it == m_inFlight.constEnd())
        return; // a publish of someone else on the same connection
    const QString topic = it.value();
    m_inFlight.erase(it);
    ++m_done;
    if (outcome.status == PublishStatus::Failed) {
        QString reason;
        if (outcome.error)
            reason = outcome.error->message;
        else
            reason = reasonCodeText(outcome.reasonCode, PacketType::Puback);
        m_result.failures.append({topic, reason});
    } else {
        ++m_result.cleared;
        m_result.clearedTopics.append(topic);
    }
    emit progress(m_done, m_result.total);
    sendMore();
    finishIfDone();
}

void RetainedClearer::finishIfDone()
{
    if (!m_running || !m_inFlight.isEmpty() || m_next < m_topics.size())
        return;
    m_running = false;
    emit finished(m_result);
}

} // namespace mqttdesk
