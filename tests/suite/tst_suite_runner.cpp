// SuiteRunner against the real mosquitto of tests/fixture: a passing suite (every step,
// messages that arrive before their expect, two connections), a failing one whose result
// names the failed step and what came instead (and the test after it still runs), a timeout,
// expect_none, expect_will (passing and failing), errors (a closed port, a saved connection
// with and without a resolver), stop(), and the JUnit XML's shape read back with
// QXmlStreamReader.
#include "core/suite/junit_report.h"
#include "core/suite/suite_parser.h"
#include "core/suite/suite_runner.h"
#include "core/suite/suite_text_report.h"
#include "tests/fixture/test_broker.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimeZone>
#include <QXmlStreamReader>

#include <memory>

using namespace mqttdesk;

namespace {

constexpr int kTimeoutMs = 60000;

} // namespace

class TstSuiteRunner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void passingSuiteRunsEveryStep();
    void failingStepSaysWhatCameInstead();
    void junitXmlHasTheShapeCiReads();
    void timeoutListsOtherTopics();
    void expectNoneFailsOnAMessage();
    void expectWill();
    void expectWillFailureShowsTheWill();
    void errorsAreNotFailures();
    void profilesGoThroughTheResolver();
    void stopEndsTheRun();

private:
    std::unique_ptr<SuiteRunner> runner(const QByteArray &json);
    SuiteResult run(const QByteArray &json);

    TestBroker m_broker;
};

namespace {

// The suite's head: two connections to the fixture's plain listener (port from ${port}).
QByteArray suite(const QByteArray &name, const QByteArray &tests)
{
    return QByteArray(R"({"format":"mqttdesk-suite","version":1,"name":")") + name +
           R"(","variables":{"root":"suite-test/${run}"},
           "connections":{"main":{"host":"127.0.0.1","port":"${port}","protocol":"5.0"},
                          "old":{"host":"127.0.0.1","port":"${port}","protocol":"3.1.1"}},
           "tests":)" +
           tests + "}";
}

QString describe(const SuiteResult &result)
{
    return SuiteTextReport::format(result);
}

} // namespace

void TstSuiteRunner::initTestCase()
{
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

std::unique_ptr<SuiteRunner> TstSuiteRunner::runner(const QByteArray &json)
{
    SuiteParser::Options options;
    options.variables.insert(QStringLiteral("port"),
                             QString::number(m_broker.port(TestBroker::Listener::Plain)));
    const SuiteParser::Result parsed = SuiteParser::parse(json, options);
    if (!parsed.ok()) {
        qWarning("%s", qPrintable(parsed.error->message()));
        return nullptr;
    }
    return std::make_unique<SuiteRunner>(*parsed.suite);
}

SuiteResult TstSuiteRunner::run(const QByteArray &json)
{
    std::unique_ptr<SuiteRunner> r = runner(json);
    if (!r)
        return {};
    QSignalSpy finished(r.get(), &SuiteRunner::finished);
    r->start();
    if (!finished.wait(kTimeoutMs))
        return {};
    return r->result();
}

void TstSuiteRunner::passingSuiteRunsEveryStep()
{
    const QByteArray json = suite("pass", R"([
      {"name": "round trip", "steps": [
        {"type": "connect", "connection": "main"},
        {"type": "subscribe", "filter": "${root}/#", "qos": 1},
        {"type": "publish", "topic": "${root}/x", "qos": 1, "payload": {"temp": 21, "unit": "C"},
         "properties": {"user_properties": {"k": "v"}}},
        {"type": "publish", "topic": "${root}/sync", "qos": 1},
        {"type": "expect", "filter": "${root}/sync", "name": "the sync message"},
        {"type": "expect", "filter": "${root}/+", "json": {"path": "$.temp", "op": ">", "value": 20},
         "user_properties": {"k": "v"}, "qos": 1},
        {"type": "expect_none", "filter": "${root}/#", "for_ms": 100},
        {"type": "wait", "ms": 10},
        {"type": "disconnect"}
      ]},
      {"name": "two connections", "steps": [
        {"type": "connect", "connection": "main"},
        {"type": "subscribe", "filter": "${root}/two", "qos": 1},
        {"type": "connect", "connection": "old"},
        {"type": "publish", "topic": "${root}/two", "payload": "n{{counter}}", "qos": 1},
        {"type": "publish", "topic": "${root}/two", "payload": "n{{counter}}", "qos": 1},
        {"type": "expect", "connection": "main", "filter": "${root}/two", "count": 2,
         "matches": "^n[0-9]+$"}
      ]}
    ])");
    std::unique_ptr<SuiteRunner> r = runner(json);
    QVERIFY(r);
    QSignalSpy steps(r.get(), &SuiteRunner::stepFinished);
    QSignalSpy tests(r.get(), &SuiteRunner::testFinished);
    QSignalSpy finished(r.get(), &SuiteRunner::finished);
    r->start();
    QVERIFY(finished.wait(kTimeoutMs));
    const SuiteResult &result = r->result();
    QVERIFY2(result.passed(), qPrintable(describe(result)));
    QCOMPARE(result.count(SuiteStatus::Passed), 2);
    QCOMPARE(steps.size(), 15);
    QCOMPARE(tests.size(), 2);
    for (const SuiteTestResult &test : result.tests) {
        for (const SuiteStepResult &step : test.steps)
            QCOMPARE(step.status, SuiteStatus::Passed);
    }
    // The message came before its expect (the sync one was taken first) and still counts.
    const SuiteStepResult &expect = result.tests.at(0).steps.at(5);
    QCOMPARE(expect.messages.size(), 1);
    QCOMPARE(expect.messages.first().message.topic.section(QLatin1Char('/'), -1),
             QStringLiteral("x"));
    QCOMPARE(expect.messages.first().message.payload, QByteArray(R"({"temp":21,"unit":"C"})"));
    QCOMPARE(result.tests.at(0).steps.at(4).summary, QStringLiteral("the sync message"));
    // A publish's result holds what was sent.
    QCOMPARE(result.tests.at(0).steps.at(2).messages.size(), 1);
    const SuiteStepResult &two = result.tests.at(1).steps.at(5);
    QCOMPARE(two.messages.size(), 2);
    QVERIFY(two.messages.at(0).message.payload != two.messages.at(1).message.payload);

    const QString text = describe(result);
    QVERIFY2(text.contains(QStringLiteral("\u2714 round trip")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Tests: 2, passed 2, failed 0, errors 0, skipped 0")),
             qPrintable(text));
}

void TstSuiteRunner::failingStepSaysWhatCameInstead()
{
    const SuiteResult result = run(suite("fail", R"([
      {"name": "too cold", "steps": [
        {"type": "connect", "connection": "main"},
        {"type": "subscribe", "filter": "${root}/#", "qos": 1},
        {"type": "publish", "topic": "${root}/a/temp", "payload": {"temp": 12}, "qos": 1},
        {"type": "publish", "topic": "${root}/sync", "qos": 1},
        {"type": "expect", "filter": "${root}/sync"},
        {"type": "expect", "filter": "${root}/+/temp", "timeout_ms": 300,
         "json": {"path": "$.temp", "op": ">", "value": 20}},
        {"type": "disconnect"}
      ]},
      {"name": "the next test runs", "steps": [
        {"type": "connect", "connection": "old"},
        {"type": "disconnect"}
      ]},
      {"name": "later", "skip": "not ready", "steps": [{"type": "wait", "ms": 1}]}
    ])"));
    QCOMPARE(result.tests.size(), 3);
    QVERIFY(!result.passed());
    const SuiteTestResult &cold = result.tests.at(0);
    QCOMPARE(cold.status, SuiteStatus::Failed);
    const SuiteStepResult *problem = cold.firstProblem();
    QVERIFY(problem);
    // The reading came before the sync message (one sender, one QoS: in order,
    // [MQTT-4.6.0-6]), so it is there whatever the timeout.
    QCOMPARE(problem->index, 5);
    QCOMPARE(problem->kind, SuiteStepKind::Expect);
    QCOMPARE(problem->status, SuiteStatus::Failed);
    QVERIFY2(problem->reason.startsWith(QStringLiteral("No message on ")) &&
                 problem->reason.endsWith(QStringLiteral("passed the checks within 300 ms.")),
             qPrintable(problem->reason));
    QVERIFY2(problem->expected.contains(QStringLiteral("$.temp > 20")),
             qPrintable(problem->expected));
    QCOMPARE(problem->received.size(), 1);
    QCOMPARE(problem->received.first().mismatch, QStringLiteral("$.temp is 12, not > 20"));
    QCOMPARE(problem->received.first().message.message.payload, QByteArray(R"({"temp":12})"));
    QCOMPARE(cold.steps.at(6).status, SuiteStatus::Skipped);
    QCOMPARE(cold.reason, problem->reason);
    QCOMPARE(result.tests.at(1).status, SuiteStatus::Passed);
    QCOMPARE(result.tests.at(2).status, SuiteStatus::Skipped);
    QCOMPARE(result.tests.at(2).reason, QStringLiteral("not ready"));

    const QString text = describe(result);
    QVERIFY2(text.contains(QStringLiteral("\u2718 too cold")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\u2718 6. expect")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("$.temp is 12, not > 20")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\u2013 7. disconnect main (skipped)")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Tests: 3, passed 1, failed 1, errors 0, skipped 1")),
             qPrintable(text));
}

void TstSuiteRunner::junitXmlHasTheShapeCiReads()
{
    std::unique_ptr<SuiteRunner> r =
        runner(suite("junit", R"([
      {"name": "passes", "steps": [{"type": "connect", "connection": "main"}]},
      {"name": "fails <&>", "steps": [
        {"type": "connect", "connection": "main"},
        {"type": "expect", "filter": "${root}/never", "timeout_ms": 50}
      ]},
      {"name": "breaks", "steps": [{"type": "connect", "connection": "saved"}]},
      {"name": "skipped", "skip": true, "steps": [{"type": "wait", "ms": 1}]}
    ])")
                   .replace(R"("connections":{)", R"("connections":{"saved":{"profile":"Lab"},)"));
    QVERIFY(r);
    // Fixed clocks: every duration is 0 and the time stamp is known.
    r->setClock([] { return qint64(0); });
    r->setWallClock([] { return QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::utc()); });
    QSignalSpy finished(r.get(), &SuiteRunner::finished);
    r->start();
    QVERIFY(finished.wait(kTimeoutMs));
    const SuiteResult &result = r->result();
    QCOMPARE(result.tests.at(2).status, SuiteStatus::Error);

    QXmlStreamReader xml(JUnitReport::toXml({result}));
    QStringList path;
    QHash<QString, QXmlStreamAttributes> first; // the first element of each name
    QStringList cases;
    QStringList outcomes; // per test case: failure/error/skipped/none
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QString name = xml.name().toString();
            if (!first.contains(name))
                first.insert(name, xml.attributes());
            if (name == QLatin1String("testcase")) {
                QCOMPARE(path.last(), QStringLiteral("testsuite"));
                cases.append(xml.attributes().value(QLatin1String("name")).toString());
                outcomes.append(QStringLiteral("none"));
            } else if (name == QLatin1String("failure") || name == QLatin1String("error") ||
                       name == QLatin1String("skipped")) {
                QCOMPARE(path.last(), QStringLiteral("testcase"));
                outcomes.last() = name;
                if (name != QLatin1String("skipped"))
                    QVERIFY(!xml.attributes().value(QLatin1String("type")).isEmpty());
            }
            path.append(name);
        } else if (token == QXmlStreamReader::EndElement) {
            path.removeLast();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(first.contains(QStringLiteral("testsuites")));
    for (const QString &element : {QStringLiteral("testsuites"), QStringLiteral("testsuite")}) {
        const QXmlStreamAttributes a = first.value(element);
        QCOMPARE(a.value(QLatin1String("tests")).toString(), QStringLiteral("4"));
        QCOMPARE(a.value(QLatin1String("failures")).toString(), QStringLiteral("1"));
        QCOMPARE(a.value(QLatin1String("errors")).toString(), QStringLiteral("1"));
        QCOMPARE(a.value(QLatin1String("skipped")).toString(), QStringLiteral("1"));
        QCOMPARE(a.value(QLatin1String("time")).toString(), QStringLiteral("0.000"));
        QCOMPARE(a.value(QLatin1String("timestamp")).toString(),
                 QStringLiteral("2026-01-02T03:04:05"));
    }
    QCOMPARE(first.value(QStringLiteral("testsuite")).value(QLatin1String("name")).toString(),
             QStringLiteral("junit"));
    QCOMPARE(cases, (QStringList{QStringLiteral("passes"), QStringLiteral("fails <&>"),
                                 QStringLiteral("breaks"), QStringLiteral("skipped")}));
    QCOMPARE(outcomes, (QStringList{QStringLiteral("none"), QStringLiteral("failure"),
                                    QStringLiteral("error"), QStringLiteral("skipped")}));
    const QXmlStreamAttributes testcase = first.value(QStringLiteral("testcase"));
    QCOMPARE(testcase.value(QLatin1String("classname")).toString(), QStringLiteral("junit"));
    QCOMPARE(testcase.value(QLatin1String("time")).toString(), QStringLiteral("0.000"));
    const QXmlStreamAttributes failure = first.value(QStringLiteral("failure"));
    QCOMPARE(failure.value(QLatin1String("type")).toString(), QStringLiteral("expect"));
    QVERIFY2(failure.value(QLatin1String("message")).startsWith(QLatin1String("step 2, expect")),
             qPrintable(failure.value(QLatin1String("message")).toString()));
}

void TstSuiteRunner::timeoutListsOtherTopics()
{
    const SuiteResult result = run(suite("timeout", R"([{"name": "t", "steps": [
        {"type": "connect", "connection": "main"},
        {"type": "subscribe", "filter": "${root}/#", "qos": 1},
        {"type": "publish", "topic": "${root}/other", "payload": "x", "qos": 1},
        {"type": "publish", "topic": "${root}/sync", "qos": 1},
        {"type": "expect", "filter": "${root}/sync"},
        {"type": "expect", "filter": "${root}/wanted", "timeout_ms": 200}
    ]}])"));
    QCOMPARE(result.tests.size(), 1);
    const SuiteStepResult &step = result.tests.first().steps.at(5);
    QCOMPARE(step.status, SuiteStatus::Failed);
    QVERIFY2(step.reason.startsWith(QStringLiteral("Nothing arrived on ")) &&
                 step.reason.endsWith(QStringLiteral("/wanted within 200 ms.")),
             qPrintable(step.reason));
    // The message on another topic (it came before the sync one: one sender, one QoS,
    // in order [MQTT-4.6.0-6]) is shown as what did come.
    QCOMPARE(step.received.size(), 1);
    QCOMPARE(step.received.first().mismatch, QStringLiteral("another topic"));
    QVERIFY(step.received.first().message.message.topic.endsWith(QLatin1String("/other")));
}

void TstSuiteRunner::expectNoneFailsOnAMessage()
{
    // The alarm came before the sync message (one sender, one QoS: in order [MQTT-4.6.0-6]),
    // so it is there when expect_none starts: the step fails at once, without its 60 s.
    const QByteArray head = R"({"type": "connect", "connection": "main"},
        {"type": "subscribe", "filter": "${root}/#", "qos": 1},
        {"type": "publish", "topic": "${root}/alarm", "payload": "boom", "qos": 1},
        {"type": "publish", "topic": "${root}/sync", "qos": 1},
        {"type": "expect", "filter": "${root}/sync"},)";
    const SuiteResult result = run(suite("none", R"([{"name": "fails", "steps": [)" + head + R"(
        {"type": "expect_none", "filter": "${root}/alarm", "for_ms": 60000}]},
      {"name": "only what passes the checks counts", "steps": [)" +
                                                     head + R"(
        {"type": "expect_none", "filter": "${root}/alarm", "for_ms": 100, "payload": "calm"}]}
    ])"));
    QCOMPARE(result.tests.size(), 2);
    const SuiteStepResult &none = result.tests.at(0).steps.at(5);
    QCOMPARE(none.status, SuiteStatus::Failed);
    QCOMPARE(none.received.size(), 1);
    QCOMPARE(none.received.first().message.message.payload, QByteArray("boom"));
    QVERIFY2(none.reason.contains(QStringLiteral("none was expected for 60000 ms")),
             qPrintable(none.reason));
    QCOMPARE(result.tests.at(1).status, SuiteStatus::Passed);
}

void TstSuiteRunner::expectWill()
{
    const SuiteResult result = run(suite("will", R"([{"name": "t", "steps": [
        {"type": "connect", "connection": "main"},
        {"type": "expect_will", "will": {"topic": "${root}/status", "payload": "gone", "qos": 1,
                                         "properties": {"user_properties": {"why": "crash"}}},
         "payload": "gone", "qos": 1, "user_properties": {"why": "crash"}, "timeout_ms": 10000},
        {"type": "expect_will", "will_connection": "old",
         "will": {"topic": "${root}/old/{{counter}}", "payload": "bye"},
         "filter": "${root}/old/+", "payload": "bye", "timeout_ms": 10000}
    ]}])"));
    QVERIFY2(result.passed(), qPrintable(describe(result)));
    const SuiteStepResult &will = result.tests.first().steps.at(1);
    QCOMPARE(will.messages.size(), 1);
    QCOMPARE(will.messages.first().message.payload, QByteArray("gone"));
    QCOMPARE(will.messages.first().message.qos, QoS::AtLeastOnce);
}

void TstSuiteRunner::expectWillFailureShowsTheWill()
{
    const SuiteResult result = run(suite("will-fail", R"([{"name": "t", "steps": [
        {"type": "connect", "connection": "main"},
        {"type": "expect_will", "will": {"topic": "${root}/status", "payload": "gone"},
         "payload": "offline", "timeout_ms": 5000}
    ]}])"));
    QCOMPARE(result.tests.size(), 1);
    const SuiteStepResult &will = result.tests.first().steps.at(1);
    QCOMPARE(will.status, SuiteStatus::Failed);
    QCOMPARE(will.received.size(), 1);
    QCOMPARE(will.received.first().message.message.payload, QByteArray("gone"));
    QCOMPARE(will.received.first().mismatch,
             QStringLiteral("payload is \"gone\", not \"offline\""));
}

void TstSuiteRunner::errorsAreNotFailures()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const QByteArray port = QByteArray::number(closed.serverPort());
    closed.close(); // nothing listens there now
    const QByteArray connections = R"("connections":{"nowhere":{"host":"127.0.0.1","port":)" +
                                   port +
                                   R"(,"connect_timeout_ms":5000},"saved":{"profile":"Lab"},)";
    const SuiteResult result = run(suite("errors", R"([
      {"name": "no broker", "steps": [
        {"type": "connect", "connection": "nowhere"},
        {"type": "disconnect"}
      ]},
      {"name": "no resolver", "steps": [{"type": "connect", "connection": "saved"}]}
    ])")
                                       .replace(R"("connections":{)", connections));
    QCOMPARE(result.tests.size(), 2);
    for (const SuiteTestResult &test : result.tests) {
        QCOMPARE(test.status, SuiteStatus::Error);
        QCOMPARE(test.steps.first().status, SuiteStatus::Error);
    }
    QVERIFY2(result.tests.at(0).reason.startsWith(QStringLiteral("Cannot connect nowhere: ")),
             qPrintable(result.tests.at(0).reason));
    QVERIFY2(result.tests.at(1).reason.contains(QStringLiteral("\"Lab\"")),
             qPrintable(result.tests.at(1).reason));
    QCOMPARE(result.count(SuiteStatus::Error), 2);
    QCOMPARE(result.count(SuiteStatus::Failed), 0);
}

void TstSuiteRunner::profilesGoThroughTheResolver()
{
    std::unique_ptr<SuiteRunner> r = runner(
        suite("profile", R"([{"name": "t", "steps": [
        {"type": "connect", "connection": "saved"},
        {"type": "subscribe", "filter": "${root}/p"},
        {"type": "publish", "topic": "${root}/p", "payload": "via profile"},
        {"type": "expect", "filter": "${root}/p", "payload": "via profile"}
    ]}])")
            .replace(R"("connections":{)", R"("connections":{"saved":{"profile":"Lab/broker"},)"));
    QVERIFY(r);
    QStringList asked;
    const quint16 port = m_broker.port(TestBroker::Listener::Plain);
    r->setProfileResolver([&asked, port](const QString &name, QString *) {
        asked.append(name);
        ConnectionSettings s;
        s.transport.host = QStringLiteral("127.0.0.1");
        s.transport.port = port;
        s.session.clientId = QStringLiteral("fixed-id-of-the-app"); // not used by the suite
        s.session.reconnect.enabled = true;
        return std::optional<ConnectionSettings>(s);
    });
    QSignalSpy finished(r.get(), &SuiteRunner::finished);
    r->start();
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY2(r->result().passed(), qPrintable(describe(r->result())));
    QCOMPARE(asked, QStringList{QStringLiteral("Lab/broker")});
}

void TstSuiteRunner::stopEndsTheRun()
{
    std::unique_ptr<SuiteRunner> r = runner(suite("stop", R"([
      {"name": "long", "steps": [
        {"type": "connect", "connection": "main"},
        {"type": "wait", "ms": 3600000},
        {"type": "disconnect"}
      ]},
      {"name": "after", "steps": [{"type": "wait", "ms": 1}]}
    ])"));
    QVERIFY(r);
    QSignalSpy started(r.get(), &SuiteRunner::stepStarted);
    QSignalSpy finished(r.get(), &SuiteRunner::finished);
    r->start();
    QTRY_VERIFY_WITH_TIMEOUT(started.size() == 2, kTimeoutMs); // the wait is under way
    QVERIFY(r->isRunning());
    r->stop();
    QVERIFY(finished.size() == 1 || finished.wait(kTimeoutMs));
    QVERIFY(!r->isRunning());
    const SuiteResult &result = r->result();
    QCOMPARE(result.tests.size(), 2);
    QCOMPARE(result.tests.at(0).steps.at(1).status, SuiteStatus::Error);
    QCOMPARE(result.tests.at(0).steps.at(1).reason, QStringLiteral("Stopped."));
    QCOMPARE(result.tests.at(0).steps.at(2).status, SuiteStatus::Skipped);
    QCOMPARE(result.tests.at(1).status, SuiteStatus::Skipped);
    QCOMPARE(result.tests.at(1).reason, QStringLiteral("Not run: the run was stopped."));
}

QTEST_GUILESS_MAIN(TstSuiteRunner)
#include "tst_suite_runner.moc"
