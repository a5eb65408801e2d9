#include "core/alerts/alert_monitor.h"

#include "core/connection/connection.h"

#include <QThread>
#include <QTimer>

namespace mqttdesk {

namespace {

// Action publishes whose outcome never came (a connection deleted meanwhile) are forgotten
// past this many, so the table cannot grow without bound.
constexpr qsizetype kMaxPendingActions = 10000;

} // namespace

AlertMonitor::AlertMonitor(Connection *connection, Clock clock)
    : m_connection(connection)
    , m_engine(std::move(clock))
{
    qRegisterMetaType<QList<AlertEvent>>();
}

AlertMonitor *AlertMonitor::attach(Connection *connection, Clock clock)
{
    auto *monitor = new AlertMonitor(connection, std::move(clock));
    monitor->moveToThread(connection->thread());
    // Posted, so that it runs on the connection's thread before any setRules() posted later.
    QMetaObject::invokeMethod(
        monitor,
        [monitor, connection] {
            monitor->setParent(connection);
            monitor->start();
        },
        Qt::QueuedConnection);
    return monitor;
}

void AlertMonitor::start()
{
    m_tick = new QTimer(this);
    m_tick->setInterval(kTickMs);
    connect(m_tick, &QTimer::timeout, this, [this] { report(m_engine.tick()); });
    // All on this thread: direct calls, in the order the connection emits them.
    connect(m_connection, &Connection::messagesReceived, this, &AlertMonitor::onBatch);
    connect(m_connection, &Connection::stateChanged, this, &AlertMonitor::onState);
    connect(m_connection, &Connection::errorOccurred, this,
            [this](const ConnectionError &error) { m_lastError = error.message; });
    connect(m_connection, &Connection::publishFinished, this, &AlertMonitor::onPublished);
    // Silences and rates count only while the connection is up.
    if (m_connection->state() == SessionState::Connected)
        report(m_engine.connectionUp());
    else
        m_engine.connectionClosed();
}

void AlertMonitor::setRules(const QList<AlertRule> &rules)
{
    QMetaObject::invokeMethod(this, [this, rules] { apply(rules); });
}

QList<AlertRule> AlertMonitor::rules() const
{
    const QMutexLocker lock(&m_rulesMutex);
    return m_rules;
}

void AlertMonitor::apply(const QList<AlertRule> &rules)
{
    m_engine.setRules(rules);
    {
        const QMutexLocker lock(&m_rulesMutex);
        m_rules = rules;
    }
    updateActive();
    updateTimer();
}

void AlertMonitor::updateTimer()
{
    if (!m_tick)
        return;
    bool any = false;
    for (const AlertRule &rule : m_engine.rules())
        any = any || rule.enabled;
    // A connection with no rule pays nothing for the clock.
    if (any && !m_tick->isActive())
        m_tick->start();
    else if (!any)
        m_tick->stop();
}

void AlertMonitor::onBatch(const MessageBatch &batch)
{
    report(m_engine.ingest(batch));
}

void AlertMonitor::onState(SessionState state)
{
    switch (state) {
    case SessionState::Connected:
        m_closing = false;
        m_lastError.clear();
        report(m_engine.connectionUp());
        break;
    case SessionState::Disconnecting:
        m_closing = true;
        break;
    case SessionState::ReconnectWaiting:
        report(m_engine.connectionDown(lossReason()));
        break;
    case SessionState::Disconnected:
        if (m_closing)
            m_engine.connectionClosed();
        else
            report(m_engine.connectionDown(lossReason()));
        m_closing = false;
        break;
    case SessionState::Connecting:
        break;
    }
}

QString AlertMonitor::lossReason() const
{
    return m_lastError.isEmpty() ? tr("The connection was closed.") : m_lastError;
}

void AlertMonitor::onPublished(quint64 token, const PublishOutcome &outcome)
{
    const auto it = m_actionTokens.constFind(token);
    if (it == m_actionTokens.cend())
        return; // not an alert's
    if (outcome.error)
        emit actionFailed(*it, outcome.error->message);
    m_actionTokens.erase(it);
}

void AlertMonitor::report(const QList<AlertEvent> &events)
{
    if (events.isEmpty())
        return;
    for (const AlertEvent &event : events) {
        if (!event.publish)
            continue;
        if (m_actionTokens.size() >= kMaxPendingActions)
            m_actionTokens.clear();
        m_actionTokens.insert(m_connection->publish(*event.publish), event.ruleName);
    }
    emit alertsRaised(events);
    updateActive();
}

void AlertMonitor::updateActive()
{
    const int count = int(m_engine.activeAlerts().size());
    if (m_active.exchange(count, std::memory_order_acq_rel) != count)
        emit activeCountChanged(count);
}

} // namespace mqttdesk
