#include "core/brokerstats/broker_stats_watcher.h"

#include "core/connection/connection.h"

#include <QCoreApplication>
#include <QDateTime>

namespace mqttdesk {

BrokerStatsWatcher::BrokerStatsWatcher(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    m_silence.setSingleShot(true);
    m_silence.setInterval(DefaultSilenceTimeoutMs);
    connect(&m_silence, &QTimer::timeout, this, [this] {
        setStatus(Status::Silent);
        emit silent();
    });
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(UpdateIntervalMs);
    connect(&m_throttle, &QTimer::timeout, this, [this] {
        if (!m_dirty)
            return;
        m_dirty = false;
        emit changed();
        m_throttle.start(); // a burst right after this one waits for the next slot
    });
    if (!connection)
        return;
    connect(connection, &Connection::messagesReceived, this, &BrokerStatsWatcher::onMessages);
    connect(connection, &Connection::subscribeFinished, this,
            &BrokerStatsWatcher::onSubscribeFinished);
    connect(connection, &Connection::unsubscribeFinished, this,
            &BrokerStatsWatcher::onUnsubscribeFinished);
    connect(connection, &Connection::connected, this, &BrokerStatsWatcher::onConnected);
    connect(connection, &Connection::stateChanged, this, [this](SessionState state) {
        if (state == SessionState::Disconnected)
            onDisconnected();
    });
}

BrokerStatsWatcher::~BrokerStatsWatcher()
{
    stop();
}

bool BrokerStatsWatcher::isOwnMessage(const ReceivedMessage &message)
{
    if (!message.message.topic.startsWith(QLatin1String("$SYS/")))
        return false;
    return message.subscriptionIdentifiers.isEmpty() ||
           message.subscriptionIdentifiers.contains(SubscriptionIdentifier);
}

void BrokerStatsWatcher::start()
{
    if (m_started || !m_connection)
        return;
    m_started = true;
    m_error.clear();
    setStatus(Status::Waiting);
    // Offline, the session would refuse the request: connected() subscribes instead.
    if (m_connection->state() == SessionState::Connected)
        subscribeNow();
}

void BrokerStatsWatcher::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_silence.stop();
    m_throttle.stop();
    m_dirty = false;
    if (m_connection && m_subscription != Subscription::None &&
        m_connection->state() == SessionState::Connected)
        m_unsubscribeToken = m_connection->unsubscribe({filter()});
    m_subscription = Subscription::None;
    m_subscribeToken = 0;
    setStatus(Status::Stopped);
}

void BrokerStatsWatcher::subscribeNow()
{
    if (!m_connection)
        return;
    // QoS 0: a lost sample is replaced by the next one within sys_interval.
    mqttdesk::Subscription s{filter(), {}};
    m_subscription = Subscription::Pending;
    m_subscribeToken = m_connection->subscribe(
        {s}, m_withIdentifier ? std::optional<quint32>(SubscriptionIdentifier) : std::nullopt);
}

void BrokerStatsWatcher::onConnected()
{
    // The session restores a granted subscription itself; one it forgot (the user
    // disconnected) or never got is made again.
    if (!m_started)
        return;
    if (m_subscription == Subscription::None)
        subscribeNow();
    else if (m_subscription == Subscription::Granted && m_status != Status::Receiving)
        m_silence.start(); // kept by the broker's session: the timeout counts again
}

void BrokerStatsWatcher::onDisconnected()
{
    // A disconnect by the user makes the session forget its subscriptions.
    m_silence.stop();
    if (m_subscription == Subscription::Granted)
        m_subscription = Subscription::None;
}

void BrokerStatsWatcher::onMessages(const MessageBatch &batch)
{
    if (!m_started)
        return;
    bool any = false;
    for (const ReceivedMessage &m : batch) {
        if (!isOwnMessage(m))
            continue;
        const qint64 nowUs =
            m.receivedUs > 0 ? m.receivedUs : QDateTime::currentMSecsSinceEpoch() * 1000;
        m_stats.apply(m.message.topic, m.message.payload, nowUs);
        any = true;
    }
    if (!any)
        return;
    m_silence.stop();
    setStatus(Status::Receiving);
    m_dirty = true;
    if (!m_throttle.isActive())
        m_throttle.start();
}

void BrokerStatsWatcher::onSubscribeFinished(quint64 token, const SubscribeResult &result)
{
    const bool ours = (token != 0 && token == m_subscribeToken) ||
                      (result.resubscribe && result.subscriptions.size() == 1 &&
                       result.subscriptions.first().filter == filter());
    if (!ours || !m_started)
        return;
    if (result.error) {
        using Kind = SessionError::Kind;
        // Not refused: the connection went away; subscribe again when it is back.
        if (result.error->kind == Kind::TransportClosed || result.error->kind == Kind::Cancelled ||
            result.error->kind == Kind::NotConnected) {
            m_subscription = Subscription::None;
            return;
        }
        m_subscription = Subscription::None;
        // A 5.0 server without subscription identifiers: the $SYS/ prefix tells ours apart.
        if (result.error->kind == Kind::FeatureNotSupported && m_withIdentifier) {
            m_withIdentifier = false;
            subscribeNow();
            return;
        }
        m_error = result.error->message;
        setStatus(Status::Refused);
        emit failed(m_error);
        return;
    }
    const ReasonCode code =
        result.reasonCodes.isEmpty() ? ReasonCode::UnspecifiedError : result.reasonCodes.first();
    if (quint8(code) >= 0x80) {
        m_subscription = Subscription::None;
        m_error = QCoreApplication::translate("mqttdesk::BrokerStatsWatcher",
                                              "The broker refused the subscription to %1: %2")
                      .arg(filter(), reasonCodeText(code, PacketType::Suback));
        setStatus(Status::Refused);
        emit failed(m_error);
        return;
    }
    m_subscription = Subscription::Granted;
    if (m_status != Status::Receiving)
        setStatus(Status::Waiting);
    m_silence.start();
    emit subscribed();
}

void BrokerStatsWatcher::onUnsubscribeFinished(quint64 token, const UnsubscribeResult &)
{
    if (token != 0 && token == m_unsubscribeToken) {
        m_unsubscribeToken = 0;
        emit unsubscribed();
    }
}

void BrokerStatsWatcher::setStatus(Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    emit statusChanged(status);
}

} // namespace mqttdesk
