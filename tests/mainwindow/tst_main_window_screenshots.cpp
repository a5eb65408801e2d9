#include "tests/fixture/test_broker.h"
#include "tests/mainwindow/main_window_fixture.h"
#include "ui/connections/connection_list_model.h"
#include "ui/connections/connection_sidebar.h"
#include "ui/connections/log_model.h"
#include "ui/connections/sidebar_prompts.h"
#include "ui/mainwindow/connection_actions.h"
#include "ui/mainwindow/profile_commands.h"
#include "ui/theme/theme.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QSet>
#include <QTest>
#include <QTranslator>

using namespace mqttdesk;

// The main window with a few connections (in folders, one connected, one failing) in English
// and Chinese at 1280x800 and 1920x1080, plus very long names. Written to
// $MQTTDESK_SCREENSHOT_DIR (scripts/screenshots: docs/screenshots), else into the build tree.
class TestMainWindowScreenshots : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        SidebarPrompts::setQuiet(true);
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
            w->findChild<QDockWidget *>(QStringLiteral("logDock"))->show();
            w->resize(size);
            w->show();
            QVERIFY(QTest::qWaitForWindowExposed(w));
            const QString name = QStringLiteral("main-%1%2-%3x%4.png")
                                     .arg(longNames ? QStringLiteral("long-") : QString(), language)
                                     .arg(size.width())
                                     .arg(size.height());
            save(w, name);
        }
        QCoreApplication::removeTranslator(&translator);
    }

private:
    void save(QWidget *widget, const QString &name)
    {
        QApplication::processEvents();
        const QImage image = widget->grab().toImage();
        QVERIFY(!image.isNull());
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 8, qPrintable(name));
        QVERIFY(image.save(QDir(m_out).filePath(name)));
    }

    QString m_out;
    TestBroker m_broker;
};

QTEST_MAIN(TestMainWindowScreenshots)
#include "tst_main_window_screenshots.moc"
