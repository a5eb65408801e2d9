#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

namespace mqttdesk {

class DatabaseConnection;

// A thread with its own connection to the history database, so that SQL never runs on the
// thread that owns the worker (the GUI thread). Work is served in order; each answer runs
// on the owner's thread (queued), and is dropped if the worker is gone by then.
class DatabaseWorker : public QObject
{
    Q_OBJECT
public:
    // What runs on the worker's thread: it returns what then runs on the owner's thread.
    using Work = std::function<std::function<void()>(DatabaseConnection &)>;

    DatabaseWorker(const QString &databasePath, const QString &name, QObject *parent = nullptr);
    ~DatabaseWorker() override;

    void post(Work work);
    // Runs `work` on the worker's thread with the connection closed (the next post() opens
    // a new one): for work on the database file itself, such as moving it aside.
    void postClosed(std::function<std::function<void()>()> work);
    // Requests sent and not answered yet.
    int pendingRequests() const { return m_pending; }
    QString databasePath() const { return m_path; }

private:
    // Runs `work` on the worker's thread and its answer on the owner's.
    void run(std::function<std::function<void()>()> work);

    QString m_path;
    QString m_name;
    QThread m_thread;
    QObject *m_context = nullptr;                     // lives on m_thread
    std::unique_ptr<DatabaseConnection> m_connection; // used on m_thread only
    int m_pending = 0;
};

} // namespace mqttdesk
