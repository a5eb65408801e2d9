// MessageStreamModel's structural changes under QAbstractItemModelTester, each checked for
// exactly what it announces: older pages prepended (rows inserted at 0), new rows arriving at
// the tail, rows trimmed past the cap (at the far end from where rows came in), rows removed
// by retention, and resets on a filter change and on clearing the history.
#include "core/storage/retention_policy.h"
#include "core/workspace/connection_services.h"
#include "stream_test_support.h"
#include "ui/stream/message_stream_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace mqttdesk;

namespace {

QList<StoredMessage> numbered(int from, int n, const QString &topic = QStringLiteral("t/a"))
{
    QList<StoredMessage> list;
    for (int i = from; i < from + n; ++i)
        list.append(StreamTestStore::message(topic, QByteArray::number(i)));
    return list;
}

QString preview(const MessageStreamModel &model, int row)
{
    return model.index(row).data(MessageStreamModel::PreviewRole).toString();
}

// The rows of the model, as their previews (numbers), in order.
QList<int> numbersOf(const MessageStreamModel &model)
{
    QList<int> list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(preview(model, row).toInt());
    return list;
}

QList<int> range(int from, int to)
{
    QList<int> list;
    for (int i = from; i <= to; ++i)
        list.append(i);
    return list;
}

// (first, last) of each rowsInserted / rowsRemoved emission.
QList<QPair<int, int>> ranges(const QSignalSpy &spy)
{
    QList<QPair<int, int>> list;
    for (const QList<QVariant> &args : spy)
        list.append({args.at(1).toInt(), args.at(2).toInt()});
    return list;
}

} // namespace

class TestMessageStreamModelChanges : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void olderPagesPrependAtTheFront();
    void newRowsArriveAtTheTail();
    void tailTrimsTheOldestPastTheCap();
    void scrollingBackTrimsTheNewestPastTheCap();
    void retentionRemovesFromTheFront();
    void filterChangeResets();
    void clearingResetsToEmpty();

private:
    std::unique_ptr<StreamTestStore> m_store;
    std::unique_ptr<MessageHistory> m_history;
};

void TestMessageStreamModelChanges::init()
{
    m_store = std::make_unique<StreamTestStore>();
    QVERIFY(m_store->isReady());
    QVERIFY(m_store->ensureProfile(1));
    m_history = m_store->history();
    QVERIFY(m_history);
}

void TestMessageStreamModelChanges::cleanup()
{
    m_history.reset();
    m_store.reset();
}

void TestMessageStreamModelChanges::olderPagesPrependAtTheFront()
{
    QVERIFY(m_store->store(numbered(0, 25)));
    MessageStreamModel model(m_history.get());
    model.setPageSize(10);
    model.followTail();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(numbersOf(model), range(15, 24));
    QSignalSpy aboutToInsert(&model, &QAbstractItemModel::rowsAboutToBeInserted);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy prepended(&model, &MessageStreamModel::olderRowsPrepended);

    QCOMPARE(model.fetchOlder(), 10);
    QCOMPARE(model.fetchOlder(), 5); // the last, partial page
    QVERIFY(!model.canFetchOlder());
    QCOMPARE(model.fetchOlder(), 0);
    QCOMPARE(ranges(aboutToInsert), (QList<QPair<int, int>>{{0, 9}, {0, 4}}));
    QCOMPARE(ranges(inserted), ranges(aboutToInsert));
    QCOMPARE(prepended.size(), 2);
    QCOMPARE(prepended.at(1).at(0).toInt(), 5);
    QCOMPARE(removed.size(), 0); // under the cap: nothing dropped
    QCOMPARE(reset.size(), 0);
    QCOMPARE(numbersOf(model), range(0, 24));
}

void TestMessageStreamModelChanges::newRowsArriveAtTheTail()
{
    QVERIFY(m_store->store(numbered(0, 3)));
    MessageStreamModel model(m_history.get());
    model.setPageSize(10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy appended(&model, &MessageStreamModel::rowsAppendedAtTail);

    QVERIFY(m_store->store(numbered(3, 4)));
    QTRY_COMPARE(model.rowCount(), 7);
    QVERIFY(m_store->store(numbered(7, 2)));
    QTRY_COMPARE(model.rowCount(), 9);
    QCOMPARE(numbersOf(model), range(0, 8));
    // Each arrival is inserted after the last row, never a reset.
    QCOMPARE(reset.size(), 0);
    int next = 3;
    for (const QPair<int, int> &r : ranges(inserted)) {
        QCOMPARE(r.first, next);
        next = r.second + 1;
    }
    QCOMPARE(next, 9);
    int total = 0;
    for (const QList<QVariant> &args : appended)
        total += args.at(0).toInt();
    QCOMPARE(total, 6);
}

void TestMessageStreamModelChanges::tailTrimsTheOldestPastTheCap()
{
    MessageStreamModel model(m_history.get());
    model.setPageSize(10);
    model.setMaxLoadedRows(20);
    QCOMPARE(model.maxLoadedRows(), 20);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(m_store->store(numbered(0, 8)));
    QTRY_COMPARE(model.rowCount(), 8);
    QVERIFY(m_store->store(numbered(8, 8)));
    QTRY_COMPARE(model.rowCount(), 16);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy aboutToRemove(&model, &QAbstractItemModel::rowsAboutToBeRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // 8 more: 24 rows would be loaded, the 4 oldest go from the front.
    QVERIFY(m_store->store(numbered(16, 8)));
    QTRY_COMPARE(preview(model, model.rowCount() - 1), QStringLiteral("23"));
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(ranges(aboutToRemove), (QList<QPair<int, int>>{{0, 3}}));
    QCOMPARE(ranges(removed), ranges(aboutToRemove));
    QCOMPARE(numbersOf(model), range(4, 23));
    // What was dropped can be read back.
    QVERIFY(model.canFetchOlder());
}

void TestMessageStreamModelChanges::scrollingBackTrimsTheNewestPastTheCap()
{
    QVERIFY(m_store->store(numbered(0, 40)));
    MessageStreamModel model(m_history.get());
    model.setPageSize(10);
    model.setMaxLoadedRows(20);
    model.followTail();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(numbersOf(model), range(30, 39));
    QCOMPARE(model.fetchOlder(), 10);
    QCOMPARE(model.rowCount(), 20);
    QVERIFY(model.isFollowing());
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    // A third page in front: 30 loaded, the 10 newest dropped from the end.
    QCOMPARE(model.fetchOlder(), 10);
    QCOMPARE(ranges(inserted), (QList<QPair<int, int>>{{0, 9}}));
    QCOMPARE(ranges(removed), (QList<QPair<int, int>>{{20, 29}}));
    QCOMPARE(numbersOf(model), range(10, 29));
    QVERIFY(!model.isFollowing());

    // New rows now only count as pending; nothing moves.
    QSignalSpy anyInsert(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(m_store->store(numbered(40, 3)));
    QTRY_COMPARE(model.pendingCount(), qint64(3));
    QCOMPARE(anyInsert.size(), 0);
    // Back to the tail: one reset to the newest page.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.followTail();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(numbersOf(model), range(33, 42));
    QCOMPARE(model.pendingCount(), qint64(0));
}

void TestMessageStreamModelChanges::retentionRemovesFromTheFront()
{
    QVERIFY(m_store->store(numbered(0, 10)));
    MessageStreamModel model(m_history.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 10);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // Keep the 6 newest: the writer's retention pass drops the 4 oldest.
    m_store->writer()->setRetention(1, RetentionPolicy{6, 0, 0});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 6, 15000);
    QCOMPARE(reset.size(), 0);
    int dropped = 0;
    for (const QPair<int, int> &r : ranges(removed)) {
        QCOMPARE(r.first, 0); // always the oldest loaded rows
        dropped += r.second - r.first + 1;
    }
    QCOMPARE(dropped, 4);
    QCOMPARE(numbersOf(model), range(4, 9));
}

void TestMessageStreamModelChanges::filterChangeResets()
{
    QList<StoredMessage> list = numbered(0, 4, QStringLiteral("a/x"));
    list += numbered(4, 3, QStringLiteral("b/x"));
    QVERIFY(m_store->store(list));
    MessageStreamModel model(m_history.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 7);
    QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    MessageFilter filter = model.filter();
    filter.topicFilter = QStringLiteral("b/#");
    model.setFilter(filter);
    QCOMPARE(aboutToReset.size(), 1);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(numbersOf(model), range(4, 6));
    filter.topicFilter.clear();
    model.setFilter(filter);
    QCOMPARE(reset.size(), 2);
    QCOMPARE(numbersOf(model), range(0, 6));
    // A reset, not row by row.
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);

    // A filter nothing matches: an empty model, still valid.
    filter.topicFilter = QStringLiteral("nothing/here");
    model.setFilter(filter);
    QCOMPARE(reset.size(), 3);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchOlder());
}

void TestMessageStreamModelChanges::clearingResetsToEmpty()
{
    QVERIFY(m_store->store(numbered(0, 12)));
    MessageStreamModel model(m_history.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 12);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // What ConnectionView::clearHistory does: the services erase the stored rows (on a
    // worker), then the model reloads the tail.
    ConnectionServices::Options options;
    options.writer = m_store->writer();
    options.databasePath = m_store->path();
    options.profileId = 1;
    ConnectionServices services(ConnectionSettings{}, options); // never connected
    std::optional<StorageError> cleared;
    services.clearHistory([&cleared](const StorageError &error) { cleared = error; });
    QTRY_VERIFY_WITH_TIMEOUT(cleared.has_value(), 15000);
    QVERIFY2(!cleared->isError(), qPrintable(cleared->message));
    model.followTail();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pendingCount(), qint64(0));
    QVERIFY(!model.canFetchOlder());

    // New rows after the clear arrive as usual: into the empty window as a reload of the
    // newest page, then appended.
    QVERIFY(m_store->store(numbered(100, 2, QStringLiteral("t/new"))));
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(reset.size(), 2);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(m_store->store(numbered(102, 1, QStringLiteral("t/new"))));
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(ranges(inserted), (QList<QPair<int, int>>{{2, 2}}));
    QCOMPARE(numbersOf(model), range(100, 102));

    // On a topic stored before the clear: the writer erased the history itself and forgot
    // its topic ids, so the message is stored under its own topic (not under "t/new", which
    // may have been given the old id, and not under an id that no longer exists).
    QSignalSpy announced(m_history.get(), &MessageHistory::rowsAppended);
    QVERIFY(m_store->store(numbered(200, 1, QStringLiteral("t/a"))));
    QTRY_VERIFY(!announced.isEmpty());
    QString storedTopic; // of the message "200" as the history reads it
    for (const StoredMessage &m : m_history->fetch(PageRequest::newest(10)).messages)
        if (m.payload == "200")
            storedTopic = m.topic;
    QCOMPARE(storedTopic, QStringLiteral("t/a"));
}

QTEST_MAIN(TestMessageStreamModelChanges)
#include "tst_message_stream_model_changes.moc"
