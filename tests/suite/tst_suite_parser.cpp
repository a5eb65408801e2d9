// The suite file parser in-process (no broker): a suite with every step type and check reads
// into the expected steps; ${variables} (the file's, the caller's, the environment's) are
// expanded everywhere; and every SuiteParseError kind is produced by a file that has that
// problem, naming the test, the step and the field.
#include "core/suite/suite_parser.h"
#include "tests/support/enum_names.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;
using Kind = SuiteParseError::Kind;

Q_DECLARE_METATYPE(mqttdesk::SuiteParseError::Kind)

namespace {

SuiteParser::Options noEnvironment()
{
    SuiteParser::Options options;
    options.environment = [](const QString &name) -> std::optional<QString> {
        if (name == QLatin1String("SUITE_SECRET"))
            return QStringLiteral("s3cret");
        return std::nullopt;
    };
    options.fileName = QStringLiteral("t.suite.json");
    return options;
}

struct ErrorRow
{
    const char *name;
    QByteArray json;
    Kind kind;
    QString test;
    int step;
    QString field;
    QString detail;
};

} // namespace

class TstSuiteParser : public QObject
{
    Q_OBJECT

private slots:
    void kindNames();
    void readsEveryStep();
    void callerVariablesWin();
    void checksEvaluate();
    void unreadableFile();
    void syntaxErrorHasALine();
    void everyErrorIsNamed_data();
    void everyErrorIsNamed();
    void everyKindIsCovered();
    void docsExamplesParse();

private:
    static QList<ErrorRow> errorRows();
};

namespace {

// A suite with two connections around `tests` (the JSON text of the tests array).
QByteArray withTests(const QByteArray &tests)
{
    return QByteArray(R"({"format":"mqttdesk-suite","version":1,"name":"n",
        "variables":{"port":1884,"prefix":"lab"},
        "connections":{"main":{"host":"127.0.0.1","port":"${port}"},
                       "other":{"host":"127.0.0.1","protocol":"5.0"}},
        "tests":)") +
           tests + "}";
}

// One test "t" with these steps, "main" connected first.
QByteArray withSteps(const QByteArray &steps)
{
    return withTests(R"([{"name":"t","steps":[{"type":"connect","connection":"main"},)" + steps +
                     "]}]");
}

} // namespace

void TstSuiteParser::kindNames()
{
    checkEnumNames(Kind::Unreadable, Kind::BadEncoding, &SuiteParseError::kindName,
                   QStringLiteral("Unknown"));
}

void TstSuiteParser::readsEveryStep()
{
    const QByteArray json = R"({
      "format": "mqttdesk-suite", "version": 1, "name": "everything",
      "description": "all steps", "timeout_ms": 1500,
      "variables": {"port": 1884, "device": "pump-7", "flag": true},
      "connections": {
        "main": {"host": "127.0.0.1", "port": "${port}", "protocol": "5.0",
                 "client_id": "c-${device}", "username": "u", "password": "${env:SUITE_SECRET}",
                 "keep_alive": 30, "connect_timeout_ms": 2000},
        "secure": {"host": "localhost", "tls": {"ca": "ca.pem", "insecure": true}},
        "saved": {"profile": "Lab broker"}
      },
      "tests": [
        {"name": "all", "steps": [
          {"type": "connect", "connection": "main"},
          {"type": "subscribe", "filter": "plant/${device}/#", "qos": 1},
          {"type": "publish", "topic": "plant/${device}/t", "payload": {"t": 21.5, "d": "${device}"},
           "qos": 1, "retain": true,
           "properties": {"content_type": "application/json", "message_expiry": 60,
                          "user_properties": {"k": "v"}, "response_topic": "r/{{uuid}}"}},
          {"type": "publish", "topic": "plant/raw", "payload": "AAEC", "format": "base64"},
          {"type": "publish", "topic": "plant/lit", "payload": "{{x}} $${not}", "expand": false},
          {"type": "expect", "filter": "plant/+/t", "count": 2,
           "json": [{"path": "$.t", "op": ">", "value": 20}, {"path": "$.d", "op": "exists"}],
           "matches": "^\\{", "contains": "pump", "qos": 1, "retain": false,
           "user_properties": [["k", "v"]], "content_type": "application/json",
           "topic": "plant/pump-7/t"},
          {"type": "expect", "filter": "plant/raw", "payload": "000102", "format": "hex"},
          {"type": "expect_none", "filter": "alarms/#", "for_ms": 200, "payload": {"a": 1}},
          {"type": "wait", "ms": 10, "name": "settle"},
          {"type": "expect_will", "will": {"topic": "status/x", "payload": "offline", "qos": 1,
                                           "properties": {"will_delay": 0}},
           "timeout_ms": 3000},
          {"type": "disconnect", "reason": 4}
        ]},
        {"name": "later", "skip": "not ready", "steps": [{"type": "wait", "ms": 1}]}
      ]})";
    SuiteParser::Options options = noEnvironment();
    options.baseDirectory = QStringLiteral("/certs");
    const SuiteParser::Result r = SuiteParser::parse(json, options);
    QVERIFY2(r.ok(), qPrintable(r.error ? r.error->message() : QString()));
    const Suite &suite = *r.suite;
    QCOMPARE(suite.name, QStringLiteral("everything"));
    QCOMPARE(suite.connections.size(), 3);
    const SuiteConnection *main = suite.connection(QStringLiteral("main"));
    QVERIFY(main);
    QCOMPARE(main->settings.transport.port, quint16(1884));
    QCOMPARE(main->settings.session.version, ProtocolVersion::V5);
    QCOMPARE(main->settings.session.clientId, QStringLiteral("c-pump-7"));
    QCOMPARE(main->settings.session.password, QByteArray("s3cret"));
    QCOMPARE(main->settings.session.keepAliveSeconds, quint16(30));
    QVERIFY(!main->settings.session.reconnect.enabled);
    const SuiteConnection *secure = suite.connection(QStringLiteral("secure"));
    QCOMPARE(secure->settings.transport.kind, TransportOptions::Kind::Tls);
    QCOMPARE(secure->settings.transport.port, quint16(8883));
    QCOMPARE(secure->settings.transport.tls.caFiles, QStringList{QStringLiteral("/certs/ca.pem")});
    QVERIFY(suite.connection(QStringLiteral("saved"))->isProfile());

    QCOMPARE(suite.tests.size(), 2);
    const QList<SuiteStep> &steps = suite.tests.at(0).steps;
    QCOMPARE(steps.size(), 11);
    QCOMPARE(steps.at(0).connection, QStringLiteral("main"));
    QCOMPARE(steps.at(1).connection, QStringLiteral("main")); // the latest one connected
    QCOMPARE(steps.at(1).filter, QStringLiteral("plant/pump-7/#"));
    QCOMPARE(steps.at(1).qos, QoS::AtLeastOnce);
    // The JSON payload goes as compact JSON, its variables expanded.
    const PublishTemplate &sent = steps.at(2).message.source();
    QCOMPARE(sent.topic, QStringLiteral("plant/pump-7/t"));
    QCOMPARE(sent.format, PayloadFormat::Json);
    QCOMPARE(QJsonDocument::fromJson(sent.payload.toUtf8()).object().value(QStringLiteral("d")),
             QJsonValue(QStringLiteral("pump-7")));
    QVERIFY(sent.retain);
    QCOMPARE(sent.properties.userProperties.size(), 1);
    QCOMPARE(steps.at(3).message.source().format, PayloadFormat::Base64);
    // "expand": false keeps {{ literal; $${ is a literal ${.
    const TemplateContext context;
    QCOMPARE(steps.at(4).message.payload(context), QStringLiteral("{{x}} ${not}"));
    QCOMPARE(steps.at(5).checks.size(), 9);
    QCOMPARE(steps.at(5).count, 2);
    QCOMPARE(steps.at(5).durationMs, qint64(1500)); // the suite's timeout_ms
    QCOMPARE(steps.at(6).checks.first().describe(),
             QStringLiteral("payload == 0x00 01 02 (3 bytes)"));
    QCOMPARE(steps.at(7).kind, SuiteStepKind::ExpectNone);
    QCOMPARE(steps.at(7).durationMs, qint64(200));
    QCOMPARE(steps.at(8).summary(), QStringLiteral("settle"));
    QCOMPARE(steps.at(9).filter, QStringLiteral("status/x")); // the will's topic
    QCOMPARE(steps.at(9).willConnection, QStringLiteral("main"));
    QCOMPARE(steps.at(9).qos, QoS::ExactlyOnce);
    QCOMPARE(steps.at(9).willDelaySeconds, std::optional<quint32>(0));
    QCOMPARE(steps.at(10).reason, ReasonCode(0x04));
    QVERIFY(suite.tests.at(1).skip);
    QCOMPARE(suite.tests.at(1).skipReason, QStringLiteral("not ready"));
}

void TstSuiteParser::callerVariablesWin()
{
    SuiteParser::Options options = noEnvironment();
    options.variables.insert(QStringLiteral("port"), QStringLiteral("2000"));
    const SuiteParser::Result r =
        SuiteParser::parse(withSteps(R"({"type":"wait","ms":1})"), options);
    QVERIFY(r.ok());
    QCOMPARE(r.suite->connection(QStringLiteral("main"))->settings.transport.port, quint16(2000));
    QCOMPARE(r.suite->variables.value(QStringLiteral("port")), QStringLiteral("2000"));

    // A value may use other variables (and ${run}, new at each reading unless given).
    options.variables.insert(QStringLiteral("run"), QStringLiteral("r1"));
    const QByteArray nested = withSteps(R"({"type":"subscribe","filter":"${root}/#"})")
                                  .replace(R"("prefix":"lab")", R"("root":"lab/${run}")");
    const SuiteParser::Result n = SuiteParser::parse(nested, options);
    QVERIFY2(n.ok(), qPrintable(n.error ? n.error->message() : QString()));
    QCOMPARE(n.suite->tests.at(0).steps.at(1).filter, QStringLiteral("lab/r1/#"));
    const SuiteParser::Result fresh =
        SuiteParser::parse(withSteps(R"({"type":"subscribe","filter":"${run}"})"), noEnvironment());
    QVERIFY(fresh.ok());
    QCOMPARE(fresh.suite->tests.at(0).steps.at(1).filter.size(), 8);
}

void TstSuiteParser::checksEvaluate()
{
    const SuiteParser::Result r = SuiteParser::parse(
        withSteps(R"({"type":"expect","filter":"a","json":{"path":"$.temp","op":">","value":20}})"),
        noEnvironment());
    QVERIFY(r.ok());
    const MessageCheck &check = r.suite->tests.at(0).steps.at(1).checks.first();
    ReceivedMessage m;
    m.message.topic = QStringLiteral("a");
    m.message.payload = R"({"temp": 12})";
    QCOMPARE(check.mismatch(m), std::optional<QString>(QStringLiteral("$.temp is 12, not > 20")));
    m.message.payload = R"({"temp": "21.5"})"; // a number sent as a string counts
    QCOMPARE(check.mismatch(m), std::nullopt);
    m.message.payload = "not json";
    QVERIFY(check.mismatch(m)->contains(QStringLiteral("not JSON")));
    m.message.payload = "{}";
    QCOMPARE(check.mismatch(m), std::optional<QString>(QStringLiteral("$.temp is missing")));
}

void TstSuiteParser::unreadableFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing.suite.json"));
    const SuiteParser::Result r = SuiteParser::parseFile(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.error->kind, Kind::Unreadable);
    QVERIFY(r.error->message().startsWith(path + QStringLiteral(": ")));
}

void TstSuiteParser::syntaxErrorHasALine()
{
    const SuiteParser::Result r = SuiteParser::parse(
        "{\n  \"format\": \"mqttdesk-suite\",\n  \"version\": 1,,\n}", noEnvironment());
    QVERIFY(!r.ok());
    QCOMPARE(r.error->kind, Kind::Syntax);
    QCOMPARE(r.error->line, 3);
    QVERIFY2(r.error->message().startsWith(QStringLiteral("t.suite.json: line 3, column")),
             qPrintable(r.error->message()));
}

void TstSuiteParser::everyErrorIsNamed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("test");
    QTest::addColumn<int>("step");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("detail"); // a part of the detail
    for (const ErrorRow &r : errorRows())
        QTest::newRow(r.name) << r.json << r.kind << r.test << r.step << r.field << r.detail;
}

void TstSuiteParser::everyErrorIsNamed()
{
    QFETCH(QByteArray, json);
    QFETCH(Kind, kind);
    QFETCH(QString, test);
    QFETCH(int, step);
    QFETCH(QString, field);
    QFETCH(QString, detail);
    const SuiteParser::Result r = SuiteParser::parse(json, noEnvironment());
    QVERIFY(!r.ok());
    const SuiteParseError &e = *r.error;
    const QString message = e.message();
    QVERIFY2(e.kind == kind,
             qPrintable(SuiteParseError::kindName(e.kind) + QStringLiteral(": ") + message));
    QCOMPARE(e.test, test);
    QCOMPARE(e.step, step);
    QCOMPARE(e.field, field);
    QVERIFY2(message.contains(detail), qPrintable(message));
    QVERIFY(message.startsWith(QStringLiteral("t.suite.json: ")));
    if (!test.isEmpty())
        QVERIFY2(message.contains(QStringLiteral("test \"%1\"").arg(test)), qPrintable(message));
    if (step >= 0)
        QVERIFY2(message.contains(QStringLiteral("step %1").arg(step + 1)), qPrintable(message));
    if (!field.isEmpty())
        QVERIFY2(message.contains(QLatin1Char('"') + field + QLatin1Char('"')),
                 qPrintable(message));
}

// Every kind of the enum is produced by a row above (or by its own test).
void TstSuiteParser::everyKindIsCovered()
{
    QSet<int> seen = {int(Kind::Unreadable), int(Kind::Syntax)};
    for (const ErrorRow &r : errorRows())
        seen.insert(int(r.kind));
    for (int k = int(Kind::Unreadable); k <= int(Kind::BadEncoding); ++k)
        QVERIFY2(seen.contains(k), qPrintable(SuiteParseError::kindName(Kind(k))));
}

void TstSuiteParser::docsExamplesParse()
{
    const QString source = qEnvironmentVariable("MQTTDESK_SOURCE_DIR");
    if (source.isEmpty())
        QSKIP("MQTTDESK_SOURCE_DIR is not set");
    for (const char *name : {"smoke.suite.json", "json-telemetry.suite.json", "will.suite.json"}) {
        const QString path = source + QStringLiteral("/docs/examples/") + QLatin1String(name);
        SuiteParser::Options options;
        options.variables.insert(QStringLiteral("port"), QStringLiteral("1883"));
        const SuiteParser::Result r = SuiteParser::parseFile(path, options);
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->message() : path));
    }
}

QList<ErrorRow> TstSuiteParser::errorRows()
{
    QList<ErrorRow> rows;
    const auto row = [&rows](const char *name, const QByteArray &json, Kind kind,
                             const QString &test, int step, const QString &field,
                             const QString &detail) {
        rows.append({name, json, kind, test, step, field, detail});
    };
    const QString t = QStringLiteral("t");
    const QString none;
    row("not a suite", R"({"format":"other"})", Kind::NotASuite, none, -1, none,
        QStringLiteral("mqttdesk-suite"));
    row("not an object", "[1]", Kind::NotASuite, none, -1, none, QStringLiteral("object"));
    row("newer version", R"({"format":"mqttdesk-suite","version":2,"connections":{},"tests":[]})",
        Kind::UnsupportedVersion, none, -1, QStringLiteral("version"), QStringLiteral("update"));
    row("no version", R"({"format":"mqttdesk-suite"})", Kind::MissingField, none, -1,
        QStringLiteral("version"), QStringLiteral("missing"));
    row("no tests", R"({"format":"mqttdesk-suite","version":1,"connections":{"m":{}}})",
        Kind::MissingField, none, -1, QStringLiteral("tests"), QStringLiteral("missing"));
    row("step without type", withSteps(R"({"filter":"a"})"), Kind::MissingField, t, 1,
        QStringLiteral("type"), QStringLiteral("expect_none"));
    row("expect without filter", withSteps(R"({"type":"expect"})"), Kind::MissingField, t, 1,
        QStringLiteral("filter"), QStringLiteral("missing"));
    row("json without value",
        withSteps(R"({"type":"expect","filter":"a","json":[{"path":"$.a","op":"=="}]})"),
        Kind::MissingField, t, 1, QStringLiteral("json[0].value"), QStringLiteral("missing"));
    row("port not a number",
        withTests(R"([{"name":"t","steps":[{"type":"connect","connection":"main"}]}])")
            .replace("\"${port}\"", "true"),
        Kind::WrongType, none, -1, QStringLiteral("connections.main.port"),
        QStringLiteral("a number"));
    row("qos as text", withSteps(R"({"type":"subscribe","filter":"a","qos":"high"})"),
        Kind::WrongType, t, 1, QStringLiteral("qos"), QStringLiteral("high"));
    row("steps not an array", withTests(R"([{"name":"t","steps":{}}])"), Kind::WrongType, t, -1,
        QStringLiteral("steps"), QStringLiteral("an array"));
    row("qos 3", withSteps(R"({"type":"subscribe","filter":"a","qos":3})"), Kind::OutOfRange, t, 1,
        QStringLiteral("qos"), QStringLiteral("0 to 2"));
    row("negative timeout", withSteps(R"({"type":"expect","filter":"a","timeout_ms":-5})"),
        Kind::OutOfRange, t, 1, QStringLiteral("timeout_ms"), QStringLiteral("-5"));
    row("port from a variable out of range",
        withTests(R"([{"name":"t","steps":[{"type":"connect","connection":"main"}]}])")
            .replace("\"port\":1884", "\"port\":99999"),
        Kind::OutOfRange, none, -1, QStringLiteral("connections.main.port"),
        QStringLiteral("99999"));
    row("unknown step type", withSteps(R"({"type":"expectt","filter":"a"})"), Kind::UnknownValue, t,
        1, QStringLiteral("type"), QStringLiteral("expectt"));
    row("unknown operator",
        withSteps(R"({"type":"expect","filter":"a","json":{"path":"$.a","op":"~","value":1}})"),
        Kind::UnknownValue, t, 1, QStringLiteral("json.op"), QStringLiteral(">="));
    row("unknown protocol",
        withTests(R"([{"name":"t","steps":[{"type":"connect","connection":"main"}]}])")
            .replace("\"protocol\":\"5.0\"", "\"protocol\":\"4\""),
        Kind::UnknownValue, none, -1, QStringLiteral("connections.other.protocol"),
        QStringLiteral("3.1.1"));
    row("unknown field in a step", withSteps(R"({"type":"expect","filter":"a","timeout":5})"),
        Kind::UnknownField, t, 1, QStringLiteral("timeout"), QStringLiteral("timeout_ms"));
    row("unknown field at the top",
        withSteps(R"({"type":"wait","ms":1})").replace("\"name\":\"n\"", "\"nmae\":\"n\""),
        Kind::UnknownField, none, -1, QStringLiteral("nmae"), QStringLiteral("known"));
    row("no tests in the array", withTests("[]"), Kind::Empty, none, -1, QStringLiteral("tests"),
        QStringLiteral("no test"));
    row("no steps", withTests(R"([{"name":"t","steps":[]}])"), Kind::Empty, t, -1,
        QStringLiteral("steps"), QStringLiteral("no step"));
    row("two tests of one name",
        withTests(R"([{"name":"t","steps":[{"type":"wait","ms":1}]},)"
                  R"({"name":"t","steps":[{"type":"wait","ms":1}]}])"),
        Kind::Duplicate, none, -1, QStringLiteral("tests[1].name"), QStringLiteral("\"t\""));
    row("unknown variable", withSteps(R"({"type":"subscribe","filter":"${nope}/#"})"),
        Kind::UnknownVariable, t, 1, QStringLiteral("filter"), QStringLiteral("--var nope="));
    row("unset environment variable",
        withSteps(R"({"type":"subscribe","filter":"${env:NOT_SET_HERE}"})"), Kind::UnknownVariable,
        t, 1, QStringLiteral("filter"), QStringLiteral("NOT_SET_HERE"));
    row("variables in a loop",
        withSteps(R"({"type":"subscribe","filter":"${prefix}"})")
            .replace(R"("prefix":"lab")", R"("prefix":"${other}","other":"x/${prefix}")"),
        Kind::UnknownVariable, t, 1, QStringLiteral("filter"), QStringLiteral("loop"));
    row("unclosed variable", withSteps(R"({"type":"subscribe","filter":"${prefix"})"),
        Kind::UnknownVariable, t, 1, QStringLiteral("filter"), QStringLiteral("$${"));
    row("unknown connection", withSteps(R"({"type":"connect","connection":"nope"})"),
        Kind::UnknownConnection, t, 1, QStringLiteral("connection"), QStringLiteral("main, other"));
    row("unknown will connection",
        withSteps(R"({"type":"expect_will","will":{"topic":"w"},"will_connection":"x"})"),
        Kind::UnknownConnection, t, 1, QStringLiteral("will_connection"), QStringLiteral("\"x\""));
    row("step before any connect",
        withTests(R"([{"name":"t","steps":[{"type":"subscribe","filter":"a"}]}])"),
        Kind::NotConnected, t, 0, QStringLiteral("connection"), QStringLiteral("connect step"));
    row("a connection not opened",
        withSteps(R"({"type":"publish","connection":"other","topic":"a"})"), Kind::NotConnected, t,
        1, QStringLiteral("connection"), QStringLiteral("\"other\""));
    row("used after disconnect",
        withSteps(R"({"type":"disconnect"},{"type":"publish","topic":"a"})"), Kind::NotConnected, t,
        2, QStringLiteral("connection"), QStringLiteral("connect step"));
    row("connected twice", withSteps(R"({"type":"connect","connection":"main"})"),
        Kind::AlreadyConnected, t, 1, QStringLiteral("connection"), QStringLiteral("\"main\""));
    row("filter with a bad wildcard", withSteps(R"({"type":"subscribe","filter":"a/#/b"})"),
        Kind::InvalidTopic, t, 1, QStringLiteral("filter"), QString());
    row("publish to a wildcard", withSteps(R"({"type":"publish","topic":"a/+"})"),
        Kind::InvalidTopic, t, 1, QStringLiteral("topic"), QString());
    row("bad JSON path",
        withSteps(R"({"type":"expect","filter":"a","json":{"path":"$.","op":"exists"}})"),
        Kind::InvalidJsonPath, t, 1, QStringLiteral("json.path"), QStringLiteral("JSON path"));
    row("bad regex", withSteps(R"({"type":"expect","filter":"a","matches":"(unclosed"})"),
        Kind::InvalidRegex, t, 1, QStringLiteral("matches"), QStringLiteral("character"));
    row("bad regex in a path check",
        withSteps(
            R"({"type":"expect","filter":"a","json":{"path":"$.a","op":"matches","value":"[z-a]"}})"),
        Kind::InvalidRegex, t, 1, QStringLiteral("json.value"), QString());
    row("unknown template tag",
        withSteps(R"({"type":"publish","topic":"a","payload":"{{nonsense}}"})"),
        Kind::InvalidTemplate, t, 1, QStringLiteral("payload"), QStringLiteral("nonsense"));
    row("bad base64",
        withSteps(R"({"type":"publish","topic":"a","payload":"!!!","format":"base64"})"),
        Kind::BadEncoding, t, 1, QStringLiteral("payload"), QString());
    row("expected JSON that is not",
        withSteps(R"({"type":"expect","filter":"a","payload":"{oops","format":"json"})"),
        Kind::BadEncoding, t, 1, QStringLiteral("payload"), QStringLiteral("not JSON"));
    row("test without a name", withTests(R"([{"steps":[{"type":"wait","ms":1}]}])"),
        Kind::MissingField, none, -1, QStringLiteral("tests[0].name"), QStringLiteral("missing"));
    return rows;
}

QTEST_GUILESS_MAIN(TstSuiteParser)
#include "tst_suite_parser.moc"
