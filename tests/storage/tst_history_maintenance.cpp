// HistoryMaintenance on a real SQLite history: the size on disk (database and log), and
// Compact now giving the pages of cleared messages back while the message writer keeps
// writing; a database it cannot open is a named error, not a crash.
#include "core/storage/database.h"
#include "core/storage/history_maintenance.h"
#include "core/storage/message_eraser.h"
#include "core/storage/message_writer.h"
#include "support/message_factory.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using mqttdesk::test::makeMessage;

class TestHistoryMaintenance : public QObject
{
    Q_OBJECT
private slots:
    void measuresDatabaseAndLog();
    void compactGivesClearedPagesBack();
    void unreadableDatabaseIsANamedError();
};

void TestHistoryMaintenance::measuresDatabaseAndLog()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    QCOMPARE(HistoryMaintenance::sizeOnDisk(path), qint64(0));
    Database db(path);
    QVERIFY(!db.open().isError());
    const qint64 expected = QFileInfo(path).size() +
                            QFileInfo(path + QStringLiteral("-wal")).size() +
                            QFileInfo(path + QStringLiteral("-shm")).size();
    QVERIFY(expected > 0);
    QCOMPARE(HistoryMaintenance::sizeOnDisk(path), expected);

    HistoryMaintenance maintenance(path);
    QSignalSpy measured(&maintenance, &HistoryMaintenance::measured);
    maintenance.measure();
    QVERIFY(measured.wait(10000));
    QCOMPARE(measured.first().first().toLongLong(), HistoryMaintenance::sizeOnDisk(path));
}

void TestHistoryMaintenance::compactGivesClearedPagesBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    Database db(path);
    QVERIFY(!db.open().isError());
    MessageWriter writer(path);
    writer.start();
    // About 8 MB on profile 1, a little on profile 2.
    const QByteArray payload(4096, 'x');
    for (int i = 0; i < 2000; ++i)
        QVERIFY(writer.enqueue(makeMessage(1, QStringLiteral("big/%1").arg(i % 10), payload)));
    for (int i = 0; i < 50; ++i)
        QVERIFY(writer.enqueue(makeMessage(2, QStringLiteral("small"), QByteArray::number(i))));
    QVERIFY(writer.waitUntilIdle(60000));
    QVERIFY(!writer.eraseProfile(1, 60000).isError());

    HistoryMaintenance maintenance(path);
    QSignalSpy compacted(&maintenance, &HistoryMaintenance::compacted);
    maintenance.compact();
    QVERIFY(maintenance.isCompacting());
    // The writer goes on meanwhile: it waits for the lock, nothing is lost.
    for (int i = 50; i < 100; ++i)
        QVERIFY(writer.enqueue(makeMessage(2, QStringLiteral("small"), QByteArray::number(i))));
    QVERIFY(compacted.wait(60000));
    QVERIFY(!maintenance.isCompacting());
    const auto error = compacted.first().at(0).value<StorageError>();
    QVERIFY2(!error.isError(), qPrintable(error.detail));
    const qint64 before = compacted.first().at(1).toLongLong();
    const qint64 after = compacted.first().at(2).toLongLong();
    QVERIFY2(before > 8'000'000, qPrintable(QString::number(before)));
    QVERIFY2(after < before / 4, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));

    QVERIFY(writer.waitUntilIdle(60000));
    QSqlQuery query(db.connection().database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM messages WHERE profile_id = 2")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 100);
}

void TestHistoryMaintenance::unreadableDatabaseIsANamedError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    QFile junk(path);
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(8192, '\x5a')); // not a database
    junk.close();
    HistoryMaintenance maintenance(path);
    QSignalSpy compacted(&maintenance, &HistoryMaintenance::compacted);
    maintenance.compact();
    QVERIFY(compacted.wait(30000));
    const auto error = compacted.first().at(0).value<StorageError>();
    QVERIFY(error.isError());
    QVERIFY(!error.message.isEmpty());
}

QTEST_GUILESS_MAIN(TestHistoryMaintenance)
#include "tst_history_maintenance.moc"
