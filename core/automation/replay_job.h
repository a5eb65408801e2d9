#pragma once

#include "core/automation/capture_record.h"
#include "core/automation/replay_schedule.h"
#include "core/automation/topic_rewrite.h"
#include "core/session/session_action.h"
#include "core/session/session_state.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <limits>

#include <optional>

namespace mqttdesk {

class Connection;

struct ReplayOptions
{
    double speed = 1.0; // 1: the original timing, 2: twice as fast, 0: as fast as possible
    int loops = 1;
    TopicRewrite rewrite;
    std::optional<quint8> qos; // every message at this QoS instead of its own
    bool keepRetain = true;
    bool keepProperties = true;  // the MQTT 5 properties (not Topic Alias: per connection)
    bool includeOutgoing = true; // messages we published in the captured session too
    // Messages handed to the connection and not finished, at most (QoS 1/2 at full speed
    // waits for acknowledgements rather than queuing without bound).
    int window = 1000;
    // Keep how late each message was sent (for the timing benchmark; 4 bytes a message).
    bool measureLateness = false;
};

struct ReplayStats
{
    qint64 total = 0;
    qint64 sent = 0;
    qint64 acknowledged = 0;
    qint64 failed = 0;
    qint64 inFlight = 0;
    qint64 maxLateUs = 0; // how late the latest-sent message was against its schedule
    QString lastError;
};

// Publishes a capture over a Connection on the capture's own timing (or faster, or as fast
// as possible), with topic rewrite, a QoS override and loops; pause, resume, stop. The
// schedule is kept from the start (a late timer catches up rather than drifting); a pause
// moves it on by the time paused. Lives on the caller's thread.
class ReplayJob : public QObject
{
    Q_OBJECT
public:
    enum class State : quint8
    {
        Idle,
        Running,
        Paused,
        Finished, // everything sent and finished
        Stopped,  // by stop(), or the connection went away
    };
    Q_ENUM(State)

    ReplayJob(Connection *connection, QList<CaptureRecord> records, ReplayOptions options,
              QObject *parent = nullptr);
    ~ReplayJob() override;

    State state() const { return m_state; }
    const ReplayStats &stats() const { return m_stats; }
    // With measureLateness: how late each message was sent, in send order (microseconds).
    const QList<qint32> &lateness() const { return m_lateness; }
    // The packet a capture record becomes (rewrite, QoS, retain, properties applied).
    PublishPacket packetFor(const CaptureRecord &record) const;

    void start();
    void pause();
    void resume();
    void stop();

signals:
    void stateChanged(mqttdesk::ReplayJob::State state);
    // At most every 100 ms while running, and once at the end.
    void progress(const mqttdesk::ReplayStats &stats);

private:
    void pump();
    void onFinished(const QList<PublishOutcome> &outcomes);
    void onConnectionState(SessionState state);
    void setState(State state);
    void finishIfDone();
    void noteProgress();
    qint64 nowUs() const;

    QPointer<Connection> m_connection;
    QList<PublishPacket> m_packets; // one per capture record, made once (packetFor)
    ReplayOptions m_options;
    ReplaySchedule m_schedule;
    State m_state = State::Idle;
    ReplayStats m_stats;
    QList<qint32> m_lateness;
    qint64 m_next = 0; // the next message of the schedule to send
    QElapsedTimer m_clock;
    qint64 m_shiftUs = 0; // time spent paused, added to every due time
    qint64 m_pausedAtUs = 0;
    QTimer m_timer;
    QTimer m_progressTimer;
    QSet<quint64> m_tokens;
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::ReplayStats)
