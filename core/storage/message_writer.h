#pragma once

#include "core/storage/database_connection.h"
#include "core/storage/profile_counters.h"
#include "core/storage/retention_policy.h"
#include "core/storage/storage_error.h"
#include "core/storage/stored_message.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QWaitCondition>

#include <deque>
#include <memory>

class QThread;

namespace mqttdesk {

class MessageBatchWriter;

// Stores messages on its own QThread. enqueue() is thread-safe and never waits for the
// disk: it only appends to a bounded memory queue. The writer thread drains the queue in
// batched transactions (whatever has arrived, up to maxBatchRows), assigns ids, keeps the
// per-profile counters and applies retention in the background.
//
// When the disk is full or the database cannot be written, storingFailed() is emitted once
// and storing stops; enqueue() goes on accepting into the bounded queue, counting what does
// not fit as dropped, until resumeStoring() succeeds.
class MessageWriter : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int maxBatchRows = 8192;
        qsizetype queueCapacity = 200000;               // messages
        qint64 queueByteCapacity = 256LL * 1024 * 1024; // payload bytes
        int retentionIntervalMs = 1000;
        int retentionChunkRows = 10000;
        DatabaseConnection::Options connection; // test seams (see DatabaseConnection)
    };

    explicit MessageWriter(const QString &databasePath, QObject *parent = nullptr);
    MessageWriter(const QString &databasePath, const Options &options, QObject *parent = nullptr);
    ~MessageWriter() override;

    void start();
    // Commits what is queued (unless storing has failed), then ends the thread.
    void stop();

    // Thread-safe, non-blocking. false when the message was dropped (queue full).
    bool enqueue(StoredMessage message);

    bool isStoring() const;
    StorageError lastError() const;
    qsizetype pendingCount() const;
    // Live counters, including what is not committed yet.
    ProfileCounters counters(qint64 profileId) const;
    RetentionPolicy retention(qint64 profileId) const;
    // Saved by the writer thread and applied from its next retention pass.
    void setRetention(qint64 profileId, const RetentionPolicy &policy);
    // Tries storing again after a failure (e.g. once disk space was freed).
    void resumeStoring();
    // Blocks until everything enqueued so far is committed, storing failed, or the timeout
    // passed. For tests, exports and shutdown; never call it from the network thread.
    bool waitUntilIdle(int timeoutMs);

signals:
    // One per profile per committed batch; ids in [firstId, lastId] (not necessarily
    // contiguous when several profiles share the batch).
    void rowsAppended(qint64 profileId, qint64 firstId, qint64 lastId, qint64 count);
    // Retention removed every row of the profile with id <= upToId.
    void rowsRemoved(qint64 profileId, qint64 upToId, qint64 count);
    void storingFailed(const mqttdesk::StorageError &error);
    void storingResumed();

private:
    void run();
    bool openWriter();
    void writeBatch();
    void applyRetention();
    void fail(const StorageError &error, std::vector<StoredMessage> *unwritten);

    const QString m_path;
    const Options m_options;
    QThread *m_thread = nullptr;
    std::unique_ptr<MessageBatchWriter> m_writer; // writer thread only

    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    QWaitCondition m_idle;
    std::deque<StoredMessage> m_queue;
    qint64 m_queuedBytes = 0;
    bool m_inFlight = false;
    qsizetype m_inFlightCount = 0;
    bool m_stopping = false;
    bool m_failed = false;
    bool m_resumeRequested = false;
    bool m_started = false;
    bool m_countersLoaded = false;
    bool m_retentionDue = false;
    QSet<qint64> m_dirty;
    StorageError m_lastError;
    QHash<qint64, ProfileCounters> m_counters;
    QHash<qint64, RetentionPolicy> m_retention;
    QHash<qint64, RetentionPolicy> m_retentionToSave;
    std::vector<StoredMessage> m_batch; // writer thread only
};

} // namespace mqttdesk
