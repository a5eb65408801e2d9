#include "core/storage/database_worker.h"

#include "core/storage/database_connection.h"

namespace mqttdesk {

DatabaseWorker::DatabaseWorker(const QString &databasePath, const QString &name, QObject *parent)
    : QObject(parent)
    , m_path(databasePath)
    , m_name(name)
{
    m_thread.setObjectName(name);
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

DatabaseWorker::~DatabaseWorker()
{
    // The connection belongs to the worker thread: close it there, then end the thread.
    QMetaObject::invokeMethod(
        m_context, [this] { m_connection.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void DatabaseWorker::post(Work work)
{
    run([this, work = std::move(work)] {
        if (!m_connection)
            m_connection = std::make_unique<DatabaseConnection>(m_path, m_name);
        return work(*m_connection);
    });
}

void DatabaseWorker::postClosed(std::function<std::function<void()>()> work)
{
    run([this, work = std::move(work)] {
        m_connection.reset();
        return work();
    });
}

void DatabaseWorker::run(std::function<std::function<void()>()> work)
{
    ++m_pending;
    QMetaObject::invokeMethod(m_context, [this, work = std::move(work)] {
        std::function<void()> answer = work();
        // Queued to this object: dropped if the worker is destroyed before it runs.
        QMetaObject::invokeMethod(
            this,
            [this, answer = std::move(answer)] {
                --m_pending;
                if (answer)
                    answer();
            },
            Qt::QueuedConnection);
    });
}

} // namespace mqttdesk
