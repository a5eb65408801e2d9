// HistoryExportJob: the whole filtered history exported on a worker thread, with a counted
// total and progress on the caller's thread, in both formats; cancel stops it promptly and
// leaves no file (an existing one unchanged); a failure to write is a typed error.
#include "core/storage/database.h"
#include "core/storage/message_writer.h"
#include "core/workspace/history_export_job.h"
#include "tests/storage/support/history_fixture.h"
#include "tests/storage/support/message_factory.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace mqttdesk;
using mqttdesk::test::HistoryFixture;

class TestHistoryExportJob : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void formatFromFileName();
    void exportsTheWholeFilteredHistory_data();
    void exportsTheWholeFilteredHistory();
    void cancelStopsPromptlyAndLeavesNoFile();
    void unwritableFileIsAnError();
    void destroyingARunningJobStopsIt();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<MessageWriter> m_writer;
    static constexpr int kLarge = 20; // large (side table) payloads after the fixture rows
};

void TestHistoryExportJob::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("x.sqlite"));
    m_database = std::make_unique<Database>(m_path);
    QVERIFY(!m_database->open().isError());
    m_writer = std::make_unique<MessageWriter>(m_path);
    m_writer->start();
    // Several times the fixture, so an export spans many pages.
    for (int round = 0; round < 20; ++round) {
        for (int i = 0; i < HistoryFixture::kCount; ++i)
            QVERIFY(m_writer->enqueue(HistoryFixture::message(i)));
    }
    for (int i = 0; i < kLarge; ++i)
        QVERIFY(m_writer->enqueue(test::makeMessage(1, QStringLiteral("home/big/%1").arg(i),
                                                    QByteArray(200 * 1024, char('a' + i)))));
    QVERIFY(m_writer->waitUntilIdle(60000));
}

void TestHistoryExportJob::cleanupTestCase()
{
    m_writer->stop();
}

void TestHistoryExportJob::formatFromFileName()
{
    QCOMPARE(HistoryExportJob::formatForFile(QStringLiteral("/tmp/a.CSV")),
             HistoryExporter::Format::Csv);
    QCOMPARE(HistoryExportJob::formatForFile(QStringLiteral("/tmp/a.jsonl")),
             HistoryExporter::Format::JsonLines);
    QCOMPARE(HistoryExportJob::formatForFile(QStringLiteral("/tmp/a")),
             HistoryExporter::Format::JsonLines);
}

void TestHistoryExportJob::exportsTheWholeFilteredHistory_data()
{
    QTest::addColumn<QString>("file");
    QTest::addRow("json lines") << QStringLiteral("out.jsonl");
    QTest::addRow("csv") << QStringLiteral("out.csv");
}

void TestHistoryExportJob::exportsTheWholeFilteredHistory()
{
    QFETCH(QString, file);
    const QString target = m_dir.filePath(file);
    HistoryExportJob job(m_path);
    QSignalSpy progress(&job, &HistoryExportJob::progress);
    QSignalSpy finished(&job, &HistoryExportJob::finished);
    HistoryExporter::Options options;
    options.filter.profileId = 1;
    options.filter.topicFilter = QStringLiteral("home/#");
    options.format = HistoryExportJob::formatForFile(target);
    qint64 expected = kLarge;
    for (int i = 0; i < HistoryFixture::kCount; ++i)
        expected += 20 * HistoryFixture::message(i).topic.startsWith(QLatin1String("home/"));
    QVERIFY(job.start(target, options));
    QVERIFY(job.isRunning());
    QVERIFY(!job.start(target, options)); // one at a time
    QVERIFY(finished.wait(60000));
    QVERIFY(!job.isRunning());
    const QList<QVariant> result = finished.first();
    QVERIFY2(!result.at(2).value<StorageError>().isError(),
             qPrintable(result.at(2).value<StorageError>().message));
    QCOMPARE(result.at(1).toBool(), false);
    QCOMPARE(result.at(0).toLongLong(), expected);

    // Counting first (-1), then the counted total with every page, ending at it.
    QVERIFY(progress.size() > 3);
    QCOMPARE(progress.first().at(1).toLongLong(), -1);
    QCOMPARE(progress.last().at(0).toLongLong(), expected);
    QCOMPARE(progress.last().at(1).toLongLong(), expected);

    QFile out(target);
    // Only the user may read it, like the history.
    QCOMPARE(out.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QByteArray data = out.readAll();
    const bool csv = options.format == HistoryExporter::Format::Csv;
    // One line per row (payloads here hold no line breaks), plus the CSV header.
    QCOMPARE(qint64(data.count('\n')), expected + (csv ? 1 : 0));
    if (!csv) {
        // The large payloads are there, whole.
        const QList<QByteArray> lines = data.split('\n');
        const QJsonObject last = QJsonDocument::fromJson(lines.at(lines.size() - 2)).object();
        QCOMPARE(last.value(QStringLiteral("topic")).toString(),
                 QStringLiteral("home/big/%1").arg(kLarge - 1));
        QCOMPARE(last.value(QStringLiteral("payload")).toString().toLatin1(),
                 QByteArray(200 * 1024, char('a' + kLarge - 1)));
    }
}

void TestHistoryExportJob::cancelStopsPromptlyAndLeavesNoFile()
{
    const QString target = m_dir.filePath(QStringLiteral("kept.jsonl"));
    {
        QFile existing(target);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("older export\n");
    }
    HistoryExportJob job(m_path);
    QSignalSpy finished(&job, &HistoryExportJob::finished);
    HistoryExporter::Options options;
    options.filter.profileId = 1;
    options.pageSize = 50; // many pages: the cancel lands in the middle
    bool canceledOnce = false;
    connect(&job, &HistoryExportJob::progress, &job, [&](qint64 written, qint64) {
        if (written > 0 && !canceledOnce) {
            canceledOnce = true;
            job.cancel();
            QVERIFY(job.isCanceling());
        }
    });
    QVERIFY(job.start(target, options));
    QVERIFY(finished.wait(20000));
    QVERIFY(canceledOnce);
    QCOMPARE(finished.first().at(0).toLongLong(), -1);
    QCOMPARE(finished.first().at(1).toBool(), true);
    QVERIFY(!finished.first().at(2).value<StorageError>().isError());
    QVERIFY(!job.isRunning());
    // The existing file is as it was; no temporary file is left beside it.
    QFile kept(target);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("older export\n"));
    const QStringList left = QDir(m_dir.path()).entryList({QStringLiteral("kept*")}, QDir::Files);
    QCOMPARE(left, QStringList{QStringLiteral("kept.jsonl")});

    // The job is usable again.
    options.filter.topicFilter = QStringLiteral("$SYS/#");
    QVERIFY(job.start(m_dir.filePath(QStringLiteral("again.jsonl")), options));
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.last().at(0).toLongLong(), 20);
}

void TestHistoryExportJob::unwritableFileIsAnError()
{
    HistoryExportJob job(m_path);
    QSignalSpy finished(&job, &HistoryExportJob::finished);
    HistoryExporter::Options options;
    options.filter.profileId = 1;
    const QString target = m_dir.filePath(QStringLiteral("missing/folder/out.jsonl"));
    QVERIFY(job.start(target, options));
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().at(0).toLongLong(), -1);
    QCOMPARE(finished.first().at(1).toBool(), false);
    const StorageError error = finished.first().at(2).value<StorageError>();
    QCOMPARE(error.kind, StorageError::Kind::IoError);
    QVERIFY2(error.message.contains(target), qPrintable(error.message));
    QVERIFY(!QFile::exists(target));
}

void TestHistoryExportJob::destroyingARunningJobStopsIt()
{
    const QString target = m_dir.filePath(QStringLiteral("abandoned.jsonl"));
    auto job = std::make_unique<HistoryExportJob>(m_path);
    HistoryExporter::Options options;
    options.filter.profileId = 1;
    options.pageSize = 10;
    QVERIFY(job->start(target, options));
    QSignalSpy progress(job.get(), &HistoryExportJob::progress);
    QVERIFY(progress.wait(20000)); // it is under way
    job.reset();                   // cancels and waits for the worker
    QVERIFY(!QFile::exists(target));
}

QTEST_GUILESS_MAIN(TestHistoryExportJob)
#include "tst_history_export_job.moc"
