// HistoryReader's whole-payload read: a large payload (kept in the side table) arrives whole
// on the caller's thread, an empty one as empty, and a row that is gone as NotFound. Its
// searches (the stream's) find the rows the indexes have not reached yet.
#include "core/storage/database.h"
#include "core/storage/database_connection.h"
#include "core/storage/message_eraser.h"
#include "core/storage/message_writer.h"
#include "core/workspace/history_reader.h"
#include "tests/storage/support/backlog_fixture.h"
#include "tests/storage/support/message_factory.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>

using namespace mqttdesk;

class TestHistoryReader : public QObject
{
    Q_OBJECT
private slots:
    void wholePayloadArrivesOnTheCallersThread();
    void goneRowIsNotFound();
    void searchReachesTheUnindexedTail();

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

// Pages of a word search, read on the reader's thread as the stream reads them while a
// burst is still being indexed: every match, on both sides of the watermark, both ways.
void TestHistoryReader::searchReachesTheUnindexedTail()
{
    using test::BacklogFixture;
    constexpr int kIndexed = 600;
    constexpr int kCount = 2000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    Database database(path);
    QVERIFY(!database.open().isError());
    {
        MessageWriter writer(path);
        writer.start();
        for (int i = 0; i < kIndexed; ++i)
            QVERIFY(writer.enqueue(BacklogFixture::message(i)));
        QVERIFY(writer.waitUntilIndexed(20000));
    }
    MessageWriter writer(path, BacklogFixture::heldBack());
    writer.start();
    for (int i = kIndexed; i < kCount; ++i)
        QVERIFY(writer.enqueue(BacklogFixture::message(i)));
    QVERIFY(writer.waitUntilIdle(20000));
    QCOMPARE(writer.unindexedCount(), kCount - kIndexed);

    const QList<qint64> want = BacklogFixture::ids(kCount, [](const StoredMessage &m) {
        return m.profileId == 1 && isValidUtf8(m.payload) && m.payload.contains("quasar");
    });
    QVERIFY(want.first() <= kIndexed && want.last() > kIndexed);
    MessageFilter filter;
    filter.profileId = 1;
    filter.text = QStringLiteral("quasar");
    HistoryReader reader(path);
    const auto page = [&](const PageRequest &request, MessagePage *out) {
        bool arrived = false;
        reader.fetch(filter, request, [&](const MessagePage &p, const StorageError &error) {
            QVERIFY2(!error.isError(), qPrintable(error.detail));
            *out = p;
            arrived = true;
        });
        QTRY_VERIFY(arrived);
    };
    QList<qint64> newestFirst;
    MessagePage p;
    page(PageRequest::newest(2), &p);
    for (int guard = 0; guard < kCount; ++guard) {
        for (const StoredMessage &m : std::as_const(p.messages))
            newestFirst << m.id;
        if (!p.hasOlder)
            break;
        page(PageRequest::olderThan(p.messages.constLast().id, 2), &p);
    }
    QList<qint64> oldestFirst;
    page(PageRequest::newerThan(0, 2), &p);
    for (int guard = 0; guard < kCount; ++guard) {
        for (auto it = p.messages.crbegin(); it != p.messages.crend(); ++it)
            oldestFirst << it->id;
        if (!p.hasNewer)
            break;
        page(PageRequest::newerThan(p.messages.constFirst().id, 2), &p);
    }
    QCOMPARE(oldestFirst, want);
    std::reverse(newestFirst.begin(), newestFirst.end());
    QCOMPARE(newestFirst, want);
    QCOMPARE(writer.unindexedCount(), kCount - kIndexed);
}

QTEST_GUILESS_MAIN(TestHistoryReader)
#include "tst_history_reader.moc"
