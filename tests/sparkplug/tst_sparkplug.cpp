// Sparkplug B through SparkplugSession and SparkplugDecoder: the test publisher's edge node
// life (tests/sparkplug/sparkplug_payloads) decoded in order, with names from the births'
// aliases, datatypes, the sequence gap, data before birth, births and deaths; topics; and
// bytes that are no payload named.

#include "core/payload/decoder_registry.h"
#include "core/payload/json_highlighter.h"
#include "core/sparkplug/sparkplug_decoder.h"
#include "core/sparkplug/sparkplug_session.h"
#include "core/sparkplug/sparkplug_topic.h"
#include "tests/sparkplug/sparkplug_payloads.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const RenderedPayload &rendered)
{
    return QJsonDocument::fromJson(rendered.text.toUtf8()).object();
}

QJsonObject metric(const QJsonObject &payload, int i)
{
    return payload.value(u"metrics"_s).toArray().at(i).toObject();
}

} // namespace

class TstSparkplug : public QObject
{
    Q_OBJECT

private slots:
    void topics_data();
    void topics();
    void anEdgeNodesLife();
    void decoderReplaysWhatCameBefore();
    void decoderAloneShowsWhatThePayloadCarries();
    void badBytesNamed();
    void otherTopicsAreNotSparkplug();
};

void TstSparkplug::topics_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("type");
    QTest::newRow("nbirth") << u"spBv1.0/plant/NBIRTH/node-1"_s << true << u"NBIRTH"_s;
    QTest::newRow("ddata") << u"spBv1.0/plant/DDATA/node-1/pump-1"_s << true << u"DDATA"_s;
    QTest::newRow("dcmd") << u"spBv1.0/plant/DCMD/node-1/pump-1"_s << true << u"DCMD"_s;
    QTest::newRow("device missing") << u"spBv1.0/plant/DDATA/node-1"_s << false << QString();
    QTest::newRow("node with device") << u"spBv1.0/plant/NDATA/node-1/x"_s << false << QString();
    QTest::newRow("state") << u"spBv1.0/STATE/host-1"_s << false << QString();
    QTest::newRow("other") << u"spAv1.0/plant/NDATA/node-1"_s << false << QString();
    QTest::newRow("empty node") << u"spBv1.0/plant/NDATA/"_s << false << QString();
}

void TstSparkplug::topics()
{
    QFETCH(QString, topic);
    QFETCH(bool, valid);
    QFETCH(QString, type);
    const std::optional<SparkplugTopic> parsed = SparkplugTopic::parse(topic);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(SparkplugTopic::typeName(parsed->type), type);
}

void TstSparkplug::anEdgeNodesLife()
{
    SparkplugSession session;
    QList<SparkplugSession::Result> results;
    for (const SparkplugPayloads::Step &step : SparkplugPayloads::life(u"plant"_s)) {
        std::optional<SparkplugSession::Result> result = session.process(step.topic, step.payload);
        if (result)
            QCOMPARE(result->rendered.spans, JsonHighlighter::spans(result->rendered.text));
        QVERIFY2(result, qPrintable(step.topic));
        QVERIFY2(!result->rendered.error, qPrintable(step.topic));
        results.append(*result);
    }
    QCOMPARE(results.size(), 9);

    // NBIRTH: online, metrics with names, datatypes by name.
    QJsonObject nbirth = json(results.at(0).rendered);
    QCOMPARE(nbirth.value(u"sparkplug"_s).toObject().value(u"state"_s).toString(), u"online"_s);
    QCOMPARE(metric(nbirth, 2).value(u"name"_s).toString(), u"Temperature"_s);
    QCOMPARE(metric(nbirth, 2).value(u"datatype"_s).toString(), u"Float"_s);
    QCOMPARE(metric(nbirth, 2).value(u"value"_s).toDouble(), 20.5);
    QVERIFY(results.at(0).warnings.isEmpty());

    // DBIRTH: the device online; an Int16 sent as uint32 65535 reads -1.
    const QJsonObject dbirth = json(results.at(1).rendered);
    QCOMPARE(dbirth.value(u"sparkplug"_s).toObject().value(u"device"_s).toString(), u"pump-1"_s);
    QCOMPARE(metric(dbirth, 2).value(u"value"_s).toInt(), -1);
    QVERIFY(results.at(1).warnings.isEmpty());

    // DDATA by alias only: the names come from the DBIRTH.
    const QJsonObject ddata = json(results.at(2).rendered);
    QCOMPARE(metric(ddata, 0).value(u"name"_s).toString(), u"Pressure"_s);
    QCOMPARE(metric(ddata, 0).value(u"alias"_s).toInt(), 10);
    QCOMPARE(metric(ddata, 0).value(u"value"_s).toDouble(), 4.5);
    QCOMPARE(metric(ddata, 1).value(u"name"_s).toString(), u"Offset"_s);
    QCOMPARE(metric(ddata, 1).value(u"value"_s).toInt(), -2);
    QVERIFY(results.at(2).warnings.isEmpty());

    // seq 3 never came: flagged on the message and in its JSON.
    QCOMPARE(results.at(3).warnings, QStringList{u"sequence gap: expected 3, got 4"_s});
    QCOMPARE(json(results.at(3).rendered)
                 .value(u"sparkplug"_s)
                 .toObject()
                 .value(u"warnings"_s)
                 .toArray(),
             QJsonArray{u"sequence gap: expected 3, got 4"_s});
    QCOMPARE(metric(json(results.at(3).rendered), 0).value(u"name"_s).toString(), u"Running"_s);

    // NDATA by the node's alias.
    QCOMPARE(metric(json(results.at(4).rendered), 0).value(u"name"_s).toString(), u"Temperature"_s);
    QVERIFY(results.at(4).warnings.isEmpty());

    // DDEATH: the device offline; its DDATA afterwards is data before birth.
    QCOMPARE(results.at(5).online, std::optional<bool>(false));
    QCOMPARE(json(results.at(5).rendered).value(u"sparkplug"_s).toObject().value(u"state"_s),
             u"offline"_s);
    QCOMPARE(results.at(6).warnings, QStringList{u"DDATA before the device's DBIRTH"_s});

    // NDEATH (no sequence number of its own); NDATA afterwards is before birth.
    QCOMPARE(results.at(7).online, std::optional<bool>(false));
    QVERIFY(results.at(7).warnings.isEmpty());
    QCOMPARE(results.at(8).warnings, QStringList{u"NDATA before the node's NBIRTH"_s});

    // A node never seen born (another group): flagged from its first DATA.
    SparkplugSession fresh;
    const auto late = fresh.process(SparkplugPayloads::life(u"plant"_s).at(2).topic,
                                    SparkplugPayloads::life(u"plant"_s).at(2).payload);
    QVERIFY(late);
    QCOMPARE(late->warnings, QStringList{u"DDATA before the node's NBIRTH"_s});
    // Without the birth there are no names: the aliases stay as they are.
    QVERIFY(!metric(json(late->rendered), 0).contains(u"name"_s));
}

void TstSparkplug::decoderAloneShowsWhatThePayloadCarries()
{
    DecoderRegistry registry;
    registry.addBuiltIns();
    SparkplugDecoder::registerIn(registry);
    const PayloadDecoder *decoder = registry.decoder(u"sparkplug");
    QVERIFY(decoder);
    QCOMPARE(decoder->name(), u"Sparkplug B"_s);
    const QList<SparkplugPayloads::Step> life = SparkplugPayloads::life(u"g"_s);
    QCOMPARE(decoder->detect(life.at(0).payload, {}), PayloadDecoder::kNoMatch);
    const RenderedPayload birth = decoder->render(life.at(0).payload, {});
    QVERIFY(!birth.error);
    QCOMPARE(birth.decoder, u"sparkplug"_s);
    const QJsonObject o = json(birth);
    QCOMPARE(o.value(u"seq"_s).toInt(), 0);
    QCOMPARE(o.value(u"timestamp"_s).toDouble(), 1733400000000.0);
    QCOMPARE(metric(o, 0).value(u"name"_s).toString(), u"bdSeq"_s);
    QCOMPARE(metric(o, 0).value(u"datatype"_s).toString(), u"UInt64"_s);
    QVERIFY(!o.contains(u"sparkplug"_s)); // no session: no state
    // The highlighting recorded while writing is what the highlighter reads.
    QCOMPARE(birth.spans, JsonHighlighter::spans(birth.text));
    // DATA alone keeps its aliases.
    QCOMPARE(metric(json(decoder->render(life.at(2).payload, {})), 0).value(u"alias"_s).toInt(),
             10);
}

void TstSparkplug::badBytesNamed()
{
    QByteArray bytes = SparkplugPayloads::life(u"g"_s).at(0).payload;
    bytes.chop(3);
    const RenderedPayload out = SparkplugDecoder().render(bytes, {});
    QVERIFY(out.error);
    QVERIFY2(out.error->message().startsWith(u"Not a valid Sparkplug B payload at byte"_s),
             qPrintable(out.error->message()));
    SparkplugSession session;
    const auto result = session.process(u"spBv1.0/g/NDATA/n"_s, bytes);
    QVERIFY(result);
    QVERIFY(result->rendered.error);
    QCOMPARE(result->warnings.size(), 1);
}

void TstSparkplug::otherTopicsAreNotSparkplug()
{
    SparkplugSession session;
    QVERIFY(!session.process(u"spBv1.0/STATE/host"_s, R"({"online":true})"));
    QVERIFY(!session.process(u"plant/x"_s, "1"));
}

void TstSparkplug::decoderReplaysWhatCameBefore()
{
    // The decoder given the message's topic and the messages before it (Show all in the app):
    // the DDATA with the gap, named by the DBIRTH's aliases and flagged.
    const QList<SparkplugPayloads::Step> life = SparkplugPayloads::life(u"plant"_s);
    QJsonArray before;
    for (int i = 0; i < 3; ++i)
        before.append(
            QJsonObject{{u"topic"_s, life.at(i).topic},
                        {u"payload"_s, QString::fromLatin1(life.at(i).payload.toBase64())}});
    RenderOptions options;
    options.decoderOptions = {{u"topic"_s, life.at(3).topic}, {u"before"_s, before}};
    const RenderedPayload withContext = SparkplugDecoder().render(life.at(3).payload, options);
    QVERIFY(!withContext.error);
    QVERIFY2(withContext.text.contains(u"sequence gap: expected 3, got 4"_s),
             qPrintable(withContext.text));
    QVERIFY(withContext.text.contains(u"\"Running\""_s));
    // Alone: no names for the aliases, no session.
    const RenderedPayload alone = SparkplugDecoder().render(life.at(3).payload, {});
    QVERIFY(!alone.text.contains(u"Running"_s));
    QVERIFY(!alone.text.contains(u"sequence gap"_s));
}

QTEST_GUILESS_MAIN(TstSparkplug)
#include "tst_sparkplug.moc"
