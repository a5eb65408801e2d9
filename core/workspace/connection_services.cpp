#include "core/workspace/connection_services.h"

#include "core/connection/connection.h"
#include "core/connection/connection_thread.h"
#include "core/series/series_loader.h"
#include "core/storage/database_connection.h"
#include "core/storage/database_worker.h"
#include "core/storage/message_eraser.h"
#include "core/storage/message_writer.h"
#include "core/topictree/topic_activity.h"
#include "core/topictree/topic_tree_model.h"
#include "core/workspace/history_reader.h"
#include "core/workspace/profile_records.h"
#include "core/workspace/storing_message_sink.h"

#include <QElapsedTimer>

namespace mqttdesk {

namespace {

// Counts reach the owner at most this often, however fast messages arrive.
constexpr int kCountIntervalMs = 100;
// The topic tree's live updates and its clock.
constexpr int kTopicIntervalMs = 100;
constexpr int kTopicTickMs = 1000;
// Topic updates are applied in slices of this size for at most this long per turn; a
// backlog goes on after the pause.
constexpr qsizetype kTopicSlice = 500;
constexpr int kTopicBudgetMs = 6;
constexpr int kTopicBacklogMs = 15;
// Clearing waits this long for the writer to commit what it holds.
constexpr int kWriterDrainMs = 30000;

} // namespace

ConnectionServices::ConnectionServices(const ConnectionSettings &settings, const Options &options,
                                       QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_thread = std::make_unique<ConnectionThread>(settings);
    if (!options.databasePath.isEmpty()) {
        m_reader = std::make_unique<HistoryReader>(options.databasePath);
        m_records = std::make_unique<ProfileRecords>(options.databasePath, options.profileId);
    }

    m_countTimer.setSingleShot(true);
    m_countTimer.setInterval(kCountIntervalMs);
    connect(&m_countTimer, &QTimer::timeout, this, &ConnectionServices::takeCounts);
    // Called on the connection's thread (or this one), always while this object lives (the
    // connection thread ends first in the destructor): one queued wake-up per reading.
    m_counter = std::make_shared<SubscriptionCounter>([this] {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!m_countTimer.isActive())
                    m_countTimer.start();
            },
            Qt::QueuedConnection);
    });

    Connection *connection = m_thread->connection();
    if (options.writer) {
        m_storing = std::make_shared<StoringMessageSink>(options.writer, options.profileId,
                                                         settings.session.version);
        connection->addMessageSink(m_storing);
    }
    connection->addMessageSink(m_counter);

    // The topic tree: folded per topic on the connection's thread, applied here in batches.
    m_topicModel = std::make_unique<TopicTreeModel>();
    // New rows and changed numbers reach the views at most 10 times a second, however
    // often a flood's backlog is applied.
    m_topicModel->setUpdateInterval(kTopicIntervalMs);
    m_topicTimer.setSingleShot(true);
    m_topicTimer.setInterval(kTopicIntervalMs);
    connect(&m_topicTimer, &QTimer::timeout, this, &ConnectionServices::takeTopics);
    m_topicTick.setInterval(kTopicTickMs);
    connect(&m_topicTick, &QTimer::timeout, this,
            [this] { m_topicModel->tick(SubscriptionCounter::nowUs()); });
    m_topicTick.start();
    m_topicActivity = std::make_shared<TopicActivity>([this] {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_topicsLoaded && !m_topicTimer.isActive())
                    m_topicTimer.start();
            },
            Qt::QueuedConnection);
    });
    if (options.topicTree)
        connection->addMessageSink(m_topicActivity);
    loadTopicTree();
}

void ConnectionServices::loadTopicTree()
{
    if (!m_reader) {
        m_topicsLoaded = true;
        return;
    }
    // Everything received from now on is counted live; the history answers for what came
    // before, so no message is counted twice. Live updates wait until it has.
    const qint64 beforeUs = SubscriptionCounter::nowUs();
    m_reader->loadTopicUpdates(
        m_options.profileId, beforeUs,
        [this](const QList<TopicUpdate> &updates, const StorageError &error) {
            // Applied in slices like live updates: 100,000 stored topics at once would hold
            // the GUI thread for ~80 ms. Ready (and live updates let in) once they all are.
            m_storedError = error;
            if (!error.isError())
                m_topicBacklog = updates;
            m_storedLeft = m_topicBacklog.size();
            takeTopics();
        });
}

void ConnectionServices::updateTopicTree()
{
    if (!m_topicsLoaded && m_storedLeft == 0 && m_topicBacklog.isEmpty())
        return; // the history is still being read
    m_topicModel->apply(m_topicBacklog, SubscriptionCounter::nowUs());
    m_topicBacklog.clear();
    if (!m_topicsLoaded)
        finishLoading();
    m_topicBacklog.append(m_topicActivity->take());
    m_topicModel->apply(m_topicBacklog, SubscriptionCounter::nowUs());
    m_topicBacklog.clear();
    m_topicModel->flush();
}

void ConnectionServices::takeTopics()
{
    // Live updates wait until the stored ones are in: they are newer.
    if (m_topicsLoaded)
        m_topicBacklog.append(m_topicActivity->take());
    if (m_topicBacklog.isEmpty()) {
        if (!m_topicsLoaded)
            finishLoading();
        return;
    }
    // A few milliseconds at a time: 100,000 new topics in one tick would hold the GUI thread
    // for their insertions (and the views' work on them); the rest follows shortly.
    QElapsedTimer spent;
    spent.start();
    qsizetype done = 0;
    while (done < m_topicBacklog.size() && spent.elapsed() < kTopicBudgetMs) {
        const qsizetype n = qMin<qsizetype>(m_topicBacklog.size() - done, kTopicSlice);
        m_topicModel->apply(m_topicBacklog.sliced(done, n), SubscriptionCounter::nowUs());
        done += n;
    }
    m_topicBacklog.remove(0, done);
    if (!m_topicsLoaded) {
        m_storedLeft -= done;
        if (m_storedLeft <= 0)
            finishLoading();
    }
    // The stored part goes on at the next turn (other events are served in between); a live
    // backlog after a pause, so that a flood leaves the views time to draw.
    if (!m_topicBacklog.isEmpty())
        QTimer::singleShot(m_topicsLoaded ? kTopicBacklogMs : 0, this,
                           &ConnectionServices::takeTopics);
}

void ConnectionServices::finishLoading()
{
    m_storedLeft = 0;
    m_topicModel->flush(); // the stored counts are there when this says ready
    m_topicsLoaded = true;
    emit topicTreeReady(m_storedError);
}

ConnectionServices::~ConnectionServices()
{
    // The connection (and with it its sinks' last use) ends on its own thread first.
    m_thread.reset();
    // A clear that runs is waited for (its answer is dropped).
    m_eraser.reset();
}

Connection *ConnectionServices::connection() const
{
    return m_thread->connection();
}

qint64 ConnectionServices::messagesNotStored() const
{
    return m_storing ? m_storing->dropped() : 0;
}

void ConnectionServices::setSubscriptionFilters(const QList<SubscriptionCounter::Filter> &filters)
{
    const QList<SubscriptionCounter::StoredRequest> requests = m_counter->setFilters(filters);
    if (requests.isEmpty() || !m_reader)
        return;
    // One pass over the history serves every new filter: they share one cut-off time.
    std::weak_ptr<SubscriptionCounter> counter = m_counter;
    m_reader->countReceivedPerTopic(
        m_options.profileId, requests.first().beforeUs,
        [counter, requests](const QList<MessageQuery::TopicCount> &perTopic,
                            const StorageError &error) {
            if (error.isError())
                return; // the live part still counts; the history is unreadable
            if (auto c = counter.lock())
                c->addStored(requests, perTopic);
        });
}

void ConnectionServices::takeCounts()
{
    const QHash<quint64, qint64> counts = m_counter->counts();
    if (counts == m_counts)
        return;
    m_counts = counts;
    emit subscriptionCountsChanged(m_counts);
}

SeriesLoader *ConnectionServices::seriesLoader()
{
    if (!m_series && !m_options.databasePath.isEmpty()) {
        m_series = std::make_unique<SeriesLoader>(m_options.databasePath);
        if (m_options.writer)
            m_series->watch(m_options.writer);
    }
    return m_series.get();
}

RetentionPolicy ConnectionServices::retentionPolicy(const RetentionBudget &budget)
{
    RetentionPolicy policy;
    policy.maxCount = qMax<qint64>(0, budget.maxMessages);
    policy.maxBytes = qMax<qint64>(0, budget.maxBytes);
    policy.maxAgeUs = qMax<qint64>(0, budget.maxAgeSeconds) * 1'000'000;
    return policy;
}

void ConnectionServices::setRetention(const RetentionBudget &budget)
{
    MessageWriter *writer = m_options.writer;
    if (!writer)
        return;
    const RetentionPolicy policy = retentionPolicy(budget);
    if (writer->retention(m_options.profileId) != policy)
        writer->setRetention(m_options.profileId, policy);
}

void ConnectionServices::clearHistory(std::function<void(const StorageError &error)> done)
{
    // Owned, so that it is joined with the services: at quit a clear cannot outlive the
    // writer it waits for.
    if (!m_eraser)
        m_eraser = std::make_unique<DatabaseWorker>(m_options.databasePath,
                                                    QStringLiteral("clear-history"));
    m_eraser->post([this, writer = m_options.writer, profileId = m_options.profileId,
                    done = std::move(done)](DatabaseConnection &connection) {
        // Through the writer when there is one: it erases between its batches and forgets
        // its topic ids and counters of the profile, which would otherwise outlive the
        // rows (new messages stored under stale topic ids, retention counting old rows).
        StorageError outcome = connection.error();
        if (writer)
            outcome = writer->eraseProfile(profileId, kWriterDrainMs);
        else if (!outcome.isError())
            outcome = connection.transaction(
                [&] { return MessageEraser::eraseProfile(connection, profileId); });
        // Runs on this object's thread, and only while the eraser (so this object) lives.
        return std::function<void()>([this, outcome, done] {
            if (!outcome.isError()) {
                m_counter->clear();
                m_topicActivity->take(); // counted before the clear: gone with it
                m_topicBacklog.clear();
                m_topicModel->clear();
            }
            if (m_series)
                m_series->dropCached(m_options.profileId);
            if (done)
                done(outcome);
        });
    });
}

} // namespace mqttdesk
