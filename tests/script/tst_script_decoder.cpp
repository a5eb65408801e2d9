#include "core/payload/decoder_registry.h"
#include "core/payload/decoding_rules.h"
#include "core/payload/rule_renderer.h"
#include "core/script/script_decoder.h"

#include <QJsonArray>
#include <QThread>
#include <QtTest>

#include <memory>

using namespace mqttdesk;

namespace {

DecodingRules scriptRules(const QString &filter, const QString &script, int timeLimitMs = 5000)
{
    QJsonObject options = ScriptDecoder::options(script);
    options.insert(QStringLiteral("timeLimitMs"), timeLimitMs);
    DecodingRules rules;
    QString error;
    const bool added =
        rules.append(DecodingRule{filter, ScriptDecoder::Id.toString(), options}, &error);
    Q_ASSERT(added);
    return rules;
}

} // namespace

class TestScriptDecoder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rendersThroughRules();
    void objectsAsHighlightedJson();
    void errorRendersAsError();
    void timeoutRendersAsErrorAndStreamGoesOn();
    void badOptions();
    void previewIsBounded();
    void offLimitsThreadGetsPlaceholder();
    void rulesRoundTripWithScript();

private:
    DecoderRegistry m_registry;
};

void TestScriptDecoder::initTestCase()
{
    m_registry.addBuiltIns();
    ScriptDecoder::registerIn(m_registry);
    QVERIFY(m_registry.decoder(ScriptDecoder::Id));
    QCOMPARE(m_registry.decoder(ScriptDecoder::Id)->detect("{}", {}), PayloadDecoder::kNoMatch);
}

void TestScriptDecoder::rendersThroughRules()
{
    const RuleRenderer renderer(
        scriptRules(QStringLiteral("plant/+/temp"),
                    QStringLiteral("return (JSON.parse(payload).t / 10) + ' °C @ ' + topic;")),
        m_registry);
    const std::optional<RenderedPayload> out =
        renderer.render(u"plant/boiler/temp", R"({"t": 215})");
    QVERIFY(out);
    QVERIFY(!out->error);
    QCOMPARE(out->decoder, QStringLiteral("script"));
    QCOMPARE(out->text, QStringLiteral("21.5 °C @ plant/boiler/temp"));
    QVERIFY(!renderer.render(u"plant/boiler/pressure", "1"));
}

void TestScriptDecoder::objectsAsHighlightedJson()
{
    const RuleRenderer renderer(
        scriptRules(QStringLiteral("#"), QStringLiteral("return {bytes: message.bytes.length};")),
        m_registry);
    const std::optional<RenderedPayload> out = renderer.render(u"a", "abcd");
    QVERIFY(out);
    QCOMPARE(out->text, QStringLiteral("{\n  \"bytes\": 4\n}"));
    QVERIFY(!out->spans.isEmpty());
}

void TestScriptDecoder::errorRendersAsError()
{
    const RuleRenderer renderer(
        scriptRules(QStringLiteral("#"), QStringLiteral("var a = 1;\nthrow new Error('boom');")),
        m_registry);
    const std::optional<RenderedPayload> out = renderer.render(u"a", "payload text");
    QVERIFY(out);
    QVERIFY(out->error);
    QCOMPARE(out->error->code, PayloadErrorCode::ScriptFailed);
    QCOMPARE(out->error->line, 2);
    QCOMPARE(out->error->message(), QStringLiteral("Script error at line 2: Error: boom"));
    // The error is the first line, above the bytes (as text here).
    QCOMPARE(out->decoder, QStringLiteral("text"));
    QCOMPARE(out->text, QStringLiteral("Script error at line 2: Error: boom\npayload text"));
}

void TestScriptDecoder::timeoutRendersAsErrorAndStreamGoesOn()
{
    const RuleRenderer looping(
        scriptRules(QStringLiteral("#"), QStringLiteral("while (true) {}"), 20), m_registry);
    const RuleRenderer fine(scriptRules(QStringLiteral("#"), QStringLiteral("return 'ok';")),
                            m_registry);
    for (int i = 0; i < 3; ++i) {
        const std::optional<RenderedPayload> stopped = looping.render(u"a", "x");
        QVERIFY(stopped && stopped->error);
        QVERIFY2(stopped->error->message().contains(QStringLiteral("20 ms")),
                 qPrintable(stopped->error->message()));
        const std::optional<RenderedPayload> next = fine.render(u"a", "x");
        QVERIFY(next && !next->error);
        QCOMPARE(next->text, QStringLiteral("ok"));
    }
}

void TestScriptDecoder::badOptions()
{
    RenderOptions options;
    const RenderedPayload none = m_registry.render("x", ScriptDecoder::Id, options);
    QVERIFY(none.error);
    QCOMPARE(none.error->code, PayloadErrorCode::BadDecoderOptions);
    options.decoderOptions = ScriptDecoder::options(QStringLiteral("return 1;"));
    options.decoderOptions.insert(QStringLiteral("timeLimitMs"), -3);
    const RenderedPayload bad = m_registry.render("x", ScriptDecoder::Id, options);
    QVERIFY(bad.error);
    QCOMPARE(bad.error->code, PayloadErrorCode::BadDecoderOptions);
    QVERIFY(!ScriptDecoder::limits(options.decoderOptions));
    QVERIFY(ScriptDecoder::limits(m_registry.decoder(ScriptDecoder::Id)->defaultOptions()));
}

void TestScriptDecoder::previewIsBounded()
{
    RenderOptions options;
    options.maxChars = 10;
    options.decoderOptions = ScriptDecoder::options(QStringLiteral("return 'z'.repeat(50);"));
    const RenderedPayload out = m_registry.render("x", ScriptDecoder::Id, options);
    QVERIFY(!out.error);
    QCOMPARE(out.text.size(), 10);
    QVERIFY(out.truncated);
}

void TestScriptDecoder::offLimitsThreadGetsPlaceholder()
{
    // Registered with this thread off limits (as the GUI does with its own): nothing runs
    // here, while another thread runs the script.
    DecoderRegistry registry;
    ScriptDecoder::registerIn(registry, QThread::currentThread());
    RenderOptions options;
    options.decoderOptions = ScriptDecoder::options(QStringLiteral("return 'ran';"));
    const RenderedPayload here = registry.render("x", ScriptDecoder::Id, options);
    QCOMPARE(here.text, ScriptDecoder::pendingText());
    QVERIFY(here.truncated);
    QString there;
    std::unique_ptr<QThread> worker(
        QThread::create([&] { there = registry.render("x", ScriptDecoder::Id, options).text; }));
    worker->start();
    QVERIFY(worker->wait(60000));
    QCOMPARE(there, QStringLiteral("ran"));
}

void TestScriptDecoder::rulesRoundTripWithScript()
{
    // The script travels in the rule's options: saved with the profile and exported with it
    // as the rules' JSON.
    const QString script = QStringLiteral("// line 1\nreturn \"quoted\" + '\\n' + payload;");
    const DecodingRules rules = scriptRules(QStringLiteral("a/#"), script, 75);
    const QJsonArray json = rules.toJson();
    const std::optional<DecodingRules> back = DecodingRules::fromJson(json);
    QVERIFY(back);
    QCOMPARE(*back, rules);
    QCOMPARE(ScriptDecoder::script(back->rules().first().options), script);
    QCOMPARE(ScriptDecoder::limits(back->rules().first().options)->timeLimitMs, 75);
}

QTEST_GUILESS_MAIN(TestScriptDecoder)
#include "tst_script_decoder.moc"
