#include "core/publishjob/publish_job.h"

#include "core/connection/connection.h"
#include "core/protocol/reason_code.h"

#include <QDateTime>

namespace mqttdesk {

namespace {

// Messages handed to the connection and unfinished: enough to keep a QoS 1/2 window full,
// small enough to bound the memory of a job at full speed.
constexpr int kWindow = 4096;
// QoS 2 over 3.1.1, which has no Receive Maximum: mosquitto's max_inflight_messages default.
// More incomplete QoS 2 flows make it drop the connection.
constexpr int kV311Qos2Window = 20;
// A timed job that fell further behind its schedule than this (a busy machine, a long pause)
// starts a new schedule from now rather than bursting to catch up.
constexpr qint64 kMaxCatchUpMs = 1000;
constexpr int kProgressMs = 100;
// Scripted messages ordered from the worker at once: enough to keep a fast job busy, few
// enough that a stop takes effect soon.
constexpr int kScriptBatch = 256;
// Messages made by one pump at full speed (about 1 ms of work): a window of thousands is
// filled over several turns of the event loop.
constexpr int kChunk = 512;

} // namespace

PublishJob::PublishJob(Connection *connection, CompiledTemplate message, PublishJobOptions options,
                       QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_message(std::move(message))
    , m_options(std::move(options))
    , m_nextCounter(m_message.source().counter)
    , m_random(QRandomGenerator::global()->generate())
{
    m_window = m_options.window > 0
                   ? m_options.window
                   : defaultWindow(m_message.source().qos, m_message.protocolVersion());
    m_timer.setSingleShot(true);
    // "Every 150 ms" means at least 150 ms: a coarse timer may fire 5 % early.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &PublishJob::pump);
    m_progressTimer.setSingleShot(true);
    m_progressTimer.setInterval(kProgressMs);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        m_progressPending = false;
        emit progressed();
    });
    if (m_message.hasScript()) {
        m_maker = std::make_unique<ScriptedMessageMaker>(m_message, m_options.clientId);
        connect(m_maker.get(), &ScriptedMessageMaker::made, this, &PublishJob::onMade);
    }
    connect(connection, &Connection::publishesFinished, this, &PublishJob::onFinished);
    connect(connection, &Connection::stateChanged, this, &PublishJob::onConnectionState);
}

PublishJob::~PublishJob() = default;

int PublishJob::defaultWindow(QoS qos, ProtocolVersion version)
{
    return qos == QoS::ExactlyOnce && version != ProtocolVersion::V5 ? kV311Qos2Window : kWindow;
}

void PublishJob::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    if (state != State::Running)
        m_timer.stop();
    if (state == State::Finished || state == State::Stopped) {
        m_progressTimer.stop();
        m_progressPending = false;
        emit progressed();
    }
    emit stateChanged(state);
    if ((state == State::Finished || state == State::Stopped) && isSettled())
        emit settled();
}

void PublishJob::start()
{
    if (m_state != State::Idle || !m_connection)
        return;
    m_clock.start();
    m_dueMs = 0;
    if (m_connection->state() != SessionState::Connected) {
        if (m_options.onDisconnect == PublishJobOptions::OnDisconnect::Pause) {
            setState(State::Paused);
            return;
        }
        m_stats.lastError = tr("The connection is not open.");
        setState(State::Stopped);
        return;
    }
    setState(State::Running);
    pump();
}

void PublishJob::stop()
{
    if (m_state == State::Running || m_state == State::Paused || m_state == State::Idle) {
        if (m_maker)
            m_maker->cancel();
        setState(State::Stopped);
    }
}

bool PublishJob::remaining() const
{
    return m_options.count <= 0 || m_taken + m_ordered < m_options.count;
}

void PublishJob::onConnectionState(SessionState state)
{
    if (state == SessionState::Connected) {
        if (m_state == State::Paused) {
            m_dueMs = m_clock.elapsed();
            setState(State::Running);
            pump();
        }
        return;
    }
    if (state == SessionState::Connecting || m_state != State::Running)
        return;
    if (m_options.onDisconnect == PublishJobOptions::OnDisconnect::Pause) {
        setState(State::Paused);
        return;
    }
    m_stats.lastError = tr("The connection closed.");
    setState(State::Stopped);
}

void PublishJob::pump()
{
    if (m_maker) {
        orderScripted(m_options.intervalMs > 0);
        return;
    }
    // One clock reading per pump: {{now}} cannot tell messages made in the same moment apart.
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (m_options.intervalMs <= 0) {
        int made = 0;
        while (m_state == State::Running && remaining() && m_stats.inFlight < m_window &&
               made < kChunk) {
            if (!makeOne(nowMs))
                break;
            ++made;
        }
        flushOutgoing();
        // A full chunk: the rest of the window comes after the events waiting (the
        // connection's acknowledgements, a repaint), so one pump never holds the thread long,
        // and the connection writes one chunk while the next is made.
        if (made == kChunk && m_state == State::Running && remaining() &&
            m_stats.inFlight < m_window)
            m_timer.start(0);
        finishIfDone();
        return;
    }
    qint64 now = m_clock.elapsed();
    if (now - m_dueMs > kMaxCatchUpMs)
        m_dueMs = now;
    while (m_state == State::Running && remaining() && m_dueMs <= now &&
           m_stats.inFlight < m_window) {
        if (!makeOne(nowMs))
            break;
        m_dueMs += nextIntervalMs();
        now = m_clock.elapsed();
    }
    flushOutgoing();
    // A full window waits for onFinished(), which pumps again.
    if (m_state == State::Running && remaining() && m_stats.inFlight < m_window)
        m_timer.start(int(qMax<qint64>(0, m_dueMs - now)));
    finishIfDone();
}

qint64 PublishJob::nextIntervalMs()
{
    if (m_options.jitterMs <= 0)
        return m_options.intervalMs;
    const qint64 j = m_options.jitterMs;
    const qint64 offset = qint64(m_random.bounded(quint32(2 * j + 1))) - j;
    return qMax<qint64>(0, m_options.intervalMs + offset);
}

bool PublishJob::makeOne(qint64 nowMs)
{
    if (!m_connection) {
        m_stats.lastError = tr("The connection is gone.");
        setState(State::Stopped);
        return false;
    }
    const TemplateContext context(m_nextCounter, nowMs, m_options.clientId, &m_random);
    PublishDraftError error;
    std::optional<PublishPacket> packet = m_message.message(context, &error);
    if (!packet) {
        m_stats.lastError =
            tr("Message %1 cannot be sent: %2").arg(m_nextCounter).arg(error.message());
        setState(State::Stopped);
        return false;
    }
    m_outgoing.append(std::move(*packet));
    ++m_nextCounter;
    ++m_taken;
    ++m_stats.sent;
    ++m_stats.inFlight;
    return true;
}

void PublishJob::orderScripted(bool timed)
{
    // One batch at a time: onMade() orders the next.
    if (m_state != State::Running || m_maker->isBusy())
        return;
    QList<MessageOrder> orders;
    qint64 now = m_clock.elapsed();
    if (timed && now - m_dueMs > kMaxCatchUpMs)
        m_dueMs = now;
    while (remaining() && m_stats.inFlight + orders.size() < m_window &&
           orders.size() < kScriptBatch && (!timed || m_dueMs <= now)) {
        orders.append({m_nextCounter++, QDateTime::currentMSecsSinceEpoch()});
        ++m_ordered;
        if (timed) {
            m_dueMs += nextIntervalMs();
            now = m_clock.elapsed();
        }
    }
    if (!orders.isEmpty()) {
        m_maker->make(std::move(orders));
        return;
    }
    if (timed && remaining() && m_stats.inFlight < m_window)
        m_timer.start(int(qMax<qint64>(0, m_dueMs - now)));
    finishIfDone();
}

void PublishJob::onMade(const QList<MadeMessage> &messages)
{
    const qint64 ordered = std::exchange(m_ordered, 0);
    if (m_state != State::Running) {
        // Made after a stop or a pause: never sent and not counted; {{counter}} goes on from
        // the first of them.
        if (ordered > 0)
            m_nextCounter -= quint64(ordered);
        if (m_state == State::Stopped && m_stats.inFlight == 0)
            emit settled();
        return;
    }
    for (const MadeMessage &made : messages) {
        ++m_taken;
        if (!made.packet) {
            ++m_stats.failed;
            m_stats.lastError = tr("Message %1 was not sent: %2").arg(made.counter).arg(made.error);
            emit messageFailed(m_stats.lastError);
            continue;
        }
        m_outgoing.append(*made.packet);
        ++m_stats.sent;
        ++m_stats.inFlight;
    }
    flushOutgoing();
    noteProgress();
    pump();
}

void PublishJob::flushOutgoing()
{
    if (m_outgoing.isEmpty())
        return;
    if (!m_connection) {
        // Made but never handed over: they count as failed, not as in flight.
        m_stats.failed += m_outgoing.size();
        m_stats.inFlight -= m_outgoing.size();
        m_outgoing.clear();
        return;
    }
    const qsizetype n = m_outgoing.size();
    const quint64 first = m_connection->publishBatch(std::exchange(m_outgoing, {}));
    for (qsizetype i = 0; i < n; ++i)
        m_tokens.insert(first + quint64(i));
    noteProgress();
}

void PublishJob::onFinished(const QList<PublishOutcome> &outcomes)
{
    bool mine = false;
    for (const PublishOutcome &outcome : outcomes) {
        if (!m_tokens.remove(outcome.token))
            continue;
        mine = true;
        --m_stats.inFlight;
        if (outcome.status == PublishStatus::Failed) {
            ++m_stats.failed;
            // Why a job stopped (a lost connection) stays what it shows.
            if (m_state == State::Running || m_stats.lastError.isEmpty())
                m_stats.lastError =
                    outcome.error
                        ? outcome.error->message
                        : tr("The server refused the message: %1.")
                              .arg(reasonCodeText(outcome.reasonCode, PacketType::Puback));
        } else {
            ++m_stats.acknowledged;
        }
    }
    if (!mine)
        return;
    const qint64 elapsed = m_clock.isValid() ? m_clock.elapsed() : 0;
    m_stats.rate = elapsed > 0 ? double(m_stats.acknowledged) * 1000.0 / double(elapsed) : 0;
    noteProgress();
    if (m_state == State::Running && !m_timer.isActive())
        pump();
    else if ((m_state == State::Finished || m_state == State::Stopped) && isSettled())
        emit settled();
}

void PublishJob::finishIfDone()
{
    if (m_state == State::Running && m_options.count > 0 && m_taken >= m_options.count &&
        m_stats.inFlight == 0 && m_ordered == 0) {
        setState(State::Finished);
    }
}

void PublishJob::noteProgress()
{
    if (m_progressPending)
        return;
    m_progressPending = true;
    m_progressTimer.start();
}

} // namespace mqttdesk
