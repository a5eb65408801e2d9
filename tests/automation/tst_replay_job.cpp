// Record and replay against the real mosquitto of tests/fixture: 1,000 mixed messages (QoS
// 0/1/2, retained, MQTT 5 properties, binary payloads) are recorded to a capture file, read
// back and replayed under a fresh topic prefix; a subscriber receives byte-identical payloads
// and properties, in order. Also: the original timing is kept (never early), pause and
// resume, QoS override and retain dropped, a lost connection stops the replay.
#include "core/automation/capture_reader.h"
#include "core/automation/capture_recorder.h"
#include "core/automation/replay_job.h"
#include "core/connection/connection.h"
#include "core/protocol/codec.h"

#include "tests/connection/client_probe.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using State = ReplayJob::State;

namespace {

constexpr int kTimeoutMs = 60000;

std::unique_ptr<ClientProbe> connected(const TestBroker &broker, const QString &prefix)
{
    auto probe = std::make_unique<ClientProbe>(
        TestSettings::forListener(broker, TestBroker::Listener::Plain, ProtocolVersion::V5,
                                  TestSettings::uniqueClientId(prefix)));
    if (!probe->connectAndWait())
        return nullptr;
    return probe;
}

// The properties a replayed message keeps: the recorded ones without what the server adds.
Properties comparable(Properties p)
{
    p.remove(PropertyId::TopicAlias);
    p.remove(PropertyId::SubscriptionIdentifier);
    return p;
}

} // namespace

class TestReplayJob : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void recordThenReplayIsByteIdentical()
    {
        const QString id = TestSettings::uniqueClientId(QStringLiteral("rr"));
        const QString source = QStringLiteral("rec/") + id;
        const QString target = QStringLiteral("replayed/") + id;
        auto publisher = connected(m_broker, QStringLiteral("pub"));
        auto recorder = connected(m_broker, QStringLiteral("rec"));
        auto receiver = connected(m_broker, QStringLiteral("rcv"));
        QVERIFY(publisher && recorder && receiver);
        QVERIFY(recorder->subscribeAndWait(source + QStringLiteral("/#"), QoS::ExactlyOnce));
        QVERIFY(receiver->subscribeAndWait(target + QStringLiteral("/#"), QoS::ExactlyOnce));

        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("capture.jsonl")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        CaptureRecorder capture(recorder->connection(), file, 1000);
        QSignalSpy full(&capture, &CaptureRecorder::limitReached);
        QVERIFY(capture.begin(QStringLiteral("fixture")));

        QList<PublishPacket> sent;
        for (int i = 0; i < 1000; ++i) {
            PublishPacket p;
            p.topic = source + QStringLiteral("/t%1").arg(i % 7);
            p.qos = QoS(i % 3);
            if (i % 4 == 0) {
                p.payload = QByteArray(64, '\0');
                for (int b = 0; b < p.payload.size(); ++b)
                    p.payload[b] = char((i * 31 + b * 7) & 0xff); // binary
            } else {
                p.payload = QStringLiteral("{\"n\":%1,\"s\":\"é\"}").arg(i).toUtf8();
            }
            if (i % 5 == 0) {
                p.properties.setContentType(QStringLiteral("application/json"));
                p.properties.addUserProperty(QStringLiteral("n"), QString::number(i));
                p.properties.setCorrelationData(QByteArray::number(i, 16));
            }
            sent.append(p);
        }
        publisher->connection()->publishBatch(sent);
        QVERIFY(!full.isEmpty() || full.wait(kTimeoutMs));
        file.close();
        QCOMPARE(capture.recorded(), qint64(1000));

        const CaptureReader::Result read = CaptureReader::readFile(file.fileName());
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.records.size(), 1000);
        QCOMPARE(read.source, QStringLiteral("fixture"));

        ReplayOptions options;
        options.speed = 0; // as fast as possible
        // Few in flight, so that no queue builds at the broker: mosquitto 2.0 may reorder the
        // messages of a topic it queues for a subscriber (seen with 1,000 at once).
        options.window = 8;
        TopicRewrite::Rule rule;
        QString why;
        QVERIFY(TopicRewrite::parse(QStringLiteral("rec/=replayed/"), &rule, &why));
        options.rewrite.add(rule);
        ReplayJob job(publisher->connection(), read.records, options);
        QSignalSpy states(&job, &ReplayJob::stateChanged);
        job.start();
        QTRY_COMPARE_WITH_TIMEOUT(job.state(), State::Finished, kTimeoutMs);
        QCOMPARE(job.stats().sent, qint64(1000));
        QCOMPARE(job.stats().acknowledged, qint64(1000));
        QCOMPARE(job.stats().failed, qint64(0));
        QVERIFY2(receiver->waitForMessages(1000, kTimeoutMs), receiver->describe().constData());

        // The capture holds what was sent, byte for byte with the properties (in the order
        // the broker delivered it, which under a queue of 1,000 may differ from the order
        // sent: compared per topic and QoS as sorted lists).
        using Entry = QPair<QByteArray, QByteArray>; // payload, comparable property block
        const auto byKey = [](const QString &topic, QoS qos) -> QString {
            return topic + QLatin1Char('|') + QString::number(int(qos));
        };
        const auto block = [](const Properties &p) -> QByteArray {
            const Properties c = comparable(p);
            return c.isEmpty() ? QByteArray() : encodeProperties(c);
        };
        QHash<QString, QList<Entry>> expected;
        for (const PublishPacket &p : std::as_const(sent))
            expected[byKey(p.topic, p.qos)].append({p.payload, block(p.properties)});
        QHash<QString, QList<Entry>> recorded;
        for (const CaptureRecord &r : read.records) {
            Properties props;
            if (!r.properties.isEmpty()) {
                const PropertiesResult decoded = decodeProperties(r.properties);
                QVERIFY(decoded.ok());
                props = decoded.value();
            }
            recorded[byKey(r.topic, QoS(r.qos))].append({r.payload, block(props)});
        }
        QCOMPARE(recorded.keys().size(), expected.keys().size());
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QList<Entry> want = it.value();
            QList<Entry> got = recorded.value(it.key());
            std::sort(want.begin(), want.end());
            std::sort(got.begin(), got.end());
            QVERIFY2(got == want, qPrintable(it.key()));
        }
        // The replay delivers the capture in its order (per topic and QoS, which MQTT keeps
        // [MQTT-4.6.0-6]), byte-identical with the properties.
        QHash<QString, QList<Entry>> captured;
        for (const CaptureRecord &r : read.records) {
            Properties props;
            if (!r.properties.isEmpty())
                props = decodeProperties(r.properties).value();
            captured[byKey(r.topic, QoS(r.qos))].append({r.payload, block(props)});
        }
        QHash<QString, QList<Entry>> replayed;
        for (const ReceivedMessage &m : receiver->messages())
            replayed[byKey(QString(m.message.topic).replace(target, source), m.message.qos)].append(
                {m.message.payload, block(m.message.properties)});
        for (auto it = captured.cbegin(); it != captured.cend(); ++it)
            QVERIFY2(replayed.value(it.key()) == it.value(), qPrintable(it.key()));
        // The replay sent them in the capture's order.
        QCOMPARE(job.packetFor(read.records.at(5)).payload, read.records.at(5).payload);
    }

    void keepsTheOriginalTiming()
    {
        auto publisher = connected(m_broker, QStringLiteral("tim"));
        QVERIFY(publisher);
        // 50 messages 10 ms apart: the replay takes at least the 490 ms of the capture.
        QList<CaptureRecord> records;
        for (int i = 0; i < 50; ++i)
            records.append({1'000'000 + i * 10'000,
                            QStringLiteral("timing/x"),
                            QByteArray::number(i),
                            0,
                            false,
                            {},
                            false});
        ReplayOptions options;
        options.measureLateness = true;
        ReplayJob job(publisher->connection(), records, options);
        QElapsedTimer clock;
        clock.start();
        job.start();
        QTRY_COMPARE_WITH_TIMEOUT(job.state(), State::Finished, kTimeoutMs);
        QVERIFY2(clock.elapsed() >= 485, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(job.lateness().size(), 50);
        for (qint32 late : job.lateness())
            QVERIFY(late >= 0); // never early
    }

    void pauseResumeAndOverrides()
    {
        auto publisher = connected(m_broker, QStringLiteral("pau"));
        auto receiver = connected(m_broker, QStringLiteral("prc"));
        QVERIFY(publisher && receiver);
        const QString topic = QStringLiteral("pause/") + TestSettings::uniqueClientId();
        QVERIFY(receiver->subscribeAndWait(topic, QoS::ExactlyOnce));
        QList<CaptureRecord> records;
        for (int i = 0; i < 20; ++i)
            records.append({i * 20'000, topic, QByteArray::number(i), 0, true, {}, false});
        ReplayOptions options;
        options.qos = 1;
        options.keepRetain = false;
        options.loops = 2;
        ReplayJob job(publisher->connection(), records, options);
        QCOMPARE(job.stats().total, qint64(40));
        QCOMPARE(job.packetFor(records.first()).qos, QoS::AtLeastOnce);
        QVERIFY(!job.packetFor(records.first()).retain);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(job.stats().sent >= 3, kTimeoutMs);
        job.pause();
        QCOMPARE(job.state(), State::Paused);
        const qint64 atPause = job.stats().sent;
        QTRY_COMPARE_WITH_TIMEOUT(job.stats().inFlight, qint64(0), kTimeoutMs);
        QCOMPARE(job.stats().sent, atPause); // nothing goes out while paused
        job.resume();
        QTRY_COMPARE_WITH_TIMEOUT(job.state(), State::Finished, kTimeoutMs);
        QVERIFY(receiver->waitForMessages(40, kTimeoutMs));
        for (const ReceivedMessage &m : receiver->messages()) {
            QCOMPARE(m.message.qos, QoS::AtLeastOnce);
            QVERIFY(!m.message.retain);
        }
        QCOMPARE(receiver->messages().at(20).message.payload, QByteArray("0")); // loop 2
    }

    void notConnectedAndLostConnection()
    {
        auto publisher = connected(m_broker, QStringLiteral("lost"));
        QVERIFY(publisher);
        QList<CaptureRecord> records;
        for (int i = 0; i < 100; ++i)
            records.append({i * 50'000, QStringLiteral("lost/x"), "x", 1, false, {}, false});
        ReplayJob job(publisher->connection(), records, ReplayOptions{});
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(job.stats().sent >= 2, kTimeoutMs);
        QVERIFY(publisher->disconnectAndWait());
        QTRY_COMPARE_WITH_TIMEOUT(job.state(), State::Stopped, kTimeoutMs);
        QVERIFY2(job.stats().lastError.contains(QStringLiteral("lost")),
                 qPrintable(job.stats().lastError));

        ReplayJob late(publisher->connection(), records, ReplayOptions{});
        late.start();
        QCOMPARE(late.state(), State::Stopped);
        QVERIFY(late.stats().lastError.contains(QStringLiteral("connect")));
    }

private:
    TestBroker m_broker;
};

QTEST_GUILESS_MAIN(TestReplayJob)
#include "tst_replay_job.moc"
