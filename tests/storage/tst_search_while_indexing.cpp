// Search stays complete while the indexes catch up. Right after a burst most rows are above
// the indexer's watermark (scripts/bench-storage: ~475,000 after 1M messages); a search
// through MessageQuery (what HistoryReader runs for the stream) and the counts of
// MessageHistory must find every match among them as well as among the indexed rows, in
// both paging directions and around a time, for words, regular expressions and topics.
#include "core/protocol/topic.h"
#include "core/storage/database.h"
#include "core/storage/message_history.h"
#include "core/storage/message_query.h"
#include "core/storage/message_writer.h"
#include "support/backlog_fixture.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace mqttdesk;
using mqttdesk::test::BacklogFixture;

using Predicate = std::function<bool(const StoredMessage &)>;
Q_DECLARE_METATYPE(Predicate)

namespace {
constexpr int kCount = 5000;
constexpr int kIndexed = 2000; // ids 1..2000 indexed, 2001..5000 in the unindexed tail
constexpr int kWait = 60000;

QList<qint64> idsOf(const MessagePage &page)
{
    QList<qint64> ids;
    for (const StoredMessage &m : page.messages)
        ids << m.id;
    return ids;
}

QList<qint64> reversed(QList<qint64> ids)
{
    std::reverse(ids.begin(), ids.end());
    return ids;
}

bool isWord(const StoredMessage &m, const char *word)
{
    return isValidUtf8(m.payload) && m.payload.contains(word);
}
} // namespace

class TestSearchWhileIndexing : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyMatchIsFound_data();
    void everyMatchIsFound();
    void historyCountsTheTail();
    void appendedMatchesAreCounted();
    void tailFindsWhatTheIndexFinds();

private:
    QList<qint64> newestFirst(const MessageFilter &filter, int pageSize);
    QList<qint64> oldestFirst(const MessageFilter &filter, int pageSize);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MessageQuery> m_query;
    std::unique_ptr<MessageWriter> m_writer; // holds indexing back
};

void TestSearchWhileIndexing::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("backlog.sqlite"));
    m_db = std::make_unique<Database>(m_path);
    QVERIFY(!m_db->open().isError());
    {
        MessageWriter writer(m_path);
        writer.start();
        for (int i = 0; i < kIndexed; ++i)
            QVERIFY(writer.enqueue(BacklogFixture::message(i)));
        QVERIFY(writer.waitUntilIndexed(kWait));
    }
    m_writer = std::make_unique<MessageWriter>(m_path, BacklogFixture::heldBack());
    m_writer->start();
    for (int i = kIndexed; i < kCount; ++i)
        QVERIFY(m_writer->enqueue(BacklogFixture::message(i)));
    QVERIFY(m_writer->waitUntilIdle(kWait));
    QCOMPARE(m_writer->unindexedCount(), kCount - kIndexed);
    m_query = std::make_unique<MessageQuery>(m_db->connection());
}

void TestSearchWhileIndexing::cleanupTestCase()
{
    // Nothing was indexed meanwhile: every search above ran over the backlog.
    QVERIFY(m_writer->unindexedCount() >= kCount - kIndexed);
}

QList<qint64> TestSearchWhileIndexing::newestFirst(const MessageFilter &filter, int pageSize)
{
    QList<qint64> ids;
    PageRequest request = PageRequest::newest(pageSize);
    for (int guard = 0; guard <= kCount; ++guard) {
        StorageError error;
        const MessagePage page = m_query->fetch(filter, request, &error);
        if (error.isError())
            qFatal("fetch failed: %s", qPrintable(error.detail));
        ids << idsOf(page);
        if (!page.hasOlder || page.messages.isEmpty())
            break;
        request = PageRequest::olderThan(page.messages.constLast().id, pageSize);
    }
    return ids;
}

QList<qint64> TestSearchWhileIndexing::oldestFirst(const MessageFilter &filter, int pageSize)
{
    QList<qint64> ids;
    PageRequest request = PageRequest::newerThan(0, pageSize);
    for (int guard = 0; guard <= kCount; ++guard) {
        StorageError error;
        const MessagePage page = m_query->fetch(filter, request, &error);
        if (error.isError())
            qFatal("fetch failed: %s", qPrintable(error.detail));
        ids << reversed(idsOf(page)); // pages are newest first
        if (!page.hasNewer || page.messages.isEmpty())
            break;
        request = PageRequest::newerThan(page.messages.constFirst().id, pageSize);
    }
    return ids;
}

void TestSearchWhileIndexing::everyMatchIsFound_data()
{
    QTest::addColumn<MessageFilter>("filter");
    QTest::addColumn<Predicate>("expected");
    QTest::addColumn<bool>("inBothHalves"); // matches on each side of the watermark
    const auto with = [](auto change) {
        MessageFilter f;
        f.profileId = 1;
        change(f);
        return f;
    };
    QTest::addRow("rare word") << with([](MessageFilter &f) {
        f.text = QStringLiteral("quasar");
    }) << Predicate([](const StoredMessage &m) { return isWord(m, "quasar"); })
                               << true;
    QTest::addRow("two words, any case")
        << with([](MessageFilter &f) { f.text = QStringLiteral("SEEN Quasar"); })
        << Predicate([](const StoredMessage &m) { return isWord(m, "quasar"); }) << true;
    QTest::addRow("word only in the tail")
        << with([](MessageFilter &f) { f.text = QStringLiteral("nebula"); })
        << Predicate([](const StoredMessage &m) { return isWord(m, "nebula"); }) << false;
    QTest::addRow("word only indexed")
        << with([](MessageFilter &f) { f.text = QStringLiteral("pulsar"); })
        << Predicate([](const StoredMessage &m) { return isWord(m, "pulsar"); }) << false;
    QTest::addRow("word at the end of large payloads")
        << with([](MessageFilter &f) { f.text = QStringLiteral("magnetar"); })
        << Predicate([](const StoredMessage &m) { return isWord(m, "magnetar"); }) << true;
    QTest::addRow("word and topic filter") << with([](MessageFilter &f) {
        f.text = QStringLiteral("quasar");
        f.topicFilter = QStringLiteral("plant/+/temp");
    }) << Predicate([](const StoredMessage &m) {
        return isWord(m, "quasar") && Topic::matches(QStringLiteral("plant/+/temp"), m.topic);
    }) << true;
    QTest::addRow("word and direction") << with([](MessageFilter &f) {
        f.text = QStringLiteral("reading");
        f.direction = StoredMessage::Direction::Outgoing;
    }) << Predicate([](const StoredMessage &m) {
        return isWord(m, "reading") && m.direction == StoredMessage::Direction::Outgoing;
    }) << true;
    // A regular expression reads every payload, UTF-8 or not.
    QTest::addRow("regex") << with([](MessageFilter &f) {
        f.payloadRegex = QStringLiteral("quasar \\d*7\\b");
    }) << Predicate([](const StoredMessage &m) {
        static const QRegularExpression regex(QStringLiteral("quasar \\d*7\\b"));
        return regex.match(QString::fromUtf8(m.payload)).hasMatch();
    }) << true;
    QTest::addRow("topic filter, one topic")
        << with([](MessageFilter &f) { f.topicFilter = QStringLiteral("office/3/door"); })
        << Predicate([](const StoredMessage &m) { return m.topic == u"office/3/door"; }) << true;
    QTest::addRow("topic filter, wildcards") << with([](MessageFilter &f) {
        f.topicFilter = QStringLiteral("plant/+/valve");
    }) << Predicate([](const StoredMessage &m) {
        return Topic::matches(QStringLiteral("plant/+/valve"), m.topic);
    }) << true;
}

void TestSearchWhileIndexing::everyMatchIsFound()
{
    QFETCH(MessageFilter, filter);
    QFETCH(Predicate, expected);
    QFETCH(bool, inBothHalves);
    const QList<qint64> want = BacklogFixture::ids(kCount, [&](const StoredMessage &m) {
        return m.profileId == filter.profileId && expected(m);
    });
    QVERIFY(!want.isEmpty());
    const qsizetype indexed =
        std::count_if(want.cbegin(), want.cend(), [](qint64 id) { return id <= kIndexed; });
    if (inBothHalves)
        QVERIFY2(indexed > 0 && indexed < want.size(), "the matches straddle the watermark");

    // Newest first (the stream opening, then scrolling up) and oldest first, with pages
    // small enough to stop on both sides of the watermark and large enough to span it.
    for (const int pageSize : {1, 7, 100, kCount}) {
        QCOMPARE(newestFirst(filter, pageSize), reversed(want));
        QCOMPARE(oldestFirst(filter, pageSize), want);
    }

    // A page from an anchor on one side of the watermark reaching into the other.
    for (const qint64 anchor :
         {qint64(kIndexed - 300), qint64(kIndexed), qint64(kIndexed + 1), qint64(kIndexed + 300)}) {
        QList<qint64> older;
        QList<qint64> newer;
        for (const qint64 id : want) {
            if (id < anchor)
                older.prepend(id);
            else if (id > anchor)
                newer << id;
        }
        const MessagePage olderPage = m_query->fetch(filter, PageRequest::olderThan(anchor, 5));
        QCOMPARE(idsOf(olderPage), older.mid(0, 5));
        QCOMPARE(olderPage.hasOlder, older.size() > 5);
        const MessagePage newerPage = m_query->fetch(filter, PageRequest::newerThan(anchor, 5));
        QCOMPARE(idsOf(newerPage), reversed(newer.mid(0, 5)));
        QCOMPARE(newerPage.hasNewer, newer.size() > 5);
    }

    // Around a time: before, at and after the watermark. The pivot is the profile's first
    // row at or after the time; about half the page is taken from each side of it.
    for (const int at : {kIndexed - 700, kIndexed, kIndexed + 700}) {
        const qint64 timeUs = BacklogFixture::kBaseUs + qint64(at) * 1000;
        qint64 pivot = 0;
        for (int i = at; i < kCount && pivot == 0; ++i) {
            if (BacklogFixture::message(i).profileId == filter.profileId)
                pivot = i + 1;
        }
        const int limit = 10;
        QList<qint64> newer;
        for (const qint64 id : want) {
            if (id >= pivot && newer.size() < limit / 2)
                newer << id;
        }
        const qint64 olderThan = newer.isEmpty() ? pivot : newer.first();
        QList<qint64> older;
        for (auto it = want.crbegin(); it != want.crend(); ++it) {
            if (*it < olderThan && older.size() < limit - newer.size())
                older << *it;
        }
        const MessagePage page = m_query->fetch(filter, PageRequest::aroundTime(timeUs, limit));
        QCOMPARE(idsOf(page), reversed(newer) + older);
    }

    // Counts: the whole history and id ranges across the watermark (appended rows).
    StorageError error;
    QCOMPARE(m_query->count(filter, &error), want.size());
    QVERIFY(!error.isError());
    for (const auto &[after, upTo] : {std::pair<qint64, qint64>{kIndexed - 500, kIndexed + 500},
                                      {kIndexed, kCount},
                                      {kIndexed + 10, kIndexed + 1000},
                                      {0, kIndexed}}) {
        QCOMPARE(m_query->count(filter, &error, nullptr, after, upTo),
                 std::count_if(want.cbegin(), want.cend(), [from = after, to = upTo](qint64 id) {
                     return id > from && id <= to;
                 }));
    }
}

// The row count a filtered stream shows (MessageHistory, on its worker) counts the tail.
void TestSearchWhileIndexing::historyCountsTheTail()
{
    MessageHistory history(m_path, nullptr);
    QVERIFY(!history.open().isError());
    QSignalSpy counted(&history, &MessageHistory::rowCountChanged);
    MessageFilter filter;
    filter.profileId = 1;
    filter.text = QStringLiteral("quasar");
    history.setFilter(filter);
    const QList<qint64> want = BacklogFixture::ids(
        kCount, [](const StoredMessage &m) { return m.profileId == 1 && isWord(m, "quasar"); });
    QTRY_COMPARE_WITH_TIMEOUT(history.rowCount(), want.size(), kWait);
    QVERIFY(!counted.isEmpty());
    QCOMPARE(idsOf(history.fetch(PageRequest::newest(kCount))), reversed(want));
}

// Rows arriving during the flood, never indexed: a filtered stream is told of each match.
void TestSearchWhileIndexing::appendedMatchesAreCounted()
{
    MessageHistory history(m_path, m_writer.get());
    QVERIFY(!history.open().isError());
    history.setCoalesceInterval(0);
    MessageFilter filter;
    filter.profileId = 1;
    filter.text = QStringLiteral("quasar");
    history.setFilter(filter);
    const auto want = [](int from, int to) {
        return BacklogFixture::ids(to,
                                   [from](const StoredMessage &m) {
                                       return m.profileId == 1 && isWord(m, "quasar") &&
                                              m.receivedUs >=
                                                  BacklogFixture::kBaseUs + qint64(from) * 1000;
                                   })
            .size();
    };
    QTRY_COMPARE_WITH_TIMEOUT(history.rowCount(), want(0, kCount), kWait);
    QSignalSpy appended(&history, &MessageHistory::rowsAppended);
    const int more = 1500;
    for (int i = kCount; i < kCount + more; ++i)
        QVERIFY(m_writer->enqueue(BacklogFixture::message(i)));
    QVERIFY(m_writer->waitUntilIdle(kWait));
    qint64 lastOfProfile = 0;
    for (int i = kCount; i < kCount + more; ++i) {
        if (BacklogFixture::message(i).profileId == 1)
            lastOfProfile = i + 1;
    }
    QTRY_COMPARE_WITH_TIMEOUT(history.lastAnnouncedId(), lastOfProfile, kWait);
    qint64 announced = 0;
    for (const QList<QVariant> &notice : std::as_const(appended))
        announced += notice.at(2).toLongLong();
    QCOMPARE(announced, want(kCount, kCount + more));
    QTRY_COMPARE_WITH_TIMEOUT(history.rowCount(), want(0, kCount + more), kWait);
    QCOMPARE(m_writer->unindexedCount(), kCount + more - kIndexed);
}

// Words beyond ASCII: the same payloads once indexed and once in the tail. What the
// full-text index finds among the first copies, the scan finds among the second: no more, no
// less (final and long s, micro sign, fullwidth letters, emoji FTS5 takes for letters, ...).
void TestSearchWhileIndexing::tailFindsWhatTheIndexFinds()
{
    const QStringList payloads{
        QStringLiteral("λόγος"),       QStringLiteral("ΛΟΓΟΣ"),
        QStringLiteral("Bjørn Łódź"),  QStringLiteral("straße STRASSE"),
        QStringLiteral("5 µs"),        QStringLiteral("5 μs"),
        QStringLiteral("ſtop"),        QStringLiteral("Việt Nam"),
        QStringLiteral("İstanbul"),    QStringLiteral("ǅemal"),
        QStringLiteral("café CAFÉ"),   QStringLiteral("e\u0301cole"),
        QStringLiteral("ﬁne"),         QStringLiteral("Ａｂｃ"),
        QStringLiteral("\u212Aelvin"), QStringLiteral("naïve x_y a1b2"),
        QStringLiteral("日本語 text"), QStringLiteral("emoji 🙂 ok"),
        QStringLiteral("Ꭰ ꭰ"),     QStringLiteral("ΐ ǖber"),
        QStringLiteral("ẞ groß"),      QStringLiteral("Ωhm Ωhm"),
    };
    const QStringList queries{
        QStringLiteral("λογοσ"),   QStringLiteral("λόγος"),   QStringLiteral("ΛΌΓΟΣ"),
        QStringLiteral("bjorn"),   QStringLiteral("bjørn"),   QStringLiteral("łódź"),
        QStringLiteral("strasse"), QStringLiteral("straße"),  QStringLiteral("μs"),
        QStringLiteral("µs"),      QStringLiteral("stop"),    QStringLiteral("ſtop"),
        QStringLiteral("viet"),    QStringLiteral("việt"),    QStringLiteral("istanbul"),
        QStringLiteral("ǆemal"),   QStringLiteral("ǅemal"),   QStringLiteral("cafe"),
        QStringLiteral("ecole"),   QStringLiteral("école"),   QStringLiteral("fine"),
        QStringLiteral("ﬁne"),     QStringLiteral("ａｂｃ"),  QStringLiteral("abc"),
        QStringLiteral("kelvin"),  QStringLiteral("naive"),   QStringLiteral("x"),
        QStringLiteral("a1b2"),    QStringLiteral("日本語"),  QStringLiteral("🙂"),
        QStringLiteral("ok"),      QStringLiteral("Ꭰ"),       QStringLiteral("ꭰ"),
        QStringLiteral("ι"),       QStringLiteral("ΐ"),       QStringLiteral("uber"),
        QStringLiteral("ǖber"),    QStringLiteral("groß"),    QStringLiteral("GROSS"),
        QStringLiteral("ẞ"),       QStringLiteral("ωhm"),     QStringLiteral("---"),
        QStringLiteral("--- ok"),  QStringLiteral("ok 🙂"), QStringLiteral("\"ok"),
    };
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("unicode.sqlite"));
    Database database(path);
    QVERIFY(!database.open().isError());
    const auto message = [](const QString &text) {
        StoredMessage m;
        m.profileId = 1;
        m.topic = QStringLiteral("t");
        m.payload = text.toUtf8();
        m.receivedUs = BacklogFixture::kBaseUs;
        return m;
    };
    {
        MessageWriter writer(path);
        writer.start();
        for (const QString &text : payloads)
            QVERIFY(writer.enqueue(message(text)));
        QVERIFY(writer.waitUntilIndexed(kWait));
    }
    MessageWriter writer(path, BacklogFixture::heldBack());
    writer.start();
    for (const QString &text : payloads)
        QVERIFY(writer.enqueue(message(text)));
    QVERIFY(writer.waitUntilIdle(kWait));
    QCOMPARE(writer.unindexedCount(), payloads.size());
    const qint64 n = payloads.size();
    const MessageQuery query(database.connection());
    QStringList differ;
    for (const QString &word : queries) {
        MessageFilter filter;
        filter.profileId = 1;
        filter.text = word;
        StorageError error;
        const MessagePage page = query.fetch(filter, PageRequest::newest(1000), &error);
        QVERIFY(!error.isError());
        QSet<qint64> indexed;
        QSet<qint64> scanned;
        for (const StoredMessage &m : page.messages)
            (m.id <= n ? indexed : scanned).insert((m.id - 1) % n);
        if (scanned != indexed)
            differ << word;
    }
    QVERIFY2(differ.isEmpty(), qPrintable(differ.join(QStringLiteral(", "))));
}

QTEST_GUILESS_MAIN(TestSearchWhileIndexing)
#include "tst_search_while_indexing.moc"
