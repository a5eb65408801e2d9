#include "ui/charts/chart_this.h"

#include "core/inspector/json_index.h"
#include "core/payload/decoder_registry.h"
#include "core/payload/numeric_array_decoder.h"
#include "core/series/value_extractor.h"

#include <QRegularExpression>
#include <QWidget>

namespace mqttdesk {

namespace {

// Decoders that show the bytes themselves: a chart reads those bytes, not a rendering.
bool showsTheBytes(QStringView decoder)
{
    return decoder.isEmpty() || decoder == u"text" || decoder == u"json" || decoder == u"hex" ||
           decoder == u"base64";
}

bool looksLikeJson(QByteArrayView payload)
{
    const QByteArrayView text = payload.trimmed();
    return text.startsWith('{') || text.startsWith('[');
}

} // namespace

bool ChartThis::isNumber(QByteArrayView text)
{
    static const std::optional<ValueExtractor> asText = ValueExtractor::make(ExtractorSpec{});
    return asText && !asText->extract(text).skipped;
}

QString ChartThis::firstNumberPath(const QByteArray &json)
{
    if (json.size() > kMaxParsedBytes || !looksLikeJson(json))
        return {};
    const JsonIndex index = JsonIndex::parse(json);
    if (!index.isValid())
        return {};
    for (quint32 id = 1; id < index.nodeCount(); ++id) {
        const JsonIndex::Type type = index.node(id).type;
        if ((type == JsonIndex::Type::Number || type == JsonIndex::Type::String) &&
            isNumber(index.valueText(id).toUtf8()))
            return index.path(id);
    }
    return {};
}

bool ChartThis::chartsAsIs(QByteArrayView payload, const QString &decoder)
{
    return (decoder == DecoderRegistry::AutoId || showsTheBytes(decoder)) && isNumber(payload);
}

QString ChartThis::sparkplugMetric(const JsonIndex &rendering, const QString &path)
{
    if (!rendering.isValid() || rendering.node(0).type != JsonIndex::Type::Object)
        return {};
    const std::optional<quint32> metrics = rendering.member(0, u"metrics");
    if (!metrics || rendering.node(*metrics).type != JsonIndex::Type::Array)
        return {};
    // Which metric: the one the path names, or the first with a number.
    qint64 wanted = -1;
    if (!path.isEmpty()) {
        static const QRegularExpression valuePath(
            QStringLiteral(R"(^\$\.metrics\[(\d+)\]\.value$)"));
        const QRegularExpressionMatch match = valuePath.match(path);
        if (!match.hasMatch())
            return {};
        wanted = match.captured(1).toLongLong();
    }
    for (quint32 row = 0; row < rendering.node(*metrics).childCount; ++row) {
        if (wanted >= 0 && row != wanted)
            continue;
        const quint32 metric = rendering.child(*metrics, row);
        if (rendering.node(metric).type != JsonIndex::Type::Object)
            continue;
        const std::optional<quint32> value = rendering.member(metric, u"value");
        if (!value || !isNumber(rendering.valueText(*value).toUtf8()))
            continue;
        if (const std::optional<quint32> name = rendering.member(metric, u"name");
            name && !rendering.valueText(*name).isEmpty())
            return rendering.valueText(*name);
        if (const std::optional<quint32> alias = rendering.member(metric, u"alias"))
            return rendering.valueText(*alias);
    }
    return {};
}

ChartThis::Suggestion ChartThis::forMessage(const QString &topic, const QByteArray &payload,
                                            const QString &decoder, const QJsonObject &options,
                                            bool byRule)
{
    Suggestion s;
    s.spec.topicFilter = topic;
    ExtractorSpec &e = s.spec.extractor;
    QString id = decoder == DecoderRegistry::AutoId ? QString() : decoder;
    if (id.isEmpty() && !isNumber(payload) && !looksLikeJson(payload)) {
        // Shown as Auto shows it: binary CBOR or MessagePack is charted through its decoder.
        if (const PayloadDecoder *detected = DecoderRegistry::instance().detect(payload))
            id = detected->id();
    }
    if (id == u"numeric") {
        e.kind = ExtractorSpec::Kind::NumericArray;
        const auto layout = NumericArrayDecoder::Layout::fromJson(options);
        e.decoderOptions = layout ? layout->toJson() : NumericArrayDecoder::Layout{}.toJson();
        return s;
    }
    if (chartsAsIs(payload, id)) {
        s.complete = true; // Text: the payload as a number
        return s;
    }
    if (showsTheBytes(id)) {
        if (looksLikeJson(payload)) {
            e.kind = ExtractorSpec::Kind::JsonPath;
            e.path = firstNumberPath(payload);
        }
        return s;
    }
    // A field of what another decoder (CBOR, Protobuf, Sparkplug B…) renders.
    e.kind = ExtractorSpec::Kind::Decoded;
    if (byRule) {
        e.decoder = QString(ExtractorSpec::kRulesDecoder);
    } else {
        e.decoder = id;
        e.decoderOptions = options;
    }
    if (payload.size() <= kMaxParsedBytes) {
        RenderOptions render;
        render.decoderOptions = options;
        const RenderedPayload rendered = DecoderRegistry::instance().render(payload, id, render);
        if (!rendered.error && rendered.decoder == id) {
            const QByteArray json = rendered.text.toUtf8();
            // A Sparkplug metric by its name: its place in the list may change.
            if (id == u"sparkplug")
                e.metric = sparkplugMetric(JsonIndex::parse(json));
            if (e.metric.isEmpty())
                e.path = firstNumberPath(json);
        }
    }
    return s;
}

ChartThis::Suggestion ChartThis::forSubtree(const QString &topic, const QByteArray &sample,
                                            const QString &decoder, const QJsonObject &options)
{
    Suggestion s = forMessage(topic, sample, decoder, options);
    s.spec.topicFilter = topic + QStringLiteral("/#");
    s.spec.perTopic = true;
    s.complete = false;
    return s;
}

ChartSeriesDialog *ChartThis::ask(QWidget *parent, const ChartSeriesSpec &spec,
                                  std::function<void(const ChartSeriesSpec &)> accepted)
{
    auto *dialog = new ChartSeriesDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSpec(spec);
    QObject::connect(dialog, &QDialog::accepted, dialog,
                     [dialog, accepted] { accepted(dialog->spec()); });
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    return dialog;
}

} // namespace mqttdesk
