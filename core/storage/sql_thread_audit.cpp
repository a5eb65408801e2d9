#include "core/storage/sql_thread_audit.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QThread>
#include <QVariant>

#include <sqlite3.h>

#include <atomic>

namespace mqttdesk {

namespace {

constexpr int kTextsKept = 20;

std::atomic<QThread *> g_watched{nullptr};
std::atomic<int> g_count{0};
QMutex g_textsLock;
QStringList g_texts;

#ifdef MQTTDESK_SQL_AUDIT
int onTrace(unsigned type, void *, void *statement, void *)
{
    if (type != SQLITE_TRACE_STMT || QThread::currentThread() != g_watched.load())
        return 0;
    ++g_count;
    QMutexLocker lock(&g_textsLock);
    if (g_texts.size() < kTextsKept)
        g_texts.append(QString::fromUtf8(sqlite3_sql(static_cast<sqlite3_stmt *>(statement))));
    return 0;
}
#endif

} // namespace

void SqlThreadAudit::watch(QThread *thread)
{
    QMutexLocker lock(&g_textsLock);
    g_texts.clear();
    g_count = 0;
    g_watched = thread;
}

int SqlThreadAudit::statementCount()
{
    return g_count.load();
}

QStringList SqlThreadAudit::statements()
{
    QMutexLocker lock(&g_textsLock);
    return g_texts;
}

void SqlThreadAudit::attach(const QSqlDatabase &database)
{
#ifndef MQTTDESK_SQL_AUDIT
    Q_UNUSED(database);
#else
    const QVariant handle = database.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return;
    if (auto *db = *static_cast<sqlite3 *const *>(handle.constData()))
        sqlite3_trace_v2(db, SQLITE_TRACE_STMT, onTrace, nullptr);
#endif
}

} // namespace mqttdesk
