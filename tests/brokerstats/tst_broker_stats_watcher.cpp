// BrokerStatsWatcher against the real mosquitto of tests/fixture (sys_interval 1): the
// version arrives, a second client raises clients connected, stop() unsubscribes, a
// reconnect restores the feed, and a broker without $SYS is reported silent.

#include "core/brokerstats/broker_stats_watcher.h"
#include "tests/connection/client_probe.h"
#include "tests/connection/fake_broker.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/mosquitto_sub.h"
#include "tests/fixture/test_broker.h"

#include <QSignalSpy>
#include <QTest>

using namespace mqttdesk;
using Listener = TestBroker::Listener;

Q_DECLARE_METATYPE(mqttdesk::ProtocolVersion)

class TstBrokerStatsWatcher : public QObject
{
    Q_OBJECT

private:
    TestBroker m_broker;

    std::unique_ptr<ClientProbe> connectedClient(ProtocolVersion version)
    {
        auto probe = std::make_unique<ClientProbe>(
            TestSettings::forListener(m_broker, Listener::Plain, version));
        if (!probe->connectAndWait())
            return nullptr;
        return probe;
    }

private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void versionAndClients_data()
    {
        QTest::addColumn<ProtocolVersion>("version");
        QTest::newRow("3.1.1") << ProtocolVersion::V311;
        QTest::newRow("5.0") << ProtocolVersion::V5;
    }
    void versionAndClients()
    {
        QFETCH(ProtocolVersion, version);
        auto probe = connectedClient(version);
        QVERIFY(probe);
        BrokerStatsWatcher watcher(probe->connection());
        QSignalSpy subscribed(&watcher, &BrokerStatsWatcher::subscribed);
        QSignalSpy failed(&watcher, &BrokerStatsWatcher::failed);
        watcher.start();
        QVERIFY(subscribed.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(watcher.stats().version.has_value(), 10000);
        QVERIFY(!watcher.stats().version->isEmpty());
        QVERIFY(watcher.stats().version->at(0).isDigit()); // "2.0.11", not "mosquitto version"
        QCOMPARE(watcher.stats().flavour(), BrokerStats::Flavour::Mosquitto);
        QCOMPARE(watcher.status(), BrokerStatsWatcher::Status::Receiving);
        QTRY_VERIFY_WITH_TIMEOUT(watcher.stats().clientsConnected.has_value(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(watcher.stats().uptimeSeconds.has_value(), 10000);
        if (version == ProtocolVersion::V5) {
            // The dashboard's messages carry its subscription identifier.
            bool tagged = false;
            for (const ReceivedMessage &m : probe->messages()) {
                if (m.message.topic.startsWith(QLatin1String("$SYS/")))
                    tagged = m.subscriptionIdentifiers.contains(
                        BrokerStatsWatcher::SubscriptionIdentifier);
            }
            QVERIFY(tagged);
        }

        // Another client connects: clients connected goes up. First the count of this row
        // alone: the first samples may still count the clients of the row before, retained
        // from the broker's last period.
        QTRY_COMPARE_WITH_TIMEOUT(watcher.stats().clientsConnected.value_or(0), qint64(1), 10000);
        const qint64 before = *watcher.stats().clientsConnected;
        MosquittoSub other;
        QVERIFY(other.start(m_broker.port(Listener::Plain), QStringLiteral("watcher/none")));
        QTRY_VERIFY_WITH_TIMEOUT(watcher.stats().clientsConnected.value_or(0) > before, 10000);
        // Rates come from the growing counters (our own $SYS traffic makes them grow).
        QTRY_VERIFY_WITH_TIMEOUT(watcher.stats().rate(BrokerStats::Rate::MessagesSent), 10000);
        QVERIFY(!watcher.stats().topics().isEmpty());
        QCOMPARE(failed.count(), 0);

        // stop(): unsubscribed, no more updates.
        QSignalSpy unsubscribed(&watcher, &BrokerStatsWatcher::unsubscribed);
        watcher.stop();
        QCOMPARE(watcher.status(), BrokerStatsWatcher::Status::Stopped);
        QVERIFY(unsubscribed.wait(10000));
        QSignalSpy updated(&watcher, &BrokerStatsWatcher::changed);
        // Two $SYS periods of another client's traffic: the watcher hears nothing.
        probe->clearMessages();
        MosquittoSub sys;
        QVERIFY(sys.start(m_broker.port(Listener::Plain), QStringLiteral("$SYS/broker/uptime")));
        QVERIFY(sys.waitForMessages(3, 10000));
        QCOMPARE(updated.count(), 0);
        QVERIFY(probe->messages().isEmpty());
    }

    void reconnectResubscribes()
    {
        auto probe = connectedClient(ProtocolVersion::V5);
        QVERIFY(probe);
        BrokerStatsWatcher watcher(probe->connection());
        QSignalSpy subscribed(&watcher, &BrokerStatsWatcher::subscribed);
        watcher.start();
        QVERIFY(subscribed.wait(10000));
        // The user disconnects (the session forgets its subscriptions) and connects again.
        QVERIFY(probe->disconnectAndWait());
        QVERIFY(probe->connectAndWait());
        QTRY_VERIFY_WITH_TIMEOUT(subscribed.count() >= 2, 10000);
        QSignalSpy updated(&watcher, &BrokerStatsWatcher::changed);
        QVERIFY(updated.wait(10000));
        watcher.stop();
    }

    void startBeforeConnecting()
    {
        ClientProbe probe(
            TestSettings::forListener(m_broker, Listener::Plain, ProtocolVersion::V5));
        BrokerStatsWatcher watcher(probe.connection());
        QSignalSpy updated(&watcher, &BrokerStatsWatcher::changed);
        watcher.start();
        QCOMPARE(watcher.status(), BrokerStatsWatcher::Status::Waiting);
        QVERIFY(probe.connectAndWait());
        QVERIFY(updated.wait(10000));
        QVERIFY(watcher.stats().hasAny());
    }

    void silentBroker()
    {
        TestBroker quiet(TestBroker::Options{.sysInterval = 0});
        QVERIFY2(quiet.start(), qPrintable(quiet.errorString()));
        ClientProbe probe(TestSettings::forListener(quiet, Listener::Plain, ProtocolVersion::V5));
        QVERIFY(probe.connectAndWait());
        BrokerStatsWatcher watcher(probe.connection());
        watcher.setSilenceTimeout(1500);
        QSignalSpy silent(&watcher, &BrokerStatsWatcher::silent);
        QSignalSpy updated(&watcher, &BrokerStatsWatcher::changed);
        watcher.start();
        QVERIFY(silent.wait(10000));
        QCOMPARE(watcher.status(), BrokerStatsWatcher::Status::Silent);
        QCOMPARE(updated.count(), 0);
    }

    // A 5.0 server without subscription identifiers (FakeBroker: mosquitto has them): the
    // watcher subscribes again without one instead of reporting a refusal.
    void serverWithoutSubscriptionIdentifiers()
    {
        FakeBroker fake;
        QVERIFY(fake.listen());
        fake.behaviour().connack.properties.setSubscriptionIdentifierAvailable(0);
        ClientProbe probe(TestSettings::forPort(fake.port(), ProtocolVersion::V5));
        QVERIFY(probe.connectAndWait());
        BrokerStatsWatcher watcher(probe.connection());
        QSignalSpy subscribed(&watcher, &BrokerStatsWatcher::subscribed);
        QSignalSpy failed(&watcher, &BrokerStatsWatcher::failed);
        watcher.start();
        QVERIFY(subscribed.wait(10000));
        QCOMPARE(failed.count(), 0);
        const QList<Packet> subscribes = fake.receivedOfType(PacketType::Subscribe);
        QCOMPARE(subscribes.size(), 1);
        const auto &subscribe = std::get<SubscribePacket>(subscribes.first());
        QCOMPARE(subscribe.subscriptions.first().filter, QStringLiteral("$SYS/#"));
        QVERIFY(subscribe.properties.subscriptionIdentifiers().isEmpty());
        PublishPacket version;
        version.topic = QStringLiteral("$SYS/broker/version");
        version.payload = "mosquitto version 2.0.11";
        QVERIFY(fake.send(version));
        QTRY_COMPARE_WITH_TIMEOUT(watcher.stats().version.value_or(QString()),
                                  QStringLiteral("2.0.11"), 10000);
        watcher.stop();
    }
};

QTEST_GUILESS_MAIN(TstBrokerStatsWatcher)
#include "tst_broker_stats_watcher.moc"
