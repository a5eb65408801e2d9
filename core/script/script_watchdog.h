#pragma once

#include <QtGlobal>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

class QJSEngine;

namespace mqttdesk {

// Stops script calls that run too long or grow the process too much, from a thread of its
// own: one thread for the whole process, asleep while no call is watched. QJSEngine's
// setInterrupted() is thread-safe; V4 checks the flag at function calls and loop back-edges,
// so a script stops within microseconds of it, but a native built-in already running
// (a huge String.prototype.repeat, Array.prototype.fill, JSON.stringify) finishes first.
//
// Memory is the process's resident set (/proc/self/statm) compared with its size when the
// watchdog first saw the call, sampled every kTickMs while calls run: Qt 6.4 has no public
// way to ask a QJSEngine how much it holds. Other threads' allocations during the call count
// too, so the cap errs on the side of stopping.
//
// Arming is cheap, so a batch of short calls (an outgoing script per message) is not slowed
// by its watch: arm() reads nothing and wakes the thread only when it sleeps; while calls run
// the thread looks at them every kTickMs (so a deadline is kept to within about kTickMs) and
// it goes back to sleep once a look finds none.
class ScriptWatchdog
{
public:
    enum class Reason : quint8
    {
        None,
        Time,
        Memory,
    };
    using Clock = std::chrono::steady_clock;
    static constexpr int kTickMs = 2;

    static ScriptWatchdog &instance();

    ScriptWatchdog();
    ~ScriptWatchdog();
    ScriptWatchdog(const ScriptWatchdog &) = delete;
    ScriptWatchdog &operator=(const ScriptWatchdog &) = delete;

    // Watches a call on `engine` from now: interrupts it at `deadline`, or when the resident
    // set grew by more than `memoryLimit` bytes (0: memory is not watched). The token is for
    // disarm().
    quint64 arm(QJSEngine *engine, Clock::time_point deadline, qint64 memoryLimit);
    // Stops watching; why the call was interrupted, if it was. No interruption is made for
    // this call after it returns (the caller then clears the engine's flag).
    Reason disarm(quint64 token);

private:
    struct Watch
    {
        QJSEngine *engine = nullptr;
        Clock::time_point deadline;
        qint64 baseline = -1; // taken at the watchdog's first look
        qint64 memoryLimit = 0;
        Reason reason = Reason::None;
    };

    void run();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::map<quint64, Watch> m_watches;
    quint64 m_next = 1;
    bool m_stopping = false;
    bool m_sleeping = false; // waiting for a watch
    std::thread m_thread;    // last: started once the rest is built
};

} // namespace mqttdesk
