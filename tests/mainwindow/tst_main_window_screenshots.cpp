#include "core/alerts/alert_event.h"
#include "tests/fixture/test_broker.h"
#include "tests/mainwindow/main_window_fixture.h"
#include "tests/support/screenshot_check.h"
#include "tests/support/scripted_prompts.h"
#include "ui/alerts/alert_notifier.h"
#include "ui/alerts/alerts_panel.h"
#include "ui/connections/connection_header.h"
#include "ui/connections/connection_list_model.h"
#include "ui/connections/connection_sidebar.h"
#include "ui/connections/connection_workspace.h"
#include "ui/connections/log_model.h"
#include "ui/mainwindow/connection_actions.h"
#include "ui/mainwindow/profile_commands.h"
#include "ui/publish/publish_bar.h"
#include "ui/stream/connection_view.h"
#include "ui/stream/message_stream_view.h"
#include "ui/subscriptions/subscription_panel.h"
#include "ui/theme/theme.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QStackedWidget>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QTreeView>

using namespace mqttdesk;

// The main window with a few connections (in folders, one connected, one failing) in English
// and Chinese at 1280x800 and 1920x1080, plus very long names. Written to
// $MQTTDESK_SCREENSHOT_DIR (scripts/screenshots: docs/screenshots), else into the build tree.
// Each picture must be the window's size with its key widgets shown in full (ScreenshotCheck).
class TestMainWindowScreenshots : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // MQTTDESK_SCREENSHOT_PALETTE=dark: the same pictures on a dark palette (theme check).
        if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark"))
            QApplication::setPalette(Theme::darkPalette());
        m_out = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
        if (m_out.isEmpty())
            m_out = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DEFAULT_DIR");
        if (m_out.isEmpty())
            m_out = QDir::currentPath() + QStringLiteral("/screenshots");
        QVERIFY(QDir().mkpath(m_out));
        QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
    }

    void mainWindow_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("longNames");
        for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            for (const QSize &size : {QSize(1280, 800), QSize(1920, 1080)})
                QTest::addRow("%s-%dx%d", qPrintable(lang), size.width(), size.height())
                    << lang << size << false;
            QTest::addRow("%s-long", qPrintable(lang)) << lang << QSize(1280, 800) << true;
        }
    }

    void mainWindow()
    {
        QFETCH(QString, language);
        QFETCH(QSize, size);
        QFETCH(bool, longNames);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/mqttdesk_%1.qm").arg(language)));
        QCoreApplication::installTranslator(&translator);
        // Also when a check fails: the next row must not start in this language.
        const auto uninstall =
            qScopeGuard([&translator] { QCoreApplication::removeTranslator(&translator); });
        {
            MainWindowFixture f;
            MainWindow *w = f.window();
            const QString longName = QStringLiteral(
                "Factory floor line 7 — building B — temperature and vibration sensors (staging)");
            const quint16 plain = m_broker.port(TestBroker::Listener::Plain);
            const qint64 local = f.createThroughDialog(MainWindowFixture::profile(
                longNames ? longName : QStringLiteral("Local mosquitto"), plain));
            ConnectionProfile prod = MainWindowFixture::profile(
                QStringLiteral("Production EU"), 8883, QStringLiteral("mqtt.example.com"));
            prod.folder = QStringLiteral("Production");
            prod.scheme = TransportScheme::Mqtts;
            QVERIFY(f.createThroughDialog(prod) != 0);
            ConnectionProfile us = MainWindowFixture::profile(
                longNames
                    ? QStringLiteral("broker-with-a-very-long-host-name.eu-central-1.example.com")
                    : QStringLiteral("Production US"),
                8883, QStringLiteral("us.mqtt.example.com"));
            us.folder = QStringLiteral("Production");
            QVERIFY(f.createThroughDialog(us) != 0);
            // Refused: nothing listens there, so the row shows the error state.
            ConnectionProfile lab = MainWindowFixture::profile(QStringLiteral("Lab (offline)"), 1);
            lab.folder = QStringLiteral("Lab");
            const qint64 labId = f.createThroughDialog(lab);
            QVERIFY(local != 0 && labId != 0);

            w->sidebar()->select(labId);
            w->commands()->connectProfile(labId);
            QTRY_COMPARE_WITH_TIMEOUT(w->connectionModel()->status(labId),
                                      ConnectionListModel::Status::Error, 15000);
            w->sidebar()->select(local);
            w->commands()->connectProfile(local);
            QTRY_COMPARE_WITH_TIMEOUT(w->connectionModel()->status(local),
                                      ConnectionListModel::Status::Connected, 15000);
            auto *logDock = w->findChild<QDockWidget *>(QStringLiteral("logDock"));
            QVERIFY(logDock);
            logDock->show();
            w->resize(size);
            w->show();
            QVERIFY(QTest::qWaitForWindowExposed(w));
            const QString name = QStringLiteral("main-%1%2-%3x%4.png")
                                     .arg(longNames ? QStringLiteral("long-") : QString(), language)
                                     .arg(size.width())
                                     .arg(size.height());
            QApplication::processEvents();
            // The window fits the screen it is shot for, in both languages (CJK lines are
            // taller: no page may set a minimum height above it).
            QVERIFY2(
                w->size() == size,
                qPrintable(QStringLiteral("%1: %2x%3").arg(name).arg(w->width()).arg(w->height())));
            const QImage image = w->grab().toImage();
            auto *view = qobject_cast<ConnectionView *>(w->workspace()->stack()->currentWidget());
            QVERIFY(view);
            QCOMPARE(w->workspace()->header()->profileId(), local);
            // The sidebar, the header with its buttons, the connection's stream, publish bar
            // and subscriptions, and the log: all shown, inside the window, not cut off.
            const QStringList problems = ScreenshotCheck::problems(
                w, image,
                {w->sidebar()->view(), w->workspace()->header(),
                 w->workspace()->header()->connectButton(), w->workspace()->header()->editButton(),
                 view->streamView(), view->publishBar(), view->subscriptionPanel(), logDock});
            QVERIFY2(problems.isEmpty(),
                     qPrintable(name + QLatin1Char('\n') + problems.join(QLatin1Char('\n'))));
            // Real room where it matters: the stream's filter fields and the connection list
            // (names readable, not squeezed to make room for the workspace).
            MessageStreamView *stream = view->streamView();
            QVERIFY2(stream->topicFilterEdit()->width() >= MessageStreamView::kMinFieldWidth &&
                         stream->searchEdit()->width() >= MessageStreamView::kMinFieldWidth,
                     qPrintable(QStringLiteral("%1: fields %2 and %3 px")
                                    .arg(name)
                                    .arg(stream->topicFilterEdit()->width())
                                    .arg(stream->searchEdit()->width())));
            QVERIFY2(w->sidebar()->width() >= 200,
                     qPrintable(
                         QStringLiteral("%1: sidebar %2 px").arg(name).arg(w->sidebar()->width())));
            // The top level: the connection without a folder, then the two folders.
            QCOMPARE(w->connectionModel()->rowCount(), 3);
            QVERIFY2(image.save(ScreenshotCheck::themed(QDir(m_out).filePath(name))),
                     qPrintable(name));
        }
    }

    void alertsPanel_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    // View > Alerts under a connected connection at 1280x800: alerts fired and cleared on two
    // connections, two still active (alerts-<language>-1280x800.png).
    void alertsPanel()
    {
        QFETCH(QString, language);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/mqttdesk_%1.qm").arg(language)));
        QCoreApplication::installTranslator(&translator);
        const auto uninstall =
            qScopeGuard([&translator] { QCoreApplication::removeTranslator(&translator); });
        MainWindowFixture f;
        MainWindow *w = f.window();
        const qint64 local = f.createThroughDialog(MainWindowFixture::profile(
            QStringLiteral("Local mosquitto"), m_broker.port(TestBroker::Listener::Plain)));
        ConnectionProfile plant = MainWindowFixture::profile(QStringLiteral("Factory floor"), 1);
        plant.folder = QStringLiteral("Plant");
        const qint64 floor = f.createThroughDialog(plant);
        QVERIFY(local != 0 && floor != 0);
        w->sidebar()->select(local);
        w->commands()->connectProfile(local);
        QTRY_COMPARE_WITH_TIMEOUT(w->connectionModel()->status(local),
                                  ConnectionListModel::Status::Connected, 15000);
        AlertsPanel *panel = w->alertsPanel();
        panel->notifier()->setPresenter([](const QString &, const QString &) {});
        const qint64 start = QDateTime::currentMSecsSinceEpoch() - 15 * 60 * 1000;
        const auto event = [start](AlertEvent::Type type, qint64 offsetS, const QString &rule,
                                   AlertKind kind, const QString &topic, const QString &value) {
            AlertEvent e;
            e.type = type;
            e.timeMs = start + offsetS * 1000;
            e.ruleName = rule;
            e.kind = kind;
            e.filter = kind == AlertKind::Silence ? QStringLiteral("sensors/#") : QString();
            e.topic = topic;
            e.value = value;
            return e;
        };
        using T = AlertEvent::Type;
        panel->report(floor, QStringLiteral("Factory floor"),
                      {event(T::Fired, 0, QStringLiteral("Hot boiler"), AlertKind::Payload,
                             QStringLiteral("plant/b2/boiler"), QStringLiteral("93.5"))});
        panel->report(
            local, QStringLiteral("Local mosquitto"),
            {event(T::Fired, 42, QStringLiteral("Errors in the log"), AlertKind::Payload,
                   QStringLiteral("app/billing/log"),
                   QStringLiteral("2026-12-06 21:32:00 ERROR payment gateway timed out"))});
        panel->report(floor, QStringLiteral("Factory floor"),
                      {event(T::Cleared, 95, QStringLiteral("Hot boiler"), AlertKind::Payload,
                             QStringLiteral("plant/b2/boiler"), QStringLiteral("87.9"))});
        panel->report(local, QStringLiteral("Local mosquitto"),
                      {event(T::Fired, 300, QStringLiteral("Sensors quiet"), AlertKind::Silence,
                             QString(), QStringLiteral("30"))});
        panel->report(
            floor, QStringLiteral("Factory floor"),
            {event(T::Fired, 610, QStringLiteral("Broker lost"), AlertKind::ConnectionLost,
                   QString(), QStringLiteral("The server closed the connection."))});
        panel->report(local, QStringLiteral("Local mosquitto"),
                      {event(T::Cleared, 640, QStringLiteral("Sensors quiet"), AlertKind::Silence,
                             QStringLiteral("sensors/line1/t"), QStringLiteral("0"))});
        panel->setActiveCount(floor, 1);
        panel->setActiveCount(local, 1);
        QCOMPARE(panel->activeCount(), 2);
        w->findChild<QAction *>(QStringLiteral("actionAlerts"))->trigger();
        w->resize(1280, 800);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QApplication::processEvents();
        QVERIFY(panel->isVisible());
        const QImage image = w->grab().toImage();
        const QString name = QStringLiteral("alerts-%1-1280x800.png").arg(language);
        const QStringList problems = ScreenshotCheck::problems(
            w, image,
            {panel, panel->view(), panel->filterEdit(), panel->notifyBox(), panel->rulesButton(),
             panel->clearButton(), w->sidebar()->view()});
        QVERIFY2(problems.isEmpty(),
                 qPrintable(name + QLatin1Char('\n') + problems.join(QLatin1Char('\n'))));
        QCOMPARE(panel->view()->model()->rowCount(), 6);
        QVERIFY2(image.save(ScreenshotCheck::themed(QDir(m_out).filePath(name))), qPrintable(name));
    }

private:
    QString m_out;
    TestBroker m_broker;
    ScriptedPrompts m_prompts; // nothing may open a modal box
};

QTEST_MAIN(TestMainWindowScreenshots)
#include "tst_main_window_screenshots.moc"
