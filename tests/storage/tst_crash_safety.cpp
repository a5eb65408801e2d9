#include "core/storage/database.h"
#include "core/storage/message_writer.h"

#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

// kill -9 during a flood: the file must be intact and hold every id the child reported
// as committed.
class TestCrashSafety : public QObject
{
    Q_OBJECT
private slots:
    void killDuringFloodKeepsCommittedRows();
};

void TestCrashSafety::killDuringFloodKeepsCommittedRows()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("crash.sqlite"));

    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QStringLiteral(MQTTDESK_FLOOD_HELPER), {path});
    QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));

    QByteArray output;
    qint64 highest = 0;
    const auto readCommitted = [&] {
        output += child.readAllStandardOutput();
        const QList<QByteArray> lines = output.split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            bool ok = false;
            const qint64 id = lines.at(i).toLongLong(&ok);
            if (ok)
                highest = qMax(highest, id);
        }
        return highest;
    };
    // Wait until a good number of batches are committed, then kill mid-flood.
    QTRY_VERIFY_WITH_TIMEOUT(readCommitted() >= 60000, 60000);
    child.kill(); // SIGKILL
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    readCommitted();
    QVERIFY(highest >= 60000);

    Database database(path);
    const StorageError error = database.open();
    QVERIFY2(!error.isError(), qPrintable(error.message + error.detail));
    QString report;
    QVERIFY2(database.checkIntegrity(&report), qPrintable(report));

    QSqlQuery query(database.connection().database());
    // Ids are assigned contiguously from 1, so every committed id is present iff the count
    // of rows up to the highest reported id equals that id.
    QVERIFY(
        query.exec(QStringLiteral("SELECT count(*) FROM messages WHERE id <= %1").arg(highest)));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), highest);
    // Counters were committed in the same transactions as the rows.
    QVERIFY(query.exec(QStringLiteral(
        "SELECT (SELECT sum(stored) FROM profile_counters), (SELECT count(*) FROM messages)")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), query.value(1).toLongLong());
    // The indexer's watermark never runs ahead of the committed rows.
    QVERIFY(query.exec(QStringLiteral("SELECT indexed_upto FROM message_index_state")));
    QVERIFY(query.next());
    QVERIFY(query.value(0).toLongLong() <= highest || highest == 0);
    query.finish();
    // A new writer indexes what the killed one had not reached; then every flood payload
    // (all text) must be in the full-text index exactly.
    {
        MessageWriter writer(path);
        writer.start();
        QVERIFY(writer.waitUntilIndexed(120000));
        QCOMPARE(writer.unindexedCount(), 0);
    }
    QVERIFY2(query.exec(
                 QStringLiteral("INSERT INTO message_fts(message_fts) VALUES ('integrity-check')")),
             qPrintable(query.lastError().text()));
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crash_safety.moc"
