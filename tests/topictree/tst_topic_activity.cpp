// TopicActivity: a batch folds into one update per topic (counts, last payload cut to the
// preview size, per-second counts, retained state); take() empties it; one notification
// until the updates are read; consumption from another thread while taking.
#include "core/topictree/topic_activity.h"

#include <QTest>
#include <QThread>

#include <atomic>

using namespace mqttdesk;

namespace {

ReceivedMessage received(const QString &topic, const QByteArray &payload, qint64 us,
                         bool retain = false)
{
    ReceivedMessage m;
    m.message.topic = topic;
    m.message.payload = payload;
    m.message.retain = retain;
    m.message.qos = QoS::AtLeastOnce;
    m.receivedUs = us;
    return m;
}

constexpr qint64 kT0 = 1'800'000'000'000'000;

} // namespace

class TestTopicActivity : public QObject
{
    Q_OBJECT
private slots:
    void foldsABatchPerTopic();
    void notifiesOnceUntilRead();
    void consumedOnAnotherThread();
};

void TestTopicActivity::foldsABatchPerTopic()
{
    TopicActivity activity;
    MessageBatch batch;
    for (int i = 0; i < 5; ++i)
        batch << received(QStringLiteral("a/b"), QByteArray::number(i), kT0 + i * 400000);
    batch << received(QStringLiteral("door"), "open", kT0, true);
    batch << received(QStringLiteral("door"), "", kT0 + 1, true);
    batch << received(QStringLiteral("big"), QByteArray(1000, 'b'), kT0);
    activity.consume(batch);
    TopicUpdates updates = activity.take();
    QCOMPARE(updates.size(), 3);
    std::sort(updates.begin(), updates.end(),
              [](const TopicUpdate &l, const TopicUpdate &r) { return l.topic < r.topic; });
    const TopicUpdate &ab = updates[0];
    QCOMPARE(ab.topic, QStringLiteral("a/b"));
    QCOMPARE(ab.messages, 5);
    QCOMPARE(ab.preview, QByteArray("4"));
    QCOMPARE(ab.lastUs, kT0 + 1600000);
    QVERIFY(!ab.retainedHeld);
    // 0.0, 0.4, 0.8 s in the first second; 1.2, 1.6 s in the next.
    QCOMPARE(ab.perSecond.size(), 2);
    QCOMPARE(ab.perSecond[0].count, 3);
    QCOMPARE(ab.perSecond[1].count, 2);
    QCOMPARE(updates[1].topic, QStringLiteral("big"));
    QCOMPARE(updates[1].preview.size(), TopicUpdate::kPreviewBytes);
    QCOMPARE(updates[1].lastSize, 1000);
    QCOMPARE(updates[2].retainedHeld, std::optional<bool>(false));
    QVERIFY(activity.take().isEmpty());
}

void TestTopicActivity::notifiesOnceUntilRead()
{
    int notified = 0;
    TopicActivity activity([&notified] { ++notified; });
    activity.consume({received(QStringLiteral("t"), "1", kT0)});
    activity.consume({received(QStringLiteral("t"), "2", kT0)});
    QCOMPARE(notified, 1);
    QCOMPARE(activity.take().size(), 1);
    activity.consume({received(QStringLiteral("t"), "3", kT0)});
    QCOMPARE(notified, 2);
    activity.clear();
    QVERIFY(activity.take().isEmpty());
    activity.consume({}); // an empty batch says nothing
    QCOMPARE(notified, 2);
}

void TestTopicActivity::consumedOnAnotherThread()
{
    TopicActivity activity;
    constexpr int kBatches = 2000;
    std::atomic_bool stop = false;
    QThread *producer = QThread::create([&] {
        for (int b = 0; b < kBatches; ++b) {
            MessageBatch batch;
            for (int i = 0; i < 10; ++i)
                batch << received(QStringLiteral("t/%1").arg(i), "x", kT0 + b);
            activity.consume(batch);
        }
        stop = true;
    });
    producer->start();
    qint64 total = 0;
    while (!stop.load())
        for (const TopicUpdate &u : activity.take())
            total += u.messages;
    QVERIFY(producer->wait(30000));
    delete producer;
    for (const TopicUpdate &u : activity.take())
        total += u.messages;
    QCOMPARE(total, qint64(kBatches) * 10);
}

QTEST_GUILESS_MAIN(TestTopicActivity)
#include "tst_topic_activity.moc"
