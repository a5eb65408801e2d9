#pragma once

#include "core/alerts/alert_condition.h"
#include "core/alerts/alert_event.h"
#include "core/alerts/alert_latch.h"
#include "core/alerts/alert_rule.h"
#include "core/alerts/rate_window.h"
#include "core/connection/received_message.h"
#include "core/protocol/subscription_trie.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace mqttdesk {

// Evaluates alert rules against what a connection receives and against time, and reports each
// rule firing and clearing as an AlertEvent. It does not publish: a fired rule's action comes
// as the message to send (AlertEvent::publish), for the caller to hand to its Connection.
//
// Feed it every received batch (ingest), the connection going up and down, and a periodic
// tick() (silence and rate rules are judged by the clock: every 250 ms to 1 s is plenty).
// Every call returns the events it caused, in order.
//
// Cost: the rules' filters are compiled into one SubscriptionTrie, so a message costs one
// walk of its topic's levels whatever the number of rules; only rules whose filter matches
// read the payload (regular expressions and paths are compiled by setRules()).
//
// Threading: a plain object with no thread affinity and no locks: use it from one thread at a
// time (e.g. inside a MessageSink on the connection's thread, or on the GUI thread).
class AlertEngine
{
    Q_DECLARE_TR_FUNCTIONS(AlertEngine)

public:
    // Milliseconds; by default the wall clock (since the Unix epoch). Tests pass their own.
    using Clock = std::function<qint64()>;

    explicit AlertEngine(Clock clock = {});
    AlertEngine(AlertEngine &&) = default;
    AlertEngine &operator=(AlertEngine &&) = default;

    // Replaces the rules and forgets every state (active alerts, silence and rate windows,
    // the retained payloads seen); silences count from now. Disabled rules, and rules that
    // fail AlertRule::validate(), never fire.
    void setRules(const QList<AlertRule> &rules);
    const QList<AlertRule> &rules() const { return m_rules; }
    // The distinct topic filters of the enabled rules that read messages, in rule order:
    // what to subscribe to.
    QStringList filters() const;

    QList<AlertEvent> ingest(const MessageBatch &batch);
    // The connection is (again) established: connection-lost rules clear, silences and rate
    // windows start over.
    QList<AlertEvent> connectionUp();
    // The connection went down (after having been up): connection-lost rules fire with
    // `reason` as their value. Silence and rate rules wait for connectionUp().
    QList<AlertEvent> connectionDown(const QString &reason = {});
    // The connection was closed on purpose (the user disconnected), or is not open yet:
    // nothing was lost, so nothing fires; silence and rate rules wait for connectionUp(), and
    // a connection-lost alert still active stays so until then.
    void connectionClosed();
    // Judges silences and rates, and fires what waited for its cooldown to end.
    QList<AlertEvent> tick();

    // A Fired event for each alert active now (a panel opened late), with the time it fired.
    QList<AlertEvent> activeAlerts() const;
    // How many payloads rules have read (JSON path, text, decoder) so far: a rule whose filter
    // does not match a message never reads it.
    qint64 payloadsRead() const { return m_payloadsRead; }

private:
    enum class Link : quint8
    {
        Unknown, // no connectionUp()/connectionDown() yet: counted as up
        Up,
        Down,
    };

    struct Compiled
    {
        bool live = false; // enabled and valid
        qint64 cooldownMs = 0;
        std::optional<AlertCondition> condition; // Payload
        AlertLatch latch;                        // the rule-wide kinds
        QHash<QString, AlertLatch> latches;      // per topic (Payload, RetainedChanged)
        int pendingTopics = 0;                   // latches that are pending
        qint64 lastSweepMs = 0;
        QHash<QString, QByteArray> retained; // RetainedChanged: the last retained payload
        qint64 lastMessageMs = 0;            // Silence
        std::optional<RateWindow> rate;      // Rate
        qint64 rateSecond = 0;               // Rate: the second last judged
    };

    void onMessage(int index, const ReceivedMessage &message, qint64 now, QList<AlertEvent> &out);
    void onPayload(int index, const ReceivedMessage &message, qint64 now, QList<AlertEvent> &out);
    void onRetained(int index, const ReceivedMessage &message, qint64 now, QList<AlertEvent> &out);
    // Passes a change of condition to a latch and reports what it did.
    void see(int index, AlertLatch &latch, bool fire, bool clear, const AlertSighting &sighting,
             qint64 now, QList<AlertEvent> &out);
    void see(int index, const QString &topic, bool fire, bool clear, const AlertSighting &sighting,
             qint64 now, QList<AlertEvent> &out);
    void judgeClock(int index, qint64 now, QList<AlertEvent> &out);
    void firePending(int index, qint64 now, QList<AlertEvent> &out);
    AlertEvent event(int index, AlertEvent::Type type, const AlertSighting &sighting,
                     qint64 now) const;
    bool isMomentary(int index) const { return m_rules[index].kind == AlertKind::RetainedChanged; }

    Clock m_clock;
    QList<AlertRule> m_rules;
    std::vector<Compiled> m_compiled; // one per rule
    SubscriptionTrie<int> m_trie;     // filter -> index into m_routes
    std::vector<QList<int>> m_routes; // the rules of each distinct filter
    Link m_link = Link::Unknown;
    qint64 m_payloadsRead = 0;
};

} // namespace mqttdesk
