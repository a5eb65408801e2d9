#include "core/storage/message_batch_writer.h"

#include "core/storage/message_eraser.h"

#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

namespace mqttdesk {

namespace {
// Bounded so that a flood of unique topics cannot grow the writer's memory.
constexpr qsizetype kTopicCacheLimit = 200000;
} // namespace

// The per-row statements are raw sqlite3 statements on the QSQLITE connection's handle:
// QSqlQuery costs a QVariant per bound value and bookkeeping per exec, about 40% of the
// per-row time. Everything that is not per row stays on QtSql.
class RawStatement
{
public:
    RawStatement() = default;
    ~RawStatement() { sqlite3_finalize(m_statement); }
    RawStatement(const RawStatement &) = delete;
    RawStatement &operator=(const RawStatement &) = delete;

    int prepare(sqlite3 *db, const char *sql)
    {
        return sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr);
    }
    void bind(int index, qint64 value) { sqlite3_bind_int64(m_statement, index, value); }
    void bindNull(int index) { sqlite3_bind_null(m_statement, index); }
    // The bytes must outlive step(): the batch keeps the messages alive.
    void bindBlob(int index, const QByteArray &bytes)
    {
        if (bytes.isEmpty())
            sqlite3_bind_null(m_statement, index);
        else
            sqlite3_bind_blob64(m_statement, index, bytes.constData(), quint64(bytes.size()),
                                SQLITE_STATIC);
    }
    void bindText(int index, const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text64(m_statement, index, utf8.constData(), quint64(utf8.size()),
                            SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    // SQLITE_DONE on success, the result code otherwise.
    int step()
    {
        const int rc = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        return rc;
    }

private:
    sqlite3_stmt *m_statement = nullptr;
};

struct MessageBatchWriter::Statements
{
    explicit Statements(const QSqlDatabase &db)
        : findTopic(db)
        , insertTopic(db)
        , saveCounter(db)
        , oldest(db)
    {}
    RawStatement insertMessage;
    RawStatement insertBlob;
    RawStatement updateOutgoing;
    QSqlQuery findTopic;
    QSqlQuery insertTopic;
    QSqlQuery saveCounter;
    QSqlQuery oldest;
};

MessageBatchWriter::MessageBatchWriter(const QString &path,
                                       const DatabaseConnection::Options &options)
    : m_path(path)
    , m_options(options)
{}

MessageBatchWriter::~MessageBatchWriter()
{
    m_statements.reset();
    m_indexer.reset();
    m_connection.reset();
}

StorageError MessageBatchWriter::open()
{
    m_statements.reset();
    m_indexer.reset();
    m_connection.reset();
    m_topicIds.clear();
    m_topicCacheSize = 0;
    m_connection =
        std::make_unique<DatabaseConnection>(m_path, QStringLiteral("writer"), m_options);
    if (!m_connection->isOpen())
        return m_connection->error();
    StorageError error;
    m_nextId = m_connection
                   ->scalar(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM messages"), &error)
                   .toLongLong();
    if (error.isError())
        return error;

    auto statements = std::make_unique<Statements>(m_connection->database());
    const struct
    {
        QSqlQuery *query;
        QString sql;
    } all[] = {
        {&statements->findTopic,
         QStringLiteral("SELECT id FROM topics WHERE profile_id = ? AND name = ?")},
        {&statements->insertTopic,
         QStringLiteral("INSERT INTO topics(profile_id, name) VALUES (?, ?)")},
        {&statements->saveCounter,
         QStringLiteral("INSERT INTO profile_counters(profile_id, received, stored, dropped, bytes)"
                        " VALUES (?, ?, ?, ?, ?) ON CONFLICT(profile_id) DO UPDATE SET"
                        " received = excluded.received, stored = excluded.stored,"
                        " dropped = excluded.dropped, bytes = excluded.bytes")},
        // The oldest rows are normally indexed; the unindexed tail only matters when the
        // indexer has not caught up with any row of the profile yet.
        {&statements->oldest,
         QStringLiteral(
             "SELECT id, size, time_us FROM (SELECT m.id, m.size, m.time_us"
             " FROM message_profiles p JOIN messages m ON m.id = p.id WHERE p.profile_id = ?"
             " ORDER BY p.id LIMIT ?) UNION ALL SELECT * FROM (SELECT id, size, time_us"
             " FROM messages WHERE id > (SELECT indexed_upto FROM message_index_state"
             " WHERE id = 1) AND profile_id = ? ORDER BY id LIMIT ?) ORDER BY 1 LIMIT ?")},
    };
    for (const auto &entry : all) {
        entry.query->setForwardOnly(true);
        if (!entry.query->prepare(entry.sql))
            return m_connection->errorFrom(*entry.query);
    }
    const QVariant handle = m_connection->database().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return StorageError::make(StorageError::Kind::OpenFailed, m_path,
                                  QStringLiteral("QSQLITE driver handle is not sqlite3*"));
    m_handle = *static_cast<sqlite3 *const *>(handle.constData());
    const struct
    {
        RawStatement *statement;
        const char *sql;
    } raw[] = {
        {&statements->insertMessage,
         "INSERT INTO messages(id, profile_id, topic_id, flags, time_us, size,"
         " subscription_id, packet_id, properties, payload, publish_stage, publish_reason,"
         " publish_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
        {&statements->insertBlob, "INSERT INTO message_blobs(message_id, data) VALUES (?, ?)"},
        {&statements->updateOutgoing,
         "UPDATE messages SET publish_stage = ?, publish_reason = ?, publish_error = ?,"
         " packet_id = coalesce(?, packet_id) WHERE id = ? AND (flags & 1) <> 0"},
    };
    for (const auto &entry : raw) {
        const int rc = entry.statement->prepare(m_handle, entry.sql);
        if (rc != SQLITE_OK)
            return rawError(rc);
    }
    m_indexer = std::make_unique<MessageIndexer>(*m_connection);
    error = m_indexer->load();
    if (error.isError())
        return error;
    m_statements = std::move(statements);
    return {};
}

qint64 MessageBatchWriter::unindexedRows() const
{
    return m_indexer ? qMax<qint64>(0, m_nextId - 1 - m_indexer->indexedUpTo()) : 0;
}

StorageError MessageBatchWriter::indexPending(qint64 maxRows)
{
    return m_indexer->indexChunk(m_nextId - 1, maxRows);
}

StorageError MessageBatchWriter::rawError(int resultCode) const
{
    return StorageError::fromSqliteCode(resultCode, m_path,
                                        QString::fromUtf8(sqlite3_errmsg(m_handle)));
}

StorageError MessageBatchWriter::begin()
{
    m_nextIdAtBegin = m_nextId;
    // IMMEDIATE: see DatabaseConnection::begin().
    return m_connection->exec(QStringLiteral("BEGIN IMMEDIATE"));
}

StorageError MessageBatchWriter::commit()
{
    QSqlDatabase db = m_connection->database();
    if (!db.commit()) {
        const StorageError error = StorageError::fromSql(db.lastError(), m_path);
        rollback();
        return error;
    }
    return {};
}

StorageError MessageBatchWriter::eraseProfile(qint64 profileId)
{
    const auto cached = m_topicIds.constFind(profileId);
    if (cached != m_topicIds.cend()) {
        m_topicCacheSize -= cached->size();
        m_topicIds.erase(cached);
    }
    return MessageEraser::eraseProfile(*m_connection, profileId);
}

void MessageBatchWriter::rollback()
{
    m_connection->database().rollback();
    // Ids and topic ids handed out inside the failed transaction do not exist.
    m_nextId = m_nextIdAtBegin;
    m_topicIds.clear();
    m_topicCacheSize = 0;
}

qint64 MessageBatchWriter::topicId(qint64 profileId, const QString &topic, StorageError &error)
{
    auto &perProfile = m_topicIds[profileId];
    const auto it = perProfile.constFind(topic);
    if (it != perProfile.constEnd())
        return it.value();
    QSqlQuery &find = m_statements->findTopic;
    find.bindValue(0, profileId);
    find.bindValue(1, topic);
    qint64 id = 0;
    if (!find.exec()) {
        error = m_connection->errorFrom(find);
        return 0;
    }
    if (find.next()) {
        id = find.value(0).toLongLong();
    } else {
        QSqlQuery &insert = m_statements->insertTopic;
        insert.bindValue(0, profileId);
        insert.bindValue(1, topic);
        if (!insert.exec()) {
            error = m_connection->errorFrom(insert);
            find.finish();
            return 0;
        }
        id = insert.lastInsertId().toLongLong();
    }
    find.finish();
    if (m_topicCacheSize >= kTopicCacheLimit) {
        m_topicIds.clear();
        m_topicCacheSize = 0;
    }
    m_topicIds[profileId].insert(topic, id);
    ++m_topicCacheSize;
    return id;
}

StorageError MessageBatchWriter::updateOutgoing(qint64 id, const StoredMessage &state)
{
    RawStatement &update = m_statements->updateOutgoing;
    if (state.publishStage)
        update.bind(1, qint64(*state.publishStage));
    else
        update.bindNull(1);
    if (state.publishReason)
        update.bind(2, qint64(*state.publishReason));
    else
        update.bindNull(2);
    if (state.publishError.isEmpty())
        update.bindNull(3);
    else
        update.bindText(3, state.publishError);
    if (state.packetId)
        update.bind(4, qint64(*state.packetId));
    else
        update.bindNull(4);
    update.bind(5, id);
    const int rc = update.step();
    return rc == SQLITE_DONE ? StorageError{} : rawError(rc);
}

StorageError MessageBatchWriter::insert(std::vector<StoredMessage> &batch,
                                        QList<Appended> &appended)
{
    RawStatement &insert = m_statements->insertMessage;
    RawStatement &blob = m_statements->insertBlob;
    for (StoredMessage &message : batch) {
        StorageError error;
        const qint64 topic = topicId(message.profileId, message.topic, error);
        if (error.isError())
            return error;
        message.id = m_nextId++;
        message.payloadSize = message.payload.size();
        const int flags = message.flags();
        const bool large = flags & StoredMessage::FlagLarge;
        insert.bind(1, message.id);
        insert.bind(2, message.profileId);
        insert.bind(3, topic);
        insert.bind(4, flags);
        insert.bind(5, message.receivedUs);
        insert.bind(6, message.payloadSize);
        if (message.subscriptionId)
            insert.bind(7, *message.subscriptionId);
        else
            insert.bindNull(7);
        if (message.packetId)
            insert.bind(8, *message.packetId);
        else
            insert.bindNull(8);
        insert.bindBlob(9, message.properties);
        if (large)
            insert.bindNull(10);
        else
            insert.bindBlob(10, message.payload);
        if (message.publishStage) {
            insert.bind(11, qint64(*message.publishStage));
            if (message.publishReason)
                insert.bind(12, qint64(*message.publishReason));
            else
                insert.bindNull(12);
            if (message.publishError.isEmpty())
                insert.bindNull(13);
            else
                insert.bindText(13, message.publishError);
        } else {
            insert.bindNull(11);
            insert.bindNull(12);
            insert.bindNull(13);
        }
        int rc = insert.step();
        if (rc != SQLITE_DONE)
            return rawError(rc);
        // The full-text and topic indexes are filled later, in chunks (MessageIndexer).
        if (large) {
            blob.bind(1, message.id);
            blob.bindBlob(2, message.payload);
            rc = blob.step();
        }
        if (rc != SQLITE_DONE)
            return rawError(rc);
        // Batches mostly hold one profile: a short linear search beats a hash here.
        Appended *entry = nullptr;
        for (Appended &candidate : appended) {
            if (candidate.profileId == message.profileId) {
                entry = &candidate;
                break;
            }
        }
        if (!entry) {
            appended.append(Appended{message.profileId, message.id, message.id, 0, 0});
            entry = &appended.last();
        }
        entry->lastId = message.id;
        ++entry->count;
        entry->bytes += message.payloadSize;
    }
    return {};
}

StorageError MessageBatchWriter::saveCounters(const QHash<qint64, ProfileCounters> &counters)
{
    QSqlQuery &save = m_statements->saveCounter;
    for (auto it = counters.cbegin(); it != counters.cend(); ++it) {
        save.bindValue(0, it.key());
        save.bindValue(1, it->received);
        save.bindValue(2, it->stored);
        save.bindValue(3, it->dropped);
        save.bindValue(4, it->bytes);
        if (!save.exec())
            return m_connection->errorFrom(save);
    }
    return {};
}

StorageError MessageBatchWriter::trim(qint64 profileId, const RetentionPolicy &policy,
                                      const ProfileCounters &counters, qint64 nowUs, int chunk,
                                      Removed &removed)
{
    removed = Removed{profileId, 0, 0, 0};
    if (policy.isUnlimited() || counters.stored <= 0)
        return {};
    const qint64 countExcess = policy.maxCount > 0 ? counters.stored - policy.maxCount : 0;
    const qint64 bytesExcess = policy.maxBytes > 0 ? counters.bytes - policy.maxBytes : 0;
    const qint64 cutoffUs = policy.maxAgeUs > 0 ? nowUs - policy.maxAgeUs : 0;
    if (countExcess <= 0 && bytesExcess <= 0 && policy.maxAgeUs <= 0)
        return {};

    // The oldest rows, in id order: delete the longest prefix that any budget asks for.
    QSqlQuery &oldest = m_statements->oldest;
    oldest.bindValue(0, profileId);
    oldest.bindValue(1, chunk);
    oldest.bindValue(2, profileId);
    oldest.bindValue(3, chunk);
    oldest.bindValue(4, chunk);
    if (!oldest.exec())
        return m_connection->errorFrom(oldest);
    qint64 rows = 0;
    qint64 bytes = 0;
    while (oldest.next()) {
        const qint64 size = oldest.value(1).toLongLong();
        const qint64 time = oldest.value(2).toLongLong();
        const bool overCount = rows < countExcess;
        const bool overBytes = bytes < bytesExcess;
        const bool tooOld = policy.maxAgeUs > 0 && time < cutoffUs;
        if (!overCount && !overBytes && !tooOld)
            break;
        ++rows;
        bytes += size;
        removed.upToId = oldest.value(0).toLongLong();
    }
    oldest.finish();
    if (rows == 0)
        return {};
    const StorageError error = MessageEraser::eraseUpTo(*m_connection, profileId, removed.upToId);
    if (error.isError())
        return error;
    removed.count = rows;
    removed.bytes = bytes;
    return {};
}

} // namespace mqttdesk
