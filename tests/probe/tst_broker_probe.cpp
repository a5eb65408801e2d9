// BrokerProbe against the real mosquitto of tests/fixture: as it comes (mosquitto 2.0 does
// everything, and its 5.0 CONNACK announces a Topic Alias Maximum and a Receive Maximum
// only), and restricted (max_qos 1, retain_available false, max_packet_size 4096), where
// the report shows exactly those restrictions and nothing else. Also: the lines come as
// they run, in order; an unreachable broker; cancelling; no retained probe message is left.
#include "core/probe/broker_probe.h"

#include "tests/connection/client_probe.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace mqttdesk;

namespace {

constexpr int kProbeTimeoutMs = 120000;

// Quick settings for the tests: a small payload search, a few pings.
ProbeOptions quickOptions()
{
    ProbeOptions o;
    o.maxPayloadBytes = 64 * 1024;
    o.pings = 5;
    return o;
}

struct Run
{
    ProbeReport report;
    QList<ProbeCheck> started;
    QList<ProbeCheck> finished;
    int announcementSignals = 0;
};

Run runProbe(const ConnectionSettings &settings, const ProbeOptions &options)
{
    Run run;
    BrokerProbe probe(settings, options);
    QObject::connect(&probe, &BrokerProbe::checkStarted,
                     [&run](ProbeCheck check) { run.started.append(check); });
    QObject::connect(&probe, &BrokerProbe::checkFinished,
                     [&run](const ProbeCheckResult &r) { run.finished.append(r.check); });
    QObject::connect(&probe, &BrokerProbe::announcementsReceived,
                     [&run](const QList<ProbeAnnouncement> &) { ++run.announcementSignals; });
    QSignalSpy finished(&probe, &BrokerProbe::finished);
    probe.start();
    if (!finished.wait(kProbeTimeoutMs))
        return run;
    run.report = finished.first().first().value<ProbeReport>();
    return run;
}

QString describe(const ProbeReport &report)
{
    return report.toText();
}

ProbeOutcome outcomeOf(const ProbeReport &report, ProbeCheck check)
{
    const ProbeCheckResult *r = report.result(check);
    return r ? r->outcome : ProbeOutcome::Skipped;
}

const ProbeAnnouncement *announced(const ProbeReport &report, const char *key)
{
    for (const ProbeAnnouncement &a : report.announcements) {
        if (a.key == QLatin1String(key))
            return &a;
    }
    return nullptr;
}

// Whether a retained message is left under `prefix`: what a new subscription gets comes
// before a message published after its SUBACK [MQTT-3.3.1-9].
bool retainedLeftUnder(const TestBroker &broker, const QString &prefix, QString *why)
{
    ClientProbe client(
        TestSettings::forListener(broker, TestBroker::Listener::Plain, ProtocolVersion::V311,
                                  TestSettings::uniqueClientId(QStringLiteral("chk"))));
    if (!client.connectAndWait() ||
        !client.subscribeAndWait(prefix + QStringLiteral("/#"), QoS::AtLeastOnce)) {
        *why = QString::fromUtf8(client.describe());
        return true;
    }
    PublishPacket marker;
    marker.topic = prefix + QStringLiteral("/zz-marker");
    marker.qos = QoS::AtLeastOnce;
    marker.payload = "marker";
    client.publishAndWait(marker);
    if (!client.waitForMessages(1)) {
        *why = QStringLiteral("the marker did not arrive");
        return true;
    }
    const ReceivedMessage &first = client.messages().first();
    *why = first.message.topic;
    return first.message.topic != marker.topic;
}

} // namespace

class TestBrokerProbe : public QObject
{
    Q_OBJECT

private slots:
    void fullMosquitto();
    void restrictedMosquitto();
    void unreachableBroker();
    void refusedEverywhere();
    void cancelInTheMiddle();
};

void TestBrokerProbe::fullMosquitto()
{
    TestBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    const ConnectionSettings settings =
        TestSettings::forListener(broker, TestBroker::Listener::Plain, ProtocolVersion::V311);
    const Run run = runProbe(settings, quickOptions());
    const ProbeReport &report = run.report;
    QVERIFY2(report.finished.isValid(), "no finished()");
    QVERIFY2(report.connected(), qPrintable(describe(report)));
    QCOMPARE(report.version, std::optional<ProtocolVersion>(ProtocolVersion::V5));
    QVERIFY(!report.cancelled);

    // Every line ran and is Supported: mosquitto 2.0 does all of it.
    QCOMPARE(run.started, ProbeCheckResult::allChecks());
    QCOMPARE(run.finished, ProbeCheckResult::allChecks());
    QCOMPARE(report.checks.size(), ProbeCheckResult::allChecks().size());
    for (const ProbeCheckResult &r : report.checks)
        QVERIFY2(r.outcome == ProbeOutcome::Supported,
                 qPrintable(ProbeCheckResult::key(r.check) + QStringLiteral(": ") + r.detail +
                            QStringLiteral("\n") + describe(report)));
    QCOMPARE(report.result(ProbeCheck::ConnectV5)->reasonCode,
             std::optional<ReasonCode>(ReasonCode::Success));
    QCOMPARE(report.result(ProbeCheck::Qos2)->reasonCode,
             std::optional<ReasonCode>(ReasonCode::GrantedQoS2));

    // What mosquitto 2.0 announces: Topic Alias Maximum 10, Receive Maximum 20 and the
    // client id it assigned; the rest is absent, so the defaults apply.
    QCOMPARE(run.announcementSignals, 1);
    QCOMPARE(announced(report, "topic_alias_maximum")->value.toInt(), 10);
    QVERIFY(announced(report, "topic_alias_maximum")->present);
    QCOMPARE(announced(report, "receive_maximum")->value.toInt(), 20);
    QVERIFY(announced(report, "assigned_client_identifier")->present);
    QVERIFY(announced(report, "assigned_client_identifier")
                ->value.toString()
                .startsWith(QLatin1String("auto-")));
    QVERIFY(!announced(report, "maximum_qos")->present);
    QCOMPARE(announced(report, "maximum_qos")->value.toInt(), 2);
    QVERIFY(!announced(report, "retain_available")->present);
    QVERIFY(!announced(report, "maximum_packet_size")->present);

    QCOMPARE(report.maxPayload, std::optional<qint64>(64 * 1024));
    QVERIFY(report.latency);
    QCOMPARE(report.latency->samples, 5);
    QVERIFY(report.latency->p50Us <= report.latency->p99Us);
    QVERIFY(report.retainedNotCleared.isEmpty());
    QVERIFY(report.topicPrefix.startsWith(QLatin1String("mqttdesk/probe/")));
    QString why;
    QVERIFY2(!retainedLeftUnder(broker, report.topicPrefix, &why), qPrintable(why));

    // JSON has the same lines.
    const QJsonObject json = QJsonDocument::fromJson(report.toJson()).object();
    QCOMPARE(json.value(QLatin1String("checks")).toArray().size(), report.checks.size());
    QCOMPARE(json.value(QLatin1String("connected")).toBool(), true);
}

void TestBrokerProbe::restrictedMosquitto()
{
    TestBroker::Options options;
    options.listenerConfig = {QStringLiteral("max_qos 1"), QStringLiteral("retain_available false"),
                              QStringLiteral("max_packet_size 4096")};
    TestBroker broker(options);
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    const ConnectionSettings settings =
        TestSettings::forListener(broker, TestBroker::Listener::Plain, ProtocolVersion::V311);
    const Run run = runProbe(settings, quickOptions());
    const ProbeReport &report = run.report;
    QVERIFY2(report.connected(), qPrintable(describe(report)));
    QCOMPARE(report.version, std::optional<ProtocolVersion>(ProtocolVersion::V5));

    // Announced as configured.
    QVERIFY(announced(report, "maximum_qos")->present);
    QCOMPARE(announced(report, "maximum_qos")->value.toInt(), 1);
    QVERIFY(announced(report, "retain_available")->present);
    QCOMPARE(announced(report, "retain_available")->value.toBool(), false);
    QVERIFY(announced(report, "maximum_packet_size")->present);
    QCOMPARE(announced(report, "maximum_packet_size")->value.toInteger(), 4096);

    // Exactly those restrictions: QoS 2, retained messages, and a payload under 4096.
    const QSet<ProbeCheck> restricted{ProbeCheck::Qos2, ProbeCheck::Retain};
    for (const ProbeCheckResult &r : report.checks) {
        const ProbeOutcome expected =
            restricted.contains(r.check) ? ProbeOutcome::NotSupported : ProbeOutcome::Supported;
        QVERIFY2(r.outcome == expected,
                 qPrintable(ProbeCheckResult::key(r.check) + QStringLiteral(": ") + r.detail +
                            QStringLiteral("\n") + describe(report)));
    }
    const ProbeCheckResult *qos2 = report.result(ProbeCheck::Qos2);
    QVERIFY2(qos2->detail.contains(QLatin1String("Maximum QoS 1")), qPrintable(qos2->detail));
    QCOMPARE(qos2->reasonCode, std::optional<ReasonCode>(ReasonCode::GrantedQoS1)); // downgraded
    QVERIFY2(
        report.result(ProbeCheck::Retain)->detail.contains(QLatin1String("Retain Available 0")),
        qPrintable(report.result(ProbeCheck::Retain)->detail));
    QVERIFY(report.maxPayload);
    QVERIFY2(*report.maxPayload < 4096 && *report.maxPayload > 4000, qPrintable(describe(report)));
    QCOMPARE(report.announcedMaximumPacketSize, std::optional<quint32>(4096));
    QVERIFY(report.retainedNotCleared.isEmpty());
}

void TestBrokerProbe::unreachableBroker()
{
    // A port nobody listens on (taken, then given back).
    quint16 port = 0;
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        port = server.serverPort();
    }
    const ConnectionSettings settings = TestSettings::forPort(port, ProtocolVersion::V311);
    const Run run = runProbe(settings, quickOptions());
    const ProbeReport &report = run.report;
    QVERIFY2(report.finished.isValid(), "no finished()");
    QVERIFY(!report.connected());
    QVERIFY(!report.refusal()); // no CONNACK at all
    QCOMPARE(outcomeOf(report, ProbeCheck::ConnectV31), ProbeOutcome::NotSupported);
    QVERIFY(report.result(ProbeCheck::ConnectV31)->detail.startsWith(QLatin1String("No CONNACK")));
    // Once the server cannot be reached, nothing else is tried.
    for (const ProbeCheckResult &r : report.checks) {
        if (r.check != ProbeCheck::ConnectV31)
            QVERIFY2(r.outcome == ProbeOutcome::Skipped,
                     qPrintable(ProbeCheckResult::key(r.check)));
    }
    QCOMPARE(run.finished.size(), ProbeCheckResult::allChecks().size());
    QVERIFY(report.announcements.isEmpty());
}

void TestBrokerProbe::refusedEverywhere()
{
    // The listener that wants a password, given none: every version gets a CONNACK refusal.
    TestBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    ConnectionSettings settings =
        TestSettings::forListener(broker, TestBroker::Listener::Password, ProtocolVersion::V311);
    settings.session.username.reset();
    settings.session.password.reset();
    const Run run = runProbe(settings, quickOptions());
    const ProbeReport &report = run.report;
    QVERIFY2(report.finished.isValid(), "no finished()");
    QVERIFY(!report.connected());
    QCOMPARE(report.refusal(), std::optional<ReasonCode>(ReasonCode::NotAuthorized));
    for (ProbeCheck check :
         {ProbeCheck::ConnectV31, ProbeCheck::ConnectV311, ProbeCheck::ConnectV5}) {
        QCOMPARE(outcomeOf(report, check), ProbeOutcome::NotSupported);
        QCOMPARE(report.result(check)->reasonCode,
                 std::optional<ReasonCode>(ReasonCode::NotAuthorized));
    }
    QCOMPARE(outcomeOf(report, ProbeCheck::Qos0), ProbeOutcome::Skipped);
    QVERIFY(report.result(ProbeCheck::Qos0)->detail.contains(QLatin1String("no protocol version")));
}

void TestBrokerProbe::cancelInTheMiddle()
{
    TestBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    BrokerProbe probe(
        TestSettings::forListener(broker, TestBroker::Listener::Plain, ProtocolVersion::V311),
        quickOptions());
    QList<ProbeCheck> finishedLines;
    connect(&probe, &BrokerProbe::checkFinished,
            [&finishedLines](const ProbeCheckResult &r) { finishedLines.append(r.check); });
    // Cancelled as the wildcard line starts: the retained line before it is done.
    connect(&probe, &BrokerProbe::checkStarted, &probe, [&probe](ProbeCheck check) {
        if (check == ProbeCheck::Wildcard)
            probe.cancel();
    });
    QSignalSpy finished(&probe, &BrokerProbe::finished);
    probe.start();
    QVERIFY(finished.wait(kProbeTimeoutMs));
    QCOMPARE(finished.size(), 1);
    const ProbeReport report = finished.first().first().value<ProbeReport>();
    QVERIFY(report.cancelled);
    QCOMPARE(outcomeOf(report, ProbeCheck::Retain), ProbeOutcome::Supported);
    for (ProbeCheck check : ProbeCheckResult::allChecks()) {
        if (check < ProbeCheck::Wildcard)
            continue;
        QCOMPARE(outcomeOf(report, check), ProbeOutcome::Skipped);
        QCOMPARE(report.result(check)->detail, QStringLiteral("Cancelled."));
    }
    QCOMPARE(finishedLines.size(), ProbeCheckResult::allChecks().size());
    QVERIFY(!probe.isRunning());
    QVERIFY(probe.isFinished());
    probe.cancel(); // after the end: nothing happens
    QCOMPARE(finished.size(), 1);
    QString why;
    QVERIFY2(!retainedLeftUnder(broker, report.topicPrefix, &why), qPrintable(why));
}

QTEST_GUILESS_MAIN(TestBrokerProbe)
#include "tst_broker_probe.moc"
