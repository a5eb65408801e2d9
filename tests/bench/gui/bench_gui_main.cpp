// mqttdesk-bench-gui --port P --expect N [--idle-ms 5000] [--big] [--screenshot file.png]
//                     [--sync-reads] [--log-packets] [--topics] [--tab packets|broker]
//                     [--alert-rules file] [--quick] [--filters a/#,b/#,c/#]
// See GuiBenchRunner; scripts/bench-gui drives it.
#include "gui_bench_runner.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QMetaEnum>

#include <cstdio>

using namespace mqttdesk;

namespace {

// With MQTTDESK_BENCH_SLOW_EVENTS=ms, every event the GUI thread took longer than that to
// deliver is printed to stderr (receiver class, event type, time): where a stall comes from.
class TracingApplication : public QApplication
{
public:
    TracingApplication(int &argc, char **argv)
        : QApplication(argc, argv)
        , m_slowMs(qEnvironmentVariableIntValue("MQTTDESK_BENCH_SLOW_EVENTS"))
    {
        m_clock.start();
    }

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_slowMs <= 0)
            return QApplication::notify(receiver, event);
        const int type = event->type();
        // Taken before: the receiver may be deleted while it handles the event.
        const char *className = receiver->metaObject()->className();
        QElapsedTimer timer;
        timer.start();
        const bool result = QApplication::notify(receiver, event);
        const double ms = timer.nsecsElapsed() / 1e6;
        if (ms >= m_slowMs) {
            const char *name = QMetaEnum::fromType<QEvent::Type>().valueToKey(type);
            std::fprintf(stderr, "slow event at %.0f ms: %.1f ms: %s %s\n",
                         m_clock.nsecsElapsed() / 1e6 - ms, ms, className, name ? name : "?");
        }
        return result;
    }

private:
    int m_slowMs = 0;
    QElapsedTimer m_clock;
};

} // namespace

int main(int argc, char **argv)
{
    TracingApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption port(QStringLiteral("port"), QStringLiteral("broker port"),
                            QStringLiteral("port"), QStringLiteral("1883"));
    QCommandLineOption expect(QStringLiteral("expect"), QStringLiteral("messages expected"),
                              QStringLiteral("n"), QStringLiteral("1000000"));
    QCommandLineOption idle(QStringLiteral("idle-ms"), QStringLiteral("stop after this quiet time"),
                            QStringLiteral("ms"), QStringLiteral("5000"));
    QCommandLineOption logPackets(QStringLiteral("log-packets"),
                                  QStringLiteral("log every packet into a log model, as View > "
                                                 "Log packets does"));
    QCommandLineOption big(QStringLiteral("big"), QStringLiteral("wait for a 10 MB bench/big"));
    QCommandLineOption shot(QStringLiteral("screenshot"), QStringLiteral("save a PNG at the end"),
                            QStringLiteral("file"));
    QCommandLineOption sync(QStringLiteral("sync-reads"),
                            QStringLiteral("read the stream on the GUI thread (comparison)"));
    QCommandLineOption topics(QStringLiteral("topics"),
                              QStringLiteral("show the Topics view instead of the stream"));
    QCommandLineOption tab(QStringLiteral("tab"),
                           QStringLiteral("show this tab instead: packets (traced) or broker"),
                           QStringLiteral("name"));
    QCommandLineOption rules(QStringLiteral("alert-rules"),
                             QStringLiteral("watch the rules of this alert rule file"),
                             QStringLiteral("file"));
    QCommandLineOption quick(QStringLiteral("quick"),
                             QStringLiteral("end once everything is stored (no idle measurement)"));
    QCommandLineOption filters(QStringLiteral("filters"),
                               QStringLiteral("subscribe to these filters, comma-separated "
                                              "(default bench/#), each with its own colour"),
                               QStringLiteral("list"), QStringLiteral("bench/#"));
    parser.addOptions(
        {port, expect, idle, big, shot, sync, logPackets, topics, tab, rules, quick, filters});
    parser.process(app);
    GuiBenchRunner::Options options;
    options.port = quint16(parser.value(port).toUInt());
    options.expected = parser.value(expect).toLongLong();
    options.idleMs = parser.value(idle).toInt();
    options.bigPayload = parser.isSet(big);
    options.screenshot = parser.value(shot);
    options.syncReads = parser.isSet(sync);
    options.logPackets = parser.isSet(logPackets);
    options.topics = parser.isSet(topics);
    options.tab = parser.value(tab);
    options.alertRules = parser.value(rules);
    options.quick = parser.isSet(quick);
    options.filters = parser.value(filters).split(QLatin1Char(','), Qt::SkipEmptyParts);
    GuiBenchRunner runner(options);
    QObject::connect(&runner, &GuiBenchRunner::finished, &app, &QCoreApplication::exit);
    runner.start();
    return app.exec();
}
