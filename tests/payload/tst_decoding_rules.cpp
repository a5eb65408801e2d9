#include "core/payload/decoding_rules.h"

#include <QJsonDocument>
#include <QTest>

using namespace mqttdesk;

namespace {

DecodingRule rule(const char *filter, const char *decoder, const QJsonObject &options = {})
{
    return {QString::fromUtf8(filter), QString::fromUtf8(decoder), options};
}

// The decoder chosen for the topic, or "" when no rule matches.
QString decoderFor(const DecodingRules &rules, const char *topic)
{
    const DecodingRule *match = rules.match(QString::fromUtf8(topic));
    return match ? match->decoder : QString();
}

} // namespace

// Decoding rules: topic filter -> decoder, first matching rule in list order, JSON.
class TstDecodingRules : public QObject
{
    Q_OBJECT

private slots:
    void emptyMatchesNothing();
    void wildcards();
    void firstRuleInListOrderWins();
    void dollarTopicsNeedAnExplicitFilter();
    void removeAndClear();
    void invalidFilterRefusedWithAMessage_data();
    void invalidFilterRefusedWithAMessage();
    void jsonRoundTrip();
    void invalidJsonRefusedWithAMessage_data();
    void invalidJsonRefusedWithAMessage();
    void copiesAreIndependent();
};

void TstDecodingRules::emptyMatchesNothing()
{
    const DecodingRules rules;
    QVERIFY(rules.isEmpty());
    QVERIFY(!rules.match(u"a/b"));
    QVERIFY(!rules.match(u""));
}

void TstDecodingRules::wildcards()
{
    DecodingRules rules;
    QVERIFY(rules.append(rule("plant/+/temperature", "json")));
    QVERIFY(rules.append(rule("cameras/#", "hex")));
    QVERIFY(rules.append(rule("exact/topic", "base64")));
    QCOMPARE(rules.size(), 3);

    QCOMPARE(decoderFor(rules, "plant/boiler/temperature"), QStringLiteral("json"));
    QCOMPARE(decoderFor(rules, "plant//temperature"), QStringLiteral("json"));
    QCOMPARE(decoderFor(rules, "plant/boiler/pressure"), QString());
    QCOMPARE(decoderFor(rules, "plant/a/b/temperature"), QString());
    // '#' takes the parent level too.
    QCOMPARE(decoderFor(rules, "cameras"), QStringLiteral("hex"));
    QCOMPARE(decoderFor(rules, "cameras/front/jpeg"), QStringLiteral("hex"));
    QCOMPARE(decoderFor(rules, "exact/topic"), QStringLiteral("base64"));
    QCOMPARE(decoderFor(rules, "exact/topic/more"), QString());
    QCOMPARE(decoderFor(rules, "Exact/topic"), QString());
}

void TstDecodingRules::firstRuleInListOrderWins()
{
    DecodingRules rules;
    QVERIFY(rules.append(rule("sensors/#", "json")));
    QVERIFY(rules.append(rule("sensors/raw/+", "hex")));
    QVERIFY(rules.append(rule("sensors/raw/7", "cbor")));
    // The general rule comes first, so it wins even over an exact filter.
    QCOMPARE(decoderFor(rules, "sensors/raw/7"), QStringLiteral("json"));

    DecodingRules specificFirst;
    QVERIFY(specificFirst.append(rule("sensors/raw/7", "cbor")));
    QVERIFY(specificFirst.append(rule("sensors/raw/+", "hex")));
    QVERIFY(specificFirst.append(rule("sensors/#", "json")));
    QCOMPARE(decoderFor(specificFirst, "sensors/raw/7"), QStringLiteral("cbor"));
    QCOMPARE(decoderFor(specificFirst, "sensors/raw/8"), QStringLiteral("hex"));
    QCOMPARE(decoderFor(specificFirst, "sensors/temp"), QStringLiteral("json"));

    // The same filter twice: the first one's decoder and options.
    DecodingRules twice;
    QVERIFY(twice.append(rule("a/b", "msgpack", {{QStringLiteral("n"), 1}})));
    QVERIFY(twice.append(rule("a/b", "text", {{QStringLiteral("n"), 2}})));
    QCOMPARE(twice.size(), 2);
    QCOMPARE(twice.match(u"a/b")->decoder, QStringLiteral("msgpack"));
    QCOMPARE(twice.match(u"a/b")->options.value(QStringLiteral("n")).toInt(), 1);
    twice.removeAt(0);
    QCOMPARE(twice.match(u"a/b")->decoder, QStringLiteral("text"));
}

void TstDecodingRules::dollarTopicsNeedAnExplicitFilter()
{
    DecodingRules rules;
    QVERIFY(rules.append(rule("#", "text")));
    QVERIFY(rules.append(rule("+/broker/#", "json")));
    QVERIFY(rules.append(rule("$SYS/#", "hex")));
    // [MQTT-4.7.2-1] a filter starting with a wildcard does not match a '$' topic.
    QCOMPARE(decoderFor(rules, "$SYS/broker/uptime"), QStringLiteral("hex"));
    QCOMPARE(decoderFor(rules, "any/broker/x"), QStringLiteral("text"));

    DecodingRules wildcardsOnly;
    QVERIFY(wildcardsOnly.append(rule("#", "text")));
    QVERIFY(wildcardsOnly.append(rule("+/x", "json")));
    QCOMPARE(decoderFor(wildcardsOnly, "$SYS/x"), QString());
    QCOMPARE(decoderFor(wildcardsOnly, "$share"), QString());
    QCOMPARE(decoderFor(wildcardsOnly, "a/$x"), QStringLiteral("text"));
}

void TstDecodingRules::removeAndClear()
{
    DecodingRules rules;
    QVERIFY(rules.append(rule("a/#", "json")));
    QVERIFY(rules.append(rule("a/b", "hex")));
    rules.removeAt(0);
    QCOMPARE(decoderFor(rules, "a/b"), QStringLiteral("hex"));
    QCOMPARE(decoderFor(rules, "a/c"), QString());
    rules.removeAt(5); // out of range: nothing happens
    QCOMPARE(rules.size(), 1);
    rules.clear();
    QVERIFY(rules.isEmpty());
    QVERIFY(!rules.match(u"a/b"));
}

void TstDecodingRules::invalidFilterRefusedWithAMessage_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("decoder");
    QTest::newRow("empty filter") << QString() << QStringLiteral("json");
    QTest::newRow("hash not last") << QStringLiteral("a/#/b") << QStringLiteral("json");
    QTest::newRow("plus inside a level") << QStringLiteral("a/b+") << QStringLiteral("json");
    QTest::newRow("nul") << QStringLiteral("a\0b") << QStringLiteral("json");
    QTest::newRow("shared subscription")
        << QStringLiteral("$share/group/a/#") << QStringLiteral("json");
    QTest::newRow("no decoder") << QStringLiteral("a/b") << QString();
}

void TstDecodingRules::invalidFilterRefusedWithAMessage()
{
    QFETCH(QString, filter);
    QFETCH(QString, decoder);
    DecodingRules rules;
    QVERIFY(rules.append(rule("kept/#", "hex")));
    QString error;
    QVERIFY(!rules.append({filter, decoder, {}}, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(DecodingRules::validate({filter, decoder, {}}), std::optional<QString>(error));
    // Nothing changed.
    QCOMPARE(rules.size(), 1);
    QCOMPARE(decoderFor(rules, "kept/x"), QStringLiteral("hex"));
    QVERIFY(!DecodingRules::validate(rule("kept/#", "hex")));
}

void TstDecodingRules::jsonRoundTrip()
{
    DecodingRules rules;
    QVERIFY(rules.append(rule("sensors/+/raw", "hex")));
    QVERIFY(rules.append(rule("$SYS/#", "text")));
    QVERIFY(rules.append(rule("sensors/#", "protobuf",
                              {{QStringLiteral("schema"), QStringLiteral("sensor.proto")},
                               {QStringLiteral("depth"), 3}})));

    const QJsonArray json = rules.toJson();
    QCOMPARE(json.size(), 3);
    QCOMPARE(json.at(0).toObject().value(QStringLiteral("filter")).toString(),
             QStringLiteral("sensors/+/raw"));
    QCOMPARE(json.at(0).toObject().value(QStringLiteral("decoder")).toString(),
             QStringLiteral("hex"));
    QVERIFY(json.at(0).toObject().value(QStringLiteral("options")).isObject());

    // Through text, as it is stored.
    const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
    QString error;
    const std::optional<DecodingRules> back =
        DecodingRules::fromJson(QJsonDocument::fromJson(text).array(), &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(*back == rules);
    QCOMPARE(back->rules().at(2).options.value(QStringLiteral("depth")).toInt(), 3);
    QCOMPARE(decoderFor(*back, "sensors/a/raw"), QStringLiteral("hex"));
    QCOMPARE(decoderFor(*back, "sensors/a"), QStringLiteral("protobuf"));

    // Options may be left out.
    const QJsonArray minimal{QJsonObject{{QStringLiteral("filter"), QStringLiteral("a")},
                                         {QStringLiteral("decoder"), QStringLiteral("json")}}};
    const std::optional<DecodingRules> short_ = DecodingRules::fromJson(minimal);
    QVERIFY(short_);
    QVERIFY(short_->rules().at(0).options.isEmpty());
    QVERIFY(DecodingRules::fromJson(QJsonArray())->isEmpty());
}

void TstDecodingRules::invalidJsonRefusedWithAMessage_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not an object")
        << QByteArray(R"([{"filter":"a","decoder":"hex"}, 3])") << QStringLiteral("2");
    QTest::newRow("no filter") << QByteArray(R"([{"decoder":"hex"}])") << QStringLiteral("1");
    QTest::newRow("filter not a string")
        << QByteArray(R"([{"filter":7,"decoder":"hex"}])") << QStringLiteral("1");
    QTest::newRow("options not an object")
        << QByteArray(R"([{"filter":"a","decoder":"hex","options":[1]}])") << QStringLiteral("1");
    QTest::newRow("invalid filter")
        << QByteArray(R"([{"filter":"a","decoder":"hex"},{"filter":"a/#/b","decoder":"hex"}])")
        << QStringLiteral("2");
    QTest::newRow("empty decoder")
        << QByteArray(R"([{"filter":"a","decoder":""}])") << QStringLiteral("1");
}

void TstDecodingRules::invalidJsonRefusedWithAMessage()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    QJsonParseError parse;
    const QJsonArray array = QJsonDocument::fromJson(json, &parse).array();
    QCOMPARE(parse.error, QJsonParseError::NoError);
    QString error;
    QVERIFY(!DecodingRules::fromJson(array, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void TstDecodingRules::copiesAreIndependent()
{
    DecodingRules original;
    QVERIFY(original.append(rule("a/#", "json")));
    DecodingRules copy = original;
    QVERIFY(copy.append(rule("b/#", "hex")));
    copy.removeAt(0);
    QCOMPARE(decoderFor(original, "a/x"), QStringLiteral("json"));
    QCOMPARE(decoderFor(original, "b/x"), QString());
    QCOMPARE(decoderFor(copy, "a/x"), QString());
    QCOMPARE(decoderFor(copy, "b/x"), QStringLiteral("hex"));
    QVERIFY(!(copy == original));
}

QTEST_APPLESS_MAIN(TstDecodingRules)
#include "tst_decoding_rules.moc"
