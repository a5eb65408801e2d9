#pragma once

#include "core/storage/database_connection.h"
#include "core/storage/profile_counters.h"
#include "core/storage/retention_policy.h"
#include "core/storage/storage_error.h"
#include "core/storage/stored_message.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QWaitCondition>

#include <deque>
#include <map>
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
        // Topic and full-text indexing runs behind the writes (MessageIndexer): a chunk
        // whenever the queue is empty, and also between batches once this many committed
        // rows wait, so that the scanned tail stays bounded during a long flood.
        qint64 indexChunkRows = 32768;    // over the backlog limit
        qint64 idleIndexChunkRows = 8192; // when idle: short, so a new burst waits little
        qint64 indexBacklogLimit = 500000;
        bool indexWhenIdle = true; // test seam: false leaves rows unindexed up to the limit
        // After a failure that can pass (a full disk, a read-only or busy file, an I/O
        // error), writing is tried again this often, so storing resumes by itself once space
        // is back. A retry that fails the same way is not reported again; storingResumed()
        // comes with the first batch that commits. 0: a failed writer waits for
        // resumeStoring().
        int retryAfterFailureMs = 0;
        DatabaseConnection::Options connection; // test seams (see DatabaseConnection)
    };

    explicit MessageWriter(const QString &databasePath, QObject *parent = nullptr);
    MessageWriter(const QString &databasePath, const Options &options, QObject *parent = nullptr);
    ~MessageWriter() override;

    const QString &databasePath() const { return m_path; }

    void start();
    // Commits what is queued (unless storing has failed), then ends the thread.
    void stop();

    // Thread-safe, non-blocking. false when the message was dropped (queue full).
    // `ticket`, when given, receives the message's place in the writer's order (1, 2, ...
    // over every accepted message): committed(t) means every ticket <= t is stored.
    bool enqueue(StoredMessage message, quint64 *ticket = nullptr);
    // Thread-safe, non-blocking. Records how far the outgoing message enqueued with
    // `ticket` got: `state`'s publishStage, publishReason, publishError and (when set)
    // packetId; its qos is the message's (Sent is the last stage of QoS 0 only). Applied
    // after the message is committed, in order; outgoingUpdated() tells.
    // Unknown tickets (a refused or discarded message) are ignored.
    void updateOutgoing(quint64 ticket, const StoredMessage &state);

    bool isStoring() const;
    StorageError lastError() const;
    qsizetype pendingCount() const;
    // Automatic retries (Options::retryAfterFailureMs) that failed as the failure before.
    int failedRetries() const;
    // How full the queue is, 0 to 1: the larger of its messages and its payload bytes against
    // their capacities (enqueue() refuses beyond). 0 once storing has failed: the queue then
    // no longer drains, and holding the producers back would not help (they count drops).
    double queueFill() const;
    // Live counters, including what is not committed yet.
    ProfileCounters counters(qint64 profileId) const;
    RetentionPolicy retention(qint64 profileId) const;
    // Saved by the writer thread and applied from its next retention pass.
    void setRetention(qint64 profileId, const RetentionPolicy &policy);
    // For a profile about to be deleted (ProfileStore::remove does this when given the
    // writer): its queued messages are discarded, the writer's current batch or retention
    // pass is waited for, its counters and budget are forgotten, and later messages for it
    // are refused, so nothing of it is written again after its rows are gone.
    void removeProfile(qint64 profileId);
    // Erases the profile's whole history (messages, topics, counters) on the writer thread,
    // between batches, so that the writer's caches and counters start again from nothing.
    // Messages queued before the call are written first and erased with the rest. Blocks
    // until done or timed out: call it from a worker thread, never the GUI or network one.
    StorageError eraseProfile(qint64 profileId, int timeoutMs);
    // Tries storing again after a failure (e.g. once disk space was freed).
    void resumeStoring();
    // Blocks until everything enqueued so far is committed, storing failed, or the timeout
    // passed. For tests, exports and shutdown; never call it from the network thread.
    bool waitUntilIdle(int timeoutMs);
    // Like waitUntilIdle(), and also until every committed row is in the topic and
    // full-text indexes (queries are complete either way; this is for benchmarks, tests
    // and a tidy shutdown).
    bool waitUntilIndexed(int timeoutMs);
    // Committed rows not indexed yet.
    qint64 unindexedCount() const;

signals:
    // One per profile per committed batch; ids in [firstId, lastId] (not necessarily
    // contiguous when several profiles share the batch).
    void rowsAppended(qint64 profileId, qint64 firstId, qint64 lastId, qint64 count);
    // Retention removed every row of the profile with id <= upToId.
    void rowsRemoved(qint64 profileId, qint64 upToId, qint64 count);
    // Emitted on the writer thread after every commit: every message enqueued with a
    // ticket <= throughTicket is in the database (store before acknowledging waits for it).
    void committed(quint64 throughTicket);
    void storingFailed(const mqttdesk::StorageError &error);
    // An outgoing message's publish state was stored (updateOutgoing()); `state` carries
    // publishStage, publishReason, publishError and packetId.
    void outgoingUpdated(qint64 profileId, qint64 id, const mqttdesk::StoredMessage &state);
    void storingResumed();
    // Messages that were still queued when a failed writer was stopped: they are counted
    // as dropped (and the counters saved if the database still takes writes).
    void messagesDropped(qint64 profileId, qint64 count);

private:
    void run();
    StorageError openWriter();
    void writeBatch();
    void applyRetention();
    void indexIfDue();
    void dropQueued();
    void rememberOutgoingRows();
    void applyErasures();
    void applyOutgoingUpdates(quint64 committedThrough);
    void fail(const StorageError &error, std::vector<StoredMessage> *unwritten);
    // A failure that may pass by itself (Options::retryAfterFailureMs).
    static bool retryable(StorageError::Kind kind);

    const QString m_path;
    const Options m_options;
    QThread *m_thread = nullptr;
    std::unique_ptr<MessageBatchWriter> m_writer; // writer thread only

    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    QWaitCondition m_idle;
    std::deque<StoredMessage> m_queue;
    quint64 m_accepted = 0; // tickets handed out; the queue holds the newest of them
    qint64 m_queuedBytes = 0;
    bool m_inFlight = false;
    qsizetype m_inFlightCount = 0;
    bool m_stopping = false;
    bool m_failed = false;
    bool m_resumeRequested = false;
    // Writer thread: a retry after a failure is under way (see Options::retryAfterFailureMs),
    // and since when the writer has failed.
    bool m_retrying = false;
    int m_failedRetries = 0; // guarded by m_mutex
    StorageError::Kind m_retryingKind = StorageError::Kind::None;
    QElapsedTimer m_failedSince;
    bool m_started = false;
    bool m_countersLoaded = false;
    bool m_retentionDue = false;
    bool m_working = false; // a batch or retention pass is running on the writer thread
    qint64 m_unindexed = 0;
    QSet<qint64> m_removedProfiles;
    QSet<qint64> m_dirty;
    StorageError m_lastError;
    QHash<qint64, ProfileCounters> m_counters;
    QHash<qint64, RetentionPolicy> m_retention;
    QHash<qint64, RetentionPolicy> m_retentionToSave;
    std::vector<StoredMessage> m_batch; // writer thread only

    // Outgoing messages are few (published by hand): their tickets are kept, in queue
    // order, so a later updateOutgoing() finds the row the writer gave them.
    struct OutgoingUpdate
    {
        quint64 ticket = 0;
        StoredMessage state;
    };
    struct OutgoingRow
    {
        qint64 profileId = 0;
        qint64 id = 0;
    };
    std::deque<quint64> m_outgoingTickets;         // of the outgoing messages in m_queue
    std::vector<OutgoingUpdate> m_outgoingUpdates; // waiting to be applied
    std::vector<quint64> m_batchOutgoingTickets;   // writer thread only
    std::map<quint64, OutgoingRow> m_outgoingRows; // writer thread only; bounded

    struct Erasure
    {
        quint64 request = 0;
        qint64 profileId = 0;
        quint64 afterTicket = 0; // what was accepted before the request is written first
    };
    std::vector<Erasure> m_erasures;
    QHash<quint64, StorageError> m_erased; // answers, by request
    quint64 m_erasureRequests = 0;
};

} // namespace mqttdesk
