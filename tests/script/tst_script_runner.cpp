#include "core/script/script_runner.h"
#include "core/script/script_watchdog.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <memory>

using namespace mqttdesk;

namespace {

// Generous where the test is not about time: ASan builds run V4 several times slower.
ScriptLimits relaxed()
{
    ScriptLimits limits;
    limits.timeLimitMs = 5000;
    return limits;
}

ScriptMessage message(const QByteArray &payload, const QString &topic = QStringLiteral("t"))
{
    ScriptMessage out;
    out.payload = payload;
    out.topic = topic;
    return out;
}

} // namespace

class TestScriptRunner : public QObject
{
    Q_OBJECT

private slots:
    void outgoingTransform();
    void outgoingObjectAndBytes();
    void incomingTransform();
    void incomingMessageObject();
    void incomingResultKinds();
    void infiniteLoopStoppedByTimeLimit();
    void catchCannotSwallowTheTimeLimit();
    void exceptionWithLine();
    void thrownNonError();
    void syntaxErrorWithLine();
    void nothingReturned();
    void recursionIsAnError();
    void memoryCapStopsGrowth();
    void memoryCapRefusesHugeString();
    void resultAndInputBounds();
    void twoThreadsAtOnce();
    void compiledOncePerSource();
};

void TestScriptRunner::outgoingTransform()
{
    ScriptRunner runner;
    const ScriptResult result = runner.runOutgoing(
        QStringLiteral("return JSON.stringify({t: Date.now(), v: Math.random(), n: counter, "
                       "topic: topic, was: payload});"),
        QStringLiteral("hello"), QStringLiteral("sensors/1"), 7, relaxed());
    QVERIFY2(result.ok(), qPrintable(result.error ? result.error->text() : QString()));
    QCOMPARE(result.kind, ScriptResult::Kind::Text);
    const QJsonObject json = QJsonDocument::fromJson(result.payload()).object();
    QVERIFY(json.value(QStringLiteral("t")).toDouble() > 1.6e12);
    const double v = json.value(QStringLiteral("v")).toDouble(-1);
    QVERIFY(v >= 0 && v < 1);
    QCOMPARE(json.value(QStringLiteral("n")).toInt(), 7);
    QCOMPARE(json.value(QStringLiteral("topic")).toString(), QStringLiteral("sensors/1"));
    QCOMPARE(json.value(QStringLiteral("was")).toString(), QStringLiteral("hello"));
}

void TestScriptRunner::outgoingObjectAndBytes()
{
    ScriptRunner runner;
    const ScriptResult object =
        runner.runOutgoing(QStringLiteral("return {a: 1};"), {}, QStringLiteral("t"), 1, relaxed());
    QVERIFY(object.ok());
    QCOMPARE(object.kind, ScriptResult::Kind::Json);
    QCOMPARE(QJsonDocument::fromJson(object.payload()).object().value(QStringLiteral("a")).toInt(),
             1);
    // Sent compact, as JSON.stringify makes it (the incoming side indents for reading).
    QCOMPARE(object.payload(), QByteArray(R"({"a":1})"));
    const ScriptResult bytes =
        runner.runOutgoing(QStringLiteral("return new Uint8Array([0, 255, 65]);"), {},
                           QStringLiteral("t"), 1, relaxed());
    QVERIFY(bytes.ok());
    QCOMPARE(bytes.kind, ScriptResult::Kind::Bytes);
    QCOMPARE(bytes.payload(), QByteArray("\x00\xff"
                                         "A",
                                         3));
}

void TestScriptRunner::incomingTransform()
{
    ScriptRunner runner;
    const QString script = QStringLiteral("var r = JSON.parse(payload);\n"
                                          "return (r.temp / 10).toFixed(1) + ' °C on ' + topic;");
    const ScriptResult result = runner.runIncoming(
        script, message(R"({"temp": 215})", QStringLiteral("plant/boiler")), relaxed());
    QVERIFY2(result.ok(), qPrintable(result.error ? result.error->text() : QString()));
    QCOMPARE(result.text, QStringLiteral("21.5 °C on plant/boiler"));
}

void TestScriptRunner::incomingMessageObject()
{
    ScriptRunner runner;
    ScriptMessage m = message(QByteArray("\x01\x02\xfe", 3), QStringLiteral("raw/x"));
    m.qos = 1;
    m.retain = true;
    m.contentType = QStringLiteral("application/octet-stream");
    const ScriptResult result = runner.runIncoming(
        QStringLiteral("return [message.bytes.length, message.bytes[2], message.qos, "
                       "message.retain, message.contentType, message.topic].join(',');"),
        m, relaxed());
    QVERIFY2(result.ok(), qPrintable(result.error ? result.error->text() : QString()));
    QCOMPARE(result.text, QStringLiteral("3,254,1,true,application/octet-stream,raw/x"));
    // Unknown QoS is null.
    const ScriptResult unknown =
        runner.runIncoming(QStringLiteral("return String(message.qos);"), message("x"), relaxed());
    QCOMPARE(unknown.text, QStringLiteral("null"));
}

void TestScriptRunner::incomingResultKinds()
{
    ScriptRunner runner;
    const ScriptResult json = runner.runIncoming(
        QStringLiteral("var r = JSON.parse(payload); return {celsius: r.t / 10};"),
        message(R"({"t": 215})"), relaxed());
    QVERIFY(json.ok());
    QCOMPARE(json.kind, ScriptResult::Kind::Json);
    QCOMPARE(json.text, QStringLiteral("{\n  \"celsius\": 21.5\n}"));
    const ScriptResult number =
        runner.runIncoming(QStringLiteral("return payload.length * 2;"), message("abc"), relaxed());
    QCOMPARE(number.text, QStringLiteral("6"));
    const ScriptResult cyclic = runner.runIncoming(
        QStringLiteral("var a = {}; a.self = a; return a;"), message("x"), relaxed());
    QVERIFY(cyclic.error);
    QCOMPARE(cyclic.error->kind, ScriptError::Kind::Result);
}

void TestScriptRunner::infiniteLoopStoppedByTimeLimit()
{
    ScriptRunner runner;
    ScriptLimits limits;
    limits.timeLimitMs = 50;
    QElapsedTimer clock;
    clock.start();
    const ScriptResult stopped =
        runner.runIncoming(QStringLiteral("while (true) {}"), message("x"), limits);
    const qint64 took = clock.elapsed();
    QVERIFY(stopped.error);
    QCOMPARE(stopped.error->kind, ScriptError::Kind::Timeout);
    QVERIFY2(stopped.error->text().contains(QStringLiteral("50 ms")),
             qPrintable(stopped.error->text()));
    QVERIFY2(took >= 45 && took < 5000, qPrintable(QString::number(took)));
    // The engine runs again at once.
    const ScriptResult next =
        runner.runIncoming(QStringLiteral("return 'ok ' + payload;"), message("x"), relaxed());
    QVERIFY2(next.ok(), qPrintable(next.error ? next.error->text() : QString()));
    QCOMPARE(next.text, QStringLiteral("ok x"));
}

void TestScriptRunner::catchCannotSwallowTheTimeLimit()
{
    ScriptRunner runner;
    ScriptLimits limits;
    limits.timeLimitMs = 30;
    const ScriptResult stopped = runner.runIncoming(
        QStringLiteral("for (;;) { try { for (;;) {} } catch (e) {} finally { } }"), message("x"),
        limits);
    QVERIFY(stopped.error);
    QCOMPARE(stopped.error->kind, ScriptError::Kind::Timeout);
}

void TestScriptRunner::exceptionWithLine()
{
    ScriptRunner runner;
    const ScriptResult result = runner.runIncoming(
        QStringLiteral("var x = 1;\n\nthrow new Error('boom');"), message("x"), relaxed());
    QVERIFY(result.error);
    QCOMPARE(result.error->kind, ScriptError::Kind::Exception);
    QCOMPARE(result.error->line, 3);
    QCOMPARE(result.error->message, QStringLiteral("Error: boom"));
    QCOMPARE(result.error->text(), QStringLiteral("Line 3: Error: boom"));
    // An error raised by a built-in names the script's line that called it.
    const ScriptResult parse = runner.runIncoming(QStringLiteral("\nreturn JSON.parse(payload);"),
                                                  message("{broken"), relaxed());
    QVERIFY(parse.error);
    QCOMPARE(parse.error->line, 2);
    QVERIFY(parse.error->message.startsWith(QStringLiteral("SyntaxError")));
}

void TestScriptRunner::thrownNonError()
{
    ScriptRunner runner;
    const ScriptResult result =
        runner.runIncoming(QStringLiteral("throw 'plain';"), message("x"), relaxed());
    QVERIFY(result.error);
    QCOMPARE(result.error->kind, ScriptError::Kind::Exception);
    QVERIFY(result.error->message.contains(QStringLiteral("plain")));
}

void TestScriptRunner::syntaxErrorWithLine()
{
    ScriptRunner runner;
    const QString broken = QStringLiteral("var a = 1;\nvar b = ;\nreturn a;");
    const ScriptResult result = runner.runIncoming(broken, message("x"), relaxed());
    QVERIFY(result.error);
    QCOMPARE(result.error->kind, ScriptError::Kind::Syntax);
    QCOMPARE(result.error->line, 2);
    QVERIFY(result.error->message.startsWith(QStringLiteral("SyntaxError")));
    const std::optional<ScriptError> checked =
        runner.check(broken, ScriptRunner::Direction::Incoming);
    QVERIFY(checked);
    QCOMPARE(checked->line, 2);
    QVERIFY(!runner.check(QStringLiteral("return 1;"), ScriptRunner::Direction::Outgoing));
    // A body that closes the function early runs code when it is compiled: that is watched
    // by the time limit as well.
    const std::optional<ScriptError> escaped = runner.check(
        QStringLiteral("}); while (true) {} (function () {"), ScriptRunner::Direction::Incoming);
    QVERIFY(escaped);
    QCOMPARE(escaped->kind, ScriptError::Kind::Timeout);
}

void TestScriptRunner::nothingReturned()
{
    ScriptRunner runner;
    const ScriptResult result =
        runner.runIncoming(QStringLiteral("payload.length;"), message("x"), relaxed());
    QVERIFY(result.error);
    QCOMPARE(result.error->kind, ScriptError::Kind::Result);
}

void TestScriptRunner::recursionIsAnError()
{
    ScriptRunner runner;
    const ScriptResult result =
        runner.runIncoming(QStringLiteral("function f(n) { return f(n + 1) + 1; }\nreturn f(0);"),
                           message("x"), relaxed());
    QVERIFY(result.error);
    QCOMPARE(result.error->kind, ScriptError::Kind::Exception);
    QVERIFY(result.error->message.startsWith(QStringLiteral("RangeError")));
    QCOMPARE(result.error->line, 1);
}

void TestScriptRunner::memoryCapStopsGrowth()
{
    ScriptRunner runner;
    ScriptLimits limits;
    limits.timeLimitMs = 10000; // the memory cap stops it long before
    limits.memoryLimitBytes = 32 * 1024 * 1024;
    // Each string is a fresh 2 MB allocation, kept alive by the array.
    QElapsedTimer clock;
    clock.start();
    const ScriptResult stopped = runner.runIncoming(
        QStringLiteral(
            "var kept = [];\nfor (var i = 0; ; ++i)\n  kept.push('x'.repeat(1 << 20) + i);"),
        message("x"), limits);
    QVERIFY(stopped.error);
    QCOMPARE(stopped.error->kind, ScriptError::Kind::Memory);
    QVERIFY2(stopped.error->text().contains(QStringLiteral("memory limit")),
             qPrintable(stopped.error->text()));
    QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
    // And the runner goes on.
    const ScriptResult next =
        runner.runIncoming(QStringLiteral("return 'fine';"), message("x"), relaxed());
    QVERIFY(next.ok());
}

void TestScriptRunner::memoryCapRefusesHugeString()
{
    ScriptRunner runner;
    ScriptLimits limits = relaxed();
    limits.memoryLimitBytes = 16 * 1024 * 1024;
    // 2^31 characters would be 4 GB in one native step: refused before it is allocated.
    const ScriptResult refused = runner.runIncoming(
        QStringLiteral("var s = 'ab';\nreturn s.repeat(1 << 30).length;"), message("x"), limits);
    QVERIFY(refused.error);
    QCOMPARE(refused.error->kind, ScriptError::Kind::Memory);
    QCOMPARE(refused.error->line, 2);
    const ScriptResult padded =
        runner.runIncoming(QStringLiteral("return ''.padStart(1e12);"), message("x"), limits);
    QVERIFY(padded.error);
    QCOMPARE(padded.error->kind, ScriptError::Kind::Memory);
    // Under the cap the wrapped built-ins behave as before.
    const ScriptResult small = runner.runIncoming(
        QStringLiteral("return 'ab'.repeat(3) + '7'.padStart(3, '0') + 'x'.padEnd(2, '-');"),
        message("x"), limits);
    QVERIFY(small.ok());
    QCOMPARE(small.text, QStringLiteral("ababab007x-"));
}

void TestScriptRunner::resultAndInputBounds()
{
    ScriptRunner runner;
    ScriptLimits limits = relaxed();
    limits.maxResultChars = 100;
    const ScriptResult large =
        runner.runIncoming(QStringLiteral("return 'y'.repeat(101);"), message("x"), limits);
    QVERIFY(large.error);
    QCOMPARE(large.error->kind, ScriptError::Kind::Result);
    limits.maxInputBytes = 4;
    const ScriptResult input =
        runner.runIncoming(QStringLiteral("return payload;"), message("12345"), limits);
    QVERIFY(input.error);
    QCOMPARE(input.error->kind, ScriptError::Kind::Input);
}

void TestScriptRunner::twoThreadsAtOnce()
{
    // Each thread has its own runner and engine; one stuck in a loop does not hold up the
    // other, and both watchdog deadlines are kept.
    std::atomic<bool> loopStopped = false;
    std::atomic<int> sums = 0;
    std::unique_ptr<QThread> looping(QThread::create([&] {
        ScriptLimits limits;
        limits.timeLimitMs = 300;
        const ScriptResult r = ScriptRunner::forCurrentThread().runIncoming(
            QStringLiteral("for (;;) {}"), message("x"), limits);
        loopStopped = r.error && r.error->kind == ScriptError::Kind::Timeout;
    }));
    std::unique_ptr<QThread> working(QThread::create([&] {
        for (int i = 0; i < 200; ++i) {
            const ScriptResult r = ScriptRunner::forCurrentThread().runIncoming(
                QStringLiteral(
                    "var s = 0; for (var k = 0; k < 100; ++k) s += k; return s + Number(payload);"),
                message(QByteArray::number(i)), relaxed());
            if (r.ok() && r.text == QString::number(4950 + i))
                ++sums;
        }
    }));
    looping->start();
    working->start();
    QVERIFY(working->wait(60000));
    QVERIFY(looping->wait(60000));
    QVERIFY(loopStopped);
    QCOMPARE(sums.load(), 200);
}

void TestScriptRunner::compiledOncePerSource()
{
    ScriptRunner runner;
    // A global variable (V4 6.4 has no globalThis) lives in the runner's engine: the calls
    // share it, another runner does not.
    const QString script = QStringLiteral("calls = (typeof calls === 'number' ? calls : 0) + 1; "
                                          "return calls;");
    runner.runIncoming(script, message("x"), relaxed());
    const ScriptResult second = runner.runIncoming(script, message("x"), relaxed());
    QCOMPARE(second.text, QStringLiteral("2"));
    // Another runner (thread) has its own engine.
    ScriptRunner other;
    QCOMPARE(other.runIncoming(script, message("x"), relaxed()).text, QStringLiteral("1"));
}

QTEST_GUILESS_MAIN(TestScriptRunner)
#include "tst_script_runner.moc"
