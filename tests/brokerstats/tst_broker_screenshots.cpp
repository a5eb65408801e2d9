// Renders a connection's Broker tab over the real mosquitto fixture (sys_interval 1): the
// version and uptime, clients (a second client connected), a few seconds of rates in the
// sparklines and the tree of every $SYS topic. English and Chinese, 1280x800 and 1920x1080.
// The images go to $MQTTDESK_SCREENSHOT_DIR (e.g. docs/screenshots) when set, else to a
// temporary directory; each must be a picture of the right size with the figures, the
// sparklines and the tree shown in full (ScreenshotCheck).
#include "core/brokerstats/broker_stats_watcher.h"
#include "core/connection/connection.h"
#include "core/workspace/connection_services.h"
#include "tests/fixture/mosquitto_sub.h"
#include "tests/fixture/test_broker.h"
#include "tests/stream/stream_test_support.h"
#include "tests/support/screenshot_check.h"
#include "ui/brokerstats/broker_view.h"
#include "ui/brokerstats/sparkline.h"
#include "ui/publish/publish_bar.h"
#include "ui/stream/connection_view.h"
#include "ui/theme/theme.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>
#include <QTreeView>
#include <QUuid>

using namespace mqttdesk;

namespace {
constexpr int kWait = 15000;
}

class TestBrokerScreenshots : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void broker_data();
    void broker();

private:
    TestBroker m_broker;
    QTemporaryDir m_tmp;
    QString m_out;
};

void TestBrokerScreenshots::initTestCase()
{
    if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark"))
        QApplication::setPalette(Theme::darkPalette());
    m_out = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
    if (m_out.isEmpty())
        m_out = m_tmp.path();
    QVERIFY(QDir().mkpath(m_out));
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

void TestBrokerScreenshots::cleanupTestCase()
{
    m_broker.stop();
}

void TestBrokerScreenshots::broker_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_CN")})
        for (const QSize &size : {QSize(1280, 800), QSize(1920, 1080)})
            QTest::newRow(qPrintable(
                QStringLiteral("%1-%2x%3").arg(language).arg(size.width()).arg(size.height())))
                << language << size;
}

void TestBrokerScreenshots::broker()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/mqttdesk_%1.qm").arg(language)));
    QCoreApplication::installTranslator(&translator);
    const auto uninstall =
        qScopeGuard([&translator] { QCoreApplication::removeTranslator(&translator); });
    StreamTestStore store;
    QVERIFY(store.isReady());
    QVERIFY(store.ensureProfile(1));

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
    ConnectionView::Context context;
    context.services = &services;
    ConnectionView view(context);
    Connection *connection = services.connection();
    connection->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), SessionState::Connected, kWait);

    BrokerView *broker = view.brokerView();
    QTabWidget *tabs = view.findChild<QTabWidget *>();
    QVERIFY(tabs);
    tabs->setCurrentWidget(broker);
    QSignalSpy subscribed(broker->watcher(), &BrokerStatsWatcher::subscribed);
    view.resize(size);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(broker->watcher()->isStarted());
    QVERIFY(subscribed.count() == 1 || subscribed.wait(kWait));
    // A second client, one $SYS period after the desk connected: mosquitto publishes a value
    // only when it changed since the last period (retained, but expiring after 60 s), so the
    // previous row's clients leaving and these connecting within one period would show none.
    const BrokerStats &stats = broker->watcher()->stats();
    QTRY_VERIFY_WITH_TIMEOUT(stats.uptimeSeconds.has_value(), kWait);
    const qint64 uptime = *stats.uptimeSeconds;
    QTRY_VERIFY_WITH_TIMEOUT(stats.uptimeSeconds.value_or(0) > uptime, kWait);
    MosquittoSub other;
    QVERIFY(other.start(m_broker.port(TestBroker::Listener::Plain), QStringLiteral("plant/#")));
    QTRY_VERIFY_WITH_TIMEOUT(stats.clientsConnected.value_or(0) >= 2, kWait);
    // A dozen $SYS periods: the sparklines show some history.
    QTRY_VERIFY_WITH_TIMEOUT(broker->sparkline(BrokerStats::Rate::MessagesSent)->pointCount() >= 12,
                             2 * kWait);
    broker->topicsTree()->expandToDepth(2); // the broker's figures with their values
    QCoreApplication::processEvents();

    const QImage image = view.grab().toImage();
    QCOMPARE(image.size(), size * view.devicePixelRatio());
    QList<const QWidget *> keys{broker, broker->versionLabel(), broker->topicsTree(),
                                static_cast<const QWidget *>(view.publishBar())};
    for (int r = 0; r < BrokerStats::RateCount; ++r)
        keys << broker->sparkline(static_cast<BrokerStats::Rate>(r));
    const QStringList problems = ScreenshotCheck::problems(&view, image, keys, 20);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    const QString file = QDir(m_out).filePath(
        QStringLiteral("broker-%1-%2x%3.png").arg(language).arg(size.width()).arg(size.height()));
    QVERIFY(image.save(ScreenshotCheck::themed(file)));
    connection->disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), SessionState::Disconnected, kWait);
}

QTEST_MAIN(TestBrokerScreenshots)
#include "tst_broker_screenshots.moc"
