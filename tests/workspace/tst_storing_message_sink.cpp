// StoringMessageSink's stored reports, which the connection waits for before acknowledging
// received QoS 1/2 messages, against a real MessageWriter and SQLite database: every batch
// is reported once its commit is done, also when the writer commits it before the sink has
// recorded that the batch waits (the lost report that stalled a flood: with the server's
// window full of unacknowledged messages, no later commit would ever come to report it).

#include "core/storage/database.h"
#include "core/storage/message_writer.h"
#include "core/workspace/storing_message_sink.h"

#include <QMutex>
#include <QMutexLocker>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

MessageBatch batchOf(quint64 firstSequence, int count)
{
    MessageBatch batch;
    for (int i = 0; i < count; ++i) {
        ReceivedMessage received;
        received.message.topic = u"sink/n"_s;
        received.message.payload = QByteArray::number(firstSequence + quint64(i));
        received.message.qos = QoS::AtLeastOnce;
        received.message.packetId = quint16(firstSequence + quint64(i));
        received.sequence = firstSequence + quint64(i);
        batch.append(received);
    }
    return batch;
}

// What the listener was told, from whichever thread told it.
struct Reports
{
    QMutex mutex;
    quint64 through = 0;
    int calls = 0;

    MessageSink::StoredListener listener()
    {
        return [this](quint64 sequence, const QList<quint64> &) {
            QMutexLocker lock(&mutex);
            through = std::max(through, sequence);
            ++calls;
        };
    }
    quint64 storedThrough()
    {
        QMutexLocker lock(&mutex);
        return through;
    }
};

} // namespace

class TstStoringMessageSink : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"history-%1.sqlite"_s.arg(++m_run));
        Database database(m_path);
        QVERIFY(!database.open().isError());
    }

    void reportsEachCommittedBatch()
    {
        MessageWriter writer(m_path);
        writer.start();
        StoringMessageSink sink(&writer, 1, ProtocolVersion::V5);
        Reports reports;
        sink.setStoredListener(reports.listener());
        sink.consume(batchOf(1, 3));
        QTRY_COMPARE_WITH_TIMEOUT(reports.storedThrough(), quint64(3), 10000);
        sink.consume(batchOf(4, 2));
        QTRY_COMPARE_WITH_TIMEOUT(reports.storedThrough(), quint64(5), 10000);
        writer.stop();
    }

    void batchCommittedBeforeItWasRecorded()
    {
        // The writer commits the batch (and reports the commit) between enqueue() and the
        // sink recording the batch as waiting: the sink must report it itself.
        MessageWriter writer(m_path);
        writer.start();
        StoringMessageSink sink(&writer, 1, ProtocolVersion::V5);
        Reports reports;
        sink.setStoredListener(reports.listener());
        sink.setAfterEnqueueForTest([&writer] { QVERIFY(writer.waitUntilIdle(10000)); });
        sink.consume(batchOf(1, 20));
        // Reported by consume() itself: no later commit is coming.
        QCOMPARE(reports.storedThrough(), quint64(20));
        sink.setAfterEnqueueForTest({});
        sink.consume(batchOf(21, 1));
        QTRY_COMPARE_WITH_TIMEOUT(reports.storedThrough(), quint64(21), 10000);
        writer.stop();
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_run = 0;
};

QTEST_GUILESS_MAIN(TstStoringMessageSink)
#include "tst_storing_message_sink.moc"
