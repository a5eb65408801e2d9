#include "stream_test_support.h"

#include "core/storage/data_directory.h"

#include <QDateTime>

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

bool StreamTestStore::store(const QList<StoredMessage> &messages)
{
    for (const StoredMessage &m : messages) {
        if (!m_writer->enqueue(m))
            return false;
    }
    return m_writer->waitUntilIdle(20000);
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
