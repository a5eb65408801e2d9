// mqttdesk-soak [--minutes N | --seconds N] [--rate R] [--restart-every S] [--cut-every S]
//               [--report-every S] [--data-dir DIR]
// The soak run of issue 15 (see SoakRunner): the app against the fixture broker under
// traffic, restarts and network cuts for a long time. scripts/soak drives it. It starts
// itself again as `mqttdesk-soak --harness ...` for the broker, proxies and publisher
// (SoakHarness), so that the resident memory it watches is the app's alone.
#include "soak_harness.h"
#include "soak_runner.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>

using namespace mqttdesk;

namespace {

QtMessageHandler g_defaultHandler = nullptr;
volatile std::sig_atomic_t g_interrupted = 0;

// The first Ctrl-C ends the run early with its summary (and the temporary data directory
// removed); a second one kills as usual.
void onInterrupt(int)
{
    g_interrupted = 1;
    std::signal(SIGINT, SIG_DFL);
}

// The offscreen platform's notes, once per window shown, drown the report; everything
// else goes through.
void quietHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message == QLatin1String("This plugin does not support propagateSizeHints()") ||
        message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    g_defaultHandler(type, context, message);
}

bool isHarness(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--harness") == 0)
            return true;
    }
    return false;
}

int runHarness(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption harness(QStringLiteral("harness"));
    const QCommandLineOption rate(QStringLiteral("publish-rate"), {}, QStringLiteral("n"),
                                  QStringLiteral("666.667"));
    const QCommandLineOption restart(QStringLiteral("restart-every"), {}, QStringLiteral("s"),
                                     QStringLiteral("600"));
    const QCommandLineOption cut(QStringLiteral("cut-every"), {}, QStringLiteral("s"),
                                 QStringLiteral("120"));
    parser.addOptions({harness, rate, restart, cut});
    parser.process(app);
    SoakHarness::Options options;
    options.publishRate = parser.value(rate).toDouble();
    options.restartEverySeconds = parser.value(restart).toInt();
    options.cutEverySeconds = parser.value(cut).toInt();
    SoakHarness h(options);
    QObject::connect(&h, &SoakHarness::finished, &app, &QCoreApplication::exit);
    if (!h.start())
        return 2;
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    if (isHarness(argc, argv))
        return runHarness(argc, argv);
    g_defaultHandler = qInstallMessageHandler(quietHandler);
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The soak run: the app (three connections: TCP, TLS, WebSocket) against the fixture "
        "mosquitto under numbered traffic, broker restarts and network cuts."));
    parser.addHelpOption();
    const QCommandLineOption minutes(QStringLiteral("minutes"),
                                     QStringLiteral("length of the run (default 60)"),
                                     QStringLiteral("n"), QStringLiteral("60"));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     QStringLiteral("length of the run in seconds (wins over "
                                                    "--minutes)"),
                                     QStringLiteral("n"));
    const QCommandLineOption rate(QStringLiteral("rate"),
                                  QStringLiteral("messages per second the app receives over its "
                                                 "three connections (default 2000)"),
                                  QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption restart(QStringLiteral("restart-every"),
                                     QStringLiteral("seconds between broker restarts (600)"),
                                     QStringLiteral("s"), QStringLiteral("600"));
    const QCommandLineOption cut(QStringLiteral("cut-every"),
                                 QStringLiteral("seconds between proxy cuts (120)"),
                                 QStringLiteral("s"), QStringLiteral("120"));
    const QCommandLineOption reportEvery(QStringLiteral("report-every"),
                                         QStringLiteral("seconds between report lines (60)"),
                                         QStringLiteral("s"), QStringLiteral("60"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("the app's data directory (default: a "
                                                    "temporary one, removed at the end)"),
                                     QStringLiteral("dir"));
    const QCommandLineOption noMemoryCheck(
        QStringLiteral("no-memory-check"),
        QStringLiteral("print RSS but do not fail on its growth (short runs: mostly warm-up)"));
    parser.addOptions({minutes, seconds, rate, restart, cut, reportEvery, dataDir, noMemoryCheck});
    parser.process(app);
    SoakRunner::Options options;
    options.seconds = parser.isSet(seconds) ? parser.value(seconds).toLongLong()
                                            : parser.value(minutes).toLongLong() * 60;
    options.rate = parser.value(rate).toInt();
    options.restartEverySeconds = parser.value(restart).toInt();
    options.cutEverySeconds = parser.value(cut).toInt();
    options.reportEverySeconds = parser.value(reportEvery).toInt();
    options.dataDir = parser.value(dataDir);
    options.checkMemory = !parser.isSet(noMemoryCheck);
    if (options.seconds <= 0 || options.rate <= 0 || options.restartEverySeconds <= 0 ||
        options.cutEverySeconds <= 0 || options.reportEverySeconds <= 0) {
        std::fprintf(stderr, "mqttdesk-soak: lengths, rate and intervals must be positive\n");
        return 2;
    }
    auto runner = std::make_unique<SoakRunner>(options);
    QObject::connect(runner.get(), &SoakRunner::finished, &app, &QCoreApplication::exit);
    std::signal(SIGINT, onInterrupt);
    QTimer interrupts;
    QObject::connect(&interrupts, &QTimer::timeout, runner.get(), [&] {
        if (g_interrupted) {
            interrupts.stop();
            runner->endEarly();
        }
    });
    interrupts.start(200);
    runner->start();
    const int rc = app.exec();
    runner.reset();
    return rc;
}
