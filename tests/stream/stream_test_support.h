#pragma once

#include "core/storage/database.h"
#include "core/storage/message_history.h"
#include "core/storage/message_writer.h"
#include "core/storage/stored_message.h"

#include <QTemporaryDir>

#include <memory>

namespace mqttdesk {

// A database in a temporary (or given) directory with a started writer, for stream tests.
class StreamTestStore
{
public:
    explicit StreamTestStore(const QString &dir = {});
    ~StreamTestStore();

    bool isReady() const { return m_ready; }
    QString path() const { return m_path; }
    QString dir() const { return m_dirPath; }
    MessageWriter *writer() const { return m_writer.get(); }
    // A history over profile `profileId` (opened, filter set to the profile).
    std::unique_ptr<MessageHistory> history(qint64 profileId = 1) const;

    // Makes sure profile `id` exists (subscriptions and publish history belong to one).
    bool ensureProfile(qint64 id = 1);

    // Enqueues and waits until committed.
    bool store(const QList<StoredMessage> &messages);

    static StoredMessage
    message(const QString &topic, const QByteArray &payload,
            StoredMessage::Direction direction = StoredMessage::Direction::Incoming,
            qint64 profileId = 1);

private:
    std::unique_ptr<QTemporaryDir> m_temp;
    QString m_dirPath;
    QString m_path;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<MessageWriter> m_writer;
    bool m_ready = false;
};

} // namespace mqttdesk
