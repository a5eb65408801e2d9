#include "core/workspace/history_reader.h"

#include "core/storage/database_connection.h"

#include <algorithm>

namespace mqttdesk {

HistoryReader::HistoryReader(const QString &databasePath, QObject *parent)
    : DatabaseWorker(databasePath, QStringLiteral("history-reader"), parent)
{}

void HistoryReader::fetch(const MessageFilter &filter, const PageRequest &request,
                          PageCallback done)
{
    post([filter, request, done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        MessagePage page;
        if (!error.isError())
            page = MessageQuery(connection).fetch(filter, request, &error);
        return std::function<void()>([done, page = std::move(page), error] { done(page, error); });
    });
}

void HistoryReader::loadPayload(qint64 messageId, PayloadCallback done)
{
    post([messageId, done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        QByteArray bytes;
        if (!error.isError()) {
            const MessageQuery query(connection);
            bytes = query.loadPayload(messageId, &error);
            // An empty answer is either an empty payload or no row at all: tell them apart.
            if (!error.isError() && bytes.isEmpty() && !query.message(messageId, &error) &&
                !error.isError())
                error = StorageError::make(StorageError::Kind::NotFound, connection.path());
        }
        return std::function<void()>(
            [done, messageId, bytes = std::move(bytes), error] { done(messageId, bytes, error); });
    });
}

void HistoryReader::loadPayloadPrefix(qint64 messageId, qsizetype maxBytes, PayloadCallback done)
{
    post([messageId, maxBytes, done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        QByteArray bytes;
        if (!error.isError()) {
            const QByteArray whole = MessageQuery(connection).loadPayload(messageId, &error);
            // A copy, not left(): the prefix must not keep the whole blob's buffer alive.
            bytes = QByteArray(whole.constData(), qMin(whole.size(), maxBytes));
        }
        return std::function<void()>(
            [done, messageId, bytes = std::move(bytes), error] { done(messageId, bytes, error); });
    });
}

void HistoryReader::loadNewestBefore(qint64 profileId, const QStringList &topicFilters,
                                     qint64 beforeId, MessagesCallback done)
{
    post([profileId, topicFilters, beforeId,
          done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        StoredMessageList found;
        const MessageQuery query(connection);
        for (const QString &topicFilter : topicFilters) {
            if (error.isError())
                break;
            MessageFilter filter;
            filter.profileId = profileId;
            filter.topicFilter = topicFilter;
            const MessagePage page =
                query.fetch(filter, PageRequest::olderThan(beforeId, 1), &error);
            if (error.isError() || page.messages.isEmpty())
                continue;
            StoredMessage message = page.messages.first();
            if (message.payloadDeferred) {
                message.payload = query.loadPayload(message.id, &error);
                message.payloadDeferred = false;
            }
            found.append(message);
        }
        std::sort(found.begin(), found.end(),
                  [](const StoredMessage &a, const StoredMessage &b) { return a.id < b.id; });
        // Two filters may name the same message.
        found.erase(std::unique(found.begin(), found.end(),
                                [](const StoredMessage &a, const StoredMessage &b) {
                                    return a.id == b.id;
                                }),
                    found.end());
        return std::function<void()>(
            [done, found = std::move(found), error] { done(found, error); });
    });
}

void HistoryReader::countReceivedPerTopic(qint64 profileId, qint64 beforeUs,
                                          TopicCountsCallback done)
{
    post([profileId, beforeUs, done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        QList<MessageQuery::TopicCount> counts;
        if (!error.isError())
            counts = MessageQuery(connection).receivedPerTopic(profileId, beforeUs, &error);
        return std::function<void()>(
            [done, counts = std::move(counts), error] { done(counts, error); });
    });
}

void HistoryReader::loadTopicUpdates(qint64 profileId, qint64 beforeUs, TopicUpdatesCallback done)
{
    post([profileId, beforeUs, done = std::move(done)](DatabaseConnection &connection) {
        StorageError error = connection.error();
        TopicUpdates updates;
        if (!error.isError()) {
            const QList<MessageQuery::TopicSummary> summaries =
                MessageQuery(connection)
                    .receivedTopicSummaries(profileId, beforeUs, TopicUpdate::kPreviewBytes,
                                            &error);
            updates.reserve(summaries.size());
            for (const MessageQuery::TopicSummary &s : summaries) {
                TopicUpdate u;
                u.topic = s.topic;
                u.messages = s.messages;
                u.lastUs = s.lastUs;
                u.preview = s.preview;
                u.lastSize = s.lastSize;
                StoredMessage m;
                m.applyFlags(s.lastFlags);
                u.lastQos = m.qos;
                u.lastRetain = m.retain;
                u.retainedHeld = s.retainedHeld;
                updates.append(std::move(u));
            }
        }
        return std::function<void()>(
            [done, updates = std::move(updates), error] { done(updates, error); });
    });
}

} // namespace mqttdesk
