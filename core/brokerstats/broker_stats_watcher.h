#pragma once

#include "core/brokerstats/broker_stats.h"
#include "core/connection/received_message.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

namespace mqttdesk {

class Connection;
struct SubscribeResult;
struct UnsubscribeResult;

// Feeds a BrokerStats from a Connection's `$SYS/#` subscription while started. Lives on the
// caller's thread; the Connection may live on its worker thread (its signals arrive queued).
//
// start() subscribes (5.0: with SubscriptionIdentifier, so its messages can be told from the
// user's) when connected, or waits for the connection to come up; the session restores the
// subscription after a reconnect, and the watcher subscribes again when the session forgot it (a
// disconnect by the user). stop() unsubscribes.
//
// Note: a user subscription to the very same filter `$SYS/#` is one subscription at the
// broker; stop() then removes it as well.
class BrokerStatsWatcher : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Stopped,
        Waiting,   // not connected, subscribing, or granted and nothing arrived yet
        Receiving, // $SYS messages arrive
        Silent,    // granted, but nothing within the silence timeout
        Refused,   // SUBACK refused the subscription (or the request failed)
    };
    Q_ENUM(Status)

    static constexpr quint32 SubscriptionIdentifier =
        268435455; // the largest allowed, 5.0 §3.8.2.1.2
    static constexpr int DefaultSilenceTimeoutMs = 15000;
    static constexpr int UpdateIntervalMs = 250; // changed() at most ~4 times a second

    explicit BrokerStatsWatcher(Connection *connection, QObject *parent = nullptr);
    ~BrokerStatsWatcher() override;

    static QString filter() { return QStringLiteral("$SYS/#"); }
    // Whether `message` belongs to the dashboard: a `$SYS/` topic (5.0: with its identifier when
    // the message carries any).
    static bool isOwnMessage(const ReceivedMessage &message);

    void start();
    void stop();
    bool isStarted() const { return m_started; }
    Status status() const { return m_status; }
    // Why the subscription was refused (translated), for Status::Refused.
    QString errorString() const { return m_error; }
    const BrokerStats &stats() const { return m_stats; }
    // For tests; takes effect at the next granted SUBACK.
    void setSilenceTimeout(int ms) { m_silence.setInterval(ms); }
    int silenceTimeout() const { return m_silence.interval(); }

signals:
    // The stats changed; throttled to UpdateIntervalMs.
    void changed();
    void statusChanged(mqttdesk::BrokerStatsWatcher::Status status);
    void subscribed();
    void unsubscribed();
    void silent();
    void failed(const QString &reason);

private:
    enum class Subscription
    {
        None,
        Pending,
        Granted,
    };

    void subscribeNow();
    void onMessages(const MessageBatch &batch);
    void onSubscribeFinished(quint64 token, const SubscribeResult &result);
    void onUnsubscribeFinished(quint64 token, const UnsubscribeResult &result);
    void onConnected();
    void onDisconnected();
    void setStatus(Status status);

    QPointer<Connection> m_connection;
    BrokerStats m_stats;
    QTimer m_silence;
    QTimer m_throttle;
    bool m_started = false;
    bool m_dirty = false;
    bool m_withIdentifier = true; // off once a server said it has no subscription identifiers
    Subscription m_subscription = Subscription::None;
    quint64 m_subscribeToken = 0;
    quint64 m_unsubscribeToken = 0;
    Status m_status = Status::Stopped;
    QString m_error;
};

} // namespace mqttdesk
