#include "core/series/series_loader.h"
#include "core/storage/database.h"
#include "core/storage/message_writer.h"
#include "core/storage/sql_thread_audit.h"
#include "tests/series/series_test_support.h"
#include "tests/storage/support/message_factory.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cmath>
#include <limits>

using namespace mqttdesk;
using mqttdesk::test::makeMessage;

namespace {

constexpr qint64 kBaseUs = 1'700'000'000'000'000;

using test::writeHistory;

ExtractorSpec jsonPath(const QString &path)
{
    ExtractorSpec spec;
    spec.kind = ExtractorSpec::Kind::JsonPath;
    spec.path = path;
    return spec;
}

SeriesRequest request(const QString &filter, bool perTopic = false)
{
    SeriesRequest r;
    r.profileId = 1;
    r.topicFilter = filter;
    r.extractor = jsonPath(QStringLiteral("$.v"));
    r.perTopic = perTopic;
    return r;
}

QList<double> values(const Series &series)
{
    return QList<double>(series.values.begin(), series.values.end());
}

} // namespace

class TestSeriesLoader : public QObject
{
    Q_OBJECT
private slots:
    void exactValues();
    void topicFilterWithWildcards();
    void skippedPerReason();
    void largePayloads();
    void rangeBoundsAreInclusive();
    void emptyHistory();
    void clearedHistoryAnswersEmpty();
    void answersOnTheOwnersThread();
    void answersInOrder();
    void cacheHitReadsNothing();
    void cacheNoticesNewRows();
    void cacheIsBoundedInBytes();
    void retentionDropsCachedAnswers();
    void invalidRequestsAreErrors();
    void answerIsDroppedWhenTheLoaderIsGone();

private:
    QString freshPath() { return m_histories.next(); }
    // Loads and waits for the answer (processing events, as the GUI thread would).
    SeriesLoader::Answer load(SeriesLoader &loader, const SeriesRequest &r);

    test::FreshHistories m_histories;
};

SeriesLoader::Answer TestSeriesLoader::load(SeriesLoader &loader, const SeriesRequest &r)
{
    SeriesLoader::Answer answer;
    loader.load(r, [&answer](const SeriesLoader::Answer &a) { answer = a; });
    if (!QTest::qWaitFor([&answer] { return answer != nullptr; }, 60000))
        qFatal("no answer");
    return answer;
}

// 1,000 values as a device would send them, read back bit for bit, in time order.
void TestSeriesLoader::exactValues()
{
    const QString path = freshPath();
    QList<StoredMessage> messages;
    QList<double> sent;
    QList<qint64> times;
    for (int i = 0; i < 1000; ++i) {
        const double v = std::ldexp(double(i * 7919 % 1000 - 500), -3) + i / 3.0;
        const qint64 t = kBaseUs + qint64(i) * 1000;
        sent << v;
        times << t;
        messages << makeMessage(1, QStringLiteral("dev/v"),
                                "{\"t\":" + QByteArray::number(t / 1000) +
                                    ",\"v\":" + QByteArray::number(v, 'g', 17) + "}",
                                t);
    }
    writeHistory(path, messages, 700);
    SeriesLoader loader(path);
    const SeriesLoader::Answer answer = load(loader, request(QStringLiteral("dev/v")));
    QVERIFY2(!answer->error.isError(), qPrintable(answer->error.detail));
    QCOMPARE(answer->rowsRead, 1000);
    QCOMPARE(answer->series.size(), 1);
    const Series &s = answer->series.first();
    QVERIFY(s.topic.isEmpty());
    QCOMPARE(values(s), sent);
    QCOMPARE(QList<qint64>(s.timesUs.begin(), s.timesUs.end()), times);
    QCOMPARE(s.skipped, (std::array<qint64, 5>{}));
    QCOMPARE(answer->throughId, 1000);
}

void TestSeriesLoader::topicFilterWithWildcards()
{
    const QString path = freshPath();
    const QStringList topics{QStringLiteral("plant/1/temp"), QStringLiteral("plant/2/temp"),
                             QStringLiteral("plant/2/hum"), QStringLiteral("office/temp")};
    QList<StoredMessage> messages;
    for (int i = 0; i < 40; ++i) {
        const int topic = i % 4;
        const QByteArray v = QByteArray::number(topic + 1) + '.' + QByteArray::number(i);
        messages << makeMessage(1, topics.at(topic), "{\"v\":" + v + "}", kBaseUs + i);
    }
    // Another profile with the same topic: never part of profile 1's series.
    messages << makeMessage(2, topics.at(0), "{\"v\":99}", kBaseUs + 5);
    writeHistory(path, messages, 30);
    SeriesLoader loader(path);

    SeriesLoader::Answer a = load(loader, request(QStringLiteral("plant/+/temp"), true));
    QCOMPARE(a->series.size(), 2);
    QCOMPARE(a->series.at(0).topic, topics.at(0));
    QCOMPARE(a->series.at(1).topic, topics.at(1));
    QCOMPARE(a->series.at(0).values.size(), 10u);
    QCOMPARE(a->series.at(0).values.front(), 1.0);
    QCOMPARE(a->series.at(0).values.back(), 1.36);
    QCOMPARE(a->series.at(1).values.front(), 2.1);
    QCOMPARE(a->rowsRead, 20);

    a = load(loader, request(QStringLiteral("plant/+/temp")));
    QCOMPARE(a->series.size(), 1);
    QVERIFY(a->series.first().topic.isEmpty());
    QList<double> merged;
    for (int i = 0; i < 40; ++i) {
        if (i % 4 < 2)
            merged << QByteArray(QByteArray::number(i % 4 + 1) + '.' + QByteArray::number(i))
                          .toDouble();
    }
    QCOMPARE(values(a->series.first()), merged);

    a = load(loader, request(QStringLiteral("plant/#"), true));
    QCOMPARE(a->series.size(), 3);
    QCOMPARE(a->series.at(0).topic, topics.at(0));
    QCOMPARE(a->series.at(1).topic, topics.at(2)); // by name: "hum" before "temp"
    QCOMPARE(a->series.at(2).topic, topics.at(1));

    a = load(loader, request(QStringLiteral("#")));
    QCOMPARE(a->series.first().values.size(), 40u);

    a = load(loader, request(QStringLiteral("nothing/here")));
    QVERIFY(!a->error.isError());
    QCOMPARE(a->series.size(), 1);
    QVERIFY(a->series.first().values.empty());
    a = load(loader, request(QStringLiteral("nothing/here"), true));
    QVERIFY(!a->error.isError());
    QCOMPARE(a->series.size(), 0);
}

// Gaps are counted per reason, never read as zero.
void TestSeriesLoader::skippedPerReason()
{
    const QString path = freshPath();
    const QList<QByteArray> payloads{
        "{\"v\":1.5}",     "{\"v\":\"abc\"}", "{\"w\":1}",  "{\"v\":\"NaN\"}", "hello",
        "{\"v\":\"2.5\"}", "{\"v\":null}",    "",           "{\"v\":1e999}",   "{\"v\":{}}",
        "{\"v\":-3}",      "{\"v\":[1]}",     "{\"x\":{}}", "{\"v\":0}",       "{\"v\":7}",
    };
    QList<StoredMessage> messages;
    for (qsizetype i = 0; i < payloads.size(); ++i)
        messages << makeMessage(1, i % 2 ? QStringLiteral("s/odd") : QStringLiteral("s/even"),
                                payloads.at(i), kBaseUs + i);
    writeHistory(path, messages, 8);
    SeriesLoader loader(path);
    const SeriesLoader::Answer merged = load(loader, request(QStringLiteral("s/#")));
    const Series &s = merged->series.first();
    QCOMPARE(values(s), (QList<double>{1.5, 2.5, -3, 0, 7}));
    QCOMPARE(s.skippedCount(SkipReason::NotANumber), 4); // "abc", null, {}, [1]
    QCOMPARE(s.skippedCount(SkipReason::Missing), 3);    // no "v" twice, empty payload
    QCOMPARE(s.skippedCount(SkipReason::NotFinite), 2);  // "NaN", 1e999
    QCOMPARE(s.skippedCount(SkipReason::NotJson), 1);
    QCOMPARE(s.skippedCount(SkipReason::Undecodable), 0);
    QCOMPARE(merged->rowsRead, payloads.size());

    const SeriesLoader::Answer perTopic = load(loader, request(QStringLiteral("s/#"), true));
    QCOMPARE(perTopic->series.size(), 2);
    qint64 total = 0;
    for (const Series &t : perTopic->series) {
        for (qint64 n : t.skipped)
            total += n;
        total += qint64(t.values.size());
    }
    QCOMPARE(total, payloads.size());
    QCOMPARE(values(perTopic->series.at(0)), (QList<double>{1.5, -3, 7})); // s/even
}

void TestSeriesLoader::largePayloads()
{
    const QString path = freshPath();
    const QByteArray pad100k = QByteArray(100 * 1024, 'x');
    const QByteArray pad20k = QByteArray(20 * 1024, 'y');
    writeHistory(
        path,
        {makeMessage(1, QStringLiteral("big"), "{\"pad\":\"" + pad100k + "\",\"v\":42.5}", kBaseUs),
         makeMessage(1, QStringLiteral("big"), "{\"pad\":\"" + pad20k + "\",\"v\":-1}",
                     kBaseUs + 1),
         makeMessage(1, QStringLiteral("big"), "{\"pad\":\"" + pad100k + "\",\"v\":3}",
                     kBaseUs + 2)},
        2);
    SeriesLoader loader(path);
    const SeriesLoader::Answer a = load(loader, request(QStringLiteral("big")));
    QCOMPARE(values(a->series.first()), (QList<double>{42.5, -1, 3}));
}

void TestSeriesLoader::rangeBoundsAreInclusive()
{
    const QString path = freshPath();
    QList<StoredMessage> messages;
    for (int i = 0; i < 10; ++i)
        messages << makeMessage(1, QStringLiteral("r"), "{\"v\":" + QByteArray::number(i) + "}",
                                kBaseUs + i * 10);
    writeHistory(path, messages, 4);
    SeriesLoader loader(path);
    SeriesRequest r = request(QStringLiteral("r"));
    r.fromUs = kBaseUs + 20;
    r.toUs = kBaseUs + 70;
    const SeriesLoader::Answer a = load(loader, r);
    QCOMPARE(values(a->series.first()), (QList<double>{2, 3, 4, 5, 6, 7}));
    QCOMPARE(a->series.first().timesUs.front(), kBaseUs + 20);
    QCOMPARE(a->series.first().timesUs.back(), kBaseUs + 70);
    r.fromUs = r.toUs + 1;
    QCOMPARE(load(loader, r)->rowsRead, 0);
}

void TestSeriesLoader::emptyHistory()
{
    SeriesLoader loader(freshPath());
    SeriesLoader::Answer a = load(loader, request(QStringLiteral("#")));
    QVERIFY(!a->error.isError());
    QCOMPARE(a->series.size(), 1);
    QVERIFY(a->series.first().values.empty());
    QCOMPARE(a->rowsRead, 0);
    a = load(loader, request(QStringLiteral("#"), true));
    QVERIFY(!a->error.isError());
    QCOMPARE(a->series.size(), 0);
}

void TestSeriesLoader::clearedHistoryAnswersEmpty()
{
    const QString path = freshPath();
    QList<StoredMessage> messages;
    for (int i = 0; i < 50; ++i)
        messages << makeMessage(1, QStringLiteral("c/%1").arg(i % 2), "{\"v\":1}", kBaseUs + i);
    writeHistory(path, messages, 30);
    SeriesLoader loader(path);
    QCOMPARE(load(loader, request(QStringLiteral("c/#")))->rowsRead, 50);
    QCOMPARE(loader.cachedAnswers(), 1);
    {
        MessageWriter writer(path);
        writer.start();
        QVERIFY(!writer.eraseProfile(1, 30000).isError());
    }
    // Even before the cache is dropped, the cached answer is found stale.
    SeriesLoader::Answer a = load(loader, request(QStringLiteral("c/#")));
    QVERIFY(!a->error.isError());
    QCOMPARE(a->rowsRead, 0);
    QVERIFY(a->series.first().values.empty());
    a = load(loader, request(QStringLiteral("c/#"), true));
    QVERIFY(!a->error.isError());
    QCOMPARE(a->series.size(), 0);
    QCOMPARE(loader.cachedAnswers(), 2);
    loader.dropCached(2);
    QCOMPARE(loader.cachedAnswers(), 2);
    loader.dropCached(1);
    QCOMPARE(loader.cachedAnswers(), 0);
    QCOMPARE(loader.cachedBytes(), 0);
}

// No SQL on the owner's thread, load() returns at once, and the answer arrives there.
void TestSeriesLoader::answersOnTheOwnersThread()
{
    const QString path = freshPath();
    QList<StoredMessage> messages;
    for (int i = 0; i < 20000; ++i)
        messages << makeMessage(1, QStringLiteral("o"), "{\"v\":" + QByteArray::number(i) + "}",
                                kBaseUs + i);
    writeHistory(path, messages, 20000);
    SeriesLoader loader(path);
    SqlThreadAudit::watch(QThread::currentThread());
    QThread *answeredOn = nullptr;
    qint64 values = 0;
    loader.load(request(QStringLiteral("o")), [&](const SeriesLoader::Answer &answer) {
        answeredOn = QThread::currentThread();
        values = qint64(answer->series.first().values.size());
    });
    QVERIFY(!answeredOn); // queued, never called from inside load()
    QTRY_VERIFY_WITH_TIMEOUT(answeredOn, 60000);
    QCOMPARE(answeredOn, QThread::currentThread());
    QCOMPARE(values, 20000);
#ifdef MQTTDESK_SQL_AUDIT
    QCOMPARE(SqlThreadAudit::statements(), QStringList());
#endif
    SqlThreadAudit::watch(nullptr);
}

void TestSeriesLoader::answersInOrder()
{
    const QString path = freshPath();
    writeHistory(path, {makeMessage(1, QStringLiteral("a"), "{\"v\":1}", kBaseUs)}, 1);
    SeriesLoader loader(path);
    load(loader, request(QStringLiteral("a"))); // cached: the third request is a hit
    QList<int> order;
    const QStringList filters{QStringLiteral("#"), QStringLiteral("b"), QStringLiteral("a"),
                              QStringLiteral("+"), QStringLiteral("a")};
    for (int i = 0; i < filters.size(); ++i)
        loader.load(request(filters.at(i)),
                    [&order, i](const SeriesLoader::Answer &) { order << i; });
    QCOMPARE(loader.pendingRequests(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 5, 60000);
    QCOMPARE(order, (QList<int>{0, 1, 2, 3, 4}));
}

void TestSeriesLoader::cacheHitReadsNothing()
{
    const QString path = freshPath();
    QList<StoredMessage> messages;
    for (int i = 0; i < 300; ++i)
        messages << makeMessage(1, QStringLiteral("h"), "{\"v\":" + QByteArray::number(i) + "}",
                                kBaseUs + i);
    writeHistory(path, messages, 200);
    SeriesLoader loader(path);
    SeriesRequest whole = request(QStringLiteral("h"));
    const SeriesLoader::Answer first = load(loader, whole);
    QCOMPARE(loader.rowsScanned(), 300);
    QCOMPARE(load(loader, whole), first); // the same answer, shared
    QCOMPARE(loader.rowsScanned(), 300);

    SeriesRequest zoomed = whole;
    zoomed.fromUs = kBaseUs + 100;
    zoomed.toUs = kBaseUs + 149;
    const SeriesLoader::Answer part = load(loader, zoomed);
    QCOMPARE(part->rowsRead, 50);
    QCOMPARE(loader.rowsScanned(), 350);
    QCOMPARE(loader.cachedAnswers(), 2);
    // Zooming back out and in again reads nothing.
    QCOMPARE(load(loader, whole), first);
    QCOMPARE(load(loader, zoomed), part);
    QCOMPARE(loader.rowsScanned(), 350);
    // Another extractor is another request.
    SeriesRequest scaled = whole;
    scaled.extractor.scale = 2;
    QCOMPARE(load(loader, scaled)->series.first().values.back(), 598.0);
    QCOMPARE(loader.rowsScanned(), 650);

    loader.dropCached();
    QCOMPARE(loader.cachedAnswers(), 0);
    QVERIFY(load(loader, whole) != first);
    QCOMPARE(loader.rowsScanned(), 950);
}

// Rows stored after an answer was read make it stale only when they fall in its range.
void TestSeriesLoader::cacheNoticesNewRows()
{
    const QString path = freshPath();
    writeHistory(path,
                 {makeMessage(1, QStringLiteral("n"), "{\"v\":1}", kBaseUs),
                  makeMessage(1, QStringLiteral("n"), "{\"v\":2}", kBaseUs + 10)},
                 2);
    SeriesLoader loader(path);
    SeriesRequest r = request(QStringLiteral("n"));
    r.toUs = kBaseUs + 100;
    const SeriesLoader::Answer first = load(loader, r);
    QCOMPARE(values(first->series.first()), (QList<double>{1, 2}));
    // Past the range, on another topic, in another profile: the answer holds.
    writeHistory(path,
                 {makeMessage(1, QStringLiteral("n"), "{\"v\":3}", kBaseUs + 200),
                  makeMessage(1, QStringLiteral("m"), "{\"v\":4}", kBaseUs + 50),
                  makeMessage(2, QStringLiteral("n"), "{\"v\":5}", kBaseUs + 50)},
                 3);
    QCOMPARE(load(loader, r), first);
    QCOMPARE(loader.rowsScanned(), 2);
    writeHistory(path, {makeMessage(1, QStringLiteral("n"), "{\"v\":6}", kBaseUs + 5)}, 0);
    const SeriesLoader::Answer second = load(loader, r);
    QVERIFY(second != first);
    QCOMPARE(values(second->series.first()), (QList<double>{1, 6, 2}));
    // A new topic that the filter now matches counts too.
    SeriesRequest wild = request(QStringLiteral("+"));
    const SeriesLoader::Answer before = load(loader, wild);
    writeHistory(path, {makeMessage(1, QStringLiteral("new"), "{\"v\":7}", kBaseUs + 300)}, 1);
    const SeriesLoader::Answer after = load(loader, wild);
    QCOMPARE(after->rowsRead, before->rowsRead + 1);
}

void TestSeriesLoader::cacheIsBoundedInBytes()
{
    const QString path = freshPath();
    QList<StoredMessage> messages;
    for (int i = 0; i < 1000; ++i)
        messages << makeMessage(1, QStringLiteral("b"), "{\"v\":1}", kBaseUs + i);
    writeHistory(path, messages, 1000);
    SeriesLoader loader(path);
    QCOMPARE(loader.cacheBudget(), SeriesLoader::kDefaultCacheBudget);
    SeriesRequest a = request(QStringLiteral("b"));
    SeriesRequest b = a;
    b.toUs = kBaseUs + 499;
    load(loader, a);
    const qint64 whole = loader.cachedBytes();
    QVERIFY(whole >= 1000 * 16); // a time and a value per point
    load(loader, b);
    QCOMPARE(loader.cachedAnswers(), 2);
    // Room for the whole answer only: the least recently used goes.
    loader.setCacheBudget(whole);
    QCOMPARE(loader.cachedAnswers(), 1);
    QVERIFY(loader.cachedBytes() <= whole);
    load(loader, a);
    QCOMPARE(loader.cachedAnswers(), 1);
    QCOMPARE(loader.cachedBytes(), whole);
    // An answer over the budget is not kept at all.
    loader.setCacheBudget(whole - 1);
    QCOMPARE(loader.cachedAnswers(), 0);
    load(loader, a);
    QCOMPARE(loader.cachedAnswers(), 0);
    QCOMPARE(loader.cachedBytes(), 0);
}

void TestSeriesLoader::retentionDropsCachedAnswers()
{
    const QString path = freshPath();
    MessageWriter::Options options;
    options.retentionIntervalMs = 10;
    MessageWriter writer(path, options);
    writer.start();
    for (int i = 0; i < 10; ++i)
        QVERIFY(writer.enqueue(makeMessage(1, QStringLiteral("k"), "{\"v\":1}", kBaseUs + i)));
    QVERIFY(writer.waitUntilIdle(30000));
    SeriesLoader loader(path);
    loader.watch(&writer);
    SeriesRequest late = request(QStringLiteral("k"));
    late.fromUs = kBaseUs + 8;
    load(loader, request(QStringLiteral("k")));
    load(loader, late);
    QCOMPARE(loader.cachedAnswers(), 2);
    writer.setRetention(1, RetentionPolicy{5, 0, 0});
    // Rows 1-5 go: the answer that held them goes, the one of rows 9 and 10 stays.
    QTRY_COMPARE_WITH_TIMEOUT(loader.cachedAnswers(), 1, 30000);
    QCOMPARE(load(loader, request(QStringLiteral("k")))->rowsRead, 5);
    QCOMPARE(load(loader, late)->rowsRead, 2);
    QCOMPARE(loader.rowsScanned(), 10 + 2 + 5);
}

void TestSeriesLoader::invalidRequestsAreErrors()
{
    const QString path = freshPath();
    writeHistory(path, {makeMessage(1, QStringLiteral("a"), "1", kBaseUs)}, 1);
    SeriesLoader loader(path);
    SeriesLoader::Answer a = load(loader, request(QStringLiteral("a/#/b")));
    QCOMPARE(a->error.kind, StorageError::Kind::InvalidFilter);
    QVERIFY(!a->error.message.isEmpty());

    SeriesRequest r = request(QStringLiteral("a"));
    r.extractor.kind = ExtractorSpec::Kind::Decoded;
    r.extractor.decoder = QStringLiteral("no-such-decoder");
    QVERIFY(!ValueExtractor::make(r.extractor));
    a = load(loader, r);
    QVERIFY(a->error.isError());
    QVERIFY(!a->error.message.isEmpty());
    QCOMPARE(a->rowsRead, 0);
    QCOMPARE(loader.cachedAnswers(), 0); // errors are not kept

    r.extractor = ExtractorSpec{}; // the payload as a number
    QCOMPARE(values(load(loader, r)->series.first()), (QList<double>{1}));
}

void TestSeriesLoader::answerIsDroppedWhenTheLoaderIsGone()
{
    const QString path = freshPath();
    writeHistory(path, {makeMessage(1, QStringLiteral("a"), "{\"v\":1}", kBaseUs)}, 1);
    bool called = false;
    auto loader = std::make_unique<SeriesLoader>(path);
    loader->load(request(QStringLiteral("a")),
                 [&called](const SeriesLoader::Answer &) { called = true; });
    loader.reset(); // waits for the worker, whose answer is then queued to a gone object
    QCoreApplication::processEvents();
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestSeriesLoader)
#include "tst_series_loader.moc"
