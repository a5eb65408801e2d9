// MessageStreamModel over a real (temporary) history: paging, live appends, following,
// filters and lazily built cells, all under QAbstractItemModelTester.
#include "stream_test_support.h"
#include "ui/stream/message_stream_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace mqttdesk;

static QString ackText(PublishAck::Stage stage)
{
    PublishAck ack;
    ack.stage = stage;
    return ack.text();
}

class TestMessageStreamModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void emptyHistoryHasNoRows();
    void loadsNewestPageOldestFirst();
    void fetchOlderPrependsAndKeepsOrder();
    void liveRowsAppendWhileFollowing();
    void notFollowingCountsPending();
    void windowStaysBounded();
    void filtersByDirectionTopicAndText();
    void lookResolverColoursReceivedOnly();
    void perBubbleFormatAndExpansion();
    void ackStateOnPublishedRows();

private:
    QList<StoredMessage> numbered(int n, const QString &topic = QStringLiteral("t/a"));

    std::unique_ptr<StreamTestStore> m_store;
    std::unique_ptr<MessageHistory> m_history;
};

void TestMessageStreamModel::init()
{
    m_store = std::make_unique<StreamTestStore>();
    QVERIFY(m_store->isReady());
    m_history = m_store->history();
    QVERIFY(m_history);
}

void TestMessageStreamModel::cleanup()
{
    m_history.reset();
    m_store.reset();
}

QList<StoredMessage> TestMessageStreamModel::numbered(int n, const QString &topic)
{
    QList<StoredMessage> list;
    for (int i = 0; i < n; ++i)
        list.append(StreamTestStore::message(topic, QByteArray::number(i)));
    return list;
}

void TestMessageStreamModel::emptyHistoryHasNoRows()
{
    MessageStreamModel model(m_history.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchOlder());
    QCOMPARE(model.fetchOlder(), 0);
}

void TestMessageStreamModel::loadsNewestPageOldestFirst()
{
    QVERIFY(m_store->store(numbered(50)));
    MessageStreamModel model(m_history.get());
    model.setPageSize(20);
    model.followTail();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(model.index(0).data(MessageStreamModel::PreviewRole).toString(), QStringLiteral("30"));
    QCOMPARE(model.index(19).data(MessageStreamModel::PreviewRole).toString(),
             QStringLiteral("49"));
    QVERIFY(model.canFetchOlder());
}

void TestMessageStreamModel::fetchOlderPrependsAndKeepsOrder()
{
    QVERIFY(m_store->store(numbered(50)));
    MessageStreamModel model(m_history.get());
    model.setPageSize(20);
    model.followTail();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QCOMPARE(model.fetchOlder(), 20);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 19);
    QCOMPARE(model.fetchOlder(), 10);
    QVERIFY(!model.canFetchOlder());
    QCOMPARE(model.rowCount(), 50);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(model.index(i).data(MessageStreamModel::PreviewRole).toString(),
                 QString::number(i));
}

void TestMessageStreamModel::liveRowsAppendWhileFollowing()
{
    MessageStreamModel model(m_history.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy appended(&model, &MessageStreamModel::rowsAppendedAtTail);
    QVERIFY(m_store->store(numbered(5)));
    QTRY_COMPARE(model.rowCount(), 5);
    QVERIFY(m_store->store(numbered(7, QStringLiteral("t/b"))));
    QTRY_COMPARE(model.rowCount(), 12);
    QVERIFY(!appended.isEmpty());
    QCOMPARE(model.index(11).data(MessageStreamModel::TopicRole).toString(), QStringLiteral("t/b"));
    QCOMPARE(model.pendingCount(), 0);
}

void TestMessageStreamModel::notFollowingCountsPending()
{
    QVERIFY(m_store->store(numbered(3)));
    MessageStreamModel model(m_history.get());
    model.followTail();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFollowing(false);
    QSignalSpy pending(&model, &MessageStreamModel::pendingCountChanged);
    QVERIFY(m_store->store(numbered(4)));
    QTRY_COMPARE(model.pendingCount(), 4);
    QCOMPARE(model.rowCount(), 3);
    model.followTail();
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.pendingCount(), 0);
}

void TestMessageStreamModel::windowStaysBounded()
{
    MessageStreamModel model(m_history.get());
    model.setPageSize(50);
    model.setMaxLoadedRows(100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int round = 0; round < 5; ++round) {
        QList<StoredMessage> batch;
        for (int i = 0; i < 60; ++i)
            batch.append(StreamTestStore::message(QStringLiteral("t/a"),
                                                  QByteArray::number(round * 1000 + i)));
        QVERIFY(m_store->store(batch));
        QTRY_COMPARE(
            model.index(model.rowCount() - 1).data(MessageStreamModel::PreviewRole).toString(),
            QString::number(round * 1000 + 59));
        QVERIFY(model.rowCount() <= 100);
    }
    QVERIFY(model.canFetchOlder());
    // Scrolling back far trims the newest rows and stops following.
    for (int i = 0; i < 5 && model.canFetchOlder(); ++i)
        model.fetchOlder();
    QVERIFY(model.rowCount() <= 100);
    QVERIFY(!model.isFollowing());
}

void TestMessageStreamModel::filtersByDirectionTopicAndText()
{
    QList<StoredMessage> list;
    list << StreamTestStore::message(QStringLiteral("home/kitchen/temp"), "21.5 celsius");
    list << StreamTestStore::message(QStringLiteral("home/hall/temp"), "19 celsius");
    list << StreamTestStore::message(QStringLiteral("home/kitchen/cmd"), "light on",
                                     StoredMessage::Direction::Outgoing);
    QVERIFY(m_store->store(list));
    MessageStreamModel model(m_history.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3);

    MessageFilter filter;
    filter.profileId = 1;
    filter.direction = StoredMessage::Direction::Outgoing;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(MessageStreamModel::TopicRole).toString(),
             QStringLiteral("home/kitchen/cmd"));

    filter.direction.reset();
    filter.topicFilter = QStringLiteral("home/+/temp");
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 2);

    filter.topicFilter.clear();
    filter.text = QStringLiteral("celsius");
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 2);

    // Live rows obey the filter too.
    QVERIFY(m_store->store({StreamTestStore::message(QStringLiteral("x"), "no match"),
                            StreamTestStore::message(QStringLiteral("y"), "5 celsius")}));
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(2).data(MessageStreamModel::TopicRole).toString(), QStringLiteral("y"));
}

void TestMessageStreamModel::lookResolverColoursReceivedOnly()
{
    QVERIFY(m_store->store({StreamTestStore::message(QStringLiteral("a/b"), "1"),
                            StreamTestStore::message(QStringLiteral("a/b"), "2",
                                                     StoredMessage::Direction::Outgoing)}));
    MessageStreamModel model(m_history.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLookResolver([](const QString &topic) {
        return SubscriptionLook{topic == QLatin1String("a/b") ? QColor(Qt::red) : QColor(),
                                QStringLiteral("alias"), PayloadFormat::Hex};
    });
    QCOMPARE(model.index(0).data(MessageStreamModel::ColourRole).value<QColor>(), QColor(Qt::red));
    QCOMPARE(model.index(0).data(MessageStreamModel::AliasRole).toString(),
             QStringLiteral("alias"));
    QCOMPARE(model.index(0).data(MessageStreamModel::FormatRole).toInt(), int(PayloadFormat::Hex));
    QVERIFY(!model.index(1).data(MessageStreamModel::ColourRole).value<QColor>().isValid());
}

void TestMessageStreamModel::perBubbleFormatAndExpansion()
{
    QVERIFY(m_store->store({StreamTestStore::message(QStringLiteral("j"), R"({"a":1})")}));
    MessageStreamModel model(m_history.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.index(0).data(MessageStreamModel::FormatRole).toInt(), int(PayloadFormat::Json));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRowFormat(0, PayloadFormat::Hex);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0).data(MessageStreamModel::FormatRole).toInt(), int(PayloadFormat::Hex));
    QVERIFY(model.index(0)
                .data(MessageStreamModel::PreviewRole)
                .toString()
                .startsWith(QStringLiteral("00000000")));
    QVERIFY(!model.index(0).data(MessageStreamModel::ExpandedRole).toBool());
    model.toggleExpanded(0);
    QVERIFY(model.index(0).data(MessageStreamModel::ExpandedRole).toBool());
}

void TestMessageStreamModel::ackStateOnPublishedRows()
{
    StoredMessage published =
        StreamTestStore::message(QStringLiteral("p"), "x", StoredMessage::Direction::Outgoing);
    published.qos = 2;
    QVERIFY(m_store->store({published}));
    MessageStreamModel model(m_history.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.index(0).data(MessageStreamModel::AckRole).toString(), QString());
    model.setAck(published.receivedUs, PublishAck{PublishAck::Stage::Completed, {}, {}});
    QCOMPARE(model.index(0).data(MessageStreamModel::AckRole).toString(),
             ackText(PublishAck::Stage::Completed));
    model.setAck(published.receivedUs,
                 PublishAck{PublishAck::Stage::Failed, ReasonCode(0x87), QStringLiteral("no")});
    QVERIFY(model.index(0).data(MessageStreamModel::AckFailedRole).toBool());
}

QTEST_MAIN(TestMessageStreamModel)
#include "tst_message_stream_model.moc"
