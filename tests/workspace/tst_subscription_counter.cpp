// SubscriptionCounter and HistoryReader: per-subscription counts on the connection's
// thread, their stored part read from a real SQLite history on the reader's thread, and
// the two parts never counting a message twice.
#include "core/storage/database.h"
#include "core/storage/message_writer.h"
#include "core/workspace/history_reader.h"
#include "core/workspace/subscription_counter.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace mqttdesk;

namespace {

ReceivedMessage received(const QString &topic, qint64 us)
{
    ReceivedMessage m;
    m.message.topic = topic;
    m.message.payload = "x";
    m.receivedUs = us;
    return m;
}

StoredMessage stored(const QString &topic, qint64 us, qint64 profileId = 1,
                     StoredMessage::Direction direction = StoredMessage::Direction::Incoming)
{
    StoredMessage m;
    m.profileId = profileId;
    m.topic = topic;
    m.payload = QByteArray("payload of ") + topic.toUtf8();
    m.receivedUs = us;
    m.direction = direction;
    return m;
}

} // namespace

class TstSubscriptionCounter : public QObject
{
    Q_OBJECT
private slots:
    void countsEveryMatchingFilterLive()
    {
        SubscriptionCounter counter;
        const auto requests = counter.setFilters({{1, QStringLiteral("plant/#")},
                                                  {2, QStringLiteral("plant/+/temp")},
                                                  {3, QStringLiteral("#")},
                                                  {4, QStringLiteral("$share/g/plant/a/temp")},
                                                  {5, QStringLiteral("plant/#")}});
        QCOMPARE(requests.size(), 5); // all new: their stored part is to be read
        const qint64 now = SubscriptionCounter::nowUs() + 1;
        counter.consume({received(QStringLiteral("plant/a/temp"), now),
                         received(QStringLiteral("plant/b/hum"), now),
                         received(QStringLiteral("other"), now),
                         received(QStringLiteral("$SYS/broker/uptime"), now)});
        const QHash<quint64, qint64> counts = counter.counts();
        QCOMPARE(counts.value(1), 2);
        QCOMPARE(counts.value(2), 1);
        QCOMPARE(counts.value(3), 3); // '#' does not match $SYS [MQTT-4.7.2-1]
        QCOMPARE(counts.value(4), 1); // a shared subscription counts by its inner filter
        QCOMPARE(counts.value(5), 2); // two rows may share a filter; each counts
    }

    void invalidFilterCountsNothing()
    {
        SubscriptionCounter counter;
        counter.setFilters({{1, QStringLiteral("a/#/b")}, {2, QStringLiteral("a/#")}});
        counter.consume({received(QStringLiteral("a/x/b"), SubscriptionCounter::nowUs() + 1)});
        QCOMPARE(counter.counts().value(1), 0);
        QCOMPARE(counter.counts().value(2), 1);
    }

    void messagesBeforeTheFilterAreLeftToStorage()
    {
        SubscriptionCounter counter;
        const auto requests = counter.setFilters({{7, QStringLiteral("t")}});
        QCOMPARE(requests.size(), 1);
        const qint64 since = requests.first().beforeUs;
        // Stamped before the filter was set: storage holds it, so live counting skips it.
        counter.consume(
            {received(QStringLiteral("t"), since - 1), received(QStringLiteral("t"), since)});
        QCOMPARE(counter.counts().value(7), 1);
        counter.addStored(requests, {{QStringLiteral("t"), 40}, {QStringLiteral("u"), 5}});
        QCOMPARE(counter.counts().value(7), 41);
    }

    void staleStoredAnswerIsIgnored()
    {
        SubscriptionCounter counter;
        const auto first = counter.setFilters({{1, QStringLiteral("a")}});
        // The user edited the row before the answer came: the filter changed.
        const auto second = counter.setFilters({{1, QStringLiteral("b")}});
        QCOMPARE(second.size(), 1);
        counter.addStored(first, {{QStringLiteral("a"), 10}, {QStringLiteral("b"), 3}});
        QCOMPARE(counter.counts().value(1), 0);
        counter.addStored(second, {{QStringLiteral("a"), 10}, {QStringLiteral("b"), 3}});
        QCOMPARE(counter.counts().value(1), 3);
        // A key dropped meanwhile is not brought back.
        counter.setFilters({});
        counter.addStored(second, {{QStringLiteral("b"), 3}});
        QVERIFY(counter.counts().isEmpty());
    }

    void unchangedFiltersKeepTheirCounts()
    {
        SubscriptionCounter counter;
        counter.setFilters({{1, QStringLiteral("a")}});
        counter.consume({received(QStringLiteral("a"), SubscriptionCounter::nowUs() + 1)});
        const auto requests =
            counter.setFilters({{1, QStringLiteral("a")}, {2, QStringLiteral("b")}});
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().key, quint64(2));
        QCOMPARE(counter.counts().value(1), 1);
    }

    void clearStartsAgainFromZero()
    {
        SubscriptionCounter counter;
        counter.setFilters({{1, QStringLiteral("#")}});
        counter.consume({received(QStringLiteral("a"), SubscriptionCounter::nowUs() + 1)});
        counter.clear();
        QCOMPARE(counter.counts().value(1), 0);
        counter.consume({received(QStringLiteral("a"), SubscriptionCounter::nowUs() + 1)});
        QCOMPARE(counter.counts().value(1), 1);
    }

    void oneNotificationUntilRead()
    {
        std::atomic<int> notifications{0};
        SubscriptionCounter counter([&notifications] { ++notifications; });
        counter.setFilters({{1, QStringLiteral("#")}});
        QCOMPARE(notifications.load(), 1);
        counter.counts();
        // A flood of batches: one notification until the reader takes the counts.
        for (int i = 0; i < 1000; ++i)
            counter.consume({received(QStringLiteral("a"), SubscriptionCounter::nowUs() + 1)});
        QCOMPARE(notifications.load(), 2);
        QCOMPARE(counter.counts().value(1), 1000);
        counter.consume({received(QStringLiteral("a"), SubscriptionCounter::nowUs() + 1)});
        QCOMPARE(notifications.load(), 3);
        // Nothing matched: nothing to say.
        counter.counts();
        counter.consume({received(QStringLiteral("$SYS/x"), SubscriptionCounter::nowUs() + 1)});
        QCOMPARE(notifications.load(), 3);
    }

    void consumingOnAnotherThread()
    {
        SubscriptionCounter counter;
        counter.setFilters({{1, QStringLiteral("load/#")}});
        constexpr int kBatches = 200;
        constexpr int kPerBatch = 50;
        std::unique_ptr<QThread> worker(QThread::create([&counter] {
            for (int b = 0; b < kBatches; ++b) {
                MessageBatch batch;
                for (int i = 0; i < kPerBatch; ++i)
                    batch.append(received(QStringLiteral("load/%1").arg(i),
                                          SubscriptionCounter::nowUs() + 1));
                counter.consume(batch);
            }
        }));
        worker->start();
        // The GUI side edits the filters meanwhile; the counted key keeps its count.
        for (int i = 0; i < 50; ++i)
            counter.setFilters(
                {{1, QStringLiteral("load/#")}, {quint64(100 + i), QStringLiteral("x")}});
        QVERIFY(worker->wait(60000));
        QCOMPARE(counter.counts().value(1), qint64(kBatches) * kPerBatch);
    }

    void storedPartFromARealHistory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        Database db(path);
        QVERIFY(!db.open().isError());
        const qint64 base = SubscriptionCounter::nowUs() - 60'000'000;
        {
            MessageWriter writer(path);
            writer.start();
            for (int i = 0; i < 30; ++i)
                QVERIFY(writer.enqueue(stored(QStringLiteral("plant/a/temp"), base + i)));
            for (int i = 0; i < 12; ++i)
                QVERIFY(writer.enqueue(stored(QStringLiteral("plant/b/hum"), base + i)));
            // Not counted: another profile, an outgoing message, and one after the cut.
            QVERIFY(writer.enqueue(stored(QStringLiteral("plant/a/temp"), base, 2)));
            QVERIFY(writer.enqueue(stored(QStringLiteral("plant/a/temp"), base, 1,
                                          StoredMessage::Direction::Outgoing)));
            QVERIFY(writer.enqueue(stored(QStringLiteral("plant/a/temp"), base + 120'000'000)));
            QVERIFY(writer.waitUntilIdle(60000));
        }
        SubscriptionCounter counter;
        const auto requests = counter.setFilters(
            {{1, QStringLiteral("plant/#")}, {2, QStringLiteral("plant/+/temp")}});
        HistoryReader reader(path);
        QThread *callerThread = QThread::currentThread();
        bool answered = false;
        reader.countReceivedPerTopic(
            1, requests.first().beforeUs,
            [&](const QList<MessageQuery::TopicCount> &perTopic, const StorageError &error) {
                QVERIFY2(!error.isError(), qPrintable(error.message));
                QCOMPARE(QThread::currentThread(), callerThread); // answers come home
                counter.addStored(requests, perTopic);
                answered = true;
            });
        QCOMPARE(reader.pendingRequests(), 1);
        QTRY_VERIFY(answered);
        QCOMPARE(reader.pendingRequests(), 0);
        QCOMPARE(counter.counts().value(1), 42);
        QCOMPARE(counter.counts().value(2), 30);

        // The same reader pages the history and reads a payload's first bytes.
        MessageFilter filter;
        filter.profileId = 1;
        PageRequest request;
        request.limit = 10;
        MessagePage page;
        bool paged = false;
        reader.fetch(filter, request, [&](const MessagePage &p, const StorageError &error) {
            QVERIFY(!error.isError());
            page = p;
            paged = true;
        });
        QTRY_VERIFY(paged);
        QCOMPARE(page.messages.size(), 10);
        QByteArray prefix;
        reader.loadPayloadPrefix(page.messages.first().id, 7,
                                 [&](qint64, const QByteArray &bytes, const StorageError &error) {
                                     QVERIFY(!error.isError());
                                     prefix = bytes;
                                 });
        QTRY_COMPARE(prefix, QByteArray("payload"));
    }
};

QTEST_GUILESS_MAIN(TstSubscriptionCounter)
#include "tst_subscription_counter.moc"
