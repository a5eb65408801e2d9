#include "core/payload/decoder_registry.h"
#include "core/protobuf/protobuf_decoder.h"
#include "core/script/script_decoder.h"
#include "core/settings/app_settings.h"
#include "core/settings/desktop_color_scheme.h"
#include "core/sparkplug/sparkplug_decoder.h"
#include "core/storage/data_directory.h"
#include "core/storage/data_directory_lock.h"
#include "core/version.h"
#include "ui/connections/connection_controller.h"
#include "ui/connections/connection_workspace.h"
#include "ui/i18n/language.h"
#include "ui/mainwindow/connection_actions.h"
#include "ui/mainwindow/main_window.h"
#include "ui/mainwindow/startup_report.h"
#include "ui/theme/theme_applier.h"
#include "ui/widgets/prompts.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

// The --data-dir value, read before the language is installed (the language is one of the
// data directory's settings); the full parse, with translated help, comes after.
QString dataDirArgument(const QStringList &arguments)
{
    QCommandLineParser early;
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QString(), QStringLiteral("dir"));
    early.addOption(dataDir);
    early.parse(arguments); // other options are the full parser's business
    return early.value(dataDir);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mqttdesk"));
    QApplication::setOrganizationName(QStringLiteral("mqttdesk"));
    QApplication::setApplicationVersion(mqttdesk::versionString());
    // The installed .desktop file: the window's icon and name on Wayland, and in docks.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.mqttdesk.MqttDesk"));
    // Before any window lists the decoders.
    mqttdesk::ProtobufDecoder::registerIn(mqttdesk::DecoderRegistry::instance());
    mqttdesk::SparkplugDecoder::registerIn(mqttdesk::DecoderRegistry::instance());
    mqttdesk::ScriptDecoder::registerIn(mqttdesk::DecoderRegistry::instance(),
                                        QThread::currentThread()); // scripts never run here
    const auto resolved = mqttdesk::DataDirectory::resolve(dataDirArgument(app.arguments()));
    mqttdesk::AppSettings settings(resolved.path);
    // Before any window: the system locale, or the language chosen in the settings.
    mqttdesk::Language::install(app, mqttdesk::Language::configured(settings));
    // Before any window: light, dark, or the desktop's preference, followed live.
    mqttdesk::DesktopColorScheme desktopScheme;
    mqttdesk::ThemeApplier theme(&settings, &desktopScheme);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "A native desktop MQTT client."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QApplication::translate(
            "main", "Keep the database and settings in <dir> (also: MQTTDESK_DATA_DIR)."),
        QStringLiteral("dir"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate(
            "main", "Save a picture of the main window to <file> after startup, then quit."),
        QStringLiteral("file"));
    parser.addOption(dataDir);
    parser.addOption(screenshot);
    parser.process(app);

    const mqttdesk::DataDirectoryError problem =
        mqttdesk::DataDirectory::ensureExists(resolved.path);
    if (problem.isError()) {
        mqttdesk::Prompts::critical(nullptr, QApplication::translate("main", "MQTT Desk"),
                                    problem.message());
        return 1;
    }
    // One app per data folder: it alone writes the history (a second one, or
    // `mqttdesk-cli sub --store`, is refused with the holder named).
    mqttdesk::DataDirectoryLock lock(resolved.path);
    if (const mqttdesk::DataDirectoryError inUse = lock.tryLock(); inUse.isError()) {
        // Also on standard error, for a start from a terminal or a script.
        fprintf(stderr, "mqttdesk: %s\n", qPrintable(inUse.message()));
        mqttdesk::Prompts::critical(nullptr, QApplication::translate("main", "MQTT Desk"),
                                    inUse.message());
        return 1;
    }

    mqttdesk::MainWindow::Options options;
    options.dataDir = resolved.path;
    options.settings = &settings;
    mqttdesk::MainWindow window(options);
    // First start: a ready connection for the broker on this machine (scripts/run passes
    // the port of the mosquitto it started).
    bool portOk = false;
    const int localPort = qEnvironmentVariableIntValue("MQTTDESK_LOCAL_BROKER_PORT", &portOk);
    const quint16 offeredPort =
        portOk && localPort > 0 && localPort < 65536 ? quint16(localPort) : 1883;
    // The saved connections load on a worker thread once the event loop runs.
    QObject::connect(&window, &mqttdesk::MainWindow::loaded, &window, [&window, offeredPort] {
        if (window.openError().isError())
            mqttdesk::Prompts::warn(&window, QApplication::translate("main", "MQTT Desk"),
                                    window.openError().message);
        window.offerLocalBroker(offeredPort);
    });

    // scripts/bench-startup: when the window, the saved connections and the selected
    // connection's history were first on screen, and the idle memory after.
    std::unique_ptr<mqttdesk::StartupReport> startupReport;
    if (qEnvironmentVariableIsSet("MQTTDESK_STARTUP_REPORT")) {
        startupReport = std::make_unique<mqttdesk::StartupReport>(
            &window, QStringList{QStringLiteral("loaded"), QStringLiteral("history")}, 3000);
        mqttdesk::StartupReport *report = startupReport.get();
        QObject::connect(report, &mqttdesk::StartupReport::finished, &app,
                         [](const QJsonObject &figures) {
                             mqttdesk::StartupReport::writeLine(figures);
                             QApplication::exit(0);
                         });
        QObject::connect(&window, &mqttdesk::MainWindow::loaded, report, [&window, report] {
            report->reach(QStringLiteral("loaded"));
            if (!window.actions()->connectAction->isEnabled()) // no connection to show
                report->reach(QStringLiteral("history"));
        });
        // The selected connection's view (and its stream) is made once its profile is read.
        QObject::connect(
            window.findChild<mqttdesk::ConnectionWorkspace *>(),
            &mqttdesk::ConnectionWorkspace::controllerOpened, report,
            [report] { report->reachWhenStreamLoaded(QStringLiteral("history")); },
            Qt::SingleShotConnection);
    }

    if (parser.isSet(screenshot))
        window.resize(1280, 800); // whatever size the data directory kept
    window.show();
    if (parser.isSet(screenshot)) {
        const QString file = QDir::current().absoluteFilePath(parser.value(screenshot));
        // Show the app working: connect the selected connection (the local broker on a
        // first start) before the picture is taken.
        QTimer::singleShot(300, &window, [&window] {
            if (window.actions()->connectAction->isEnabled())
                window.actions()->connectAction->trigger();
        });
        // Long enough for the first connection attempt to show its state.
        QTimer::singleShot(1500, &window, [&window, file] {
            const bool saved = window.grab().save(file);
            if (!saved)
                fprintf(stderr, "mqttdesk: cannot write the screenshot to %s\n", qPrintable(file));
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
