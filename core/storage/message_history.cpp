#include "core/storage/message_history.h"

#include "core/storage/database_worker.h"
#include "core/storage/message_query.h"
#include "core/storage/message_writer.h"
#include "core/storage/profile_counters.h"

namespace mqttdesk {

MessageHistory::MessageHistory(const QString &databasePath, MessageWriter *writer, QObject *parent)
    : QObject(parent)
    , m_path(databasePath)
    , m_writer(writer)
    , m_worker(std::make_unique<DatabaseWorker>(databasePath, QStringLiteral("history-count")))
{
    qRegisterMetaType<mqttdesk::StorageError>();
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(50);
    connect(&m_coalesce, &QTimer::timeout, this, &MessageHistory::flushAppended);
    if (writer) {
        // Queued: the writer emits on its own thread.
        connect(writer, &MessageWriter::rowsAppended, this, &MessageHistory::onWriterAppended,
                Qt::QueuedConnection);
        connect(writer, &MessageWriter::rowsRemoved, this, &MessageHistory::onWriterRemoved,
                Qt::QueuedConnection);
        connect(
            writer, &MessageWriter::outgoingUpdated, this,
            [this](qint64 profileId, qint64 id, const StoredMessage &state) {
                if (profileId == m_filter.profileId)
                    emit outgoingUpdated(id, state);
            },
            Qt::QueuedConnection);
    }
}

MessageHistory::~MessageHistory()
{
    // A long count in progress gives up; the worker then ends.
    if (m_cancel)
        m_cancel->store(true);
}

StorageError MessageHistory::open()
{
    m_connection = std::make_unique<DatabaseConnection>(m_path, QStringLiteral("history"));
    return m_connection->error();
}

const DatabaseConnection &MessageHistory::callerConnection() const
{
    if (!m_connection)
        m_connection = std::make_unique<DatabaseConnection>(m_path, QStringLiteral("history"));
    return *m_connection;
}

void MessageHistory::setFilter(const MessageFilter &filter)
{
    m_filter = filter;
    m_coalesce.stop();
    m_pendingFirst = m_pendingLast = m_pendingCount = 0;
    m_lastAnnouncedId = 0;
    recount(-1);
}

void MessageHistory::recount(qint64 upToId)
{
    const quint64 generation = ++m_generation;
    if (m_cancel)
        m_cancel->store(true); // an older count in progress gives up
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancel;
    m_busy = true;
    m_rowCount = -1;
    const MessageFilter filter = m_filter;
    m_worker->post([this, generation, cancel, filter, upToId](DatabaseConnection &connection) {
        StorageError error = connection.error();
        qint64 lastId = upToId;
        qint64 count = -1;
        if (!error.isError() && !cancel->load()) {
            const MessageQuery query(connection);
            if (lastId < 0)
                lastId = query.lastId(filter.profileId, &error);
            if (!error.isError() && filter.isProfileOnly() && upToId < 0) {
                // The counter is exact and committed with the rows; no count(*) anywhere.
                count = ProfileCounters::load(connection, filter.profileId, &error).stored;
            } else if (!error.isError()) {
                count = query.count(filter, &error, cancel.get(), 0, lastId);
            }
        }
        return std::function<void()>([this, generation, lastId, count, error] {
            if (generation != m_generation)
                return; // a newer filter or recount was asked for
            m_busy = false;
            if (error.isError()) {
                emit errorOccurred(error);
                return;
            }
            m_lastAnnouncedId = lastId;
            // Appends that arrived meanwhile were held back. They are all announced, also
            // those at or below lastId: the view loaded its rows at another moment than
            // this count was made, and it drops the rows it has by id. Their matches are
            // counted on the worker (a writer batch's count cannot be split here).
            if (m_pendingLast > 0)
                m_pendingExact = false;
            setRowCount(count);
            if (m_pendingLast > 0 && !m_coalesce.isActive())
                m_coalesce.start();
        });
    });
}

void MessageHistory::setRowCount(qint64 count)
{
    m_rowCount = count;
    emit rowCountChanged(count);
}

MessagePage MessageHistory::fetch(const PageRequest &request, StorageError *error) const
{
    return MessageQuery(callerConnection()).fetch(m_filter, request, error);
}

QByteArray MessageHistory::loadPayload(qint64 messageId, StorageError *error) const
{
    return MessageQuery(callerConnection()).loadPayload(messageId, error);
}

void MessageHistory::onWriterAppended(qint64 profileId, qint64 firstId, qint64 lastId, qint64 count)
{
    if (profileId != m_filter.profileId || (!m_busy && lastId <= m_lastAnnouncedId))
        return;
    if (m_pendingLast == 0) {
        m_pendingFirst = qMax(firstId, m_lastAnnouncedId + 1);
        m_pendingExact = true;
    }
    m_pendingLast = qMax(m_pendingLast, lastId);
    m_pendingCount += count;
    if (!m_coalesce.isActive() && !m_busy)
        m_coalesce.start();
}

void MessageHistory::flushAppended()
{
    if (m_pendingLast == 0 || m_busy)
        return;
    const qint64 first = m_pendingFirst;
    const qint64 last = m_pendingLast;
    const bool exact = m_filter.isProfileOnly() && m_pendingExact;
    const qint64 pendingCount = m_pendingCount;
    m_pendingFirst = m_pendingLast = m_pendingCount = 0;
    if (exact) {
        announce(first, last, pendingCount);
        return;
    }
    // Only the new id range is counted, on the worker: cheap however big the history is.
    const quint64 generation = m_generation;
    m_busy = true;
    const MessageFilter filter = m_filter;
    const qint64 after = first - 1;
    m_worker->post([this, generation, filter, after, first, last](DatabaseConnection &connection) {
        StorageError error = connection.error();
        qint64 matched = 0;
        if (!error.isError())
            matched = MessageQuery(connection).count(filter, &error, nullptr, after, last);
        return std::function<void()>([this, generation, first, last, matched, error] {
            if (generation != m_generation)
                return;
            m_busy = false;
            if (error.isError()) {
                emit errorOccurred(error);
                return;
            }
            announce(first, last, matched);
            // What arrived during the count goes out with the next flush.
            if (m_pendingLast > 0 && !m_coalesce.isActive())
                m_coalesce.start();
        });
    });
}

void MessageHistory::announce(qint64 first, qint64 last, qint64 matched)
{
    m_lastAnnouncedId = qMax(m_lastAnnouncedId, last);
    if (matched <= 0)
        return;
    m_rowCount += matched;
    emit rowsAppended(first, last, matched);
    emit rowCountChanged(m_rowCount);
}

void MessageHistory::onWriterRemoved(qint64 profileId, qint64 upToId, qint64 count)
{
    if (profileId != m_filter.profileId)
        return;
    emit rowsRemoved(upToId);
    if (m_filter.isProfileOnly() && !m_busy) {
        setRowCount(qMax<qint64>(0, m_rowCount - count));
        return;
    }
    // How many of the removed rows matched is unknown: recount on the worker, up to the
    // last announced row; the rows after it are still announced by the pending appends.
    recount(m_lastAnnouncedId);
}

} // namespace mqttdesk
