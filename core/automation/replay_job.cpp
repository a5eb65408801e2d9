#include "core/automation/replay_job.h"

#include "core/connection/connection.h"
#include "core/protocol/codec.h"
#include "core/protocol/reason_code.h"

namespace mqttdesk {

namespace {

// Messages handed over per event-loop turn at full speed: the loop stays responsive.
constexpr int kChunk = 512;
// A message due this close is sent now rather than after one more timer (which has
// millisecond resolution).
constexpr qint64 kSlackUs = 500;

// The records to replay, filtered in place.
const QList<CaptureRecord> &selected(QList<CaptureRecord> &records, bool includeOutgoing)
{
    if (!includeOutgoing)
        records.removeIf([](const CaptureRecord &r) { return r.outgoing; });
    return records;
}

} // namespace

ReplayJob::ReplayJob(Connection *connection, QList<CaptureRecord> records, ReplayOptions options,
                     QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_options(std::move(options))
    , m_schedule(selected(records, m_options.includeOutgoing), m_options.speed, m_options.loops)
{
    // Rewrite, QoS, retain and properties once per record, not once per send (loops).
    m_packets.reserve(records.size());
    for (const CaptureRecord &record : std::as_const(records))
        m_packets.append(packetFor(record));
    qRegisterMetaType<ReplayStats>();
    m_stats.total = m_schedule.total();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ReplayJob::pump);
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] { emit progress(m_stats); });
    if (m_connection) {
        connect(m_connection, &Connection::publishesFinished, this, &ReplayJob::onFinished);
        connect(m_connection, &Connection::stateChanged, this, &ReplayJob::onConnectionState);
    }
}

ReplayJob::~ReplayJob() = default;

qint64 ReplayJob::nowUs() const
{
    return m_clock.nsecsElapsed() / 1000;
}

PublishPacket ReplayJob::packetFor(const CaptureRecord &record) const
{
    PublishPacket p;
    p.topic = m_options.rewrite.apply(record.topic);
    p.payload = record.payload;
    p.qos = QoS(m_options.qos.value_or(record.qos));
    p.retain = m_options.keepRetain && record.retain;
    if (m_options.keepProperties && !record.properties.isEmpty()) {
        auto decoded = decodeProperties(record.properties);
        if (decoded.ok()) {
            p.properties = decoded.value();
            // Aliases belong to the connection they were set on; subscription identifiers
            // are the server's to send [MQTT-3.3.4-6].
            p.properties.remove(PropertyId::TopicAlias);
            p.properties.remove(PropertyId::SubscriptionIdentifier);
        }
    }
    return p;
}

void ReplayJob::start()
{
    if (m_state != State::Idle)
        return;
    if (!m_connection || m_connection->state() != SessionState::Connected) {
        m_stats.lastError = tr("Not connected: connect first, then replay.");
        setState(State::Stopped);
        emit progress(m_stats);
        return;
    }
    m_clock.start();
    setState(State::Running);
    m_progressTimer.start();
    pump();
}

void ReplayJob::pause()
{
    if (m_state != State::Running)
        return;
    m_pausedAtUs = nowUs();
    m_timer.stop();
    setState(State::Paused);
}

void ReplayJob::resume()
{
    if (m_state != State::Paused)
        return;
    m_shiftUs += nowUs() - m_pausedAtUs;
    setState(State::Running);
    pump();
}

void ReplayJob::stop()
{
    if (m_state == State::Finished || m_state == State::Stopped)
        return;
    m_timer.stop();
    setState(State::Stopped);
    m_progressTimer.stop();
    emit progress(m_stats);
}

void ReplayJob::pump()
{
    if (m_state != State::Running || !m_connection)
        return;
    const qint64 now = nowUs();
    QList<PublishPacket> batch;
    while (m_next < m_schedule.total() && batch.size() < kChunk &&
           m_stats.inFlight + batch.size() < m_options.window) {
        const qint64 due = m_schedule.dueUs(m_next) + m_shiftUs;
        if (due > now + kSlackUs)
            break;
        batch.append(m_packets.at(m_schedule.recordIndex(m_next)));
        const qint64 late = qMax<qint64>(0, now - due);
        m_stats.maxLateUs = qMax(m_stats.maxLateUs, late);
        if (m_options.measureLateness)
            m_lateness.append(qint32(qMin<qint64>(late, std::numeric_limits<qint32>::max())));
        ++m_next;
    }
    if (!batch.isEmpty()) {
        const qsizetype n = batch.size();
        const quint64 first = m_connection->publishBatch(std::move(batch));
        for (qsizetype i = 0; i < n; ++i)
            m_tokens.insert(first + quint64(i));
        m_stats.sent += n;
        m_stats.inFlight += n;
    }
    if (m_next >= m_schedule.total()) {
        finishIfDone();
        return;
    }
    if (m_stats.inFlight >= m_options.window)
        return; // onFinished() pumps again
    const qint64 due = m_schedule.dueUs(m_next) + m_shiftUs;
    const qint64 waitUs = due - nowUs();
    // A full chunk sent and more due: go on at the next turn of the event loop.
    m_timer.start(waitUs <= kSlackUs ? 0 : int(qMin<qint64>(waitUs / 1000, 3'600'000)));
}

void ReplayJob::onFinished(const QList<PublishOutcome> &outcomes)
{
    bool mine = false;
    for (const PublishOutcome &outcome : outcomes) {
        if (!m_tokens.remove(outcome.token))
            continue;
        mine = true;
        --m_stats.inFlight;
        if (outcome.status == PublishStatus::Failed) {
            ++m_stats.failed;
            m_stats.lastError =
                outcome.error ? outcome.error->message
                              : tr("The server refused a message: %1.")
                                    .arg(reasonCodeText(outcome.reasonCode, PacketType::Puback));
        } else {
            ++m_stats.acknowledged;
        }
    }
    if (!mine)
        return;
    if (m_state == State::Running && !m_timer.isActive())
        pump();
    finishIfDone();
}

void ReplayJob::onConnectionState(SessionState state)
{
    if (state != SessionState::Disconnected && state != SessionState::ReconnectWaiting)
        return;
    if (m_state != State::Running && m_state != State::Paused)
        return;
    m_stats.lastError =
        tr("The connection was lost after %1 of %2 messages.").arg(m_stats.sent).arg(m_stats.total);
    stop();
}

void ReplayJob::finishIfDone()
{
    if (m_state == State::Running && m_next >= m_schedule.total() && m_stats.inFlight == 0) {
        setState(State::Finished);
        m_progressTimer.stop();
        emit progress(m_stats);
    }
}

void ReplayJob::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace mqttdesk
