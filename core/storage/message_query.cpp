#include "core/storage/message_query.h"

#include "core/protocol/topic.h"
#include "core/storage/database_connection.h"
#include "core/storage/fts_tail_matcher.h"
#include "core/storage/message_indexer.h"

#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>
#include <limits>
#include <optional>

namespace mqttdesk {

namespace {
// Up to this many matching topics, each topic's (topic_id, id) index range is read
// separately and merged; beyond it one scan of the profile with an IN list is cheaper.
constexpr qsizetype kMergeTopicLimit = 64;
constexpr qint64 kCountSlice = 250000;

const QString kColumns = QStringLiteral(
    "m.id, m.profile_id, t.name, m.flags, m.time_us, m.size, m.subscription_id, m.packet_id,"
    " m.properties, m.payload, m.publish_stage, m.publish_reason, m.publish_error");

QString idList(const QList<qint64> &ids)
{
    QString list;
    list.reserve(ids.size() * 8);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            list += QLatin1Char(',');
        list += QString::number(ids.at(i));
    }
    return list;
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}
} // namespace

MessageQuery::MessageQuery(const DatabaseConnection &connection)
    : m_connection(connection)
{}

QString MessageQuery::ftsExpression(const QString &text)
{
    QStringList words;
    const auto parts = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString word : parts) {
        word = word.trimmed();
        if (word.isEmpty())
            continue;
        word.replace(QLatin1Char('"'), QLatin1String("\"\""));
        words << QLatin1Char('"') + word + QLatin1Char('"');
    }
    return words.join(QLatin1Char(' '));
}

QList<qint64> MessageQuery::matchingTopicIds(qint64 profileId, const QString &topicFilter,
                                             StorageError *error) const
{
    QList<qint64> ids;
    QSqlQuery query(m_connection.database());
    QVariantList values{profileId};
    QString sql = QStringLiteral("SELECT id, name FROM topics WHERE profile_id = ?");
    // Every match starts with the part of the filter before its first wildcard.
    const QStringView inner = Topic::matchingFilter(topicFilter);
    qsizetype wildcard = inner.size();
    for (qsizetype i = 0; i < inner.size(); ++i) {
        if (inner.at(i) == QLatin1Char('+') || inner.at(i) == QLatin1Char('#')) {
            wildcard = i;
            break;
        }
    }
    const QString prefix = inner.first(wildcard).toString();
    if (!Topic::hasWildcards(inner)) {
        sql += QStringLiteral(" AND name = ?");
        values << prefix;
    } else if (!prefix.isEmpty()) {
        // Every match starts with the literal prefix: a range on the (profile_id, name) index.
        sql += QStringLiteral(" AND name >= ? AND name < ?");
        values << prefix << QString(prefix + QChar(0xFFFF));
    }
    if (!run(query, sql, values)) {
        if (error)
            *error = m_connection.errorFrom(query);
        return ids;
    }
    while (query.next()) {
        if (Topic::matches(topicFilter, query.value(1).toString()))
            ids << query.value(0).toLongLong();
    }
    return ids;
}

MessageQuery::Conditions MessageQuery::conditions(const MessageFilter &filter,
                                                  StorageError *error) const
{
    Conditions c;
    if (filter.direction) {
        c.where += QStringLiteral(" AND (m.flags & 1) = ?");
        c.values << (*filter.direction == StoredMessage::Direction::Outgoing ? 1 : 0);
    }
    if (filter.qosMask != 0 && (filter.qosMask & 7) != 7) {
        QStringList allowed;
        for (int qos = 0; qos < 3; ++qos) {
            if (filter.qosMask & (1 << qos))
                allowed << QString::number(qos);
        }
        if (allowed.isEmpty())
            c.empty = true;
        c.where +=
            QStringLiteral(" AND ((m.flags >> 1) & 3) IN (%1)").arg(allowed.join(QLatin1Char(',')));
    }
    if (filter.retain)
        c.where += *filter.retain ? QStringLiteral(" AND (m.flags & 8) <> 0")
                                  : QStringLiteral(" AND (m.flags & 8) = 0");
    if (filter.fromUs) {
        c.where += QStringLiteral(" AND m.time_us >= ?");
        c.values << *filter.fromUs;
    }
    if (filter.toUs) {
        c.where += QStringLiteral(" AND m.time_us <= ?");
        c.values << *filter.toUs;
    }
    if (!filter.payloadRegex.isEmpty() && !QRegularExpression(filter.payloadRegex).isValid()) {
        if (error)
            *error = StorageError::make(StorageError::Kind::InvalidPattern, filter.payloadRegex);
        c.empty = true;
        return c;
    }
    if (!filter.payloadRegex.isEmpty()) {
        // REGEXP is QtSql's QRegularExpression (QSQLITE_ENABLE_REGEXP); a large payload is
        // read from the side table for it.
        c.where +=
            QStringLiteral(" AND CAST(coalesce(m.payload, (SELECT b.data FROM message_blobs b"
                           " WHERE b.message_id = m.id)) AS TEXT) REGEXP ?");
        c.values << filter.payloadRegex;
    }
    c.fts = ftsExpression(filter.text);
    c.useFts = !c.fts.isEmpty();
    if (!filter.topicFilter.isEmpty()) {
        if (Topic::validateFilter(filter.topicFilter)) {
            if (error)
                *error = StorageError::make(StorageError::Kind::InvalidFilter, filter.topicFilter);
            c.empty = true;
            return c;
        }
        StorageError topicError;
        c.topicIds = matchingTopicIds(filter.profileId, filter.topicFilter, &topicError);
        if (topicError.isError()) {
            if (error)
                *error = topicError;
            c.empty = true;
            return c;
        }
        c.allTopics = false;
        if (c.topicIds.isEmpty())
            c.empty = true;
    }
    return c;
}

// Ids of matching rows beyond `boundId` (0: no bound): older and newest first, or newer and
// oldest first when `ascending`.
QList<qint64> MessageQuery::ids(const MessageFilter &filter, const Conditions &c, qint64 boundId,
                                bool ascending, int limit, StorageError *error) const
{
    QList<qint64> ids;
    if (c.empty || limit <= 0)
        return ids;
    // The indexes cover ids up to the watermark; the tail above it is scanned. Every tail id
    // is greater than every indexed one, so the two parts simply concatenate.
    StorageError e;
    const qint64 upTo = MessageIndexer::storedWatermark(m_connection, &e);
    if (e.isError()) {
        if (error)
            *error = e;
        return ids;
    }
    const qint64 low = boundId > 0 && ascending ? boundId : 0;
    const qint64 high = boundId > 0 && !ascending ? boundId : std::numeric_limits<qint64>::max();
    const auto indexed = [&](int wanted) {
        return indexedIds(filter, c, low, qMin(high, upTo + 1), ascending, wanted, error);
    };
    const auto tail = [&](int wanted) {
        return tailIds(filter, c, qMax(low, upTo), high, ascending, wanted, error);
    };
    ids = ascending ? indexed(limit) : tail(limit);
    if (ids.size() < limit && (!error || !error->isError()))
        ids << (ascending ? tail(limit - int(ids.size())) : indexed(limit - int(ids.size())));
    return ids;
}

// Matching ids in (low, high) through the indexes: the full-text index in rowid order, or
// one message_topics range per topic, merged.
QList<qint64> MessageQuery::indexedIds(const MessageFilter &filter, const Conditions &c, qint64 low,
                                       qint64 high, bool ascending, int limit,
                                       StorageError *error) const
{
    QList<qint64> ids;
    if (limit <= 0 || high - low <= 1)
        return ids;
    QSqlQuery query(m_connection.database());
    const auto fail = [&] {
        if (error)
            *error = m_connection.errorFrom(query);
        return QList<qint64>{};
    };
    const QString order = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    if (!c.useFts && (c.allTopics || c.topicIds.size() > kMergeTopicLimit)) {
        // The profile's rows in id order, the topics (if any) as an IN list.
        QString sql = QStringLiteral("SELECT m.id FROM message_profiles p JOIN messages m"
                                     " ON m.id = p.id WHERE p.profile_id = ? AND p.id > ?"
                                     " AND p.id < ?") +
                      c.where;
        QVariantList values{filter.profileId, low, high};
        values << c.values;
        if (!c.allTopics)
            sql += QStringLiteral(" AND m.topic_id IN (%1)").arg(idList(c.topicIds));
        sql += QStringLiteral(" ORDER BY p.id") + order + QStringLiteral(" LIMIT ?");
        values << limit;
        if (!run(query, sql, values))
            return fail();
        while (query.next())
            ids << query.value(0).toLongLong();
        return ids;
    }
    if (!c.useFts) {
        const QString sql =
            QStringLiteral("SELECT m.id FROM message_topics x JOIN messages m ON m.id = x.id"
                           " WHERE x.topic_id = ? AND x.id > ? AND x.id < ?") +
            c.where + QStringLiteral(" ORDER BY x.id") + order + QStringLiteral(" LIMIT ?");
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return fail();
        for (qint64 topic : c.topicIds) {
            int i = 0;
            query.bindValue(i++, topic);
            query.bindValue(i++, low);
            query.bindValue(i++, high);
            for (const QVariant &value : c.values)
                query.bindValue(i++, value);
            query.bindValue(i++, limit);
            if (!query.exec())
                return fail();
            while (query.next())
                ids << query.value(0).toLongLong();
        }
        if (ascending)
            std::sort(ids.begin(), ids.end());
        else
            std::sort(ids.begin(), ids.end(), std::greater<>());
        if (ids.size() > limit)
            ids.resize(limit);
        return ids;
    }
    QString sql = QStringLiteral("SELECT m.id FROM message_fts f JOIN messages m ON m.id = f.rowid"
                                 " WHERE f.message_fts MATCH ? AND f.rowid > ? AND f.rowid < ?"
                                 " AND m.profile_id = ?") +
                  c.where;
    QVariantList values{c.fts, low, high, filter.profileId};
    values << c.values;
    if (!c.allTopics)
        sql += QStringLiteral(" AND m.topic_id IN (%1)").arg(idList(c.topicIds));
    sql += QStringLiteral(" ORDER BY f.rowid") + order + QStringLiteral(" LIMIT ?");
    values << limit;
    if (!run(query, sql, values))
        return fail();
    while (query.next())
        ids << query.value(0).toLongLong();
    return ids;
}

// Matching ids in (low, high) among the rows the indexer has not reached: read from the
// (profile_id, id) index, the text query evaluated on each payload. limit < 0: all of them.
QList<qint64> MessageQuery::tailIds(const MessageFilter &filter, const Conditions &c, qint64 low,
                                    qint64 high, bool ascending, int limit,
                                    StorageError *error) const
{
    QList<qint64> ids;
    if (limit == 0 || high - low <= 1)
        return ids;
    QString sql = QStringLiteral("SELECT m.id") +
                  (c.useFts ? QStringLiteral(", coalesce(m.payload, (SELECT b.data FROM"
                                             " message_blobs b WHERE b.message_id = m.id))")
                            : QString()) +
                  QStringLiteral(" FROM messages m WHERE m.profile_id = ? AND m.id > ?"
                                 " AND m.id < ?") +
                  c.where;
    QVariantList values{filter.profileId, low, high};
    values << c.values;
    if (c.useFts)
        sql += QStringLiteral(" AND (m.flags & 32) <> 0");
    if (!c.allTopics)
        sql += QStringLiteral(" AND m.topic_id IN (%1)").arg(idList(c.topicIds));
    sql += QStringLiteral(" ORDER BY m.id") +
           (ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC"));
    if (!c.useFts && limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        values << limit;
    }
    QSqlQuery query(m_connection.database());
    if (!run(query, sql, values)) {
        if (error)
            *error = m_connection.errorFrom(query);
        return ids;
    }
    std::optional<FtsTailMatcher> matcher;
    if (c.useFts) {
        matcher.emplace(m_connection, filter.text);
        if (matcher->error().isError()) {
            if (error)
                *error = matcher->error();
            return {};
        }
    }
    while (query.next()) {
        if (matcher && !matcher->matches(query.value(1).toByteArray()))
            continue;
        ids << query.value(0).toLongLong();
        if (limit > 0 && ids.size() >= limit)
            break;
    }
    if (matcher && matcher->error().isError()) {
        if (error)
            *error = matcher->error();
        return {};
    }
    return ids;
}

StoredMessageList MessageQuery::load(const QList<qint64> &ids, StorageError *error) const
{
    StoredMessageList messages;
    if (ids.isEmpty())
        return messages;
    QSqlQuery query(m_connection.database());
    const QString sql = QStringLiteral("SELECT ") + kColumns +
                        QStringLiteral(" FROM messages m JOIN topics t ON t.id = m.topic_id"
                                       " WHERE m.id IN (%1) ORDER BY m.id DESC")
                            .arg(idList(ids));
    if (!run(query, sql, {})) {
        if (error)
            *error = m_connection.errorFrom(query);
        return messages;
    }
    messages.reserve(ids.size());
    while (query.next())
        messages.append(readMessage(query));
    return messages;
}

StoredMessage MessageQuery::readMessage(const QSqlQuery &query)
{
    StoredMessage m;
    m.id = query.value(0).toLongLong();
    m.profileId = query.value(1).toLongLong();
    m.topic = query.value(2).toString();
    const int flags = query.value(3).toInt();
    m.applyFlags(flags);
    m.receivedUs = query.value(4).toLongLong();
    m.payloadSize = query.value(5).toLongLong();
    const QVariant subscription = query.value(6);
    if (!subscription.isNull())
        m.subscriptionId = subscription.toLongLong();
    const QVariant packet = query.value(7);
    if (!packet.isNull())
        m.packetId = static_cast<quint16>(packet.toUInt());
    m.properties = query.value(8).toByteArray();
    m.payload = query.value(9).toByteArray();
    m.payloadDeferred = flags & StoredMessage::FlagLarge;
    const QVariant stage = query.value(10);
    if (!stage.isNull()) {
        m.publishStage = StoredMessage::PublishStage(stage.toUInt());
        const QVariant reason = query.value(11);
        if (!reason.isNull())
            m.publishReason = quint8(reason.toUInt());
        m.publishError = query.value(12).toString();
    }
    return m;
}

MessagePage MessageQuery::fetch(const MessageFilter &filter, const PageRequest &request,
                                StorageError *error) const
{
    MessagePage page;
    StorageError localError;
    StorageError &err = error ? *error : localError;
    err = {};
    const Conditions c = conditions(filter, &err);
    if (err.isError() || c.empty)
        return page;
    const int limit = qMax(1, request.limit);
    QList<qint64> older;
    QList<qint64> newer;
    switch (request.anchor) {
    case PageRequest::Anchor::Newest:
        older = ids(filter, c, 0, false, limit + 1, &err);
        page.hasOlder = older.size() > limit;
        older.resize(qMin<qsizetype>(older.size(), limit));
        break;
    case PageRequest::Anchor::OlderThan:
        older = ids(filter, c, request.anchorId, false, limit + 1, &err);
        page.hasOlder = older.size() > limit;
        older.resize(qMin<qsizetype>(older.size(), limit));
        page.hasNewer = true;
        break;
    case PageRequest::Anchor::NewerThan:
        newer = ids(filter, c, request.anchorId, true, limit + 1, &err);
        page.hasNewer = newer.size() > limit;
        newer.resize(qMin<qsizetype>(newer.size(), limit));
        page.hasOlder = true;
        break;
    case PageRequest::Anchor::AroundTime: {
        // The first row at or after the time (via the (profile_id, time_us) index) is the
        // pivot; the page takes about half its rows from each side of it.
        QSqlQuery pivotQuery(m_connection.database());
        // message_times holds the indexed rows; the unindexed tail is a rowid range.
        if (!run(pivotQuery,
                 QStringLiteral(
                     "SELECT id FROM (SELECT * FROM (SELECT time_us, id FROM message_times"
                     " WHERE profile_id = ? AND time_us >= ? ORDER BY time_us, id LIMIT 1)"
                     " UNION ALL SELECT * FROM (SELECT time_us, id FROM messages"
                     " WHERE id > (SELECT indexed_upto FROM message_index_state WHERE id = 1)"
                     " AND profile_id = ? AND time_us >= ? ORDER BY time_us, id LIMIT 1))"
                     " ORDER BY time_us, id LIMIT 1"),
                 {filter.profileId, request.timeUs, filter.profileId, request.timeUs})) {
            err = m_connection.errorFrom(pivotQuery);
            return page;
        }
        const qint64 pivot = pivotQuery.next() ? pivotQuery.value(0).toLongLong() : 0;
        pivotQuery.finish();
        if (pivot == 0)
            return fetch(filter, PageRequest::newest(limit), error);
        const int newerWanted = limit / 2;
        newer = ids(filter, c, pivot - 1 < 1 ? 0 : pivot - 1, true, newerWanted + 1, &err);
        if (pivot - 1 < 1) // bound 0 means "none"; the pivot is row 1, nothing is older
            newer = ids(filter, c, 0, true, newerWanted + 1, &err);
        page.hasNewer = newer.size() > newerWanted;
        newer.resize(qMin<qsizetype>(newer.size(), newerWanted));
        const int olderWanted = limit - int(newer.size());
        older =
            ids(filter, c, newer.isEmpty() ? pivot : newer.first(), false, olderWanted + 1, &err);
        page.hasOlder = older.size() > olderWanted;
        older.resize(qMin<qsizetype>(older.size(), olderWanted));
        break;
    }
    }
    if (err.isError())
        return page;
    QList<qint64> all;
    all.reserve(older.size() + newer.size());
    for (auto it = newer.crbegin(); it != newer.crend(); ++it)
        all << *it;
    all << older;
    page.messages = load(all, &err);
    return page;
}

QList<MessageQuery::TopicCount> MessageQuery::receivedPerTopic(qint64 profileId, qint64 beforeUs,
                                                               StorageError *error) const
{
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    if (!run(query,
             QStringLiteral("SELECT t.name, c.n FROM (SELECT topic_id, count(*) AS n FROM messages"
                            " WHERE profile_id = ? AND (flags & 1) = 0 AND time_us < ?"
                            " GROUP BY topic_id) c JOIN topics t ON t.id = c.topic_id"),
             {profileId, beforeUs})) {
        if (error)
            *error = m_connection.errorFrom(query);
        return {};
    }
    QList<TopicCount> counts;
    while (query.next())
        counts.append(TopicCount{query.value(0).toString(), query.value(1).toLongLong()});
    return counts;
}

QList<MessageQuery::TopicSummary> MessageQuery::receivedTopicSummaries(qint64 profileId,
                                                                       qint64 beforeUs,
                                                                       qsizetype payloadPrefix,
                                                                       StorageError *error) const
{
    QList<TopicSummary> out;
    // One read snapshot for the check and the query: the indexer may commit in between.
    const StorageError failed = m_connection.transaction([&]() -> StorageError {
        QSqlQuery query(m_connection.database());
        query.setForwardOnly(true);
        // topic_stats covers every indexed row. Indexed rows from the cut on (received while
        // the tree was loading) would be counted twice and would be the newest: then the
        // rows themselves are aggregated, the slow way.
        if (!run(query,
                 QStringLiteral("SELECT EXISTS (SELECT 1 FROM messages WHERE profile_id = ?"
                                " AND time_us >= ? AND id <="
                                " (SELECT indexed_upto FROM message_index_state WHERE id = 1))"),
                 {profileId, beforeUs}) ||
            !query.next())
            return m_connection.errorFrom(query);
        const bool fromRows = query.value(0).toBool();
        query.finish();
        // The counts per topic: from topic_stats plus the unindexed tail (a rowid range), or
        // one scan of the rows. The last and the newest retained row of each topic are then
        // read by rowid. A large payload lives in message_blobs (flag 64).
        const QString counts =
            fromRows
                ? QStringLiteral(
                      "SELECT topic_id, count(*) AS n, max(time_us) AS last_us,"
                      " max(id) AS last_id, max(CASE WHEN flags & 8 THEN id END) AS retained_id"
                      " FROM messages WHERE profile_id = ? AND (flags & 1) = 0 AND time_us < ?"
                      " GROUP BY topic_id")
                : QStringLiteral("SELECT topic_id, sum(n) AS n, max(last_us) AS last_us,"
                                 " max(last_id) AS last_id, max(retained_id) AS retained_id FROM ("
                                 " SELECT topic_id, received AS n, last_us, last_id, retained_id"
                                 "  FROM topic_stats WHERE profile_id = ?"
                                 " UNION ALL"
                                 " SELECT topic_id, count(*), max(time_us), max(id),"
                                 "  max(CASE WHEN flags & 8 THEN id END) FROM messages"
                                 "  WHERE profile_id = ? AND id >"
                                 "  (SELECT indexed_upto FROM message_index_state WHERE id = 1)"
                                 "  AND (flags & 1) = 0 AND time_us < ? GROUP BY topic_id)"
                                 " GROUP BY topic_id");
        QVariantList values{qint64(payloadPrefix), qint64(payloadPrefix), profileId};
        if (!fromRows)
            values << profileId;
        values << beforeUs;
        if (!run(query,
                 QStringLiteral(
                     "SELECT t.name, c.n, c.last_us, m.flags, m.size,"
                     " CASE WHEN m.flags & 64 THEN (SELECT substr(data, 1, ?) FROM message_blobs"
                     "  WHERE message_id = m.id) ELSE substr(m.payload, 1, ?) END,"
                     " r.size"
                     " FROM (") +
                     counts +
                     QStringLiteral(") c"
                                    " JOIN topics t ON t.id = c.topic_id"
                                    " JOIN messages m ON m.id = c.last_id"
                                    " LEFT JOIN messages r ON r.id = c.retained_id"),
                 values))
            return m_connection.errorFrom(query);
        while (query.next()) {
            TopicSummary s;
            s.topic = query.value(0).toString();
            s.messages = query.value(1).toLongLong();
            s.lastUs = query.value(2).toLongLong();
            s.lastFlags = query.value(3).toInt();
            s.lastSize = query.value(4).toLongLong();
            s.preview = query.value(5).toByteArray();
            if (!query.value(6).isNull())
                s.retainedHeld = query.value(6).toLongLong() > 0;
            out.append(s);
        }
        return {};
    });
    if (failed.isError()) {
        if (error)
            *error = failed;
        return {};
    }
    return out;
}

qint64 MessageQuery::lastId(qint64 profileId, StorageError *error) const
{
    QSqlQuery query(m_connection.database());
    if (!run(query,
             QStringLiteral("SELECT max(coalesce((SELECT max(id) FROM messages WHERE id >"
                            " (SELECT indexed_upto FROM message_index_state WHERE id = 1)"
                            " AND profile_id = ?), 0), coalesce((SELECT max(id)"
                            " FROM message_profiles WHERE profile_id = ?), 0))"),
             {profileId, profileId})) {
        if (error)
            *error = m_connection.errorFrom(query);
        return 0;
    }
    return query.next() ? query.value(0).toLongLong() : 0;
}

qint64 MessageQuery::count(const MessageFilter &filter, StorageError *error,
                           const std::atomic_bool *cancel, qint64 afterId, qint64 upToId) const
{
    StorageError localError;
    StorageError &err = error ? *error : localError;
    err = {};
    const Conditions c = conditions(filter, &err);
    if (err.isError())
        return -1;
    if (c.empty)
        return 0;
    const qint64 maxId = upToId >= 0 ? upToId : lastId(filter.profileId, &err);
    if (err.isError())
        return -1;
    qint64 total = 0;
    qint64 sliceTop = maxId;
    if (c.useFts) {
        // Rows above the indexer's watermark are not in message_fts yet: counted by scanning.
        const qint64 upTo = MessageIndexer::storedWatermark(m_connection, &err);
        if (err.isError())
            return -1;
        if (maxId > upTo) {
            total += tailIds(filter, c, qMax(afterId, upTo), maxId + 1, false, -1, &err).size();
            if (err.isError())
                return -1;
            sliceTop = upTo;
        }
    }
    const QString from = c.useFts
                             ? QStringLiteral("message_fts f JOIN messages m ON m.id = f.rowid")
                             : QStringLiteral("messages m");
    const QString idColumn = c.useFts ? QStringLiteral("f.rowid") : QStringLiteral("m.id");
    QString sql = QStringLiteral("SELECT count(*) FROM ") + from + QStringLiteral(" WHERE ") +
                  (c.useFts ? QStringLiteral("f.message_fts MATCH ? AND ") : QString()) +
                  QStringLiteral("m.profile_id = ?") + c.where;
    if (!c.allTopics)
        sql += QStringLiteral(" AND m.topic_id IN (%1)").arg(idList(c.topicIds));
    sql += QStringLiteral(" AND ") + idColumn + QStringLiteral(" > ? AND ") + idColumn +
           QStringLiteral(" <= ?");
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        err = m_connection.errorFrom(query);
        return -1;
    }
    // Newest slices first; each slice is short, so cancel is honoured between them.
    for (qint64 high = sliceTop; high > afterId; high -= kCountSlice) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return -1;
        int i = 0;
        if (c.useFts)
            query.bindValue(i++, c.fts);
        query.bindValue(i++, filter.profileId);
        for (const QVariant &value : c.values)
            query.bindValue(i++, value);
        query.bindValue(i++, qMax(afterId, high - kCountSlice));
        query.bindValue(i++, high);
        if (!query.exec() || !query.next()) {
            err = m_connection.errorFrom(query);
            return -1;
        }
        total += query.value(0).toLongLong();
        query.finish();
    }
    return total;
}

QByteArray MessageQuery::loadPayload(qint64 messageId, StorageError *error) const
{
    QSqlQuery query(m_connection.database());
    if (!run(query,
             QStringLiteral("SELECT coalesce(m.payload, b.data) FROM messages m"
                            " LEFT JOIN message_blobs b ON b.message_id = m.id WHERE m.id = ?"),
             {messageId})) {
        if (error)
            *error = m_connection.errorFrom(query);
        return {};
    }
    return query.next() ? query.value(0).toByteArray() : QByteArray();
}

std::optional<StoredMessage> MessageQuery::message(qint64 messageId, StorageError *error) const
{
    const StoredMessageList list = load({messageId}, error);
    if (list.isEmpty())
        return std::nullopt;
    return list.first();
}

} // namespace mqttdesk
