#include "core/storage/database.h"
#include "core/storage/database_connection.h"
#include "core/storage/message_query.h"
#include "core/storage/message_range_scan.h"
#include "core/storage/message_writer.h"
#include "tests/series/series_test_support.h"
#include "tests/storage/support/message_factory.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace mqttdesk;
using mqttdesk::test::makeMessage;
using Plan = MessageRangeScan::Plan;

Q_DECLARE_METATYPE(MessageRangeScan::Plan)

namespace {

constexpr qint64 kBaseUs = 1'700'000'000'000'000;
constexpr qint64 kMin = std::numeric_limits<qint64>::min();
constexpr qint64 kMax = std::numeric_limits<qint64>::max();

struct ReadRow
{
    qint64 id = 0;
    qint64 timeUs = 0;
    qint64 topicId = 0;
    QByteArray payload;
};

using test::writeHistory;

// The fixture history: profile 1 on sensors/a/temp (every even message), sensors/b/temp
// and sensors/rare (every 100th), profile 2 on the same names (every tenth). Times follow
// the ids but not always: every 11th message is 5 ms older than its place, every 7th has
// the time of the one before (ties go by id). Some payloads are large: kept in
// message_blobs (over 64 KiB), or inline but over 16 KB; in the indexed part and the tail.
StoredMessage fixtureMessage(int i)
{
    QString topic =
        i % 2 == 0 ? QStringLiteral("sensors/a/temp") : QStringLiteral("sensors/b/temp");
    if (i % 100 == 1)
        topic = QStringLiteral("sensors/rare");
    qint64 time = kBaseUs + qint64(i) * 1000;
    if (i % 11 == 5)
        time -= 5000;
    else if (i % 7 == 3)
        time -= 1000;
    QByteArray payload = "{\"i\":" + QByteArray::number(i) + "}";
    if (i == 501 || i == 2401)
        payload = QByteArray("big ").repeated(25000) + QByteArray::number(i); // 100 KB
    else if (i == 600 || i == 2600)
        payload = QByteArray("mid ").repeated(5000) + QByteArray::number(i); // 20 KB
    return makeMessage(i % 10 == 9 ? 2 : 1, topic, payload, time);
}

constexpr int kFixtureCount = 3000;
constexpr int kFixtureIndexed = 2000;

} // namespace

class TestMessageRangeScan : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void matchesTheHistory_data();
    void matchesTheHistory();
    void planIsTheIndexedOne();
    void boundsAreInclusive();
    void largePayloadsAreWhole();
    void stopsEarly();
    void emptyHistory();
    void clearedHistoryIsEmpty();
    void newerRowsAreNoticed();
    void topicNames();
    void unopenedConnectionIsTypedError();

private:
    QList<qint64> topicIds(qint64 profileId, const QStringList &filters);
    QList<ReadRow> read(MessageRangeScan &scan, const MessageRangeScan::Range &range,
                        StorageError *error = nullptr);
    QString freshPath() { return m_histories.next(); }

    test::FreshHistories m_histories;
    QString m_fixturePath;
    std::unique_ptr<Database> m_fixture;
};

void TestMessageRangeScan::initTestCase()
{
    m_fixturePath = freshPath();
    QList<StoredMessage> messages;
    for (int i = 0; i < kFixtureCount; ++i)
        messages << fixtureMessage(i);
    writeHistory(m_fixturePath, messages, kFixtureIndexed);
    m_fixture = std::make_unique<Database>(m_fixturePath);
    QVERIFY(!m_fixture->open().isError());
}

QList<qint64> TestMessageRangeScan::topicIds(qint64 profileId, const QStringList &filters)
{
    QList<qint64> ids;
    const MessageQuery query(m_fixture->connection());
    for (const QString &filter : filters) {
        StorageError error;
        ids << query.matchingTopicIds(profileId, filter, &error);
        if (error.isError())
            qFatal("topics: %s", qPrintable(error.detail));
    }
    return ids;
}

QList<ReadRow> TestMessageRangeScan::read(MessageRangeScan &scan,
                                          const MessageRangeScan::Range &range, StorageError *error)
{
    QList<ReadRow> rows;
    const qint64 handed = scan.scan(
        range,
        [&rows](const MessageRangeScan::Row &row) {
            rows.append(ReadRow{row.id, row.timeUs, row.topicId, row.payload.toByteArray()});
            return true;
        },
        error);
    if (handed >= 0 && handed != rows.size())
        qFatal("handed %lld, read %lld", handed, qint64(rows.size()));
    return rows;
}

void TestMessageRangeScan::matchesTheHistory_data()
{
    QTest::addColumn<QStringList>("topics");
    QTest::addColumn<qint64>("fromUs");
    QTest::addColumn<qint64>("toUs");
    QTest::addColumn<Plan>("plan");

    const qint64 ms = 1000;
    QTest::newRow("every topic, whole history") << QStringList() << kMin << kMax << Plan::ByTime;
    QTest::newRow("every topic, a range across the tail")
        << QStringList() << kBaseUs + 1500 * ms << kBaseUs + 2500 * ms << Plan::ByTime;
    QTest::newRow("a busy topic") << QStringList{QStringLiteral("sensors/a/temp")} << kMin << kMax
                                  << Plan::ByTime;
    QTest::newRow("two busy topics")
        << QStringList{QStringLiteral("sensors/a/temp"), QStringLiteral("sensors/b/temp")}
        << kBaseUs + 100 * ms << kBaseUs + 2900 * ms << Plan::ByTime;
    QTest::newRow("a rare topic") << QStringList{QStringLiteral("sensors/rare")} << kMin << kMax
                                  << Plan::PerTopic;
    QTest::newRow("a rare topic named twice")
        << QStringList{QStringLiteral("sensors/rare"), QStringLiteral("sensors/+")} << kMin << kMax
        << Plan::PerTopic; // sensors/+ names sensors/rare again (and nothing else)
    QTest::newRow("a rare topic, a range")
        << QStringList{QStringLiteral("sensors/rare")} << kBaseUs + 400 * ms << kBaseUs + 2450 * ms
        << Plan::PerTopic;
    // ~30 rows in range against the topic's 20 indexed ones: walking the range is cheaper.
    QTest::newRow("a rare topic, a short range")
        << QStringList{QStringLiteral("sensors/rare")} << kBaseUs + 490 * ms << kBaseUs + 520 * ms
        << Plan::ByTime;
    QTest::newRow("nothing in range")
        << QStringList() << kBaseUs + 5000 * ms << kMax << Plan::ByTime;
    QTest::newRow("from after to") << QStringList{QStringLiteral("sensors/rare")}
                                   << kBaseUs + 900 * ms << kBaseUs + 100 * ms << Plan::ByTime;
}

// Every plan, over the indexed rows and the unindexed tail, reads exactly the rows a plain
// filter of the written messages gives, ordered by (time, id).
void TestMessageRangeScan::matchesTheHistory()
{
    QFETCH(QStringList, topics);
    QFETCH(qint64, fromUs);
    QFETCH(qint64, toUs);
    QFETCH(Plan, plan);

    QStringList names;
    for (const QString &filter : topics) {
        for (const QString &name :
             {QStringLiteral("sensors/a/temp"), QStringLiteral("sensors/b/temp"),
              QStringLiteral("sensors/rare")})
            if (filter == name || (filter == QLatin1String("sensors/+") && name.count(u'/') == 1))
                names << name;
    }
    QList<std::pair<qint64, qint64>> expected; // (time, id)
    QHash<qint64, QByteArray> payloads;
    for (int i = 0; i < kFixtureCount; ++i) {
        const StoredMessage m = fixtureMessage(i);
        if (m.profileId != 1 || m.receivedUs < fromUs || m.receivedUs > toUs)
            continue;
        if (!topics.isEmpty() && !names.contains(m.topic))
            continue;
        expected.append({m.receivedUs, i + 1});
        payloads.insert(i + 1, m.payload);
    }
    std::sort(expected.begin(), expected.end());

    MessageRangeScan scan(m_fixture->connection());
    MessageRangeScan::Range range;
    range.profileId = 1;
    range.topicIds = topicIds(1, topics);
    range.fromUs = fromUs;
    range.toUs = toUs;
    StorageError error;
    QCOMPARE(scan.plan(range, &error), plan);
    QVERIFY(!error.isError());
    const QList<ReadRow> rows = read(scan, range, &error);
    QVERIFY2(!error.isError(), qPrintable(error.detail));
    QCOMPARE(rows.size(), expected.size());
    const QHash<qint64, QString> names2 = scan.topicNames(topicIds(1, {QStringLiteral("#")}));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows.at(i).timeUs, expected.at(i).first);
        QCOMPARE(rows.at(i).id, expected.at(i).second);
        QCOMPARE(rows.at(i).payload, payloads.value(rows.at(i).id));
        QCOMPARE(names2.value(rows.at(i).topicId), fixtureMessage(int(rows.at(i).id - 1)).topic);
    }
    QCOMPARE(scan.throughId(), qint64(kFixtureCount));
    // The statements are reused: a second scan on the same object reads the same.
    QCOMPARE(read(scan, range).size(), rows.size());
}

// What SQLite runs: ByTime walks the (profile_id, time_us, id) index in order (no sort),
// PerTopic each topic's (topic_id, id) index, the tail a rowid range; rows by rowid.
void TestMessageRangeScan::planIsTheIndexedOne()
{
    MessageRangeScan scan(m_fixture->connection());
    MessageRangeScan::Range range;
    range.profileId = 1;
    range.topicIds = topicIds(1, {QStringLiteral("sensors/a/temp")});
    StorageError error;
    const QStringList byTime = scan.explain(range, &error);
    QVERIFY2(!error.isError(), qPrintable(error.detail));
    const QString all = byTime.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("by time: SEARCH t USING PRIMARY KEY "
                                        "(profile_id=? AND time_us>? AND time_us<?)")),
             qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("by time: SEARCH m USING INTEGER PRIMARY KEY (rowid=?)")),
             qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("tail keys: SEARCH m USING INTEGER PRIMARY KEY (rowid>?)")),
             qPrintable(all));
    QVERIFY2(!all.contains(QLatin1String("TEMP B-TREE")), qPrintable(all));
    QVERIFY2(!all.contains(QLatin1String("SCAN")), qPrintable(all));

    range.topicIds = topicIds(1, {QStringLiteral("sensors/rare")});
    const QString perTopic = scan.explain(range, &error).join(QLatin1Char('\n'));
    QVERIFY2(
        perTopic.contains(QLatin1String("topic keys: SEARCH x USING PRIMARY KEY (topic_id=?)")),
        qPrintable(perTopic));
    QVERIFY2(
        perTopic.contains(QLatin1String("row by id: SEARCH messages USING INTEGER PRIMARY KEY")),
        qPrintable(perTopic));
    QVERIFY2(!perTopic.contains(QLatin1String("SCAN")), qPrintable(perTopic));
}

void TestMessageRangeScan::boundsAreInclusive()
{
    const QString path = freshPath();
    QList<StoredMessage> messages;
    for (int i = 0; i < 10; ++i)
        messages << makeMessage(1, QStringLiteral("t"), QByteArray::number(i), kBaseUs + i * 10);
    writeHistory(path, messages, 5);
    const DatabaseConnection connection(path, QStringLiteral("test"));
    MessageRangeScan scan(connection);
    MessageRangeScan::Range range;
    range.profileId = 1;
    for (const bool oneTopic : {false, true}) {
        if (oneTopic)
            range.topicIds = {1};
        range.fromUs = kBaseUs + 20;
        range.toUs = kBaseUs + 70;
        QList<qint64> times;
        for (const ReadRow &row : read(scan, range))
            times << row.timeUs - kBaseUs;
        QCOMPARE(times, (QList<qint64>{20, 30, 40, 50, 60, 70}));
        range.fromUs = range.toUs = kBaseUs + 40;
        QCOMPARE(read(scan, range).size(), 1);
        range.fromUs = kBaseUs + 41;
        range.toUs = kBaseUs + 49;
        QCOMPARE(read(scan, range).size(), 0);
    }
}

void TestMessageRangeScan::largePayloadsAreWhole()
{
    MessageRangeScan scan(m_fixture->connection());
    MessageRangeScan::Range range;
    range.profileId = 1;
    for (const QString &topic :
         {QStringLiteral("sensors/rare"), QStringLiteral("sensors/a/temp")}) {
        range.topicIds = topicIds(1, {topic});
        int large = 0;
        for (const ReadRow &row : read(scan, range)) {
            const StoredMessage written = fixtureMessage(int(row.id - 1));
            QCOMPARE(row.payload.size(), written.payload.size());
            QCOMPARE(row.payload, written.payload);
            large += row.payload.size() > 16 * 1024;
        }
        QCOMPARE(large, 2); // one indexed, one in the tail
    }
}

void TestMessageRangeScan::stopsEarly()
{
    MessageRangeScan scan(m_fixture->connection());
    MessageRangeScan::Range range;
    range.profileId = 1;
    for (const QString &topic : {QStringLiteral("sensors/rare"), QStringLiteral("#")}) {
        range.topicIds = topicIds(1, {topic});
        QList<qint64> ids;
        StorageError error;
        const qint64 handed = scan.scan(
            range,
            [&ids](const MessageRangeScan::Row &row) {
                ids << row.id;
                return ids.size() < 5;
            },
            &error);
        QVERIFY(!error.isError());
        QCOMPARE(handed, 5);
        QCOMPARE(ids.size(), 5);
        // The scan's read transaction ended: the next scan and a writer both go on.
        QCOMPARE(read(scan, range).mid(0, 5).size(), 5);
    }
    const QString path = freshPath();
    writeHistory(path, {makeMessage(1, QStringLiteral("t"), "1")}, 1);
    const DatabaseConnection connection(path, QStringLiteral("test"));
    MessageRangeScan other(connection);
    range.topicIds.clear();
    other.scan(range, [](const MessageRangeScan::Row &) { return false; });
    writeHistory(path, {makeMessage(1, QStringLiteral("t"), "2", kBaseUs + 1)}, 1);
    QCOMPARE(read(other, range).size(), 2);
}

void TestMessageRangeScan::emptyHistory()
{
    const DatabaseConnection connection(freshPath(), QStringLiteral("test"));
    MessageRangeScan scan(connection);
    MessageRangeScan::Range range;
    range.profileId = 1;
    StorageError error;
    QCOMPARE(read(scan, range, &error).size(), 0);
    QVERIFY(!error.isError());
    range.topicIds = {1, 2};
    QCOMPARE(read(scan, range, &error).size(), 0);
    QVERIFY(!error.isError());
    QCOMPARE(scan.throughId(), 0);
    QCOMPARE(scan.firstId(1), 0);
    QVERIFY(!scan.hasRowsAfter(range, 0));
    QVERIFY(!scan.explain(range, &error).isEmpty());
    QVERIFY(!error.isError());
}

void TestMessageRangeScan::clearedHistoryIsEmpty()
{
    const QString path = freshPath();
    QList<StoredMessage> messages;
    for (int i = 0; i < 100; ++i)
        messages << makeMessage(1, QStringLiteral("c/%1").arg(i % 3), "1", kBaseUs + i);
    writeHistory(path, messages, 60);
    const DatabaseConnection connection(path, QStringLiteral("test"));
    MessageRangeScan scan(connection);
    MessageRangeScan::Range range;
    range.profileId = 1;
    QCOMPARE(read(scan, range).size(), 100);
    QCOMPARE(scan.firstId(1), 1);
    {
        MessageWriter writer(path);
        writer.start();
        QVERIFY(!writer.eraseProfile(1, 30000).isError());
    }
    StorageError error;
    QCOMPARE(read(scan, range, &error).size(), 0);
    QVERIFY(!error.isError());
    range.topicIds = {1, 2, 3}; // the ids the topics had
    QCOMPARE(read(scan, range, &error).size(), 0);
    QVERIFY(!error.isError());
    QCOMPARE(scan.firstId(1), 0);
}

// throughId() and hasRowsAfter() tell whether what a scan read still stands.
void TestMessageRangeScan::newerRowsAreNoticed()
{
    const QString path = freshPath();
    writeHistory(path,
                 {makeMessage(1, QStringLiteral("n/a"), "1", kBaseUs),
                  makeMessage(1, QStringLiteral("n/b"), "2", kBaseUs + 10)},
                 1);
    const DatabaseConnection connection(path, QStringLiteral("test"));
    MessageRangeScan scan(connection);
    MessageRangeScan::Range range;
    range.profileId = 1;
    range.topicIds = {1};
    range.toUs = kBaseUs + 100;
    QCOMPARE(read(scan, range).size(), 1);
    const qint64 through = scan.throughId();
    QCOMPARE(through, 2);
    QVERIFY(!scan.hasRowsAfter(range, through));
    // Another topic, another profile, and a time past the range: nothing new for it.
    writeHistory(path,
                 {makeMessage(1, QStringLiteral("n/b"), "3", kBaseUs + 20),
                  makeMessage(2, QStringLiteral("n/a"), "4", kBaseUs + 20),
                  makeMessage(1, QStringLiteral("n/a"), "5", kBaseUs + 200)},
                 3);
    QVERIFY(!scan.hasRowsAfter(range, through));
    writeHistory(path, {makeMessage(1, QStringLiteral("n/a"), "6", kBaseUs + 50)}, 0);
    QVERIFY(scan.hasRowsAfter(range, through));
    QCOMPARE(read(scan, range).size(), 2);
}

void TestMessageRangeScan::topicNames()
{
    MessageRangeScan scan(m_fixture->connection());
    const QList<qint64> ids = topicIds(1, {QStringLiteral("sensors/#")});
    QCOMPARE(ids.size(), 3);
    const QHash<qint64, QString> names = scan.topicNames(ids + QList<qint64>{ids.first(), 99999});
    QCOMPARE(names.size(), 3);
    QStringList sorted = names.values();
    sorted.sort();
    QCOMPARE(sorted,
             (QStringList{QStringLiteral("sensors/a/temp"), QStringLiteral("sensors/b/temp"),
                          QStringLiteral("sensors/rare")}));
}

void TestMessageRangeScan::unopenedConnectionIsTypedError()
{
    const DatabaseConnection connection(m_histories.folder(),
                                        QStringLiteral("test")); // a directory
    MessageRangeScan scan(connection);
    StorageError error;
    MessageRangeScan::Range range;
    QCOMPARE(scan.scan(
                 range, [](const MessageRangeScan::Row &) { return true; }, &error),
             -1);
    QCOMPARE(error.kind, StorageError::Kind::OpenFailed);
    QVERIFY(!error.message.isEmpty());
}

QTEST_GUILESS_MAIN(TestMessageRangeScan)
#include "tst_message_range_scan.moc"
