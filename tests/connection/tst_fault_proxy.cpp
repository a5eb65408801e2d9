// FaultProxy's own tests, against the real mosquitto (with its packet log on, so what the
// broker received is known exactly): it relays a whole session, cuts before or after the
// chosen packet, holds and releases, black-holes, and still relays a correct session when
// every byte is a write of its own.

#include "tests/connection/client_probe.h"
#include "tests/connection/fault_proxy.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace mqttdesk;
using V = ProtocolVersion;
using Listener = TestBroker::Listener;
using Dir = FaultProxy::Direction;
using Cut = FaultProxy::CutPoint;

Q_DECLARE_METATYPE(mqttdesk::ProtocolVersion)

namespace {

PublishPacket message(const QString &topic, const QByteArray &payload, QoS qos)
{
    PublishPacket p;
    p.topic = topic;
    p.payload = payload;
    p.qos = qos;
    return p;
}

} // namespace

class TstFaultProxy : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestBroker> m_broker;
    std::unique_ptr<FaultProxy> m_proxy;

    ConnectionSettings settings(const QString &clientId, V version = V::V311)
    {
        return TestSettings::forPort(m_proxy->port(), version, clientId);
    }
    // The broker logged that `clientId` is gone (it read end of stream or an error).
    bool waitForBrokerDrop(const QString &clientId, qsizetype from)
    {
        const QByteArray closed = "Client " + clientId.toUtf8() + " closed its connection";
        const QByteArray dropped = "Client " + clientId.toUtf8() + " disconnected";
        return QTest::qWaitFor(
            [&] {
                const QByteArray log = m_broker->log().mid(from);
                return log.contains(closed) || log.contains(dropped);
            },
            10000);
    }
    QByteArray brokerLogFrom(qsizetype from) const { return m_broker->log().mid(from); }

private slots:
    void initTestCase()
    {
        TestBroker::Options options;
        options.debugLog = true;
        options.sysInterval = 0;
        m_broker = std::make_unique<TestBroker>(options);
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    }

    void init()
    {
        m_proxy = std::make_unique<FaultProxy>(TestBroker::host(), m_broker->port(Listener::Plain));
        QVERIFY(m_proxy->listen());
    }
    void cleanup() { m_proxy.reset(); }

    // A whole session through the proxy, first with latency (each way adds to the round
    // trip), then with a throttle on the way back.
    void relaysWithLatencyAndThrottle()
    {
        const QString id = TestSettings::uniqueClientId(QStringLiteral("relay"));
        const QString topic = QStringLiteral("proxy/relay/") + id;
        ClientProbe c(settings(id));
        QVERIFY2(c.connectAndWait(), c.describe());
        QVERIFY(c.subscribeAndWait(topic, QoS::ExactlyOnce));
        QCOMPARE(m_proxy->acceptedCount(), 1);

        m_proxy->setLatency(Dir::ClientToBroker, 100);
        m_proxy->setLatency(Dir::BrokerToClient, 100);
        QElapsedTimer timer;
        timer.start();
        const auto outcome = c.publishAndWait(message(topic, "1", QoS::AtLeastOnce));
        QVERIFY2(outcome && !outcome->error, c.describe());
        // 2 x 100 ms, less the proxy clock's millisecond truncation at each hop.
        QVERIFY2(timer.elapsed() >= 195, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(c.waitForMessages(1), c.describe());

        m_proxy->clearFaults();
        m_proxy->setThrottle(Dir::BrokerToClient, 4000);
        timer.restart();
        QVERIFY(c.publishAndWait(message(topic, QByteArray(2000, 'x'), QoS::AtMostOnce)));
        QVERIFY2(c.waitForMessages(2), c.describe());
        // 2000 bytes at 4000 B/s, the first 200-byte slice going at once.
        QVERIFY2(timer.elapsed() >= 400, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(c.messages().last().message.payload, QByteArray(2000, 'x'));
        QCOMPARE(m_proxy->cutCount(), 0);
        QVERIFY(c.disconnectAndWait());
    }

    // Cut before PUBLISH: the broker never reads it. Cut after: it reads the whole
    // PUBLISH, then loses the client.
    void cutAtClientPacket_data()
    {
        QTest::addColumn<Cut>("point");
        QTest::newRow("before") << Cut::BeforePacket;
        QTest::newRow("after") << Cut::AfterPacket;
    }
    void cutAtClientPacket()
    {
        QFETCH(Cut, point);
        const QString id = TestSettings::uniqueClientId(QStringLiteral("cut"));
        ClientProbe c(settings(id));
        QVERIFY2(c.connectAndWait(), c.describe());
        const qsizetype from = m_broker->log().size();
        QSignalSpy cuts(m_proxy.get(), &FaultProxy::connectionCut);
        m_proxy->cutAtPacket(Dir::ClientToBroker, PacketType::Publish, 1, point);
        c.publish(message(QStringLiteral("proxy/cut/") + id, "payload", QoS::AtLeastOnce));
        QTRY_COMPARE_WITH_TIMEOUT(cuts.size(), 1, 10000);
        QCOMPARE(cuts.first().at(0).value<Dir>(), Dir::ClientToBroker);
        QVERIFY(waitForBrokerDrop(id, from));
        const QByteArray log = brokerLogFrom(from);
        const qsizetype received = log.indexOf(QByteArray("Received PUBLISH from " + id.toUtf8()));
        if (point == Cut::BeforePacket) {
            QVERIFY2(received < 0, log.constData());
        } else {
            QVERIFY2(received >= 0, log.constData());
            QVERIFY(c.waitForState(SessionState::Disconnected));
        }
        QCOMPARE(m_proxy->activeCount(), 0);
    }

    // Cut before CONNACK: the client never sees it; after: it connects, then loses the
    // connection. The signal says how many bytes had passed (a 3.1.1 CONNACK is 4).
    void cutAtBrokerPacket_data()
    {
        QTest::addColumn<Cut>("point");
        QTest::addColumn<qint64>("offset");
        QTest::newRow("before") << Cut::BeforePacket << qint64(0);
        QTest::newRow("after") << Cut::AfterPacket << qint64(4);
    }
    void cutAtBrokerPacket()
    {
        QFETCH(Cut, point);
        QFETCH(qint64, offset);
        const QString id = TestSettings::uniqueClientId(QStringLiteral("cut"));
        ClientProbe c(settings(id));
        QSignalSpy cuts(m_proxy.get(), &FaultProxy::connectionCut);
        m_proxy->cutAtPacket(Dir::BrokerToClient, PacketType::Connack, 1, point);
        c.connection()->connectToBroker();
        QTRY_COMPARE_WITH_TIMEOUT(cuts.size(), 1, 10000);
        QCOMPARE(cuts.first().at(0).value<Dir>(), Dir::BrokerToClient);
        QCOMPARE(cuts.first().at(1).toLongLong(), offset);
        QVERIFY2(c.waitForState(SessionState::Disconnected), c.describe());
        QCOMPARE(c.connacks().size(), point == Cut::AfterPacket ? 1 : 0);
        QVERIFY(!c.errors().isEmpty());
    }

    void cutAfterBytes()
    {
        ClientProbe c(settings(TestSettings::uniqueClientId(QStringLiteral("bytes"))));
        QSignalSpy cuts(m_proxy.get(), &FaultProxy::connectionCut);
        m_proxy->cutAfterBytes(Dir::ClientToBroker, 5); // in the middle of CONNECT
        c.connection()->connectToBroker();
        QTRY_COMPARE_WITH_TIMEOUT(cuts.size(), 1, 10000);
        QCOMPARE(cuts.first().at(1).toLongLong(), qint64(5));
        QVERIFY2(c.waitForState(SessionState::Disconnected), c.describe());
        QVERIFY(c.connacks().isEmpty());
    }

    // Held PUBACK: the broker has sent it, the client has not seen it until release().
    void holdAndRelease()
    {
        const QString id = TestSettings::uniqueClientId(QStringLiteral("hold"));
        ClientProbe c(settings(id));
        QVERIFY2(c.connectAndWait(), c.describe());
        const qsizetype from = m_broker->log().size();
        m_proxy->hold(Dir::BrokerToClient);
        const quint64 token =
            c.publish(message(QStringLiteral("proxy/hold/") + id, "1", QoS::AtLeastOnce));
        QVERIFY(m_broker->waitForLog(QByteArray("Sending PUBACK to " + id.toUtf8()), 10000, from));
        QVERIFY(!c.waitForOutcome(token, 200)); // bounded: it cannot arrive while held
        m_proxy->release(Dir::BrokerToClient);
        const auto outcome = c.waitForOutcome(token);
        QVERIFY2(outcome && !outcome->error, c.describe());
    }

    // Nothing ever answers: the client's CONNACK timeout ends the attempt.
    void blackHoleTimesOut()
    {
        m_proxy->setBlackHole(true);
        ConnectionSettings s = settings(TestSettings::uniqueClientId(QStringLiteral("hole")));
        s.session.connectTimeoutMs = 500;
        ClientProbe c(s);
        QVERIFY(!c.connectAndWait(5000));
        QCOMPARE(m_proxy->acceptedCount(), 1);
        QVERIFY(c.connacks().isEmpty());
        QCOMPARE(c.errors().last().kind, ConnectionError::Kind::Timeout);
    }

    // Every byte its own write, both ways: framing across reads on both ends still gives
    // a correct session, QoS 0, 1 and 2, both versions.
    void splitWritesRelay_data()
    {
        QTest::addColumn<V>("version");
        QTest::newRow("3.1.1") << V::V311;
        QTest::newRow("5.0") << V::V5;
    }
    void splitWritesRelay()
    {
        QFETCH(V, version);
        m_proxy->setSplitWrites(Dir::ClientToBroker, true);
        m_proxy->setSplitWrites(Dir::BrokerToClient, true);
        const QString id = TestSettings::uniqueClientId(QStringLiteral("split"));
        const QString topic = QStringLiteral("proxy/split/") + id;
        ClientProbe c(settings(id, version));
        QVERIFY2(c.connectAndWait(), c.describe());
        QVERIFY(c.subscribeAndWait(topic, QoS::ExactlyOnce));
        const QList<QoS> levels{QoS::AtMostOnce, QoS::AtLeastOnce, QoS::ExactlyOnce};
        for (int i = 0; i < levels.size(); ++i) {
            const auto outcome =
                c.publishAndWait(message(topic, QByteArray::number(i).repeated(50), levels[i]));
            QVERIFY2(outcome && !outcome->error, c.describe());
        }
        QVERIFY2(c.waitForMessages(3), c.describe());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(c.messages().at(i).message.payload, QByteArray::number(i).repeated(50));
        QVERIFY2(c.errors().isEmpty(), c.describe());
        QVERIFY(c.disconnectAndWait());
    }

    // The broker reads end of stream and drops the client, which notices.
    void halfCloseEndsSession()
    {
        const QString id = TestSettings::uniqueClientId(QStringLiteral("half"));
        ClientProbe c(settings(id));
        QVERIFY2(c.connectAndWait(), c.describe());
        const qsizetype from = m_broker->log().size();
        m_proxy->halfClose(Dir::ClientToBroker);
        QVERIFY(waitForBrokerDrop(id, from));
        QVERIFY2(c.waitForState(SessionState::Disconnected), c.describe());
    }
};

QTEST_GUILESS_MAIN(TstFaultProxy)
#include "tst_fault_proxy.moc"
