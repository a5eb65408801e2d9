#include "core/storage/message_writer.h"

#include "core/storage/message_batch_writer.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSet>
#include <QThread>

#include <algorithm>

namespace mqttdesk {

MessageWriter::MessageWriter(const QString &databasePath, QObject *parent)
    : MessageWriter(databasePath, Options{}, parent)
{}

MessageWriter::MessageWriter(const QString &databasePath, const Options &options, QObject *parent)
    : QObject(parent)
    , m_path(databasePath)
    , m_options(options)
{
    qRegisterMetaType<mqttdesk::StorageError>();
    qRegisterMetaType<mqttdesk::StoredMessage>();
}

MessageWriter::~MessageWriter()
{
    stop();
}

void MessageWriter::start()
{
    if (m_thread)
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = false;
        m_started = false;
    }
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("mqttdesk-writer"));
    m_thread->start();
    // Wait for the writer to open the database and load counters and retention, so that
    // counters() and isStoring() are meaningful once start() returns.
    QMutexLocker lock(&m_mutex);
    while (!m_started)
        m_idle.wait(&m_mutex);
}

void MessageWriter::stop()
{
    if (!m_thread)
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

bool MessageWriter::enqueue(StoredMessage message, quint64 *ticket)
{
    QMutexLocker lock(&m_mutex);
    if (!m_removedProfiles.isEmpty() && m_removedProfiles.contains(message.profileId))
        return false;
    ProfileCounters &counters = m_counters[message.profileId];
    ++counters.received;
    m_dirty.insert(message.profileId);
    const qint64 size = message.payload.size();
    if (qsizetype(m_queue.size()) >= m_options.queueCapacity ||
        m_queuedBytes + size > m_options.queueByteCapacity) {
        ++counters.dropped;
        return false;
    }
    const bool wasEmpty = m_queue.empty();
    const bool outgoing = message.direction == StoredMessage::Direction::Outgoing;
    m_queue.push_back(std::move(message));
    m_queuedBytes += size;
    ++m_accepted;
    if (outgoing)
        m_outgoingTickets.push_back(m_accepted);
    if (ticket)
        *ticket = m_accepted;
    if (wasEmpty)
        m_wake.wakeOne();
    return true;
}

void MessageWriter::updateOutgoing(quint64 ticket, const StoredMessage &state)
{
    QMutexLocker lock(&m_mutex);
    if (ticket == 0 || ticket > m_accepted)
        return; // never handed out
    m_outgoingUpdates.push_back(OutgoingUpdate{ticket, state});
    m_wake.wakeOne();
}

bool MessageWriter::isStoring() const
{
    QMutexLocker lock(&m_mutex);
    return m_thread && !m_failed;
}

StorageError MessageWriter::lastError() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastError;
}

qsizetype MessageWriter::pendingCount() const
{
    QMutexLocker lock(&m_mutex);
    return qsizetype(m_queue.size()) + m_inFlightCount;
}

double MessageWriter::queueFill() const
{
    QMutexLocker lock(&m_mutex);
    if (m_failed)
        return 0;
    const double messages =
        double(m_queue.size()) / double(qMax<qsizetype>(1, m_options.queueCapacity));
    const double bytes =
        double(m_queuedBytes) / double(qMax<qint64>(1, m_options.queueByteCapacity));
    return qMax(messages, bytes);
}

ProfileCounters MessageWriter::counters(qint64 profileId) const
{
    QMutexLocker lock(&m_mutex);
    return m_counters.value(profileId);
}

RetentionPolicy MessageWriter::retention(qint64 profileId) const
{
    QMutexLocker lock(&m_mutex);
    return m_retention.value(profileId);
}

void MessageWriter::setRetention(qint64 profileId, const RetentionPolicy &policy)
{
    QMutexLocker lock(&m_mutex);
    m_retention.insert(profileId, policy);
    m_retentionToSave.insert(profileId, policy);
    m_retentionDue = true;
    m_wake.wakeOne();
}

void MessageWriter::removeProfile(qint64 profileId)
{
    QMutexLocker lock(&m_mutex);
    m_removedProfiles.insert(profileId);
    std::size_t outgoing = 0; // index into m_outgoingTickets, which follows the queue order
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        const bool isOutgoing = it->direction == StoredMessage::Direction::Outgoing;
        if (it->profileId == profileId) {
            if (isOutgoing && outgoing < m_outgoingTickets.size())
                m_outgoingTickets.erase(m_outgoingTickets.begin() + qptrdiff(outgoing));
            m_queuedBytes -= it->payload.size();
            it = m_queue.erase(it);
        } else {
            outgoing += isOutgoing ? 1 : 0;
            ++it;
        }
    }
    // Bounded: a batch or a retention chunk takes well under this.
    QDeadlineTimer deadline(30000);
    while (m_working && m_thread) {
        if (!m_idle.wait(&m_mutex, deadline))
            break;
    }
    m_counters.remove(profileId);
    m_dirty.remove(profileId);
    m_retention.remove(profileId);
    m_retentionToSave.remove(profileId);
}

StorageError MessageWriter::eraseProfile(qint64 profileId, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QMutexLocker lock(&m_mutex);
    if (!m_thread)
        return StorageError::make(StorageError::Kind::QueryFailed, m_path,
                                  QStringLiteral("the writer is not running"));
    const quint64 request = ++m_erasureRequests;
    m_erasures.push_back(Erasure{request, profileId, m_accepted});
    m_wake.wakeOne();
    while (!m_erased.contains(request)) {
        if (!m_thread || !m_idle.wait(&m_mutex, deadline)) {
            // Not done in time: it may still happen; its answer is dropped then.
            return StorageError::make(StorageError::Kind::Busy, m_path,
                                      QStringLiteral("clearing the history timed out"));
        }
    }
    return m_erased.take(request);
}

void MessageWriter::resumeStoring()
{
    QMutexLocker lock(&m_mutex);
    m_resumeRequested = true;
    m_wake.wakeOne();
}

bool MessageWriter::waitUntilIdle(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QMutexLocker lock(&m_mutex);
    const auto busy = [this] {
        return !m_queue.empty() || m_inFlight || m_retentionDue || !m_outgoingUpdates.empty();
    };
    while (busy() && !m_failed && m_thread) {
        if (!m_idle.wait(&m_mutex, deadline))
            break;
    }
    return m_queue.empty() && !m_inFlight && m_outgoingUpdates.empty() && !m_failed;
}

bool MessageWriter::waitUntilIndexed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QMutexLocker lock(&m_mutex);
    const auto done = [this] {
        return m_queue.empty() && !m_inFlight && !m_retentionDue && m_unindexed == 0;
    };
    while (!done() && !m_failed && m_thread) {
        if (!m_idle.wait(&m_mutex, deadline))
            break;
    }
    return done() && !m_failed;
}

qint64 MessageWriter::unindexedCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_unindexed;
}

StorageError MessageWriter::openWriter()
{
    const StorageError error = m_writer->open();
    if (error.isError())
        return error;
    StorageError loadError;
    const auto stored = ProfileCounters::loadAll(*m_writer->connection(), &loadError);
    const auto retention = RetentionPolicy::loadAll(*m_writer->connection(), &loadError);
    if (loadError.isError())
        return loadError;
    QMutexLocker lock(&m_mutex);
    // What was counted before the writer opened is a delta on top of the saved values.
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        ProfileCounters &live = m_counters[it.key()];
        if (!m_countersLoaded) {
            live.received += it->received;
            live.dropped += it->dropped;
        }
        live.stored = it->stored;
        live.bytes = it->bytes;
    }
    m_countersLoaded = true;
    m_unindexed = m_writer->unindexedRows();
    for (auto it = retention.cbegin(); it != retention.cend(); ++it) {
        if (!m_retention.contains(it.key()))
            m_retention.insert(it.key(), it.value());
    }
    m_retentionDue = true;
    return {};
}

void MessageWriter::run()
{
    m_writer = std::make_unique<MessageBatchWriter>(m_path, m_options.connection);
    if (const StorageError error = openWriter(); error.isError())
        fail(error, nullptr);
    {
        QMutexLocker lock(&m_mutex);
        m_started = true;
        m_idle.wakeAll();
    }
    QElapsedTimer sinceRetention;
    sinceRetention.start();
    for (;;) {
        bool resume = false;
        bool haveWork = false;
        const bool indexWork =
            m_options.indexWhenIdle && m_writer->isOpen() && m_writer->unindexedRows() > 0;
        {
            QMutexLocker lock(&m_mutex);
            for (;;) {
                if (m_stopping || m_resumeRequested)
                    break;
                if (!m_failed &&
                    (!m_queue.empty() || m_retentionDue || indexWork || !m_outgoingUpdates.empty()))
                    break;
                if (!m_erasures.empty())
                    break;
                const qint64 remaining = m_options.retentionIntervalMs - sinceRetention.elapsed();
                if (!m_failed && remaining <= 0 && !m_retention.isEmpty()) {
                    m_retentionDue = true;
                    break;
                }
                // A failure that may pass is tried again after a while (Options).
                const bool retries =
                    m_failed && m_options.retryAfterFailureMs > 0 && retryable(m_lastError.kind);
                const qint64 retryIn =
                    retries ? m_options.retryAfterFailureMs - m_failedSince.elapsed() : 0;
                if (retries && retryIn <= 0) {
                    m_resumeRequested = true;
                    m_retrying = true;
                    m_retryingKind = m_lastError.kind;
                    break;
                }
                const bool timed = !m_failed && !m_retention.isEmpty();
                m_wake.wait(&m_mutex, retries ? QDeadlineTimer(retryIn)
                                      : timed ? QDeadlineTimer(qMax<qint64>(remaining, 1))
                                              : QDeadlineTimer(QDeadlineTimer::Forever));
            }
            resume = m_resumeRequested;
            m_resumeRequested = false;
            if (m_stopping && !resume && (m_queue.empty() || m_failed))
                break;
            haveWork = !m_failed && !m_queue.empty();
        }
        if (resume) {
            bool failed = false;
            {
                QMutexLocker lock(&m_mutex);
                failed = m_failed;
            }
            if (failed) {
                if (!m_writer->isOpen()) {
                    if (const StorageError error = openWriter(); error.isError()) {
                        fail(error, nullptr);
                        continue;
                    }
                }
                bool retrying = false;
                {
                    QMutexLocker lock(&m_mutex);
                    m_failed = false;
                    m_lastError = {};
                    retrying = m_retrying;
                }
                // An automatic retry is "resumed" only once a batch commits (below).
                if (!retrying)
                    emit storingResumed();
            }
            continue;
        }
        if (haveWork) {
            writeBatch();
            bool resumed = false;
            {
                QMutexLocker lock(&m_mutex);
                resumed = m_retrying && !m_failed;
                if (resumed)
                    m_retrying = false;
            }
            if (resumed)
                emit storingResumed();
        }
        quint64 committedThrough = 0;
        bool updates = false;
        bool erasures = false;
        {
            QMutexLocker lock(&m_mutex);
            updates = !m_failed && !m_outgoingUpdates.empty();
            erasures = !m_erasures.empty();
            committedThrough = m_accepted - quint64(m_queue.size());
        }
        if (updates)
            applyOutgoingUpdates(committedThrough);
        if (erasures)
            applyErasures();
        bool retentionDue = false;
        {
            QMutexLocker lock(&m_mutex);
            retentionDue = m_retentionDue && !m_failed;
        }
        if (retentionDue) {
            applyRetention();
            sinceRetention.restart();
        }
        indexIfDue();
    }
    dropQueued();
    m_batch.clear();
    m_writer.reset();
    QMutexLocker lock(&m_mutex);
    m_idle.wakeAll();
}

void MessageWriter::writeBatch()
{
    QSet<qint64> dirty;
    {
        QMutexLocker lock(&m_mutex);
        const qsizetype n = qMin<qsizetype>(m_options.maxBatchRows, qsizetype(m_queue.size()));
        m_batch.clear();
        m_batch.reserve(size_t(n));
        m_batchOutgoingTickets.clear();
        for (qsizetype i = 0; i < n; ++i) {
            m_queuedBytes -= m_queue.front().payload.size();
            if (m_queue.front().direction == StoredMessage::Direction::Outgoing &&
                !m_outgoingTickets.empty()) {
                m_batchOutgoingTickets.push_back(m_outgoingTickets.front());
                m_outgoingTickets.pop_front();
            }
            m_batch.push_back(std::move(m_queue.front()));
            m_queue.pop_front();
        }
        m_inFlight = true;
        m_working = true;
        m_inFlightCount = n;
        dirty.swap(m_dirty);
    }
    QList<MessageBatchWriter::Appended> appended;
    StorageError error = m_writer->begin();
    if (!error.isError())
        error = m_writer->insert(m_batch, appended);
    if (!error.isError()) {
        QHash<qint64, ProfileCounters> snapshot;
        {
            QMutexLocker lock(&m_mutex);
            for (const auto &entry : std::as_const(appended))
                dirty.insert(entry.profileId);
            for (qint64 profile : std::as_const(dirty))
                snapshot.insert(profile, m_counters.value(profile));
        }
        for (const auto &entry : std::as_const(appended)) {
            snapshot[entry.profileId].stored += entry.count;
            snapshot[entry.profileId].bytes += entry.bytes;
        }
        error = m_writer->saveCounters(snapshot);
    }
    if (!error.isError())
        error = m_writer->commit();
    if (error.isError()) {
        m_writer->rollback();
        {
            QMutexLocker lock(&m_mutex);
            for (qint64 profile : std::as_const(dirty))
                m_dirty.insert(profile);
        }
        fail(error, &m_batch);
        return;
    }
    {
        QMutexLocker lock(&m_mutex);
        for (const auto &entry : std::as_const(appended)) {
            ProfileCounters &live = m_counters[entry.profileId];
            live.stored += entry.count;
            live.bytes += entry.bytes;
            const RetentionPolicy policy = m_retention.value(entry.profileId);
            if ((policy.maxCount > 0 && live.stored > policy.maxCount) ||
                (policy.maxBytes > 0 && live.bytes > policy.maxBytes))
                m_retentionDue = true;
        }
    }
    rememberOutgoingRows();
    quint64 committedThrough = 0;
    {
        // FIFO: everything accepted and no longer queued was in this or an earlier batch
        // (or discarded with a removed profile, which no one waits for).
        QMutexLocker lock(&m_mutex);
        committedThrough = m_accepted - quint64(m_queue.size());
    }
    // Announced before the batch counts as done, so waitUntilIdle() implies "emitted".
    emit committed(committedThrough);
    for (const auto &entry : std::as_const(appended))
        emit rowsAppended(entry.profileId, entry.firstId, entry.lastId, entry.count);
    QMutexLocker lock(&m_mutex);
    m_inFlight = false;
    m_working = false;
    m_inFlightCount = 0;
    m_unindexed = m_writer->unindexedRows();
    if (!m_removedProfiles.isEmpty())
        m_idle.wakeAll(); // removeProfile() waits for the batch
    m_batch.clear();
    if (m_queue.empty() && !m_retentionDue)
        m_idle.wakeAll();
}

void MessageWriter::applyRetention()
{
    QHash<qint64, RetentionPolicy> toSave;
    QHash<qint64, RetentionPolicy> policies;
    {
        QMutexLocker lock(&m_mutex);
        toSave.swap(m_retentionToSave);
        policies = m_retention;
        m_retentionDue = false;
        m_working = true;
    }
    const auto done = qScopeGuard([this] {
        QMutexLocker lock(&m_mutex);
        m_working = false;
        m_idle.wakeAll();
    });
    for (auto it = toSave.cbegin(); it != toSave.cend(); ++it) {
        const StorageError error =
            RetentionPolicy::save(*m_writer->connection(), it.key(), it.value());
        if (error.isError()) {
            fail(error, nullptr);
            return;
        }
    }
    const qint64 nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    bool more = false;
    for (auto it = policies.cbegin(); it != policies.cend(); ++it) {
        if (it->isUnlimited())
            continue;
        ProfileCounters counters = this->counters(it.key());
        MessageBatchWriter::Removed removed;
        StorageError error = m_writer->begin();
        if (!error.isError())
            error = m_writer->trim(it.key(), it.value(), counters, nowUs,
                                   m_options.retentionChunkRows, removed);
        if (!error.isError() && removed.count > 0) {
            counters = this->counters(it.key());
            counters.stored -= removed.count;
            counters.bytes -= removed.bytes;
            error = m_writer->saveCounters({{it.key(), counters}});
        }
        if (!error.isError())
            error = m_writer->commit();
        if (error.isError()) {
            m_writer->rollback();
            fail(error, nullptr);
            return;
        }
        if (removed.count == 0)
            continue;
        more = more || removed.count >= m_options.retentionChunkRows;
        {
            QMutexLocker lock(&m_mutex);
            ProfileCounters &live = m_counters[it.key()];
            live.stored -= removed.count;
            live.bytes -= removed.bytes;
        }
        emit rowsRemoved(it.key(), removed.upToId, removed.count);
    }
    QMutexLocker lock(&m_mutex);
    // Big backlogs are deleted one chunk per round, so writes are never held up for long.
    m_retentionDue = m_retentionDue || more;
    if (m_queue.empty() && !m_inFlight && !m_retentionDue)
        m_idle.wakeAll();
}

void MessageWriter::indexIfDue()
{
    bool queueEmpty = false;
    {
        QMutexLocker lock(&m_mutex);
        if (m_failed || !m_writer->isOpen())
            return;
        queueEmpty = m_queue.empty();
    }
    const qint64 backlog = m_writer->unindexedRows();
    if (backlog > 0 &&
        ((queueEmpty && m_options.indexWhenIdle) || backlog >= m_options.indexBacklogLimit)) {
        const StorageError error = m_writer->indexPending(backlog >= m_options.indexBacklogLimit
                                                              ? m_options.indexChunkRows
                                                              : m_options.idleIndexChunkRows);
        if (error.isError()) {
            fail(error, nullptr);
            return;
        }
    }
    QMutexLocker lock(&m_mutex);
    m_unindexed = m_writer->unindexedRows();
    if (m_unindexed == 0 && m_queue.empty() && !m_inFlight && !m_retentionDue)
        m_idle.wakeAll();
}

// A writer stopped after a failure cannot store what is still queued: it is counted as
// dropped, so "received = stored + dropped (+ queued)" keeps holding.
void MessageWriter::dropQueued()
{
    QHash<qint64, qint64> dropped;
    QHash<qint64, ProfileCounters> snapshot;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_failed || m_queue.empty())
            return;
        for (const StoredMessage &message : m_queue)
            ++dropped[message.profileId];
        m_queue.clear();
        m_outgoingTickets.clear();
        m_queuedBytes = 0;
        for (auto it = dropped.cbegin(); it != dropped.cend(); ++it) {
            m_counters[it.key()].dropped += it.value();
            snapshot.insert(it.key(), m_counters.value(it.key()));
        }
        m_idle.wakeAll();
    }
    // Best effort: the failure may have been temporary (e.g. space freed meanwhile).
    if (m_writer && m_writer->isOpen() && !m_writer->begin().isError()) {
        if (m_writer->saveCounters(snapshot).isError() || m_writer->commit().isError())
            m_writer->rollback();
    }
    for (auto it = dropped.cbegin(); it != dropped.cend(); ++it)
        emit messagesDropped(it.key(), it.value());
}

int MessageWriter::failedRetries() const
{
    QMutexLocker lock(&m_mutex);
    return m_failedRetries;
}

bool MessageWriter::retryable(StorageError::Kind kind)
{
    using K = StorageError::Kind;
    return kind == K::DiskFull || kind == K::ReadOnly || kind == K::IoError || kind == K::Busy;
}

void MessageWriter::fail(const StorageError &error, std::vector<StoredMessage> *unwritten)
{
    bool silent = false; // an automatic retry that failed as before: told already
    {
        QMutexLocker lock(&m_mutex);
        m_failedSince.start();
        silent = m_retrying && error.kind == m_retryingKind;
        m_failedRetries += silent ? 1 : 0;
        m_retrying = false;
        if (unwritten) {
            // Back to the front of the queue, oldest first. They were accepted, so they
            // stay even past the capacity (enqueue() refuses new ones until there is room):
            // a message acknowledged after its commit must never be dropped here.
            for (auto it = m_batchOutgoingTickets.rbegin(); it != m_batchOutgoingTickets.rend();
                 ++it)
                m_outgoingTickets.push_front(*it);
            m_batchOutgoingTickets.clear();
            for (auto it = unwritten->rbegin(); it != unwritten->rend(); ++it) {
                it->id = 0;
                m_queuedBytes += it->payload.size();
                m_queue.push_front(std::move(*it));
            }
            unwritten->clear();
        }
        m_inFlight = false;
        m_working = false;
        m_inFlightCount = 0;
        m_failed = true;
        m_lastError = error;
        m_idle.wakeAll();
    }
    if (!silent)
        emit storingFailed(error);
}

// Erasures whose earlier messages are all written (or that cannot wait: storing failed).
void MessageWriter::applyErasures()
{
    std::vector<Erasure> ready;
    bool failed = false;
    StorageError lastError;
    {
        QMutexLocker lock(&m_mutex);
        if (m_erasures.empty())
            return;
        failed = m_failed;
        lastError = m_lastError;
        const quint64 committedThrough = m_accepted - quint64(m_queue.size());
        auto keep = std::stable_partition(m_erasures.begin(), m_erasures.end(),
                                          [committedThrough, failed](const Erasure &e) {
                                              return !failed && e.afterTicket > committedThrough;
                                          });
        ready.assign(keep, m_erasures.end());
        m_erasures.erase(keep, m_erasures.end());
        if (!ready.empty())
            m_working = true;
    }
    for (const Erasure &e : ready) {
        StorageError error;
        if (failed || !m_writer->isOpen()) {
            error = lastError.isError()
                        ? lastError
                        : StorageError::make(StorageError::Kind::QueryFailed, m_path);
        } else {
            error = m_writer->begin();
            if (!error.isError())
                error = m_writer->eraseProfile(e.profileId);
            if (!error.isError())
                error = m_writer->commit();
            else
                m_writer->rollback();
        }
        QMutexLocker lock(&m_mutex);
        if (!error.isError()) {
            // The saved counters are gone with the rows: the live ones start again too.
            m_counters.remove(e.profileId);
            m_dirty.remove(e.profileId);
            for (auto it = m_outgoingRows.begin(); it != m_outgoingRows.end();) {
                if (it->second.profileId == e.profileId)
                    it = m_outgoingRows.erase(it);
                else
                    ++it;
            }
        }
        m_erased.insert(e.request, error);
    }
    QMutexLocker lock(&m_mutex);
    m_working = false;
    m_idle.wakeAll();
}

// After a commit: which row each outgoing message of the batch became.
void MessageWriter::rememberOutgoingRows()
{
    // Far more than are ever awaiting an acknowledgement; the oldest go first.
    constexpr std::size_t kMaxRemembered = 65536;
    if (m_batchOutgoingTickets.empty())
        return; // received messages only: the usual batch
    std::size_t next = 0;
    for (const StoredMessage &message : m_batch) {
        if (message.direction != StoredMessage::Direction::Outgoing ||
            next >= m_batchOutgoingTickets.size())
            continue;
        m_outgoingRows[m_batchOutgoingTickets[next++]] = OutgoingRow{message.profileId, message.id};
    }
    m_batchOutgoingTickets.clear();
    while (m_outgoingRows.size() > kMaxRemembered)
        m_outgoingRows.erase(m_outgoingRows.begin());
}

void MessageWriter::applyOutgoingUpdates(quint64 committedThrough)
{
    std::vector<OutgoingUpdate> ready;
    {
        QMutexLocker lock(&m_mutex);
        // Updates of messages still queued wait for their commit; the rest go now.
        auto keep = std::stable_partition(
            m_outgoingUpdates.begin(), m_outgoingUpdates.end(),
            [committedThrough](const OutgoingUpdate &u) { return u.ticket > committedThrough; });
        ready.assign(std::make_move_iterator(keep),
                     std::make_move_iterator(m_outgoingUpdates.end()));
        m_outgoingUpdates.erase(keep, m_outgoingUpdates.end());
        if (!ready.empty())
            m_working = true;
    }
    if (ready.empty())
        return;
    const auto done = qScopeGuard([this] {
        QMutexLocker lock(&m_mutex);
        m_working = false;
        m_idle.wakeAll();
    });
    struct Applied
    {
        OutgoingRow row;
        StoredMessage state;
    };
    std::vector<Applied> applied;
    StorageError error = m_writer->begin();
    for (const OutgoingUpdate &update : ready) {
        if (error.isError())
            break;
        const auto row = m_outgoingRows.find(update.ticket);
        if (row == m_outgoingRows.end())
            continue; // refused, discarded with its profile, or long forgotten
        error = m_writer->updateOutgoing(row->second.id, update.state);
        applied.push_back(Applied{row->second, update.state});
        const auto stage = update.state.publishStage;
        if (stage && *stage != StoredMessage::PublishStage::Queued &&
            *stage != StoredMessage::PublishStage::Received &&
            (*stage != StoredMessage::PublishStage::Sent || update.state.qos == 0))
            m_outgoingRows.erase(row); // final: nothing more will come for it
    }
    if (!error.isError())
        error = m_writer->commit();
    if (error.isError()) {
        m_writer->rollback();
        fail(error, nullptr);
        return;
    }
    for (const Applied &a : applied)
        emit outgoingUpdated(a.row.profileId, a.row.id, a.state);
}

} // namespace mqttdesk
