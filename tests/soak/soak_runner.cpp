#include "soak_runner.h"

#include "core/connection/connection.h"
#include "core/connection/connection_settings.h"
#include "core/process/resident_memory.h"
#include "core/profile/connection_profile.h"
#include "core/storage/data_directory.h"
#include "core/workspace/subscription_entry.h"
#include "tests/mainwindow/main_window_fixture.h"
#include "ui/connections/connection_controller.h"
#include "ui/connections/connection_list_model.h"
#include "ui/connections/connection_sidebar.h"
#include "ui/connections/connection_workspace.h"
#include "ui/mainwindow/connection_actions.h"
#include "ui/stream/connection_view.h"
#include "ui/subscriptions/subscription_list_model.h"
#include "ui/subscriptions/subscription_panel.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QLineEdit>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <cstdio>

#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>

namespace mqttdesk {

namespace {

// How long the histories may take, once publishing stopped and every publish ended, to hold
// every published number.
constexpr int kDrainMs = 60000;
// The shown connection changes this often.
constexpr int kRotateMs = 20000;
constexpr int kSampleMs = 5000;
// RSS may grow this much over its baseline.
constexpr double kRssGrowthLimit = 0.10;

void say(const QString &line)
{
    const QByteArray bytes = line.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

double mib(qint64 kb)
{
    return double(kb) / 1024.0;
}

} // namespace

SoakRunner::SoakRunner(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_links[0].name = QStringLiteral("tcp");
    m_links[0].version = ProtocolVersion::V311;
    m_links[1].name = QStringLiteral("tls");
    m_links[1].version = ProtocolVersion::V5;
    m_links[2].name = QStringLiteral("ws");
    m_links[2].version = ProtocolVersion::V5;
    m_sampler.setInterval(kSampleMs);
    connect(&m_sampler, &QTimer::timeout, this, &SoakRunner::sample);
    m_reporter.setInterval(qMax(1, m_options.reportEverySeconds) * 1000);
    connect(&m_reporter, &QTimer::timeout, this, &SoakRunner::report);
    m_rotator.setInterval(kRotateMs);
    connect(&m_rotator, &QTimer::timeout, this, &SoakRunner::rotateShown);
    m_guard.setSingleShot(true);
    connect(&m_harness, &QProcess::readyReadStandardOutput, this, &SoakRunner::onHarnessOutput);
    connect(&m_harness, &QProcess::finished, this, &SoakRunner::onHarnessFinished);
}

SoakRunner::~SoakRunner()
{
    if (m_harness.state() != QProcess::NotRunning) {
        m_harness.kill();
        m_harness.waitForFinished(5000);
    }
    m_fixture.reset();
}

qint64 SoakRunner::rssKb()
{
    return residentMemoryBytes() / 1024;
}

QString SoakRunner::elapsedText() const
{
    const double s = m_clock.isValid() ? double(m_clock.elapsed()) / 1000.0 : 0.0;
    return QStringLiteral("[%1:%2]").arg(int(s) / 60, 3).arg(int(s) % 60, 2, 10, QLatin1Char('0'));
}

void SoakRunner::start()
{
    say(QStringLiteral("soak: %1 s, %2 msg/s received by the app (%3 connections x %4 msg/s "
                       "published), broker restart every %5 s, proxy cut every %6 s")
            .arg(m_options.seconds)
            .arg(m_options.rate)
            .arg(m_links.size())
            .arg(double(m_options.rate) / double(m_links.size()), 0, 'f', 1)
            .arg(m_options.restartEverySeconds)
            .arg(m_options.cutEverySeconds));
    m_harness.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // The harness (and the broker it started) must not outlive this process; in a session
    // of its own, a Ctrl-C in the terminal reaches this process only (see endEarly()).
    m_harness.setChildProcessModifier([] {
        ::setsid();
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    });
    m_harness.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--harness"), QStringLiteral("--publish-rate"),
                     QString::number(double(m_options.rate) / double(m_links.size()), 'f', 3),
                     QStringLiteral("--restart-every"),
                     QString::number(m_options.restartEverySeconds), QStringLiteral("--cut-every"),
                     QString::number(m_options.cutEverySeconds)});
    m_guard.callOnTimeout(this, [this] {
        if (m_phase == Phase::Starting)
            setupFailed(QStringLiteral("the harness did not report ready in 60 s"));
    });
    m_guard.start(60000);
}

void SoakRunner::onHarnessOutput()
{
    m_harnessBuffer += m_harness.readAllStandardOutput();
    qsizetype end = 0;
    while ((end = m_harnessBuffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_harnessBuffer.left(end);
        m_harnessBuffer.remove(0, end + 1);
        onHarnessLine(line);
    }
}

void SoakRunner::onHarnessLine(const QByteArray &line)
{
    const QList<QByteArray> f = line.split(' ');
    const QByteArray &kind = f.first();
    if ((kind == "status" || kind == "stopped") && f.size() >= 8) {
        m_status.sent = f.at(1).toLongLong();
        m_status.completed = f.at(2).toLongLong();
        m_status.failed = f.at(3).toLongLong();
        m_status.endedTwice = f.at(4).toLongLong();
        m_status.restarts = f.at(5).toInt();
        m_status.cuts = f.at(6).toInt();
        m_status.connects = f.at(7).toInt();
        if (kind == "stopped" && m_phase == Phase::Stopping) {
            m_phase = Phase::Draining;
            m_guard.stop();
            say(QStringLiteral("publishing stopped: %1 published, %2 ended (%3 failed); "
                               "waiting for the histories")
                    .arg(m_status.sent)
                    .arg(m_status.completed + m_status.failed)
                    .arg(m_status.failed));
            m_drainClock.start();
            drainPoll();
        }
    } else if (kind == "ready" && f.size() >= 5 && m_phase == Phase::Starting) {
        // Out of this signal handler: the set-up waits in nested event loops.
        QTimer::singleShot(0, this, [this, f] {
            if (!setUp(f))
                return;
            m_phase = Phase::Running;
            m_guard.stop();
            m_clock.start();
            m_harness.write("go\n");
            m_samples.push_back({0.0, rssKb()});
            m_sampler.start();
            m_reporter.start();
            m_rotator.start();
            QTimer::singleShot(m_options.seconds * 1000, this, &SoakRunner::endRun);
        });
    } else if (kind == "event") {
        say(QStringLiteral("%1 %2 %3")
                .arg(elapsedText(),
                     QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz")),
                     QString::fromUtf8(line.mid(6))));
    } else if (kind == "failure") {
        m_failures.append(QString::fromUtf8(line.mid(8)));
        say(elapsedText() + QStringLiteral(" publish failed: ") + m_failures.last());
    } else if (kind == "error") {
        m_harnessError = QString::fromUtf8(line.mid(6));
        say(elapsedText() + QStringLiteral(" harness error: ") + m_harnessError);
        if (m_phase == Phase::Starting)
            setupFailed(m_harnessError);
        else if (m_phase != Phase::Done)
            summarize(); // the broker is gone: nothing more can be delivered
    }
}

void SoakRunner::onHarnessFinished()
{
    if (m_phase == Phase::Done)
        return;
    m_harnessError =
        QStringLiteral("the harness ended unexpectedly (exit %1)").arg(m_harness.exitCode());
    say(m_harnessError);
    if (m_phase == Phase::Starting)
        setupFailed(m_harnessError);
    else
        summarize();
}

void SoakRunner::setupFailed(const QString &why)
{
    say(QStringLiteral("soak: cannot set up the run: ") + why);
    m_phase = Phase::Done;
    shutDown(2);
}

bool SoakRunner::setUp(const QList<QByteArray> &ready)
{
    const std::array<quint16, 3> ports{quint16(ready.at(1).toUInt()), quint16(ready.at(2).toUInt()),
                                       quint16(ready.at(3).toUInt())};
    const QString caCert = QString::fromUtf8(ready.mid(4).join(' '));
    m_fixture = std::make_unique<MainWindowFixture>(m_options.dataDir);
    MainWindow *w = m_fixture->window();
    if (!w->isLoaded() || w->openError().isError()) {
        setupFailed(QStringLiteral("the main window did not open its data directory: ") +
                    w->openError().message);
        return false;
    }
    m_databasePath = DataDirectory::databasePath(m_fixture->dataDir());
    w->resize(1280, 800);
    w->show();
    say(QStringLiteral("data directory: ") + m_fixture->dataDir());

    for (size_t i = 0; i < m_links.size(); ++i) {
        Link &link = m_links[i];
        ConnectionProfile p =
            MainWindowFixture::profile(QStringLiteral("soak ") + link.name, ports[i]);
        p.protocolVersion = link.version;
        p.cleanStart = false; // a persistent session
        if (link.version == ProtocolVersion::V5)
            p.connectProperties.sessionExpiryInterval = 3600;
        p.reconnect = ProfileReconnectOptions{}; // the app's default: on, 1 s to 10 s
        if (link.name == QLatin1String("tls")) {
            p.scheme = TransportScheme::Mqtts;
            p.tls.useSystemCa = false;
            p.tls.caFiles = {caCert};
        } else if (link.name == QLatin1String("ws")) {
            p.scheme = TransportScheme::Ws;
        }
        link.profileId = m_fixture->createThroughDialog(p);
        if (link.profileId == 0) {
            setupFailed(QStringLiteral("the connection dialog did not save ") + p.name);
            return false;
        }
        if (!openConnection(link))
            return false;
    }
    rotateShown();
    return true;
}

bool SoakRunner::openConnection(Link &link)
{
    MainWindow *w = m_fixture->window();
    w->sidebar()->select(link.profileId);
    w->actions()->connectAction->trigger();
    const auto status = [w, &link] { return w->connectionModel()->status(link.profileId); };
    if (!QTest::qWaitFor([&] { return status() == ConnectionListModel::Status::Connected; },
                         20000)) {
        ConnectionController *c = w->workspace()->controller(link.profileId);
        setupFailed(QStringLiteral("%1 did not connect: %2")
                        .arg(link.name, c ? c->statusText() : QStringLiteral("no controller")));
        return false;
    }
    link.controller = w->workspace()->controller(link.profileId);
    link.connects = 1;
    connect(link.controller->connection(), &Connection::connected, this,
            [&link] { ++link.connects; });

    // The settings the profile gave the connection: the run is about persistent sessions
    // that store before acknowledging.
    const ConnectionSettings &s = link.controller->settings();
    const quint32 expiry = s.session.sessionExpiryInterval.value_or(0);
    say(QStringLiteral("%1: %2 over %3 to port %4, clean start %5, session expiry %6 s, "
                       "store before ack %7, reconnect %8 (%9..%10 ms)")
            .arg(link.name, protocolVersionName(s.session.version),
                 TransportOptions::kindName(s.transport.kind))
            .arg(s.transport.port)
            .arg(s.session.cleanStart ? 1 : 0)
            .arg(expiry)
            .arg(s.session.acknowledgeAfterStore ? QStringLiteral("on") : QStringLiteral("off"),
                 s.session.reconnect.enabled ? QStringLiteral("on") : QStringLiteral("off"))
            .arg(s.session.reconnect.initialDelayMs)
            .arg(s.session.reconnect.maximumDelayMs));
    if (s.session.cleanStart || !s.session.acknowledgeAfterStore || !s.session.reconnect.enabled ||
        (s.session.version == ProtocolVersion::V5 && expiry == 0)) {
        setupFailed(link.name + QStringLiteral(": not a persistent, store-before-ack session"));
        return false;
    }

    // `#` at QoS 2 through the subscription form, as a user adds it.
    ConnectionView *view = link.controller->view();
    view->subscriptionPanel()->filterEdit()->setText(QStringLiteral("#"));
    view->subscriptionPanel()->qosBox()->setCurrentIndex(2);
    if (!view->subscriptionPanel()->addFromForm()) {
        setupFailed(link.name + QStringLiteral(": the form refused #: ") +
                    view->subscriptionPanel()->errorText());
        return false;
    }
    SubscriptionListModel *subs = view->subscriptions();
    if (!QTest::qWaitFor(
            [subs] {
                return subs->rowCount() > 0 &&
                       subs->at(0).state == SubscriptionEntry::State::Active;
            },
            20000)) {
        setupFailed(link.name + QStringLiteral(": the subscription to # was not granted"));
        return false;
    }
    return true;
}

qint64 SoakRunner::storedOf(const Link &link) const
{
    return link.controller ? link.controller->stored() : 0;
}

qint64 SoakRunner::receivedOf(const Link &link) const
{
    return link.controller ? link.controller->received() : 0;
}

void SoakRunner::sample()
{
    m_samples.push_back({double(m_clock.elapsed()) / 1000.0, rssKb()});
}

void SoakRunner::report()
{
    m_lastReportMs = m_clock.elapsed();
    QString line = elapsedText() + QStringLiteral(" RSS %1 MiB").arg(mib(rssKb()), 0, 'f', 1);
    for (const Link &link : m_links) {
        line += QStringLiteral(" | %1 recv %2 stored %3 reconn %4")
                    .arg(link.name)
                    .arg(receivedOf(link))
                    .arg(storedOf(link))
                    .arg(link.connects - 1);
    }
    line += QStringLiteral(" | published %1 ended %2 failed %3 | restarts %4 cuts %5")
                .arg(m_status.sent)
                .arg(m_status.completed + m_status.failed)
                .arg(m_status.failed)
                .arg(m_status.restarts)
                .arg(m_status.cuts);
    say(line);
}

void SoakRunner::rotateShown()
{
    m_shown = (m_shown + 1) % int(m_links.size());
    m_fixture->window()->sidebar()->select(m_links[size_t(m_shown)].profileId);
}

void SoakRunner::endEarly()
{
    if (m_phase == Phase::Running) {
        say(elapsedText() + QStringLiteral(" interrupted: ending the run now"));
        endRun();
    } else if (m_phase == Phase::Starting) {
        setupFailed(QStringLiteral("interrupted"));
    }
}

void SoakRunner::endRun()
{
    if (m_phase != Phase::Running)
        return;
    m_phase = Phase::Stopping;
    m_sampler.stop();
    m_reporter.stop();
    m_rotator.stop();
    m_endSeconds = double(m_clock.elapsed()) / 1000.0;
    m_endRssKb = rssKb();
    m_samples.push_back({m_endSeconds, m_endRssKb});
    if (m_lastReportMs < 0 || m_clock.elapsed() - m_lastReportMs > 2000)
        report(); // the end's line, unless the last minute's came just now
    m_harness.write("stop\n");
    m_guard.callOnTimeout(this, [this] {
        if (m_phase != Phase::Stopping)
            return;
        say(QStringLiteral("the harness did not report the end of publishing in 120 s"));
        m_harnessError = QStringLiteral("no end of publishing");
        summarize();
    });
    m_guard.start(120000);
}

void SoakRunner::drainPoll()
{
    if (m_phase != Phase::Draining)
        return;
    const bool counted = std::all_of(m_links.begin(), m_links.end(), [this](const Link &link) {
        return storedOf(link) >= m_status.sent;
    });
    if (!counted && m_drainClock.elapsed() < kDrainMs) {
        QTimer::singleShot(500, this, &SoakRunner::drainPoll);
        return;
    }
    auditInThread(false, [this] {
        const bool complete = std::all_of(m_links.begin(), m_links.end(),
                                          [](const Link &link) { return link.result.complete(); });
        if (!complete && m_drainClock.elapsed() < kDrainMs) {
            QTimer::singleShot(1000, this, &SoakRunner::drainPoll);
            return;
        }
        auditInThread(true, [this] { summarize(); });
    });
}

void SoakRunner::auditInThread(bool describe, std::function<void()> then)
{
    const qint64 published = m_status.sent;
    for (Link &link : m_links) {
        if (!link.audit)
            link.audit = std::make_unique<HistoryAudit>(m_databasePath, link.profileId);
    }
    QThread *worker = QThread::create([this, published, describe] {
        for (Link &link : m_links) {
            if (!describe) {
                link.auditError = link.audit->update(published);
                link.result = link.audit->result();
                continue;
            }
            QList<qint64> numbers = link.result.duplicates2Sample + link.result.missingSample;
            numbers += link.result.duplicates1Sample.mid(0, 3);
            link.details = link.audit->describe(numbers);
        }
    });
    connect(worker, &QThread::finished, this, std::move(then));
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    m_auditThread = worker;
    worker->start();
}

void SoakRunner::summarize()
{
    if (m_phase == Phase::Done)
        return;
    m_phase = Phase::Done;
    if (m_auditThread) // a read under way (the run ended by a harness error meanwhile)
        m_auditThread->wait();
    m_sampler.stop();
    m_reporter.stop();
    m_rotator.stop();
    m_guard.stop();
    QStringList failures;
    say(QStringLiteral("== soak summary =="));
    say(QStringLiteral("publisher: %1 published, %2 acknowledged or completed, %3 failed, "
                       "%4 ended twice, %5 reconnects")
            .arg(m_status.sent)
            .arg(m_status.completed)
            .arg(m_status.failed)
            .arg(m_status.endedTwice)
            .arg(qMax(0, m_status.connects - 1)));
    for (const QString &f : std::as_const(m_failures))
        say(QStringLiteral("  failed: ") + f);
    say(QStringLiteral("faults: %1 broker restarts, %2 proxy cuts")
            .arg(m_status.restarts)
            .arg(m_status.cuts));
    if (!m_harnessError.isEmpty())
        failures << QStringLiteral("harness: ") + m_harnessError;
    if (m_status.failed > 0)
        failures << QStringLiteral("%1 publishes failed").arg(m_status.failed);
    if (m_status.endedTwice > 0)
        failures << QStringLiteral("%1 publishes ended twice").arg(m_status.endedTwice);
    if (m_status.completed + m_status.failed < m_status.sent)
        failures << QStringLiteral("%1 publishes never ended")
                        .arg(m_status.sent - m_status.completed - m_status.failed);

    // Memory: the baseline is minute 5, or 40% into a run shorter than 7 minutes.
    const bool shortRun = m_endSeconds < 7 * 60;
    const double baselineAt = shortRun ? 0.4 * m_endSeconds : 300.0;
    qint64 baseline = 0;
    double baselineSeconds = 0;
    qint64 maxAfter = 0;
    double maxAt = 0;
    for (const Sample &s : m_samples) {
        if (s.seconds + 0.001 < baselineAt)
            continue;
        if (baseline == 0) {
            baseline = s.rssKb;
            baselineSeconds = s.seconds;
        }
        if (s.rssKb > maxAfter) {
            maxAfter = s.rssKb;
            maxAt = s.seconds;
        }
    }
    if (baseline > 0) {
        const double growth = double(maxAfter - baseline) / double(baseline);
        say(QStringLiteral("RSS: %1 MiB at %2 s (%3), highest after it %4 MiB at %5 s, "
                           "%6 MiB at the end: %7%8% (limit +%9%)")
                .arg(mib(baseline), 0, 'f', 1)
                .arg(baselineSeconds, 0, 'f', 0)
                .arg(shortRun ? QStringLiteral("40% into the run: shorter than 7 minutes")
                              : QStringLiteral("minute 5"))
                .arg(mib(maxAfter), 0, 'f', 1)
                .arg(maxAt, 0, 'f', 0)
                .arg(mib(m_endRssKb), 0, 'f', 1)
                .arg(growth >= 0 ? QStringLiteral("+") : QString())
                .arg(growth * 100, 0, 'f', 1)
                .arg(kRssGrowthLimit * 100, 0, 'f', 0));
        if (growth > kRssGrowthLimit && m_options.checkMemory)
            failures << QStringLiteral("RSS grew %1%").arg(growth * 100, 0, 'f', 1);
        else if (!m_options.checkMemory)
            say(QStringLiteral("RSS growth not checked (--no-memory-check)"));
    } else {
        say(QStringLiteral("RSS: no sample after the baseline point (the run ended early)"));
    }

    for (const Link &link : m_links) {
        const HistoryAudit::Result &r = link.result;
        say(QStringLiteral("%1 (%2): received %3, stored %4, not stored %5, reconnects %6; "
                           "history rows %7: lost %8, QoS 1 stored twice %9, QoS 2 stored "
                           "twice %10, rows of no published message %11")
                .arg(link.name, protocolVersionName(link.version))
                .arg(receivedOf(link))
                .arg(storedOf(link))
                .arg(link.controller ? link.controller->notStored() : 0)
                .arg(link.connects - 1)
                .arg(r.rows)
                .arg(r.missing)
                .arg(r.duplicates1)
                .arg(r.duplicates2)
                .arg(r.strangers));
        if (link.auditError.isError())
            failures << link.name + QStringLiteral(": history not readable: ") +
                            link.auditError.message;
        for (const QString &d : link.details)
            say(QStringLiteral("  ") + d);
        if (!link.audit && m_harnessError.isEmpty())
            failures << link.name + QStringLiteral(": history not read");
        if (r.missing > 0)
            failures << QStringLiteral("%1 lost %2").arg(link.name).arg(r.missing);
        if (r.duplicates2 > 0)
            failures << QStringLiteral("%1 stored %2 QoS 2 messages twice")
                            .arg(link.name)
                            .arg(r.duplicates2);
        if (r.strangers > 0)
            failures << QStringLiteral("%1 holds %2 rows of no published message")
                            .arg(link.name)
                            .arg(r.strangers);
    }
    if (!m_databasePath.isEmpty()) {
        qint64 bytes = 0;
        for (const char *suffix : {"", "-wal"})
            bytes += QFileInfo(m_databasePath + QLatin1String(suffix)).size();
        say(QStringLiteral("history file: %1 MiB").arg(double(bytes) / 1048576.0, 0, 'f', 0));
    }
    if (failures.isEmpty()) {
        say(QStringLiteral("RESULT: PASS"));
        shutDown(0);
    } else {
        say(QStringLiteral("RESULT: FAIL (") + failures.join(QStringLiteral("; ")) +
            QLatin1Char(')'));
        shutDown(1);
    }
}

void SoakRunner::shutDown(int exitCode)
{
    m_exitCode = exitCode;
    if (m_harness.state() == QProcess::NotRunning) {
        emit finished(m_exitCode);
        return;
    }
    disconnect(&m_harness, &QProcess::finished, this, &SoakRunner::onHarnessFinished);
    connect(&m_harness, &QProcess::finished, this, [this] { emit finished(m_exitCode); });
    m_harness.write("quit\n");
    QTimer::singleShot(10000, this, [this] {
        if (m_harness.state() != QProcess::NotRunning)
            m_harness.kill();
    });
}

} // namespace mqttdesk
