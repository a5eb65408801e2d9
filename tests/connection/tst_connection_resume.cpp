// The app restarts (a new Session for the same profile) and asks to keep its session:
// with mosquitto holding it, Session Present 1 is the normal answer and the messages the
// broker queued meanwhile are all delivered, once (issue: 5.0 called it a violation).
// Turning "resume" off starts a new session instead, as the profile setting says.

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

constexpr int kQueued = 3000; // numbered QoS 1 messages queued while the app is closed

} // namespace

class TstConnectionResume : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestBroker> m_broker;

    ConnectionSettings settings(ProtocolVersion version, const QString &clientId)
    {
        ConnectionSettings s =
            TestSettings::forListener(*m_broker, Listener::Plain, version, clientId);
        s.session.cleanStart = false;
        if (version == V::V5)
            s.session.sessionExpiryInterval = 86400;
        s.session.reconnect.enabled = true;
        s.session.reconnect.initialDelayMs = 50;
        s.session.reconnect.maximumDelayMs = 300;
        return s;
    }

    // Run 1 of the app: subscribes with a persistent session, then closes (DISCONNECT).
    // While it is closed, a publisher sends kQueued numbered QoS 1 messages.
    void firstRunThenQueue(ProtocolVersion version, const QString &clientId, const QString &topic)
    {
        {
            ClientProbe first(settings(version, clientId));
            QVERIFY2(first.connectAndWait(), first.describe());
            QVERIFY(!first.connacks().last().sessionPresent);
            QVERIFY(first.subscribeAndWait(topic + QStringLiteral("/#"), QoS::AtLeastOnce));
            QVERIFY(first.disconnectAndWait());
        }
        ClientProbe publisher(TestSettings::forListener(*m_broker, Listener::Plain, version));
        QVERIFY2(publisher.connectAndWait(), publisher.describe());
        QList<quint64> tokens;
        for (int i = 0; i < kQueued; ++i) {
            PublishPacket p;
            p.topic = topic + QStringLiteral("/n");
            p.payload = QByteArray::number(i);
            p.qos = QoS::AtLeastOnce;
            tokens.append(publisher.publish(p));
        }
        for (quint64 token : tokens) {
            const auto outcome = publisher.waitForOutcome(token, 30000);
            if (!outcome || outcome->error) // describe() only then: it is not cheap
                QFAIL(publisher.describe().constData());
        }
    }

private slots:
    void initTestCase()
    {
        m_broker = std::make_unique<TestBroker>();
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    }

    void restartResumesAndDeliversQueued_data()
    {
        QTest::addColumn<ProtocolVersion>("version");
        QTest::newRow("3.1.1") << V::V311;
        QTest::newRow("5.0") << V::V5;
    }
    void restartResumesAndDeliversQueued()
    {
        QFETCH(ProtocolVersion, version);
        const QString clientId = TestSettings::uniqueClientId(QStringLiteral("resume"));
        const QString topic = QStringLiteral("resume/") + clientId;
        firstRunThenQueue(version, clientId, topic);
        if (QTest::currentTestFailed())
            return;

        // Run 2: a new Session object, as after an app restart, with the profile's default
        // (adopt the server's session).
        ClientProbe second(settings(version, clientId));
        QVERIFY(second.connection());
        QVERIFY2(second.connectAndWait(), second.describe());
        QVERIFY2(second.connacks().last().sessionPresent, second.describe());
        QVERIFY2(second.waitForMessages(kQueued, 60000),
                 QByteArray(QByteArray::number(second.messages().size()) + " of " +
                            QByteArray::number(kQueued) + "\n" + second.describe())
                     .constData());
        QSet<int> numbers;
        for (const ReceivedMessage &m : second.messages())
            numbers.insert(m.message.payload.toInt());
        QCOMPARE(numbers.size(), kQueued);
        QCOMPARE(second.messages().size(), kQueued); // no duplicates either
        QVERIFY2(second.errors().isEmpty(), second.describe());
        QCOMPARE(second.connacks().size(), 1); // connected once: no violation, no retries
    }

    // Resume off: the first connection of the run starts a new session (Clean Start 1), so
    // nothing of the earlier run is delivered and no protocol violation is reported.
    void resumeOffStartsFresh()
    {
        const QString clientId = TestSettings::uniqueClientId(QStringLiteral("fresh"));
        const QString topic = QStringLiteral("resume/") + clientId;
        firstRunThenQueue(V::V5, clientId, topic);
        if (QTest::currentTestFailed())
            return;
        ConnectionSettings s = settings(V::V5, clientId);
        s.session.adoptServerSession = false;
        ClientProbe second(s);
        QVERIFY2(second.connectAndWait(), second.describe());
        QVERIFY(!second.connacks().last().sessionPresent);
        QVERIFY2(second.errors().isEmpty(), second.describe());
        // A marker published now arrives only if the old subscription were still there;
        // with the new session it does not, and the queued messages are gone too.
        QVERIFY(second.subscribeAndWait(topic + QStringLiteral("/marker"), QoS::AtLeastOnce));
        ClientProbe publisher(TestSettings::forListener(*m_broker, Listener::Plain, V::V5));
        QVERIFY(publisher.connectAndWait());
        PublishPacket marker;
        marker.topic = topic + QStringLiteral("/marker");
        marker.payload = "marker";
        marker.qos = QoS::AtLeastOnce;
        QVERIFY(publisher.publishAndWait(marker));
        QVERIFY2(second.waitForMessages(1), second.describe());
        QCOMPARE(second.messages().size(), 1);
        QCOMPARE(second.messages().first().message.payload, QByteArray("marker"));
    }
};

QTEST_GUILESS_MAIN(TstConnectionResume)
#include "tst_connection_resume.moc"
