#include "stream_test_support.h"

#include "core/storage/data_directory.h"
#include "core/storage/database_connection.h"

#include <QDateTime>
#include <QSqlQuery>

namespace mqttdesk {

StreamTestStore::StreamTestStore(const QString &dir)
{
    if (dir.isEmpty()) {
        m_temp = std::make_unique<QTemporaryDir>();
        m_dirPath = m_temp->path();
    } else {
        m_dirPath = dir;
    }
    m_path = DataDirectory::databasePath(m_dirPath);
    m_database = std::make_unique<Database>(m_path);
    if (m_database->open().isError())
        return;
    m_writer = std::make_unique<MessageWriter>(m_path);
    m_writer->start();
    m_ready = true;
}

StreamTestStore::~StreamTestStore()
{
    if (m_writer)
        m_writer->stop();
}

std::unique_ptr<MessageHistory> StreamTestStore::history(qint64 profileId) const
{
    auto history = std::make_unique<MessageHistory>(m_path, m_writer.get());
    if (history->open().isError())
        return nullptr;
    history->setCoalesceInterval(0);
    MessageFilter filter;
    filter.profileId = profileId;
    history->setFilter(filter);
    return history;
}

bool StreamTestStore::ensureProfile(qint64 id)
{
    QSqlQuery query(m_database->connection().database());
    return !m_database->connection()
                .run(query,
                     QStringLiteral("INSERT OR IGNORE INTO profiles(id, uuid, name)"
                                    " VALUES (?, ?, ?)"),
                     {id, QStringLiteral("stream-test-%1").arg(id), QStringLiteral("Test")})
                .isError();
}

bool StreamTestStore::store(const QList<StoredMessage> &messages)
{
    for (const StoredMessage &m : messages) {
        if (!m_writer->enqueue(m))
            return false;
    }
    const bool idle = m_writer->waitUntilIdle(20000);
    const StorageError error = m_writer->lastError();
    if (error.isError())
        qWarning("storing failed: %s (%s)", qPrintable(error.message),
                 qPrintable(error.detail)); // names the cause in the log
    return idle && !error.isError();
}

StoredMessage StreamTestStore::message(const QString &topic, const QByteArray &payload,
                                       StoredMessage::Direction direction, qint64 profileId)
{
    static qint64 lastUs = 0;
    StoredMessage m;
    m.profileId = profileId;
    m.direction = direction;
    m.topic = topic;
    m.payload = payload;
    lastUs = qMax(lastUs + 1, QDateTime::currentMSecsSinceEpoch() * 1000);
    m.receivedUs = lastUs;
    return m;
}

} // namespace mqttdesk
