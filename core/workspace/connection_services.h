#pragma once

#include "core/connection/connection_settings.h"
#include "core/profile/connection_profile.h"
#include "core/storage/retention_policy.h"
#include "core/storage/storage_error.h"
#include "core/topictree/topic_update.h"
#include "core/workspace/subscription_counter.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

namespace mqttdesk {

class Connection;
class ConnectionThread;
class DatabaseWorker;
class HistoryReader;
class MessageWriter;
class ProfileRecords;
class SeriesLoader;
class StoringMessageSink;
class TopicActivity;
class TopicTreeModel;

// The services of one open profile, in core so that the app and the CLI share them: its
// Connection on a worker thread, the storing sink that writes every received batch to the
// history (and lets the connection acknowledge only what is committed), the subscription
// counter, a reader of the history on its own thread, and the profile's own records
// (subscriptions, publish history) on another. Every consumer of received
// batches runs on the connection's thread; the owner's (GUI) thread only gets results.
//
// Lives on the thread that creates it; its signals and callbacks arrive there.
class ConnectionServices : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        qint64 profileId = 0;
        MessageWriter *writer = nullptr; // started; outlives the services; null: no storage
        QString databasePath;            // empty: no history reader
        bool topicTree = true;           // keep the topic tree (the CLI's sub does not)
    };

    ConnectionServices(const ConnectionSettings &settings, const Options &options,
                       QObject *parent = nullptr);
    ~ConnectionServices() override;

    qint64 profileId() const { return m_options.profileId; }
    Connection *connection() const;
    MessageWriter *writer() const { return m_options.writer; }
    QString databasePath() const { return m_options.databasePath; }
    // Null when there is no database path.
    HistoryReader *reader() const { return m_reader.get(); }
    // The profile's subscriptions and publish history; null when there is no database path.
    ProfileRecords *records() const { return m_records.get(); }
    // Reads chart series from the history on its own thread; made when first asked for (a
    // connection whose charts are never opened has no thread for them). Its cached answers
    // are dropped when the history is cleared, and those retention cuts into when the
    // writer removes rows. Null without a history.
    SeriesLoader *seriesLoader();

    // Received messages the writer refused (its queue was full): not stored, and (QoS 1/2)
    // not acknowledged, so that the server sends them again after a reconnect.
    qint64 messagesNotStored() const;

    // The subscriptions to count (key: the caller's id of a row). A new filter's count
    // starts from what the history holds for it, read on the reader's thread.
    void setSubscriptionFilters(const QList<SubscriptionCounter::Filter> &filters);
    QHash<quint64, qint64> subscriptionCounts() const { return m_counts; }

    // The map of every topic received (the Topics view): built from the history when the
    // services start (messages received before them), then kept live from the connection's
    // thread, at most 10 times a second. Works while disconnected. Lives on this thread.
    TopicTreeModel *topicTree() const { return m_topicModel.get(); }
    // The stored part has been read into the tree (or there is no history).
    bool topicTreeLoaded() const { return m_topicsLoaded; }
    // Applies what the connection received so far now, instead of at the next tick.
    void updateTopicTree();

    // The profile's history budget (Connection dialog > Advanced), handed to the writer,
    // which keeps it in the database and trims on its own thread after its batches and
    // every few seconds (age limits). An unlimited budget lifts the limit.
    void setRetention(const RetentionBudget &budget);
    static RetentionPolicy retentionPolicy(const RetentionBudget &budget);

    // Deletes the profile's stored history on a worker thread (after the writer has
    // committed what it holds); `done` gets the outcome on this object's thread. Destroying
    // the services waits for a clear that runs, and drops its answer.
    void clearHistory(std::function<void(const StorageError &error)> done);

signals:
    // The counts of setSubscriptionFilters' keys changed; at most 10 times a second.
    void subscriptionCountsChanged(const QHash<quint64, qint64> &counts);
    // The topic tree holds the stored history (topicTreeLoaded()); `error` when unreadable.
    void topicTreeReady(const mqttdesk::StorageError &error);

private:
    void takeCounts();
    void loadTopicTree();
    void takeTopics();
    void finishLoading();

    Options m_options;
    std::unique_ptr<ConnectionThread> m_thread;
    std::unique_ptr<HistoryReader> m_reader;
    std::unique_ptr<ProfileRecords> m_records;
    std::unique_ptr<SeriesLoader> m_series;   // made by the first seriesLoader()
    std::unique_ptr<DatabaseWorker> m_eraser; // made by the first clearHistory()
    std::shared_ptr<StoringMessageSink> m_storing;
    std::shared_ptr<SubscriptionCounter> m_counter;
    QHash<quint64, qint64> m_counts;
    QTimer m_countTimer;
    std::shared_ptr<TopicActivity> m_topicActivity;
    std::unique_ptr<TopicTreeModel> m_topicModel;
    QTimer m_topicTimer; // batches live topic updates: at most 10 a second
    QTimer m_topicTick;  // rates and ages of the visible rows move on without messages
    bool m_topicsLoaded = false;
    qsizetype m_storedLeft = 0;  // stored topic updates not applied yet (while loading)
    StorageError m_storedError;  // reading the stored part failed
    TopicUpdates m_topicBacklog; // taken, not applied yet (applied a slice per turn)
};

} // namespace mqttdesk
