#pragma once

#include "core/series/series.h"
#include "core/storage/database_worker.h"
#include "core/storage/storage_error.h"

#include <QList>
#include <QString>

#include <array>
#include <atomic>
#include <functional>
#include <limits>
#include <memory>
#include <vector>

namespace mqttdesk {

class MessageWriter;

// Reads series for charts on its own thread with its own database connection (a
// DatabaseWorker, like HistoryReader): requests are served in order, each answer is handed
// to its callback on the thread that owns the loader (queued), and dropped if the loader is
// gone by then. The rows come from MessageRangeScan; the values from a ValueExtractor.
//
// Answers are cached, keyed by the whole request, so that zooming back out does not read
// again. The cache is bounded in bytes, not in answers (cacheBudget(), least recently used
// first out): an answer is anything from a few points (a zoomed-in minute) to 16 MB (every
// value of a 1M-message topic), so a count would either let 16 full answers take 256 MB or
// throw out small ones for nothing. An answer over the budget is not kept.
// A cached answer is still checked on the worker before it is handed out again, reading
// only what changed: rows stored since it was read that fall in its range and topics, or
// its oldest row gone (retention or a cleared history). Then it is read again.
// dropCached() frees the memory at once (after a history clear); watch() does it for the
// answers that retention cuts into.
class SeriesLoader : public DatabaseWorker
{
    Q_OBJECT
public:
    // Shared with the cache: a chart keeps the answer without a copy of its points.
    using Answer = std::shared_ptr<const SeriesData>;
    using Callback = std::function<void(const Answer &answer)>;
    static constexpr qint64 kDefaultCacheBudget = 64LL * 1024 * 1024;
    static constexpr qsizetype kMaxCachedAnswers = 64; // keeps the lookup a short scan

    explicit SeriesLoader(const QString &databasePath, QObject *parent = nullptr);
    ~SeriesLoader() override;

    void load(const SeriesRequest &request, Callback done);
    // Only the rows stored after `afterId` (an earlier answer's throughId) that fall in the
    // request's range and topics: what a live chart adds to the answer it has. A walk of
    // the newest rows, never cached.
    void loadAfter(const SeriesRequest &request, qint64 afterId, Callback done);

    // Forgets cached answers: all, a profile's (its history was cleared), or those of a
    // profile that held rows with id <= upToId (retention removed them).
    void dropCached();
    void dropCached(qint64 profileId);
    void dropCachedUpTo(qint64 profileId, qint64 upToId);
    // Drops what the writer's retention removes (MessageWriter::rowsRemoved).
    void watch(MessageWriter *writer);

    void setCacheBudget(qint64 bytes);
    qint64 cacheBudget() const { return m_cacheBudget; }
    qint64 cachedBytes() const { return m_cachedBytes; }
    qsizetype cachedAnswers() const { return m_cache.size(); }
    // Messages read from the history by this loader so far (an answer from the cache reads
    // none).
    qint64 rowsScanned() const { return m_rowsScanned; }

private:
    struct Entry
    {
        SeriesRequest request;
        Answer answer;
        qint64 bytes = 0;
        qint64 firstRowId = 0; // the oldest row read (0: none)
    };
    void remember(Entry entry);
    void evict();
    void dropWhere(const std::function<bool(const Entry &)> &drop);

    QList<Entry> m_cache; // least recently used first
    qint64 m_cacheBudget = kDefaultCacheBudget;
    qint64 m_cachedBytes = 0;
    qint64 m_rowsScanned = 0;
    quint64 m_generation = 0; // bumped by every drop: answers read before it are not kept
    std::shared_ptr<std::atomic_bool> m_closing; // stops the scans still queued at the end
};

} // namespace mqttdesk
