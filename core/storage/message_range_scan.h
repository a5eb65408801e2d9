#pragma once

#include "core/storage/storage_error.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QStringList>

#include <functional>
#include <limits>
#include <memory>

namespace mqttdesk {

class DatabaseConnection;

// Reads a profile's messages in a time range, oldest first by (time_us, id), with their
// whole payloads, for charts: many rows, few columns, no per-row allocation. It steps raw
// sqlite3 statements on the connection's handle (QSqlQuery costs a QVariant per column);
// they are prepared once per scan object and reused by every scan on it.
//
// Two plans, chosen per scan from cheap counts (plan(); explain() shows SQLite's plans):
// - ByTime: the profile's (profile_id, time_us, id) index over the range, each row joined
//   by rowid, the topics (if any) as an IN list. Already in order, so rows are streamed.
//   Its cost follows every row of the profile in the range.
// - PerTopic: each topic's (topic_id, id) index, the time range checked on each row; the
//   (time, id) keys are sorted in memory and the rows then read by rowid. Its cost follows
//   the topics' rows only, so it wins for a few small topics in a long, busy history.
// Either way the rows above the indexer's watermark (not indexed yet) are read as a rowid
// range and merged in. One read transaction covers the whole scan (when the connection is
// not in one already), so the indexer moving its watermark meanwhile changes nothing.
//
// Belongs to the thread of its connection, like the connection, and is destroyed before it
// (its statements must be finalized before the connection can close).
class MessageRangeScan
{
public:
    struct Range
    {
        qint64 profileId = 0;
        QList<qint64> topicIds; // empty: every topic of the profile
        qint64 fromUs = std::numeric_limits<qint64>::min();
        qint64 toUs = std::numeric_limits<qint64>::max(); // both bounds inclusive
        // > 0: only the rows stored after this id (what came since a scan that read through
        // it), found by a walk of the rowid range above it rather than by an index.
        qint64 afterId = 0;
    };
    struct Row
    {
        qint64 id = 0;
        qint64 timeUs = 0;
        qint64 topicId = 0;
        QByteArrayView payload; // the whole payload; valid during the callback only
    };
    // Returns false to stop the scan.
    using RowCallback = std::function<bool(const Row &row)>;
    enum class Plan : quint8
    {
        ByTime,
        PerTopic,
    };

    explicit MessageRangeScan(const DatabaseConnection &connection);
    ~MessageRangeScan();
    MessageRangeScan(const MessageRangeScan &) = delete;
    MessageRangeScan &operator=(const MessageRangeScan &) = delete;

    // Hands every matching row to `onRow` in (time_us, id) order; the number of rows handed
    // (-1 on error).
    qint64 scan(const Range &range, const RowCallback &onRow, StorageError *error = nullptr);
    // After a scan: the highest message id (of any profile) its snapshot held. Rows stored
    // later have higher ids (the writer never hands out an id twice while it runs).
    qint64 throughId() const { return m_throughId; }

    // The plan scan() would take now, and SQLite's EXPLAIN QUERY PLAN of its statements
    // ("<statement>: <detail>" per line).
    Plan plan(const Range &range, StorageError *error = nullptr);
    QStringList explain(const Range &range, StorageError *error = nullptr);

    // Whether rows matching `range` with id > afterId exist (stored since a scan that read
    // through afterId). Reads only those newer rows.
    bool hasRowsAfter(const Range &range, qint64 afterId, StorageError *error = nullptr);
    // The profile's oldest row id (0: no rows). Retention and clearing remove rows oldest
    // first, so a scan whose first row is older than this has lost rows.
    qint64 firstId(qint64 profileId, StorageError *error = nullptr);
    // The names of the given topic ids (ids that do not exist are left out).
    QHash<qint64, QString> topicNames(const QList<qint64> &topicIds, StorageError *error = nullptr);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    qint64 m_throughId = 0;
};

} // namespace mqttdesk
