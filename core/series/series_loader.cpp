#include "core/series/series_loader.h"

#include "core/protocol/topic.h"
#include "core/series/row_pipeline.h"
#include "core/series/series_builder.h"
#include "core/storage/database_connection.h"
#include "core/storage/message_query.h"
#include "core/storage/message_range_scan.h"
#include "core/storage/message_writer.h"

#include <QHash>

#include <algorithm>
#include <optional>

namespace mqttdesk {

namespace {

MessageRangeScan::Range rangeOf(const SeriesRequest &request, const QList<qint64> &topicIds)
{
    MessageRangeScan::Range range;
    range.profileId = request.profileId;
    range.topicIds = topicIds;
    range.fromUs = request.fromUs;
    range.toUs = request.toUs;
    return range;
}

// The ids of the topics the request's filter matches now; an invalid filter is an error.
QList<qint64> matchingTopics(const DatabaseConnection &connection, const SeriesRequest &request,
                             StorageError &error)
{
    if (Topic::validateFilter(request.topicFilter)) {
        error = StorageError::make(StorageError::Kind::InvalidFilter, request.topicFilter);
        return {};
    }
    return MessageQuery(connection)
        .matchingTopicIds(request.profileId, request.topicFilter, &error);
}

// Reads the request's rows (only those after `afterId` when it is > 0) and extracts their
// values, on the worker's thread. A long read extracts on a second thread beside the scan
// (RowPipeline).
SeriesData read(const DatabaseConnection &connection, const SeriesRequest &request, qint64 afterId,
                const std::atomic_bool &closing, qint64 &firstRowId)
{
    SeriesData data;
    firstRowId = 0;
    if (!request.perTopic)
        data.series.append(Series{});
    data.error = connection.error();
    if (data.error.isError())
        return data;
    QString why;
    std::optional<ValueExtractor> extractor = ValueExtractor::make(request.extractor, &why);
    if (!extractor) {
        data.error.kind = StorageError::Kind::QueryFailed;
        data.error.message = SeriesLoader::tr("The values cannot be read: %1").arg(why);
        data.error.detail = why;
        return data;
    }
    extractor->setRules(request.rules);
    const QList<qint64> topicIds = matchingTopics(connection, request, data.error);
    if (data.error.isError() || topicIds.isEmpty())
        return data; // no topic matches (yet); to the scan an empty list means every topic
    MessageRangeScan scan(connection);
    QHash<qint64, QString> names;
    if (request.perTopic || extractor->needsTopic()) {
        names = scan.topicNames(topicIds, &data.error);
        if (data.error.isError())
            return data;
    }
    SeriesBuilder builder(*extractor, request.perTopic, std::move(names), data);
    qint64 firstId = std::numeric_limits<qint64>::max();
    qint64 rows = 0;
    {
        RowPipeline pipeline([&builder](qint64 timeUs, qint64 topicId, QByteArrayView payload) {
            builder.add(timeUs, topicId, payload);
        });
        MessageRangeScan::Range range = rangeOf(request, topicIds);
        range.afterId = afterId;
        rows = scan.scan(
            range,
            [&](const MessageRangeScan::Row &row) {
                if (closing.load(std::memory_order_relaxed))
                    return false;
                firstId = qMin(firstId, row.id);
                pipeline.add(row.timeUs, row.topicId, row.payload);
                return true;
            },
            &data.error);
        pipeline.finish();
    }
    data.rowsRead = qMax<qint64>(0, rows);
    data.throughId = scan.throughId();
    firstRowId = data.rowsRead > 0 ? firstId : 0;
    // A whole answer is kept (cached, shared with the chart) for long: the growth headroom
    // goes. A later read is appended to one, and dropped.
    builder.finish(afterId == 0);
    return data;
}

// Whether a cached answer still holds: no row stored since that falls in its range and
// topics, and its oldest row still there.
bool stillHolds(const DatabaseConnection &connection, const SeriesRequest &request,
                const SeriesData &answer, qint64 firstRowId)
{
    StorageError error = connection.error();
    if (error.isError())
        return false;
    const QList<qint64> topicIds = matchingTopics(connection, request, error);
    if (error.isError())
        return false;
    MessageRangeScan scan(connection);
    if (!topicIds.isEmpty() &&
        (scan.hasRowsAfter(rangeOf(request, topicIds), answer.throughId, &error) ||
         error.isError()))
        return false;
    if (firstRowId == 0)
        return true;
    const qint64 oldest = scan.firstId(request.profileId, &error);
    return !error.isError() && oldest != 0 && oldest <= firstRowId;
}

} // namespace

SeriesLoader::SeriesLoader(const QString &databasePath, QObject *parent)
    : DatabaseWorker(databasePath, QStringLiteral("series-loader"), parent)
    , m_closing(std::make_shared<std::atomic_bool>(false))
{}

SeriesLoader::~SeriesLoader()
{
    // The queued scans still run before the worker ends: each now stops at its first row.
    m_closing->store(true);
}

void SeriesLoader::load(const SeriesRequest &request, Callback done)
{
    std::optional<Entry> cached;
    for (qsizetype i = 0; i < m_cache.size(); ++i) {
        if (m_cache.at(i).request == request) {
            m_cache.move(i, m_cache.size() - 1); // most recently used
            cached = m_cache.constLast();
            break;
        }
    }
    const quint64 generation = m_generation;
    post([this, request, cached, generation, closing = m_closing,
          done = std::move(done)](DatabaseConnection &connection) {
        // Served in order with the reads, so an answer from the cache never overtakes one.
        if (cached && stillHolds(connection, request, *cached->answer, cached->firstRowId))
            return std::function<void()>([done, answer = cached->answer] { done(answer); });
        qint64 firstRowId = 0;
        auto data =
            std::make_shared<SeriesData>(read(connection, request, 0, *closing, firstRowId));
        // Runs on the loader's thread, and only while the loader lives.
        return std::function<void()>(
            [this, request, generation, firstRowId, done, answer = Answer(std::move(data))] {
                m_rowsScanned += answer->rowsRead;
                if (!answer->error.isError() && generation == m_generation)
                    remember(Entry{request, answer, answer->bytes(), firstRowId});
                done(answer);
            });
    });
}

void SeriesLoader::loadAfter(const SeriesRequest &request, qint64 afterId, Callback done)
{
    post([this, request, afterId, closing = m_closing,
          done = std::move(done)](DatabaseConnection &connection) {
        qint64 firstRowId = 0;
        auto data = std::make_shared<SeriesData>(
            read(connection, request, qMax<qint64>(1, afterId), *closing, firstRowId));
        return std::function<void()>([this, done, answer = Answer(std::move(data))] {
            m_rowsScanned += answer->rowsRead;
            done(answer);
        });
    });
}

void SeriesLoader::remember(Entry entry)
{
    for (qsizetype i = 0; i < m_cache.size(); ++i) {
        if (m_cache.at(i).request == entry.request) {
            m_cachedBytes -= m_cache.at(i).bytes;
            m_cache.removeAt(i);
            break;
        }
    }
    if (entry.bytes > m_cacheBudget)
        return;
    m_cachedBytes += entry.bytes;
    m_cache.append(std::move(entry));
    evict();
}

void SeriesLoader::evict()
{
    while (!m_cache.isEmpty() &&
           (m_cachedBytes > m_cacheBudget || m_cache.size() > kMaxCachedAnswers)) {
        m_cachedBytes -= m_cache.constFirst().bytes;
        m_cache.removeFirst();
    }
}

void SeriesLoader::setCacheBudget(qint64 bytes)
{
    m_cacheBudget = qMax<qint64>(0, bytes);
    evict();
}

void SeriesLoader::dropCached()
{
    ++m_generation;
    m_cache.clear();
    m_cachedBytes = 0;
}

void SeriesLoader::dropCached(qint64 profileId)
{
    dropWhere([profileId](const Entry &e) { return e.request.profileId == profileId; });
}

void SeriesLoader::dropCachedUpTo(qint64 profileId, qint64 upToId)
{
    // An empty answer lost nothing: none of its rows was removed.
    dropWhere([profileId, upToId](const Entry &e) {
        return e.request.profileId == profileId && e.firstRowId != 0 && e.firstRowId <= upToId;
    });
}

void SeriesLoader::dropWhere(const std::function<bool(const Entry &)> &drop)
{
    ++m_generation;
    m_cache.removeIf([&](const Entry &e) {
        if (!drop(e))
            return false;
        m_cachedBytes -= e.bytes;
        return true;
    });
}

void SeriesLoader::watch(MessageWriter *writer)
{
    // Queued: the writer emits on its own thread.
    connect(writer, &MessageWriter::rowsRemoved, this,
            [this](qint64 profileId, qint64 upToId, qint64) { dropCachedUpTo(profileId, upToId); });
}

} // namespace mqttdesk
