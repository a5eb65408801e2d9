#include "app/cli/bench_command.h"

#include <cmath>
#include <cstdio>

namespace mqttdesk {

namespace {

// Publishes handed to one connection and not yet finished, when going as fast as possible.
constexpr qint64 kPublishWindow = 1000;
// QoS 2 over 3.1.1, which has no Receive Maximum: what brokers take in flight by default
// (mosquitto's max_inflight_messages). More incomplete QoS 2 flows make mosquitto drop the
// connection; QoS 1 is acknowledged at once and needs no such limit.
constexpr qint64 kV311Qos2Window = 20;
constexpr int kRateTickMs = 10;

void printLine(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace

BenchCommand::BenchCommand(const CliOptions &options, const CliPlan &plan, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_plan(plan)
    , m_payload(options.payloadSize, 'x')
{
    m_clients.resize(size_t(options.clients));
    m_clock.start();
    connect(&m_liveTimer, &QTimer::timeout, this,
            [this] { printLine(m_stats.liveLine(what()) + QLatin1Char('\n')); });
    connect(&m_rateTimer, &QTimer::timeout, this, [this] {
        for (size_t i = 0; i < m_clients.size(); ++i) {
            Client &c = m_clients[i];
            if (!c.connected || c.finished)
                continue;
            c.credit =
                qMin(c.credit + double(m_options.rate) * kRateTickMs / 1000.0, double(c.window));
            pump(int(i));
        }
    });
    connect(&m_startTimer, &QTimer::timeout, this, [this] {
        if (m_started < int(m_clients.size()))
            startClient(m_started++);
        if (m_started == int(m_clients.size()))
            m_startTimer.stop();
    });
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &BenchCommand::stop);
}

BenchCommand::~BenchCommand() = default;

QString BenchCommand::what() const
{
    switch (m_options.command) {
    case CliCommand::BenchPub:
        return tr("published");
    case CliCommand::BenchSub:
        return tr("received");
    default:
        return tr("connected");
    }
}

void BenchCommand::start()
{
    m_liveTimer.start(1000);
    if (m_options.rate > 0)
        m_rateTimer.start(kRateTickMs);
    if (m_options.timeoutSeconds > 0)
        m_deadline.start(m_options.timeoutSeconds * 1000);
    if (m_options.intervalMs > 0) {
        m_startTimer.start(m_options.intervalMs);
        startClient(m_started++);
    } else {
        while (m_started < int(m_clients.size()))
            startClient(m_started++);
    }
}

void BenchCommand::interrupt()
{
    stop();
}

void BenchCommand::startClient(int index)
{
    CliPlan plan = m_plan;
    if (!m_options.clientId.isEmpty())
        plan.settings.session.clientId = m_options.clientId + QString::number(index);
    Client &c = m_clients[size_t(index)];
    c.topic = plan.topics.value(0);
    c.topic.replace(QLatin1String("%c"), QString::number(index));
    c.client = std::make_unique<CliClient>(plan, true);
    CliClient *client = c.client.get();
    const qint64 startedNs = m_clock.nsecsElapsed();
    connect(client, &CliClient::connected, this, [this, index, startedNs] {
        if (m_options.command == CliCommand::BenchConn)
            m_stats.addLatencyNs(m_clock.nsecsElapsed() - startedNs);
        onConnected(index);
    });
    // Queued: a client that fails emits done() from inside its error handler, before ours
    // has counted the error; the summary must include it.
    connect(
        client, &CliClient::done, this,
        [this] {
            ++m_closed;
            checkDone();
        },
        Qt::QueuedConnection);
    Connection *connection = client->connection();
    connect(connection, &Connection::errorOccurred, this, &BenchCommand::onClientError);
    if (m_options.command == CliCommand::BenchPub)
        connect(connection, &Connection::publishFinished, this,
                [this, index](quint64 token, const PublishOutcome &outcome) {
                    onPublishFinished(index, token, outcome);
                });
    if (m_options.command == CliCommand::BenchSub)
        connect(connection, &Connection::messagesReceived, this, &BenchCommand::onMessages);
    client->start();
}

void BenchCommand::onConnected(int index)
{
    Client &c = m_clients[size_t(index)];
    c.connected = true;
    // 5.0: the session keeps to the server's Receive Maximum [MQTT-4.9.0-2] and queues
    // the rest; 3.1.1 has no such limit, so stay within what brokers accept.
    c.window =
        m_options.qos == QoS::ExactlyOnce && m_plan.settings.session.version != ProtocolVersion::V5
            ? kV311Qos2Window
            : kPublishWindow;
    ++m_connected;
    switch (m_options.command) {
    case CliCommand::BenchConn:
        m_stats.addMessages(1);
        checkDone();
        break;
    case CliCommand::BenchSub: {
        Subscription s;
        s.filter = c.topic;
        s.options.qos = m_options.qos;
        c.client->connection()->subscribe({s});
        break;
    }
    default:
        pump(index);
    }
}

void BenchCommand::pump(int index)
{
    Client &c = m_clients[size_t(index)];
    const qint64 count = m_options.count;
    while (!m_stopping && c.outstanding < c.window && (count == 0 || c.sent < count)) {
        if (m_options.rate > 0) {
            if (c.credit < 1)
                break;
            c.credit -= 1;
        }
        PublishPacket p;
        p.topic = c.topic;
        p.payload = m_payload;
        p.qos = m_options.qos;
        p.retain = m_options.retain;
        p.properties = m_plan.properties.publish;
        const qint64 now = m_clock.nsecsElapsed();
        const quint64 token = c.client->connection()->publish(std::move(p));
        if (m_options.qos != QoS::AtMostOnce)
            c.startedNs.insert(token, now);
        ++c.outstanding;
        ++c.sent;
    }
}

void BenchCommand::onPublishFinished(int index, quint64 token, const PublishOutcome &outcome)
{
    Client &c = m_clients[size_t(index)];
    --c.outstanding;
    if (outcome.status == PublishStatus::Failed) {
        m_stats.addError();
    } else {
        m_stats.addMessages(1);
        const auto it = c.startedNs.constFind(token);
        if (it != c.startedNs.cend()) {
            m_stats.addLatencyNs(m_clock.nsecsElapsed() - *it);
            c.startedNs.erase(it);
        }
    }
    if (m_options.count > 0 && c.sent >= m_options.count && c.outstanding == 0) {
        c.finished = true;
        checkDone();
        return;
    }
    pump(index);
}

void BenchCommand::onMessages(const MessageBatch &batch)
{
    m_stats.addMessages(batch.size());
    if (m_options.count > 0 && m_stats.messages() >= m_options.count)
        stop();
}

void BenchCommand::onClientError(const ConnectionError &error)
{
    m_stats.addError();
    ++m_connectionErrors;
    if (!m_errorPrinted && !m_options.quiet) {
        m_errorPrinted = true;
        CliClient::printError(error.message);
    }
    checkDone();
}

void BenchCommand::checkDone()
{
    const int total = int(m_clients.size());
    if (m_stopping) {
        // A run with lost connections or refused publishes did not succeed, even though it
        // printed its numbers.
        if (m_closed >= total)
            emit done(m_connectionErrors > 0 ? ExitConnection
                      : m_stats.errors() > 0 ? ExitRequest
                                             : ExitSuccess);
        return;
    }
    bool allDone = m_started == total;
    for (const Client &c : m_clients) {
        const bool clientDone = c.client && c.client->isFinishing();
        switch (m_options.command) {
        case CliCommand::BenchConn:
            allDone = allDone && (c.connected || clientDone);
            break;
        case CliCommand::BenchPub:
            allDone = allDone && (c.finished || clientDone);
            break;
        default:
            allDone = allDone && clientDone;
        }
    }
    if (allDone)
        stop();
}

void BenchCommand::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_liveTimer.stop();
    m_rateTimer.stop();
    m_startTimer.stop();
    m_deadline.stop();
    const QString latency = m_options.command == CliCommand::BenchConn
                                ? tr("Connect")
                                : tr("QoS %1 round-trip").arg(int(m_options.qos));
    printLine(m_stats.summary(what(), latency));
    // Clients never started count as closed.
    m_closed += int(m_clients.size()) - m_started;
    for (Client &c : m_clients) {
        if (c.client)
            c.client->finish(ExitSuccess);
    }
    checkDone();
}

} // namespace mqttdesk
