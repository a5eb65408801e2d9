// A real mosquitto (persistence true) killed or restarted under connected clients: they
// reconnect by themselves, resubscribe when the broker lost their session, and no QoS 1
// or 2 message is lost; QoS 2 arrives exactly once.

#include "tests/connection/client_probe.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"

#include <QSet>
#include <QTest>

using namespace mqttdesk;
using V = ProtocolVersion;
using Listener = TestBroker::Listener;

Q_DECLARE_METATYPE(mqttdesk::ProtocolVersion)

namespace {

void addVersions()
{
    QTest::addColumn<ProtocolVersion>("version");
    QTest::newRow("3.1") << V::V31;
    QTest::newRow("3.1.1") << V::V311;
    QTest::newRow("5.0") << V::V5;
}

PublishPacket message(const QString &topic, int n, QoS qos)
{
    PublishPacket p;
    p.topic = topic;
    p.payload = QByteArray::number(n);
    p.qos = qos;
    return p;
}

} // namespace

class TstConnectionRestart : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestBroker> m_broker;

    ConnectionSettings settings(ProtocolVersion version, bool persistent)
    {
        ConnectionSettings s = TestSettings::forListener(*m_broker, Listener::Plain, version);
        s.session.reconnect.enabled = true;
        s.session.reconnect.initialDelayMs = 50;
        s.session.reconnect.maximumDelayMs = 300;
        s.session.keepAliveSeconds = 5;
        if (persistent) {
            s.session.cleanStart = false;
            s.session.sessionExpiryInterval = 300;
        }
        return s;
    }

private slots:
    void initTestCase()
    {
        TestBroker::Options options;
        options.persistence = true;
        m_broker = std::make_unique<TestBroker>(options);
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    }

    // A clean-start client: the broker forgets its subscription with the crash, so it
    // must subscribe again before it sends what it queued while offline.
    void killedBrokerResubscribeAndQueue_data() { addVersions(); }
    void killedBrokerResubscribeAndQueue()
    {
        QFETCH(ProtocolVersion, version);
        const QString topic = QStringLiteral("restart/kill/") + TestSettings::uniqueClientId();
        ClientProbe c(settings(version, false));
        QVERIFY(c.connectAndWait());
        QVERIFY(c.subscribeAndWait(topic + QStringLiteral("/#"), QoS::ExactlyOnce));

        m_broker->kill();
        QVERIFY2(c.waitForState(SessionState::ReconnectWaiting, 10000) ||
                     c.waitForState(SessionState::Connecting, 10000),
                 c.describe());
        QList<quint64> tokens;
        for (int i = 0; i < 10; ++i)
            tokens.append(c.publish(message(topic + QStringLiteral("/m"), i,
                                            i % 2 ? QoS::ExactlyOnce : QoS::AtLeastOnce)));
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
        QVERIFY2(c.waitForConnectedCount(2, 15000), c.describe());
        QVERIFY(!c.connacks().last().sessionPresent);
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         for (const SubscribeResult &r : c.subscribeResults())
                             if (r.resubscribe && !r.error)
                                 return true;
                         return false;
                     },
                     10000),
                 c.describe());
        for (quint64 token : tokens) {
            const auto outcome = c.waitForOutcome(token);
            QVERIFY2(outcome && !outcome->error, c.describe());
        }
        QVERIFY2(c.waitForMessages(10), c.describe());
        // Every message arrives; QoS 1 and QoS 2 flows complete at their own pace, so only
        // the set is compared.
        QSet<QByteArray> payloads;
        for (const ReceivedMessage &m : c.messages())
            payloads.insert(m.message.payload);
        QCOMPARE(payloads.size(), 10);
    }

    // Persistent sessions survive a broker restart (persistence true): messages stored for
    // an offline subscriber, and messages a publisher queued while the broker was down, all
    // arrive, QoS 2 exactly once.
    void restartedBrokerKeepsSessions_data() { addVersions(); }
    void restartedBrokerKeepsSessions()
    {
        QFETCH(ProtocolVersion, version);
        const QString topic = QStringLiteral("restart/keep/") + TestSettings::uniqueClientId();
        ClientProbe subscriber(settings(version, true));
        QVERIFY(subscriber.connectAndWait());
        QVERIFY(subscriber.subscribeAndWait(topic, QoS::ExactlyOnce));
        QVERIFY(subscriber.disconnectAndWait());

        ClientProbe publisher(settings(version, true));
        QVERIFY(publisher.connectAndWait());
        auto qosFor = [](int i) { return i % 2 ? QoS::ExactlyOnce : QoS::AtLeastOnce; };
        for (int i = 0; i < 5; ++i)
            QVERIFY(publisher.publishAndWait(message(topic, i, qosFor(i))));

        QVERIFY2(m_broker->stop(), qPrintable(m_broker->errorString()));
        QVERIFY2(publisher.waitForState(SessionState::ReconnectWaiting, 10000) ||
                     publisher.waitForState(SessionState::Connecting, 10000),
                 publisher.describe());
        QList<quint64> queued;
        for (int i = 5; i < 10; ++i)
            queued.append(publisher.publish(message(topic, i, qosFor(i))));
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
        QVERIFY2(publisher.waitForConnectedCount(2, 15000), publisher.describe());
        for (quint64 token : queued) {
            const auto outcome = publisher.waitForOutcome(token);
            QVERIFY2(outcome && !outcome->error, publisher.describe());
        }

        QVERIFY(subscriber.connectAndWait());
        if (version != V::V31)
            QVERIFY(subscriber.connacks().last().sessionPresent);
        QVERIFY2(subscriber.waitForMessages(10), subscriber.describe());
        for (int i = 0; i < 10; ++i) {
            int seen = 0;
            for (const ReceivedMessage &m : subscriber.messages())
                seen += m.message.payload == QByteArray::number(i) ? 1 : 0;
            if (qosFor(i) == QoS::ExactlyOnce)
                QCOMPARE(seen, 1);
            else
                QVERIFY2(seen >= 1, qPrintable(QString::number(i)));
        }
        // The subscription survived with the session: no resubscribe was needed.
        for (const SubscribeResult &r : subscriber.subscribeResults())
            QVERIFY(!r.resubscribe);
    }
};

QTEST_GUILESS_MAIN(TstConnectionRestart)
#include "tst_connection_restart.moc"
