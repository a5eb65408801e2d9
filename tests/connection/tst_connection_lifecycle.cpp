// The reconnect loop against the real mosquitto: an error that retrying cannot fix (a
// certificate from an unknown CA, a key file that cannot be read, a wrong passphrase) ends
// the connection with one error and no reconnect, although auto-reconnect is on; a transient
// one (the server closes at once) keeps backing off and says when and which attempt comes
// next, until the user cancels. The TCP connections are counted by a forwarder in front of
// the broker.

#include "tests/connection/client_probe.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"
#include "tests/fixture/test_pki.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace mqttdesk;
using Listener = TestBroker::Listener;

namespace {

constexpr int kWait = 15000;

// Accepts on 127.0.0.1 and counts each TCP connection; pipes it to `upstreamPort`, or closes
// it at once when that is 0.
class CountingForwarder : public QObject
{
public:
    explicit CountingForwarder(quint16 upstreamPort)
        : m_upstreamPort(upstreamPort)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection())
                accept(client);
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    int accepted() const { return m_accepted; }

private:
    void accept(QTcpSocket *client)
    {
        ++m_accepted;
        client->setParent(this);
        if (m_upstreamPort == 0) {
            client->abort();
            client->deleteLater();
            return;
        }
        auto *upstream = new QTcpSocket(client);
        connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] {
            if (upstream->state() == QAbstractSocket::ConnectedState)
                upstream->write(client->readAll());
        });
        connect(upstream, &QTcpSocket::connected, client,
                [client, upstream] { upstream->write(client->readAll()); });
        connect(upstream, &QTcpSocket::readyRead, client,
                [client, upstream] { client->write(upstream->readAll()); });
        connect(upstream, &QTcpSocket::disconnected, client, [client] {
            client->disconnectFromHost();
            client->deleteLater();
        });
        connect(client, &QTcpSocket::disconnected, upstream,
                [upstream] { upstream->disconnectFromHost(); });
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
    }

    QTcpServer m_server;
    quint16 m_upstreamPort;
    int m_accepted = 0;
};

ConnectionSettings reconnecting(ConnectionSettings s, quint16 port)
{
    s.transport.host = QStringLiteral("127.0.0.1"); // in the test certificate's names
    s.transport.port = port;
    s.session.reconnect.enabled = true;
    s.session.reconnect.retryFirstConnect = true;
    s.session.reconnect.initialDelayMs = 50;
    s.session.reconnect.maximumDelayMs = 400;
    return s;
}

bool loggedNotReconnecting(const ClientProbe &c)
{
    for (const ConnectionLogEntry &e : c.log()) {
        if (e.text.contains(QStringLiteral("not reconnecting")))
            return true;
    }
    return false;
}

} // namespace

class TstConnectionLifecycle : public QObject
{
    Q_OBJECT

private:
    TestBroker m_broker;

private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void permanentErrorStopsTheLoop_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("tcpPerAttempt"); // file problems fail before any connection
        QTest::newRow("unknown CA") << 0 << QStringLiteral("TlsUnknownCa") << 1;
        QTest::newRow("key file missing") << 1 << QStringLiteral("FileUnreadable") << 0;
        QTest::newRow("wrong passphrase") << 2 << QStringLiteral("WrongPassphrase") << 0;
    }
    void permanentErrorStopsTheLoop()
    {
        QFETCH(int, scenario);
        QFETCH(QString, kind);
        QFETCH(int, tcpPerAttempt);
        const TestPki &pki = m_broker.pki();
        const Listener listener = scenario == 0 ? Listener::Tls : Listener::MutualTls;
        CountingForwarder forwarder(m_broker.port(listener));
        QVERIFY(forwarder.listen());
        ConnectionSettings s = reconnecting(
            TestSettings::forListener(m_broker, listener, ProtocolVersion::V311), forwarder.port());
        if (scenario == 0)
            s.transport.tls.caFiles.clear(); // the system CAs do not know the test CA
        if (scenario == 1)
            s.transport.tls.clientKeyFile = pki.dir() + QStringLiteral("/no-such.key");
        if (scenario == 2) {
            s.transport.tls.clientKeyFile = pki.clientKeyEncrypted();
            s.transport.tls.keyPassphrase = QByteArrayLiteral("not-the-passphrase");
        }
        ClientProbe c(s);

        // Two user connects, each ending Disconnected after one error. Had the first one left
        // a reconnect behind, its ReconnectWaiting and extra Connecting would be in the states,
        // and its extra TCP connection in the count.
        for (int round = 1; round <= 2; ++round) {
            c.connection()->connectToBroker();
            QVERIFY2(c.waitForStateCount(SessionState::Disconnected, round, kWait),
                     c.describe().constData());
            QVERIFY2(c.errors().size() == round, c.describe().constData());
            const ConnectionError &e = c.errors().last();
            QCOMPARE(ConnectionError::kindName(e.kind), QStringLiteral("Transport"));
            QVERIFY(e.transportError);
            QCOMPARE(TransportError::kindName(e.transportError->kind), kind);
            QVERIFY(e.transportError->isPermanent());
            QCOMPARE(forwarder.accepted(), round * tcpPerAttempt);
        }
        QCOMPARE(c.states(),
                 (QList<SessionState>{SessionState::Connecting, SessionState::Disconnected,
                                      SessionState::Connecting, SessionState::Disconnected}));
        QVERIFY(c.scheduledReconnects().isEmpty());
        QCOMPARE(c.connection()->state(), SessionState::Disconnected);
        QVERIFY2(loggedNotReconnecting(c), c.describe().constData());
    }

    void transientErrorBacksOffUntilCancelled()
    {
        CountingForwarder closer(0); // accepts and closes: the server went away
        QVERIFY(closer.listen());
        ClientProbe c(
            reconnecting(TestSettings::forPort(closer.port(), ProtocolVersion::V5), closer.port()));
        c.connection()->connectToBroker();
        QTRY_VERIFY_WITH_TIMEOUT(c.scheduledReconnects().size() >= 3, kWait);
        for (int i = 0; i < 3; ++i) {
            const qint64 delay = c.scheduledReconnects().at(i).delayMs;
            QCOMPARE(c.scheduledReconnects().at(i).attempt, i + 1);
            // initialDelay * 2^(attempt - 1), capped, less at most 25 % jitter.
            const qint64 base = qMin<qint64>(400, 50ll << i);
            QVERIFY2(delay <= base && delay >= qMax<qint64>(50, base * 3 / 4),
                     qPrintable(QString::number(delay)));
        }
        QVERIFY(c.states().contains(SessionState::ReconnectWaiting));
        QVERIFY(!loggedNotReconnecting(c));

        c.connection()->disconnectFromBroker();
        QVERIFY2(c.waitForState(SessionState::Disconnected, kWait), c.describe().constData());
        // Disconnected with no timer left on the connection: nothing can start another
        // attempt. Its timers live on its thread, which is idle now and wrote them before the
        // stateChanged we just received.
        for (const QTimer *timer : c.connection()->findChildren<QTimer *>())
            QVERIFY2(!timer->isActive(), qPrintable(timer->objectName()));
        // One TCP connection per attempt (the last one may still be in the listen queue).
        const int connecting = int(c.states().count(SessionState::Connecting));
        QTRY_COMPARE_WITH_TIMEOUT(closer.accepted(), connecting, kWait);
        QCOMPARE(c.connection()->state(), SessionState::Disconnected);
    }
};

QTEST_GUILESS_MAIN(TstConnectionLifecycle)
#include "tst_connection_lifecycle.moc"
