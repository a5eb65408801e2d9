#pragma once

#include "core/storage/stored_message.h"

#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace mqttdesk::bench {

// The reference of the write benchmark: bare SQLite, the same messages as plain rows
// (profile, topic text, flags, time, properties, payload) into a plain table with no
// index but the rowid, one prepared statement, one transaction per 1,000 rows, WAL and
// synchronous=NORMAL like the application.
class ReferenceWriter
{
public:
    explicit ReferenceWriter(const QString &path);
    ~ReferenceWriter();
    bool isOpen() const { return m_insert != nullptr; }
    bool write(const StoredMessage &message); // buffers the transaction boundary itself
    bool finish();

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    int m_inTransaction = 0;
};

} // namespace mqttdesk::bench
