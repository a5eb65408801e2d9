// HistoryReader's whole-payload read: a large payload (kept in the side table) arrives whole
// on the caller's thread, an empty one as empty, and a row that is gone as NotFound.
#include "core/storage/database.h"
#include "core/storage/database_connection.h"
#include "core/storage/message_eraser.h"
#include "core/storage/message_writer.h"
#include "core/workspace/history_reader.h"
#include "tests/storage/support/message_factory.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace mqttdesk;

class TestHistoryReader : public QObject
{
    Q_OBJECT
private slots:
    void wholePayloadArrivesOnTheCallersThread();
    void goneRowIsNotFound();

private:
    struct Answer
    {
        bool arrived = false;
        QThread *thread = nullptr;
        qint64 id = 0;
        QByteArray bytes;
        StorageError error;
    };
    static HistoryReader::PayloadCallback into(Answer &answer)
    {
        return [&answer](qint64 id, const QByteArray &bytes, const StorageError &error) {
            answer = {true, QThread::currentThread(), id, bytes, error};
        };
    }
};

void TestHistoryReader::wholePayloadArrivesOnTheCallersThread()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.sqlite"));
    Database database(path);
    QVERIFY(!database.open().isError());
    MessageWriter writer(path);
    writer.start();
    QByteArray big(1024 * 1024, '\0');
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char(i * 7 % 251);
    QVERIFY(big.size() > StoredMessage::kLargePayloadThreshold);
    QVERIFY(writer.enqueue(test::makeMessage(1, QStringLiteral("big"), big)));
    QVERIFY(writer.enqueue(test::makeMessage(1, QStringLiteral("empty"), QByteArray())));
    QVERIFY(writer.waitUntilIdle(20000));

    HistoryReader reader(path);
    Answer whole;
    reader.loadPayload(1, into(whole));
    QCOMPARE(reader.pendingRequests(), 1);
    QTRY_VERIFY(whole.arrived);
    QVERIFY2(!whole.error.isError(), qPrintable(whole.error.message));
    QCOMPARE(whole.thread, QThread::currentThread());
    QCOMPARE(whole.id, 1);
    QCOMPARE(whole.bytes, big);

    // An empty payload is not mistaken for a missing row.
    Answer empty;
    reader.loadPayload(2, into(empty));
    QTRY_VERIFY(empty.arrived);
    QVERIFY(!empty.error.isError());
    QVERIFY(empty.bytes.isEmpty());
    writer.stop();
}

void TestHistoryReader::goneRowIsNotFound()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.sqlite"));
    Database database(path);
    QVERIFY(!database.open().isError());
    MessageWriter writer(path);
    writer.start();
    QVERIFY(writer.enqueue(test::makeMessage(1, QStringLiteral("big"), QByteArray(100000, 'x'))));
    QVERIFY(writer.waitUntilIdle(20000));
    writer.stop();
    const StorageError erased = database.connection().transaction(
        [&] { return MessageEraser::eraseUpTo(database.connection(), 1, 1); });
    QVERIFY2(!erased.isError(), qPrintable(erased.detail));

    HistoryReader reader(path);
    Answer gone;
    reader.loadPayload(1, into(gone));
    QTRY_VERIFY(gone.arrived);
    QCOMPARE(gone.error.kind, StorageError::Kind::NotFound);
    QVERIFY(gone.error.message.contains(QStringLiteral("no longer stored")));
    QVERIFY(gone.bytes.isEmpty());
}

QTEST_GUILESS_MAIN(TestHistoryReader)
#include "tst_history_reader.moc"
