#include "core/storage/message_history.h"

#include "core/storage/message_query.h"
#include "core/storage/message_writer.h"
#include "core/storage/profile_counters.h"

#include <QThread>

namespace mqttdesk {

MessageHistory::MessageHistory(const QString &databasePath, MessageWriter *writer, QObject *parent)
    : QObject(parent)
    , m_path(databasePath)
    , m_writer(writer)
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
    }
}

MessageHistory::~MessageHistory()
{
    stopCount();
}

StorageError MessageHistory::open()
{
    m_connection = std::make_unique<DatabaseConnection>(m_path, QStringLiteral("history"));
    return m_connection->error();
}

void MessageHistory::setFilter(const MessageFilter &filter)
{
    stopCount();
    if (!m_connection) {
        const StorageError error = open();
        if (error.isError()) {
            emit errorOccurred(error);
            return;
        }
    }
    m_filter = filter;
    m_pendingFirst = m_pendingLast = m_pendingCount = 0;
    m_coalesce.stop();
    StorageError error;
    const MessageQuery query(*m_connection);
    m_lastAnnouncedId = query.lastId(filter.profileId, &error);
    if (error.isError()) {
        emit errorOccurred(error);
        return;
    }
    if (filter.isProfileOnly()) {
        // The counter is exact and committed with the rows; no count(*) anywhere.
        const ProfileCounters counters =
            ProfileCounters::load(*m_connection, filter.profileId, &error);
        if (error.isError()) {
            emit errorOccurred(error);
            return;
        }
        setRowCount(counters.stored);
        return;
    }
    m_rowCount = -1;
    startCount();
}

void MessageHistory::startCount()
{
    const quint64 generation = ++m_generation;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_countCancel = cancel;
    const MessageFilter filter = m_filter;
    const qint64 upToId = m_lastAnnouncedId;
    const QString path = m_path;
    m_countThread = QThread::create([this, generation, cancel, filter, upToId, path] {
        DatabaseConnection connection(path, QStringLiteral("count"));
        StorageError error = connection.error();
        qint64 count = -1;
        if (!error.isError())
            count = MessageQuery(connection).count(filter, &error, cancel.get(), 0, upToId);
        if (cancel->load())
            return;
        QMetaObject::invokeMethod(
            this,
            [this, generation, count, error] {
                if (generation != m_generation)
                    return;
                stopCount();
                if (error.isError()) {
                    emit errorOccurred(error);
                    return;
                }
                // Appends that arrived while counting were held back; add them now.
                setRowCount(count);
                if (m_pendingLast > 0 && !m_coalesce.isActive())
                    m_coalesce.start();
            },
            Qt::QueuedConnection);
    });
    m_countThread->start();
}

void MessageHistory::stopCount()
{
    ++m_generation; // results already queued by the old count are ignored
    if (!m_countThread)
        return;
    m_countCancel->store(true);
    m_countThread->wait();
    delete m_countThread;
    m_countThread = nullptr;
}

void MessageHistory::setRowCount(qint64 count)
{
    m_rowCount = count;
    emit rowCountChanged(count);
}

MessagePage MessageHistory::fetch(const PageRequest &request, StorageError *error) const
{
    return MessageQuery(*m_connection).fetch(m_filter, request, error);
}

QByteArray MessageHistory::loadPayload(qint64 messageId, StorageError *error) const
{
    return MessageQuery(*m_connection).loadPayload(messageId, error);
}

void MessageHistory::onWriterAppended(qint64 profileId, qint64 firstId, qint64 lastId, qint64 count)
{
    if (profileId != m_filter.profileId || lastId <= m_lastAnnouncedId)
        return;
    if (m_pendingLast == 0)
        m_pendingFirst = qMax(firstId, m_lastAnnouncedId + 1);
    m_pendingLast = qMax(m_pendingLast, lastId);
    m_pendingCount += count;
    if (!m_coalesce.isActive() && !isCounting())
        m_coalesce.start();
}

void MessageHistory::flushAppended()
{
    if (m_pendingLast == 0 || isCounting())
        return;
    qint64 matched = m_pendingCount;
    if (!m_filter.isProfileOnly()) {
        // Only the new id range is counted: cheap however big the history is.
        StorageError error;
        matched = MessageQuery(*m_connection)
                      .count(m_filter, &error, nullptr, m_lastAnnouncedId, m_pendingLast);
        if (error.isError()) {
            emit errorOccurred(error);
            return;
        }
    }
    const qint64 first = m_pendingFirst;
    const qint64 last = m_pendingLast;
    m_lastAnnouncedId = last;
    m_pendingFirst = m_pendingLast = m_pendingCount = 0;
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
    if (m_filter.isProfileOnly()) {
        setRowCount(qMax<qint64>(0, m_rowCount - count));
        return;
    }
    // How many of the removed rows matched is unknown: recount off-thread.
    stopCount();
    m_rowCount = -1;
    startCount();
}

} // namespace mqttdesk
