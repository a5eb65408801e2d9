// MessageQuery::receivedTopicSummaries, what the topic tree is rebuilt from: per received
// topic the count, the last message (its first bytes, also from the large-payload side
// table), and whether the newest retained message had a payload; published messages, later
// messages and other profiles stay out. The same figures whether they come from topic_stats
// (kept by the indexer), the unindexed tail, both, or (rows past the cut already indexed)
// the rows themselves; and after the oldest rows are erased (retention).
#include "core/storage/database.h"
#include "core/storage/database_connection.h"
#include "core/storage/message_eraser.h"
#include "core/storage/message_indexer.h"
#include "core/storage/message_query.h"
#include "core/storage/message_writer.h"

#include <QRandomGenerator>

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
    void indexedTailAndErasedAgreeWithTheRows();
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

namespace {

// What the summaries must say, worked out from the messages themselves (in id order).
struct Expected
{
    qint64 messages = 0;
    QByteArray last;
    qint64 lastUs = 0;
    std::optional<bool> retainedHeld;
};

QHash<QString, Expected> expectedFrom(const QList<StoredMessage> &messages, qint64 beforeUs)
{
    QHash<QString, Expected> out;
    for (const StoredMessage &m : messages) {
        if (m.direction == StoredMessage::Direction::Outgoing || m.receivedUs >= beforeUs)
            continue;
        Expected &e = out[m.topic];
        ++e.messages;
        e.last = m.payload.left(4);
        e.lastUs = qMax(e.lastUs, m.receivedUs);
        if (m.retain)
            e.retainedHeld = !m.payload.isEmpty();
    }
    return out;
}

QString compare(const QList<MessageQuery::TopicSummary> &summaries,
                const QHash<QString, Expected> &expected)
{
    if (summaries.size() != expected.size())
        return QStringLiteral("%1 topics, expected %2").arg(summaries.size()).arg(expected.size());
    for (const auto &s : summaries) {
        const auto it = expected.constFind(s.topic);
        if (it == expected.cend())
            return QStringLiteral("unexpected topic %1").arg(s.topic);
        if (s.messages != it->messages || s.preview != it->last || s.lastUs != it->lastUs ||
            s.retainedHeld != it->retainedHeld)
            return QStringLiteral(
                       "%1: %2 messages, last %3 at %4, retained %5; expected %6, %7, %8, %9")
                .arg(s.topic)
                .arg(s.messages)
                .arg(QString::fromUtf8(s.preview))
                .arg(s.lastUs)
                .arg(s.retainedHeld ? int(*s.retainedHeld) : -1)
                .arg(it->messages)
                .arg(QString::fromUtf8(it->last))
                .arg(it->lastUs)
                .arg(it->retainedHeld ? int(*it->retainedHeld) : -1);
    }
    return {};
}

} // namespace

void TestTopicSummaries::indexedTailAndErasedAgreeWithTheRows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.sqlite"));
    Database db(path);
    QVERIFY(!db.open().isError());
    QVERIFY(!db.connection()
                 .exec(QStringLiteral("INSERT INTO profiles(id, uuid, name) VALUES (1, 'a', 'a'),"
                                      " (2, 'b', 'b')"))
                 .isError());
    const qint64 t0 = 1'700'000'000'000'000;
    QRandomGenerator random(7);
    QList<StoredMessage> written;
    const auto batch = [&](int count, qint64 fromUs) {
        QList<StoredMessage> list;
        for (int i = 0; i < count; ++i) {
            const int topic = int(random.bounded(40));
            StoredMessage m = message(QStringLiteral("plant/%1/v").arg(topic),
                                      QByteArray::number(random.bounded(100000)), fromUs + i,
                                      random.bounded(5) == 0, random.bounded(10) == 0 ? 2 : 1);
            if (m.retain && random.bounded(3) == 0)
                m.payload.clear(); // a cleared retained value
            if (random.bounded(20) == 0)
                m.direction = StoredMessage::Direction::Outgoing;
            list << m;
        }
        return list;
    };
    const auto summaries = [&](qint64 beforeUs) {
        DatabaseConnection connection(path, QStringLiteral("read"));
        StorageError error;
        const auto list = MessageQuery(connection).receivedTopicSummaries(1, beforeUs, 4, &error);
        if (error.isError())
            qWarning("%s", qPrintable(error.message));
        return list;
    };
    const auto ofProfile1 = [](const QList<StoredMessage> &all) {
        QList<StoredMessage> mine;
        for (const StoredMessage &m : all)
            if (m.profileId == 1)
                mine << m;
        return mine;
    };

    // 1. Everything indexed: from topic_stats alone.
    {
        MessageWriter writer(path);
        writer.start();
        written = batch(3000, t0);
        for (const StoredMessage &m : std::as_const(written))
            QVERIFY(writer.enqueue(m));
        QVERIFY(writer.waitUntilIndexed(60000));
    }
    {
        // The figures come from topic_stats here, one row per topic of both profiles.
        DatabaseConnection connection(path, QStringLiteral("check"));
        QCOMPARE(connection.scalar(QStringLiteral("SELECT count(*) FROM topic_stats")).toInt(), 80);
    }
    const qint64 end = t0 + 1'000'000;
    QString problem = compare(summaries(end), expectedFrom(ofProfile1(written), end));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // 2. Plus an unindexed tail.
    {
        MessageWriter::Options options;
        options.indexWhenIdle = false;
        MessageWriter writer(path, options);
        writer.start();
        const QList<StoredMessage> more = batch(1500, t0 + 10000);
        for (const StoredMessage &m : more)
            QVERIFY(writer.enqueue(m));
        QVERIFY(writer.waitUntilIdle(60000));
        written += more;
        DatabaseConnection connection(path, QStringLiteral("check"));
        QVERIFY(MessageIndexer::storedWatermark(connection, nullptr) < 4500);
    }
    problem = compare(summaries(end), expectedFrom(ofProfile1(written), end));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // 3. Indexed rows after the cut: they stay out (the rows are read instead).
    {
        MessageWriter writer(path);
        writer.start();
        QVERIFY(writer.waitUntilIndexed(60000));
    }
    const qint64 cut = t0 + 10500;
    problem = compare(summaries(cut), expectedFrom(ofProfile1(written), cut));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // 4. The oldest rows erased (as retention does): the figures follow.
    {
        DatabaseConnection connection(path, QStringLiteral("erase"));
        const qint64 upTo =
            connection
                .scalar(QStringLiteral("SELECT id FROM messages ORDER BY id LIMIT 1 OFFSET 2500"))
                .toLongLong();
        QVERIFY(upTo > 0);
        QVERIFY(
            !connection.transaction([&] { return MessageEraser::eraseUpTo(connection, 1, upTo); })
                 .isError());
        QList<StoredMessage> kept;
        // Rows were written in order, so their ids follow `written` (profile 2's included).
        for (qsizetype i = 0; i < written.size(); ++i)
            if (written.at(i).profileId != 1 || i + 1 > upTo)
                kept << written.at(i);
        written = kept;
    }
    problem = compare(summaries(end), expectedFrom(ofProfile1(written), end));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_MAIN(TestTopicSummaries)
#include "tst_topic_summaries.moc"
