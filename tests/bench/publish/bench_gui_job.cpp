// bench_gui_job --port P [--host 127.0.0.1] [--count N] [--topic bench/gui]
//               [--payload 'n={{counter}}..............'] [--probe-ms 1] [--tail-ms 0]
//               [--timeout-ms 120000]
//
// The GUI's timed job at full speed (issue 19), through the app's own path: a
// ConnectionController (the Connection on its ConnectionThread, storage through a
// MessageWriter, the ConnectionView with its stream, Topics and Publish tabs) over a
// TemplateLibraryStore in a temporary data directory holding one QoS 0 template; the Publish
// tab shown (offscreen), the template selected, and once connected
// WorkbenchPage::startJob({count = N, intervalMs = 0}). Measures the time from startJob until
// the job has settled (every message written), the rate, and the GUI thread's stalls with the
// stream's EventLoopLatencyProbe (a precise timer every --probe-ms ms: each tick's lateness
// over the interval) from startJob until --tail-ms after the job settled. Then disconnects
// cleanly (so every byte reaches the broker) and prints one line:
//   seconds=1.234 sent=200000 acknowledged=200000 failed=0 rate=162074 max_stall_ms=12.3
//   p99_stall_ms=2.1 p50_stall_ms=0.1 stall_samples=1180 startup_seconds=0.21 batches=49
// Exit code 0 when the job finished with nothing failed. scripts/bench-publish drives it;
// never run by ctest.
#include "core/connection/connection.h"
#include "core/profile/connection_profile.h"
#include "core/publish/template_library_store.h"
#include "core/publishjob/publish_job.h"
#include "core/storage/data_directory.h"
#include "core/storage/database.h"
#include "core/storage/message_writer.h"
#include "core/storage/profile_store.h"
#include "ui/connections/connection_controller.h"
#include "ui/stream/connection_view.h"
#include "ui/stream/event_loop_latency_probe.h"
#include "ui/workbench/workbench_page.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <cstdio>
#include <memory>

using namespace mqttdesk;

namespace {

struct Options
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 1883;
    qint64 count = 100000;
    QString topic = QStringLiteral("bench/gui");
    QString payload = QStringLiteral("n={{counter}}..............");
    int probeMs = 1;
    int tailMs = 0;
    int timeoutMs = 120000;
};

// One run: builds the GUI, connects, runs the job, reports, disconnects, then exit(code).
class Run
{
public:
    Run(const Options &options)
        : m_options(options)
    {}

    ~Run()
    {
        // The view uses the services and the store: the controller goes first, then the
        // writer the services wrote through.
        m_controller.reset();
        m_templates.reset();
        if (m_writer)
            m_writer->stop();
    }

    bool start(QString *error);

private:
    void onConnected();
    void startJob();
    void onSettled();
    void report();
    void quit(int code);

    Options m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<MessageWriter> m_writer;
    std::unique_ptr<TemplateLibraryStore> m_templates;
    std::unique_ptr<ConnectionController> m_controller;
    WorkbenchPage *m_page = nullptr;
    EventLoopLatencyProbe m_probe;
    QString m_templateId;
    PublishJob *m_job = nullptr;
    QElapsedTimer m_process; // since start()
    QElapsedTimer m_clock;   // since startJob()
    double m_startupSeconds = 0;
    double m_jobSeconds = 0;
    qint64 m_batches = 0; // publishesFinished() signals the job's connection emitted
    bool m_started = false;
    bool m_reported = false;
    int m_exitCode = 1;
};

bool Run::start(QString *error)
{
    m_process.start();
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    // Storage as the app has it: the profile's row, the shared writer.
    const QString path = DataDirectory::databasePath(m_dir.path());
    ConnectionProfile profile;
    profile.name = QStringLiteral("bench");
    profile.host = m_options.host;
    profile.port = m_options.port;
    profile.clientId =
        QStringLiteral("bench-gui-job-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    profile.protocolVersion = ProtocolVersion::V5;
    profile.reconnect.enabled = false;
    qint64 profileId = 0;
    {
        Database database(path);
        if (database.open().isError()) {
            *error = QStringLiteral("cannot open the database");
            return false;
        }
        StoredProfile stored;
        stored.uuid = profile.id.toString(QUuid::WithoutBraces);
        stored.name = profile.name;
        StorageError storageError;
        profileId = ProfileStore(database.connection()).create(stored, &storageError);
        if (storageError.isError() || profileId <= 0) {
            *error = QStringLiteral("cannot create the bench profile");
            return false;
        }
    }
    m_writer = std::make_unique<MessageWriter>(path);
    m_writer->start();

    // The app's template library, in the data directory, with the one template.
    m_templates = std::make_unique<TemplateLibraryStore>();
    if (!m_templates->load(m_dir.path())) {
        *error = QStringLiteral("cannot load the template library");
        return false;
    }
    TemplateCollection collection;
    collection.name = QStringLiteral("Bench");
    PublishTemplate item;
    item.name = QStringLiteral("GUI job");
    item.topic = m_options.topic;
    item.payload = m_options.payload;
    item.qos = QoS::AtMostOnce;
    const TemplateIndex index =
        m_templates->addTemplate(m_templates->addCollection(collection), item);
    m_templateId = m_templates->library().at(index).id;
    if (!m_templates->flush()) {
        *error = QStringLiteral("cannot save the template library");
        return false;
    }

    // The open connection as the main window makes it.
    ConnectionController::Options controllerOptions;
    controllerOptions.profileId = profileId;
    controllerOptions.writer = m_writer.get();
    controllerOptions.databasePath = path;
    controllerOptions.templates = m_templates.get();
    m_controller = std::make_unique<ConnectionController>(profile, controllerOptions);
    ConnectionView *view = m_controller->view();
    m_page = view->workbenchPage();
    if (!m_page) {
        *error = QStringLiteral("the connection view has no Publish tab");
        return false;
    }
    view->resize(1280, 800);
    view->views()->setCurrentWidget(m_page);
    view->show();
    if (!m_page->selectTemplate(m_templateId)) {
        *error = QStringLiteral("cannot select the template");
        return false;
    }

    Connection *connection = m_controller->connection();
    QObject::connect(connection, &Connection::connected, m_page, [this] { onConnected(); });
    QObject::connect(connection, &Connection::publishesFinished, m_page, [this] { ++m_batches; });
    QObject::connect(connection, &Connection::errorOccurred, m_page,
                     [this](const ConnectionError &e) {
                         std::fprintf(stderr, "connection error: %s\n", qPrintable(e.message));
                         if (!m_started)
                             quit(2);
                     });
    QObject::connect(connection, &Connection::stateChanged, m_page, [this](SessionState state) {
        if (state == SessionState::Disconnected && m_reported)
            quit(m_exitCode);
    });
    // Bounded: a run that never ends reports what it has.
    QTimer::singleShot(m_options.timeoutMs, m_page, [this] {
        std::fprintf(stderr, "timed out after %d ms\n", m_options.timeoutMs);
        if (!m_reported && m_job)
            report();
        quit(3);
    });
    m_controller->connectToBroker();
    return true;
}

void Run::onConnected()
{
    if (m_started)
        return;
    m_started = true;
    // The page and the view take the CONNACK first (their connections were made before
    // ours); the job starts from the event loop, as a click on the dialog's OK would.
    QTimer::singleShot(0, m_page, [this] { startJob(); });
}

void Run::startJob()
{
    m_probe.start(m_options.probeMs);
    m_probe.reset();
    m_startupSeconds = double(m_process.nsecsElapsed()) / 1e9;
    PublishJobOptions options;
    options.count = m_options.count;
    options.intervalMs = 0;
    m_clock.start();
    m_job = m_page->startJob(options);
    if (!m_job) {
        std::fprintf(stderr, "startJob refused: %s\n", qPrintable(m_page->statusText()));
        quit(2);
        return;
    }
    QObject::connect(m_job, &PublishJob::settled, m_page, [this] { onSettled(); });
}

void Run::onSettled()
{
    if (m_reported || m_jobSeconds > 0)
        return;
    m_jobSeconds = double(m_clock.nsecsElapsed()) / 1e9;
    const auto finish = [this] {
        m_probe.stop();
        report();
        m_controller->disconnectFromBroker(); // Disconnected then quits
    };
    if (m_options.tailMs > 0)
        QTimer::singleShot(m_options.tailMs, m_page, finish);
    else
        finish();
}

void Run::report()
{
    m_reported = true;
    const PublishJobStats &stats = m_job->stats();
    const EventLoopLatencyProbe::Stats stalls = m_probe.stats();
    const double seconds =
        m_jobSeconds > 0 ? m_jobSeconds : double(m_clock.nsecsElapsed()) / 1e9; // timed out
    const bool done = m_job->state() == PublishJob::State::Finished && stats.failed == 0;
    m_exitCode = done ? 0 : 1;
    std::printf("seconds=%.3f sent=%lld acknowledged=%lld failed=%lld rate=%.0f "
                "max_stall_ms=%.1f p99_stall_ms=%.1f p50_stall_ms=%.1f stall_samples=%lld "
                "startup_seconds=%.3f batches=%lld state=%s\n",
                seconds, static_cast<long long>(stats.sent),
                static_cast<long long>(stats.acknowledged), static_cast<long long>(stats.failed),
                seconds > 0 ? double(stats.acknowledged) / seconds : 0.0, stalls.maxMs,
                stalls.p99Ms, stalls.p50Ms, static_cast<long long>(stalls.samples),
                m_startupSeconds, static_cast<long long>(m_batches),
                done ? "finished" : "incomplete");
    if (!stats.lastError.isEmpty())
        std::fprintf(stderr, "last error: %s\n", qPrintable(stats.lastError));
    std::fflush(stdout);
    // Bounded: a broker that never answers DISCONNECT does not keep us.
    QTimer::singleShot(10000, m_page, [this] { quit(m_exitCode); });
}

void Run::quit(int code)
{
    QCoreApplication::exit(code);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const Options defaults;
    QCommandLineOption host(QStringLiteral("host"), QStringLiteral("broker host"),
                            QStringLiteral("host"), defaults.host);
    QCommandLineOption port(QStringLiteral("port"), QStringLiteral("broker port"),
                            QStringLiteral("port"), QString::number(defaults.port));
    QCommandLineOption count(QStringLiteral("count"), QStringLiteral("messages the job sends"),
                             QStringLiteral("n"), QString::number(defaults.count));
    QCommandLineOption topic(QStringLiteral("topic"), QStringLiteral("the template's topic"),
                             QStringLiteral("topic"), defaults.topic);
    QCommandLineOption payload(QStringLiteral("payload"), QStringLiteral("the template's payload"),
                               QStringLiteral("text"), defaults.payload);
    QCommandLineOption probe(QStringLiteral("probe-ms"),
                             QStringLiteral("interval of the GUI-thread latency timer"),
                             QStringLiteral("ms"), QString::number(defaults.probeMs));
    QCommandLineOption tail(QStringLiteral("tail-ms"),
                            QStringLiteral("keep measuring stalls this long after the job"),
                            QStringLiteral("ms"), QString::number(defaults.tailMs));
    QCommandLineOption timeout(QStringLiteral("timeout-ms"), QStringLiteral("give up after"),
                               QStringLiteral("ms"), QString::number(defaults.timeoutMs));
    parser.addOptions({host, port, count, topic, payload, probe, tail, timeout});
    parser.process(app);
    Options options;
    options.host = parser.value(host);
    options.port = quint16(parser.value(port).toUInt());
    options.count = qMax<qint64>(1, parser.value(count).toLongLong());
    options.topic = parser.value(topic);
    options.payload = parser.value(payload);
    options.probeMs = qMax(1, parser.value(probe).toInt());
    options.tailMs = qMax(0, parser.value(tail).toInt());
    options.timeoutMs = qMax(1000, parser.value(timeout).toInt());

    int code = 0;
    {
        Run run(options);
        QString error;
        if (!run.start(&error)) {
            std::fprintf(stderr, "bench_gui_job: %s\n", qPrintable(error));
            return 2;
        }
        code = app.exec();
    }
    return code;
}
