// The broker capability test's pure parts: the payload search converges on the largest
// size that passes (and costs one step when the limit passes), the largest payload a
// Maximum Packet Size allows, nearest-rank percentiles, what a 5.0 CONNACK announces (with
// the defaults of absent properties), how a line is judged, and the report written as
// JSON (stable keys), Markdown and an aligned text table.
#include "core/probe/latency_summary.h"
#include "core/probe/payload_size_search.h"
#include "core/probe/probe_announcement.h"
#include "core/probe/probe_report.h"
#include "core/protocol/codec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mqttdesk;

namespace {

// Runs a search against a broker that passes sizes up to `threshold`.
PayloadSizeSearch searchWith(qint64 limit, qint64 threshold)
{
    PayloadSizeSearch search(limit);
    for (int guard = 0; guard < 100 && !search.isDone(); ++guard) {
        const qint64 size = search.next();
        search.record(size, size <= threshold);
    }
    return search;
}

const ProbeAnnouncement *find(const QList<ProbeAnnouncement> &list, const char *key)
{
    for (const ProbeAnnouncement &a : list) {
        if (a.key == QLatin1String(key))
            return &a;
    }
    return nullptr;
}

ProbeReport sampleReport()
{
    ProbeReport report;
    report.broker = QStringLiteral("mqtt://broker.example:1883");
    report.topicPrefix = QStringLiteral("mqttdesk/probe/0badc0de");
    report.started = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    report.finished = report.started.addMSecs(2500);
    report.version = ProtocolVersion::V5;
    for (ProbeCheck check : ProbeCheckResult::allChecks()) {
        ProbeCheckResult r;
        r.check = check;
        r.outcome = ProbeOutcome::Supported;
        r.detail = QStringLiteral("fine | really");
        report.setResult(r);
    }
    ProbeCheckResult qos2;
    qos2.check = ProbeCheck::Qos2;
    qos2.outcome = ProbeOutcome::NotSupported;
    qos2.reasonCode = ReasonCode::GrantedQoS1;
    qos2.reasonPacket = PacketType::Suback;
    qos2.detail = QStringLiteral("Downgraded.");
    report.setResult(qos2);
    ConnackInfo connack;
    connack.properties.setMaximumQoS(1);
    connack =
        ConnackInfo::fromPacket(ConnackPacket{false, ReasonCode::Success, connack.properties});
    report.announcements = ProbeAnnouncement::fromConnack(connack, QStringLiteral("id"), 60);
    report.maxPayloadLimit = 65536;
    report.maxPayload = 4061;
    report.latency = LatencySummary::of({100, 200, 300});
    return report;
}

} // namespace

class TestProbeReport : public QObject
{
    Q_OBJECT

private slots:
    void searchFindsTheThreshold_data()
    {
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<qint64>("threshold");
        QTest::newRow("all pass") << qint64(1048576) << qint64(1048576);
        QTest::newRow("4 KiB broker") << qint64(1048576) << qint64(4061);
        QTest::newRow("only empty") << qint64(1000) << qint64(0);
        QTest::newRow("one below the limit") << qint64(1000) << qint64(999);
        QTest::newRow("limit zero") << qint64(0) << qint64(0);
    }
    void searchFindsTheThreshold()
    {
        QFETCH(qint64, limit);
        QFETCH(qint64, threshold);
        const PayloadSizeSearch search = searchWith(limit, threshold);
        QVERIFY(search.isDone());
        QCOMPARE(search.largestPassed(), qMin(limit, threshold));
        QCOMPARE(search.smallestFailed(), threshold >= limit ? -1 : threshold + 1);
        // The limit first, then halving: at most log2(limit) + 2 steps.
        QVERIFY(search.steps() <= 22);
        if (threshold >= limit)
            QCOMPARE(search.steps(), 1);
    }

    void searchWhereNothingPasses()
    {
        const PayloadSizeSearch search = searchWith(1024, -1);
        QVERIFY(search.isDone());
        QCOMPARE(search.largestPassed(), qint64(-1));
        QCOMPARE(search.smallestFailed(), qint64(0));
    }

    void largestPayloadForAPacketSize_data()
    {
        QTest::addColumn<qint64>("maximum");
        QTest::addColumn<bool>("v5");
        QTest::addColumn<bool>("packetId");
        QTest::newRow("4096, 5.0, QoS 1") << qint64(4096) << true << true;
        QTest::newRow("4096, 3.1.1, QoS 0") << qint64(4096) << false << false;
        QTest::newRow("127 (1-byte length)") << qint64(127) << true << true;
        QTest::newRow("130 (length grows)") << qint64(130) << true << true;
        QTest::newRow("16386") << qint64(16386) << false << true;
    }
    void largestPayloadForAPacketSize()
    {
        QFETCH(qint64, maximum);
        QFETCH(bool, v5);
        QFETCH(bool, packetId);
        const QString topic = QStringLiteral("mqttdesk/probe/0123abcd/size/00");
        const qint64 payload =
            PayloadSizeSearch::largestPayloadFor(maximum, topic.toUtf8().size(), v5, packetId);
        QVERIFY(payload >= 0);
        // The codec agrees: that payload fits, one more byte does not.
        auto encodedSize = [&](qint64 n) {
            PublishPacket p;
            p.topic = topic;
            p.payload = QByteArray(qsizetype(n), 'x');
            p.qos = packetId ? QoS::AtLeastOnce : QoS::AtMostOnce;
            p.packetId = packetId ? 1 : 0;
            const EncodeResult encoded =
                tryEncode(p, v5 ? ProtocolVersion::V5 : ProtocolVersion::V311);
            return encoded ? qint64(encoded.value().size()) : qint64(-1);
        };
        QVERIFY(encodedSize(payload) <= maximum);
        QVERIFY(encodedSize(payload + 1) > maximum);
    }

    void percentilesAreNearestRank()
    {
        QList<qint64> samples;
        for (int i = 100; i >= 1; --i)
            samples.append(i * 10);
        const LatencySummary s = LatencySummary::of(samples);
        QCOMPARE(s.samples, 100);
        QCOMPARE(s.minUs, qint64(10));
        QCOMPARE(s.p50Us, qint64(500));
        QCOMPARE(s.p99Us, qint64(990));
        QCOMPARE(s.maxUs, qint64(1000));
        const LatencySummary one = LatencySummary::of({42});
        QCOMPARE(one.p50Us, qint64(42));
        QCOMPARE(one.p99Us, qint64(42));
        QCOMPARE(LatencySummary::of({}).samples, 0);
    }

    void judging()
    {
        QCOMPARE(ProbeCheckResult::judge(std::nullopt, true), ProbeOutcome::Supported);
        QCOMPARE(ProbeCheckResult::judge(std::nullopt, false), ProbeOutcome::NotSupported);
        QCOMPARE(ProbeCheckResult::judge(true, true), ProbeOutcome::Supported);
        QCOMPARE(ProbeCheckResult::judge(true, false), ProbeOutcome::AnnouncedButBroken);
        QCOMPARE(ProbeCheckResult::judge(false, true), ProbeOutcome::AnnouncedButBroken);
        QCOMPARE(ProbeCheckResult::judge(false, false), ProbeOutcome::NotSupported);
    }

    void announcementsOfAnEmptyConnack()
    {
        // Nothing announced: every default applies, and each says so with its citation.
        const ConnackInfo info = ConnackInfo::fromPacket(ConnackPacket{});
        const QList<ProbeAnnouncement> list =
            ProbeAnnouncement::fromConnack(info, QStringLiteral("me"), 45);
        QCOMPARE(list.size(), 10);
        for (const ProbeAnnouncement &a : list) {
            QVERIFY2(!a.present, qPrintable(a.key));
            QVERIFY2(a.note.contains(QString::fromUtf8("§3.2.2.3.")), qPrintable(a.key));
        }
        QCOMPARE(find(list, "maximum_qos")->value.toInt(), 2);
        QCOMPARE(find(list, "retain_available")->value.toBool(), true);
        QVERIFY(find(list, "maximum_packet_size")->value.isNull());
        QCOMPARE(find(list, "topic_alias_maximum")->value.toInt(), 0);
        QVERIFY(find(list, "topic_alias_maximum")->note.contains(QLatin1String("MQTT-3.2.2-18")));
        QCOMPARE(find(list, "receive_maximum")->value.toInt(), 65535);
        QCOMPARE(find(list, "server_keep_alive")->value.toInt(), 45);
        QVERIFY(find(list, "server_keep_alive")->note.contains(QLatin1String("MQTT-3.2.2-22")));
        QVERIFY(find(list, "assigned_client_identifier")->value.isNull());
        QCOMPARE(find(list, "wildcard_subscription_available")->value.toBool(), true);
        QCOMPARE(find(list, "shared_subscription_available")->value.toBool(), true);
        QCOMPARE(find(list, "subscription_identifier_available")->value.toBool(), true);
    }

    void announcementsAsSent()
    {
        Properties p;
        p.setMaximumQoS(1);
        p.setRetainAvailable(0);
        p.setMaximumPacketSize(4096);
        p.setTopicAliasMaximum(10);
        p.setServerKeepAlive(20);
        p.setAssignedClientIdentifier(QStringLiteral("auto-1"));
        p.setSharedSubscriptionAvailable(0);
        const ConnackInfo info =
            ConnackInfo::fromPacket(ConnackPacket{false, ReasonCode::Success, p});
        const QList<ProbeAnnouncement> list = ProbeAnnouncement::fromConnack(info, QString(), 60);
        QVERIFY(find(list, "maximum_qos")->present);
        QCOMPARE(find(list, "maximum_qos")->value.toInt(), 1);
        QCOMPARE(find(list, "retain_available")->value.toBool(), false);
        QCOMPARE(find(list, "maximum_packet_size")->value.toInteger(), 4096);
        QCOMPARE(find(list, "topic_alias_maximum")->value.toInt(), 10);
        QCOMPARE(find(list, "server_keep_alive")->value.toInt(), 20);
        QCOMPARE(find(list, "assigned_client_identifier")->value.toString(),
                 QStringLiteral("auto-1"));
        QCOMPARE(find(list, "shared_subscription_available")->value.toBool(), false);
        QVERIFY(!find(list, "wildcard_subscription_available")->present);
    }

    void reportAsJson()
    {
        const ProbeReport report = sampleReport();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(report.toJson(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject o = doc.object();
        for (const char *key : {"broker", "topic_prefix", "started", "finished", "duration_ms",
                                "protocol_version", "connected", "cancelled", "checks", "announced",
                                "max_payload", "latency", "retained_not_cleared"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(QLatin1String("protocol_version")).toString(), QStringLiteral("5.0"));
        QCOMPARE(o.value(QLatin1String("duration_ms")).toInteger(), 2500);
        const QJsonArray checks = o.value(QLatin1String("checks")).toArray();
        QCOMPARE(checks.size(), ProbeCheckResult::allChecks().size());
        const QJsonObject qos2 = checks.at(int(ProbeCheck::Qos2)).toObject();
        QCOMPARE(qos2.value(QLatin1String("check")).toString(), QStringLiteral("qos2"));
        QCOMPARE(qos2.value(QLatin1String("outcome")).toString(), QStringLiteral("not_supported"));
        QCOMPARE(qos2.value(QLatin1String("reason_code")).toInt(), 1);
        QCOMPARE(qos2.value(QLatin1String("reason")).toString(),
                 QStringLiteral("0x01 Granted QoS 1"));
        const QJsonObject announced = o.value(QLatin1String("announced")).toObject();
        QCOMPARE(announced.value(QLatin1String("maximum_qos"))
                     .toObject()
                     .value(QLatin1String("value"))
                     .toInt(),
                 1);
        QCOMPARE(o.value(QLatin1String("max_payload"))
                     .toObject()
                     .value(QLatin1String("bytes"))
                     .toInteger(),
                 4061);
        const QJsonObject latency = o.value(QLatin1String("latency")).toObject();
        QCOMPARE(latency.value(QLatin1String("p50_ms")).toDouble(), 0.2);
        QCOMPARE(latency.value(QLatin1String("samples")).toInt(), 3);
        // Every check has a key of its own.
        QSet<QString> keys;
        for (ProbeCheck check : ProbeCheckResult::allChecks())
            keys.insert(ProbeCheckResult::key(check));
        QCOMPARE(keys.size(), ProbeCheckResult::allChecks().size());
    }

    void reportAsMarkdownAndText()
    {
        const ProbeReport report = sampleReport();
        const QString md = report.toMarkdown();
        QVERIFY(
            md.startsWith(QLatin1String("# Broker capability test: mqtt://broker.example:1883")));
        QVERIFY(md.contains(QLatin1String(
            "| QoS 2 round trip | **Not supported** | 0x01 Granted QoS 1 | Downgraded. |")));
        QVERIFY(md.contains(QLatin1String("fine \\| really"))); // a pipe does not end the cell
        QVERIFY(md.contains(QLatin1String("| Maximum QoS | yes | 1 |")));
        QVERIFY(md.contains(QLatin1String("4061 bytes")));

        const QString text = report.toText();
        const QStringList lines = text.split(QLatin1Char('\n'));
        // The columns line up: every check line has its result where the header has it.
        qsizetype resultColumn = -1;
        for (const QString &line : lines) {
            if (line.trimmed().startsWith(QLatin1String("Check ")))
                resultColumn = line.indexOf(QLatin1String("Result"));
        }
        QVERIFY(resultColumn > 0);
        int checked = 0;
        for (const QString &line : lines) {
            if (line.contains(QLatin1String("QoS 2 round trip"))) {
                QCOMPARE(line.indexOf(QLatin1String("Not supported")), resultColumn);
                ++checked;
            }
            if (line.contains(QLatin1String("Will message"))) {
                QCOMPARE(line.indexOf(QLatin1String("Supported")), resultColumn);
                ++checked;
            }
        }
        QCOMPARE(checked, 2);
        QVERIFY(text.contains(QLatin1String("p50 0.200 ms")));
    }

    void refusalAndConnection()
    {
        ProbeReport report;
        QVERIFY(!report.connected());
        QVERIFY(!report.refusal());
        ProbeCheckResult refused;
        refused.check = ProbeCheck::ConnectV311;
        refused.outcome = ProbeOutcome::NotSupported;
        refused.reasonCode = ReasonCode::NotAuthorized;
        report.setResult(refused);
        QCOMPARE(report.refusal(), std::optional<ReasonCode>(ReasonCode::NotAuthorized));
        report.version = ProtocolVersion::V311;
        QVERIFY(report.connected());
        QVERIFY(!report.refusal());
    }
};

QTEST_GUILESS_MAIN(TestProbeReport)
#include "tst_probe_report.moc"
