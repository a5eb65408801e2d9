#pragma once

#include "core/protocol/protocol_version.h"
#include "core/retained/retained_snapshot.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace mqttdesk {

class Connection;
struct ReceivedMessage;
struct SubscribeResult;
struct UnsubscribeResult;

// Collects what a broker retains under one filter, over a Connection that is already
// connected: subscribes, keeps every message the broker sends with the retain flag set,
// and ends when no retained message came for `quietMs` after the SUBACK (or fails at the
// hard cap), then unsubscribes and emits finished() or failed(). Lives on the GUI/CLI
// thread; the connection's signals reach it queued.
//
// On a 5.0 connection the subscription carries its own Subscription Identifier and only
// messages that carry it count, so the user's other subscriptions on the same connection
// cannot mix in; on 3.1.1 only topics that match the filter count. Subscribing to a filter
// the connection already has replaces that subscription [MQTT-3.8.4-3], and the
// unsubscribe at the end then removes it: use a connection of its own for such a filter.
class RetainedCollector : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString filter;
        ProtocolVersion version = ProtocolVersion::V311;
        int quietMs = 1000;
        int hardCapMs = 30000;
        QString name;   // copied into the snapshot
        QString broker; // host:port, copied into the snapshot
    };

    explicit RetainedCollector(Connection *connection, QObject *parent = nullptr);
    ~RetainedCollector() override;

    void start(const Options &options);
    bool isRunning() const { return m_running; }

signals:
    void progress(int topics);
    void finished(const mqttdesk::RetainedSnapshot &snapshot);
    void failed(const QString &error);

private:
    void onMessages(const QList<ReceivedMessage> &batch);
    void onSubscribed(quint64 token, const SubscribeResult &result);
    void onUnsubscribed(quint64 token, const UnsubscribeResult &result);
    void finishCollecting();
    void fail(const QString &error);
    void disconnectAll();

    QPointer<Connection> m_connection;
    Options m_options;
    RetainedSnapshot m_snapshot;
    QTimer m_quietTimer;
    QTimer m_hardCapTimer;
    std::optional<quint32> m_subscriptionId;
    quint64 m_subscribeToken = 0;
    quint64 m_unsubscribeToken = 0;
    bool m_running = false;
    bool m_subscribed = false;
    bool m_collecting = false;
    QList<QMetaObject::Connection> m_links;
};

} // namespace mqttdesk
