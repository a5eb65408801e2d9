#pragma once

#include "core/payload/decoding_rules.h"
#include "core/retained/retained_snapshot.h"
#include "core/storage/database_worker.h"
#include "core/storage/publish_history_store.h"
#include "core/storage/retained_snapshot_store.h"
#include "core/storage/storage_error.h"
#include "core/storage/subscription_store.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

#include <functional>
#include <optional>

namespace mqttdesk {

// A profile's own records besides its history, read and written on a worker thread: its
// subscriptions (with their colours, aliases and formats), its publish history, its
// retained snapshots, its decoding rules and its chart panels. Saving
// the subscriptions writes only the rows that differ from what the worker last wrote.
class ProfileRecords : public DatabaseWorker
{
    Q_OBJECT
public:
    // A subscription row to save; `key` is the caller's stable id of the row, so a row
    // saved twice before the first answer came back (its id still 0) is written once.
    struct KeyedSubscription
    {
        quint64 key = 0;
        StoredSubscription row; // id 0: not saved yet; position: its place in the list
    };
    using SubscriptionsCallback =
        std::function<void(const QList<StoredSubscription> &rows, const StorageError &error)>;
    using SavedCallback =
        std::function<void(const QHash<quint64, qint64> &idsByKey, const StorageError &error)>;
    using PublishHistoryCallback =
        std::function<void(const QList<PublishHistoryEntry> &entries, const StorageError &error)>;
    using DoneCallback = std::function<void(const StorageError &error)>;
    using SnapshotsCallback =
        std::function<void(const QList<StoredRetainedSnapshot> &list, const StorageError &error)>;
    using SnapshotSavedCallback = std::function<void(qint64 id, const StorageError &error)>;
    using DecodingRulesCallback =
        std::function<void(const DecodingRules &rules, const StorageError &error)>;
    using ChartPanelsCallback =
        std::function<void(const QList<QJsonObject> &panels, const StorageError &error)>;
    // The snapshot, or why it cannot be read (a storage error or a body that is no longer a
    // valid snapshot).
    using SnapshotCallback =
        std::function<void(const std::optional<RetainedSnapshot> &snapshot, const QString &error)>;

    ProfileRecords(const QString &databasePath, qint64 profileId, QObject *parent = nullptr);

    qint64 profileId() const { return m_profileId; }

    void loadSubscriptions(SubscriptionsCallback done);
    // The profile's subscriptions become exactly `rows`, in their order: new rows are added,
    // changed ones updated, missing ones removed. `done` gets the ids of every key.
    void saveSubscriptions(const QList<KeyedSubscription> &rows, SavedCallback done);

    // The newest `limit` distinct publishes.
    void loadPublishHistory(int limit, PublishHistoryCallback done);
    void recordPublish(const PublishHistoryEntry &entry, DoneCallback done);

    // Retained snapshots, newest first (without their topics).
    void loadSnapshots(SnapshotsCallback done);
    void saveSnapshot(const RetainedSnapshot &snapshot, SnapshotSavedCallback done);
    // Parsed on the worker: a snapshot of many thousand topics does not stall the caller.
    void loadSnapshot(qint64 id, SnapshotCallback done);
    void renameSnapshot(qint64 id, const QString &name, DoneCallback done);
    void removeSnapshot(qint64 id, DoneCallback done);

    // The profile's decoding rules, in order (DecodingRuleStore).
    void loadDecodingRules(DecodingRulesCallback done);
    // The profile's rules become exactly `rules`.
    void saveDecodingRules(const DecodingRules &rules, DoneCallback done);

    // The profile's chart panels as JSON bodies, in order (ChartPanelStore).
    void loadChartPanels(ChartPanelsCallback done);
    // The profile's panels become exactly `panels`.
    void saveChartPanels(const QList<QJsonObject> &panels, DoneCallback done);

private:
    // Worker thread only: what storage holds (by id) and the ids of keys saved so far.
    struct Saved
    {
        QHash<qint64, StoredSubscription> rows;
        QHash<quint64, qint64> idsByKey;
    };
    static StorageError save(const DatabaseConnection &connection, Saved &saved,
                             const QList<KeyedSubscription> &rows);

    const qint64 m_profileId;
    std::shared_ptr<Saved> m_saved; // touched on the worker thread only
};

} // namespace mqttdesk
