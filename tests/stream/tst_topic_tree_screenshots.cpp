// Renders a connection's Topics view over a plant's broker: a few thousand topics stored in
// the history (rebuilt into the tree when the view opens), a live burst on some of them from
// the real mosquitto fixture (so rates show), retained values, an empty level, a very long
// topic, $SYS, and a 1 MB payload; the selected topic's last message and recent history.
// English and Chinese, 1280x800 and 1920x1080. The images go to $MQTTDESK_SCREENSHOT_DIR
// (e.g. docs/screenshots) when set, else to a temporary directory; each must be a picture of
// the right size with the tree, the detail and the publish bar shown in full
// (ScreenshotCheck).
#include "core/connection/connection.h"
#include "core/topictree/topic_tree_model.h"
#include "core/workspace/connection_services.h"
#include "stream_test_support.h"
#include "tests/fixture/test_broker.h"
#include "tests/support/screenshot_check.h"
#include "ui/publish/publish_bar.h"
#include "ui/stream/connection_view.h"
#include "ui/subscriptions/subscription_list_model.h"
#include "ui/subscriptions/subscription_panel.h"
#include "ui/theme/theme.h"
#include "ui/topictree/topic_detail_panel.h"
#include "ui/topictree/topic_tree_view.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>
#include <QTreeView>
#include <QTreeWidget>
#include <QUuid>

using namespace mqttdesk;

namespace {
constexpr int kWait = 15000;
}

class TestTopicTreeScreenshots : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void topics_data();
    void topics();

private:
    TestBroker m_broker;
    QTemporaryDir m_tmp;
    QString m_out;
};

void TestTopicTreeScreenshots::initTestCase()
{
    if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark"))
        QApplication::setPalette(Theme::darkPalette());
    m_out = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
    if (m_out.isEmpty())
        m_out = m_tmp.path();
    QVERIFY(QDir().mkpath(m_out));
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

void TestTopicTreeScreenshots::cleanupTestCase()
{
    m_broker.stop();
}

void TestTopicTreeScreenshots::topics_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_CN")})
        for (const QSize &size : {QSize(1280, 800), QSize(1920, 1080)})
            QTest::newRow(qPrintable(
                QStringLiteral("%1-%2x%3").arg(language).arg(size.width()).arg(size.height())))
                << language << size;
}

static QList<StoredMessage> plantHistory()
{
    QList<StoredMessage> list;
    auto add = [&list](const QString &topic, const QByteArray &payload, bool retain = false) {
        StoredMessage m = StreamTestStore::message(topic, payload);
        m.receivedUs -= 90 * 1000000; // before the services start (they read up to then)
        m.qos = 1;
        m.retain = retain;
        m.payloadSize = payload.size();
        list.append(m);
    };
    const QStringList metrics{QStringLiteral("temperature"), QStringLiteral("humidity"),
                              QStringLiteral("vibration"), QStringLiteral("power")};
    // 3 sites x 8 lines x 25 machines x 4 metrics = 2,400 topics, a few messages each.
    for (int site = 1; site <= 3; ++site)
        for (int line = 1; line <= 8; ++line)
            for (int machine = 1; machine <= 25; ++machine)
                for (int m = 0; m < metrics.size(); ++m) {
                    const QString topic = QStringLiteral("plant/site-%1/line-%2/machine-%3/%4")
                                              .arg(site)
                                              .arg(line)
                                              .arg(machine, 2, 10, QLatin1Char('0'))
                                              .arg(metrics[m]);
                    for (int i = 0; i <= (machine + m) % 3; ++i)
                        add(topic, QStringLiteral(R"({"value":%1,"unit":"%2","ok":true})")
                                       .arg(20.0 + machine / 4.0 + i)
                                       .arg(m == 1 ? QStringLiteral("%") : QStringLiteral("°C"))
                                       .toUtf8());
                }
    for (int line = 1; line <= 8; ++line)
        add(QStringLiteral("plant/site-1/line-%1/status").arg(line),
            line == 4 ? "STOPPED" : "RUNNING", true);
    add(QStringLiteral("plant//legacy/gateway"), "empty level before me");
    add(QStringLiteral("plant/site-2/area-north/building-7/floor-2/room-214/cabinet-B/rack-3/"
                       "unit-12/sensors/temperature/probe-4/raw"),
        "21.7");
    QByteArray large = R"({"frames":[)";
    while (large.size() < 1024 * 1024)
        large += R"({"t":1732222222,"x":[0.125,0.25,0.5,1.0],"ok":true},)";
    large += "{}]}";
    add(QStringLiteral("plant/site-1/camera/snapshot"), large);
    add(QStringLiteral("$SYS/broker/version"), "mosquitto version 2.0.11", true);
    add(QStringLiteral("$SYS/broker/uptime"), "86400 seconds", true);
    return list;
}

void TestTopicTreeScreenshots::topics()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QTranslator translator;
    // English too: its plural forms ("1 topic", "2,413 topics") live in the .qm.
    QVERIFY(translator.load(QStringLiteral(":/i18n/mqttdesk_%1.qm").arg(language)));
    QCoreApplication::installTranslator(&translator);
    const auto uninstall =
        qScopeGuard([&translator] { QCoreApplication::removeTranslator(&translator); });
    StreamTestStore store;
    QVERIFY(store.isReady());
    QVERIFY(store.ensureProfile(1));
    QVERIFY(store.store(plantHistory()));

    ConnectionSettings settings;
    settings.transport.kind = TransportOptions::Kind::Tcp;
    settings.transport.host = QStringLiteral("127.0.0.1");
    settings.transport.port = m_broker.port(TestBroker::Listener::Plain);
    settings.session.version = ProtocolVersion::V5;
    settings.session.clientId =
        QStringLiteral("desk-shot-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    settings.session.reconnect.enabled = false;
    ConnectionServices::Options options;
    options.writer = store.writer();
    options.databasePath = store.path();
    options.profileId = 1;
    ConnectionServices services(settings, options);
    QSignalSpy ready(&services, &ConnectionServices::topicTreeReady);
    ConnectionView::Context context;
    context.services = &services;
    ConnectionView view(context);
    QVERIFY(services.topicTreeLoaded() || ready.wait(kWait));
    TopicTreeModel *model = services.topicTree();

    // Live: a burst on line 1 of site 1, so that rates show beside the stored counts.
    Connection *connection = services.connection();
    connection->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), SessionState::Connected, kWait);
    SubscriptionPanel *panel = view.subscriptionPanel();
    panel->filterEdit()->setText(QStringLiteral("plant/#"));
    QTest::keyClick(panel->filterEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(int(view.subscriptions()->at(0).state),
                              int(SubscriptionEntry::State::Active), kWait);
    const QString busy = QStringLiteral("plant/site-1/line-1/machine-%1/temperature");
    const qint64 before = model->indexForTopic(QStringLiteral("plant"))
                              .data(TopicTreeModel::MessagesRole)
                              .toLongLong();
    for (int i = 0; i < 300; ++i) {
        PublishPacket packet;
        packet.topic = busy.arg(1 + i % 25, 2, 10, QLatin1Char('0'));
        packet.payload = QStringLiteral(R"({"value":%1,"unit":"°C","ok":true})")
                             .arg(21.0 + (i % 50) / 10.0)
                             .toUtf8();
        connection->publish(packet);
    }
    QTRY_COMPARE_WITH_TIMEOUT(model->indexForTopic(QStringLiteral("plant"))
                                  .data(TopicTreeModel::MessagesRole)
                                  .toLongLong(),
                              before + 300, kWait);

    view.showTopics(true);
    view.resize(size);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    TopicTreeView *topics = view.topicsView();
    topics->expandToDepth(2);
    TopicDetailPanel *detail = topics->detail();
    QSignalSpy loaded(detail, &TopicDetailPanel::recentLoaded);
    QVERIFY(topics->selectTopic(busy.arg(QStringLiteral("07"))));
    QVERIFY(loaded.wait(kWait));
    QCoreApplication::processEvents();

    const QImage image = view.grab().toImage();
    QCOMPARE(image.size(), size * view.devicePixelRatio());
    const QStringList problems =
        ScreenshotCheck::problems(&view, image,
                                  {topics, topics->treeView(), detail, detail->recentList(),
                                   static_cast<const QWidget *>(view.publishBar())},
                                  20);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(model->topicCount() > 2400);
    const QString file = QDir(m_out).filePath(
        QStringLiteral("topics-%1-%2x%3.png").arg(language).arg(size.width()).arg(size.height()));
    QVERIFY(image.save(ScreenshotCheck::themed(file)));
    connection->disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), SessionState::Disconnected, kWait);
}

QTEST_MAIN(TestTopicTreeScreenshots)
#include "tst_topic_tree_screenshots.moc"
