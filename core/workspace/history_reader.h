#pragma once

#include "core/storage/database_worker.h"
#include "core/storage/message_filter.h"
#include "core/storage/message_query.h"
#include "core/storage/storage_error.h"
#include "core/topictree/topic_update.h"

#include <functional>

namespace mqttdesk {

// Reads a profile's history on its own thread with its own database connection, so page
// fetches, full-text search, large payload reads and counts never run on the caller's
// (the GUI) thread. Requests are served in order; each answer is handed to its callback
// on the thread that owns the reader (queued), and dropped if the reader is gone by then.
class HistoryReader : public DatabaseWorker
{
    Q_OBJECT
public:
    using PageCallback = std::function<void(const MessagePage &page, const StorageError &error)>;
    using PayloadCallback =
        std::function<void(qint64 messageId, const QByteArray &bytes, const StorageError &error)>;
    using TopicCountsCallback = std::function<void(const QList<MessageQuery::TopicCount> &counts,
                                                   const StorageError &error)>;
    using TopicUpdatesCallback =
        std::function<void(const TopicUpdates &updates, const StorageError &error)>;
    using MessagesCallback =
        std::function<void(const StoredMessageList &messages, const StorageError &error)>;

    explicit HistoryReader(const QString &databasePath, QObject *parent = nullptr);

    void fetch(const MessageFilter &filter, const PageRequest &request, PageCallback done);
    // The whole stored payload (copy, save, "show all", resend of a large message). A row
    // that is gone answers StorageError::Kind::NotFound.
    void loadPayload(qint64 messageId, PayloadCallback done);
    // The first `maxBytes` of a stored payload (for the preview of a large one).
    void loadPayloadPrefix(qint64 messageId, qsizetype maxBytes, PayloadCallback done);
    // For each of `topicFilters`, the profile's newest message with an id below `beforeId`
    // (with its whole payload), oldest first: what came before a message on the topics it
    // depends on (a Sparkplug B message's births, deaths and sequence). Each is an indexed
    // seek per topic.
    void loadNewestBefore(qint64 profileId, const QStringList &topicFilters, qint64 beforeId,
                          MessagesCallback done);
    // Messages received per topic before `beforeUs` (MessageQuery::receivedPerTopic).
    void countReceivedPerTopic(qint64 profileId, qint64 beforeUs, TopicCountsCallback done);
    // What the history holds per received topic before `beforeUs`, as topic tree updates
    // (count, last message, retained state; MessageQuery::receivedTopicSummaries).
    void loadTopicUpdates(qint64 profileId, qint64 beforeUs, TopicUpdatesCallback done);
};

} // namespace mqttdesk
