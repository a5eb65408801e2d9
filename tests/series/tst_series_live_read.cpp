// Reading only what is new, for live charts: MessageRangeScan's afterId, SeriesLoader's
// loadAfter(), how a later read joins an answer (Series/SeriesData append, dropBefore), and
// the RowPipeline that extracts beside a long scan, checked against reading row by row.

#include "core/series/row_pipeline.h"
#include "core/series/series_loader.h"
#include "core/storage/database.h"
#include "core/storage/database_connection.h"
#include "core/storage/message_query.h"
#include "core/storage/message_range_scan.h"
#include "tests/series/series_test_support.h"
#include "tests/storage/support/message_factory.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using mqttdesk::test::makeMessage;
using mqttdesk::test::writeHistory;

namespace {

constexpr qint64 kBaseUs = 1'700'000'000'000'000;

QByteArray json(double v)
{
    return "{\"v\":" + QByteArray::number(v, 'g', 17) + "}";
}

SeriesRequest request(const QString &filter, bool perTopic = false)
{
    SeriesRequest r;
    r.profileId = 1;
    r.topicFilter = filter;
    r.extractor.kind = ExtractorSpec::Kind::JsonPath;
    r.extractor.path = QStringLiteral("$.v");
    r.perTopic = perTopic;
    return r;
}

QList<double> values(const Series &series)
{
    return QList<double>(series.values.begin(), series.values.end());
}

QList<qint64> times(const std::vector<qint64> &t)
{
    return QList<qint64>(t.begin(), t.end());
}

} // namespace

class TestSeriesLiveRead : public QObject
{
    Q_OBJECT
private slots:
    void scanAfterIdReadsOnlyNewerRows();
    void loadAfterReadsOnlyNewerRows();
    void laterReadsJoinInOrder();
    void dropBeforeKeepsTheValueBefore();
    void pipelineHandsEveryRowInOrder();
    void longReadMatchesRowByRow();

private:
    QString freshPath() { return m_histories.next(); }
    SeriesLoader::Answer wait(const std::function<void(SeriesLoader::Callback)> &ask);

    test::FreshHistories m_histories;
};

SeriesLoader::Answer
TestSeriesLiveRead::wait(const std::function<void(SeriesLoader::Callback)> &ask)
{
    SeriesLoader::Answer answer;
    ask([&answer](const SeriesLoader::Answer &a) { answer = a; });
    if (!QTest::qWaitFor([&answer] { return answer != nullptr; }, 60000))
        qFatal("no answer");
    return answer;
}

void TestSeriesLiveRead::scanAfterIdReadsOnlyNewerRows()
{
    const QString path = freshPath();
    QList<StoredMessage> messages;
    for (int i = 0; i < 40; ++i) {
        // Two topics and a second profile; times mostly follow the ids, every 5th is older.
        const qint64 t = kBaseUs + i * 1000 - (i % 5 == 0 ? 3500 : 0);
        messages << makeMessage(i % 4 == 3 ? 2 : 1,
                                i % 2 ? QStringLiteral("b") : QStringLiteral("a"), json(i), t);
    }
    // Ids 1..30 indexed, 31..40 in the tail: an afterId of 25 spans both.
    writeHistory(path, messages, 30);
    DatabaseConnection connection(path, QStringLiteral("scan-after"));
    QVERIFY(connection.isOpen());
    StorageError error;
    const QList<qint64> topicA =
        MessageQuery(connection).matchingTopicIds(1, QStringLiteral("a"), &error);
    QVERIFY(!error.isError());
    MessageRangeScan scan(connection);
    MessageRangeScan::Range range;
    range.profileId = 1;
    range.topicIds = topicA;
    range.fromUs = kBaseUs + 26000;
    range.afterId = 25;
    // Profile 1, topic a (even i), id > 25 (i >= 25), time >= 26 ms, in (time, id) order:
    // i = 26, 30 (stamped 3.5 ms early, still in range), 28, 32, 34, 36, 38.
    QList<qint64> expected;
    for (int i = 25; i < 40; ++i) {
        const qint64 t = kBaseUs + i * 1000 - (i % 5 == 0 ? 3500 : 0);
        if (i % 2 == 0 && i % 4 != 3 && t >= range.fromUs)
            expected << i + 1;
    }
    std::sort(expected.begin(), expected.end(), [](qint64 a, qint64 b) {
        const auto at = [](qint64 id) {
            const qint64 i = id - 1;
            return kBaseUs + i * 1000 - (i % 5 == 0 ? 3500 : 0);
        };
        return std::pair(at(a), a) < std::pair(at(b), b);
    });
    QList<qint64> ids;
    QList<qint64> rowTimes;
    QCOMPARE(scan.scan(
                 range,
                 [&](const MessageRangeScan::Row &row) {
                     ids << row.id;
                     rowTimes << row.timeUs;
                     return true;
                 },
                 &error),
             qint64(expected.size()));
    QVERIFY(!error.isError());
    QCOMPARE(ids.size(), 7);
    QCOMPARE(ids, expected);
    QVERIFY(std::is_sorted(rowTimes.begin(), rowTimes.end()));
    QCOMPARE(scan.throughId(), 40);
}

void TestSeriesLiveRead::loadAfterReadsOnlyNewerRows()
{
    const QString path = freshPath();
    writeHistory(path,
                 {makeMessage(1, QStringLiteral("n"), json(1), kBaseUs),
                  makeMessage(1, QStringLiteral("n"), json(2), kBaseUs + 10)},
                 2);
    SeriesLoader loader(path);
    const SeriesRequest r = request(QStringLiteral("n"));
    const SeriesLoader::Answer first = wait([&](auto done) { loader.load(r, done); });
    QCOMPARE(first->throughId, 2);
    writeHistory(path,
                 {makeMessage(1, QStringLiteral("n"), json(3), kBaseUs + 20),
                  makeMessage(1, QStringLiteral("other"), json(9), kBaseUs + 25),
                  makeMessage(1, QStringLiteral("n"), "broken", kBaseUs + 30),
                  makeMessage(1, QStringLiteral("n"), json(4), kBaseUs + 40)},
                 1);
    const SeriesLoader::Answer newer =
        wait([&](auto done) { loader.loadAfter(r, first->throughId, done); });
    QVERIFY(!newer->error.isError());
    QCOMPARE(newer->rowsRead, 3);
    QCOMPARE(newer->throughId, 6);
    QCOMPARE(values(newer->series.first()), (QList<double>{3, 4}));
    QCOMPARE(times(newer->series.first().skippedTimesUs), (QList<qint64>{kBaseUs + 30}));
    QCOMPARE(newer->series.first().skippedCount(SkipReason::NotJson), 1);
    QCOMPARE(loader.rowsScanned(), 5);
    // Never cached: the whole request still answers from its own read.
    QCOMPARE(loader.cachedAnswers(), 1);
    // Nothing new: an empty answer through the same id.
    const SeriesLoader::Answer none =
        wait([&](auto done) { loader.loadAfter(r, newer->throughId, done); });
    QCOMPARE(none->rowsRead, 0);
    QCOMPARE(none->throughId, 6);
}

void TestSeriesLiveRead::laterReadsJoinInOrder()
{
    SeriesData held;
    Series a;
    a.topic = QStringLiteral("a");
    a.timesUs = {10, 20, 30};
    a.values = {1, 2, 3};
    held.series << a;
    held.throughId = 3;
    SeriesData later;
    Series a2;
    a2.topic = QStringLiteral("a");
    a2.timesUs = {25, 30, 40}; // 25 is older than 30 (a clock set back): merged into place
    a2.values = {2.5, 3.1, 4};
    a2.skippedTimesUs = {35};
    a2.skippedReasons = {quint8(SkipReason::Missing)};
    a2.skipped[size_t(SkipReason::Missing)] = 1;
    Series before;
    before.topic = QStringLiteral("0");
    before.timesUs = {5};
    before.values = {7};
    later.series << before << a2;
    later.throughId = 8;
    later.rowsRead = 5;
    held.append(later);
    QCOMPARE(held.series.size(), 2);
    QCOMPARE(held.series.at(0).topic, QStringLiteral("0"));
    const Series &joined = held.series.at(1);
    QCOMPARE(times(joined.timesUs), (QList<qint64>{10, 20, 25, 30, 30, 40}));
    // Equal times keep their read order: the earlier row first.
    QCOMPARE(values(joined), (QList<double>{1, 2, 2.5, 3, 3.1, 4}));
    QCOMPARE(joined.skippedCount(SkipReason::Missing), 1);
    QCOMPARE(held.throughId, 8);
    QCOMPARE(held.rowsRead, 5);
    QVERIFY(held.bytes() > qint64(sizeof(SeriesData)));
}

void TestSeriesLiveRead::dropBeforeKeepsTheValueBefore()
{
    Series s;
    for (int i = 0; i < 10; ++i) {
        s.timesUs.push_back(i * 10);
        s.values.push_back(i);
        s.skippedTimesUs.push_back(i * 10 + 5);
        s.skippedReasons.push_back(quint8(i % 2 ? SkipReason::NotANumber : SkipReason::Missing));
    }
    s.skipped[size_t(SkipReason::NotANumber)] = 5;
    s.skipped[size_t(SkipReason::Missing)] = 5;
    s.dropBefore(42);
    // 40 stays: the line reaches the left edge from it.
    QCOMPARE(times(s.timesUs), (QList<qint64>{40, 50, 60, 70, 80, 90}));
    QCOMPARE(values(s), (QList<double>{4, 5, 6, 7, 8, 9}));
    QCOMPARE(times(s.skippedTimesUs), (QList<qint64>{45, 55, 65, 75, 85, 95}));
    QCOMPARE(s.skippedCount(SkipReason::NotANumber), 3); // 55, 75, 95
    QCOMPARE(s.skippedCount(SkipReason::Missing), 3);    // 45, 65, 85
    s.dropBefore(1000);
    QCOMPARE(times(s.timesUs), (QList<qint64>{90}));
    QVERIFY(s.skippedTimesUs.empty());
    QCOMPARE(s.skipped, (std::array<qint64, 5>{}));
}

void TestSeriesLiveRead::pipelineHandsEveryRowInOrder()
{
    struct Seen
    {
        qint64 time;
        qint64 topic;
        QByteArray payload;
    };
    QList<Seen> sent;
    for (int i = 0; i < 3 * int(RowPipeline::kChunkRows) + 17; ++i) {
        QByteArray payload = QByteArray::number(i);
        if (i == 100)
            payload = QByteArray(int(RowPipeline::kChunkBytes) * 2, 'x'); // over a chunk
        if (i == 101)
            payload.clear();
        sent.append({i * 3, i % 7, payload});
    }
    QList<Seen> seen;
    RowPipeline pipeline([&seen](qint64 t, qint64 topic, QByteArrayView payload) {
        seen.append({t, topic, payload.toByteArray()});
    });
    for (const Seen &row : sent)
        pipeline.add(row.time, row.topic, row.payload);
    pipeline.finish();
    QVERIFY(pipeline.threaded());
    QCOMPARE(seen.size(), sent.size());
    for (qsizetype i = 0; i < sent.size(); ++i) {
        QCOMPARE(seen.at(i).time, sent.at(i).time);
        QCOMPARE(seen.at(i).topic, sent.at(i).topic);
        QCOMPARE(seen.at(i).payload, sent.at(i).payload);
    }
    // A short scan never starts a thread: its rows come with finish().
    int count = 0;
    RowPipeline small([&count](qint64, qint64, QByteArrayView) { ++count; });
    for (int i = 0; i < 10; ++i)
        small.add(i, 0, "1");
    QCOMPARE(count, 0);
    small.finish();
    QCOMPARE(count, 10);
    QVERIFY(!small.threaded());
}

void TestSeriesLiveRead::longReadMatchesRowByRow()
{
    // Long enough that extraction runs on the pipeline's thread; every 13th is not a number.
    const QString path = freshPath();
    QList<StoredMessage> messages;
    QList<double> expected;
    QList<qint64> skippedAt;
    for (int i = 0; i < 20000; ++i) {
        const qint64 t = kBaseUs + i * 100;
        if (i % 13 == 0) {
            messages << makeMessage(1, QStringLiteral("long"), "{\"v\":\"x\"}", t);
            skippedAt << t;
        } else {
            messages << makeMessage(1, QStringLiteral("long"), json(i / 7.0), t);
            expected << i / 7.0;
        }
    }
    writeHistory(path, messages, 15000);
    SeriesLoader loader(path);
    const SeriesLoader::Answer answer =
        wait([&](auto done) { loader.load(request(QStringLiteral("long")), done); });
    QVERIFY(!answer->error.isError());
    QCOMPARE(answer->rowsRead, 20000);
    QCOMPARE(values(answer->series.first()), expected);
    QCOMPARE(times(answer->series.first().skippedTimesUs), skippedAt);
    QCOMPARE(answer->series.first().skippedCount(SkipReason::NotANumber), skippedAt.size());
}

QTEST_GUILESS_MAIN(TestSeriesLiveRead)
#include "tst_series_live_read.moc"
