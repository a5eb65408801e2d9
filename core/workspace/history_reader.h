#pragma once

#include "core/storage/message_filter.h"
#include "core/storage/message_query.h"
#include "core/storage/storage_error.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace mqttdesk {

class DatabaseConnection;

// Reads a profile's history on its own thread with its own database connection, so page
// fetches, full-text search, large payload reads and counts never run on the caller's
// (the GUI) thread. Requests are served in order; each answer is handed to its callback
// on the thread that owns the reader (queued), and dropped if the reader is gone by then.
class HistoryReader : public QObject
{
    Q_OBJECT
public:
    using PageCallback = std::function<void(const MessagePage &page, const StorageError &error)>;
    using PayloadCallback =
        std::function<void(qint64 messageId, const QByteArray &bytes, const StorageError &error)>;
    using TopicCountsCallback = std::function<void(const QList<MessageQuery::TopicCount> &counts,
                                                   const StorageError &error)>;

    explicit HistoryReader(const QString &databasePath, QObject *parent = nullptr);
    ~HistoryReader() override;

    void fetch(const MessageFilter &filter, const PageRequest &request, PageCallback done);
    // The first `maxBytes` of a stored payload (for the preview of a large one).
    void loadPayloadPrefix(qint64 messageId, qsizetype maxBytes, PayloadCallback done);
    // Messages received per topic before `beforeUs` (MessageQuery::receivedPerTopic).
    void countReceivedPerTopic(qint64 profileId, qint64 beforeUs, TopicCountsCallback done);
    // Requests sent and not answered yet.
    int pendingRequests() const { return m_pending; }

private:
    // Runs `work` on the reader thread, then what it returns on this object's thread.
    void post(std::function<std::function<void()>(DatabaseConnection &)> work);

    QString m_path;
    QThread m_thread;
    QObject *m_context = nullptr;                     // lives on m_thread
    std::unique_ptr<DatabaseConnection> m_connection; // used on m_thread only
    int m_pending = 0;
};

} // namespace mqttdesk
