#pragma once

#include "core/publish/compiled_template.h"
#include "core/publishjob/scripted_message_maker.h"
#include "core/session/session_action.h"
#include "core/session/session_state.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QString>
#include <QTimer>

#include <memory>

namespace mqttdesk {

class Connection;

struct PublishJobOptions
{
    enum class OnDisconnect : quint8
    {
        Stop,  // the job ends with the connection
        Pause, // it waits, and goes on when the connection is back
    };

    qint64 count = 0;   // messages to send; 0: until stopped
    int intervalMs = 0; // between messages; 0: as fast as flow control allows
    int jitterMs = 0;   // each interval moves by up to ± this much, at random
    OnDisconnect onDisconnect = OnDisconnect::Stop;
    // Messages handed to the connection and not finished yet, at most; 0: the default (see
    // PublishJob::defaultWindow()).
    int window = 0;
    QString clientId; // what {{client_id}} expands to
};

// What a job has done so far.
struct PublishJobStats
{
    qint64 sent = 0;         // handed to the connection
    qint64 acknowledged = 0; // finished well: QoS 0 written, QoS 1 PUBACK, QoS 2 PUBCOMP
    qint64 failed = 0;       // refused by the server, or lost with the session
    qint64 inFlight = 0;     // sent and not finished
    double rate = 0;         // acknowledged messages per second since the start
    QString lastError;       // the latest failure, translated
};

// Publishes a compiled template again and again over a Connection: every intervalMs (on a
// schedule kept from the start, so a late timer catches up instead of drifting), `count` times
// or until stopped. Each message expands the template anew, {{counter}} taking the next value.
// It never has more than the window handed to the connection and unfinished, so a QoS 1/2 job
// at full speed waits for acknowledgements instead of queuing without bound; the session then
// keeps the server's Receive Maximum. Lives on the caller's thread; several jobs may share a
// connection (each counts only its own messages).
//
// A template with an outgoing script has its messages made by a ScriptedMessageMaker on a
// worker thread, a batch at a time; a message its script fails to make counts as failed (the
// error, with the script's line, in lastError) and the job goes on.
class PublishJob : public QObject
{
    Q_OBJECT
public:
    enum class State : quint8
    {
        Idle,
        Running,
        Paused,   // waiting for the connection (OnDisconnect::Pause)
        Finished, // sent `count` and all finished
        Stopped,  // by stop(), a disconnect, or a message that could not be made
    };
    Q_ENUM(State)

    PublishJob(Connection *connection, CompiledTemplate message, PublishJobOptions options,
               QObject *parent = nullptr);
    ~PublishJob() override;

    // How many messages a job keeps in flight by default: plenty for QoS 0 and 1 (the session
    // holds QoS 1/2 to the server's Receive Maximum), and for QoS 2 over 3.1.1, which has no
    // Receive Maximum, what brokers take by default (mosquitto's max_inflight_messages: 20).
    static int defaultWindow(QoS qos, ProtocolVersion version);

    // {{counter}} of the first message; the default is the template's counter.
    void setFirstCounter(quint64 counter) { m_nextCounter = counter; }
    // The value {{counter}} takes next: store it back into the template when the job ends.
    quint64 nextCounter() const { return m_nextCounter; }

    void start();
    // Sends nothing more; messages in flight still finish and are counted.
    void stop();

    State state() const { return m_state; }
    const PublishJobStats &stats() const { return m_stats; }
    const CompiledTemplate &message() const { return m_message; }
    const PublishJobOptions &options() const { return m_options; }
    // Whether every message sent has finished (a stopped job may still have some in flight).
    bool isSettled() const { return m_stats.inFlight == 0 && m_ordered == 0; }

signals:
    void stateChanged(mqttdesk::PublishJob::State state);
    // At most about 10 times a second while running, and once when it ends.
    void progressed();
    // Every message handed out has finished after Finished or Stopped.
    void settled();
    // A scripted message could not be made (its error, translated, with the message's number);
    // the job goes on. lastError holds the latest.
    void messageFailed(const QString &error);

private:
    void setState(State state);
    void onConnectionState(SessionState state);
    void onFinished(const QList<PublishOutcome> &outcomes);
    void pump();
    // Makes the next message into m_outgoing; false (the job stopped) when it cannot be made.
    bool makeOne(qint64 nowMs);
    // The scripted way: orders the messages due from the maker; they come to onMade().
    void orderScripted(bool timed);
    void onMade(const QList<MadeMessage> &messages);
    bool remaining() const;
    void flushOutgoing();
    void scheduleNext();
    qint64 nextIntervalMs();
    void finishIfDone();
    void noteProgress();

    QPointer<Connection> m_connection;
    CompiledTemplate m_message;
    PublishJobOptions m_options;
    int m_window = 1;
    State m_state = State::Idle;
    PublishJobStats m_stats;
    quint64 m_nextCounter = 1;
    // Messages of `count` used up: handed to the connection, or failed before (a script error).
    qint64 m_taken = 0;
    qint64 m_ordered = 0; // ordered from the maker and not made yet
    std::unique_ptr<ScriptedMessageMaker> m_maker;
    QSet<quint64> m_tokens;
    QList<PublishPacket> m_outgoing; // made by one pump(), handed over together
    QTimer m_timer;
    QTimer m_progressTimer;
    QElapsedTimer m_clock;
    qint64 m_dueMs = 0; // when the next message is due, on m_clock
    QRandomGenerator m_random;
    bool m_progressPending = false;
};

} // namespace mqttdesk
