// Chart values from decoded payloads: by the connection's decoding rules (the decoder the
// stream uses for the topic), and Sparkplug B metrics by name or alias; also through a
// SeriesLoader over a real SQLite history, where the rules are part of the request.

#include "core/payload/decoder_registry.h"
#include "core/series/series_loader.h"
#include "core/sparkplug/sparkplug_decoder.h"
#include "core/storage/database.h"
#include "tests/series/series_test_support.h"
#include "tests/sparkplug/sparkplug_payloads.h"
#include "tests/storage/support/message_factory.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace mqttdesk;
using mqttdesk::test::makeMessage;

namespace {

ExtractorSpec byRules(const QString &path)
{
    ExtractorSpec spec;
    spec.kind = ExtractorSpec::Kind::Decoded;
    spec.decoder = QString(ExtractorSpec::kRulesDecoder);
    spec.path = path;
    return spec;
}

ExtractorSpec metric(const QString &name, const QString &decoder = QStringLiteral("sparkplug"))
{
    ExtractorSpec spec;
    spec.kind = ExtractorSpec::Kind::Decoded;
    spec.decoder = decoder;
    spec.metric = name;
    return spec;
}

DecodingRules rules(const QList<DecodingRule> &list)
{
    DecodingRules r;
    for (const DecodingRule &rule : list) {
        QString why;
        if (!r.append(rule, &why))
            qFatal("rule refused: %s", qPrintable(why));
    }
    return r;
}

// The value, or NaN and the reason.
std::pair<double, int> extract(const ExtractorSpec &spec, const QByteArray &payload,
                               const QString &topic = {}, const DecodingRules &r = {})
{
    QString why;
    std::optional<ValueExtractor> extractor = ValueExtractor::make(spec, &why);
    if (!extractor)
        qFatal("make: %s", qPrintable(why));
    extractor->setRules(r);
    const ExtractedValue got = extractor->extract(payload, topic);
    if (got.skipped)
        return {std::nan(""), int(*got.skipped)};
    return {got.value, -1};
}

const QByteArray kBirth = SparkplugPayloads::make(R"(timestamp: 1733400000000 seq: 0
    metrics { name: "Temperature" alias: 2 datatype: 9 float_value: 20.5 }
    metrics { name: "Running" alias: 11 datatype: 11 boolean_value: true }
    metrics { name: "Label" alias: 12 datatype: 12 string_value: "pump" }
    metrics { name: "Gone" alias: 13 datatype: 9 is_null: true })");
const QByteArray kData = SparkplugPayloads::make(R"(timestamp: 1733400001000 seq: 1
    metrics { alias: 2 datatype: 9 float_value: 21.25 })");

} // namespace

class TestDecodedExtractor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void rulesPickTheDecoderByTopic();
    void sparkplugMetricByNameOrAlias();
    void specRoundTripsWithMetric();
    void loaderDecodesByTheRequestsRules();
};

void TestDecodedExtractor::initTestCase()
{
    SparkplugDecoder::registerIn(DecoderRegistry::instance());
}

void TestDecodedExtractor::rulesPickTheDecoderByTopic()
{
    const DecodingRules r = rules({{QStringLiteral("cbor/#"), QStringLiteral("cbor"), {}},
                                   {QStringLiteral("mp/#"), QStringLiteral("msgpack"), {}},
                                   {QStringLiteral("hex/#"), QStringLiteral("hex"), {}}});
    // CBOR {"v": 2.5}: a1 61 76 f9 41 00; MessagePack {"v": 7}: 81 a1 76 07.
    const QByteArray cbor = QByteArray::fromHex("a16176f94100");
    QCOMPARE(extract(byRules(QStringLiteral("$.v")), cbor, QStringLiteral("cbor/y"), r),
             std::pair(2.5, -1));
    QCOMPARE(extract(byRules(QStringLiteral("$.v")), QByteArray::fromHex("81a17607"),
                     QStringLiteral("mp/z"), r),
             std::pair(7.0, -1));
    // No rule for the topic, or no rules at all: it does not decode (never a zero).
    QCOMPARE(extract(byRules(QStringLiteral("$.v")), cbor, QStringLiteral("plain"), r).second,
             int(SkipReason::Undecodable));
    QCOMPARE(extract(byRules(QStringLiteral("$.v")), cbor, QStringLiteral("cbor/y")).second,
             int(SkipReason::Undecodable));
    // The rule's decoder cannot read it; or renders no JSON (a hex dump).
    QCOMPARE(
        extract(byRules(QStringLiteral("$.v")), "\xff\xff", QStringLiteral("cbor/y"), r).second,
        int(SkipReason::Undecodable));
    QCOMPARE(extract(byRules(QStringLiteral("$.v")), cbor, QStringLiteral("hex/y"), r).second,
             int(SkipReason::NotJson));
}

void TestDecodedExtractor::sparkplugMetricByNameOrAlias()
{
    QCOMPARE(extract(metric(QStringLiteral("Temperature")), kBirth), std::pair(20.5, -1));
    QCOMPARE(extract(metric(QStringLiteral("Running")), kBirth), std::pair(1.0, -1));
    // A data message names only the alias: a metric given as a number matches it.
    QCOMPARE(extract(metric(QStringLiteral("2")), kData), std::pair(21.25, -1));
    QCOMPARE(extract(metric(QStringLiteral("Temperature")), kData).second,
             int(SkipReason::Missing));
    QCOMPARE(extract(metric(QStringLiteral("Label")), kBirth).second, int(SkipReason::NotANumber));
    QCOMPARE(extract(metric(QStringLiteral("Gone")), kBirth).second, int(SkipReason::Missing));
    QCOMPARE(extract(metric(QStringLiteral("Nope")), kBirth).second, int(SkipReason::Missing));
    QCOMPARE(extract(metric(QStringLiteral("Temperature")), "not protobuf \xff").second,
             int(SkipReason::Undecodable));
    // Through the rules: a Sparkplug rule on spBv1.0/#.
    const DecodingRules r = rules({{QStringLiteral("spBv1.0/#"), QStringLiteral("sparkplug"), {}}});
    QCOMPARE(extract(metric(QStringLiteral("Temperature"), QString(ExtractorSpec::kRulesDecoder)),
                     kBirth, QStringLiteral("spBv1.0/g/NBIRTH/n"), r),
             std::pair(20.5, -1));
    // Scale and offset apply as for any value.
    ExtractorSpec scaled = metric(QStringLiteral("Temperature"));
    scaled.scale = 2;
    scaled.offset = 1;
    QCOMPARE(extract(scaled, kBirth).first, 42.0);
}

void TestDecodedExtractor::specRoundTripsWithMetric()
{
    ExtractorSpec spec =
        metric(QStringLiteral("Temperature"), QString(ExtractorSpec::kRulesDecoder));
    spec.unit = QStringLiteral("°C");
    const QJsonObject json = spec.toJson();
    QCOMPARE(json.value(QStringLiteral("metric")).toString(), QStringLiteral("Temperature"));
    QCOMPARE(json.value(QStringLiteral("decoder")).toString(), QStringLiteral("rules"));
    QCOMPARE(ExtractorSpec::fromJson(json), spec);
    // Without a metric the path must parse; with one it is not needed.
    QString why;
    ExtractorSpec noPath = byRules(QString());
    QVERIFY(!ValueExtractor::make(noPath, &why));
    QVERIFY(!why.isEmpty());
    QJsonObject wrong = json;
    wrong.insert(QStringLiteral("metric"), 3);
    QVERIFY(!ExtractorSpec::fromJson(wrong, &why));
}

void TestDecodedExtractor::loaderDecodesByTheRequestsRules()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    {
        Database db(path);
        QVERIFY(!db.open().isError());
    }
    const qint64 base = 1'700'000'000'000'000;
    // MessagePack {"v": 5}, {"v": 6}, then JSON text (not MessagePack).
    test::writeHistory(
        path,
        {makeMessage(1, QStringLiteral("mp/a"), QByteArray::fromHex("81a17605"), base),
         makeMessage(1, QStringLiteral("mp/a"), QByteArray::fromHex("81a17606"), base + 1),
         makeMessage(1, QStringLiteral("mp/a"), "{\"v\":7}", base + 2)},
        2);
    SeriesLoader loader(path);
    SeriesRequest request;
    request.profileId = 1;
    request.topicFilter = QStringLiteral("mp/#");
    request.extractor = byRules(QStringLiteral("$.v"));
    auto load = [&loader](const SeriesRequest &r) {
        SeriesLoader::Answer answer;
        loader.load(r, [&answer](const SeriesLoader::Answer &a) { answer = a; });
        if (!QTest::qWaitFor([&answer] { return answer != nullptr; }, 60000))
            qFatal("no answer");
        return answer;
    };
    // No rules yet: nothing decodes.
    SeriesLoader::Answer answer = load(request);
    QVERIFY2(!answer->error.isError(), qPrintable(answer->error.message));
    QCOMPARE(answer->rowsRead, 3);
    QCOMPARE(answer->series.first().values.size(), size_t(0));
    QCOMPARE(answer->series.first().skippedCount(SkipReason::Undecodable), 3);
    // With the connection's MessagePack rule: a new request (not the cached answer).
    request.rules = rules({{QStringLiteral("mp/#"), QStringLiteral("msgpack"), {}}});
    answer = load(request);
    QCOMPARE(
        QList<double>(answer->series.first().values.begin(), answer->series.first().values.end()),
        (QList<double>{5, 6}));
    QCOMPARE(answer->series.first().skippedCount(SkipReason::Undecodable), 1);
}

QTEST_GUILESS_MAIN(TestDecodedExtractor)
#include "tst_decoded_extractor.moc"
