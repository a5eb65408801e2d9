// MessageStreamModel over a real (temporary) history: paging, live appends, following,
// filters and lazily built cells, all under QAbstractItemModelTester; then the same paths
// with the background reader (reads on a worker thread, answers waited for by signal).
#include "core/payload/decoder_registry.h"
#include "stream_test_support.h"
#include "ui/stream/message_stream_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QtEndian>

using namespace mqttdesk;

static QString ackText(PublishAck::Stage stage)
{
    PublishAck ack;
    ack.stage = stage;
    return ack.text();
}

// A decoder that, like Protobuf, cannot decode a prefix (it needs kSize bytes), and records the
// thread that rendered the whole payload.
class ThreadProbeDecoder : public PayloadDecoder
{
public:
    static constexpr qsizetype kSize = 100 * 1024;
    static inline QAtomicPointer<QThread> renderedOn;

    QString id() const override { return QStringLiteral("thread-probe"); }
    QString name() const override { return QStringLiteral("Thread probe"); }
    int detect(QByteArrayView, const PayloadHint &) const override { return kNoMatch; }
    RenderedPayload render(QByteArrayView bytes, const RenderOptions &options) const override
    {
        if (bytes.size() < kSize)
            return fallback(bytes, options,
                            PayloadError{PayloadErrorCode::MalformedMessage, bytes.size(), 0, 0,
                                         QStringLiteral("cut short")});
        renderedOn.storeRelease(QThread::currentThread());
        RenderedPayload out;
        out.decoder = id();
        out.text = QStringLiteral("whole");
        return out;
    }
};

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
    void backgroundReaderLoadsAndPagesAsync();
    void backgroundReaderFollowsTheTailInPages();
    void backgroundReaderFiltersAndSearches();
    void backgroundReaderReadsLargePreviewLater();
    void fullPayloadInMemoryComesAtOnce();
    void ruleDecoderFailingOnAPrefixGetsTheWholePayload();
    void wholePayloadIsDecodedOffTheGuiThread();

private:
    QList<StoredMessage> numbered(int n, const QString &topic = QStringLiteral("t/a"));

    std::unique_ptr<StreamTestStore> m_store;
    std::unique_ptr<MessageHistory> m_history;
};

void TestMessageStreamModel::init()
{
    m_store = std::make_unique<StreamTestStore>();
    QVERIFY(m_store->isReady());
    QVERIFY(m_store->ensureProfile(1)); // stored messages belong to a profile row
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
    published.publishStage = StoredMessage::PublishStage::Received; // PUBREC so far
    StoredMessage received = StreamTestStore::message(QStringLiteral("p"), "y");
    QVERIFY(m_store->store({published, received}));
    MessageStreamModel model(m_history.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    // The stored state shows; a received message has none.
    QCOMPARE(model.index(0).data(MessageStreamModel::AckRole).toString(),
             ackText(PublishAck::Stage::Received));
    QCOMPARE(model.index(1).data(MessageStreamModel::AckRole).toString(), QString());
    QVERIFY(!model.index(1).data(MessageStreamModel::AckFailedRole).toBool());

    // A state update (MessageHistory::outgoingUpdated) changes the row in place.
    const qint64 id = model.rowAt(0)->message.id;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    StoredMessage completed;
    completed.publishStage = StoredMessage::PublishStage::Completed;
    completed.packetId = 9;
    model.updateOutgoing(id, completed);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0).data(MessageStreamModel::AckRole).toString(),
             ackText(PublishAck::Stage::Completed));
    QCOMPARE(model.rowAt(0)->message.packetId, std::optional<quint16>(9));

    StoredMessage refused;
    refused.publishStage = StoredMessage::PublishStage::Failed;
    refused.publishReason = 0x87;
    model.updateOutgoing(id, refused);
    QVERIFY(model.index(0).data(MessageStreamModel::AckFailedRole).toBool());
    QVERIFY(
        model.index(0).data(MessageStreamModel::AckRole).toString().contains(QStringLiteral("87")));

    // An update that comes before its row was fetched is applied when the row arrives.
    StoredMessage later =
        StreamTestStore::message(QStringLiteral("p"), "z", StoredMessage::Direction::Outgoing);
    later.qos = 1;
    later.publishStage = StoredMessage::PublishStage::Queued;
    StoredMessage acked;
    acked.publishStage = StoredMessage::PublishStage::Acknowledged;
    model.updateOutgoing(model.rowAt(1)->message.id + 1, acked);
    QVERIFY(m_store->store({later}));
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(2).data(MessageStreamModel::AckRole).toString(),
             ackText(PublishAck::Stage::Acked));
}

void TestMessageStreamModel::backgroundReaderLoadsAndPagesAsync()
{
    QVERIFY(m_store->store(numbered(50)));
    MessageStreamModel model(m_history.get());
    model.setPageSize(20);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.useBackgroundReader(m_store->path());
    QVERIFY(model.hasBackgroundReader());
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(model.index(0).data(MessageStreamModel::PreviewRole).toString(), QStringLiteral("30"));
    QSignalSpy prepended(&model, &MessageStreamModel::olderRowsPrepended);
    QVERIFY(model.canFetchOlder());
    QCOMPARE(model.fetchOlder(), 0); // the answer comes later
    QVERIFY(!model.canFetchOlder()); // one request at a time
    QTRY_COMPARE(prepended.size(), 1);
    QCOMPARE(prepended.at(0).at(0).toInt(), 20);
    QCOMPARE(model.rowCount(), 40);
    QCOMPARE(model.rowOfId(model.index(0).data(MessageStreamModel::IdRole).toLongLong()), 0);
    model.fetchOlder();
    QTRY_COMPARE(prepended.size(), 2);
    QVERIFY(!model.canFetchOlder());
    for (int i = 0; i < 50; ++i)
        QCOMPARE(model.index(i).data(MessageStreamModel::PreviewRole).toString(),
                 QString::number(i));
}

void TestMessageStreamModel::backgroundReaderFollowsTheTailInPages()
{
    MessageStreamModel model(m_history.get());
    model.setPageSize(10);
    model.setMaxLoadedRows(30);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.useBackgroundReader(m_store->path());
    QTRY_VERIFY(!model.isLoading());
    QVERIFY(m_store->store(numbered(4)));
    QTRY_COMPARE(model.rowCount(), 4);
    // Far more than a page at once: the window restarts from the newest page, bounded.
    QList<StoredMessage> burst;
    for (int i = 0; i < 500; ++i)
        burst.append(StreamTestStore::message(QStringLiteral("t/b"), QByteArray::number(1000 + i)));
    QVERIFY(m_store->store(burst));
    QTRY_COMPARE(model.index(model.rowCount() - 1).data(MessageStreamModel::PreviewRole).toString(),
                 QStringLiteral("1499"));
    QVERIFY(model.rowCount() <= 30);
    QVERIFY(model.canFetchOlder());
    // The loaded rows are contiguous and in order.
    for (int i = 1; i < model.rowCount(); ++i)
        QCOMPARE(model.index(i).data(MessageStreamModel::PreviewRole).toInt(),
                 model.index(i - 1).data(MessageStreamModel::PreviewRole).toInt() + 1);
    QCOMPARE(model.pendingCount(), 0);
}

void TestMessageStreamModel::backgroundReaderFiltersAndSearches()
{
    QVERIFY(m_store->store({StreamTestStore::message(QStringLiteral("x"), "alpha beta"),
                            StreamTestStore::message(QStringLiteral("y"), "gamma"),
                            StreamTestStore::message(QStringLiteral("y"), "alpha")}));
    MessageStreamModel model(m_history.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.useBackgroundReader(m_store->path());
    QTRY_COMPARE(model.rowCount(), 3);
    QTRY_VERIFY(!model.isLoading()); // the first page's fetch may still be finishing
    MessageFilter filter = model.filter();
    filter.text = QStringLiteral("alpha");
    QSignalSpy loading(&model, &MessageStreamModel::loadingChanged);
    model.setFilter(filter);
    QTRY_COMPARE(loading.size(), 2); // started, finished
    QCOMPARE(model.rowCount(), 2);
    filter.topicFilter = QStringLiteral("y");
    model.setFilter(filter);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(MessageStreamModel::TopicRole).toString(), QStringLiteral("y"));
}

void TestMessageStreamModel::backgroundReaderReadsLargePreviewLater()
{
    // Over storage's inline limit: the payload lives in the side table and is not loaded
    // with the page.
    QByteArray big(256 * 1024, 'a');
    big.prepend("big ");
    QVERIFY(m_store->store({StreamTestStore::message(QStringLiteral("big"), big)}));
    MessageStreamModel model(m_history.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.useBackgroundReader(m_store->path());
    QTRY_COMPARE(model.rowCount(), 1);
    QVERIFY(model.rowAt(0)->message.payloadDeferred);
    QVERIFY(model.index(0).data(MessageStreamModel::TruncatedRole).toBool());
    QTRY_VERIFY(model.index(0)
                    .data(MessageStreamModel::PreviewRole)
                    .toString()
                    .startsWith(QStringLiteral("big aaaa")));
    // The preview holds a prefix only; the whole payload is read on the reader thread.
    QVERIFY(model.rowAt(0)->message.payload.size() < big.size());
    QByteArray whole;
    StorageError error;
    bool arrived = false;
    QVERIFY(model.requestFullPayload(0, [&](const QByteArray &payload, const StorageError &e) {
        whole = payload;
        error = e;
        arrived = true;
    }));
    QVERIFY(!arrived); // the answer is queued from the reader
    QTRY_VERIFY(arrived);
    QVERIFY(!error.isError());
    QCOMPARE(whole, big);
    QVERIFY(!model.requestFullPayload(
        1, [](const QByteArray &, const StorageError &) { QFAIL("no such row: no answer"); }));
}

void TestMessageStreamModel::fullPayloadInMemoryComesAtOnce()
{
    QVERIFY(m_store->store({StreamTestStore::message(QStringLiteral("s"), "small one")}));
    MessageStreamModel model(m_history.get());
    model.useBackgroundReader(m_store->path());
    QTRY_COMPARE(model.rowCount(), 1);
    QByteArray whole;
    QVERIFY(model.requestFullPayload(0, [&](const QByteArray &payload, const StorageError &error) {
        QVERIFY(!error.isError());
        whole = payload;
    }));
    QCOMPARE(whole, QByteArray("small one")); // no round trip
}

void TestMessageStreamModel::ruleDecoderFailingOnAPrefixGetsTheWholePayload()
{
    // int32 values after a one-byte header: the 16 KiB prefix a large payload's preview is
    // read from ends 3 bytes into a value, which the numeric decoder rightly calls an error,
    // though the whole payload is fine. Deferred (over 64 KiB): read whole, decoded on the
    // worker. Above the bound: never decoded in the stream, and the bubble says so.
    constexpr int kValues = 25000;
    QByteArray values(1 + 4 * kValues, '\0');
    values[0] = 'h';
    for (int i = 0; i < kValues; ++i)
        qToLittleEndian<qint32>(i, values.data() + 1 + 4 * i);
    const QByteArray huge(StreamPayloadLoader::kMaxDecodeBytes + 3, 'x');
    QVERIFY(m_store->store({StreamTestStore::message(QStringLiteral("raw/values"), values),
                            StreamTestStore::message(QStringLiteral("raw/huge"), huge)}));
    DecodingRules rules;
    QVERIFY(rules.append({QStringLiteral("raw/#"), QStringLiteral("numeric"),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("int32")},
                                      {QStringLiteral("skip"), 1}}}));
    const QString tooLarge = QStringLiteral(
        "Too large to decode as Numeric array in the stream: Show all decodes it.\nxxxx");

    MessageStreamModel model(m_history.get(), m_store->path());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDecodingRules(rules);
    QTRY_VERIFY(model.rowCount() == 2 && !model.isLoading());
    const auto preview = [&model](int row) {
        return model.index(row).data(MessageStreamModel::PreviewRole).toString();
    };
    QVERIFY(model.rowAt(0)->message.payloadDeferred);
    QCOMPARE(preview(0), QStringLiteral("Loading preview…")); // the prefix is read first
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QTRY_VERIFY2(preview(0).startsWith(QStringLiteral("[0,1,2,3,4,")), qPrintable(preview(0)));
    QCOMPARE(model.index(0).data(MessageStreamModel::DecoderNameRole).toString(),
             QStringLiteral("Numeric array"));
    QVERIFY(model.isTruncated(0)); // a preview: Show all still reads the rest
    QVERIFY(model.ruleFor(0));
    QCOMPARE(changed.first().at(2).value<QList<int>>(),
             (QList<int>{MessageStreamModel::PreviewRole, MessageStreamModel::FormatRole,
                         MessageStreamModel::DecoderNameRole, MessageStreamModel::TruncatedRole}));
    // Kept by id: a refresh renders it again without reading anything.
    model.refreshLooks();
    QVERIFY(preview(0).startsWith(QStringLiteral("[0,1,2,3,4,")));
    QTRY_VERIFY2(preview(1).startsWith(tooLarge), qPrintable(preview(1).left(200)));
    QVERIFY(model.isTruncated(1));
    QVERIFY(model.ruleFor(1)); // Show all opens with the rule

    // Without a background reader (tests, small tools): the same, synchronously.
    MessageStreamModel direct(m_history.get());
    QAbstractItemModelTester directTester(&direct,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    direct.setDecodingRules(rules);
    QCOMPARE(direct.index(0).data(MessageStreamModel::PreviewRole).toString(), preview(0));
    QVERIFY(direct.index(1).data(MessageStreamModel::PreviewRole).toString().startsWith(tooLarge));
}

void TestMessageStreamModel::wholePayloadIsDecodedOffTheGuiThread()
{
    DecoderRegistry::instance().add(std::make_unique<ThreadProbeDecoder>());
    ThreadProbeDecoder::renderedOn.storeRelease(nullptr);
    QVERIFY(m_store->store({StreamTestStore::message(QStringLiteral("probe/1"),
                                                     QByteArray(ThreadProbeDecoder::kSize, 'p'))}));
    DecodingRules rules;
    QVERIFY(rules.append({QStringLiteral("probe/#"), QStringLiteral("thread-probe"), {}}));
    MessageStreamModel model(m_history.get(), m_store->path());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDecodingRules(rules);
    QTRY_VERIFY(model.rowCount() == 1 && !model.isLoading());
    QTRY_COMPARE(model.index(0).data(MessageStreamModel::PreviewRole).toString(),
                 QStringLiteral("whole"));
    QThread *thread = ThreadProbeDecoder::renderedOn.loadAcquire();
    QVERIFY(thread);
    QVERIFY(thread != QThread::currentThread());
}

QTEST_MAIN(TestMessageStreamModel)
#include "tst_message_stream_model.moc"
