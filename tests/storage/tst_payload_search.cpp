#include "core/storage/database.h"
#include "core/storage/message_writer.h"
#include "core/storage/payload_search.h"
#include "support/history_fixture.h"
#include "support/message_factory.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using mqttdesk::test::HistoryFixture;

class TestPayloadSearch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void substringStreamsBatchesNewestFirst();
    void caseInsensitive();
    void regularExpressionComposesWithFilters();
    void largePayloadsAreSearched();
    void maxResultsStopsEarly();
    void cancelStopsResults();
    void invalidExpressionIsRefused();

private:
    QList<qint64> runSearch(const PayloadSearch::Request &request, int *batches = nullptr);
    QTemporaryDir m_dir;
    QString m_path;
};

void TestPayloadSearch::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("s.sqlite"));
    Database db(m_path);
    QVERIFY(!db.open().isError());
    MessageWriter writer(m_path);
    writer.start();
    for (int i = 0; i < HistoryFixture::kCount; ++i)
        QVERIFY(writer.enqueue(HistoryFixture::message(i)));
    QByteArray big(100 * 1024, 'q');
    big.append("needle-in-a-big-payload");
    QVERIFY(writer.enqueue(test::makeMessage(1, QStringLiteral("big"), big)));
    QVERIFY(writer.waitUntilIdle(60000));
}

QList<qint64> TestPayloadSearch::runSearch(const PayloadSearch::Request &request, int *batches)
{
    PayloadSearch search(m_path);
    QSignalSpy results(&search, &PayloadSearch::resultsReady);
    QSignalSpy finished(&search, &PayloadSearch::finished);
    QString error;
    if (!search.start(request, &error))
        qFatal("start failed: %s", qPrintable(error));
    if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, 60000))
        qFatal("search did not finish");
    QList<qint64> ids;
    for (const auto &args : std::as_const(results)) {
        for (const StoredMessage &m : args.at(0).value<StoredMessageList>())
            ids << m.id;
    }
    if (batches)
        *batches = int(results.count());
    if (finished.first().at(0).toLongLong() != ids.size() || finished.first().at(1).toBool())
        qFatal("finished() does not match the results");
    return ids;
}

void TestPayloadSearch::substringStreamsBatchesNewestFirst()
{
    PayloadSearch::Request request;
    request.filter.profileId = 1;
    request.pattern = QStringLiteral(" ok");
    request.batchSize = 50;
    int batches = 0;
    const QList<qint64> ids = runSearch(request, &batches);
    const QList<qint64> want = HistoryFixture::expectedIds(
        [](const StoredMessage &m) { return m.payload.contains(" ok"); });
    QCOMPARE(ids, want);
    QCOMPARE(batches, int((want.size() + 49) / 50));
}

void TestPayloadSearch::caseInsensitive()
{
    PayloadSearch::Request request;
    request.filter.profileId = 1;
    request.pattern = QStringLiteral("ALARM: FIRE");
    request.mode = PayloadSearch::Mode::SubstringCaseInsensitive;
    QCOMPARE(runSearch(request).size(), 10);
    request.mode = PayloadSearch::Mode::Substring;
    QCOMPARE(runSearch(request).size(), 0);
}

void TestPayloadSearch::regularExpressionComposesWithFilters()
{
    PayloadSearch::Request request;
    request.filter.profileId = 1;
    request.filter.topicFilter = QStringLiteral("home/#");
    request.filter.retain = false;
    request.pattern = QStringLiteral("^reading \\d*7 ok$");
    request.mode = PayloadSearch::Mode::RegularExpression;
    const QRegularExpression expression(request.pattern);
    const QList<qint64> want = HistoryFixture::expectedIds([&](const StoredMessage &m) {
        return m.topic.startsWith(QLatin1String("home/")) && !m.retain &&
               expression.match(QString::fromUtf8(m.payload)).hasMatch();
    });
    QVERIFY(!want.isEmpty());
    QCOMPARE(runSearch(request), want);
}

void TestPayloadSearch::largePayloadsAreSearched()
{
    PayloadSearch::Request request;
    request.filter.profileId = 1;
    request.pattern = QStringLiteral("needle-in-a-big");
    QCOMPARE(runSearch(request), (QList<qint64>{HistoryFixture::kCount + 1}));
}

void TestPayloadSearch::maxResultsStopsEarly()
{
    PayloadSearch::Request request;
    request.filter.profileId = 1;
    request.pattern = QStringLiteral("reading");
    request.maxResults = 25;
    request.batchSize = 10;
    const QList<qint64> ids = runSearch(request);
    QCOMPARE(ids.size(), 25);
    QCOMPARE(ids.first(), HistoryFixture::expectedIds([](const StoredMessage &m) {
                              return m.payload.startsWith("reading");
                          }).first());
}

void TestPayloadSearch::cancelStopsResults()
{
    PayloadSearch search(m_path);
    QList<qint64> ids;
    connect(&search, &PayloadSearch::resultsReady, this, [&](const StoredMessageList &batch) {
        for (const StoredMessage &m : batch)
            ids << m.id;
    });
    QSignalSpy finished(&search, &PayloadSearch::finished);
    PayloadSearch::Request request;
    request.filter.profileId = 1;
    request.pattern = QStringLiteral("reading");
    request.batchSize = 1;
    QVERIFY(search.start(request));
    search.cancel();
    QCOMPARE(finished.count(), 1);
    QVERIFY(finished.first().at(1).toBool());
    QVERIFY(!search.isRunning());
    // A new search follows; nothing of the canceled one may be delivered after cancel().
    const qsizetype beforeSecond = ids.size();
    request.pattern = QStringLiteral("alarm");
    request.batchSize = 100;
    QVERIFY(search.start(request));
    QTRY_COMPARE(finished.count(), 2);
    QCOMPARE(ids.size() - beforeSecond, 10);
    QVERIFY(!finished.last().at(1).toBool());
}

void TestPayloadSearch::invalidExpressionIsRefused()
{
    PayloadSearch search(m_path);
    PayloadSearch::Request request;
    request.filter.profileId = 1;
    request.pattern = QStringLiteral("(unclosed");
    request.mode = PayloadSearch::Mode::RegularExpression;
    QString error;
    QVERIFY(!search.start(request, &error));
    QVERIFY(error.contains(QStringLiteral("not valid")));
    QVERIFY(!search.isRunning());
    request.pattern.clear();
    QVERIFY(!search.start(request, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestPayloadSearch)
#include "tst_payload_search.moc"
