#include "core/workspace/history_reader.h"

#include "core/storage/database_connection.h"

namespace mqttdesk {

HistoryReader::HistoryReader(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_path(databasePath)
{
    m_thread.setObjectName(QStringLiteral("history-reader"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

HistoryReader::~HistoryReader()
{
    // The connection belongs to the reader thread: close it there, then end the thread.
    QMetaObject::invokeMethod(
        m_context, [this] { m_connection.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void HistoryReader::post(std::function<std::function<void()>(DatabaseConnection &)> work)
{
    ++m_pending;
    QMetaObject::invokeMethod(m_context, [this, work = std::move(work)] {
        if (!m_connection)
            m_connection =
                std::make_unique<DatabaseConnection>(m_path, QStringLiteral("history-reader"));
        std::function<void()> answer = work(*m_connection);
        // Queued to this object: dropped if the reader is destroyed before it runs.
        QMetaObject::invokeMethod(
            this,
            [this, answer = std::move(answer)] {
                --m_pending;
                answer();
            },
            Qt::QueuedConnection);
    });
}

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

} // namespace mqttdesk
