#include "core/protocol/topic.h"
#include "core/storage/database.h"
#include "core/storage/database_connection.h"
#include "core/storage/message_query.h"
#include "core/storage/message_writer.h"
#include "support/history_fixture.h"
#include "support/message_factory.h"

#include "core/storage/fts_tail_matcher.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace mqttdesk;
using mqttdesk::test::HistoryFixture;

using Predicate = std::function<bool(const StoredMessage &)>;
Q_DECLARE_METATYPE(Predicate)

class TestMessageQuery : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void newestFirstKeysetPaging();
    void newerThanPages();
    void aroundTimestamp();
    void filters_data();
    void filters();
    void fieldsRoundTrip();
    void largePayloadIsDeferred();
    void invalidTopicFilterIsTypedError();
    void invalidRegexIsTypedError();
    void countHonoursCancel();
    void userTextNeverBecomesFtsSyntax();
    void otherProfilesStayOut();
    void tailTokensFollowFts();
    void sameResultsOnceIndexed(); // last: indexes the tail

private:
    QList<qint64> allIds(const MessageFilter &filter, int pageSize);
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MessageQuery> m_query;
};

void TestMessageQuery::initTestCase()
{
    const QString path = m_dir.filePath(QStringLiteral("q.sqlite"));
    m_db = std::make_unique<Database>(path);
    QVERIFY(!m_db->open().isError());
    // The first 600 rows are indexed; the rest stays in the unindexed tail (as during a
    // flood), so every query below runs across both halves: the indexes up to the
    // watermark and the scan above it.
    {
        MessageWriter writer(path);
        writer.start();
        for (int i = 0; i < 600; ++i)
            QVERIFY(writer.enqueue(HistoryFixture::message(i)));
        QVERIFY(writer.waitUntilIndexed(60000));
    }
    MessageWriter::Options deferred;
    deferred.indexWhenIdle = false;
    deferred.indexBacklogLimit = std::numeric_limits<qint64>::max();
    MessageWriter writer(path, deferred);
    writer.start();
    for (int i = 600; i < HistoryFixture::kCount; ++i)
        QVERIFY(writer.enqueue(HistoryFixture::message(i)));
    QVERIFY(writer.waitUntilIdle(60000));
    // Another profile with the same topics, written afterwards.
    for (int i = 0; i < 50; ++i) {
        StoredMessage other = HistoryFixture::message(i);
        other.profileId = 2;
        QVERIFY(writer.enqueue(other));
    }
    QVERIFY(writer.waitUntilIdle(60000));
    QCOMPARE(writer.unindexedCount(), HistoryFixture::kCount - 600 + 50);
    m_query = std::make_unique<MessageQuery>(m_db->connection());
}

QList<qint64> TestMessageQuery::allIds(const MessageFilter &filter, int pageSize)
{
    QList<qint64> ids;
    PageRequest request = PageRequest::newest(pageSize);
    for (int guard = 0; guard < 10000; ++guard) {
        StorageError error;
        const MessagePage page = m_query->fetch(filter, request, &error);
        if (error.isError())
            qFatal("fetch failed: %s", qPrintable(error.detail));
        for (const StoredMessage &m : page.messages)
            ids << m.id;
        if (!page.hasOlder || page.messages.isEmpty())
            break;
        request = PageRequest::olderThan(page.messages.constLast().id, pageSize);
    }
    return ids;
}

void TestMessageQuery::newestFirstKeysetPaging()
{
    MessageFilter filter;
    filter.profileId = 1;
    const MessagePage first = m_query->fetch(filter, PageRequest::newest(100));
    QCOMPARE(first.messages.size(), 100);
    QCOMPARE(first.messages.first().id, 1000);
    QCOMPARE(first.messages.last().id, 901);
    QVERIFY(first.hasOlder);
    QVERIFY(!first.hasNewer);
    const MessagePage second = m_query->fetch(filter, PageRequest::olderThan(901, 100));
    QCOMPARE(second.messages.first().id, 900);
    QCOMPARE(second.messages.last().id, 801);
    const MessagePage last = m_query->fetch(filter, PageRequest::olderThan(31, 100));
    QCOMPARE(last.messages.size(), 30);
    QVERIFY(!last.hasOlder);
    QCOMPARE(allIds(filter, 77),
             HistoryFixture::expectedIds([](const StoredMessage &) { return true; }));
}

void TestMessageQuery::newerThanPages()
{
    MessageFilter filter;
    filter.profileId = 1;
    const MessagePage page = m_query->fetch(filter, PageRequest::newerThan(500, 10));
    QCOMPARE(page.messages.size(), 10);
    QCOMPARE(page.messages.first().id, 510); // still newest first
    QCOMPARE(page.messages.last().id, 501);
    QVERIFY(page.hasNewer);
    const MessagePage end = m_query->fetch(filter, PageRequest::newerThan(995, 10));
    QCOMPARE(end.messages.size(), 5);
    QVERIFY(!end.hasNewer);
    // Filtered and newer-than compose.
    filter.topicFilter = QStringLiteral("home/room3/#");
    const MessagePage filtered = m_query->fetch(filter, PageRequest::newerThan(900, 3));
    QList<qint64> ids;
    for (const auto &m : filtered.messages)
        ids << m.id;
    QCOMPARE(ids, (QList<qint64>{934, 914, 904})); // i = 923 is a dev/ topic
}

void TestMessageQuery::aroundTimestamp()
{
    MessageFilter filter;
    filter.profileId = 1;
    // Message i = 500 (id 501) was received at base + 500 ms.
    const MessagePage page =
        m_query->fetch(filter, PageRequest::aroundTime(HistoryFixture::kBaseUs + 500 * 1000, 20));
    QCOMPARE(page.messages.size(), 20);
    // The pivot (first row at or after the time) opens the newer half.
    QCOMPARE(page.messages.first().id, 510);
    QCOMPARE(page.messages.last().id, 491);
    QVERIFY(page.hasOlder);
    QVERIFY(page.hasNewer);
    // Before the first message: the page starts at the oldest row.
    const MessagePage start = m_query->fetch(filter, PageRequest::aroundTime(0, 10));
    QCOMPARE(start.messages.last().id, 1);
    QVERIFY(!start.hasOlder);
    // After the last: the newest page.
    const MessagePage end =
        m_query->fetch(filter, PageRequest::aroundTime(HistoryFixture::kBaseUs * 2, 10));
    QCOMPARE(end.messages.first().id, 1000);
}

void TestMessageQuery::filters_data()
{
    QTest::addColumn<MessageFilter>("filter");
    QTest::addColumn<Predicate>("expected");
    using D = StoredMessage::Direction;
    const auto with = [](auto change) {
        MessageFilter f;
        f.profileId = 1;
        change(f);
        return f;
    };
    const auto topicIs = [](const QString &filter) {
        return Predicate(
            [filter](const StoredMessage &m) { return Topic::matches(filter, m.topic); });
    };
    QTest::addRow("outgoing") << with([](MessageFilter &f) {
        f.direction = D::Outgoing;
    }) << Predicate([](const StoredMessage &m) { return m.direction == D::Outgoing; });
    QTest::addRow("incoming") << with([](MessageFilter &f) {
        f.direction = D::Incoming;
    }) << Predicate([](const StoredMessage &m) { return m.direction == D::Incoming; });
    QTest::addRow("qos 0 and 2") << with([](MessageFilter &f) { f.qosMask = 0b101; })
                                 << Predicate([](const StoredMessage &m) { return m.qos != 1; });
    QTest::addRow("retained") << with([](MessageFilter &f) { f.retain = true; })
                              << Predicate([](const StoredMessage &m) { return m.retain; });
    QTest::addRow("not retained") << with([](MessageFilter &f) { f.retain = false; })
                                  << Predicate([](const StoredMessage &m) { return !m.retain; });
    QTest::addRow("time range") << with([](MessageFilter &f) {
        f.fromUs = HistoryFixture::kBaseUs + 100 * 1000;
        f.toUs = HistoryFixture::kBaseUs + 199 * 1000;
    }) << Predicate([](const StoredMessage &m) {
        return m.receivedUs >= HistoryFixture::kBaseUs + 100 * 1000 &&
               m.receivedUs <= HistoryFixture::kBaseUs + 199 * 1000;
    });
    const QStringList topicFilters{QStringLiteral("home/+/temp"), QStringLiteral("home/room3/#"),
                                   QStringLiteral("home/#"),      QStringLiteral("#"),
                                   QStringLiteral("+/+/+"),       QStringLiteral("home/room3/temp"),
                                   QStringLiteral("dev/+/value"), // 90 topics: the IN-list path
                                   QStringLiteral("$SYS/#"),      QStringLiteral("nothing/here"),
                                   QStringLiteral("home/room3")};
    for (const QString &tf : topicFilters) {
        QTest::addRow("topic %s", qPrintable(tf))
            << with([tf](MessageFilter &f) { f.topicFilter = tf; }) << topicIs(tf);
    }
    QTest::addRow("text alarm") << with([](MessageFilter &f) {
        f.text = QStringLiteral("alarm");
    }) << Predicate([](const StoredMessage &m) { return m.payload.startsWith("alarm"); });
    QTest::addRow("text two words")
        << with([](MessageFilter &f) { f.text = QStringLiteral("fire 3"); })
        << Predicate([](const StoredMessage &m) { return m.payload == "alarm: fire in room 3"; });
    QTest::addRow("text prefix-free")
        << with([](MessageFilter &f) { f.text = QStringLiteral("READING"); })
        << Predicate([](const StoredMessage &m) { return m.payload.startsWith("reading"); });
    QTest::addRow("everything composed") << with([](MessageFilter &f) {
        f.topicFilter = QStringLiteral("home/#");
        f.text = QStringLiteral("reading");
        f.retain = false;
        f.qosMask = 0b011;
        f.direction = D::Incoming;
        f.toUs = HistoryFixture::kBaseUs + 700 * 1000;
    }) << Predicate([](const StoredMessage &m) {
        return m.topic.startsWith(QLatin1String("home/")) && m.payload.startsWith("reading") &&
               !m.retain && m.qos < 2 && m.direction == D::Incoming &&
               m.receivedUs <= HistoryFixture::kBaseUs + 700 * 1000;
    });
    // Regular expressions, checked against QRegularExpression on the stored payload.
    for (const QString &pattern :
         {QStringLiteral("^reading [0-9]*5\\b"), QStringLiteral("(?i)FIRE IN ROOM [13]"),
          QStringLiteral("room\\s3$"), QStringLiteral("no such thing")}) {
        QTest::addRow("regex %s", qPrintable(pattern)) << with([pattern](MessageFilter &f) {
            f.payloadRegex = pattern;
        }) << Predicate([pattern](const StoredMessage &m) {
            return QRegularExpression(pattern).match(QString::fromUtf8(m.payload)).hasMatch();
        });
    }
    QTest::addRow("regex with words and topics") << with([](MessageFilter &f) {
        f.topicFilter = QStringLiteral("home/#");
        f.text = QStringLiteral("reading");
        f.payloadRegex = QStringLiteral("1$");
    }) << Predicate([](const StoredMessage &m) {
        return m.topic.startsWith(QLatin1String("home/")) && m.payload.startsWith("reading") &&
               m.payload.endsWith('1');
    });
    QTest::addRow("topics and qos") << with([](MessageFilter &f) {
        f.topicFilter = QStringLiteral("home/room3/#");
        f.qosMask = 0b100;
    }) << Predicate([](const StoredMessage &m) {
        return m.topic.startsWith(QLatin1String("home/room3/")) && m.qos == 2;
    });
}

void TestMessageQuery::filters()
{
    QFETCH(MessageFilter, filter);
    QFETCH(Predicate, expected);
    const QList<qint64> want = HistoryFixture::expectedIds(expected);
    QCOMPARE(allIds(filter, 37), want);
    QCOMPARE(allIds(filter, 1000), want);
    StorageError error;
    QCOMPARE(m_query->count(filter, &error), want.size());
    QVERIFY(!error.isError());
    // Range counts (used for appended rows) agree too.
    QCOMPARE(
        m_query->count(filter, &error, nullptr, 500, 800),
        std::count_if(want.cbegin(), want.cend(), [](qint64 id) { return id > 500 && id <= 800; }));
}

void TestMessageQuery::fieldsRoundTrip()
{
    MessageFilter filter;
    filter.profileId = 1;
    const MessagePage page = m_query->fetch(filter, PageRequest::newest(1000));
    QCOMPARE(page.messages.size(), HistoryFixture::kCount);
    for (const StoredMessage &got : page.messages) {
        StoredMessage want = HistoryFixture::message(int(got.id - 1));
        want.id = got.id;
        want.payloadSize = want.payload.size();
        QCOMPARE(got, want);
    }
}

void TestMessageQuery::largePayloadIsDeferred()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.sqlite"));
    Database db(path);
    QVERIFY(!db.open().isError());
    MessageWriter writer(path);
    writer.start();
    QByteArray big(200 * 1024, 'z');
    big[5] = '\xff';
    StoredMessage message = test::makeMessage(1, QStringLiteral("big"), big);
    message.properties = QByteArray::fromHex("0101");
    QVERIFY(writer.enqueue(message));
    QVERIFY(writer.waitUntilIdle(30000));
    MessageQuery query(db.connection());
    MessageFilter filter;
    filter.profileId = 1;
    const MessagePage page = query.fetch(filter, PageRequest::newest(10));
    QCOMPARE(page.messages.size(), 1);
    const StoredMessage &got = page.messages.first();
    QVERIFY(got.payloadDeferred);
    QVERIFY(got.payload.isEmpty());
    QCOMPARE(got.payloadSize, big.size());
    QCOMPARE(got.properties, message.properties);
    QCOMPARE(query.loadPayload(got.id), big);
    // A regular expression reads a large payload from the side table.
    filter.payloadRegex = QStringLiteral("z{1000}$");
    QCOMPARE(query.count(filter), 1);
    filter.payloadRegex = QStringLiteral("^y");
    QCOMPARE(query.count(filter), 0);
}

void TestMessageQuery::invalidRegexIsTypedError()
{
    MessageFilter filter;
    filter.profileId = 1;
    filter.payloadRegex = QStringLiteral("(unclosed");
    StorageError error;
    QCOMPARE(m_query->fetch(filter, PageRequest::newest(10), &error).messages.size(), 0);
    QCOMPARE(error.kind, StorageError::Kind::InvalidPattern);
    QVERIFY(error.message.contains(QStringLiteral("(unclosed")));
    error = {};
    QCOMPARE(m_query->count(filter, &error), -1);
    QCOMPARE(error.kind, StorageError::Kind::InvalidPattern);
}

void TestMessageQuery::invalidTopicFilterIsTypedError()
{
    MessageFilter filter;
    filter.profileId = 1;
    for (const QString &bad :
         {QStringLiteral("a/#/b"), QStringLiteral("a+"), QStringLiteral("#a")}) {
        filter.topicFilter = bad;
        StorageError error;
        const MessagePage page = m_query->fetch(filter, PageRequest::newest(10), &error);
        QCOMPARE(error.kind, StorageError::Kind::InvalidFilter);
        QVERIFY(error.message.contains(bad));
        QVERIFY(page.messages.isEmpty());
    }
}

void TestMessageQuery::countHonoursCancel()
{
    MessageFilter filter;
    filter.profileId = 1;
    filter.retain = true;
    std::atomic_bool cancel{true};
    QCOMPARE(m_query->count(filter, nullptr, &cancel), -1);
    cancel = false;
    QCOMPARE(m_query->count(filter, nullptr, &cancel), 200);
}

void TestMessageQuery::userTextNeverBecomesFtsSyntax()
{
    QCOMPARE(MessageQuery::ftsExpression(QStringLiteral(" fire \"x OR  NEAR(")),
             QStringLiteral("\"fire\" \"\"\"x\" \"OR\" \"NEAR(\""));
    MessageFilter filter;
    filter.profileId = 1;
    for (const QString &text :
         {QStringLiteral("\"unbalanced"), QStringLiteral("a OR"), QStringLiteral("NOT"),
          QStringLiteral("x*"), QStringLiteral("col:val"), QStringLiteral("(")}) {
        filter.text = text;
        StorageError error;
        m_query->fetch(filter, PageRequest::newest(10), &error);
        QVERIFY2(!error.isError(), qPrintable(text + QLatin1Char(' ') + error.detail));
    }
}

void TestMessageQuery::otherProfilesStayOut()
{
    MessageFilter filter;
    filter.profileId = 2;
    QCOMPARE(allIds(filter, 7).size(), 50);
    filter.text = QStringLiteral("alarm");
    QCOMPARE(allIds(filter, 7).size(), 1); // i = 42 only
    filter.text.clear();
    filter.topicFilter = QStringLiteral("home/room3/#");
    QCOMPARE(allIds(filter, 7).size(), 4); // i = 3, 13, 33, 43 (23 is a dev/ topic)
    QCOMPARE(m_query->lastId(2), 1050);
}

// The scan of the unindexed tail must agree with what FTS5 (unicode61) finds: it uses the
// connection's own unicode61 tokenizer.
void TestMessageQuery::tailTokensFollowFts()
{
    const DatabaseConnection &connection = m_db->connection();
    const auto matches = [&](const QString &query, const QByteArray &payload) {
        const FtsTailMatcher matcher(connection, query);
        if (matcher.error().isError())
            qFatal("%s", qPrintable(matcher.error().detail));
        return matcher.matches(payload);
    };
    const FtsTailMatcher any(connection, QStringLiteral("x"));
    QVERIFY(!any.error().isError());
    QCOMPARE(any.tokens(QStringLiteral("Crème brûlée -- x_y ÉCOLE İx a1b2 ς ſ µ").toUtf8()),
             (QList<QByteArray>{"creme", "brulee", "x", "y", "ecole", "ix", "a1b2",
                                QStringLiteral("σ").toUtf8(), "s", QStringLiteral("μ").toUtf8()}));
    const QByteArray payload = QStringLiteral("Crème brûlée: foo-bar x_y").toUtf8();
    QVERIFY(matches(QStringLiteral("creme"), payload));
    QVERIFY(matches(QStringLiteral("FOO-BAR"), payload)); // a phrase
    QVERIFY(matches(QStringLiteral("x y brulee"), payload));
    QVERIFY(matches(QStringLiteral("--- creme"), payload)); // empty phrase
    QVERIFY(!matches(QStringLiteral("---"), payload));
    QVERIFY(!matches(QStringLiteral("bar-foo"), payload));
    QVERIFY(!matches(QStringLiteral("cre"), payload)); // whole tokens only

    // ASCII payloads are first checked for the query's tokens as substrings in any case;
    // the answer is the tokenizer's all the same.
    const QByteArray ascii("Fire in ROOM 3: a1b2 x_y, temp=21.5");
    QVERIFY(matches(QStringLiteral("fire room"), ascii));
    QVERIFY(matches(QStringLiteral("IN-room"), ascii));
    QVERIFY(matches(QStringLiteral("A1B2 21"), ascii));
    QVERIFY(matches(QStringLiteral("Fîre"), ascii)); // folds to ASCII
    QVERIFY(matches(QStringLiteral("21.5"), ascii)); // "21" then "5"
    QVERIFY(!matches(QStringLiteral("fir"), ascii)); // a substring only
    QVERIFY(!matches(QStringLiteral("room-in"), ascii));
    QVERIFY(!matches(QStringLiteral("fire ø"), ascii)); // ø stays ø: no ASCII payload has it
    QVERIFY(!matches(QStringLiteral("x_z"), ascii));
    // Control characters that fold onto digits pass the substring test, not the tokens.
    QVERIFY(!matches(QStringLiteral("12"), QByteArray("\x11\x12 x")));
    QVERIFY(matches(QStringLiteral("12"), QByteArray("\x11 12 x")));
}

// Indexing the tail changes no result: every filter gives the same rows and counts
// before (scan above the watermark) and after (indexes only).
void TestMessageQuery::sameResultsOnceIndexed()
{
    QList<MessageFilter> filters;
    const auto add = [&](auto change) {
        MessageFilter f;
        f.profileId = 1;
        change(f);
        filters << f;
    };
    add([](MessageFilter &) {});
    add([](MessageFilter &f) { f.text = QStringLiteral("alarm"); });
    add([](MessageFilter &f) { f.text = QStringLiteral("fire 3"); });
    add([](MessageFilter &f) { f.text = QStringLiteral("ok"); });
    add([](MessageFilter &f) { f.topicFilter = QStringLiteral("home/+/temp"); });
    add([](MessageFilter &f) { f.topicFilter = QStringLiteral("dev/+/value"); });
    add([](MessageFilter &f) {
        f.topicFilter = QStringLiteral("home/#");
        f.text = QStringLiteral("reading");
    });
    QList<QList<qint64>> before;
    QList<qint64> counts;
    for (const MessageFilter &f : std::as_const(filters)) {
        before << allIds(f, 37);
        counts << m_query->count(f);
        QCOMPARE(counts.last(), before.last().size());
    }
    const MessagePage aroundBefore = m_query->fetch(
        filters.first(), PageRequest::aroundTime(HistoryFixture::kBaseUs + 800 * 1000, 10));
    {
        MessageWriter writer(m_db->path());
        writer.start();
        QVERIFY(writer.waitUntilIndexed(60000));
        QCOMPARE(writer.unindexedCount(), 0);
    }
    for (qsizetype i = 0; i < filters.size(); ++i) {
        QCOMPARE(allIds(filters.at(i), 37), before.at(i));
        QCOMPARE(m_query->count(filters.at(i)), counts.at(i));
    }
    const MessagePage aroundAfter = m_query->fetch(
        filters.first(), PageRequest::aroundTime(HistoryFixture::kBaseUs + 800 * 1000, 10));
    QCOMPARE(aroundAfter.messages, aroundBefore.messages);
}

QTEST_GUILESS_MAIN(TestMessageQuery)
#include "tst_message_query.moc"
