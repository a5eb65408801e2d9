// SqlThreadAudit: the trace hook that proves which thread ran SQL (a positive control for
// the GUI-thread test in tst_connection_view_broker).
#include "core/storage/database.h"
#include "core/storage/database_connection.h"
#include "core/storage/sql_thread_audit.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace mqttdesk;

class TstSqlThreadAudit : public QObject
{
    Q_OBJECT
private slots:
    void recordsOnlyTheWatchedThread()
    {
#ifndef MQTTDESK_SQL_AUDIT
        QSKIP("the SQL trace hook is compiled into builds with tests only (MQTTDESK_SQL_AUDIT)");
#endif
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.sqlite"));
        Database database(path);
        QVERIFY(!database.open().isError());

        SqlThreadAudit::watch(QThread::currentThread());
        // Another thread's statements are not this thread's.
        std::unique_ptr<QThread> other(QThread::create([path] {
            DatabaseConnection connection(path, QStringLiteral("audit-other"));
            connection.exec(QStringLiteral("SELECT count(*) FROM profiles"));
        }));
        other->start();
        QVERIFY(other->wait(30000));
        QCOMPARE(SqlThreadAudit::statementCount(), 0);

        DatabaseConnection here(path, QStringLiteral("audit-here"));
        QVERIFY(here.isOpen());
        QVERIFY(SqlThreadAudit::statementCount() > 0); // the connection's own pragmas
        QVERIFY(!here.exec(QStringLiteral("SELECT 42")).isError());
        QVERIFY(SqlThreadAudit::statements().contains(QStringLiteral("SELECT 42")));

        SqlThreadAudit::watch(nullptr);
        here.exec(QStringLiteral("SELECT 43"));
        QCOMPARE(SqlThreadAudit::statementCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TstSqlThreadAudit)
#include "tst_sql_thread_audit.moc"
