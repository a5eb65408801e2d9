#pragma once

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

#include <utility>

namespace mqttdesk {

// One background job at a time for a widget: `work` runs on a thread of its own, `done` gets
// its result on the GUI thread unless `owner` is gone by then. Starting a job waits for the
// one before (the caller tells a stale answer apart, e.g. by a generation number), and the
// destructor waits too, so no job outlives what it reads.
class WorkerJob
{
public:
    WorkerJob() = default;
    WorkerJob(const WorkerJob &) = delete;
    WorkerJob &operator=(const WorkerJob &) = delete;
    ~WorkerJob() { wait(); }

    template<typename Work, typename Done>
    void run(QObject *owner, Work work, Done done)
    {
        QPointer<QObject> guard(owner);
        QThread *worker =
            QThread::create([guard, work = std::move(work), done = std::move(done)]() mutable {
                auto result = work();
                QMetaObject::invokeMethod(
                    qApp,
                    [guard, done, result = std::move(result)] {
                        if (guard)
                            done(result);
                    },
                    Qt::QueuedConnection);
            });
        QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
        wait();
        m_thread = worker;
        worker->start(QThread::LowPriority);
    }
    void wait()
    {
        if (m_thread)
            m_thread->wait();
    }

private:
    QPointer<QThread> m_thread;
};

} // namespace mqttdesk
