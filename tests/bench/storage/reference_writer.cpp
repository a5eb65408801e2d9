#include "reference_writer.h"

#include <sqlite3.h>

namespace mqttdesk::bench {

ReferenceWriter::ReferenceWriter(const QString &path)
{
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK)
        return;
    sqlite3_exec(m_db, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -8192", nullptr, nullptr,
                 nullptr);
    sqlite3_prepare_v2(m_db,
                       "INSERT INTO messages(id, profile_id, topic_id, flags, time_us, size,"
                       " subscription_id, packet_id, properties, payload)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       -1, &m_insert, nullptr);
    sqlite3_prepare_v2(m_db, "INSERT INTO message_fts(rowid, payload) VALUES (?, ?)", -1, &m_fts,
                       nullptr);
    sqlite3_prepare_v2(m_db, "INSERT INTO topics(profile_id, name) VALUES (?, ?)", -1, &m_topic,
                       nullptr);
}

ReferenceWriter::~ReferenceWriter()
{
    sqlite3_finalize(m_insert);
    sqlite3_finalize(m_topic);
    sqlite3_finalize(m_fts);
    sqlite3_close(m_db);
}

qint64 ReferenceWriter::topicId(qint64 profileId, const QString &topic)
{
    const auto it = m_topicIds.constFind(topic);
    if (it != m_topicIds.constEnd())
        return *it;
    const QByteArray name = topic.toUtf8();
    sqlite3_bind_int64(m_topic, 1, profileId);
    sqlite3_bind_text(m_topic, 2, name.constData(), int(name.size()), SQLITE_TRANSIENT);
    sqlite3_step(m_topic);
    sqlite3_reset(m_topic);
    const qint64 id = sqlite3_last_insert_rowid(m_db);
    m_topicIds.insert(topic, id);
    return id;
}

bool ReferenceWriter::write(const StoredMessage &message)
{
    if (m_inTransaction == 0)
        sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr);
    const qint64 topic = topicId(message.profileId, message.topic);
    sqlite3_bind_int64(m_insert, 1, m_nextId++);
    sqlite3_bind_int64(m_insert, 2, message.profileId);
    sqlite3_bind_int64(m_insert, 3, topic);
    sqlite3_bind_int(m_insert, 4, message.flags());
    sqlite3_bind_int64(m_insert, 5, message.receivedUs);
    sqlite3_bind_int64(m_insert, 6, message.payload.size());
    sqlite3_bind_null(m_insert, 7);
    sqlite3_bind_null(m_insert, 8);
    sqlite3_bind_null(m_insert, 9);
    sqlite3_bind_blob(m_insert, 10, message.payload.constData(), int(message.payload.size()),
                      SQLITE_STATIC);
    int rc = sqlite3_step(m_insert);
    sqlite3_reset(m_insert);
    if (rc != SQLITE_DONE)
        return false;
    // The same full-text entry the schema expects for text rows.
    if (message.flags() & StoredMessage::FlagText) {
        sqlite3_bind_int64(m_fts, 1, m_nextId - 1);
        sqlite3_bind_blob(m_fts, 2, message.payload.constData(), int(message.payload.size()),
                          SQLITE_STATIC);
        rc = sqlite3_step(m_fts);
        sqlite3_reset(m_fts);
        if (rc != SQLITE_DONE)
            return false;
    }
    if (++m_inTransaction == 1000) {
        m_inTransaction = 0;
        return sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    return true;
}

bool ReferenceWriter::finish()
{
    if (m_inTransaction == 0)
        return true;
    m_inTransaction = 0;
    return sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
}

} // namespace mqttdesk::bench
