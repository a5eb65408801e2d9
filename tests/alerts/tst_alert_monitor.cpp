// AlertMonitor on a real Connection to the mosquitto fixture: a payload rule fires and clears
// on what the connection receives, on the connection's thread, and its action is published
// (a third client receives it); a silence rule judged against an injected clock; a lost
// connection fires the connection-lost rule while the user's own disconnect does not; new
// rules apply at once from another thread and the active count follows.
#include "core/alerts/alert_monitor.h"
#include "core/connection/connection.h"

#include "tests/connection/client_probe.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

#include <atomic>

using namespace mqttdesk;

namespace {

constexpr int kTimeoutMs = 20000;

// Everything a monitor reports, received (queued) on the test's thread.
class AlertCollector : public QObject
{
public:
    explicit AlertCollector(AlertMonitor *monitor)
    {
        connect(monitor, &AlertMonitor::alertsRaised, this,
                [this](const QList<AlertEvent> &events) {
                    QVERIFY(!events.isEmpty());
                    ++batches;
                    all += events;
                    threadOk = threadOk && QThread::currentThread() == thread();
                });
        connect(monitor, &AlertMonitor::activeCountChanged, this,
                [this](int count) { activeCounts.append(count); });
        connect(monitor, &AlertMonitor::actionFailed, this,
                [this](const QString &, const QString &error) { actionErrors.append(error); });
    }

    QList<AlertEvent> of(AlertEvent::Type type) const
    {
        QList<AlertEvent> out;
        for (const AlertEvent &e : all)
            if (e.type == type)
                out.append(e);
        return out;
    }

    QList<AlertEvent> all;
    int batches = 0;
    QList<int> activeCounts;
    QStringList actionErrors;
    bool threadOk = true;
};

std::unique_ptr<ClientProbe> probe(const TestBroker &broker, const QString &prefix,
                                   bool reconnect = false)
{
    ConnectionSettings settings =
        TestSettings::forListener(broker, TestBroker::Listener::Plain, ProtocolVersion::V5,
                                  TestSettings::uniqueClientId(prefix));
    settings.session.reconnect.enabled = reconnect;
    return std::make_unique<ClientProbe>(settings);
}

PublishPacket message(const QString &topic, const QByteArray &payload)
{
    PublishPacket p;
    p.topic = topic;
    p.payload = payload;
    p.qos = QoS::AtLeastOnce;
    return p;
}

} // namespace

class TestAlertMonitor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void payloadRuleFiresClearsAndPublishes()
    {
        const QString id = TestSettings::uniqueClientId(QStringLiteral("am"));
        const QString base = QStringLiteral("plant/") + id;
        auto watched = probe(m_broker, QStringLiteral("w"));
        auto publisher = probe(m_broker, QStringLiteral("p"));
        auto receiver = probe(m_broker, QStringLiteral("r"));
        QVERIFY(watched->connectAndWait() && publisher->connectAndWait() &&
                receiver->connectAndWait());
        QVERIFY(watched->subscribeAndWait(base + QStringLiteral("/#"), QoS::AtLeastOnce));
        QVERIFY(receiver->subscribeAndWait(QStringLiteral("alerts/") + id + QStringLiteral("/#"),
                                           QoS::AtLeastOnce));

        AlertMonitor *monitor = AlertMonitor::attach(watched->connection());
        QCOMPARE(monitor->thread(), watched->connection()->thread());
        AlertCollector collector(monitor);
        AlertRule hot;
        hot.name = QStringLiteral("Hot");
        hot.filter = base + QStringLiteral("/+/boiler");
        hot.path = QStringLiteral("$.temp");
        hot.op = AlertOperator::Greater;
        hot.threshold = 90;
        hot.action.topic = QStringLiteral("alerts/") + id + QStringLiteral("/{rule}");
        hot.action.payload = QStringLiteral("{\"topic\":\"{topic}\",\"temp\":{value}}");
        hot.action.qos = QoS::AtLeastOnce;
        monitor->setRules({hot});
        QTRY_COMPARE_WITH_TIMEOUT(monitor->rules(), QList<AlertRule>{hot}, kTimeoutMs);

        const QString b1 = base + QStringLiteral("/b1/boiler");
        QVERIFY(publisher->publishAndWait(message(b1, "{\"temp\":80}")));
        QVERIFY(publisher->publishAndWait(message(base + QStringLiteral("/b1/other"),
                                                  "{\"temp\":99}"))); // not the filter
        QVERIFY(publisher->publishAndWait(message(b1, "{\"temp\":93.5}")));
        QTRY_COMPARE_WITH_TIMEOUT(collector.of(AlertEvent::Type::Fired).size(), 1, kTimeoutMs);
        const AlertEvent fired = collector.of(AlertEvent::Type::Fired).first();
        QCOMPARE(fired.ruleName, QStringLiteral("Hot"));
        QCOMPARE(fired.topic, b1);
        QCOMPARE(fired.value, QStringLiteral("93.5"));
        QVERIFY(fired.publish);
        QTRY_COMPARE_WITH_TIMEOUT(monitor->activeCount(), 1, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(collector.activeCounts.contains(1), kTimeoutMs);

        // The message behind it, as the connection delivered it: same sequence and time.
        QVERIFY(watched->waitForMessages(3, kTimeoutMs));
        const ReceivedMessage hotMessage = watched->messages().at(2);
        QCOMPARE(hotMessage.message.topic, b1);
        QCOMPARE(fired.sequence, hotMessage.sequence);
        QCOMPARE(fired.messageTimeUs, hotMessage.receivedUs);

        // The action reached the broker.
        QVERIFY(receiver->waitForMessages(1, kTimeoutMs));
        const ReceivedMessage action = receiver->messages().first();
        QCOMPARE(action.message.topic, QStringLiteral("alerts/") + id + QStringLiteral("/Hot"));
        QCOMPARE(action.message.qos, QoS::AtLeastOnce);
        const QJsonObject body = QJsonDocument::fromJson(action.message.payload).object();
        QCOMPARE(body.value(QStringLiteral("topic")).toString(), b1);
        QCOMPARE(body.value(QStringLiteral("temp")).toDouble(), 93.5);

        QVERIFY(publisher->publishAndWait(message(b1, "{\"temp\":20}")));
        QTRY_COMPARE_WITH_TIMEOUT(collector.of(AlertEvent::Type::Cleared).size(), 1, kTimeoutMs);
        QCOMPARE(collector.of(AlertEvent::Type::Cleared).first().value, QStringLiteral("20"));
        QTRY_COMPARE_WITH_TIMEOUT(monitor->activeCount(), 0, kTimeoutMs);
        QCOMPARE(receiver->messages().size(), 1); // clearing publishes nothing
        QVERIFY(collector.actionErrors.isEmpty());
        QVERIFY(collector.threadOk);
        // One signal per batch that raised something, never an empty one.
        QCOMPARE(collector.batches, 2);
    }

    void silenceAgainstAnInjectedClock()
    {
        const QString topic = QStringLiteral("quiet/") + TestSettings::uniqueClientId();
        auto watched = probe(m_broker, QStringLiteral("s"));
        auto publisher = probe(m_broker, QStringLiteral("sp"));
        QVERIFY(watched->connectAndWait() && publisher->connectAndWait());
        QVERIFY(watched->subscribeAndWait(topic, QoS::AtLeastOnce));
        auto now = std::make_shared<std::atomic<qint64>>(5'000'000);
        AlertMonitor *monitor =
            AlertMonitor::attach(watched->connection(), [now] { return now->load(); });
        AlertCollector collector(monitor);
        AlertRule quiet;
        quiet.name = QStringLiteral("Quiet");
        quiet.kind = AlertKind::Silence;
        quiet.filter = topic;
        quiet.silenceSeconds = 30;
        // Fires one second earlier: proof that the clock was judged at 29 s.
        AlertRule early = quiet;
        early.name = QStringLiteral("Early");
        early.silenceSeconds = 29;
        monitor->setRules({quiet, early});
        // Silences count from when the rules are applied (on the connection's thread).
        QTRY_COMPARE_WITH_TIMEOUT(monitor->rules().size(), 2, kTimeoutMs);
        now->fetch_add(29'000);
        QTRY_COMPARE_WITH_TIMEOUT(collector.all.size(), 1, kTimeoutMs);
        QCOMPARE(collector.all.first().ruleName, QStringLiteral("Early"));
        now->fetch_add(1'000);
        QTRY_COMPARE_WITH_TIMEOUT(collector.all.size(), 2, kTimeoutMs);
        const AlertEvent fired = collector.all.at(1);
        QCOMPARE(fired.ruleName, QStringLiteral("Quiet"));
        QCOMPARE(fired.type, AlertEvent::Type::Fired);
        QCOMPARE(fired.value, QStringLiteral("30"));
        QCOMPARE(fired.timeMs, now->load());
        QCOMPARE(collector.batches, 2);
        QVERIFY(publisher->publishAndWait(message(topic, "x")));
        // One message clears both, in one signal.
        QTRY_COMPARE_WITH_TIMEOUT(collector.all.size(), 4, kTimeoutMs);
        QCOMPARE(collector.of(AlertEvent::Type::Cleared).size(), 2);
        QCOMPARE(collector.all.last().topic, topic);
        QCOMPARE(collector.batches, 3);
    }

    void lossFiresButTheUsersDisconnectDoesNot()
    {
        auto watched = probe(m_broker, QStringLiteral("l"), true);
        QVERIFY(watched->connectAndWait());
        AlertMonitor *monitor = AlertMonitor::attach(watched->connection());
        AlertCollector collector(monitor);
        AlertRule lost;
        lost.name = QStringLiteral("Broker lost");
        lost.kind = AlertKind::ConnectionLost;
        monitor->setRules({lost});
        QTRY_COMPARE_WITH_TIMEOUT(monitor->rules().size(), 1, kTimeoutMs);

        QSignalSpy active(monitor, &AlertMonitor::activeCountChanged);
        watched->connection()->abortConnection();
        QTRY_COMPARE_WITH_TIMEOUT(collector.of(AlertEvent::Type::Fired).size(), 1, kTimeoutMs);
        const AlertEvent fired = collector.of(AlertEvent::Type::Fired).first();
        QCOMPARE(fired.kind, AlertKind::ConnectionLost);
        QVERIFY2(!fired.value.isEmpty(), "the reason");
        // Active until the reconnect, which may come at once: the count went to 1 first.
        QTRY_VERIFY_WITH_TIMEOUT(!active.isEmpty(), kTimeoutMs);
        QCOMPARE(active.first().first().toInt(), 1);
        // It reconnects by itself: cleared.
        QVERIFY(watched->waitForConnectedCount(2, kTimeoutMs));
        QTRY_COMPARE_WITH_TIMEOUT(collector.of(AlertEvent::Type::Cleared).size(), 1, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(monitor->activeCount(), 0, kTimeoutMs);

        // The user's disconnect is no loss.
        QVERIFY(watched->disconnectAndWait());
        QVERIFY(watched->connectAndWait());
        QVERIFY(watched->disconnectAndWait());
        // A marker rule fired by the clock proves the monitor handled everything before.
        AlertRule marker;
        marker.name = QStringLiteral("Marker");
        marker.kind = AlertKind::ConnectionLost;
        QVERIFY(watched->connectAndWait());
        monitor->setRules({lost, marker});
        watched->connection()->abortConnection();
        QTRY_COMPARE_WITH_TIMEOUT(collector.of(AlertEvent::Type::Fired).size(), 3, kTimeoutMs);
        QCOMPARE(collector.of(AlertEvent::Type::Fired).at(1).ruleName,
                 QStringLiteral("Broker lost"));
        QCOMPARE(collector.of(AlertEvent::Type::Fired).at(2).ruleName, QStringLiteral("Marker"));
    }

    void newRulesForgetActiveAlerts()
    {
        const QString topic = QStringLiteral("fr/") + TestSettings::uniqueClientId();
        auto watched = probe(m_broker, QStringLiteral("f"));
        auto publisher = probe(m_broker, QStringLiteral("fp"));
        QVERIFY(watched->connectAndWait() && publisher->connectAndWait());
        QVERIFY(watched->subscribeAndWait(topic, QoS::AtLeastOnce));
        AlertMonitor *monitor = AlertMonitor::attach(watched->connection());
        AlertCollector collector(monitor);
        AlertRule match;
        match.name = QStringLiteral("Error");
        match.filter = topic;
        match.regex = QStringLiteral("ERROR");
        monitor->setRules({match});
        QTRY_COMPARE_WITH_TIMEOUT(monitor->rules().size(), 1, kTimeoutMs);
        QVERIFY(publisher->publishAndWait(message(topic, "an ERROR here")));
        QTRY_COMPARE_WITH_TIMEOUT(monitor->activeCount(), 1, kTimeoutMs);
        monitor->setRules({});
        QTRY_COMPARE_WITH_TIMEOUT(monitor->activeCount(), 0, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(collector.activeCounts, (QList<int>{1, 0}), kTimeoutMs);
        QVERIFY(monitor->rules().isEmpty());
        // Without rules, nothing is judged.
        QVERIFY(publisher->publishAndWait(message(topic, "another ERROR")));
        QVERIFY(watched->waitForMessages(2, kTimeoutMs));
        QCOMPARE(collector.all.size(), 1);
    }

private:
    TestBroker m_broker;
};

QTEST_GUILESS_MAIN(TestAlertMonitor)
#include "tst_alert_monitor.moc"
