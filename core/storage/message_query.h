#pragma once

#include "core/storage/message_filter.h"
#include "core/storage/storage_error.h"

#include <QVariantList>

#include <atomic>
#include <optional>

class QSqlQuery;

namespace mqttdesk {

class DatabaseConnection;

// Reads a profile's history on the calling thread's connection. A topic filter is matched
// against the profile's interned topics (a handful to a few thousand rows), then rows are
// found through message_topics; a text query is driven from the FTS index in rowid order.
// Both indexes are filled behind the writer (MessageIndexer): rows above its watermark
// are scanned instead, so results are the same before and after indexing. Everything is
// keyset-paged.
class MessageQuery
{
public:
    explicit MessageQuery(const DatabaseConnection &connection);

    MessagePage fetch(const MessageFilter &filter, const PageRequest &request,
                      StorageError *error = nullptr) const;
    // Rows matching the filter with afterId < id <= upToId (upToId < 0: no upper bound);
    // counted in id slices so that `cancel` is honoured quickly. A full count is meant for
    // a worker thread. -1 when canceled or on error.
    qint64 count(const MessageFilter &filter, StorageError *error = nullptr,
                 const std::atomic_bool *cancel = nullptr, qint64 afterId = 0,
                 qint64 upToId = -1) const;
    struct TopicCount
    {
        QString topic;
        qint64 messages = 0;
    };
    // How many messages the profile received on each topic before `beforeUs` (outgoing
    // ones are not counted). One pass over the history: meant for a worker thread.
    QList<TopicCount> receivedPerTopic(qint64 profileId, qint64 beforeUs,
                                       StorageError *error = nullptr) const;
    // One received topic's part of the history, for rebuilding the topic tree.
    struct TopicSummary
    {
        QString topic;
        qint64 messages = 0;
        qint64 lastUs = 0;
        QByteArray preview; // the last message's first bytes (payloadPrefix of them)
        qint64 lastSize = 0;
        int lastFlags = 0; // StoredMessage::Flag bits of the last message
        // The newest message with the retain flag: whether it had a payload (none: nullopt).
        std::optional<bool> retainedHeld;
    };
    // Per topic the profile received on before `beforeUs`: count, last message and retained
    // state. One pass over the history plus one row per topic: meant for a worker thread.
    QList<TopicSummary> receivedTopicSummaries(qint64 profileId, qint64 beforeUs,
                                               qsizetype payloadPrefix,
                                               StorageError *error = nullptr) const;
    // The highest row id of the profile (0 when empty).
    qint64 lastId(qint64 profileId, StorageError *error = nullptr) const;
    // The payload of a row read with payloadDeferred set (kept in the side table).
    QByteArray loadPayload(qint64 messageId, StorageError *error = nullptr) const;
    std::optional<StoredMessage> message(qint64 messageId, StorageError *error = nullptr) const;

    // Quotes each word so that user text never becomes FTS5 query syntax.
    static QString ftsExpression(const QString &text);
    // The ids of the profile's topics matching `topicFilter`.
    QList<qint64> matchingTopicIds(qint64 profileId, const QString &topicFilter,
                                   StorageError *error) const;

    // Internal: the shared conditions (" AND ..." on messages aliased m) and their bound
    // values, in order; the text query and the topics are kept apart.
    struct Conditions
    {
        QString where;
        QVariantList values;
        bool empty = false;  // the filter cannot match anything
        bool useFts = false; // a text query: message_fts f up to the watermark, then a scan
        QString fts;         // its FTS5 expression
        QList<qint64> topicIds;
        bool allTopics = true;
    };
    Conditions conditions(const MessageFilter &filter, StorageError *error) const;

private:
    QList<qint64> ids(const MessageFilter &filter, const Conditions &conditions, qint64 boundId,
                      bool ascending, int limit, StorageError *error) const;
    QList<qint64> indexedIds(const MessageFilter &filter, const Conditions &conditions, qint64 low,
                             qint64 high, bool ascending, int limit, StorageError *error) const;
    QList<qint64> tailIds(const MessageFilter &filter, const Conditions &conditions, qint64 low,
                          qint64 high, bool ascending, int limit, StorageError *error) const;
    StoredMessageList load(const QList<qint64> &ids, StorageError *error) const;
    static StoredMessage readMessage(const QSqlQuery &query);

    const DatabaseConnection &m_connection;
};

} // namespace mqttdesk
