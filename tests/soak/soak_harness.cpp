#include "soak_harness.h"

#include "soak_publisher.h"

#include "tests/connection/fault_proxy.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"
#include "tests/fixture/test_pki.h"

#include <QRandomGenerator>
#include <QSocketNotifier>

#include <cstdio>

#include <unistd.h>

namespace mqttdesk {

namespace {

using Listener = TestBroker::Listener;
constexpr std::array<Listener, 3> kListeners{Listener::Plain, Listener::Tls, Listener::Ws};
constexpr std::array<const char *, 3> kNames{"tcp", "tls", "ws"};
// After `stop`: how long the publishes in flight and queued may take to end.
constexpr int kEndTimeoutMs = 60000;

} // namespace

SoakHarness::SoakHarness(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_status.setInterval(1000);
    connect(&m_status, &QTimer::timeout, this, [this] { printStatus("status"); });
    m_restarts.setInterval(qMax(1, m_options.restartEverySeconds) * 1000);
    connect(&m_restarts, &QTimer::timeout, this, &SoakHarness::restartBroker);
    m_cuts.setInterval(qMax(1, m_options.cutEverySeconds) * 1000);
    connect(&m_cuts, &QTimer::timeout, this, &SoakHarness::cut);
}

SoakHarness::~SoakHarness()
{
    m_publisher.reset();
    for (auto &proxy : m_proxies)
        proxy.reset();
    if (m_broker)
        m_broker->stop();
}

void SoakHarness::say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

bool SoakHarness::start()
{
    m_clock.start();
    m_broker = std::make_unique<TestBroker>(TestBroker::Options{.persistence = true});
    if (!m_broker->start()) {
        say("error the broker did not start: " + m_broker->errorString().toUtf8());
        return false;
    }
    QByteArray ready = "ready";
    for (size_t i = 0; i < m_proxies.size(); ++i) {
        m_proxies[i] =
            std::make_unique<FaultProxy>(TestBroker::host(), m_broker->port(kListeners[i]));
        if (!m_proxies[i]->listen()) {
            say(QByteArray("error the proxy for ") + kNames[i] + " does not listen");
            return false;
        }
        connect(m_proxies[i].get(), &FaultProxy::connectionCut, this,
                [this, i](FaultProxy::Direction, qint64 offset) {
                    ++m_cutCount;
                    say(QByteArray("event cut ") + kNames[i] + ": a connection cut after " +
                        QByteArray::number(offset) + " bytes from the broker");
                });
        ready += ' ' + QByteArray::number(m_proxies[i]->port());
    }
    say(ready + ' ' + m_broker->pki().caCert().toUtf8());

    ConnectionSettings settings =
        TestSettings::forListener(*m_broker, Listener::Plain, ProtocolVersion::V5,
                                  TestSettings::uniqueClientId(QStringLiteral("soak-pub")));
    settings.name = QStringLiteral("soak publisher");
    settings.session.cleanStart = false;
    settings.session.sessionExpiryInterval = 3600;
    settings.session.reconnect.enabled = true;
    settings.session.reconnect.initialDelayMs = 100;
    settings.session.reconnect.maximumDelayMs = 1000;
    // Everything published while the broker restarts waits here.
    settings.session.offlineQueueLimit = 10'000'000;
    m_publisher = std::make_unique<SoakPublisher>(settings, m_options.publishRate);
    m_publisher->connectToBroker();

    m_input = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_input, &QSocketNotifier::activated, this, &SoakHarness::onInput);
    return true;
}

void SoakHarness::onInput()
{
    char buffer[256];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n <= 0) { // the runner is gone
        m_input->setEnabled(false);
        quit();
        return;
    }
    m_inputBuffer.append(buffer, qsizetype(n));
    processInput();
}

void SoakHarness::processInput()
{
    if (m_restarting)
        return; // restartBroker() comes back here
    qsizetype end = 0;
    while ((end = m_inputBuffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_inputBuffer.left(end).trimmed();
        m_inputBuffer.remove(0, end + 1);
        command(line);
    }
}

void SoakHarness::command(const QByteArray &line)
{
    if (line == "go")
        go();
    else if (line == "stop")
        stop();
    else if (line == "quit")
        quit();
}

void SoakHarness::go()
{
    const auto begin = [this] {
        m_publisher->start();
        m_status.start();
        m_restarts.start();
        m_cuts.start();
    };
    if (m_publisher->connects() > 0)
        begin();
    else
        connect(m_publisher.get(), &SoakPublisher::connected, this, begin,
                Qt::SingleShotConnection);
}

void SoakHarness::stop()
{
    m_stopping = true;
    m_publisher->stop();
    m_restarts.stop();
    m_cuts.stop();
    for (auto &proxy : m_proxies)
        proxy->clearFaults(); // an armed cut that did not fire yet
    QElapsedTimer waited;
    waited.start();
    auto *poll = new QTimer(this);
    poll->setInterval(100);
    connect(poll, &QTimer::timeout, this, [this, poll, waited] {
        if (m_publisher->ended() < m_publisher->sent() && waited.elapsed() < kEndTimeoutMs)
            return;
        poll->deleteLater();
        m_status.stop();
        printStatus("stopped");
    });
    poll->start();
}

void SoakHarness::quit()
{
    m_status.stop();
    m_restarts.stop();
    m_cuts.stop();
    if (m_publisher)
        m_publisher->disconnectFromBroker();
    // The DISCONNECT goes out on the publisher's thread before the broker stops.
    QTimer::singleShot(200, this, [this] {
        m_publisher.reset();
        if (m_broker)
            m_broker->stop();
        emit finished(0);
    });
}

void SoakHarness::restartBroker()
{
    if (m_stopping || m_restarting)
        return;
    QElapsedTimer took;
    took.start();
    // restart() waits here (the proxies and the pacing with it; the publisher's connection
    // runs on its own thread, and what falls due meanwhile is sent by the next tick).
    m_restarting = true;
    const bool restarted = m_broker->restart();
    m_restarting = false;
    QTimer::singleShot(0, this, &SoakHarness::processInput); // what came meanwhile
    if (!restarted) {
        say("error the broker did not come back after a restart: " +
            m_broker->errorString().toUtf8().left(2000));
        m_restarts.stop();
        return;
    }
    ++m_restartCount;
    say("event restart " + QByteArray::number(m_restartCount) +
        ": mosquitto stopped (SIGTERM) and running again after " +
        QByteArray::number(took.elapsed()) + " ms");
}

void SoakHarness::cut()
{
    if (m_stopping)
        return;
    if (m_restarting) { // nothing to cut: every connection just ended
        say("event cut skipped: the broker is restarting");
        return;
    }
    const int i = m_nextProxy++ % int(m_proxies.size());
    FaultProxy *proxy = m_proxies[size_t(i)].get();
    // Every fourth cut lands after a random number of bytes towards the app: mid-packet,
    // mid-TLS record or mid-WebSocket frame.
    if (m_nextProxy % 4 == 0) {
        const qint64 bytes = 1 + QRandomGenerator::global()->bounded(256 * 1024);
        proxy->cutAfterBytes(FaultProxy::Direction::BrokerToClient, bytes);
        say(QByteArray("event cut ") + kNames[size_t(i)] + ": armed after " +
            QByteArray::number(bytes) + " more bytes from the broker");
        return;
    }
    const int active = proxy->activeCount();
    proxy->cutAll();
    if (active > 0)
        ++m_cutCount;
    say(QByteArray("event cut ") + kNames[size_t(i)] + ": " + QByteArray::number(active) +
        " connection(s) aborted");
}

void SoakHarness::printStatus(const char *what)
{
    const QStringList &failures = m_publisher->failures();
    for (; m_failuresSaid < failures.size(); ++m_failuresSaid)
        say("failure " + failures.at(m_failuresSaid).toUtf8());
    const SoakPublisher &p = *m_publisher;
    say(QByteArray(what) + ' ' + QByteArray::number(p.sent()) + ' ' +
        QByteArray::number(p.completed()) + ' ' + QByteArray::number(p.failed()) + ' ' +
        QByteArray::number(p.endedTwice()) + ' ' + QByteArray::number(m_restartCount) + ' ' +
        QByteArray::number(m_cutCount) + ' ' + QByteArray::number(p.connects()));
}

} // namespace mqttdesk
