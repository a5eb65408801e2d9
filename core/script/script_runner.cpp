#include "core/script/script_runner.h"

#include "core/script/script_watchdog.h"

#include <QCoreApplication>
#include <QJSEngine>
#include <QRegularExpression>
#include <QThreadStorage>

#include <chrono>

namespace mqttdesk {

namespace {

// The name scripts are compiled under: V4 reports it as "file:script.js" in stacks.
const QString kScriptFile = QStringLiteral("script.js");

// Wraps String.prototype.repeat/padStart/padEnd so that one string over the memory cap is
// refused before V4 allocates it (a native built-in cannot be interrupted), and returns the
// function every call goes through: it calls the script under try/catch (so that a thrown
// value of any type is told apart from a returned one) and turns what it returned into
// text, JSON text or bytes. An interruption is not an exception: V4 unwinds past every
// catch, and the trampoline returns V4's "Interrupted" error instead of an object.
const char kTrampoline[] = R"JS((function () {
    'use strict';
    var maxChars = Infinity;
    var proto = String.prototype;
    function guard(name, size) {
        var original = proto[name];
        Object.defineProperty(proto, name, {
            configurable: true, writable: true, enumerable: false,
            value: function () {
                var chars = size(String(this), arguments);
                if (chars > maxChars) {
                    var error = new RangeError(name + '() would make a string of ' + chars +
                                               ' characters');
                    error.memoryLimit = true;
                    throw error;
                }
                return original.apply(this, arguments);
            }
        });
    }
    guard('repeat', function (s, args) { return s.length * Number(args[0]); });
    guard('padStart', function (s, args) { return Number(args[0]); });
    guard('padEnd', function (s, args) { return Number(args[0]); });
    return function (f, limit, indent, a, b, c) {
        maxChars = limit;
        var value;
        try { value = f(a, b, c); } catch (e) { return { thrown: e }; }
        if (value === undefined) return { nothing: true };
        if (value instanceof ArrayBuffer) return { bytes: value };
        if (ArrayBuffer.isView(value))
            return { bytes: value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) };
        if (value !== null && typeof value === 'object') {
            var json;
            try { json = JSON.stringify(value, null, indent); } catch (e) { return { notJson: String(e) }; }
            if (json === undefined) return { nothing: true };
            return { json: json };
        }
        return { text: String(value) };
    };
})())JS";

QString tr(const char *text)
{
    return QCoreApplication::translate("ScriptRunner", text);
}

ScriptError error(ScriptError::Kind kind, const QString &message, int line = 0)
{
    ScriptError out;
    out.kind = kind;
    out.message = message;
    out.line = line;
    return out;
}

// The line of the innermost frame of the user's script in a V4 stack ("f@file:script.js:3").
int scriptLineInStack(const QString &stack)
{
    static const QRegularExpression frame(QStringLiteral("script\\.js:(\\d+)$"),
                                          QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = frame.match(stack);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

QString parameters(ScriptRunner::Direction direction)
{
    return direction == ScriptRunner::Direction::Incoming
               ? QStringLiteral("payload, topic, message")
               : QStringLiteral("payload, topic, counter");
}

} // namespace

ScriptRunner::ScriptRunner()
    : m_engine(std::make_unique<QJSEngine>())
{
    m_engine->installExtensions(QJSEngine::ConsoleExtension);
    m_trampoline = m_engine->evaluate(QString::fromLatin1(kTrampoline),
                                      QStringLiteral("mqttdesk-trampoline.js"));
    Q_ASSERT(m_trampoline.isCallable());
    m_uint8Array = m_engine->globalObject().property(QStringLiteral("Uint8Array"));
}

ScriptRunner::~ScriptRunner()
{
    // The values belong to the engine: release them before it goes.
    m_compiled.clear();
    m_trampoline = QJSValue();
    m_uint8Array = QJSValue();
}

ScriptRunner &ScriptRunner::forCurrentThread()
{
    static QThreadStorage<ScriptRunner *> runners;
    if (!runners.hasLocalData())
        runners.setLocalData(new ScriptRunner);
    return *runners.localData();
}

QJSValue ScriptRunner::compiled(const QString &source, Direction direction, ScriptError *failure)
{
    const QString key = (direction == Direction::Incoming ? u'i' : u'o') + source;
    if (const auto found = m_compiled.constFind(key); found != m_compiled.constEnd())
        return *found;
    // The body's first line stays line 1: the header is on the same line.
    const QString program = u"(function (" + parameters(direction) + u") {" + source + u"\n})";
    // Compiling runs nothing of the body, but a source that closes the function early can
    // run code at once: it is watched like a call.
    ScriptWatchdog &watchdog = ScriptWatchdog::instance();
    const quint64 token = watchdog.arm(
        m_engine.get(),
        ScriptWatchdog::Clock::now() + std::chrono::milliseconds(ScriptLimits::kDefaultTimeLimitMs),
        0);
    const QJSValue function = m_engine->evaluate(program, kScriptFile, 1);
    const ScriptWatchdog::Reason reason = watchdog.disarm(token);
    m_engine->setInterrupted(false);
    if (reason != ScriptWatchdog::Reason::None) {
        *failure = error(ScriptError::Kind::Timeout,
                         tr("The script ran code while it was compiled and was stopped."));
        return {};
    }
    if (function.isError()) {
        *failure = error(ScriptError::Kind::Syntax, function.toString(),
                         function.property(QStringLiteral("lineNumber")).toInt());
        return {};
    }
    if (!function.isCallable()) {
        *failure = error(ScriptError::Kind::Syntax,
                         tr("The script must be the body of a function (its braces unbalanced?)."));
        return {};
    }
    m_compiled.insert(key, function);
    m_compiledOrder.append(key);
    while (m_compiledOrder.size() > kMaxCompiled)
        m_compiled.remove(m_compiledOrder.takeFirst());
    return function;
}

std::optional<ScriptError> ScriptRunner::check(const QString &source, Direction direction)
{
    ScriptError failure;
    if (compiled(source, direction, &failure).isUndefined())
        return failure;
    return std::nullopt;
}

ScriptResult ScriptRunner::runIncoming(const QString &source, const ScriptMessage &message,
                                       const ScriptLimits &limits)
{
    ScriptResult out;
    if (limits.maxInputBytes >= 0 && message.payload.size() > limits.maxInputBytes) {
        out.error = error(ScriptError::Kind::Input,
                          tr("The payload is too large for a script: %1 bytes (at most %2).")
                              .arg(message.payload.size())
                              .arg(limits.maxInputBytes));
        return out;
    }
    ScriptError failure;
    const QJSValue function = compiled(source, Direction::Incoming, &failure);
    if (function.isUndefined()) {
        out.error = failure;
        return out;
    }
    const QByteArray &bytes = message.payload;
    QJSValue object = m_engine->newObject();
    object.setProperty(QStringLiteral("topic"), message.topic);
    object.setProperty(QStringLiteral("qos"),
                       message.qos >= 0 ? QJSValue(message.qos) : QJSValue(QJSValue::NullValue));
    object.setProperty(QStringLiteral("retain"), message.retain);
    object.setProperty(QStringLiteral("contentType"), message.contentType);
    object.setProperty(QStringLiteral("bytes"),
                       m_uint8Array.callAsConstructor({m_engine->toScriptValue(bytes)}));
    // Shown to a person: indented.
    return call(function, {QJSValue(QString::fromUtf8(bytes)), QJSValue(message.topic), object},
                limits, 2);
}

ScriptResult ScriptRunner::runOutgoing(const QString &source, const QString &payload,
                                       const QString &topic, quint64 counter,
                                       const ScriptLimits &limits)
{
    ScriptResult out;
    if (limits.maxInputBytes >= 0 && payload.size() > limits.maxInputBytes) {
        out.error = error(ScriptError::Kind::Input,
                          tr("The payload is too large for a script: %1 characters (at most %2).")
                              .arg(payload.size())
                              .arg(limits.maxInputBytes));
        return out;
    }
    ScriptError failure;
    const QJSValue function = compiled(source, Direction::Outgoing, &failure);
    if (function.isUndefined()) {
        out.error = failure;
        return out;
    }
    // Sent: compact, as JSON.stringify(value) makes it.
    return call(function, {QJSValue(payload), QJSValue(topic), QJSValue(double(counter))}, limits,
                0);
}

ScriptResult ScriptRunner::call(const QJSValue &function, const QJSValueList &arguments,
                                const ScriptLimits &limits, int jsonIndent)
{
    // A string may take the memory cap in UTF-16; without a cap, any length (2^53).
    const double maxChars =
        limits.memoryLimitBytes > 0 ? double(limits.memoryLimitBytes / 2) : 9007199254740992.0;
    QJSValueList all{function, QJSValue(maxChars), QJSValue(jsonIndent)};
    all.append(arguments);

    ScriptWatchdog &watchdog = ScriptWatchdog::instance();
    const quint64 token = watchdog.arm(m_engine.get(),
                                       ScriptWatchdog::Clock::now() +
                                           std::chrono::milliseconds(qMax(1, limits.timeLimitMs)),
                                       limits.memoryLimitBytes);
    const QJSValue returned = m_trampoline.call(all);
    const ScriptWatchdog::Reason reason = watchdog.disarm(token);
    m_engine->setInterrupted(false);

    const bool finished = returned.isObject() && !returned.isError();
    ScriptResult out;
    if (!finished && reason == ScriptWatchdog::Reason::Time) {
        out.error = error(ScriptError::Kind::Timeout,
                          tr("Stopped after %1 ms (the time limit).").arg(limits.timeLimitMs));
        return out;
    }
    if (!finished && reason == ScriptWatchdog::Reason::Memory) {
        m_engine->collectGarbage();
        out.error = error(ScriptError::Kind::Memory,
                          tr("Stopped: the script used more than the memory limit of %1 MB.")
                              .arg(limits.memoryLimitBytes / (1024 * 1024)));
        return out;
    }
    if (!finished) {
        out.error = fromThrown(returned);
        return out;
    }
    return convert(returned, limits);
}

ScriptResult ScriptRunner::convert(const QJSValue &returned, const ScriptLimits &limits)
{
    ScriptResult out;
    if (returned.hasOwnProperty(QStringLiteral("thrown"))) {
        out.error = fromThrown(returned.property(QStringLiteral("thrown")));
        return out;
    }
    if (returned.hasOwnProperty(QStringLiteral("nothing"))) {
        out.error = error(ScriptError::Kind::Result,
                          tr("The script returned nothing: end it with return and a value."));
        return out;
    }
    if (returned.hasOwnProperty(QStringLiteral("notJson"))) {
        out.error = error(ScriptError::Kind::Result,
                          tr("The result cannot be written as JSON: %1")
                              .arg(returned.property(QStringLiteral("notJson")).toString()));
        return out;
    }
    qsizetype size = 0;
    if (returned.hasOwnProperty(QStringLiteral("bytes"))) {
        out.kind = ScriptResult::Kind::Bytes;
        out.bytes =
            m_engine->fromScriptValue<QByteArray>(returned.property(QStringLiteral("bytes")));
        size = out.bytes.size();
    } else if (returned.hasOwnProperty(QStringLiteral("json"))) {
        out.kind = ScriptResult::Kind::Json;
        out.text = returned.property(QStringLiteral("json")).toString();
        size = out.text.size();
    } else {
        out.kind = ScriptResult::Kind::Text;
        out.text = returned.property(QStringLiteral("text")).toString();
        size = out.text.size();
    }
    if (limits.maxResultChars >= 0 && size > limits.maxResultChars) {
        out = ScriptResult();
        out.error = error(ScriptError::Kind::Result,
                          tr("The result is too large: %1 characters (at most %2).")
                              .arg(size)
                              .arg(limits.maxResultChars));
    }
    return out;
}

ScriptError ScriptRunner::fromThrown(const QJSValue &thrown)
{
    if (!thrown.isError())
        return error(ScriptError::Kind::Exception,
                     tr("Uncaught exception: %1").arg(thrown.toString()));
    // An error made in the script has its line; one made by a wrapped built-in names the
    // script's line in its stack.
    int line = 0;
    if (thrown.property(QStringLiteral("fileName")).toString().endsWith(kScriptFile))
        line = thrown.property(QStringLiteral("lineNumber")).toInt();
    if (line <= 0)
        line = scriptLineInStack(thrown.property(QStringLiteral("stack")).toString());
    if (thrown.property(QStringLiteral("memoryLimit")).toBool())
        return error(ScriptError::Kind::Memory,
                     tr("Stopped at the memory limit: %1")
                         .arg(thrown.property(QStringLiteral("message")).toString()),
                     line);
    return error(ScriptError::Kind::Exception, thrown.toString(), line);
}

} // namespace mqttdesk
