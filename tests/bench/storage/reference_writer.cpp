#include "reference_writer.h"

#include <sqlite3.h>

namespace mqttdesk::bench {

ReferenceWriter::ReferenceWriter(const QString &path)
{
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
        return;
    // The same durability settings as the application's connections (WAL, NORMAL).
    if (sqlite3_exec(m_db,
                     "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                     " PRAGMA cache_size = -8192;"
                     " CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY,"
                     " profile_id INTEGER, topic TEXT, flags INTEGER, time_us INTEGER,"
                     " properties BLOB, payload BLOB)",
                     nullptr, nullptr, nullptr) != SQLITE_OK)
        return;
    sqlite3_prepare_v2(m_db,
                       "INSERT INTO messages(profile_id, topic, flags, time_us, properties,"
                       " payload) VALUES (?, ?, ?, ?, ?, ?)",
                       -1, &m_insert, nullptr);
}

ReferenceWriter::~ReferenceWriter()
{
    sqlite3_finalize(m_insert);
    sqlite3_close(m_db);
}

bool ReferenceWriter::write(const StoredMessage &message)
{
    if (m_inTransaction == 0)
        sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr);
    const QByteArray topic = message.topic.toUtf8();
    sqlite3_bind_int64(m_insert, 1, message.profileId);
    sqlite3_bind_text(m_insert, 2, topic.constData(), int(topic.size()), SQLITE_STATIC);
    sqlite3_bind_int(m_insert, 3, message.flags());
    sqlite3_bind_int64(m_insert, 4, message.receivedUs);
    if (message.properties.isEmpty())
        sqlite3_bind_null(m_insert, 5);
    else
        sqlite3_bind_blob(m_insert, 5, message.properties.constData(),
                          int(message.properties.size()), SQLITE_STATIC);
    sqlite3_bind_blob(m_insert, 6, message.payload.constData(), int(message.payload.size()),
                      SQLITE_STATIC);
    const int rc = sqlite3_step(m_insert);
    sqlite3_reset(m_insert);
    if (rc != SQLITE_DONE)
        return false;
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
