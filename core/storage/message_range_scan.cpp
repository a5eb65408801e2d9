#include "core/storage/message_range_scan.h"

#include "core/storage/database_connection.h"
#include "core/storage/stored_message.h"

#include <QSqlDatabase>
#include <QSqlDriver>

#include <sqlite3.h>

#include <algorithm>
#include <vector>

namespace mqttdesk {

namespace {

// PerTopic holds 16 bytes per row in memory (bounded here) and touches each row twice (its
// key, then the row by rowid), where ByTime touches every row of the profile in the range
// once: PerTopic is chosen when the topics' rows are fewer than a third of those.
constexpr qint64 kPerTopicMaxRows = 250000;
constexpr qsizetype kPerTopicMaxTopics = 64;
constexpr qint64 kPerTopicCostFactor = 3;

// ByTime: the (profile_id, time_us, id) index yields the order asked for, so there is no
// sort and nothing is held in memory. CROSS JOIN keeps the index as the outer loop:
//   SEARCH t USING PRIMARY KEY (profile_id=? AND time_us>? AND time_us<?)
//   SEARCH m USING INTEGER PRIMARY KEY (rowid=?)
constexpr char kByTime[] = "SELECT m.id, m.time_us, m.topic_id, m.flags, m.payload"
                           " FROM message_times t CROSS JOIN messages m ON m.id = t.id"
                           " WHERE t.profile_id = ?1 AND t.time_us >= ?2 AND t.time_us <= ?3";
constexpr char kByTimeOrder[] = " ORDER BY t.time_us, t.id";
// PerTopic's keys, in id order (sorted afterwards: ids follow time only mostly):
//   SEARCH x USING PRIMARY KEY (topic_id=?)
//   SEARCH m USING INTEGER PRIMARY KEY (rowid=?)
constexpr char kTopicKeys[] =
    "SELECT m.time_us, m.id FROM message_topics x CROSS JOIN messages m ON m.id = x.id"
    " WHERE x.topic_id = ?1 AND m.profile_id = ?2 AND m.time_us >= ?3 AND m.time_us <= ?4";
// The rows the indexer has not reached, a rowid range the writer keeps short:
//   SEARCH m USING INTEGER PRIMARY KEY (rowid>?)
constexpr char kTailKeys[] = "SELECT m.time_us, m.id FROM messages m WHERE m.id > ?1"
                             " AND m.profile_id = ?2 AND m.time_us >= ?3 AND m.time_us <= ?4";
constexpr char kRowById[] = "SELECT topic_id, flags, payload FROM messages WHERE id = ?1";
constexpr char kBlob[] = "SELECT data FROM message_blobs WHERE message_id = ?1";
constexpr char kWatermark[] = "SELECT indexed_upto FROM message_index_state WHERE id = 1";
constexpr char kLastId[] = "SELECT coalesce(max(id), 0) FROM messages";
// The first and the last indexed row of the range: their id span estimates how many rows
// ByTime would walk (ids follow arrival, and so mostly time). Two index seeks.
constexpr char kFirstInRange[] = "SELECT id FROM message_times WHERE profile_id = ?1"
                                 " AND time_us >= ?2 ORDER BY time_us, id LIMIT 1";
constexpr char kLastInRange[] = "SELECT id FROM message_times WHERE profile_id = ?1"
                                " AND time_us <= ?2 ORDER BY time_us DESC, id DESC LIMIT 1";
// Counted only up to what PerTopic would take: a walk of the index alone, stopped early.
constexpr char kTopicCount[] =
    "SELECT count(*) FROM (SELECT 1 FROM message_topics WHERE topic_id = ?1 LIMIT ?2)";
constexpr char kFirstId[] =
    "SELECT coalesce((SELECT min(id) FROM message_profiles WHERE profile_id = ?1),"
    " (SELECT min(id) FROM messages WHERE id > (SELECT indexed_upto FROM message_index_state"
    " WHERE id = 1) AND profile_id = ?1), 0)";

struct Key
{
    qint64 timeUs = 0;
    qint64 id = 0;
    friend auto operator<=>(const Key &, const Key &) = default;
};

// One prepared statement, finalized with its owner (before the connection closes).
class Statement
{
public:
    Statement() = default;
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // Prepares `sql` unless it is what is prepared already.
    int prepare(sqlite3 *db, const QByteArray &sql)
    {
        if (m_statement && sql == m_sql)
            return SQLITE_OK;
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
        m_sql = sql;
        return sqlite3_prepare_v3(db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                  &m_statement, nullptr);
    }
    void bind(int index, qint64 value) { sqlite3_bind_int64(m_statement, index, value); }
    int step() { return sqlite3_step(m_statement); }
    void reset()
    {
        if (m_statement)
            sqlite3_reset(m_statement);
    }
    qint64 integer(int column) const { return sqlite3_column_int64(m_statement, column); }
    // Valid until the next step or reset.
    QByteArrayView blob(int column) const
    {
        const void *data = sqlite3_column_blob(m_statement, column);
        return {static_cast<const char *>(data), sqlite3_column_bytes(m_statement, column)};
    }
    QString text(int column) const
    {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
    }

private:
    sqlite3_stmt *m_statement = nullptr;
    QByteArray m_sql;
};

// Sorted, each once: a topic named twice is read once.
QList<qint64> uniqueIds(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

// "3,7" (numbers: nothing to quote).
QByteArray idList(const QList<qint64> &ids)
{
    QByteArray list;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            list += ',';
        list += QByteArray::number(ids.at(i));
    }
    return list;
}

// " AND m.topic_id IN (3,7)", or nothing for every topic.
QByteArray topicCondition(const QList<qint64> &ids)
{
    return ids.isEmpty() ? QByteArray() : " AND m.topic_id IN (" + idList(ids) + ')';
}

} // namespace

struct MessageRangeScan::Impl
{
    explicit Impl(const DatabaseConnection &c)
        : connection(c)
    {}

    StorageError fail(int resultCode) const
    {
        return StorageError::fromSqliteCode(resultCode, connection.path(),
                                            QString::fromUtf8(sqlite3_errmsg(db)));
    }
    // The first column of the first row (0 when there is none).
    qint64 integer(Statement &statement, StorageError &error)
    {
        const int rc = statement.step();
        qint64 value = 0;
        if (rc == SQLITE_ROW)
            value = statement.integer(0);
        else if (rc != SQLITE_DONE)
            error = fail(rc);
        statement.reset();
        return value;
    }
    Plan choose(const Range &range, StorageError &error);
    // scan() inside its read transaction; `range` has unique topic ids.
    qint64 run(const Range &range, const RowCallback &onRow, StorageError &error,
               qint64 &throughId);
    // Appends the keys `statement` yields; false on error.
    bool collect(Statement &statement, StorageError &error);
    // Reads `key`'s row by rowid and hands it over; false to stop (or on error).
    bool handKey(const Key &key, const RowCallback &onRow, StorageError &error);
    // The payload of the current row of `statement`: its column, or the side table's blob.
    QByteArrayView payload(const Statement &statement, int column, qint64 id, qint64 flags,
                           StorageError &error);
    void resetAll()
    {
        for (Statement *s : {&byTime, &tailKeys, &topicKeys, &rowById, &blob, &watermark, &lastId,
                             &firstInRange, &lastInRange, &topicCount, &firstId})
            s->reset();
    }

    const DatabaseConnection &connection;
    sqlite3 *db = nullptr; // owned by the QSQLITE connection
    StorageError openError;
    Statement byTime;   // its IN list varies: prepared again when the topics change
    Statement tailKeys; // likewise
    Statement topicKeys;
    Statement rowById;
    Statement blob;
    Statement watermark;
    Statement lastId;
    Statement firstInRange;
    Statement lastInRange;
    Statement topicCount;
    Statement firstId;
    std::vector<Key> keys; // kept between scans: its capacity is reused
};

MessageRangeScan::MessageRangeScan(const DatabaseConnection &connection)
    : d(std::make_unique<Impl>(connection))
{
    if (!connection.isOpen()) {
        d->openError = connection.error();
        return;
    }
    const QVariant handle = connection.database().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        d->openError = StorageError::make(StorageError::Kind::OpenFailed, connection.path(),
                                          QStringLiteral("QSQLITE driver handle is not sqlite3*"));
        return;
    }
    d->db = *static_cast<sqlite3 *const *>(handle.constData());
    const struct
    {
        Statement *statement;
        const char *sql;
    } fixed[] = {
        {&d->topicKeys, kTopicKeys},
        {&d->rowById, kRowById},
        {&d->blob, kBlob},
        {&d->watermark, kWatermark},
        {&d->lastId, kLastId},
        {&d->firstInRange, kFirstInRange},
        {&d->lastInRange, kLastInRange},
        {&d->topicCount, kTopicCount},
        {&d->firstId, kFirstId},
    };
    for (const auto &entry : fixed) {
        const int rc = entry.statement->prepare(d->db, QByteArray(entry.sql));
        if (rc != SQLITE_OK) {
            d->openError = d->fail(rc);
            d->db = nullptr;
            return;
        }
    }
}

MessageRangeScan::~MessageRangeScan() = default;

MessageRangeScan::Plan MessageRangeScan::Impl::choose(const Range &range, StorageError &error)
{
    if (range.topicIds.isEmpty() || range.topicIds.size() > kPerTopicMaxTopics ||
        range.fromUs > range.toUs)
        return Plan::ByTime;
    qint64 topicRows = 0;
    for (qint64 topic : range.topicIds) {
        topicCount.bind(1, topic);
        topicCount.bind(2, kPerTopicMaxRows + 1 - topicRows);
        topicRows += integer(topicCount, error);
        if (error.isError() || topicRows > kPerTopicMaxRows)
            return Plan::ByTime;
    }
    firstInRange.bind(1, range.profileId);
    firstInRange.bind(2, range.fromUs);
    const qint64 first = integer(firstInRange, error);
    lastInRange.bind(1, range.profileId);
    lastInRange.bind(2, range.toUs);
    const qint64 last = integer(lastInRange, error);
    if (error.isError() || first == 0 || last == 0)
        return Plan::ByTime; // nothing indexed in the range: ByTime reads nothing either
    const qint64 profileRows = qAbs(last - first) + 1;
    return topicRows * kPerTopicCostFactor < profileRows ? Plan::PerTopic : Plan::ByTime;
}

QByteArrayView MessageRangeScan::Impl::payload(const Statement &statement, int column, qint64 id,
                                               qint64 flags, StorageError &error)
{
    if (!(flags & StoredMessage::FlagLarge))
        return statement.blob(column);
    blob.reset();
    blob.bind(1, id);
    const int rc = blob.step();
    if (rc == SQLITE_ROW)
        return blob.blob(0);
    if (rc != SQLITE_DONE)
        error = fail(rc);
    return {};
}

bool MessageRangeScan::Impl::collect(Statement &statement, StorageError &error)
{
    int rc;
    while ((rc = statement.step()) == SQLITE_ROW)
        keys.push_back(Key{statement.integer(0), statement.integer(1)});
    statement.reset();
    if (rc != SQLITE_DONE)
        error = fail(rc);
    return rc == SQLITE_DONE;
}

bool MessageRangeScan::Impl::handKey(const Key &key, const RowCallback &onRow, StorageError &error)
{
    rowById.reset();
    rowById.bind(1, key.id);
    const int rc = rowById.step();
    if (rc == SQLITE_DONE)
        return true; // cannot happen inside one snapshot; nothing to hand
    if (rc != SQLITE_ROW) {
        error = fail(rc);
        return false;
    }
    Row row;
    row.id = key.id;
    row.timeUs = key.timeUs;
    row.topicId = rowById.integer(0);
    row.payload = payload(rowById, 2, key.id, rowById.integer(1), error);
    return !error.isError() && onRow(row);
}

qint64 MessageRangeScan::Impl::run(const Range &range, const RowCallback &onRow,
                                   StorageError &error, qint64 &throughId)
{
    const qint64 upTo = integer(watermark, error);
    throughId = integer(lastId, error);
    if (error.isError())
        return -1;
    // Rows stored since an earlier scan: the rowid range above it holds them all, indexed
    // or not, and is short.
    const bool newerOnly = range.afterId > 0;
    const Plan plan = newerOnly ? Plan::ByTime : choose(range, error);
    if (error.isError())
        return -1;
    const QByteArray topics = topicCondition(range.topicIds);
    keys.clear();
    int rc = tailKeys.prepare(db, kTailKeys + topics);
    if (rc != SQLITE_OK) {
        error = fail(rc);
        return -1;
    }
    tailKeys.bind(1, newerOnly ? range.afterId : upTo);
    tailKeys.bind(2, range.profileId);
    tailKeys.bind(3, range.fromUs);
    tailKeys.bind(4, range.toUs);
    if (!collect(tailKeys, error))
        return -1;
    if (plan == Plan::PerTopic && !newerOnly) {
        for (qint64 topic : range.topicIds) {
            topicKeys.bind(1, topic);
            topicKeys.bind(2, range.profileId);
            topicKeys.bind(3, range.fromUs);
            topicKeys.bind(4, range.toUs);
            if (!collect(topicKeys, error))
                return -1;
        }
    }
    // Usually in order already (one topic, times following arrival): checked first.
    if (!std::is_sorted(keys.begin(), keys.end()))
        std::sort(keys.begin(), keys.end());

    bool streaming = false;
    const auto stepStream = [&] {
        rc = byTime.step();
        streaming = rc == SQLITE_ROW;
        if (!streaming && rc != SQLITE_DONE)
            error = fail(rc);
        return !error.isError();
    };
    if (plan == Plan::ByTime && !newerOnly) {
        rc = byTime.prepare(db, kByTime + topics + kByTimeOrder);
        if (rc != SQLITE_OK) {
            error = fail(rc);
            return -1;
        }
        byTime.bind(1, range.profileId);
        byTime.bind(2, range.fromUs);
        byTime.bind(3, range.toUs);
        if (!stepStream())
            return -1;
    }
    // The time-ordered stream (ByTime) merged with the sorted keys, by (time, id).
    qint64 handed = 0;
    size_t next = 0;
    while (streaming || next < keys.size()) {
        if (streaming) {
            const Key head{byTime.integer(1), byTime.integer(0)};
            if (next == keys.size() || head < keys[next]) {
                Row row;
                row.id = head.id;
                row.timeUs = head.timeUs;
                row.topicId = byTime.integer(2);
                row.payload = payload(byTime, 4, head.id, byTime.integer(3), error);
                if (error.isError())
                    return -1;
                ++handed;
                if (!onRow(row))
                    return handed;
                if (!stepStream())
                    return -1;
                continue;
            }
        }
        ++handed;
        if (!handKey(keys[next++], onRow, error))
            return error.isError() ? -1 : handed;
    }
    return handed;
}

qint64 MessageRangeScan::scan(const Range &range, const RowCallback &onRow, StorageError *error)
{
    StorageError local;
    StorageError &err = error ? *error : local;
    err = {};
    if (!d->db) {
        err = d->openError;
        return -1;
    }
    // One snapshot for the watermark, the tail and the indexes. A deferred BEGIN only reads:
    // the writer goes on (a WAL reader never blocks it).
    const bool own = sqlite3_get_autocommit(d->db);
    if (own) {
        const int rc = sqlite3_exec(d->db, "BEGIN", nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) {
            err = d->fail(rc);
            return -1;
        }
    }
    Range unique = range;
    unique.topicIds = uniqueIds(range.topicIds);
    const qint64 handed = d->run(unique, onRow, err, m_throughId);
    d->resetAll();
    if (own)
        sqlite3_exec(d->db, err.isError() ? "ROLLBACK" : "COMMIT", nullptr, nullptr, nullptr);
    return handed;
}

MessageRangeScan::Plan MessageRangeScan::plan(const Range &range, StorageError *error)
{
    StorageError local;
    StorageError &err = error ? *error : local;
    err = {};
    if (!d->db) {
        err = d->openError;
        return Plan::ByTime;
    }
    Range unique = range;
    unique.topicIds = uniqueIds(range.topicIds);
    return d->choose(unique, err);
}

QStringList MessageRangeScan::explain(const Range &range, StorageError *error)
{
    StorageError local;
    StorageError &err = error ? *error : local;
    const Plan chosen = plan(range, &err);
    if (err.isError())
        return {};
    const QByteArray topics = topicCondition(uniqueIds(range.topicIds));
    QList<std::pair<QString, QByteArray>> statements;
    if (chosen == Plan::ByTime)
        statements.append({QStringLiteral("by time"), kByTime + topics + kByTimeOrder});
    else
        statements.append({QStringLiteral("topic keys"), QByteArray(kTopicKeys)});
    statements.append({QStringLiteral("tail keys"), kTailKeys + topics});
    if (chosen == Plan::PerTopic)
        statements.append({QStringLiteral("row by id"), QByteArray(kRowById)});
    statements.append({QStringLiteral("large payload"), QByteArray(kBlob)});
    QStringList lines;
    for (const auto &[name, sql] : statements) {
        Statement statement;
        int rc = statement.prepare(d->db, "EXPLAIN QUERY PLAN " + sql);
        while (rc == SQLITE_OK || rc == SQLITE_ROW) {
            rc = statement.step();
            if (rc == SQLITE_ROW)
                lines << name + QStringLiteral(": ") + statement.text(3);
        }
        if (rc != SQLITE_DONE) {
            err = d->fail(rc);
            return {};
        }
    }
    return lines;
}

bool MessageRangeScan::hasRowsAfter(const Range &range, qint64 afterId, StorageError *error)
{
    StorageError local;
    StorageError &err = error ? *error : local;
    err = {};
    if (!d->db) {
        err = d->openError;
        return false;
    }
    const int rc =
        d->tailKeys.prepare(d->db, kTailKeys + topicCondition(uniqueIds(range.topicIds)));
    if (rc != SQLITE_OK) {
        err = d->fail(rc);
        return false;
    }
    d->tailKeys.bind(1, afterId);
    d->tailKeys.bind(2, range.profileId);
    d->tailKeys.bind(3, range.fromUs);
    d->tailKeys.bind(4, range.toUs);
    const int step = d->tailKeys.step();
    d->tailKeys.reset();
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        err = d->fail(step);
    return step == SQLITE_ROW;
}

qint64 MessageRangeScan::firstId(qint64 profileId, StorageError *error)
{
    StorageError local;
    StorageError &err = error ? *error : local;
    err = {};
    if (!d->db) {
        err = d->openError;
        return 0;
    }
    d->firstId.bind(1, profileId);
    return d->integer(d->firstId, err);
}

QHash<qint64, QString> MessageRangeScan::topicNames(const QList<qint64> &topicIds,
                                                    StorageError *error)
{
    StorageError local;
    StorageError &err = error ? *error : local;
    err = {};
    QHash<qint64, QString> names;
    if (!d->db) {
        err = d->openError;
        return names;
    }
    if (topicIds.isEmpty())
        return names;
    Statement statement;
    int rc = statement.prepare(d->db, "SELECT id, name FROM topics WHERE id IN (" +
                                          idList(uniqueIds(topicIds)) + ')');
    if (rc == SQLITE_OK) {
        while ((rc = statement.step()) == SQLITE_ROW)
            names.insert(statement.integer(0), statement.text(1));
    }
    if (rc != SQLITE_DONE)
        err = d->fail(rc);
    return names;
}

} // namespace mqttdesk
