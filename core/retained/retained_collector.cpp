#include "core/retained/retained_collector.h"

#include "core/connection/connection.h"
#include "core/protocol/topic.h"

#include <QRandomGenerator>

namespace mqttdesk {

namespace {

// 5.0 Subscription Identifiers run 1..268,435,455 (§3.8.2.1.2). One from the upper half,
// random, so it does not meet the small numbers a user's own subscriptions would take.
quint32 pickSubscriptionId()
{
    return 134217728u + QRandomGenerator::global()->bounded(134217727u);
}

} // namespace

RetainedCollector::RetainedCollector(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    m_quietTimer.setSingleShot(true);
    m_hardCapTimer.setSingleShot(true);
    connect(&m_quietTimer, &QTimer::timeout, this, &RetainedCollector::finishCollecting);
    connect(&m_hardCapTimer, &QTimer::timeout, this, [this] {
        fail(tr("Retained messages were still arriving after %1 s (%2 topics so far).")
                 .arg(m_options.hardCapMs / 1000)
                 .arg(m_snapshot.topics.size()));
    });
}

RetainedCollector::~RetainedCollector() = default;

void RetainedCollector::start(const Options &options)
{
    if (m_running)
        return;
    m_options = options;
    m_snapshot = RetainedSnapshot();
    m_snapshot.filter = options.filter;
    m_snapshot.name = options.name;
    m_snapshot.broker = options.broker;
    m_running = true;
    m_collecting = true;
    m_subscribed = false;
    if (!m_connection || m_connection->state() != SessionState::Connected) {
        // Reported after start() returns, like every other outcome.
        QMetaObject::invokeMethod(
            this, [this] { fail(tr("Not connected.")); }, Qt::QueuedConnection);
        return;
    }
    Connection *c = m_connection;
    m_links = {
        connect(c, &Connection::messagesReceived, this, &RetainedCollector::onMessages),
        connect(c, &Connection::subscribeFinished, this, &RetainedCollector::onSubscribed),
        connect(c, &Connection::unsubscribeFinished, this, &RetainedCollector::onUnsubscribed),
        connect(c, &Connection::stateChanged, this,
                [this](SessionState state) {
                    if (state == SessionState::Disconnected ||
                        state == SessionState::ReconnectWaiting)
                        fail(tr("The connection was lost while collecting retained messages."));
                }),
    };
    Subscription subscription;
    subscription.filter = options.filter;
    // QoS 2: each retained message comes back at the QoS it was stored with (capped by the
    // subscription's), so the snapshot keeps it. Retain Handling 0 sends the retained
    // messages at subscribe [MQTT-3.3.1-9]; Retain As Published stays 0, so messages that
    // arrive later through the subscription have the retain flag 0 [MQTT-3.3.1-12].
    subscription.options.qos = QoS::ExactlyOnce;
    subscription.options.retainHandling = RetainHandling::SendOnSubscribe;
    subscription.options.retainAsPublished = false;
    m_subscriptionId.reset();
    if (options.version == ProtocolVersion::V5)
        m_subscriptionId = pickSubscriptionId();
    m_subscribeToken = c->subscribe({subscription}, m_subscriptionId);
    m_hardCapTimer.start(options.hardCapMs);
}

void RetainedCollector::onMessages(const QList<ReceivedMessage> &batch)
{
    if (!m_collecting)
        return;
    const int before = int(m_snapshot.topics.size());
    bool anyRetained = false;
    for (const ReceivedMessage &received : batch) {
        const PublishPacket &message = received.message;
        // A message without the retain flag is a live one: the retained ones are flagged
        // only when sent because of a new subscription [MQTT-3.3.1-9 (3.1.1: -8)].
        if (!message.retain)
            continue;
        if (m_subscriptionId) {
            if (!received.subscriptionIdentifiers.contains(*m_subscriptionId))
                continue;
        } else if (!Topic::matches(m_options.filter, message.topic)) {
            continue;
        }
        anyRetained = true;
        // An empty retained payload is no retained value (a broker does not store one
        // [MQTT-3.3.1-7]); drop it in case a broker still sends it.
        if (message.payload.isEmpty()) {
            m_snapshot.topics.remove(message.topic);
            continue;
        }
        RetainedValue value;
        value.payload = message.payload;
        value.qos = message.qos;
        value.contentType = message.properties.contentType();
        value.payloadFormatIndicator = message.properties.payloadFormatIndicator();
        value.userProperties = message.properties.userProperties();
        m_snapshot.topics.insert(message.topic, value);
    }
    if (anyRetained && m_subscribed)
        m_quietTimer.start(m_options.quietMs);
    if (int(m_snapshot.topics.size()) != before)
        emit progress(int(m_snapshot.topics.size()));
}

void RetainedCollector::onSubscribed(quint64 token, const SubscribeResult &result)
{
    if (token != m_subscribeToken || !m_collecting)
        return;
    if (result.error) {
        fail(result.error->message);
        return;
    }
    if (!result.reasonCodes.isEmpty() && !isSuccess(result.reasonCodes.first())) {
        fail(tr("The server refused the subscription to %1: %2")
                 .arg(m_options.filter,
                      reasonCodeText(result.reasonCodes.first(), PacketType::Suback)));
        return;
    }
    m_subscribed = true;
    m_snapshot.takenAt = QDateTime::currentDateTimeUtc();
    m_quietTimer.start(m_options.quietMs);
}

void RetainedCollector::finishCollecting()
{
    if (!m_collecting)
        return;
    m_collecting = false;
    m_hardCapTimer.stop();
    if (!m_connection) {
        fail(tr("The connection is gone."));
        return;
    }
    m_unsubscribeToken = m_connection->unsubscribe({m_options.filter});
}

void RetainedCollector::onUnsubscribed(quint64 token, const UnsubscribeResult &result)
{
    if (token != m_unsubscribeToken || !m_running || m_collecting)
        return;
    // A failed UNSUBSCRIBE leaves a subscription behind but the snapshot is complete.
    Q_UNUSED(result);
    m_running = false;
    disconnectAll();
    emit finished(m_snapshot);
}

void RetainedCollector::fail(const QString &error)
{
    if (!m_running)
        return;
    const bool wasSubscribed = m_subscribed;
    m_running = false;
    m_collecting = false;
    m_quietTimer.stop();
    m_hardCapTimer.stop();
    disconnectAll();
    if (wasSubscribed && m_connection && m_connection->state() == SessionState::Connected)
        m_connection->unsubscribe({m_options.filter});
    emit failed(error);
}

void RetainedCollector::disconnectAll()
{
    for (const QMetaObject::Connection &link : std::as_const(m_links))
        disconnect(link);
    m_links.clear();
}

} // namespace mqttdesk
