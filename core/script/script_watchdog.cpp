#include "core/script/script_watchdog.h"

#include "core/process/resident_memory.h"

#include <QJSEngine>

namespace mqttdesk {

ScriptWatchdog &ScriptWatchdog::instance()
{
    static ScriptWatchdog watchdog;
    return watchdog;
}

ScriptWatchdog::ScriptWatchdog()
    : m_thread([this] { run(); })
{}

ScriptWatchdog::~ScriptWatchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

quint64 ScriptWatchdog::arm(QJSEngine *engine, Clock::time_point deadline, qint64 memoryLimit)
{
    Watch watch;
    watch.engine = engine;
    watch.deadline = deadline;
    watch.memoryLimit = memoryLimit;
    quint64 token = 0;
    bool asleep = false;
    {
        std::lock_guard lock(m_mutex);
        token = m_next++;
        m_watches.emplace(token, watch);
        asleep = m_sleeping;
    }
    // A ticking watchdog sees the watch at its next look.
    if (asleep)
        m_wake.notify_all();
    return token;
}

ScriptWatchdog::Reason ScriptWatchdog::disarm(quint64 token)
{
    std::lock_guard lock(m_mutex);
    const auto found = m_watches.find(token);
    if (found == m_watches.end())
        return Reason::None;
    const Reason reason = found->second.reason;
    m_watches.erase(found);
    return reason;
}

void ScriptWatchdog::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        const Clock::time_point now = Clock::now();
        Clock::time_point wake = Clock::time_point::max();
        qint64 resident = -1;
        for (auto &[token, watch] : m_watches) {
            if (watch.reason != Reason::None)
                continue;
            if (now >= watch.deadline) {
                watch.reason = Reason::Time;
            } else if (watch.memoryLimit > 0) {
                if (resident < 0)
                    resident = residentMemoryBytes();
                if (watch.baseline < 0)
                    watch.baseline = resident;
                else if (resident - watch.baseline > watch.memoryLimit)
                    watch.reason = Reason::Memory;
            }
            if (watch.reason != Reason::None)
                watch.engine->setInterrupted(true); // thread-safe
            else
                wake = std::min({wake, watch.deadline, now + std::chrono::milliseconds(kTickMs)});
        }
        if (wake == Clock::time_point::max()) {
            // Nothing to watch (or only calls already stopped, which disarm soon): sleep
            // until arm() wakes the thread.
            m_sleeping = true;
            m_wake.wait(lock);
            m_sleeping = false;
        } else {
            m_wake.wait_until(lock, wake);
        }
    }
}

} // namespace mqttdesk
