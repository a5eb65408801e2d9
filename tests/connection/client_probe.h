#pragma once

#include "core/connection/connection.h"
#include "core/connection/connection_thread.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <memory>
#include <optional>

namespace mqttdesk {

// Our client under test: a Connection on its own worker thread, as the app runs it, with
// everything it reports recorded on the test thread. The wait*() helpers process events
// until the condition holds or the bounded timeout passes.
class ClientProbe : public QObject
{
    Q_OBJECT
public:
    explicit ClientProbe(ConnectionSettings settings, QObject *parent = nullptr);
    ~ClientProbe() override;

    Connection *connection() const { return m_worker->connection(); }

    // Connects and waits for CONNACK; false if an error or a timeout came first.
    bool connectAndWait(int timeoutMs = 10000);
    bool disconnectAndWait(ReasonCode reason = ReasonCode::NormalDisconnection,
                           int timeoutMs = 10000);
    // SUBSCRIBE and wait for the SUBACK (or the local refusal).
    std::optional<SubscribeResult> subscribeAndWait(const QList<Subscription> &subscriptions,
                                                    int timeoutMs = 10000);
    std::optional<SubscribeResult> subscribeAndWait(const QString &filter, QoS qos,
                                                    int timeoutMs = 10000);
    std::optional<UnsubscribeResult> unsubscribeAndWait(const QList<QString> &filters,
                                                        int timeoutMs = 10000);
    // Publishes and waits for the final outcome.
    std::optional<PublishOutcome> publishAndWait(const PublishPacket &message,
                                                 int timeoutMs = 10000);
    quint64 publish(const PublishPacket &message) { return connection()->publish(message); }
    std::optional<PublishOutcome> waitForOutcome(quint64 token, int timeoutMs = 10000);

    bool waitForMessages(int count, int timeoutMs = 10000);
    bool waitForState(SessionState state, int timeoutMs = 10000);
    // Waits until `count` states equal to `state` were reported in total.
    bool waitForStateCount(SessionState state, int count, int timeoutMs = 10000);
    bool waitForError(int timeoutMs = 10000);
    bool waitForConnectedCount(int count, int timeoutMs = 10000);

    const QList<ReceivedMessage> &messages() const { return m_messages; }
    // Messages whose topic is exactly `topic`.
    QList<ReceivedMessage> messagesOn(const QString &topic) const;
    int batchCount() const { return m_batches; }
    const QList<ConnectionError> &errors() const { return m_errors; }
    const QList<SessionState> &states() const { return m_states; }
    const QList<ConnackInfo> &connacks() const { return m_connacks; }
    const QList<ServerDisconnected> &serverDisconnects() const { return m_serverDisconnects; }
    const QList<AuthChallenge> &authChallenges() const { return m_challenges; }
    const QList<SubscribeResult> &subscribeResults() const { return m_subscribeResults; }
    const QList<ConnectionLogEntry> &log() const { return m_log; }
    struct ScheduledReconnect
    {
        qint64 delayMs = 0;
        int attempt = 0;
    };
    const QList<ScheduledReconnect> &scheduledReconnects() const { return m_reconnects; }
    QList<PublishOutcome> outcomesFor(quint64 token) const;
    // Every outcome so far, in the order they came.
    const QList<PublishOutcome> &outcomes() const { return m_outcomes; }
    // Every error and log line, for failure messages.
    QByteArray describe() const;
    void clearMessages() { m_messages.clear(); }

private:
    std::unique_ptr<ConnectionThread> m_worker;
    QList<ReceivedMessage> m_messages;
    int m_batches = 0;
    QList<ConnectionError> m_errors;
    QList<SessionState> m_states;
    QList<ConnackInfo> m_connacks;
    QList<ServerDisconnected> m_serverDisconnects;
    QList<AuthChallenge> m_challenges;
    QList<SubscribeResult> m_subscribeResults;
    QList<UnsubscribeResult> m_unsubscribeResults;
    void recordOutcome(const PublishOutcome &outcome);

    QList<PublishOutcome> m_outcomes;
    QHash<quint64, qsizetype> m_finalOutcome; // token -> its final outcome in m_outcomes
    QList<ConnectionLogEntry> m_log;
    QList<ScheduledReconnect> m_reconnects;
};

} // namespace mqttdesk
