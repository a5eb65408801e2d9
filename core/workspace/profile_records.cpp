#include "core/workspace/profile_records.h"

#include "core/storage/chart_panel_store.h"
#include "core/storage/database_connection.h"
#include "core/storage/decoding_rule_store.h"

#include <QSet>

namespace mqttdesk {

ProfileRecords::ProfileRecords(const QString &databasePath, qint64 profileId, QObject *parent)
    : DatabaseWorker(databasePath, QStringLiteral("profile-records"), parent)
    , m_profileId(profileId)
    , m_saved(std::make_shared<Saved>())
{}

void ProfileRecords::loadSubscriptions(SubscriptionsCallback done)
{
    post([profileId = m_profileId, saved = m_saved,
          done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        QList<StoredSubscription> rows;
        if (!error.isError())
            rows = SubscriptionStore(connection).list(profileId, &error);
        if (!error.isError()) {
            saved->rows.clear();
            for (const StoredSubscription &s : rows)
                saved->rows.insert(s.id, s);
        }
        return std::function<void()>([done, rows, error] { done(rows, error); });
    });
}

void ProfileRecords::saveSubscriptions(const QList<KeyedSubscription> &rows, SavedCallback done)
{
    post([profileId = m_profileId, saved = m_saved, rows,
          done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        if (!error.isError())
            error = connection.transaction([&] { return save(connection, *saved, rows); });
        QHash<quint64, qint64> ids = saved->idsByKey;
        if (error.isError()) {
            // Rolled back: what the worker believed written is read again on the next save.
            saved->rows.clear();
            saved->idsByKey.clear();
            StorageError listError;
            for (const StoredSubscription &s :
                 SubscriptionStore(connection).list(profileId, &listError))
                saved->rows.insert(s.id, s);
        }
        return std::function<void()>([done, ids, error] {
            if (done)
                done(ids, error);
        });
    });
}

StorageError ProfileRecords::save(const DatabaseConnection &connection, Saved &saved,
                                  const QList<KeyedSubscription> &rows)
{
    const SubscriptionStore store(connection);
    QSet<qint64> present;
    for (const KeyedSubscription &keyed : rows) {
        StoredSubscription s = keyed.row;
        if (s.id == 0)
            s.id = saved.idsByKey.value(keyed.key, 0);
        if (s.id == 0) {
            StorageError error;
            s.id = store.add(s, &error);
            if (error.isError())
                return error;
            // add() appends after the last position; the row's place is written below.
            saved.rows.insert(s.id, StoredSubscription{});
        }
        saved.idsByKey.insert(keyed.key, s.id);
        present.insert(s.id);
        const auto it = saved.rows.constFind(s.id);
        StoredSubscription known = it == saved.rows.constEnd() ? StoredSubscription{} : *it;
        known.id = s.id;
        known.profileId = s.profileId;
        if (it == saved.rows.constEnd() || known != s) {
            if (StorageError error = store.update(s); error.isError())
                return error;
            saved.rows.insert(s.id, s);
        }
    }
    const QList<qint64> ids = saved.rows.keys();
    for (qint64 id : ids) {
        if (present.contains(id))
            continue;
        if (StorageError error = store.remove(id); error.isError())
            return error;
        saved.rows.remove(id);
    }
    for (auto it = saved.idsByKey.begin(); it != saved.idsByKey.end();) {
        if (present.contains(it.value()))
            ++it;
        else
            it = saved.idsByKey.erase(it);
    }
    return {};
}

void ProfileRecords::loadPublishHistory(int limit, PublishHistoryCallback done)
{
    post([profileId = m_profileId, limit, done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        QList<PublishHistoryEntry> entries;
        if (!error.isError())
            entries = PublishHistoryStore(connection).list(profileId, limit, &error);
        return std::function<void()>([done, entries, error] { done(entries, error); });
    });
}

void ProfileRecords::recordPublish(const PublishHistoryEntry &entry, DoneCallback done)
{
    post([entry, done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        if (!error.isError())
            PublishHistoryStore(connection).record(entry, &error);
        return std::function<void()>([done, error] {
            if (done)
                done(error);
        });
    });
}

void ProfileRecords::loadDecodingRules(DecodingRulesCallback done)
{
    post([profileId = m_profileId, done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        DecodingRules rules;
        if (!error.isError())
            rules = DecodingRuleStore(connection).load(profileId, &error);
        return std::function<void()>([done, rules, error] { done(rules, error); });
    });
}

void ProfileRecords::saveDecodingRules(const DecodingRules &rules, DoneCallback done)
{
    post([profileId = m_profileId, rules, done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        if (!error.isError())
            error = DecodingRuleStore(connection).save(profileId, rules);
        return std::function<void()>([done, error] {
            if (done)
                done(error);
        });
    });
}

void ProfileRecords::loadChartPanels(ChartPanelsCallback done)
{
    post([profileId = m_profileId, done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        QList<QJsonObject> panels;
        if (!error.isError())
            panels = ChartPanelStore(connection).load(profileId, &error);
        return std::function<void()>([done, panels, error] { done(panels, error); });
    });
}

void ProfileRecords::saveChartPanels(const QList<QJsonObject> &panels, DoneCallback done)
{
    post([profileId = m_profileId, panels, done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        if (!error.isError())
            error = ChartPanelStore(connection).save(profileId, panels);
        return std::function<void()>([done, error] {
            if (done)
                done(error);
        });
    });
}

void ProfileRecords::loadSnapshots(SnapshotsCallback done)
{
    post([profileId = m_profileId, done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        QList<StoredRetainedSnapshot> list;
        if (!error.isError())
            list = RetainedSnapshotStore(connection).list(profileId, &error);
        return std::function<void()>([done, list, error] { done(list, error); });
    });
}

void ProfileRecords::saveSnapshot(const RetainedSnapshot &snapshot, SnapshotSavedCallback done)
{
    post([profileId = m_profileId, snapshot,
          done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        qint64 id = 0;
        if (!error.isError()) {
            StoredRetainedSnapshot row;
            row.profileId = profileId;
            row.name = snapshot.name;
            row.filter = snapshot.filter;
            row.broker = snapshot.broker;
            row.takenAtMs = snapshot.takenAt.toMSecsSinceEpoch();
            row.topicCount = int(snapshot.topics.size());
            row.body = snapshot.toJson();
            id = RetainedSnapshotStore(connection).add(row, &error);
        }
        return std::function<void()>([done, id, error] {
            if (done)
                done(id, error);
        });
    });
}

void ProfileRecords::loadSnapshot(qint64 id, SnapshotCallback done)
{
    post([id, done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        std::optional<RetainedSnapshot> snapshot;
        QString why;
        if (!error.isError()) {
            const StoredRetainedSnapshot row = RetainedSnapshotStore(connection).load(id, &error);
            if (!error.isError() && row.id == 0)
                why = tr("The snapshot is no longer stored.");
            else if (!error.isError()) {
                auto parsed = RetainedSnapshot::fromJson(row.body);
                if (auto *ok = std::get_if<RetainedSnapshot>(&parsed)) {
                    snapshot = std::move(*ok);
                    snapshot->name = row.name; // a rename changes the row, not the body
                } else {
                    why = std::get<RetainedSnapshotError>(parsed).toString();
                }
            }
        }
        if (error.isError())
            why = error.message;
        return std::function<void()>([done, snapshot, why] { done(snapshot, why); });
    });
}

void ProfileRecords::renameSnapshot(qint64 id, const QString &name, DoneCallback done)
{
    post([id, name, done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        if (!error.isError())
            error = RetainedSnapshotStore(connection).rename(id, name);
        return std::function<void()>([done, error] {
            if (done)
                done(error);
        });
    });
}

void ProfileRecords::removeSnapshot(qint64 id, DoneCallback done)
{
    post([id, done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        if (!error.isError())
            error = RetainedSnapshotStore(connection).remove(id);
        return std::function<void()>([done, error] {
            if (done)
                done(error);
        });
    });
}

} // namespace mqttdesk
