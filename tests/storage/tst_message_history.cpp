#include "core/storage/database.h"
#include "core/storage/message_history.h"
#include "core/storage/message_writer.h"
#include "support/history_fixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using mqttdesk::test::HistoryFixture;

class TestMessageHistory : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void unfilteredCountComesFromCounters();
    void filteredCountIsComputedOffThread();
    void appendsArriveInBatches();
    void filteredAppendsCountOnlyMatches();
    void retentionRemovalsAreAnnounced();
    void changingFilterDropsStaleCount();

private:
    void append(int from, int count)
    {
        for (int i = from; i < from + count; ++i)
            QVERIFY(m_writer->enqueue(HistoryFixture::message(i % HistoryFixture::kCount)));
    }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MessageWriter> m_writer;
    QString m_path;
};

void TestMessageHistory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("h.sqlite"));
    m_db = std::make_unique<Database>(m_path);
    QVERIFY(!m_db->open().isError());
    m_writer = std::make_unique<MessageWriter>(m_path);
    m_writer->start();
    append(0, HistoryFixture::kCount);
    QVERIFY(m_writer->waitUntilIdle(60000));
}

void TestMessageHistory::cleanup()
{
    m_writer.reset();
    m_db.reset();
    m_dir.reset();
}

void TestMessageHistory::unfilteredCountComesFromCounters()
{
    MessageHistory history(m_path, m_writer.get());
    QVERIFY(!history.open().isError());
    QSignalSpy counted(&history, &MessageHistory::rowCountChanged);
    MessageFilter filter;
    filter.profileId = 1;
    history.setFilter(filter);
    // Read on the history's worker: the answer comes by signal.
    QCOMPARE(history.rowCount(), -1);
    QVERIFY(counted.wait());
    QVERIFY(!history.isCounting());
    QCOMPARE(history.rowCount(), HistoryFixture::kCount);
    QCOMPARE(counted.count(), 1);
    const MessagePage window = history.fetch(PageRequest::olderThan(101, 50));
    QCOMPARE(window.messages.size(), 50);
    QCOMPARE(window.messages.first().id, 100);
}

void TestMessageHistory::filteredCountIsComputedOffThread()
{
    MessageHistory history(m_path, m_writer.get());
    QVERIFY(!history.open().isError());
    QSignalSpy counted(&history, &MessageHistory::rowCountChanged);
    MessageFilter filter;
    filter.profileId = 1;
    filter.topicFilter = QStringLiteral("home/#");
    history.setFilter(filter);
    QCOMPARE(history.rowCount(), -1);
    QTRY_COMPARE(counted.count(), 1);
    const qint64 expected = HistoryFixture::expectedIds([](const StoredMessage &m) {
                                return m.topic.startsWith(QLatin1String("home/"));
                            }).size();
    QCOMPARE(counted.first().at(0).toLongLong(), expected);
    QCOMPARE(history.rowCount(), expected);
    QVERIFY(!history.isCounting());
}

void TestMessageHistory::appendsArriveInBatches()
{
    MessageHistory history(m_path, m_writer.get());
    QVERIFY(!history.open().isError());
    MessageFilter filter;
    filter.profileId = 1;
    history.setFilter(filter);
    QTRY_VERIFY(!history.isCounting());
    QSignalSpy appended(&history, &MessageHistory::rowsAppended);
    for (int round = 0; round < 10; ++round) {
        append(round * 50, 50);
        QVERIFY(m_writer->waitUntilIdle(30000));
    }
    const auto total = [&] {
        qint64 sum = 0;
        for (const auto &args : std::as_const(appended))
            sum += args.at(2).toLongLong();
        return sum;
    };
    QTRY_COMPARE(total(), 500);
    // Ten writer commits, gathered into fewer notifications.
    QVERIFY(appended.count() < 10);
    QCOMPARE(appended.constLast().at(1).toLongLong(), 1500);
    QCOMPARE(history.rowCount(), 1500);
    QCOMPARE(history.lastAnnouncedId(), 1500);
    QCOMPARE(history.fetch(PageRequest::newest(1)).messages.first().id, 1500);
}

void TestMessageHistory::filteredAppendsCountOnlyMatches()
{
    MessageHistory history(m_path, m_writer.get());
    QVERIFY(!history.open().isError());
    MessageFilter filter;
    filter.profileId = 1;
    filter.retain = true;
    QSignalSpy counted(&history, &MessageHistory::rowCountChanged);
    history.setFilter(filter);
    QTRY_COMPARE(history.rowCount(), 200);
    QSignalSpy appended(&history, &MessageHistory::rowsAppended);
    append(0, 100); // 20 of them retained
    QTRY_VERIFY(!appended.isEmpty());
    QTRY_COMPARE(history.rowCount(), 220);
}

void TestMessageHistory::retentionRemovalsAreAnnounced()
{
    MessageHistory history(m_path, m_writer.get());
    QVERIFY(!history.open().isError());
    MessageFilter filter;
    filter.profileId = 1;
    history.setFilter(filter);
    QTRY_COMPARE(history.rowCount(), HistoryFixture::kCount);
    QSignalSpy removed(&history, &MessageHistory::rowsRemoved);
    m_writer->setRetention(1, RetentionPolicy{600, 0, 0});
    QTRY_COMPARE(history.rowCount(), 600);
    QVERIFY(!removed.isEmpty());
    QCOMPARE(removed.constLast().at(0).toLongLong(), 400);
    QCOMPARE(history.fetch(PageRequest::newest(1000)).messages.size(), 600);
}

void TestMessageHistory::changingFilterDropsStaleCount()
{
    MessageHistory history(m_path, m_writer.get());
    QVERIFY(!history.open().isError());
    QSignalSpy counted(&history, &MessageHistory::rowCountChanged);
    MessageFilter filter;
    filter.profileId = 1;
    filter.text = QStringLiteral("reading");
    history.setFilter(filter);
    filter.text.clear();
    history.setFilter(filter); // unfiltered: answered from the counter
    QTRY_COMPARE(history.rowCount(), HistoryFixture::kCount);
    // Nothing from the first count arrived: it was dropped (and told to stop).
    QCOMPARE(counted.size(), 1);
    QCOMPARE(counted.constLast().at(0).toLongLong(), HistoryFixture::kCount);
}

QTEST_GUILESS_MAIN(TestMessageHistory)
#include "tst_message_history.moc"
