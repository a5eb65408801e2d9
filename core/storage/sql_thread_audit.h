#pragma once

#include <QStringList>

class QSqlDatabase;
class QThread;

namespace mqttdesk {

// Records SQL statements run on one watched thread (the GUI thread), to prove that none
// runs there. In builds with tests (MQTTDESK_SQL_AUDIT) every DatabaseConnection attaches an
// SQLite trace hook (sqlite3_trace_v2) that costs a pointer comparison per statement;
// builds without tests attach nothing.
class SqlThreadAudit
{
public:
    // Starts watching `thread` (nullptr stops) and forgets what was recorded.
    static void watch(QThread *thread);
    // Statements run on the watched thread since watch(); the first few texts.
    static int statementCount();
    static QStringList statements();

    // Called by DatabaseConnection once its database is open.
    static void attach(const QSqlDatabase &database);
};

} // namespace mqttdesk
