#pragma once

#include "core/storage/database_connection.h"
#include "core/storage/message_filter.h"
#include "core/storage/storage_error.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <memory>

class QThread;

namespace mqttdesk {

class MessageWriter;

// The history of one profile shaped for a virtual list view (lives on the GUI thread):
// a row count, windows fetched by keyset, and batched "rows appended" notifications.
// The row count of an unfiltered view is the profile's stored counter; a filtered view is
// counted on a worker thread (rowCount() is -1 until rowCountChanged). Appends reported by
// the writer are coalesced and, for filtered views, counted over the new id range only.
class MessageHistory : public QObject
{
    Q_OBJECT
public:
    // `writer` may be null (a read-only view of stored history).
    MessageHistory(const QString &databasePath, MessageWriter *writer, QObject *parent = nullptr);
    ~MessageHistory() override;

    StorageError open();
    void setFilter(const MessageFilter &filter);
    const MessageFilter &filter() const { return m_filter; }

    qint64 rowCount() const { return m_rowCount; }
    bool isCounting() const { return m_countThread != nullptr; }
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
    void errorOccurred(const mqttdesk::StorageError &error);

private:
    void onWriterAppended(qint64 profileId, qint64 firstId, qint64 lastId, qint64 count);
    void onWriterRemoved(qint64 profileId, qint64 upToId, qint64 count);
    void flushAppended();
    void startCount();
    void stopCount();
    void setRowCount(qint64 count);

    QString m_path;
    QPointer<MessageWriter> m_writer;
    std::unique_ptr<DatabaseConnection> m_connection;
    MessageFilter m_filter;
    qint64 m_rowCount = 0;
    qint64 m_lastAnnouncedId = 0;
    qint64 m_pendingFirst = 0;
    qint64 m_pendingLast = 0;
    qint64 m_pendingCount = 0; // unfiltered: exact count of pending rows
    QTimer m_coalesce;
    QThread *m_countThread = nullptr;
    std::shared_ptr<std::atomic_bool> m_countCancel;
    quint64 m_generation = 0;
};

} // namespace mqttdesk
