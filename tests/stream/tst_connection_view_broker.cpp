// ConnectionView end to end against the real mosquitto fixture: subscribe through the UI and
// see mosquitto_pub's message as a coloured bubble; publish through the UI and mosquitto_sub
// receives it; a QoS 2 round trip with its ack state; filters and search over history and
// live rows; and the history survives a restart (new objects over the same data dir).
#include "core/connection/connection.h"
#include "core/workspace/connection_services.h"
#include "stream_test_support.h"
#include "tests/fixture/mosquitto_pub.h"
#include "tests/fixture/mosquitto_sub.h"
#include "tests/fixture/test_broker.h"
#include "tests/support/scripted_prompts.h"
#include "ui/publish/publish_bar.h"
#include "ui/stream/connection_view.h"
#include "ui/stream/history_export_bar.h"
#include "ui/stream/message_stream_model.h"
#include "ui/stream/message_stream_view.h"
#include "ui/stream/payload_viewer_dialog.h"
#include "ui/subscriptions/subscription_list_model.h"
#include "ui/subscriptions/subscription_panel.h"

#include "core/storage/sql_thread_audit.h"
#include <QAbstractItemModelTester>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>

#include <QComboBox>
#include <QCompleter>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUuid>
#include <functional>

using namespace mqttdesk;

static QString ackText(PublishAck::Stage stage)
{
    PublishAck ack;
    ack.stage = stage;
    return ack.text();
}

namespace {
constexpr int kWait = 15000;

ConnectionSettings settingsFor(quint16 port)
{
    ConnectionSettings s;
    s.transport.kind = TransportOptions::Kind::Tcp;
    s.transport.host = QStringLiteral("127.0.0.1");
    s.transport.port = port;
    s.transport.connectTimeoutMs = 5000;
    s.session.version = ProtocolVersion::V5;
    s.session.clientId =
        QStringLiteral("desk-ui-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    s.session.reconnect.enabled = false;
    return s;
}
} // namespace

class TestConnectionViewBroker : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void subscribeThroughUiReceivesColouredBubble();
    void publishThroughUiReachesMosquittoSub();
    void qos2RoundTripShowsCompletion();
    void refusedSubscriptionShowsReason();
    void filtersAndSearch();
    void historySurvivesRestart();
    void subscriptionsSavedAndRestoredOnConnect();
    void subscribedOnceWhenAddedBetweenStateAndConnack();
    void publishHistorySavedAndResent();
    void ackStatesAtEachQos();
    void refusedPublishShowsReasonCode();
    void resendFromBubble();
    void messageCountsSurviveARestartAndAClear();
    void noSqlOnTheGuiThread();

private:
    void openView(const QString &dataDir = {}, const std::function<void()> &ready = {});
    void closeView();
    void subscribe(const QString &filter, int qos = 0);
    int findRow(const QString &topic, StoredMessage::Direction direction) const;
    QModelIndex waitForBubble(const QString &topic, StoredMessage::Direction direction);
    void publishFromBar(const QString &topic, int qos, const QString &payload);

    TestBroker m_broker;
    QTemporaryDir m_dataDir;
    std::unique_ptr<StreamTestStore> m_store;
    std::unique_ptr<ConnectionServices> m_services;
    std::unique_ptr<ConnectionView> m_view;
};

void TestConnectionViewBroker::initTestCase()
{
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

void TestConnectionViewBroker::cleanupTestCase()
{
    m_broker.stop();
}

void TestConnectionViewBroker::init()
{
    openView();
}

void TestConnectionViewBroker::cleanup()
{
    closeView();
}

void TestConnectionViewBroker::openView(const QString &dataDir, const std::function<void()> &ready)
{
    m_store = std::make_unique<StreamTestStore>(dataDir);
    QVERIFY(m_store->isReady());
    QVERIFY(m_store->ensureProfile(1));
    if (ready)
        ready(); // the test's own store is set up; what follows is the app's part
    ConnectionServices::Options services;
    services.profileId = 1;
    services.writer = m_store->writer();
    services.databasePath = m_store->path();
    m_services = std::make_unique<ConnectionServices>(
        settingsFor(m_broker.port(TestBroker::Listener::Plain)), services);
    ConnectionView::Context context;
    context.services = m_services.get();
    context.version = ProtocolVersion::V5;
    m_view = std::make_unique<ConnectionView>(context);
    QVERIFY(!m_view->openError().isError());
    m_view->resize(1280, 800);
    m_view->show();
    m_services->connection()->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(m_services->connection()->state(), SessionState::Connected, kWait);
    // The view learns it through a queued signal.
    QTRY_VERIFY_WITH_TIMEOUT(m_view->publishBar()->isConnected(), kWait);
}

void TestConnectionViewBroker::closeView()
{
    if (m_services) {
        m_services->connection()->disconnectFromBroker();
        QTRY_COMPARE_WITH_TIMEOUT(m_services->connection()->state(), SessionState::Disconnected,
                                  kWait);
    }
    m_view.reset();
    m_services.reset();
    m_store.reset();
}

void TestConnectionViewBroker::subscribe(const QString &filter, int qos)
{
    SubscriptionPanel *panel = m_view->subscriptionPanel();
    panel->filterEdit()->setText(filter);
    panel->qosBox()->setCurrentIndex(qos);
    QTest::keyClick(panel->filterEdit(), Qt::Key_Return);
    const int row = m_view->subscriptions()->rowOfFilter(filter);
    QVERIFY(row >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(int(m_view->subscriptions()->at(row).state),
                              int(SubscriptionEntry::State::Active), kWait);
}

int TestConnectionViewBroker::findRow(const QString &topic,
                                      StoredMessage::Direction direction) const
{
    const MessageStreamModel *model = m_view->streamModel();
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        const QModelIndex i = model->index(row);
        if (i.data(MessageStreamModel::TopicRole).toString() == topic &&
            i.data(MessageStreamModel::DirectionRole).toInt() == int(direction))
            return row;
    }
    return -1;
}

void TestConnectionViewBroker::subscribeThroughUiReceivesColouredBubble()
{
    QAbstractItemModelTester tester(m_view->streamModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    subscribe(QStringLiteral("desk/+/temp"), 1);
    if (QTest::currentTestFailed())
        return;
    const QColor colour = m_view->subscriptions()->at(0).colour;
    const auto pub = MosquittoPub::publish(m_broker.port(TestBroker::Listener::Plain),
                                           QStringLiteral("desk/kitchen/temp"), "21.5",
                                           {QStringLiteral("-q"), QStringLiteral("1")});
    QVERIFY2(pub.finished && pub.exitCode == 0, pub.output.constData());
    QTRY_VERIFY_WITH_TIMEOUT(
        findRow(QStringLiteral("desk/kitchen/temp"), StoredMessage::Direction::Incoming) >= 0,
        kWait);
    const QModelIndex bubble = m_view->streamModel()->index(
        findRow(QStringLiteral("desk/kitchen/temp"), StoredMessage::Direction::Incoming));
    QCOMPARE(bubble.data(MessageStreamModel::ColourRole).value<QColor>(), colour);
    QCOMPARE(bubble.data(MessageStreamModel::PreviewRole).toString(), QStringLiteral("21.5"));
    QCOMPARE(bubble.data(MessageStreamModel::QosRole).toInt(), 1);
    QTRY_COMPARE(
        m_view->subscriptions()->index(0, SubscriptionListModel::CountColumn).data().toLongLong(),
        1);
    // Disabling unsubscribes: the next message is not received.
    m_view->subscriptions()->setEnabled(0, false);
    QCOMPARE(m_view->subscriptions()->at(0).state, SubscriptionEntry::State::Disabled);
}

void TestConnectionViewBroker::publishThroughUiReachesMosquittoSub()
{
    MosquittoSub sub;
    QVERIFY(sub.start(m_broker.port(TestBroker::Listener::Plain), QStringLiteral("ui/#"),
                      {QStringLiteral("-q"), QStringLiteral("1")}));
    PublishBar *bar = m_view->publishBar();
    bar->topicEdit()->setText(QStringLiteral("ui/out"));
    bar->qosBox()->setCurrentIndex(1);
    bar->payloadEdit()->setPlainText(QStringLiteral("{\"from\":\"desk\"}"));
    QVERIFY(bar->send());
    QVERIFY(sub.waitForMessages(1, kWait));
    QCOMPARE(sub.messages().first().topic, QStringLiteral("ui/out"));
    QCOMPARE(sub.messages().first().payload, QByteArray("{\"from\":\"desk\"}"));
    // The published message appears on the right with its PUBACK.
    QTRY_VERIFY_WITH_TIMEOUT(
        findRow(QStringLiteral("ui/out"), StoredMessage::Direction::Outgoing) >= 0, kWait);
    const QModelIndex bubble = m_view->streamModel()->index(
        findRow(QStringLiteral("ui/out"), StoredMessage::Direction::Outgoing));
    // Stored as it went out; the PUBACK follows as an update of the stored row.
    QTRY_COMPARE_WITH_TIMEOUT(bubble.data(MessageStreamModel::AckRole).toString(),
                              ackText(PublishAck::Stage::Acked), kWait);
    const StoredMessage &stored = m_view->streamModel()->rowAt(bubble.row())->message;
    QCOMPARE(stored.publishStage, std::optional(StoredMessage::PublishStage::Acknowledged));
    QVERIFY(stored.packetId.has_value()); // QoS 1: the packet id the PUBACK answered
}

void TestConnectionViewBroker::qos2RoundTripShowsCompletion()
{
    subscribe(QStringLiteral("q2/#"), 2);
    if (QTest::currentTestFailed())
        return;
    MosquittoSub sub;
    QVERIFY(sub.start(m_broker.port(TestBroker::Listener::Plain), QStringLiteral("q2/#"),
                      {QStringLiteral("-q"), QStringLiteral("2")}));
    PublishBar *bar = m_view->publishBar();
    bar->topicEdit()->setText(QStringLiteral("q2/x"));
    bar->qosBox()->setCurrentIndex(2);
    bar->payloadEdit()->setPlainText(QStringLiteral("exactly once"));
    QVERIFY(bar->send());
    QVERIFY(sub.waitForMessages(1, kWait));
    QTRY_VERIFY_WITH_TIMEOUT(
        findRow(QStringLiteral("q2/x"), StoredMessage::Direction::Outgoing) >= 0, kWait);
    const QModelIndex out = m_view->streamModel()->index(
        findRow(QStringLiteral("q2/x"), StoredMessage::Direction::Outgoing));
    QTRY_COMPARE_WITH_TIMEOUT(out.data(MessageStreamModel::AckRole).toString(),
                              ackText(PublishAck::Stage::Completed), kWait);
    // Our own subscription gets it back at QoS 2.
    QTRY_VERIFY_WITH_TIMEOUT(
        findRow(QStringLiteral("q2/x"), StoredMessage::Direction::Incoming) >= 0, kWait);
    const QModelIndex in = m_view->streamModel()->index(
        findRow(QStringLiteral("q2/x"), StoredMessage::Direction::Incoming));
    QCOMPARE(in.data(MessageStreamModel::QosRole).toInt(), 2);
    QCOMPARE(in.data(MessageStreamModel::PreviewRole).toString(), QStringLiteral("exactly once"));
}

void TestConnectionViewBroker::refusedSubscriptionShowsReason()
{
    // No Local on a shared subscription is refused before anything is sent [MQTT-3.8.3-4];
    // the reason shows on the entry as a SUBACK refusal would.
    SubscriptionPanel *panel = m_view->subscriptionPanel();
    panel->noLocalBox()->setChecked(true);
    panel->filterEdit()->setText(QStringLiteral("$share/g/x"));
    QVERIFY(panel->addFromForm());
    const int row = m_view->subscriptions()->rowOfFilter(QStringLiteral("$share/g/x"));
    QTRY_COMPARE_WITH_TIMEOUT(int(m_view->subscriptions()->at(row).state),
                              int(SubscriptionEntry::State::Refused), kWait);
    QVERIFY(!m_view->subscriptions()->at(row).refusal.isEmpty());
}

void TestConnectionViewBroker::filtersAndSearch()
{
    subscribe(QStringLiteral("f/#"));
    if (QTest::currentTestFailed())
        return;
    const quint16 port = m_broker.port(TestBroker::Listener::Plain);
    QVERIFY(MosquittoPub::publish(port, QStringLiteral("f/a"), "alpha reading").exitCode == 0);
    QVERIFY(MosquittoPub::publish(port, QStringLiteral("f/b"), "beta reading").exitCode == 0);
    PublishBar *bar = m_view->publishBar();
    bar->topicEdit()->setText(QStringLiteral("g/out"));
    bar->qosBox()->setCurrentIndex(1);
    bar->payloadEdit()->setPlainText(QStringLiteral("gamma"));
    QVERIFY(bar->send());
    MessageStreamModel *model = m_view->streamModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, kWait);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    MessageStreamView *stream = m_view->streamView();
    stream->directionBox()->setCurrentIndex(2);           // published
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), kWait); // pages load off the GUI thread
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0).data(MessageStreamModel::TopicRole).toString(),
             QStringLiteral("g/out"));
    stream->directionBox()->setCurrentIndex(1);           // received
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), kWait); // pages load off the GUI thread
    QCOMPARE(model->rowCount(), 2);
    stream->directionBox()->setCurrentIndex(0);
    stream->topicFilterEdit()->setText(QStringLiteral("f/+"));
    stream->applyFilter();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), kWait); // pages load off the GUI thread
    QCOMPARE(model->rowCount(), 2);
    stream->topicFilterEdit()->setText(QStringLiteral("f/#/x"));
    stream->applyFilter();
    QVERIFY(!stream->filterError().isEmpty());
    stream->topicFilterEdit()->clear();
    stream->searchEdit()->setText(QStringLiteral("beta"));
    stream->applyFilter();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), kWait); // pages load off the GUI thread
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0).data(MessageStreamModel::TopicRole).toString(), QStringLiteral("f/b"));
    // A live message matching the search appears; one that does not, does not.
    QVERIFY(MosquittoPub::publish(port, QStringLiteral("f/c"), "beta again").exitCode == 0);
    QVERIFY(MosquittoPub::publish(port, QStringLiteral("f/d"), "delta").exitCode == 0);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, kWait);
    QCOMPARE(model->index(1).data(MessageStreamModel::TopicRole).toString(), QStringLiteral("f/c"));

    // Clearing asks first; declining keeps everything.
    stream->searchEdit()->clear();
    stream->applyFilter();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 5, kWait);
    ScriptedPrompts prompts;
    prompts.acceptNext(false);
    stream->requestClear();
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(prompts.count(Prompts::Kind::Question), 1);
    prompts.acceptNext(true);
    QSignalSpy errors(m_view.get(), &ConnectionView::errorOccurred);
    stream->requestClear();
    QVERIFY2(errors.isEmpty(),
             errors.isEmpty() ? "" : qPrintable(errors.first().first().toString()));
    QTRY_COMPARE(model->rowCount(), 0);
}

void TestConnectionViewBroker::historySurvivesRestart()
{
    // This test keeps its data in a directory that outlives the objects.
    closeView();
    openView(m_dataDir.path());
    subscribe(QStringLiteral("keep/#"));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(MosquittoPub::publish(m_broker.port(TestBroker::Listener::Plain),
                                  QStringLiteral("keep/me"), "persisted")
                .exitCode == 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        findRow(QStringLiteral("keep/me"), StoredMessage::Direction::Incoming) >= 0, kWait);
    // A message we publish keeps its acknowledgement in the history.
    PublishBar *bar = m_view->publishBar();
    bar->topicEdit()->setText(QStringLiteral("sent/by/desk"));
    bar->qosBox()->setCurrentIndex(1);
    bar->payloadEdit()->setPlainText(QStringLiteral("acked"));
    QVERIFY(bar->send());
    const QModelIndex sent =
        waitForBubble(QStringLiteral("sent/by/desk"), StoredMessage::Direction::Outgoing);
    QVERIFY(sent.isValid());
    QTRY_COMPARE_WITH_TIMEOUT(sent.data(MessageStreamModel::AckRole).toString(),
                              ackText(PublishAck::Stage::Acked), kWait);
    const QJsonArray saved = m_view->subscriptionsJson();
    closeView();

    // "Restart": new storage objects and a new view over the same data directory.
    StreamTestStore reopened(m_dataDir.path());
    QVERIFY(reopened.isReady());
    auto history = reopened.history();
    QVERIFY(history);
    MessageStreamModel model(history.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    bool found = false;
    QString sentAck;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString topic = model.index(row).data(MessageStreamModel::TopicRole).toString();
        found |= topic == QLatin1String("keep/me");
        if (topic == QLatin1String("sent/by/desk"))
            sentAck = model.index(row).data(MessageStreamModel::AckRole).toString();
    }
    QVERIFY(found);
    QCOMPARE(sentAck, ackText(PublishAck::Stage::Acked));
    SubscriptionListModel subs;
    subs.loadJson(saved);
    QCOMPARE(subs.rowCount(), 1);
    QCOMPARE(subs.at(0).subscription.filter, QStringLiteral("keep/#"));
}

QModelIndex TestConnectionViewBroker::waitForBubble(const QString &topic,
                                                    StoredMessage::Direction direction)
{
    // QTRY_* returns from this function on failure: the caller checks the index.
    [&] { QTRY_VERIFY_WITH_TIMEOUT(findRow(topic, direction) >= 0, kWait); }();
    const int row = findRow(topic, direction);
    return row < 0 ? QModelIndex() : m_view->streamModel()->index(row);
}

void TestConnectionViewBroker::publishFromBar(const QString &topic, int qos, const QString &payload)
{
    PublishBar *bar = m_view->publishBar();
    bar->topicEdit()->setText(topic);
    bar->qosBox()->setCurrentIndex(qos);
    bar->payloadEdit()->setPlainText(payload);
    QVERIFY2(bar->send(), qPrintable(bar->errorText()));
}

void TestConnectionViewBroker::subscriptionsSavedAndRestoredOnConnect()
{
    closeView();
    QTemporaryDir dir;
    openView(dir.path());
    subscribe(QStringLiteral("saved/#"), 1);
    if (QTest::currentTestFailed())
        return;
    SubscriptionListModel *subs = m_view->subscriptions();
    subs->setColour(0, QColor(0x12, 0x34, 0x56));
    subs->setAlias(0, QStringLiteral("Saved"));
    subs->setFormat(0, PayloadFormat::Json);
    // A second one, switched off: restored off, and not subscribed.
    SubscriptionPanel *panel = m_view->subscriptionPanel();
    panel->filterEdit()->setText(QStringLiteral("off/#"));
    QVERIFY(panel->addFromForm());
    subs->setEnabled(1, false);
    // A third one, removed again: not restored.
    panel->filterEdit()->setText(QStringLiteral("gone/#"));
    QVERIFY(panel->addFromForm());
    subs->removeAt(2);
    closeView();

    // The app restarts: a new view over the same data directory, then connect.
    openView(dir.path());
    subs = m_view->subscriptions();
    // They arrive from the records worker.
    QTRY_COMPARE_WITH_TIMEOUT(subs->rowCount(), 2, kWait);
    QCOMPARE(subs->at(0).subscription.filter, QStringLiteral("saved/#"));
    QCOMPARE(int(subs->at(0).subscription.options.qos), 1);
    QCOMPARE(subs->at(0).colour, QColor(0x12, 0x34, 0x56));
    QCOMPARE(subs->at(0).alias, QStringLiteral("Saved"));
    QCOMPARE(subs->at(0).format, PayloadFormat::Json);
    QCOMPARE(subs->at(1).subscription.filter, QStringLiteral("off/#"));
    QVERIFY(!subs->at(1).enabled);
    QTRY_COMPARE_WITH_TIMEOUT(int(subs->at(0).state), int(SubscriptionEntry::State::Active), kWait);
    QCOMPARE(subs->at(1).state, SubscriptionEntry::State::Disabled);

    const quint16 port = m_broker.port(TestBroker::Listener::Plain);
    QVERIFY(MosquittoPub::publish(port, QStringLiteral("saved/x"), "{\"a\":1}").exitCode == 0);
    QVERIFY(MosquittoPub::publish(port, QStringLiteral("off/x"), "not for us").exitCode == 0);
    QVERIFY(MosquittoPub::publish(port, QStringLiteral("saved/y"), "last").exitCode == 0);
    const QModelIndex bubble =
        waitForBubble(QStringLiteral("saved/y"), StoredMessage::Direction::Incoming);
    QVERIFY(bubble.isValid());
    QCOMPARE(bubble.data(MessageStreamModel::ColourRole).value<QColor>(), QColor(0x12, 0x34, 0x56));
    const int first = findRow(QStringLiteral("saved/x"), StoredMessage::Direction::Incoming);
    QVERIFY(first >= 0);
    QCOMPARE(
        m_view->streamModel()->index(first).data(MessageStreamModel::ColourRole).value<QColor>(),
        QColor(0x12, 0x34, 0x56));
    // Messages arrive in order: off/x came before saved/y, so it was not delivered.
    QCOMPARE(findRow(QStringLiteral("off/x"), StoredMessage::Direction::Incoming), -1);
    closeView();
}

// The view hears stateChanged(Connected) and connected(CONNACK) as two queued signals. A
// subscription the user adds between them is sent at once; the CONNACK must not send it
// again (a second SUBSCRIBE, seen once in the Packets tab as 12 rows instead of 10).
void TestConnectionViewBroker::subscribedOnceWhenAddedBetweenStateAndConnack()
{
    m_services->connection()->disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(m_services->connection()->state(), SessionState::Disconnected, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->publishBar()->isConnected(), kWait);
    const QString filter = QStringLiteral("between/#");
    SubscriptionListModel *subs = m_view->subscriptions();
    quint64 sentToken = 0;
    quint64 afterConnack = 0;
    // Queued after the view's own slots (connected later, same sender): each runs right
    // after the view has handled the same signal.
    QObject guard;
    connect(m_services->connection(), &Connection::stateChanged, &guard, [&](SessionState state) {
        if (state != SessionState::Connected || sentToken != 0)
            return;
        SubscriptionPanel *panel = m_view->subscriptionPanel();
        panel->filterEdit()->setText(filter);
        QTest::keyClick(panel->filterEdit(), Qt::Key_Return);
        const int row = subs->rowOfFilter(filter);
        if (row >= 0)
            sentToken = subs->at(row).pendingToken;
    });
    connect(m_services->connection(), &Connection::connected, &guard, [&] {
        const int row = subs->rowOfFilter(filter);
        if (row >= 0)
            afterConnack = subs->at(row).pendingToken;
    });
    m_services->connection()->connectToBroker();
    QTRY_VERIFY_WITH_TIMEOUT(afterConnack != 0 || sentToken != 0, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(m_view->publishBar()->isConnected(), kWait);
    QVERIFY2(sentToken != 0, "the subscription went out when the view learnt it was connected");
    QCOMPARE(afterConnack, sentToken);
    const int row = subs->rowOfFilter(filter);
    QTRY_COMPARE_WITH_TIMEOUT(int(subs->at(row).state), int(SubscriptionEntry::State::Active),
                              kWait);
}

void TestConnectionViewBroker::publishHistorySavedAndResent()
{
    closeView();
    QTemporaryDir dir;
    openView(dir.path());
    publishFromBar(QStringLiteral("hist/a"), 1, QStringLiteral("first"));
    publishFromBar(QStringLiteral("hist/b"), 0, QStringLiteral("second"));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(waitForBubble(QStringLiteral("hist/b"), StoredMessage::Direction::Outgoing).isValid());
    closeView();

    openView(dir.path());
    PublishBar *bar = m_view->publishBar();
    QTRY_COMPARE_WITH_TIMEOUT(bar->history().size(), 2, kWait);
    QCOMPARE(bar->history().at(0).topic, QStringLiteral("hist/b"));
    QCOMPARE(bar->history().at(1).topic, QStringLiteral("hist/a"));
    auto *topics = qobject_cast<QStringListModel *>(bar->topicCompleter()->model());
    QVERIFY(topics);
    QCOMPARE(topics->stringList(),
             (QStringList{QStringLiteral("hist/b"), QStringLiteral("hist/a")}));

    // One click in the history menu refills the form and sends.
    MosquittoSub sub;
    QVERIFY(sub.start(m_broker.port(TestBroker::Listener::Plain), QStringLiteral("hist/#"),
                      {QStringLiteral("-q"), QStringLiteral("1")}));
    const QList<QAction *> actions = bar->historyButton()->menu()->actions();
    QCOMPARE(actions.size(), 2);
    actions.at(1)->trigger();
    QCOMPARE(bar->topicEdit()->text(), QStringLiteral("hist/a"));
    QCOMPARE(bar->payloadEdit()->toPlainText(), QStringLiteral("first"));
    QCOMPARE(bar->qosBox()->currentIndex(), 1);
    QVERIFY(sub.waitForMessages(1, kWait));
    QCOMPARE(sub.messages().first().topic, QStringLiteral("hist/a"));
    QCOMPARE(sub.messages().first().payload, QByteArray("first"));
    // Resending moved it to the top, also in storage.
    QCOMPARE(bar->history().at(0).topic, QStringLiteral("hist/a"));
    closeView();
    openView(dir.path());
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->publishBar()->history().isEmpty(), kWait);
    QCOMPARE(m_view->publishBar()->history().at(0).topic, QStringLiteral("hist/a"));
    closeView();
}

void TestConnectionViewBroker::ackStatesAtEachQos()
{
    const QString states[] = {ackText(PublishAck::Stage::Sent), ackText(PublishAck::Stage::Acked),
                              ackText(PublishAck::Stage::Completed)};
    for (int qos = 0; qos <= 2; ++qos) {
        const QString topic = QStringLiteral("ack/%1").arg(qos);
        publishFromBar(topic, qos, QStringLiteral("q"));
        if (QTest::currentTestFailed())
            return;
        const QModelIndex bubble = waitForBubble(topic, StoredMessage::Direction::Outgoing);
        QVERIFY(bubble.isValid());
        QCOMPARE(bubble.data(MessageStreamModel::AckRole).toString(), states[qos]);
        QVERIFY(m_view->publishBar()->statusText().contains(states[qos]));
    }
}

void TestConnectionViewBroker::refusedPublishShowsReasonCode()
{
    // mosquitto denies clients writing to $SYS: a 5.0 PUBACK / PUBREC with 0x87. (2.0.11
    // then drops the connection, so each QoS gets a fresh one.)
    for (int qos = 1; qos <= 2; ++qos) {
        Connection *connection = m_services->connection();
        if (connection->state() != SessionState::Connected) {
            QTRY_COMPARE_WITH_TIMEOUT(connection->state(), SessionState::Disconnected, kWait);
            connection->connectToBroker();
            QTRY_COMPARE_WITH_TIMEOUT(connection->state(), SessionState::Connected, kWait);
            QTRY_VERIFY_WITH_TIMEOUT(m_view->publishBar()->isConnected(), kWait);
        }
        const QString topic = QStringLiteral("$SYS/desk/%1").arg(qos);
        publishFromBar(topic, qos, QStringLiteral("nope"));
        if (QTest::currentTestFailed())
            return;
        const QModelIndex bubble = waitForBubble(topic, StoredMessage::Direction::Outgoing);
        QVERIFY(bubble.isValid());
        const QString ack = bubble.data(MessageStreamModel::AckRole).toString();
        QVERIFY2(ack.contains(QStringLiteral("0x87")), qPrintable(ack));
        QVERIFY2(m_view->publishBar()->errorText().contains(QStringLiteral("0x87")),
                 qPrintable(m_view->publishBar()->errorText()));
    }
}

void TestConnectionViewBroker::resendFromBubble()
{
    MosquittoSub sub;
    QVERIFY(sub.start(m_broker.port(TestBroker::Listener::Plain), QStringLiteral("again/#"),
                      {QStringLiteral("-q"), QStringLiteral("1")}));
    publishFromBar(QStringLiteral("again/x"), 1, QStringLiteral("twice"));
    if (QTest::currentTestFailed())
        return;
    const QModelIndex bubble =
        waitForBubble(QStringLiteral("again/x"), StoredMessage::Direction::Outgoing);
    QVERIFY(bubble.isValid());
    QVERIFY(sub.waitForMessages(1, kWait));
    // The bubble's context menu "Resend" emits this.
    emit m_view->streamView()->resendRequested(m_view->streamModel()->rowAt(bubble.row())->message);
    QVERIFY(sub.waitForMessages(2, kWait));
    QCOMPARE(sub.messages().at(1).payload, QByteArray("twice"));
}

void TestConnectionViewBroker::messageCountsSurviveARestartAndAClear()
{
    closeView();
    QTemporaryDir dir;
    openView(dir.path());
    subscribe(QStringLiteral("count/#"), 1);
    if (QTest::currentTestFailed())
        return;
    const quint16 port = m_broker.port(TestBroker::Listener::Plain);
    auto repeat = [port](const QString &topic, int times) {
        return MosquittoPub::run({QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
                                  QStringLiteral("-p"), QString::number(port), QStringLiteral("-t"),
                                  topic, QStringLiteral("-m"), QStringLiteral("v"),
                                  QStringLiteral("-q"), QStringLiteral("1"),
                                  QStringLiteral("--repeat"), QString::number(times)})
                   .exitCode == 0;
    };
    QVERIFY(repeat(QStringLiteral("count/a"), 15));
    QVERIFY(repeat(QStringLiteral("count/b"), 10));
    SubscriptionListModel *subs = m_view->subscriptions();
    auto count = [&subs](int row) {
        return subs->index(row, SubscriptionListModel::CountColumn).data().toLongLong();
    };
    // Counted live on the connection's thread.
    QTRY_COMPARE_WITH_TIMEOUT(count(0), 25, kWait);
    // A row added afterwards starts from what the history holds for its filter.
    SubscriptionPanel *panel = m_view->subscriptionPanel();
    panel->filterEdit()->setText(QStringLiteral("count/a"));
    QVERIFY(panel->addFromForm());
    const int added = subs->rowOfFilter(QStringLiteral("count/a"));
    QVERIFY(added > 0);
    QTRY_COMPARE_WITH_TIMEOUT(count(added), 15, kWait);
    QVERIFY(m_store->writer()->waitUntilIdle(kWait));
    closeView();

    // The app restarts: the counts are read back from the history.
    openView(dir.path());
    subs = m_view->subscriptions();
    QTRY_COMPARE_WITH_TIMEOUT(subs->rowCount(), 2, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(count(0), 25, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(count(1), 15, kWait);

    // Clearing the history clears the counts; new messages count from zero.
    QSignalSpy cleared(m_view.get(), &ConnectionView::historyCleared);
    m_view->clearHistory();
    QVERIFY(cleared.wait(kWait));
    QVERIFY(!cleared.first().first().value<StorageError>().isError());
    QTRY_COMPARE_WITH_TIMEOUT(count(0), 0, kWait);
    QCOMPARE(count(1), 0);
    QTRY_COMPARE_WITH_TIMEOUT(int(subs->at(0).state), int(SubscriptionEntry::State::Active), kWait);
    QVERIFY(repeat(QStringLiteral("count/b"), 3));
    QTRY_COMPARE_WITH_TIMEOUT(count(0), 3, kWait);
    QCOMPARE(count(1), 0);
    closeView();
}

void TestConnectionViewBroker::noSqlOnTheGuiThread()
{
#ifndef MQTTDESK_SQL_AUDIT
    QSKIP("the SQL trace hook is compiled into builds with tests only (MQTTDESK_SQL_AUDIT)");
#endif
    // Every statement run on this (the GUI) thread is recorded once the test's store is
    // ready: opening the services and the view, subscribing, a flood and a 1 MB message,
    // filters, search, copying the large payload and "show all", exporting in both formats,
    // publishing and clearing the history.
    closeView();
    QTemporaryDir dir;
    openView(dir.path(), [] { SqlThreadAudit::watch(QThread::currentThread()); });
    subscribe(QStringLiteral("audit/#"), 1);
    if (QTest::currentTestFailed())
        return;
    const quint16 port = m_broker.port(TestBroker::Listener::Plain);
    QVERIFY(MosquittoPub::run(
                {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                 QString::number(port), QStringLiteral("-t"), QStringLiteral("audit/flood"),
                 QStringLiteral("-m"), QStringLiteral("reading 42"), QStringLiteral("-q"),
                 QStringLiteral("1"), QStringLiteral("--repeat"), QStringLiteral("2000")})
                .exitCode == 0);
    QVERIFY(MosquittoPub::publish(port, QStringLiteral("audit/other"), "needle").exitCode == 0);
    // 1 MB: kept in storage's side table, read only when asked for.
    QByteArray big;
    for (int i = 0; big.size() < 1024 * 1024; ++i)
        big += "sample " + QByteArray::number(i) + " \"quoted\", ";
    big.truncate(1024 * 1024);
    const QString bigFile = dir.filePath(QStringLiteral("big.txt"));
    {
        QFile file(bigFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(big), big.size());
    }
    QVERIFY(MosquittoPub::run({QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
                               QStringLiteral("-p"), QString::number(port), QStringLiteral("-t"),
                               QStringLiteral("audit/big"), QStringLiteral("-q"),
                               QStringLiteral("1"), QStringLiteral("-f"), bigFile})
                .exitCode == 0);
    constexpr qint64 kReceived = 2002;
    QTRY_COMPARE_WITH_TIMEOUT(
        m_view->subscriptions()->index(0, SubscriptionListModel::CountColumn).data().toLongLong(),
        kReceived, kWait);
    MessageStreamModel *model = m_view->streamModel();
    QTRY_VERIFY_WITH_TIMEOUT(
        findRow(QStringLiteral("audit/big"), StoredMessage::Direction::Incoming) >= 0, kWait);

    MessageStreamView *stream = m_view->streamView();
    stream->topicFilterEdit()->setText(QStringLiteral("audit/+"));
    stream->applyFilter();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), kWait);
    stream->topicFilterEdit()->clear();
    stream->searchEdit()->setText(QStringLiteral("needle"));
    stream->applyFilter();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kWait);
    stream->searchEdit()->clear();
    stream->applyFilter();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), kWait);

    // Copy and "show all" of the large payload: read on the reader thread, then used here.
    const int bigRow = findRow(QStringLiteral("audit/big"), StoredMessage::Direction::Incoming);
    QVERIFY(bigRow >= 0);
    QVERIFY(model->rowAt(bigRow)->message.payloadDeferred);
    stream->copyPayload(bigRow);
    QTRY_COMPARE_WITH_TIMEOUT(QApplication::clipboard()->text().size(), big.size(), kWait);
    QCOMPARE(QApplication::clipboard()->text().toUtf8(), big);
    stream->showAll(bigRow);
    QTRY_VERIFY_WITH_TIMEOUT(stream->findChild<PayloadViewerDialog *>(), kWait);
    auto *viewer = stream->findChild<PayloadViewerDialog *>();
    QTRY_VERIFY_WITH_TIMEOUT(viewer->isRendered(), kWait);
    QCOMPARE(viewer->totalChars(), big.size());
    viewer->close();

    // Export, both formats: the whole history (not only the rows the model holds), lossless.
    QSignalSpy exported(stream->exportBar(), &HistoryExportBar::finished);
    const QString jsonPath = dir.filePath(QStringLiteral("audit.jsonl"));
    QVERIFY(stream->startExport(jsonPath));
    QVERIFY(exported.wait(kWait));
    QCOMPARE(exported.last().at(0).toLongLong(), kReceived);
    {
        QFile file(jsonPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.takeLast(), QByteArray());
        QCOMPARE(lines.size(), kReceived);
        QHash<QString, int> topics;
        for (const QByteArray &line : std::as_const(lines)) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const QString topic = o.value(QStringLiteral("topic")).toString();
            ++topics[topic];
            QCOMPARE(o.value(QStringLiteral("payload_encoding")).toString(),
                     QStringLiteral("text"));
            const QByteArray payload = o.value(QStringLiteral("payload")).toString().toUtf8();
            if (topic == QLatin1String("audit/big"))
                QCOMPARE(payload, big);
            else if (topic == QLatin1String("audit/other"))
                QCOMPARE(payload, QByteArray("needle"));
            else
                QCOMPARE(payload, QByteArray("reading 42"));
        }
        QCOMPARE(topics.value(QStringLiteral("audit/flood")), 2000);
        QCOMPARE(topics.value(QStringLiteral("audit/other")), 1);
        QCOMPARE(topics.value(QStringLiteral("audit/big")), 1);
    }
    const QString csvPath = dir.filePath(QStringLiteral("audit.csv"));
    QVERIFY(stream->startExport(csvPath));
    QVERIFY(exported.wait(kWait));
    QCOMPARE(exported.last().at(0).toLongLong(), kReceived);
    {
        QFile file(csvPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QCOMPARE(qint64(csv.count("\r\n")), kReceived + 1); // header and one line per row
        QCOMPARE(qint64(csv.count(",audit/flood,")), 2000);
        // The large payload, quoted (it holds commas and quotes), quotes doubled.
        QByteArray quoted = big;
        quoted.replace('"', "\"\"");
        QVERIFY(csv.contains(QByteArray(",text,\"" + quoted + "\",")));
    }

    publishFromBar(QStringLiteral("audit/out"), 1, QStringLiteral("sent"));
    QVERIFY(
        waitForBubble(QStringLiteral("audit/out"), StoredMessage::Direction::Outgoing).isValid());
    QSignalSpy cleared(m_view.get(), &ConnectionView::historyCleared);
    m_view->clearHistory();
    QVERIFY(cleared.wait(kWait));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, kWait);

    const int statements = SqlThreadAudit::statementCount();
    const QString seen = SqlThreadAudit::statements().join(QStringLiteral("\n  "));
    SqlThreadAudit::watch(nullptr);
    QVERIFY2(
        statements == 0,
        qPrintable(
            QStringLiteral("%1 statements on the GUI thread:\n  %2").arg(statements).arg(seen)));
    closeView();
}

QTEST_MAIN(TestConnectionViewBroker)
#include "tst_connection_view_broker.moc"
