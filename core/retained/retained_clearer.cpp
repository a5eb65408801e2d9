#include "core/retained/retained_clearer.h"

#include "core/connection/connection.h"

namespace mqttdesk {

RetainedClearer::RetainedClearer(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{}

RetainedClearer::~RetainedClearer() = default;

void RetainedClearer::start(const QStringList &topics, QoS qos)
{
    if (m_running)
        return;
    m_topics = topics;
    m_qos = qos;
    m_next = 0;
    m_inFlight.clear();
    m_result = Result();
    m_result.total = int(topics.size());
    m_running = true;
    if (!m_connection || m_connection->state() != SessionState::Connected) {
        for (const QString &topic : topics)
            m_result.failures.append({topic, tr("Not connected.")});
        m_next = topics.size();
        QMetaObject::invokeMethod(this, &RetainedClearer::finish, Qt::QueuedConnection);
        return;
    }
    Connection *c = m_connection;
    m_links = {
        connect(c, &Connection::publishFinished, this, &RetainedClearer::onPublishFinished),
        connect(
            c, &Connection::stateChanged, this,
            [this](SessionState state) {
                if (state != SessionState::Disconnected && state != SessionState::ReconnectWaiting)
                    return;
                // Whatever was not confirmed is not known to be cleared.
                for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it)
                    m_result.failures.append({it.value(), tr("The connection was lost.")});
                m_inFlight.clear();
                for (; m_next < m_topics.size(); ++m_next)
                    m_result.failures.append({m_topics.at(m_next), tr("The connection was lost.")});
                finish();
            }),
    };
    if (topics.isEmpty()) {
        QMetaObject::invokeMethod(this, &RetainedClearer::finish, Qt::QueuedConnection);
        return;
    }
    sendMore();
}

void RetainedClearer::sendMore()
{
    while (m_running && m_inFlight.size() < m_maxInFlight && m_next < m_topics.size()) {
        PublishPacket message;
        message.topic = m_topics.at(m_next++);
        message.qos = m_qos;
        message.retain = true; // with the empty payload: delete the retained message
        const quint64 token = m_connection->publish(message);
        m_inFlight.insert(token, message.topic);
    }
}

void RetainedClearer::onPublishFinished(quint64 token, const PublishOutcome &outcome)
{
    const auto it = m_inFlight.constFind(token);
    if (it == m_inFlight.cend())
        return; // another publish on the same connection
    const QString topic = it.value();
    m_inFlight.erase(it);
    if (outcome.status == PublishStatus::Failed) {
        QString reason;
        if (outcome.error && outcome.error->reasonCode)
            reason = reasonCodeText(*outcome.error->reasonCode, PacketType::Puback);
        else if (outcome.error)
            reason = outcome.error->message;
        else
            reason = tr("failed");
        m_result.failures.append({topic, reason});
    } else if (!isSuccess(outcome.reasonCode)) {
        m_result.failures.append({topic, reasonCodeText(outcome.reasonCode, PacketType::Puback)});
    } else {
        ++m_result.cleared;
    }
    emit progress(m_result.cleared + int(m_result.failures.size()), m_result.total);
    if (m_next >= m_topics.size() && m_inFlight.isEmpty())
        finish();
    else
        sendMore();
}

void RetainedClearer::finish()
{
    if (!m_running)
        return;
    m_running = false;
    disconnectAll();
    emit finished(m_result);
}

void RetainedClearer::disconnectAll()
{
    for (const QMetaObject::Connection &link : std::as_const(m_links))
        disconnect(link);
    m_links.clear();
}

} // namespace mqttdesk
