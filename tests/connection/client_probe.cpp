#include "tests/connection/client_probe.h"

#include <QTest>

namespace mqttdesk {

ClientProbe::ClientProbe(ConnectionSettings settings, QObject *parent)
    : QObject(parent)
    , m_worker(std::make_unique<ConnectionThread>(std::move(settings)))
{
    Connection *c = m_worker->connection();
    connect(c, &Connection::messagesReceived, this, [this](const MessageBatch &batch) {
        ++m_batches;
        m_messages.append(batch);
    });
    connect(c, &Connection::errorOccurred, this,
            [this](const ConnectionError &e) { m_errors.append(e); });
    connect(c, &Connection::stateChanged, this, [this](SessionState s) { m_states.append(s); });
    connect(c, &Connection::connected, this,
            [this](const ConnackInfo &info) { m_connacks.append(info); });
    connect(c, &Connection::serverDisconnected, this,
            [this](const ServerDisconnected &d) { m_serverDisconnects.append(d); });
    connect(c, &Connection::authChallenge, this,
            [this](const AuthChallenge &a) { m_challenges.append(a); });
    connect(c, &Connection::subscribeFinished, this,
            [this](quint64, const SubscribeResult &r) { m_subscribeResults.append(r); });
    connect(c, &Connection::unsubscribeFinished, this,
            [this](quint64, const UnsubscribeResult &r) { m_unsubscribeResults.append(r); });
    connect(c, &Connection::publishFinished, this,
            [this](quint64, const PublishOutcome &o) { recordOutcome(o); });
    connect(c, &Connection::publishProgress, this,
            [this](quint64, const PublishOutcome &o) { recordOutcome(o); });
    connect(c, &Connection::reconnectScheduled, this, [this](qint64 delayMs, int attempt) {
        m_reconnects.append({delayMs, attempt});
    });
    connect(c, &Connection::logMessage, this,
            [this](const ConnectionLogEntry &e) { m_log.append(e); });
}

ClientProbe::~ClientProbe() = default;

bool ClientProbe::connectAndWait(int timeoutMs)
{
    const qsizetype connacks = m_connacks.size();
    const qsizetype errors = m_errors.size();
    connection()->connectToBroker();
    return QTest::qWaitFor([&] { return m_connacks.size() > connacks || m_errors.size() > errors; },
                           timeoutMs) &&
           m_connacks.size() > connacks;
}

bool ClientProbe::disconnectAndWait(ReasonCode reason, int timeoutMs)
{
    connection()->disconnectFromBroker(reason);
    return QTest::qWaitFor(
        [&] { return !m_states.isEmpty() && m_states.last() == SessionState::Disconnected; },
        timeoutMs);
}

std::optional<SubscribeResult> ClientProbe::subscribeAndWait(const QList<Subscription> &subs,
                                                             int timeoutMs)
{
    const quint64 token = connection()->subscribe(subs);
    auto find = [&]() -> const SubscribeResult * {
        for (const SubscribeResult &r : m_subscribeResults) {
            if (r.token == token)
                return &r;
        }
        return nullptr;
    };
    if (!QTest::qWaitFor([&] { return find() != nullptr; }, timeoutMs))
        return std::nullopt;
    return *find();
}

std::optional<SubscribeResult> ClientProbe::subscribeAndWait(const QString &filter, QoS qos,
                                                             int timeoutMs)
{
    Subscription s;
    s.filter = filter;
    s.options.qos = qos;
    return subscribeAndWait(QList<Subscription>{s}, timeoutMs);
}

std::optional<UnsubscribeResult> ClientProbe::unsubscribeAndWait(const QList<QString> &filters,
                                                                 int timeoutMs)
{
    const quint64 token = connection()->unsubscribe(filters);
    auto find = [&]() -> const UnsubscribeResult * {
        for (const UnsubscribeResult &r : m_unsubscribeResults) {
            if (r.token == token)
                return &r;
        }
        return nullptr;
    };
    if (!QTest::qWaitFor([&] { return find() != nullptr; }, timeoutMs))
        return std::nullopt;
    return *find();
}

std::optional<PublishOutcome> ClientProbe::publishAndWait(const PublishPacket &message,
                                                          int timeoutMs)
{
    return waitForOutcome(connection()->publish(message), timeoutMs);
}

std::optional<PublishOutcome> ClientProbe::waitForOutcome(quint64 token, int timeoutMs)
{
    // Indexed: a test that waits for each of 20,000 tokens must not scan them all each time.
    auto find = [&]() -> const PublishOutcome * {
        const auto it = m_finalOutcome.constFind(token);
        return it == m_finalOutcome.constEnd() ? nullptr : &m_outcomes.at(*it);
    };
    if (!QTest::qWaitFor([&] { return find() != nullptr; }, timeoutMs))
        return std::nullopt;
    return *find();
}

void ClientProbe::recordOutcome(const PublishOutcome &outcome)
{
    m_outcomes.append(outcome);
    if (outcome.isFinal() && !m_finalOutcome.contains(outcome.token))
        m_finalOutcome.insert(outcome.token, m_outcomes.size() - 1);
}

QList<PublishOutcome> ClientProbe::outcomesFor(quint64 token) const
{
    QList<PublishOutcome> out;
    for (const PublishOutcome &o : m_outcomes) {
        if (o.token == token)
            out.append(o);
    }
    return out;
}

bool ClientProbe::waitForMessages(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_messages.size() >= count; }, timeoutMs);
}

bool ClientProbe::waitForState(SessionState state, int timeoutMs)
{
    return QTest::qWaitFor([&] { return !m_states.isEmpty() && m_states.last() == state; },
                           timeoutMs);
}

bool ClientProbe::waitForStateCount(SessionState state, int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_states.count(state) >= count; }, timeoutMs);
}

bool ClientProbe::waitForError(int timeoutMs)
{
    return QTest::qWaitFor([&] { return !m_errors.isEmpty(); }, timeoutMs);
}

bool ClientProbe::waitForConnectedCount(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_connacks.size() >= count; }, timeoutMs);
}

QList<ReceivedMessage> ClientProbe::messagesOn(const QString &topic) const
{
    QList<ReceivedMessage> out;
    for (const ReceivedMessage &m : m_messages) {
        if (m.message.topic == topic)
            out.append(m);
    }
    return out;
}

QByteArray ClientProbe::describe() const
{
    QString text;
    for (const ConnectionError &e : m_errors)
        text += QStringLiteral("error %1: %2\n").arg(ConnectionError::kindName(e.kind), e.message);
    for (const ConnectionLogEntry &e : m_log)
        text += QStringLiteral("log: %1\n").arg(e.text);
    return text.toUtf8();
}

} // namespace mqttdesk
