// The app's live recording against the real mosquitto of tests/fixture: the recorder runs on
// a thread of its own, counts as it goes, and stop() keeps every message that arrived before
// it. A file that cannot be created and a full disk (/dev/full) are named errors.
#include "core/automation/capture_reader.h"
#include "core/automation/capture_recording_job.h"
#include "core/connection/connection.h"

#include "tests/connection/client_probe.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

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

QList<PublishPacket> numbered(const QString &prefix, int count)
{
    QList<PublishPacket> sent;
    for (int i = 0; i < count; ++i) {
        PublishPacket p;
        p.topic = prefix + QStringLiteral("/t%1").arg(i % 3);
        p.qos = QoS::AtLeastOnce;
        p.payload = QByteArray::number(i);
        sent.append(p);
    }
    return sent;
}

} // namespace

class TestCaptureRecordingJob : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void recordsOnItsOwnThreadAndKeepsAllOnStop()
    {
        const QString prefix = QStringLiteral("live/") + TestSettings::uniqueClientId({});
        auto publisher = connected(m_broker, QStringLiteral("pub"));
        auto recorder = connected(m_broker, QStringLiteral("rec"));
        QVERIFY(publisher && recorder);
        QVERIFY(recorder->subscribeAndWait(prefix + QStringLiteral("/#"), QoS::AtLeastOnce));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("live.jsonl"));
        CaptureRecordingJob job(recorder->connection());
        QSignalSpy progress(&job, &CaptureRecordingJob::progress);
        QSignalSpy finished(&job, &CaptureRecordingJob::finished);
        QString error;
        QVERIFY2(job.start(path, QStringLiteral("fixture ") + prefix, &error), qPrintable(error));
        QVERIFY(job.isRecording());
        QCOMPARE(job.filePath(), path);
        // A second start is refused while one runs.
        QString again;
        QVERIFY(!job.start(path, QString(), &again));
        QVERIFY(again.contains(QStringLiteral("already")));

        publisher->connection()->publishBatch(numbered(prefix, 500));
        QVERIFY2(recorder->waitForMessages(500, kTimeoutMs), recorder->describe().constData());
        // The recorder got the same batches as the probe; stop() must write all of them,
        // even those still queued to its thread.
        job.stop();
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(finished.first().at(0).toLongLong(), qint64(500));
        QVERIFY(finished.first().at(1).toString().isEmpty());
        QVERIFY(!job.isRecording());
        QCOMPARE(job.recorded(), qint64(500));
        QVERIFY(!progress.isEmpty());

        const CaptureReader::Result read = CaptureReader::readFile(path);
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.records.size(), 500);
        QCOMPARE(read.source, QStringLiteral("fixture ") + prefix);
        QSet<QByteArray> payloads;
        for (const CaptureRecord &r : read.records)
            payloads.insert(r.payload);
        QCOMPARE(payloads.size(), 500);

        // Messages after the stop are not recorded, and the job can record again.
        const QString second = dir.filePath(QStringLiteral("second.jsonl"));
        QVERIFY2(job.start(second, QString(), &error), qPrintable(error));
        publisher->connection()->publishBatch(numbered(prefix, 10));
        QTRY_COMPARE_WITH_TIMEOUT(job.recorded(), qint64(10), kTimeoutMs);
        job.stop();
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(CaptureReader::readFile(path).records.size(), 500);
        QCOMPARE(CaptureReader::readFile(second).records.size(), 10);
    }

    void aFileThatCannotBeCreatedIsNamed()
    {
        CaptureRecordingJob job(nullptr);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing/dir/x.jsonl"));
        QString error;
        QVERIFY(!job.start(path, QString(), &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(!job.isRecording());
    }

    void aFullDiskEndsTheRecordingWithItsReason()
    {
        if (!QFileInfo(QStringLiteral("/dev/full")).isWritable())
            QSKIP("no /dev/full here");
        const QString prefix = QStringLiteral("full/") + TestSettings::uniqueClientId({});
        auto publisher = connected(m_broker, QStringLiteral("pub"));
        auto recorder = connected(m_broker, QStringLiteral("rec"));
        QVERIFY(publisher && recorder);
        QVERIFY(recorder->subscribeAndWait(prefix + QStringLiteral("/#"), QoS::AtLeastOnce));
        CaptureRecordingJob job(recorder->connection());
        QSignalSpy finished(&job, &CaptureRecordingJob::finished);
        QString error;
        // The header may sit in the file's buffer; the disk refuses it at the first flush.
        if (!job.start(QStringLiteral("/dev/full"), QString(), &error)) {
            QVERIFY2(error.contains(QStringLiteral("/dev/full")), qPrintable(error));
            return;
        }
        // Enough bytes to overflow any write buffer.
        QList<PublishPacket> big;
        for (int i = 0; i < 40; ++i) {
            PublishPacket p;
            p.topic = prefix + QStringLiteral("/big");
            p.qos = QoS::AtLeastOnce;
            p.payload = QByteArray(8192, 'x');
            big.append(p);
        }
        publisher->connection()->publishBatch(big);
        QVERIFY(finished.wait(kTimeoutMs));
        const QString reason = finished.first().at(1).toString();
        QVERIFY2(reason.contains(QStringLiteral("disk may be full")), qPrintable(reason));
        QVERIFY(!job.isRecording());
    }

private:
    TestBroker m_broker;
};

QTEST_GUILESS_MAIN(TestCaptureRecordingJob)
#include "tst_capture_recording_job.moc"
