#include "core/storage/schema_migrations.h"

#include "core/storage/database_connection.h"

#include <QSqlDatabase>
#include <QSqlError>

namespace mqttdesk {

namespace {

// Version 1: profiles, their subscriptions and publish history. Profile data is the JSON
// of the connection profile, opaque here; no secret is ever stored in it by this layer.
QStringList version1()
{
    return {
        QStringLiteral("CREATE TABLE profiles ("
                       " id INTEGER PRIMARY KEY,"
                       " uuid TEXT NOT NULL UNIQUE,"
                       " folder TEXT NOT NULL DEFAULT '',"
                       " position INTEGER NOT NULL DEFAULT 0,"
                       " name TEXT NOT NULL,"
                       " data TEXT NOT NULL DEFAULT '{}')"),
        QStringLiteral("CREATE TABLE subscriptions ("
                       " id INTEGER PRIMARY KEY,"
                       " profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
                       " filter TEXT NOT NULL,"
                       " qos INTEGER NOT NULL DEFAULT 0,"
                       " options TEXT NOT NULL DEFAULT '{}',"
                       " alias TEXT NOT NULL DEFAULT '',"
                       " colour TEXT NOT NULL DEFAULT '',"
                       " enabled INTEGER NOT NULL DEFAULT 1,"
                       " payload_format TEXT NOT NULL DEFAULT '',"
                       " position INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX subscriptions_profile ON subscriptions(profile_id, position)"),
        QStringLiteral("CREATE TABLE publish_history ("
                       " id INTEGER PRIMARY KEY,"
                       " profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
                       " topic TEXT NOT NULL,"
                       " payload BLOB NOT NULL,"
                       " qos INTEGER NOT NULL,"
                       " retain INTEGER NOT NULL,"
                       " properties BLOB NOT NULL,"
                       " last_used_us INTEGER NOT NULL,"
                       " use_count INTEGER NOT NULL DEFAULT 1,"
                       " UNIQUE(profile_id, topic, payload, qos, retain, properties))"),
        QStringLiteral(
            "CREATE INDEX publish_history_recent ON publish_history(profile_id, last_used_us)"),
    };
}

// Version 2: the message history. Topics are interned per profile (a message row holds a
// small topic id) which keeps rows small and lets topic-filter queries walk the
// (topic_id, id) index. Payloads over 64 KiB live in message_blobs so list scans stay fast.
// flags: bit0 outgoing, bits1-2 QoS, bit3 retain, bit4 DUP, bit5 text (valid UTF-8; inline
// only until version 7, see there), bit6 payload in message_blobs.
QStringList version2()
{
    return {
        QStringLiteral("CREATE TABLE topics ("
                       " id INTEGER PRIMARY KEY,"
                       " profile_id INTEGER NOT NULL,"
                       " name TEXT NOT NULL,"
                       " UNIQUE(profile_id, name))"),
        QStringLiteral("CREATE TABLE messages ("
                       " id INTEGER PRIMARY KEY,"
                       " profile_id INTEGER NOT NULL,"
                       " topic_id INTEGER NOT NULL,"
                       " flags INTEGER NOT NULL,"
                       " time_us INTEGER NOT NULL,"
                       " size INTEGER NOT NULL,"
                       " subscription_id INTEGER,"
                       " packet_id INTEGER,"
                       " properties BLOB,"
                       " payload BLOB)"),
        QStringLiteral("CREATE INDEX messages_profile ON messages(profile_id, id)"),
        QStringLiteral("CREATE INDEX messages_topic ON messages(topic_id, id)"),
        QStringLiteral("CREATE INDEX messages_time ON messages(profile_id, time_us)"),
        QStringLiteral("CREATE TABLE message_blobs ("
                       " message_id INTEGER PRIMARY KEY,"
                       " data BLOB NOT NULL)"),
        QStringLiteral("CREATE TRIGGER messages_blob_delete AFTER DELETE ON messages"
                       " WHEN old.flags & 64 BEGIN"
                       " DELETE FROM message_blobs WHERE message_id = old.id; END"),
        QStringLiteral("CREATE TABLE profile_counters ("
                       " profile_id INTEGER PRIMARY KEY,"
                       " received INTEGER NOT NULL DEFAULT 0,"
                       " stored INTEGER NOT NULL DEFAULT 0,"
                       " dropped INTEGER NOT NULL DEFAULT 0,"
                       " bytes INTEGER NOT NULL DEFAULT 0)"),
        // 0 means unlimited for each budget.
        QStringLiteral("CREATE TABLE retention ("
                       " profile_id INTEGER PRIMARY KEY,"
                       " max_count INTEGER NOT NULL DEFAULT 0,"
                       " max_bytes INTEGER NOT NULL DEFAULT 0,"
                       " max_age_us INTEGER NOT NULL DEFAULT 0)"),
    };
}

// Version 3: full-text search over the payload of text messages. The index is
// external-content (the text stays in messages.payload only). It is kept in step by the
// code that writes and deletes messages (MessageBatchWriter, MessageEraser), not by
// triggers: an FTS5 insert inside a trigger flushes the index once per row, which made
// writing eight times slower. Existing text rows are indexed by the backfill.
QStringList version3()
{
    return {
        QStringLiteral("CREATE VIRTUAL TABLE message_fts USING fts5("
                       "payload, content='messages', content_rowid='id', columnsize=0)"),
        QStringLiteral("INSERT INTO message_fts(rowid, payload)"
                       " SELECT id, payload FROM messages WHERE flags & 32"),
    };
}

// Version 4: deferred indexing. Each secondary index on messages roughly halved the insert
// rate (the (topic_id, id) one far more: with 1,000 topics each 1,000-row commit rewrote
// ~1,000 of its pages), and the FTS insert tripled the per-row cost. So the write path now
// only appends rows to messages (rowid order), and MessageIndexer fills the read indexes
// later, in large sorted chunks: message_profiles (profile_id, id), message_times
// (profile_id, time_us, id), message_topics (topic_id, id) and message_fts. It records how
// far it got in message_index_state; readers scan the not-yet-indexed tail (id above the
// watermark, a rowid range) directly, so no row is ever missing from a result.
QStringList version4()
{
    return {
        QStringLiteral("DROP INDEX messages_profile"),
        QStringLiteral("DROP INDEX messages_topic"),
        QStringLiteral("DROP INDEX messages_time"),
        QStringLiteral("CREATE TABLE message_profiles ("
                       " profile_id INTEGER NOT NULL,"
                       " id INTEGER NOT NULL,"
                       " PRIMARY KEY(profile_id, id)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE message_times ("
                       " profile_id INTEGER NOT NULL,"
                       " time_us INTEGER NOT NULL,"
                       " id INTEGER NOT NULL,"
                       " PRIMARY KEY(profile_id, time_us, id)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE message_topics ("
                       " topic_id INTEGER NOT NULL,"
                       " id INTEGER NOT NULL,"
                       " PRIMARY KEY(topic_id, id)) WITHOUT ROWID"),
        QStringLiteral("INSERT INTO message_profiles(profile_id, id)"
                       " SELECT profile_id, id FROM messages ORDER BY profile_id, id"),
        QStringLiteral("INSERT INTO message_times(profile_id, time_us, id)"
                       " SELECT profile_id, time_us, id FROM messages"
                       " ORDER BY profile_id, time_us, id"),
        QStringLiteral("INSERT INTO message_topics(topic_id, id)"
                       " SELECT topic_id, id FROM messages ORDER BY topic_id, id"),
        QStringLiteral("CREATE TABLE message_index_state ("
                       " id INTEGER PRIMARY KEY CHECK (id = 1),"
                       " indexed_upto INTEGER NOT NULL)"),
        // Version 3 kept message_fts complete, so everything stored so far is indexed.
        QStringLiteral("INSERT INTO message_index_state(id, indexed_upto)"
                       " SELECT 1, coalesce(max(id), 0) FROM messages"),
    };
}

// Version 5: decoding rules, per profile: which decoder (and its options, JSON) shows the
// messages of a topic filter. `position` is the rule's place in its ordered list; the first
// matching rule wins (DecodingRules). They go with their profile.
QStringList version5()
{
    return {
        QStringLiteral("CREATE TABLE decoding_rules ("
                       " profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL,"
                       " filter TEXT NOT NULL,"
                       " decoder TEXT NOT NULL,"
                       " options TEXT NOT NULL DEFAULT '{}',"
                       " PRIMARY KEY(profile_id, position)) WITHOUT ROWID"),
    };
}

// Version 6: outgoing messages are stored when sent and keep how far the publish got
// (StoredMessage::publishStage); NULL for received messages.
QStringList version6()
{
    return {
        QStringLiteral("ALTER TABLE messages ADD COLUMN publish_stage INTEGER"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN publish_reason INTEGER"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN publish_error TEXT"),
    };
}

// Version 7: words are found in large text payloads too. Their text lives in message_blobs,
// so the full-text index now takes its content from a view of every text row's payload,
// wherever it is kept, and the index is built again over it up to the indexer's
// watermark (MessageIndexer goes on from there). Rows stored before this version have the
// text flag only when inline: their large payloads are found by a regular expression.
QStringList version7()
{
    return {
        QStringLiteral("CREATE VIEW message_text AS SELECT m.id AS id,"
                       " coalesce(m.payload, (SELECT b.data FROM message_blobs b"
                       " WHERE b.message_id = m.id)) AS payload"
                       " FROM messages m WHERE m.flags & 32"),
        QStringLiteral("DROP TABLE message_fts"),
        QStringLiteral("CREATE VIRTUAL TABLE message_fts USING fts5("
                       "payload, content='message_text', content_rowid='id', columnsize=0)"),
        QStringLiteral("INSERT INTO message_fts(rowid, payload) SELECT id, payload"
                       " FROM message_text WHERE id <="
                       " (SELECT indexed_upto FROM message_index_state WHERE id = 1)"),
    };
}

// Version 8: retained snapshots (what a broker retained under a filter at one moment), per
// profile, named and time-stamped. `body` is the snapshot's own versioned JSON
// (RetainedSnapshot), so a stored snapshot and an exported file are the same bytes; the
// other columns are what the list of snapshots shows without reading the bodies.
QStringList version8()
{
    return {
        QStringLiteral("CREATE TABLE retained_snapshots ("
                       " id INTEGER PRIMARY KEY,"
                       " profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
                       " name TEXT NOT NULL,"
                       " filter TEXT NOT NULL,"
                       " broker TEXT NOT NULL DEFAULT '',"
                       " taken_at_ms INTEGER NOT NULL,"
                       " topic_count INTEGER NOT NULL,"
                       " body BLOB NOT NULL)"),
        QStringLiteral("CREATE INDEX retained_snapshots_profile"
                       " ON retained_snapshots(profile_id, taken_at_ms)"),
    };
}

// Version 9: per received topic, what the topic tree is rebuilt from (count, newest row,
// newest time, newest retained row), kept by the indexer for the rows it has indexed, so a
// connection with a long history opens its Topics view by reading one row per topic plus
// the unindexed tail rather than every message. Outgoing messages are not counted.
QStringList version9()
{
    return {
        QStringLiteral("CREATE TABLE topic_stats ("
                       " topic_id INTEGER PRIMARY KEY,"
                       " profile_id INTEGER NOT NULL,"
                       " received INTEGER NOT NULL,"
                       " last_id INTEGER NOT NULL,"
                       " last_us INTEGER NOT NULL,"
                       " retained_id INTEGER)"),
        QStringLiteral("CREATE INDEX topic_stats_profile ON topic_stats(profile_id)"),
        QStringLiteral("INSERT INTO topic_stats(topic_id, profile_id, received, last_id, last_us,"
                       " retained_id)"
                       " SELECT topic_id, profile_id, count(*), max(id), max(time_us),"
                       " max(CASE WHEN flags & 8 THEN id END) FROM messages"
                       " WHERE (flags & 1) = 0 AND id <="
                       " (SELECT indexed_upto FROM message_index_state WHERE id = 1)"
                       " GROUP BY topic_id"),
    };
}

// Version 10: chart panels, per profile, in their order. `body` is the panel's own
// versioned JSON (ChartPanel in core/series: its series, time range and axes), so storage
// keeps charts without knowing what they plot. They go with their profile.
QStringList version10()
{
    return {
        QStringLiteral("CREATE TABLE chart_panels ("
                       " profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL,"
                       " body TEXT NOT NULL,"
                       " PRIMARY KEY(profile_id, position)) WITHOUT ROWID"),
    };
}

} // namespace

const QList<SchemaMigrations::Step> &SchemaMigrations::steps()
{
    static const QList<Step> kSteps{
        {1, version1()}, {2, version2()}, {3, version3()}, {4, version4()}, {5, version5()},
        {6, version6()}, {7, version7()}, {8, version8()}, {9, version9()}, {10, version10()}};
    return kSteps;
}

int SchemaMigrations::latestVersion()
{
    return steps().constLast().version;
}

int SchemaMigrations::currentVersion(const DatabaseConnection &connection, StorageError *error)
{
    return connection.scalar(QStringLiteral("PRAGMA user_version"), error).toInt();
}

StorageError SchemaMigrations::migrate(const DatabaseConnection &connection, int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = latestVersion();
    StorageError error;
    const int current = currentVersion(connection, &error);
    if (error.isError())
        return error;
    if (current > latestVersion())
        return StorageError::make(StorageError::Kind::SchemaTooNew, connection.path(),
                                  QStringLiteral("user_version %1").arg(current));
    QSqlDatabase db = connection.database();
    for (const Step &step : steps()) {
        if (step.version <= current || step.version > targetVersion)
            continue;
        if (!db.transaction())
            return StorageError::fromSql(db.lastError(), connection.path());
        StorageError stepError;
        for (const QString &sql : step.statements) {
            stepError = connection.exec(sql);
            if (stepError.isError())
                break;
        }
        if (!stepError.isError())
            stepError =
                connection.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version));
        if (stepError.isError()) {
            db.rollback();
            // Disk-full and read-only keep their own kind: they tell the user what to do.
            if (!stepError.stopsWriting())
                stepError = StorageError::make(StorageError::Kind::MigrationFailed,
                                               connection.path(), stepError.detail);
            return stepError;
        }
        if (!db.commit())
            return StorageError::fromSql(db.lastError(), connection.path());
    }
    return {};
}

} // namespace mqttdesk
