// Connection > Import capture…: a capture goes into a profile's history through the real
// MessageWriter and SQLite, losslessly (export it again and the records are the same), never
// faster than the writer stores (a small writer queue drops nothing), and a hostile file
// imports nothing and names its line.
#include "core/automation/capture_import_job.h"
#include "core/automation/capture_reader.h"
#include "core/automation/capture_writer.h"
#include "core/storage/database.h"
#include "core/storage/history_exporter.h"
#include "core/storage/message_writer.h"

#include <QBuffer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

namespace {

constexpr int kTimeoutMs = 120000;

QList<CaptureRecord> mixed(int count)
{
    QList<CaptureRecord> records;
    for (int i = 0; i < count; ++i) {
        CaptureRecord r;
        r.timeUs = 1'700'000'000'000'000LL + qint64(i) * 1000;
        r.topic = QStringLiteral("plant/line%1/temp").arg(i % 5);
        r.qos = quint8(i % 3);
        r.retain = i % 11 == 0;
        r.outgoing = i % 13 == 0;
        if (i % 4 == 0) {
            r.payload = QByteArray(32, '\0');
            for (int b = 0; b < r.payload.size(); ++b)
                r.payload[b] = char((i * 7 + b * 13) & 0xff);
        } else {
            r.payload = QStringLiteral("{\"n\":%1,\"unit\":\"°C\"}").arg(i).toUtf8();
        }
        if (i % 6 == 0)
            r.properties = QByteArray::fromHex("0e03000b6170706c69636174696f6e"); // Content Type
        records.append(r);
    }
    return records;
}

bool writeCapture(const QString &path, const QList<CaptureRecord> &records)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    CaptureWriter writer(file);
    if (!writer.writeHeader(QStringLiteral("test")))
        return false;
    for (const CaptureRecord &r : records)
        if (!writer.write(r))
            return false;
    return true;
}

// The profile's history, exported as JSON Lines and read back as capture records.
QList<CaptureRecord> historyOf(const QString &databasePath, qint64 profileId)
{
    Database db(databasePath);
    if (db.open().isError())
        return {};
    HistoryExporter exporter(db.connection());
    HistoryExporter::Options options;
    options.filter.profileId = profileId;
    QBuffer buffer;
    buffer.open(QIODevice::ReadWrite);
    if (exporter.exportTo(buffer, options) < 0)
        return {};
    buffer.seek(0);
    return CaptureReader::read(buffer).records;
}

} // namespace

class TestCaptureImportJob : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = m_dir->filePath(QStringLiteral("history.sqlite"));
        Database db(m_db);
        QVERIFY(!db.open().isError());
    }

    void importsLosslessly()
    {
        const QList<CaptureRecord> records = mixed(1000);
        const QString path = m_dir->filePath(QStringLiteral("in.jsonl"));
        QVERIFY(writeCapture(path, records));
        MessageWriter writer(m_db);
        writer.start();
        CaptureImportJob job(&writer);
        QSignalSpy finished(&job, &CaptureImportJob::finished);
        QVERIFY(job.start(path, 7));
        QVERIFY(job.isRunning());
        QVERIFY(!job.start(path, 7)); // one at a time
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(finished.first().at(0).toLongLong(), qint64(1000));
        QVERIFY2(finished.first().at(1).toString().isEmpty(),
                 qPrintable(finished.first().at(1).toString()));
        QVERIFY(!job.isRunning());
        QVERIFY(writer.waitUntilIdle(kTimeoutMs));
        const QList<CaptureRecord> stored = historyOf(m_db, 7);
        QCOMPARE(stored.size(), records.size());
        for (qsizetype i = 0; i < records.size(); ++i)
            QCOMPARE(stored.at(i), records.at(i));
        QVERIFY(historyOf(m_db, 8).isEmpty()); // only the chosen profile
    }

    // Far more than the writer's queue holds: the import waits for commits instead of
    // filling it (a full queue would drop the live messages of open connections).
    void followsTheWritersPace()
    {
        const int count = int(CaptureImportJob::kHighWater) * 2 + 500;
        const QString path = m_dir->filePath(QStringLiteral("big.jsonl"));
        QVERIFY(writeCapture(path, mixed(count)));
        MessageWriter::Options options;
        options.queueCapacity = CaptureImportJob::kHighWater + 1000;
        MessageWriter writer(m_db, options);
        QSignalSpy dropped(&writer, &MessageWriter::messagesDropped);
        writer.start();
        CaptureImportJob job(&writer);
        QSignalSpy finished(&job, &CaptureImportJob::finished);
        QSignalSpy progress(&job, &CaptureImportJob::progress);
        QVERIFY(job.start(path, 3));
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(finished.first().at(0).toLongLong(), qint64(count));
        QVERIFY(writer.waitUntilIdle(kTimeoutMs));
        QVERIFY(dropped.isEmpty());
        QCOMPARE(writer.counters(3).stored, qint64(count));
        QVERIFY(progress.size() >= 2);
        QCOMPARE(progress.last().at(0).toLongLong(), qint64(count));
        QCOMPARE(progress.last().at(1).toLongLong(), qint64(count));
    }

    void aHostileFileImportsNothing()
    {
        const QString path = m_dir->filePath(QStringLiteral("bad.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(CaptureWriter::line(mixed(1).first()) + '\n');
        file.write("{\"topic\":\"a\",\"time_us\":1,\"qos\":7}\n");
        file.close();
        MessageWriter writer(m_db);
        writer.start();
        CaptureImportJob job(&writer);
        QSignalSpy finished(&job, &CaptureImportJob::finished);
        QVERIFY(job.start(path, 5));
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(finished.first().at(0).toLongLong(), qint64(0));
        const QString error = finished.first().at(1).toString();
        QVERIFY2(error.contains(QStringLiteral("2")), qPrintable(error)); // the line
        QVERIFY(writer.waitUntilIdle(kTimeoutMs));
        QCOMPARE(writer.counters(5).stored, qint64(0));

        // A missing file is named too.
        finished.clear();
        QVERIFY(job.start(m_dir->filePath(QStringLiteral("missing.jsonl")), 5));
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("missing.jsonl")));
    }

    void cancelKeepsWhatWasHandedOver()
    {
        const QString path = m_dir->filePath(QStringLiteral("cancel.jsonl"));
        QVERIFY(writeCapture(path, mixed(int(CaptureImportJob::kHighWater) * 3)));
        MessageWriter writer(m_db);
        writer.start();
        CaptureImportJob job(&writer);
        QSignalSpy finished(&job, &CaptureImportJob::finished);
        QVERIFY(job.start(path, 9));
        job.cancel();
        QVERIFY(finished.wait(kTimeoutMs));
        const qint64 imported = finished.first().at(0).toLongLong();
        QVERIFY(!finished.first().at(1).toString().isEmpty());
        QVERIFY(writer.waitUntilIdle(kTimeoutMs));
        QCOMPARE(writer.counters(9).stored, imported);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

QTEST_GUILESS_MAIN(TestCaptureImportJob)
#include "tst_capture_import_job.moc"
