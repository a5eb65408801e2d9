// Broker failover against real processes on loopback: a closed port first, then a live
// mosquitto (the connection ends up at the second and its log says so), DNS SRV targets
// from a fake resolver, and MQTT 5 server references (FakeBroker answering CONNACK 0x9C or
// sending DISCONNECT 0x9D with a Server Reference that points at the live mosquitto).

#include "tests/connection/client_probe.h"
#include "tests/connection/fake_broker.h"
#include "tests/connection/fake_srv_resolver.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"

#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace mqttdesk;
using V = ProtocolVersion;
using Listener = TestBroker::Listener;
using Source = BrokerAddress::Source;

namespace {

// A loopback port nothing listens on: bound by the system, then released.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

BrokerAddress loopback(quint16 port, Source source = Source::Fallback)
{
    return BrokerAddress{QStringLiteral("127.0.0.1"), port, TransportOptions::Kind::Tcp, source};
}

// What one connection reported beyond ClientProbe's record: the addresses it tried and the
// server references it was given, on the test thread.
struct Recorder
{
    QList<BrokerAddress> addresses;
    QList<ServerReference> references;

    explicit Recorder(ClientProbe &probe)
    {
        QObject::connect(probe.connection(), &Connection::brokerAddressChanged, &probe,
                         [this](const BrokerAddress &a) { addresses.append(a); });
        QObject::connect(probe.connection(), &Connection::serverReferenceReceived, &probe,
                         [this](const ServerReference &r) { references.append(r); });
    }
};

bool logContains(const ClientProbe &probe, const QString &text)
{
    for (const ConnectionLogEntry &entry : probe.log()) {
        if (entry.text.contains(text))
            return true;
    }
    return false;
}

} // namespace

class TstConnectionFailover : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestBroker> m_broker;

    quint16 livePort() const { return m_broker->port(Listener::Plain); }

private slots:
    void initTestCase()
    {
        m_broker = std::make_unique<TestBroker>();
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    }
    void cleanupTestCase() { m_broker.reset(); }

    void closedPortThenLiveBroker()
    {
        const quint16 closed = closedPort();
        QVERIFY(closed != 0);
        ConnectionSettings s = TestSettings::forListener(*m_broker, Listener::Plain, V::V5);
        s.transport.port = closed;
        s.fallbacks = {loopback(livePort())};
        ClientProbe probe(s);
        Recorder rec(probe);
        QVERIFY2(probe.connectAndWait(), probe.describe().constData());
        QCOMPARE(rec.addresses.size(), 2);
        QCOMPARE(rec.addresses.first(), loopback(closed, Source::Main));
        QCOMPARE(rec.addresses.last(), loopback(livePort()));
        // The failed attempt is a log line, not an error of the connection.
        QVERIFY2(probe.errors().isEmpty(), probe.describe().constData());
        const QString closedAt = QStringLiteral("127.0.0.1:%1").arg(closed);
        const QString liveAt = QStringLiteral("127.0.0.1:%1").arg(livePort());
        QVERIFY2(
            logContains(
                probe,
                QStringLiteral("Trying %1 over TCP (main address, address 1 of 2)").arg(closedAt)),
            probe.describe().constData());
        QVERIFY2(logContains(probe, closedAt + QStringLiteral(" failed")),
                 probe.describe().constData());
        QVERIFY2(logContains(probe, QStringLiteral("Connected to %1 (fallback)").arg(liveAt)),
                 probe.describe().constData());
        QVERIFY(probe.disconnectAndWait());
    }

    void everyAddressFailsOnce()
    {
        const quint16 first = closedPort();
        const quint16 second = closedPort();
        ConnectionSettings s = TestSettings::forPort(first, V::V311);
        s.fallbacks = {loopback(second)};
        ClientProbe probe(s);
        Recorder rec(probe);
        probe.connection()->connectToBroker();
        QVERIFY2(probe.waitForError(), probe.describe().constData());
        QVERIFY(probe.waitForState(SessionState::Disconnected));
        QCOMPARE(rec.addresses.size(), 2); // each once, then the session hears of it
        QCOMPARE(probe.errors().size(), 1);
        QVERIFY2(logContains(probe, QStringLiteral("No other broker address is left to try")),
                 probe.describe().constData());
    }

    void srvTargetsInPriorityOrder()
    {
        const quint16 closed = closedPort();
        auto resolver = std::make_shared<FakeSrvResolver>();
        resolver->setRecords(QStringLiteral("_mqtt._tcp.broker.test"),
                             {{QStringLiteral("127.0.0.1"), livePort(), 10, 5},
                              {QStringLiteral("127.0.0.1"), closed, 0, 5}});
        ConnectionSettings s = TestSettings::forListener(*m_broker, Listener::Plain, V::V5);
        s.transport.host = QStringLiteral("broker.test");
        s.transport.port = 0;
        s.srvLookup = true;
        ClientProbe probe(s);
        probe.connection()->setSrvResolver(resolver);
        Recorder rec(probe);
        QVERIFY2(probe.connectAndWait(), probe.describe().constData());
        QCOMPARE(resolver->lookups(), QStringList{QStringLiteral("_mqtt._tcp.broker.test")});
        QCOMPARE(rec.addresses.size(), 2);
        QCOMPARE(rec.addresses.first(), loopback(closed, Source::Srv));
        QCOMPARE(rec.addresses.last(), loopback(livePort(), Source::Srv));
        QVERIFY2(logContains(probe, QStringLiteral("DNS SRV records of _mqtt._tcp.broker.test")),
                 probe.describe().constData());
        QVERIFY(probe.disconnectAndWait());
    }

    void srvNxdomainEndsTheAttempt()
    {
        auto resolver = std::make_shared<FakeSrvResolver>(); // no answers: NXDOMAIN
        ConnectionSettings s = TestSettings::forPort(1883, V::V311);
        s.transport.host = QStringLiteral("nowhere.test");
        s.srvLookup = true;
        ClientProbe probe(s);
        probe.connection()->setSrvResolver(resolver);
        probe.connection()->connectToBroker();
        QVERIFY2(probe.waitForError(), probe.describe().constData());
        QVERIFY(probe.waitForState(SessionState::Disconnected));
        QVERIFY2(probe.errors().first().message.contains(QLatin1String("NXDOMAIN")),
                 probe.describe().constData());
    }

    void connackUseAnotherServerIsFollowed()
    {
        FakeBroker fake;
        QVERIFY(fake.listen());
        const QString reference = QStringLiteral("127.0.0.1:%1").arg(livePort());
        ConnackPacket refusal{false, ReasonCode::UseAnotherServer, {}};
        refusal.properties.setServerReference(reference);
        fake.behaviour().connack = refusal;
        ClientProbe probe(TestSettings::forPort(fake.port(), V::V5));
        Recorder rec(probe);
        probe.connection()->connectToBroker();
        QVERIFY2(QTest::qWaitFor([&] { return !rec.references.isEmpty(); }, 10000),
                 probe.describe().constData());
        const ServerReference got = rec.references.first();
        QCOMPARE(got.reasonCode, ReasonCode::UseAnotherServer);
        QVERIFY(got.inConnack);
        QCOMPARE(got.text, reference);
        QCOMPARE(got.addresses,
                 QList<BrokerAddress>{loopback(livePort(), Source::ServerReference)});
        QVERIFY(probe.waitForState(SessionState::Disconnected));
        QVERIFY2(logContains(probe, QStringLiteral("names another server")),
                 probe.describe().constData());

        // What the UI does once the user agreed: the connection goes there.
        probe.connection()->followServerReference(got.addresses);
        QVERIFY2(probe.waitForConnectedCount(1), probe.describe().constData());
        QCOMPARE(rec.addresses.last(), loopback(livePort(), Source::ServerReference));
        QVERIFY2(logContains(
                     probe,
                     QStringLiteral("Connected to %1 (from the server reference)").arg(reference)),
                 probe.describe().constData());
        QCOMPARE(fake.connectionCount(), 1); // not back to the server that sent it away
        QVERIFY(probe.disconnectAndWait());
    }

    void disconnectServerMovedIsReported()
    {
        FakeBroker fake;
        QVERIFY(fake.listen());
        ClientProbe probe(TestSettings::forPort(fake.port(), V::V5));
        Recorder rec(probe);
        QVERIFY2(probe.connectAndWait(), probe.describe().constData());
        DisconnectPacket moved;
        moved.reasonCode = ReasonCode::ServerMoved;
        moved.properties.setServerReference(QStringLiteral("[::1]:1 127.0.0.1:%1").arg(livePort()));
        QVERIFY(fake.send(moved));
        QVERIFY2(QTest::qWaitFor([&] { return !rec.references.isEmpty(); }, 10000),
                 probe.describe().constData());
        const ServerReference got = rec.references.first();
        QCOMPARE(got.reasonCode, ReasonCode::ServerMoved);
        QVERIFY(!got.inConnack);
        QCOMPARE(got.addresses.size(), 2);
        QVERIFY(probe.waitForState(SessionState::Disconnected));
        // Followed: the first entry fails (nothing listens on [::1]:1), the second answers.
        probe.connection()->followServerReference(got.addresses);
        QVERIFY2(probe.waitForConnectedCount(2), probe.describe().constData());
        QCOMPARE(rec.addresses.last(), loopback(livePort(), Source::ServerReference));
        QVERIFY(probe.disconnectAndWait());
    }
};

QTEST_GUILESS_MAIN(TstConnectionFailover)
#include "tst_connection_failover.moc"
