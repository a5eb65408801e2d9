#include "gui_bench_runner.h"

#include "core/alerts/alert_monitor.h"
#include "core/alerts/alert_rule_set.h"
#include "core/connection/connection.h"
#include "core/process/resident_memory.h"
#include "core/storage/data_directory.h"
#include "core/storage/database.h"
#include "core/storage/profile_store.h"
#include "core/topictree/topic_tree_model.h"
#include "core/workspace/connection_services.h"
#include "ui/brokerstats/broker_view.h"
#include "ui/connections/log_model.h"
#include "ui/packettrace/packet_inspector_view.h"
#include "ui/stream/connection_view.h"
#include "ui/stream/event_loop_latency_probe.h"
#include "ui/stream/message_stream_model.h"
#include "ui/stream/message_stream_view.h"
#include "ui/subscriptions/subscription_list_model.h"
#include "ui/subscriptions/subscription_panel.h"
#include "ui/topictree/topic_tree_view.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QTabWidget>
#include <QTextStream>
#include <QUuid>

#include <QTimer>

#include <cstdio>
#include <ctime>

#include <sys/resource.h>
#include <unistd.h>

namespace mqttdesk {

GuiBenchRunner::GuiBenchRunner(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{}

GuiBenchRunner::~GuiBenchRunner()
{
    m_view.reset();
    m_services.reset();
    if (m_writer)
        m_writer->stop();
}

qint64 GuiBenchRunner::rssKb()
{
    return residentMemoryBytes() / 1024;
}

double GuiBenchRunner::cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval &t) { return t.tv_sec * 1000.0 + t.tv_usec / 1000.0; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

QJsonObject GuiBenchRunner::threadCpuMs()
{
    // /proc/self/task/<tid>/stat: the name in parentheses, then utime and stime (fields 14
    // and 15) in clock ticks. Threads of one name (Qt's pool) are summed.
    QJsonObject threads;
    const double tickMs = 1000.0 / double(sysconf(_SC_CLK_TCK));
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = file.readAll();
        const qsizetype open = stat.indexOf('('), close = stat.lastIndexOf(')');
        if (open < 0 || close < open)
            continue;
        const QString name = QString::fromUtf8(stat.mid(open + 1, close - open - 1));
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        if (fields.size() < 13)
            continue;
        const double ms = (fields.at(11).toDouble() + fields.at(12).toDouble()) * tickMs;
        threads.insert(name, threads.value(name).toDouble() + ms);
    }
    return threads;
}

void GuiBenchRunner::start()
{
    const QString path = DataDirectory::databasePath(m_dir.path());
    Database database(path);
    if (database.open().isError()) {
        std::fprintf(stderr, "cannot open the database\n");
        emit finished(2);
        return;
    }
    // Stored messages belong to a profile row.
    StoredProfile profile;
    profile.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.name = QStringLiteral("bench");
    StorageError profileError;
    m_profileId = ProfileStore(database.connection()).create(profile, &profileError);
    if (profileError.isError() || m_profileId <= 0) {
        std::fprintf(stderr, "cannot create the bench profile\n");
        emit finished(2);
        return;
    }
    m_writer = std::make_unique<MessageWriter>(path);
    m_writer->start();

    ConnectionSettings settings;
    settings.transport.host = QStringLiteral("127.0.0.1");
    settings.transport.port = m_options.port;
    settings.session.version = ProtocolVersion::V5;
    settings.session.clientId =
        QStringLiteral("bench-gui-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    // Large enough for the 10 MB payload case.
    settings.session.maximumPacketSize = 64 * 1024 * 1024;
    ConnectionServices::Options services;
    services.profileId = m_profileId;
    services.writer = m_writer.get();
    services.databasePath = path;
    m_services = std::make_unique<ConnectionServices>(settings, services);

    ConnectionView::Context context;
    context.services = m_services.get();
    m_view = std::make_unique<ConnectionView>(context);
    // What the app does too: reads and search on the stream's reader thread.
    if (!m_options.syncReads && !m_view->streamModel()->hasBackgroundReader())
        m_view->streamModel()->useBackgroundReader(path);
    m_view->resize(1280, 800);
    m_view->show();
    m_view->streamView()->setDiagnosticsVisible(true);
    m_probe = m_view->streamView()->latencyProbe();
    if (m_options.topics)
        m_view->showTopics(true);
    // The Packets tab in front, as a user watching the exchange has it (tracing is on while it
    // is shown); or the Broker tab, which shows nothing of the flood: the packets' reference,
    // as both hide the stream.
    if (m_options.tab == QLatin1String("packets"))
        m_view->views()->setCurrentWidget(m_view->packetInspector());
    else if (m_options.tab == QLatin1String("broker"))
        m_view->views()->setCurrentWidget(m_view->brokerView());
    if (!m_options.alertRules.isEmpty()) {
        AlertRuleError error;
        const std::optional<QList<AlertRule>> rules =
            AlertRuleSet::load(m_options.alertRules, &error);
        if (!rules) {
            std::fprintf(stderr, "cannot read the alert rules: %s\n", qPrintable(error.message()));
            emit finished(2);
            return;
        }
        // As ConnectionController::watchAlerts: judged on the connection's thread.
        AlertMonitor::attach(m_services->connection())->setRules(*rules);
    }

    connect(m_services->connection(), &Connection::connected, this, &GuiBenchRunner::onConnected);
    connect(m_view->subscriptions(), &QAbstractItemModel::dataChanged, this, [this] {
        const auto *list = m_view->subscriptions();
        bool active = list->rowCount() >= m_options.filters.size();
        for (int i = 0; active && i < list->rowCount(); ++i)
            active = list->at(i).state == SubscriptionEntry::State::Active;
        if (!m_subscribed && active) {
            m_subscribed = true;
            m_probe->reset();
            m_rssStart = rssKb();
            m_cpuStartMs = cpuMs();
            m_clock.start();
            m_sampler.start(20);
            std::printf("READY\n");
            std::fflush(stdout);
        }
    });
    connect(&m_sampler, &QTimer::timeout, this, &GuiBenchRunner::sample);
    if (m_options.logPackets) {
        m_log = new LogModel(this);
        m_services->connection()->setPacketLogging(true);
        connect(m_services->connection(), &Connection::logMessage, this,
                [this](const ConnectionLogEntry &e) {
                    m_log->append(e.timestamp, LogModel::Level::Debug, QStringLiteral("bench"),
                                  e.text);
                });
    }
    m_services->connection()->connectToBroker();
}

void GuiBenchRunner::onConnected()
{
    for (const QString &filter : std::as_const(m_options.filters)) {
        m_view->subscriptionPanel()->filterEdit()->setText(filter);
        m_view->subscriptionPanel()->addFromForm();
    }
}

void GuiBenchRunner::sample()
{
    const qint64 now = m_clock.elapsed();
    const ProfileCounters counters = m_writer->counters(m_profileId);
    const qint64 stored = counters.stored;
    m_rssMax = qMax(m_rssMax, rssKb());
    // New topics appear under collapsed levels; open the first two levels again now and then,
    // as a user watching the tree would, so that the view has rows to keep current.
    if (m_options.topics && now - m_lastExpandMs >= 2000) {
        m_lastExpandMs = now;
        QElapsedTimer expanding;
        expanding.start();
        m_view->topicsView()->expandToDepth(2);
        m_expandMaxMs = qMax(m_expandMaxMs, expanding.nsecsElapsed() / 1e6);
    }
    if (stored != m_lastStored) {
        if (m_firstMs < 0)
            m_firstMs = now;
        m_lastMs = now;
        m_cpuAtLastMs = cpuMs();
        m_lastStored = stored;
        m_lastProgressMs = now;
        if (m_rssAt10 == 0 && stored >= m_options.expected / 10)
            m_rssAt10 = rssKb();
    }
    if (stored >= m_options.expected && !m_bigSeen) {
        m_bigSeen = true;
        m_lastEpochMs = QDateTime::currentMSecsSinceEpoch() - (now - m_lastMs);
        if (m_options.bigPayload) {
            // Leave the view time to show and render the new bubble, then read the probe.
            QTimer::singleShot(1500, this, [this] {
                m_bigMaxLateMs = m_probe->stats().maxMs;
                finish(QStringLiteral("done"));
            });
        } else if (m_options.quick) {
            finish(QStringLiteral("done"));
        } else {
            measureIdle(QStringLiteral("done"));
        }
        return;
    }
    if (m_firstMs >= 0 && now - m_lastProgressMs > m_options.idleMs && !m_bigSeen)
        finish(QStringLiteral("idle"));
}

void GuiBenchRunner::measureIdle(const QString &reason)
{
    m_sampler.stop();
    QElapsedTimer waited;
    waited.start();
    auto *poll = new QTimer(this);
    poll->setInterval(50);
    connect(poll, &QTimer::timeout, this, [this, poll, waited, reason] {
        if (m_writer->unindexedCount() > 0 && waited.elapsed() < 60000)
            return;
        poll->deleteLater();
        m_indexedMs = waited.elapsed();
        const std::clock_t cpuStart = std::clock();
        QElapsedTimer window;
        window.start();
        QTimer::singleShot(3000, this, [this, cpuStart, window, reason] {
            const double cpuMs = double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC;
            m_idleCpuPercent = 100.0 * cpuMs / double(qMax<qint64>(1, window.elapsed()));
            finish(reason);
        });
    });
    poll->start();
}

void GuiBenchRunner::finish(const QString &reason)
{
    m_sampler.stop();
    const auto stats = m_probe->stats();
    const ProfileCounters counters = m_writer->counters(m_profileId);
    QJsonObject o;
    o.insert(QStringLiteral("reason"), reason);
    o.insert(QStringLiteral("stored"), counters.stored);
    o.insert(QStringLiteral("firstMs"), m_firstMs);
    o.insert(QStringLiteral("lastMs"), m_lastMs);
    if (m_lastEpochMs == 0 && m_lastMs >= 0)
        m_lastEpochMs = QDateTime::currentMSecsSinceEpoch() - (m_clock.elapsed() - m_lastMs);
    o.insert(QStringLiteral("lastEpochMs"), m_lastEpochMs);
    o.insert(QStringLiteral("received"), counters.received);
    o.insert(QStringLiteral("dropped"), counters.dropped);
    const double seconds = m_lastMs > m_firstMs ? (m_lastMs - m_firstMs) / 1000.0 : 0;
    o.insert(QStringLiteral("rate"), seconds > 0 ? counters.stored / seconds : 0);
    o.insert(QStringLiteral("p50Ms"), stats.p50Ms);
    o.insert(QStringLiteral("p99Ms"), stats.p99Ms);
    o.insert(QStringLiteral("maxMs"), stats.maxMs);
    o.insert(QStringLiteral("samples"), stats.samples);
    // From READY to the last stored message: what the whole process spent on the flood.
    o.insert(QStringLiteral("cpuMs"), m_cpuAtLastMs > 0 ? m_cpuAtLastMs - m_cpuStartMs : 0.0);
    o.insert(QStringLiteral("threadCpuMs"), threadCpuMs()); // since the start, per thread
    o.insert(QStringLiteral("rssStartKb"), m_rssStart);
    o.insert(QStringLiteral("rssAt10PercentKb"), m_rssAt10);
    o.insert(QStringLiteral("rssMaxKb"), m_rssMax);
    o.insert(QStringLiteral("rssEndKb"), rssKb());
    if (m_options.bigPayload)
        o.insert(QStringLiteral("bigPayloadMaxStallMs"), m_bigMaxLateMs);
    if (m_idleCpuPercent >= 0) {
        o.insert(QStringLiteral("indexedAfterMs"), m_indexedMs);
        o.insert(QStringLiteral("idleCpuPercent"), m_idleCpuPercent);
    }
    if (m_options.topics) {
        const TopicTree &tree = m_services->topicTree()->tree();
        o.insert(QStringLiteral("topicNodes"), tree.nodeCount());
        o.insert(QStringLiteral("topics"), tree.topicCount());
        o.insert(QStringLiteral("topicTreeBytes"), tree.memoryBytes());
        o.insert(QStringLiteral("topicPreviewBytes"), tree.previewBytes());
        o.insert(QStringLiteral("expandMaxMs"), m_expandMaxMs);
    }
    if (!m_options.screenshot.isEmpty())
        m_view->grab().save(m_options.screenshot);
    std::printf("RESULT %s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    emit finished(0);
}

} // namespace mqttdesk
