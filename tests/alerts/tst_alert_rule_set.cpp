// The alert rule file: every kind with every field written and read back equal (in memory and
// through a file); the example in docs/alert-rules.md reads; each kind of bad input is an
// error with its code, the field it is about and its line, and no rule comes back.
#include "core/alerts/alert_rule_set.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

namespace {

using Code = AlertRuleError::Code;

// A file around `rules` (the text inside "rules": [...]); the rules start on line 5.
QByteArray ruleFile(const QByteArray &rules)
{
    return "{\n"
           "  \"format\": \"mqttdesk-alert-rules\",\n"
           "  \"version\": 1,\n"
           "  \"rules\": [\n" +
           rules +
           "\n"
           "  ]\n"
           "}\n";
}

// JSON written with ' for ", for readable rows.
QByteArray quoted(QByteArray text)
{
    return text.replace('\'', '"');
}

// One rule object, a field per line.
QByteArray rule(const QList<QByteArray> &fields)
{
    QByteArray text = "    {\n";
    for (qsizetype i = 0; i < fields.size(); ++i)
        text += "      " + quoted(fields.at(i)) + (i + 1 < fields.size() ? ",\n" : "\n");
    return text + "    }";
}

int lineOfText(const QByteArray &text, const QByteArray &needle)
{
    const qsizetype at = text.indexOf(needle);
    return at < 0 ? 0 : int(text.left(at).count('\n')) + 1;
}

QList<AlertRule> everyKind()
{
    QList<AlertRule> rules;
    AlertRule hot;
    hot.name = QStringLiteral("Hot boiler");
    hot.filter = QStringLiteral("plant/+/boiler");
    hot.path = QStringLiteral("$.temp");
    hot.decoder = QStringLiteral("cbor");
    hot.op = AlertOperator::GreaterOrEqual;
    hot.threshold = 90.5;
    hot.hysteresis = 2;
    hot.cooldownSeconds = 60;
    hot.action = {QStringLiteral("alerts/{rule}"),
                  QStringLiteral("{\"topic\":\"{topic}\",\"temp\":{value}}"), QoS::ExactlyOnce,
                  true};
    rules.append(hot);
    AlertRule state;
    state.name = QStringLiteral("Pump off");
    state.enabled = false;
    state.filter = QStringLiteral("pump/state");
    state.op = AlertOperator::NotEqual;
    state.thresholdIsText = true;
    state.textThreshold = QStringLiteral("ON");
    rules.append(state);
    AlertRule log;
    log.name = QStringLiteral("Errors");
    log.filter = QStringLiteral("app/+/log");
    log.regex = QStringLiteral("\\b(ERROR|FATAL)\\b");
    rules.append(log);
    AlertRule quiet;
    quiet.name = QStringLiteral("Quiet");
    quiet.kind = AlertKind::Silence;
    quiet.filter = QStringLiteral("sensors/#");
    quiet.silenceSeconds = 30;
    rules.append(quiet);
    AlertRule flood;
    flood.name = QStringLiteral("Flood");
    flood.kind = AlertKind::Rate;
    flood.filter = QStringLiteral("sensors/#");
    flood.op = AlertOperator::Less;
    flood.threshold = 0.5;
    flood.windowSeconds = 60;
    flood.hysteresis = 0.25;
    rules.append(flood);
    AlertRule config;
    config.name = QStringLiteral("Config");
    config.kind = AlertKind::RetainedChanged;
    config.filter = QStringLiteral("config/#");
    config.cooldownSeconds = 5;
    rules.append(config);
    AlertRule down;
    down.name = QStringLiteral("Down");
    down.kind = AlertKind::ConnectionLost;
    down.action.topic = QStringLiteral("alerts/down");
    rules.append(down);
    return rules;
}

} // namespace

class TestAlertRuleSet : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip()
    {
        const QList<AlertRule> rules = everyKind();
        for (const AlertRule &r : rules) {
            const std::optional<AlertRuleError> problem = r.validate();
            QVERIFY2(!problem, qPrintable(problem ? problem->message() : QString()));
        }
        const QByteArray json = AlertRuleSet::toJson(rules);
        AlertRuleError error;
        const std::optional<QList<AlertRule>> read = AlertRuleSet::fromJson(json, &error);
        QVERIFY2(read, qPrintable(error.message()));
        QCOMPARE(read->size(), rules.size());
        for (qsizetype i = 0; i < rules.size(); ++i)
            QVERIFY2(read->at(i) == rules.at(i), qPrintable(rules.at(i).name));
        QVERIFY(json.contains("\"format\": \"mqttdesk-alert-rules\""));
        QVERIFY(json.contains("\"version\": 1"));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rules.json"));
        QString why;
        QVERIFY2(AlertRuleSet::save(rules, path, &why), qPrintable(why));
        const std::optional<QList<AlertRule>> loaded = AlertRuleSet::load(path, &error);
        QVERIFY2(loaded, qPrintable(error.message()));
        QVERIFY(*loaded == rules);
    }

    void defaultsWhenLeftOut()
    {
        const QByteArray json = ruleFile(rule({"'name': 'A'", "'kind': 'payload'", "'topic': 't'",
                                               "'op': '<'", "'threshold': -4"}) +
                                         ",\n" +
                                         rule({"'name': 'B'", "'kind': 'rate'", "'topic': 't'",
                                               "'op': '>'", "'threshold': 10"}));
        AlertRuleError error;
        const std::optional<QList<AlertRule>> rules = AlertRuleSet::fromJson(json, &error);
        QVERIFY2(rules, qPrintable(error.message()));
        QCOMPARE(rules->size(), 2);
        QVERIFY(rules->at(0).enabled);
        QCOMPARE(rules->at(0).threshold, -4.0);
        QCOMPARE(rules->at(0).cooldownSeconds, 0);
        QVERIFY(!rules->at(0).action.isSet());
        QCOMPARE(rules->at(1).windowSeconds, 10);
        QCOMPARE(AlertRuleSet::fromJson(ruleFile(""), &error)->size(), 0);
    }

    void documentedExampleReads()
    {
        QFile doc(qEnvironmentVariable("MQTTDESK_SOURCE_DIR") +
                  QStringLiteral("/docs/alert-rules.md"));
        QVERIFY2(doc.open(QIODevice::ReadOnly), qPrintable(doc.fileName()));
        const QString text = QString::fromUtf8(doc.readAll());
        const QRegularExpressionMatch block =
            QRegularExpression(QStringLiteral("```json\\n(\\{\\n  \"format\".*?)```"),
                               QRegularExpression::DotMatchesEverythingOption)
                .match(text);
        QVERIFY(block.hasMatch());
        AlertRuleError error;
        const std::optional<QList<AlertRule>> rules =
            AlertRuleSet::fromJson(block.captured(1).toUtf8(), &error);
        QVERIFY2(rules, qPrintable(error.message()));
        QCOMPARE(rules->size(), 6); // one of each kind, and a regular expression
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QByteArray>("lineOf"); // the text on the error's line

        const QByteArray payload = "'kind': 'payload'";
        const QByteArray name = "'name': 'A'";
        const QByteArray topic = "'topic': 't'";
        const QByteArray op = "'op': '>'";
        const QByteArray threshold = "'threshold': 1";
        auto one = [&](const QList<QByteArray> &fields) { return ruleFile(rule(fields)); };

        QTest::newRow("not JSON") << QByteArray("{\n  \"format\": \"x\",\n  \"rules\": ]\n}")
                                  << int(Code::NotJson) << QString() << QByteArray("]");
        QTest::newRow("no format") << QByteArray("{\"version\": 1, \"rules\": []}")
                                   << int(Code::NotARuleFile) << QString() << QByteArray();
        QTest::newRow("not an object")
            << QByteArray("[]") << int(Code::NotARuleFile) << QString() << QByteArray();
        QTest::newRow("newer version")
            << ruleFile("").replace("\"version\": 1", "\"version\": 2") << int(Code::NewerVersion)
            << QStringLiteral("version") << QByteArray("\"version\"");
        QTest::newRow("no version")
            << QByteArray("{\"format\": \"mqttdesk-alert-rules\", \"rules\": []}")
            << int(Code::Missing) << QStringLiteral("version") << QByteArray("{");
        QTest::newRow("no rules") << QByteArray(
                                         "{\"format\": \"mqttdesk-alert-rules\", \"version\": 1}")
                                  << int(Code::Missing) << QStringLiteral("rules")
                                  << QByteArray("{");
        QTest::newRow("rules not a list")
            << ruleFile("").replace("\"rules\": [\n\n  ]", "\"rules\": {}") << int(Code::WrongType)
            << QStringLiteral("rules") << QByteArray("\"rules\"");
        QTest::newRow("rule not an object") << ruleFile("    1") << int(Code::WrongType)
                                            << QStringLiteral("rules[0]") << QByteArray("    1\n");
        QTest::newRow("no name") << one({payload, topic, op, threshold}) << int(Code::Missing)
                                 << QStringLiteral("rules[0].name") << QByteArray("{\n      ");
        QTest::newRow("empty name")
            << one({"'name': ' '", payload, topic, op, threshold}) << int(Code::Missing)
            << QStringLiteral("rules[0].name") << QByteArray("\"name\"");
        QTest::newRow("unknown kind")
            << one({name, "'kind': 'hot'", topic}) << int(Code::UnknownValue)
            << QStringLiteral("rules[0].kind") << QByteArray("\"kind\"");
        QTest::newRow("unknown field")
            << one({name, payload, topic, op, "'treshold': 1"}) << int(Code::UnknownField)
            << QStringLiteral("rules[0].treshold") << QByteArray("\"treshold\"");
        QTest::newRow("field of another kind")
            << one({name, "'kind': 'silence'", topic, "'seconds': 5", threshold})
            << int(Code::FieldNotForKind) << QStringLiteral("rules[0].threshold")
            << QByteArray("\"threshold\"");
        QTest::newRow("regex and op")
            << one({name, payload, topic, "'regex': 'x'", op, threshold})
            << int(Code::FieldNotForKind) << QStringLiteral("rules[0].op") << QByteArray("\"op\"");
        QTest::newRow("empty regex")
            << one({name, payload, topic, "'regex': ''"}) << int(Code::Missing)
            << QStringLiteral("rules[0].regex") << QByteArray("\"regex\"");
        QTest::newRow("enabled not a boolean")
            << one({name, payload, "'enabled': 'yes'", topic, op, threshold})
            << int(Code::WrongType) << QStringLiteral("rules[0].enabled")
            << QByteArray("\"enabled\"");
        QTest::newRow("threshold a list")
            << one({name, payload, topic, op, "'threshold': [1]"}) << int(Code::WrongType)
            << QStringLiteral("rules[0].threshold") << QByteArray("\"threshold\"");
        QTest::newRow("no threshold")
            << one({name, payload, topic, op}) << int(Code::Missing)
            << QStringLiteral("rules[0].threshold") << QByteArray("{\n      ");
        QTest::newRow("unknown operator")
            << one({name, payload, topic, "'op': '=>'", threshold}) << int(Code::UnknownValue)
            << QStringLiteral("rules[0].op") << QByteArray("\"op\"");
        QTest::newRow("QoS 3") << one({name, payload, topic, op, threshold,
                                       "'action': {'topic': 'a',\n        'qos': 3}"})
                               << int(Code::OutOfRange) << QStringLiteral("rules[0].action.qos")
                               << QByteArray("\"qos\"");
        QTest::newRow("silence of 0 s")
            << one({name, "'kind': 'silence'", topic, "'seconds': 0"}) << int(Code::OutOfRange)
            << QStringLiteral("rules[0].seconds") << QByteArray("\"seconds\"");
        QTest::newRow("negative cooldown")
            << one({name, payload, topic, op, threshold, "'cooldownSeconds': -1"})
            << int(Code::OutOfRange) << QStringLiteral("rules[0].cooldownSeconds")
            << QByteArray("\"cooldownSeconds\"");
        QTest::newRow("no topic") << one({name, payload, op, threshold}) << int(Code::Missing)
                                  << QStringLiteral("rules[0].topic") << QByteArray("{\n      ");
        QTest::newRow("bad filter")
            << one({name, payload, "'topic': 'a/#/b'", op, threshold}) << int(Code::BadFilter)
            << QStringLiteral("rules[0].topic") << QByteArray("\"topic\"");
        QTest::newRow("bad path") << one({name, payload, topic, "'path': '$.['", op, threshold})
                                  << int(Code::BadPath) << QStringLiteral("rules[0].path")
                                  << QByteArray("\"path\"");
        QTest::newRow("bad regex")
            << one({name, payload, topic, "'regex': '(a'"}) << int(Code::BadRegex)
            << QStringLiteral("rules[0].regex") << QByteArray("\"regex\"");
        QTest::newRow("unknown decoder")
            << one({name, payload, topic, "'decoder': 'nope'", op, threshold})
            << int(Code::UnknownDecoder) << QStringLiteral("rules[0].decoder")
            << QByteArray("\"decoder\"");
        QTest::newRow("text with >")
            << one({name, payload, topic, op, "'threshold': 'hot'"}) << int(Code::TextNeedsEquality)
            << QStringLiteral("rules[0].op") << QByteArray("\"op\"");
        QTest::newRow("hysteresis with ==")
            << one({name, payload, topic, "'op': '=='", threshold, "'hysteresis': 1"})
            << int(Code::HysteresisNeedsOrder) << QStringLiteral("rules[0].hysteresis")
            << QByteArray("\"hysteresis\"");
        QTest::newRow("rate with ==")
            << one({name, "'kind': 'rate'", topic, "'op': '=='", threshold})
            << int(Code::UnknownValue) << QStringLiteral("rules[0].op") << QByteArray("\"op\"");
        QTest::newRow("action to a wildcard")
            << one({name, payload, topic, op, threshold,
                    "'action': {\n        'topic': 'alerts/#'}"})
            << int(Code::BadActionTopic) << QStringLiteral("rules[0].action.topic")
            << QByteArray("\"alerts/#\"");
        QTest::newRow("action field unknown")
            << one({name, payload, topic, op, threshold, "'action': {'topic': 'a', 'qso': 1}"})
            << int(Code::UnknownField) << QStringLiteral("rules[0].action.qso")
            << QByteArray("\"action\"");
        QTest::newRow("action without topic")
            << one({name, payload, topic, op, threshold, "'action': {'payload': 'x'}"})
            << int(Code::Missing) << QStringLiteral("rules[0].action.topic")
            << QByteArray("\"action\"");
        QTest::newRow("duplicate name")
            << ruleFile(rule({name, payload, topic, op, threshold}) + ",\n" +
                        rule({"'name':  'A'", "'kind': 'connectionLost'"}))
            << int(Code::DuplicateName) << QStringLiteral("rules[1].name")
            << QByteArray("'name':  'A'");
    }

    void badInput()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, code);
        QFETCH(QString, field);
        QFETCH(QByteArray, lineOf);
        AlertRuleError error;
        QVERIFY(!AlertRuleSet::fromJson(json, &error));
        QVERIFY2(int(error.code) == code, qPrintable(error.message()));
        QCOMPARE(error.field, field);
        const int line = lineOf.isEmpty() ? 0 : lineOfText(json, quoted(lineOf));
        QCOMPARE(error.line, line);
        QVERIFY(!error.detail.isEmpty());
        const QString message = error.message();
        if (line > 0)
            QVERIFY2(message.startsWith(QStringLiteral("Line %1").arg(line)), qPrintable(message));
        if (!field.isEmpty())
            QVERIFY2(message.contains(field), qPrintable(message));
    }

    void unreadableFile()
    {
        AlertRuleError error;
        QVERIFY(!AlertRuleSet::load(QStringLiteral("/nonexistent/rules.json"), &error));
        QCOMPARE(error.code, Code::Unreadable);
        QVERIFY(error.message().contains(QStringLiteral("/nonexistent/rules.json")));
        QString why;
        QVERIFY(!AlertRuleSet::save(everyKind(), QStringLiteral("/nonexistent/rules.json"), &why));
        QVERIFY(why.contains(QStringLiteral("/nonexistent/rules.json")));
    }
};

QTEST_GUILESS_MAIN(TestAlertRuleSet)
#include "tst_alert_rule_set.moc"
