// MessageQuery::receivedTopicSummaries, what the topic tree is rebuilt from: per received
// topic the count, the last message (its first bytes, also from the large-payload side
// table), and whether the newest retained message had a payload; published messages, later
// messages and other profiles stay out.
#include "core/storage/database.h"
#include "core/storage/database_connection.h"
#include "core/storage/message_query.h"
#include "core/storage/message_writer.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

namespace {

StoredMessage message(const QString &topic, const QByteArray &payload, qint64 us,
                      bool retain = false, qint64 profile = 1)
{
    StoredMessage m;
    m.profileId = profile;
    m.topic = topic;
    m.payload = payload;
    m.qos = retain ? 1 : 0;
    m.retain = retain;
    m.receivedUs = us;
    return m;
}

} // namespace

class TestTopicSummaries : public QObject
{
    Q_OBJECT
private slots:
    void summariesPerTopic();
};

void TestTopicSummaries::summariesPerTopic()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.sqlite"));
    Database db(path);
    QVERIFY(!db.open().isError());
    const QByteArray large(StoredMessage::kLargePayloadThreshold + 10, 'L');
    {
        MessageWriter writer(path);
        writer.start();
        const qint64 t = 1'700'000'000'000'000;
        QList<StoredMessage> list{
            message(QStringLiteral("a/b"), "1", t + 1),
            message(QStringLiteral("a/b"), "2", t + 2),
            message(QStringLiteral("a/b"), "three", t + 3),
            message(QStringLiteral("door"), "open", t + 4, true),
            message(QStringLiteral("door"), "", t + 5, true), // cleared
            message(QStringLiteral("lamp"), "on", t + 6, true),
            message(QStringLiteral("lamp"), "live", t + 7), // after the retained one
            message(QStringLiteral("big"), large, t + 8),
            message(QStringLiteral("a//b"), "gap", t + 9),
            message(QStringLiteral("late"), "after the cut", t + 100),
            message(QStringLiteral("a/b"), "other profile", t + 10, false, 2),
        };
        StoredMessage out = message(QStringLiteral("mine"), "published", t + 11);
        out.direction = StoredMessage::Direction::Outgoing;
        list << out;
        for (const StoredMessage &m : list)
            QVERIFY(writer.enqueue(m));
        QVERIFY(writer.waitUntilIdle(30000));
    }
    DatabaseConnection connection(path, QStringLiteral("test"));
    QVERIFY(!connection.error().isError());
    StorageError error;
    const QList<MessageQuery::TopicSummary> summaries =
        MessageQuery(connection).receivedTopicSummaries(1, 1'700'000'000'000'050, 4, &error);
    QVERIFY2(!error.isError(), qPrintable(error.message));
    QHash<QString, MessageQuery::TopicSummary> byTopic;
    for (const auto &s : summaries)
        byTopic.insert(s.topic, s);
    QCOMPARE(byTopic.size(), 5);
    QVERIFY(!byTopic.contains(QStringLiteral("late")));
    QVERIFY(!byTopic.contains(QStringLiteral("mine")));

    const auto ab = byTopic.value(QStringLiteral("a/b"));
    QCOMPARE(ab.messages, 3);
    QCOMPARE(ab.preview, QByteArray("thre")); // the first 4 bytes of the last one
    QCOMPARE(ab.lastSize, 5);
    QCOMPARE(ab.lastUs, 1'700'000'000'000'003);
    QVERIFY(!ab.retainedHeld.has_value());

    const auto door = byTopic.value(QStringLiteral("door"));
    QCOMPARE(door.messages, 2);
    QCOMPARE(door.retainedHeld, std::optional<bool>(false));
    QVERIFY(door.lastFlags & StoredMessage::FlagRetain);

    const auto lamp = byTopic.value(QStringLiteral("lamp"));
    QCOMPARE(lamp.retainedHeld, std::optional<bool>(true));
    QCOMPARE(lamp.preview, QByteArray("live"));
    QVERIFY(!(lamp.lastFlags & StoredMessage::FlagRetain));

    const auto big = byTopic.value(QStringLiteral("big"));
    QCOMPARE(big.preview, QByteArray("LLLL")); // from message_blobs
    QCOMPARE(big.lastSize, large.size());

    QCOMPARE(byTopic.value(QStringLiteral("a//b")).messages, 1);
}

QTEST_MAIN(TestTopicSummaries)
#include "tst_topic_summaries.moc"
