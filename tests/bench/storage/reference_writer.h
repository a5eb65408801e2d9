#pragma once

#include "core/storage/stored_message.h"

#include <QHash>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace mqttdesk::bench {

// The reference of the write benchmark: the same rows into the same schema through the
// bare SQLite C API, one transaction per 1,000 rows, one prepared statement.
class ReferenceWriter
{
public:
    explicit ReferenceWriter(const QString &path);
    ~ReferenceWriter();
    bool isOpen() const { return m_insert != nullptr; }
    bool write(const StoredMessage &message); // buffers the transaction boundary itself
    bool finish();

private:
    qint64 topicId(qint64 profileId, const QString &topic);
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    sqlite3_stmt *m_topic = nullptr;
    sqlite3_stmt *m_fts = nullptr;
    QHash<QString, qint64> m_topicIds;
    qint64 m_nextId = 1;
    int m_inTransaction = 0;
};

} // namespace mqttdesk::bench
