#include "core/probe/probe_connection.h"

#include <type_traits>
#include <utility>

namespace mqttdesk {

namespace {

// Messages nobody expected are kept for a later expect(), at most this many and this many
// payload bytes (a late answer of the payload search can be large).
constexpr qsizetype kUnclaimedLimit = 256;
constexpr qsizetype kUnclaimedBytesLimit = 4 * 1024 * 1024;

} // namespace

ProbeConnection::ProbeConnection(ConnectionSettings settings, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_timeoutMs(timeoutMs)
    , m_connection(std::make_unique<Connection>(m_settings))
{
    Connection *c = m_connection.get();
    connect(c, &Connection::connected, this, [this](const ConnackInfo &info) {
        m_connected = true;
        m_lastError.reset();
        m_endReason.reset();
        m_endText.clear();
        if (m_openTimer) {
            m_openTimer->stop();
            m_openTimer->deleteLater();
            m_openTimer = nullptr;
        }
        if (auto done = std::exchange(m_opening, nullptr)) {
            Opened opened;
            opened.accepted = true;
            opened.connack = info;
            done(opened);
        }
    });
    connect(c, &Connection::stateChanged, this, &ProbeConnection::onStateChanged);
    connect(c, &Connection::errorOccurred, this, [this](const ConnectionError &error) {
        if (error.kind == ConnectionError::Kind::Request)
            return; // answered with the request's own result
        m_lastError = error;
        m_endText = error.message;
        if (error.reasonCode())
            m_endReason = error.reasonCode();
    });
    connect(c, &Connection::serverDisconnected, this,
            [this](const ServerDisconnected &notice) { m_endReason = notice.reasonCode; });
    connect(c, &Connection::messagesReceived, this, &ProbeConnection::onMessages);
    connect(c, &Connection::subscribeFinished, this,
            [this](quint64 token, const SubscribeResult &result) {
                settle(m_subscribes, token, result);
            });
    connect(c, &Connection::publishFinished, this,
            [this](quint64 token, const PublishOutcome &outcome) {
                settle(m_publishes, token, outcome);
            });
    connect(c, &Connection::pingFinished, this,
            [this](quint64 token, const PingOutcome &outcome) { settle(m_pings, token, outcome); });
}

ProbeConnection::~ProbeConnection()
{
    forget();
    // Nothing the connection says while it goes away is for us any more.
    m_connection->disconnect(this);
    m_connection.reset();
}

QTimer *ProbeConnection::armTimer(int ms, std::function<void()> onTimeout)
{
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, std::move(onTimeout));
    timer->start(ms);
    return timer;
}

void ProbeConnection::later(std::function<void()> fn)
{
    QMetaObject::invokeMethod(this, std::move(fn), Qt::QueuedConnection);
}

SessionError ProbeConnection::timeoutError() const
{
    return SessionError::make(SessionError::Kind::Cancelled,
                              tr("No answer within %1 s.").arg(double(m_timeoutMs) / 1000.0));
}

SessionError ProbeConnection::endedError() const
{
    return SessionError::make(SessionError::Kind::NotConnected,
                              m_endText.isEmpty() ? tr("The connection ended.")
                                                  : tr("The connection ended: %1").arg(m_endText),
                              {}, m_endReason);
}

template<typename Result>
void ProbeConnection::wait(std::map<quint64, Waiting<Result>> &waiting, quint64 token,
                           std::function<void(const Result &)> done)
{
    Waiting<Result> w;
    w.done = std::move(done);
    w.timer = armTimer(m_timeoutMs, [this, &waiting, token] {
        Result failed;
        failed.token = token;
        if constexpr (std::is_same_v<Result, PublishOutcome>)
            failed.status = PublishStatus::Failed;
        failed.error = timeoutError();
        settle(waiting, token, failed);
    });
    waiting.emplace(token, std::move(w));
}

template<typename Result>
void ProbeConnection::settle(std::map<quint64, Waiting<Result>> &waiting, quint64 token,
                             const Result &result)
{
    const auto it = waiting.find(token);
    if (it == waiting.end())
        return; // not ours (a resubscription), or answered already
    Waiting<Result> w = std::move(it->second);
    waiting.erase(it);
    if (w.timer) {
        w.timer->stop();
        w.timer->deleteLater();
    }
    if (w.done)
        w.done(result);
}

void ProbeConnection::open(std::function<void(const Opened &)> done)
{
    m_opening = std::move(done);
    m_lastError.reset();
    // The session's own connect timeout answers first; this is the backstop (a minute when
    // the settings have none).
    const qint64 connectMs = m_settings.session.connectTimeoutMs > 0
                                 ? qMin<qint64>(m_settings.session.connectTimeoutMs, 600000)
                                 : 60000;
    const int guardMs = int(connectMs) + m_timeoutMs;
    m_openTimer = armTimer(guardMs, [this] {
        m_openTimer = nullptr;
        if (auto pending = std::exchange(m_opening, nullptr)) {
            Opened opened;
            opened.error = timeoutError().message;
            pending(opened);
        }
        m_connection->disconnectFromBroker();
    });
    m_connection->connectToBroker();
}

void ProbeConnection::subscribe(const Subscription &subscription, std::optional<quint32> identifier,
                                std::function<void(const SubscribeResult &)> done)
{
    if (!m_connected) {
        SubscribeResult failed;
        failed.subscriptions = {subscription};
        failed.error = endedError();
        later([done = std::move(done), failed] { done(failed); });
        return;
    }
    wait(m_subscribes, m_connection->subscribe({subscription}, identifier), std::move(done));
}

void ProbeConnection::publish(const PublishPacket &message,
                              std::function<void(const PublishOutcome &)> done)
{
    if (!m_connected) {
        // Not queued for later: a probe's message belongs to this connection.
        PublishOutcome failed;
        failed.status = PublishStatus::Failed;
        failed.error = endedError();
        later([done = std::move(done), failed] { done(failed); });
        return;
    }
    wait(m_publishes, m_connection->publish(message), std::move(done));
}

void ProbeConnection::ping(std::function<void(const PingOutcome &)> done)
{
    if (!m_connected) {
        PingOutcome failed;
        failed.error = endedError();
        later([done = std::move(done), failed] { done(failed); });
        return;
    }
    wait(m_pings, m_connection->ping(), std::move(done));
}

void ProbeConnection::expect(Matcher match, int count, std::function<void(const Messages &)> done)
{
    auto e = std::make_unique<Expectation>();
    e->match = std::move(match);
    e->count = qMax(1, count);
    e->done = std::move(done);
    for (auto it = m_unclaimed.begin(); it != m_unclaimed.end() && e->got.size() < e->count;) {
        if (e->match(*it)) {
            e->got.append(*it);
            it = m_unclaimed.erase(it);
        } else {
            ++it;
        }
    }
    if (e->got.size() >= e->count || !m_connected) {
        later([done = std::move(e->done), got = e->got] { done(got); });
        return;
    }
    Expectation *raw = e.get();
    e->timer = armTimer(m_timeoutMs, [this, raw] { finishExpectation(raw); });
    m_expectations.push_back(std::move(e));
}

void ProbeConnection::close(std::function<void()> done, ReasonCode reason,
                            const Properties &properties)
{
    if (m_connection->state() == SessionState::Disconnected) {
        later(std::move(done));
        return;
    }
    m_closing = std::move(done);
    m_closeTimer = armTimer(m_timeoutMs, [this] {
        m_closeTimer = nullptr;
        if (auto pending = std::exchange(m_closing, nullptr))
            pending();
    });
    m_connection->disconnectFromBroker(reason, properties);
}

void ProbeConnection::abort()
{
    m_connection->abortConnection();
}

void ProbeConnection::forget()
{
    auto dropTimer = [](QTimer *&timer) {
        if (timer) {
            timer->stop();
            timer->deleteLater();
            timer = nullptr;
        }
    };
    ++m_generation;
    m_opening = nullptr;
    m_closing = nullptr;
    dropTimer(m_openTimer);
    dropTimer(m_closeTimer);
    for (auto &[token, w] : m_subscribes)
        dropTimer(w.timer);
    for (auto &[token, w] : m_publishes)
        dropTimer(w.timer);
    for (auto &[token, w] : m_pings)
        dropTimer(w.timer);
    for (const std::unique_ptr<Expectation> &e : m_expectations)
        dropTimer(e->timer);
    m_subscribes.clear();
    m_publishes.clear();
    m_pings.clear();
    m_expectations.clear();
}

void ProbeConnection::discard(bool graceful)
{
    forget();
    if (graceful && m_connected)
        close([this] { deleteLater(); });
    else
        deleteLater();
}

void ProbeConnection::onStateChanged(SessionState state)
{
    if (state != SessionState::Disconnected && state != SessionState::ReconnectWaiting)
        return;
    const bool wasConnected = std::exchange(m_connected, false);
    if (m_openTimer) {
        m_openTimer->stop();
        m_openTimer->deleteLater();
        m_openTimer = nullptr;
    }
    if (auto done = std::exchange(m_opening, nullptr)) {
        Opened opened;
        opened.error = m_lastError ? m_lastError->message
                                   : tr("The connection closed before the server accepted it.");
        opened.reasonCode = m_lastError ? m_lastError->reasonCode() : std::nullopt;
        opened.unreachable =
            m_lastError && m_lastError->transportError &&
            m_lastError->transportError->kind != TransportError::Kind::RemoteClosed;
        done(opened);
    }
    if (wasConnected)
        failAll(endedError());
    if (m_closeTimer) {
        m_closeTimer->stop();
        m_closeTimer->deleteLater();
        m_closeTimer = nullptr;
    }
    if (auto done = std::exchange(m_closing, nullptr))
        done();
}

void ProbeConnection::failAll(const SessionError &error)
{
    // Taken out first: a callback may make new requests, or forget() the rest.
    auto subscribes = std::exchange(m_subscribes, {});
    auto publishes = std::exchange(m_publishes, {});
    auto pings = std::exchange(m_pings, {});
    auto expectations = std::exchange(m_expectations, {});
    const quint64 generation = m_generation;
    auto answer = [&](auto &w, auto failed) {
        if (w.timer) {
            w.timer->stop();
            w.timer->deleteLater();
        }
        if (w.done && generation == m_generation)
            w.done(failed);
    };
    for (auto &[token, w] : subscribes) {
        SubscribeResult failed;
        failed.token = token;
        failed.error = error;
        answer(w, failed);
    }
    for (auto &[token, w] : publishes) {
        PublishOutcome failed;
        failed.token = token;
        failed.status = PublishStatus::Failed;
        failed.error = error;
        answer(w, failed);
    }
    for (auto &[token, w] : pings) {
        PingOutcome failed;
        failed.token = token;
        failed.error = error;
        answer(w, failed);
    }
    for (const std::unique_ptr<Expectation> &e : expectations)
        answer(*e, e->got);
}

void ProbeConnection::onMessages(const MessageBatch &batch)
{
    for (const ReceivedMessage &message : batch) {
        bool claimed = false;
        for (const std::unique_ptr<Expectation> &e : m_expectations) {
            if (!e->match(message))
                continue;
            e->got.append(message);
            claimed = true;
            if (e->got.size() >= e->count)
                finishExpectation(e.get()); // changes m_expectations: stop looking
            break;
        }
        if (!claimed) {
            m_unclaimed.append(message);
            qsizetype bytes = 0;
            for (const ReceivedMessage &m : std::as_const(m_unclaimed))
                bytes += m.message.payload.size();
            while (!m_unclaimed.isEmpty() &&
                   (m_unclaimed.size() > kUnclaimedLimit || bytes > kUnclaimedBytesLimit)) {
                bytes -= m_unclaimed.first().message.payload.size();
                m_unclaimed.removeFirst();
            }
        }
    }
}

void ProbeConnection::finishExpectation(Expectation *expectation)
{
    for (auto it = m_expectations.begin(); it != m_expectations.end(); ++it) {
        if (it->get() != expectation)
            continue;
        std::unique_ptr<Expectation> e = std::move(*it);
        m_expectations.erase(it);
        if (e->timer) {
            e->timer->stop();
            e->timer->deleteLater();
        }
        if (e->done)
            e->done(e->got);
        return;
    }
}

} // namespace mqttdesk
