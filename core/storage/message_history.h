#pragma once

#include "core/storage/database_connection.h"
#include "core/storage/message_filter.h"
#include "core/storage/storage_error.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <memory>

namespace mqttdesk {

class DatabaseWorker;
class MessageWriter;

// The history of one profile shaped for a virtual list view (lives on the GUI thread):
// a row count and batched "rows appended" notifications. Every query runs on its own
// worker thread: the row count (the profile's stored counter for an unfiltered view, a
// count for a filtered one; rowCount() is -1 until rowCountChanged) and the matches among
// appended rows, which the writer reports and this object coalesces, counted over the new
// id range only. fetch() and loadPayload() read on the calling thread, for tests and
// tools; the app reads pages through a HistoryReader.
class MessageHistory : public QObject
{
    Q_OBJECT
public:
    // `writer` may be null (a read-only view of stored history).
    MessageHistory(const QString &databasePath, MessageWriter *writer, QObject *parent = nullptr);
    ~MessageHistory() override;

    // Opens the calling thread's connection for fetch() and loadPayload() now (they open it
    // when first used otherwise); its error.
    StorageError open();
    void setFilter(const MessageFilter &filter);
    const MessageFilter &filter() const { return m_filter; }
    QString databasePath() const { return m_path; }

    qint64 rowCount() const { return m_rowCount; }
    // A count is in progress on the worker (appends are held back until it answers).
    bool isCounting() const { return m_busy; }
    // The highest id this view has announced (rows newer than it are not counted yet).
    qint64 lastAnnouncedId() const { return m_lastAnnouncedId; }

    MessagePage fetch(const PageRequest &request, StorageError *error = nullptr) const;
    QByteArray loadPayload(qint64 messageId, StorageError *error = nullptr) const;

    // How long appends are gathered before one notification; 0 notifies per writer batch.
    void setCoalesceInterval(int ms) { m_coalesce.setInterval(ms); }

signals:
    void rowCountChanged(qint64 count);
    // Rows matching the filter with firstId <= id <= lastId were appended (count of them).
    void rowsAppended(qint64 firstId, qint64 lastId, qint64 count);
    // Retention removed the rows up to upToId; the view should drop them.
    void rowsRemoved(qint64 upToId);
    // The publish state of one of the profile's outgoing messages changed (see
    // MessageWriter::outgoingUpdated).
    void outgoingUpdated(qint64 id, const mqttdesk::StoredMessage &state);
    void errorOccurred(const mqttdesk::StorageError &error);

private:
    void onWriterAppended(qint64 profileId, qint64 firstId, qint64 lastId, qint64 count);
    void onWriterRemoved(qint64 profileId, qint64 upToId, qint64 count);
    void flushAppended();
    // Asks the worker for the row count of the current filter up to `upToId` (-1: up to
    // the profile's last row, which then becomes the last announced id).
    void recount(qint64 upToId);
    void announce(qint64 first, qint64 last, qint64 matched);
    void setRowCount(qint64 count);
    const DatabaseConnection &callerConnection() const;

    QString m_path;
    QPointer<MessageWriter> m_writer;
    mutable std::unique_ptr<DatabaseConnection> m_connection; // the caller's, for fetch()
    std::unique_ptr<DatabaseWorker> m_worker;
    MessageFilter m_filter;
    qint64 m_rowCount = 0;
    qint64 m_lastAnnouncedId = 0;
    qint64 m_pendingFirst = 0;
    qint64 m_pendingLast = 0;
    qint64 m_pendingCount = 0; // unfiltered: exact count of pending rows (if m_pendingExact)
    bool m_pendingExact = true;
    bool m_busy = false; // a count is in progress on the worker
    QTimer m_coalesce;
    std::shared_ptr<std::atomic_bool> m_cancel; // of the newest recount
    quint64 m_generation = 0;
};

} // namespace mqttdesk
