// ConnectionView end to end against the real mosquitto fixture: subscribe through the UI and
// see mosquitto_pub's message as a coloured bubble; publish through the UI and mosquitto_sub
// receives it; a QoS 2 round trip with its ack state; filters and search over history and
// live rows; and the history survives a restart (new objects over the same data dir).
#include "core/connection/connection.h"
#include "core/connection/connection_thread.h"
#include "stream_test_support.h"
#include "tests/fixture/mosquitto_pub.h"
#include "tests/fixture/mosquitto_sub.h"
#include "tests/fixture/test_broker.h"
#include "ui/publish/publish_bar.h"
#include "ui/stream/connection_view.h"
#include "ui/stream/message_stream_model.h"
#include "ui/stream/message_stream_view.h"
#include "ui/stream/stream_prompts.h"
#include "ui/subscriptions/subscription_list_model.h"
#include "ui/subscriptions/subscription_panel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

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

private:
    void openView(const QString &dataDir = {});
    void closeView();
    void subscribe(const QString &filter, int qos = 0);
    int findRow(const QString &topic, StoredMessage::Direction direction) const;

    TestBroker m_broker;
    QTemporaryDir m_dataDir;
    std::unique_ptr<StreamTestStore> m_store;
    std::unique_ptr<ConnectionThread> m_thread;
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

void TestConnectionViewBroker::openView(const QString &dataDir)
{
    m_store = std::make_unique<StreamTestStore>(dataDir);
    QVERIFY(m_store->isReady());
    m_thread =
        std::make_unique<ConnectionThread>(settingsFor(m_broker.port(TestBroker::Listener::Plain)));
    ConnectionView::Context context;
    context.connection = m_thread->connection();
    context.writer = m_store->writer();
    context.databasePath = m_store->path();
    context.profileId = 1;
    context.version = ProtocolVersion::V5;
    m_view = std::make_unique<ConnectionView>(context);
    QVERIFY(!m_view->openError().isError());
    m_view->resize(1280, 800);
    m_view->show();
    m_thread->connection()->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(m_thread->connection()->state(), SessionState::Connected, kWait);
}

void TestConnectionViewBroker::closeView()
{
    if (m_thread) {
        m_thread->connection()->disconnectFromBroker();
        QTRY_COMPARE_WITH_TIMEOUT(m_thread->connection()->state(), SessionState::Disconnected,
                                  kWait);
    }
    m_view.reset();
    m_thread.reset();
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
    QCOMPARE(bubble.data(MessageStreamModel::AckRole).toString(),
             ackText(PublishAck::Stage::Acked));
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
    QCOMPARE(out.data(MessageStreamModel::AckRole).toString(),
             ackText(PublishAck::Stage::Completed));
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
    stream->directionBox()->setCurrentIndex(2); // published
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0).data(MessageStreamModel::TopicRole).toString(),
             QStringLiteral("g/out"));
    stream->directionBox()->setCurrentIndex(1); // received
    QCOMPARE(model->rowCount(), 2);
    stream->directionBox()->setCurrentIndex(0);
    stream->topicFilterEdit()->setText(QStringLiteral("f/+"));
    stream->applyFilter();
    QCOMPARE(model->rowCount(), 2);
    stream->topicFilterEdit()->setText(QStringLiteral("f/#/x"));
    stream->applyFilter();
    QVERIFY(!stream->filterError().isEmpty());
    stream->topicFilterEdit()->clear();
    stream->searchEdit()->setText(QStringLiteral("beta"));
    stream->applyFilter();
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
    StreamPrompts::setNextConfirmation(false);
    stream->requestClear();
    QCOMPARE(model->rowCount(), 5);
    StreamPrompts::setNextConfirmation(true);
    stream->requestClear();
    QCOMPARE(model->rowCount(), 0);
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
    for (int row = 0; row < model.rowCount(); ++row)
        found |= model.index(row).data(MessageStreamModel::TopicRole).toString() ==
                 QLatin1String("keep/me");
    QVERIFY(found);
    SubscriptionListModel subs;
    subs.loadJson(saved);
    QCOMPARE(subs.rowCount(), 1);
    QCOMPARE(subs.at(0).subscription.filter, QStringLiteral("keep/#"));
}

QTEST_MAIN(TestConnectionViewBroker)
#include "tst_connection_view_broker.moc"
