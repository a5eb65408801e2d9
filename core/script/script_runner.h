#pragma once

#include "core/script/script_limits.h"
#include "core/script/script_message.h"
#include "core/script/script_result.h"

#include <QHash>
#include <QJSValue>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QJSEngine;

namespace mqttdesk {

// Runs the user's transform scripts with QJSEngine (Qt Qml's V4 engine). A script is the
// body of a function; it is compiled once per runner and source and called per message:
//   incoming: function (payload, topic, message) -> the text to show (a string; an object
//             or array is shown as pretty JSON; a number or boolean as its text; an
//             ArrayBuffer or typed array as bytes)
//   outgoing: function (payload, topic, counter) -> the payload to send (a string, sent as
//             UTF-8; an object or array as compact JSON; an ArrayBuffer or typed array as
//             its bytes)
// See docs/scripts.md for the API and examples.
//
// QJSEngine is not thread-safe, so a runner (and its engine) belongs to the thread that made
// it: forCurrentThread() keeps one per thread (QThreadStorage: deleted when the thread ends).
// Never call a runner from the GUI thread: a call may take up to its time limit.
//
// What is bounded (ScriptLimits), per call:
//  - time: ScriptWatchdog interrupts the engine after timeLimitMs (50 ms by default); the
//    call reports "Stopped after 50 ms" and the next call runs normally. try/catch cannot
//    swallow the interruption (V4 unwinds every frame). Call depth is V4's own limit (a
//    RangeError "Maximum call stack size exceeded" with the line).
//  - memory: the watchdog also samples the process's resident memory every few ms and
//    interrupts a call under which it grew by more than memoryLimitBytes (64 MB by default;
//    "Stopped: memory limit"); the engine's garbage is collected after such a stop. The
//    built-ins that make one large string in a single native step (repeat, padStart,
//    padEnd) are wrapped so that a string over the cap is refused before it is allocated.
//  - input and output: a payload over maxInputBytes is not handed to a script; a result over
//    maxResultChars is refused.
// What is not bounded: other native built-ins run to their end once started (e.g.
// `new Array(1e8).fill(0)`, JSON.stringify of a huge value, a typed array of a given size):
// V4 checks for interruption only between JavaScript instructions, and Qt 6.4 has no public
// API to cap a QJSEngine's heap, so such a call can take memory beyond the cap before it
// is stopped (the time it takes is what limits it). The sampling is process-wide: another
// thread's allocation during the call counts too (it errs on the side of stopping).
class ScriptRunner
{
public:
    enum class Direction : quint8
    {
        Incoming,
        Outgoing,
    };

    ScriptRunner();
    ~ScriptRunner();
    ScriptRunner(const ScriptRunner &) = delete;
    ScriptRunner &operator=(const ScriptRunner &) = delete;

    // The runner of the calling thread, made on first use.
    static ScriptRunner &forCurrentThread();

    ScriptResult runIncoming(const QString &source, const ScriptMessage &message,
                             const ScriptLimits &limits = {});
    ScriptResult runOutgoing(const QString &source, const QString &payload, const QString &topic,
                             quint64 counter, const ScriptLimits &limits = {});

    // Whether the script compiles; the syntax error with its line if not.
    std::optional<ScriptError> check(const QString &source, Direction direction);

    // Compiled functions kept per runner (the oldest are dropped beyond it).
    static constexpr int kMaxCompiled = 64;

private:
    QJSValue compiled(const QString &source, Direction direction, ScriptError *error);
    // An object or array returned becomes JSON indented by `jsonIndent` spaces (0: compact).
    ScriptResult call(const QJSValue &function, const QJSValueList &arguments,
                      const ScriptLimits &limits, int jsonIndent);
    ScriptResult convert(const QJSValue &returned, const ScriptLimits &limits);
    static ScriptError fromThrown(const QJSValue &thrown);

    std::unique_ptr<QJSEngine> m_engine;
    QJSValue m_trampoline;               // calls a script under try/catch, converts its result
    QJSValue m_uint8Array;               // the Uint8Array constructor, for message.bytes
    QHash<QString, QJSValue> m_compiled; // by direction and source
    QList<QString> m_compiledOrder;      // oldest first
};

} // namespace mqttdesk
