#pragma once

#include "core/alerts/alert_engine.h"
#include "core/alerts/alert_event.h"
#include "core/alerts/alert_rule.h"
#include "core/connection/received_message.h"
#include "core/session/session_state.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>

class QTimer;

namespace mqttdesk {

class Connection;
struct ConnectionError;
struct PublishOutcome;

// Runs an AlertEngine for one Connection, in the connection's ingest path: the monitor lives
// on the connection's thread, so each received batch is judged right where it arrives
// (Connection::messagesReceived, a direct call: one trie walk per message, no copy, no
// hand-off), and so are the connection going up and down and a 250 ms clock tick. A fired
// rule's action is published through the Connection. What fired and cleared comes out as
// alertsRaised(), one signal per batch, change of state or tick that produced events, so a
// view on another thread is woken once per burst, not once per alert.
//
// The connection going down is a loss (connection-lost rules fire) unless the user asked for
// it: a DISCONNECT we sent (the Disconnecting state) ends in a closed connection, which
// fires nothing.
//
// Threading: attach() and setRules(), rules() and activeCount() may be called from any
// thread; the signals are emitted on the connection's thread (receivers elsewhere get them
// queued). The clock is called on the connection's thread.
class AlertMonitor : public QObject
{
    Q_OBJECT
public:
    using Clock = AlertEngine::Clock;

    // Often enough for a silence of one second to be seen within a quarter of it.
    static constexpr int kTickMs = 250;

    // A monitor for `connection`, with no rules yet: it moves to the connection's thread and
    // becomes the connection's child, so it is deleted with it, on that thread. `clock` (by
    // default the wall clock, in milliseconds since the epoch) is the engine's.
    static AlertMonitor *attach(Connection *connection, Clock clock = {});

    // Replaces the rules (from any thread: applied on the connection's thread, in order).
    // Like AlertEngine::setRules(), every state is forgotten: alerts active now are no longer
    // counted, without a Cleared event.
    void setRules(const QList<AlertRule> &rules);
    // The rules in effect: those of the last setRules() once the connection's thread has
    // applied them.
    QList<AlertRule> rules() const;
    // How many alerts are active (fired and not cleared), as of the last signal.
    int activeCount() const { return m_active.load(std::memory_order_acquire); }

signals:
    // Events in the order the engine reported them; never empty.
    void alertsRaised(const QList<mqttdesk::AlertEvent> &events);
    void activeCountChanged(int count);
    // A fired rule's message could not be published (the event's actionError says why one
    // could not even be made).
    void actionFailed(const QString &rule, const QString &error);

private:
    AlertMonitor(Connection *connection, Clock clock);

    // On the connection's thread: listens to the connection and takes its current state.
    void start();
    void apply(const QList<AlertRule> &rules);
    void onBatch(const MessageBatch &batch);
    void onState(SessionState state);
    void onPublished(quint64 token, const PublishOutcome &outcome);
    void report(const QList<AlertEvent> &events);
    void updateActive();
    void updateTimer();
    QString lossReason() const;

    Connection *m_connection;
    AlertEngine m_engine;
    QTimer *m_tick = nullptr;
    bool m_closing = false;                 // we sent DISCONNECT: the end that follows is no loss
    QString m_lastError;                    // the error since the connection was last up
    QHash<quint64, QString> m_actionTokens; // publish token -> rule name, until its outcome
    mutable QMutex m_rulesMutex;
    QList<AlertRule> m_rules; // guarded by m_rulesMutex
    std::atomic<int> m_active{0};
};

} // namespace mqttdesk
