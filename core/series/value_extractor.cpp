#include "core/series/value_extractor.h"

#include "core/inspector/json_index.h"
#include "core/payload/decoder_registry.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QtEndian>

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace mqttdesk {

namespace {

const QString kKind = QStringLiteral("kind");
const QString kPath = QStringLiteral("path");
const QString kIndex = QStringLiteral("index");
const QString kDecoder = QStringLiteral("decoder");
const QString kDecoderOptions = QStringLiteral("decoderOptions");
const QString kScale = QStringLiteral("scale");
const QString kOffset = QStringLiteral("offset");
const QString kUnit = QStringLiteral("unit");
const QString kMetric = QStringLiteral("metric");

struct KindName
{
    ExtractorSpec::Kind kind;
    const char *name;
};
constexpr std::array<KindName, 4> kKinds{{
    {ExtractorSpec::Kind::Text, "text"},
    {ExtractorSpec::Kind::JsonPath, "jsonPath"},
    {ExtractorSpec::Kind::NumericArray, "numericArray"},
    {ExtractorSpec::Kind::Decoded, "decoded"},
}};

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

QByteArrayView trimmed(QByteArrayView text)
{
    qsizetype from = 0;
    qsizetype to = text.size();
    while (from < to && isAsciiSpace(text[from]))
        ++from;
    while (to > from && isAsciiSpace(text[to - 1]))
        --to;
    return text.sliced(from, to - from);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool equalsNoCase(QByteArrayView text, const char *word)
{
    const auto length = qsizetype(std::strlen(word));
    if (text.size() != length)
        return false;
    for (qsizetype i = 0; i < length; ++i) {
        if ((text[i] | 0x20) != word[i])
            return false;
    }
    return true;
}

// A decimal number, whole text (already trimmed): [+-] (digits [. digits] | . digits)
// [e [+-] digits], read correctly rounded in the C locale whatever the process's locale.
// A JSON number token is one. Spelled-out NaN and infinities are NotFinite, as are numbers
// past the double range (1e999); numbers below it (1e-999) read as zero.
std::optional<SkipReason> readDecimal(QByteArrayView text, double *out)
{
    qsizetype i = 0;
    const bool negative = !text.isEmpty() && text[0] == '-';
    if (!text.isEmpty() && (text[0] == '-' || text[0] == '+'))
        ++i;
    const QByteArrayView unsignedText = text.sliced(i);
    if (equalsNoCase(unsignedText, "nan") || equalsNoCase(unsignedText, "inf") ||
        equalsNoCase(unsignedText, "infinity"))
        return SkipReason::NotFinite;

    // Checked here because from_chars also takes "inf", "nan" and hex floats' parts, and
    // noted on the way to tell an overflow from an underflow.
    qsizetype intDigits = 0; // without leading zeros
    qsizetype fractionZeros = 0;
    bool seenNonZero = false;
    bool anyDigit = false;
    while (i < text.size() && isDigit(text[i])) {
        anyDigit = true;
        seenNonZero = seenNonZero || text[i] != '0';
        intDigits += seenNonZero ? 1 : 0;
        ++i;
    }
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && isDigit(text[i])) {
            anyDigit = true;
            if (!seenNonZero && text[i] == '0')
                ++fractionZeros;
            seenNonZero = seenNonZero || text[i] != '0';
            ++i;
        }
    }
    if (!anyDigit)
        return SkipReason::NotANumber;
    qint64 exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        const bool negativeExponent = i < text.size() && text[i] == '-';
        if (i < text.size() && (text[i] == '+' || text[i] == '-'))
            ++i;
        if (i >= text.size() || !isDigit(text[i]))
            return SkipReason::NotANumber;
        while (i < text.size() && isDigit(text[i])) {
            exponent = qMin<qint64>(exponent * 10 + (text[i] - '0'), 1'000'000'000);
            ++i;
        }
        if (negativeExponent)
            exponent = -exponent;
    }
    if (i != text.size())
        return SkipReason::NotANumber;

    // from_chars takes a '-' but not a '+'.
    const char *begin = text.data() + (text.startsWith('+') ? 1 : 0);
    const char *end = text.data() + text.size();
    double value = 0;
    const std::from_chars_result result = std::from_chars(begin, end, value);
    if (result.ec == std::errc::result_out_of_range) {
        // Out of range: huge when its first significant digit is left of the point.
        const qint64 magnitude = intDigits > 0 ? intDigits + exponent : exponent - fractionZeros;
        if (magnitude > 0)
            return SkipReason::NotFinite;
        value = negative ? -0.0 : 0.0;
    } else if (result.ec != std::errc() || result.ptr != end) {
        return SkipReason::NotANumber;
    }
    if (!std::isfinite(value))
        return SkipReason::NotFinite;
    *out = value;
    return std::nullopt;
}

ExtractedValue skip(SkipReason reason)
{
    return ExtractedValue{0, reason};
}

QString wrongType(const QString &key, const char *expected)
{
    return QCoreApplication::translate("ValueExtractor", expected).arg(key);
}

// The checks a spec must pass whether it comes from JSON or from code.
bool validate(const ExtractorSpec &spec, QString *why)
{
    auto fail = [why](const QString &text) {
        if (why)
            *why = text;
        return false;
    };
    if (!std::isfinite(spec.scale) || !std::isfinite(spec.offset))
        return fail(QCoreApplication::translate(
            "ValueExtractor", "The scale and the offset must be finite numbers."));
    switch (spec.kind) {
    case ExtractorSpec::Kind::Text:
        return true;
    case ExtractorSpec::Kind::Decoded:
        if (spec.decoder.isEmpty())
            return fail(QCoreApplication::translate("ValueExtractor", "The decoder is missing."));
        if (!spec.metric.isEmpty())
            return true;
        [[fallthrough]];
    case ExtractorSpec::Kind::JsonPath:
        return JsonPathQuery::parse(spec.path, why).has_value();
    case ExtractorSpec::Kind::NumericArray:
        if (spec.index < 0)
            return fail(QCoreApplication::translate(
                "ValueExtractor", "The element index must be a whole number, 0 or more."));
        return NumericArrayDecoder::Layout::fromJson(spec.decoderOptions, why).has_value();
    }
    return true;
}

} // namespace

QString skipReasonText(SkipReason reason)
{
    switch (reason) {
    case SkipReason::NotANumber:
        return QCoreApplication::translate("ValueExtractor", "not a number");
    case SkipReason::Missing:
        return QCoreApplication::translate("ValueExtractor", "missing");
    case SkipReason::NotFinite:
        return QCoreApplication::translate("ValueExtractor", "not finite (NaN or infinity)");
    case SkipReason::NotJson:
        return QCoreApplication::translate("ValueExtractor", "not JSON");
    case SkipReason::Undecodable:
        return QCoreApplication::translate("ValueExtractor", "does not decode");
    }
    return QString();
}

// ---- ExtractorSpec ----------------------------------------------------------------------

QJsonObject ExtractorSpec::toJson() const
{
    const ExtractorSpec defaults;
    QJsonObject json;
    for (const KindName &k : kKinds) {
        if (k.kind == kind)
            json.insert(kKind, QLatin1String(k.name));
    }
    if (path != defaults.path)
        json.insert(kPath, path);
    if (index != defaults.index)
        json.insert(kIndex, index);
    if (decoder != defaults.decoder)
        json.insert(kDecoder, decoder);
    if (decoderOptions != defaults.decoderOptions)
        json.insert(kDecoderOptions, decoderOptions);
    if (scale != defaults.scale)
        json.insert(kScale, scale);
    if (offset != defaults.offset)
        json.insert(kOffset, offset);
    if (unit != defaults.unit)
        json.insert(kUnit, unit);
    if (metric != defaults.metric)
        json.insert(kMetric, metric);
    return json;
}

std::optional<ExtractorSpec> ExtractorSpec::fromJson(const QJsonObject &json, QString *why)
{
    auto fail = [why](const QString &text) -> std::optional<ExtractorSpec> {
        if (why)
            *why = text;
        return std::nullopt;
    };
    ExtractorSpec spec;
    const QJsonValue kind = json.value(kKind);
    if (!kind.isUndefined()) {
        const QString name = kind.toString();
        bool known = false;
        for (const KindName &k : kKinds) {
            if (kind.isString() && name == QLatin1String(k.name)) {
                spec.kind = k.kind;
                known = true;
            }
        }
        if (!known)
            return fail(QCoreApplication::translate(
                            "ValueExtractor",
                            "'%1' is not a kind of value: use text, jsonPath, numericArray or "
                            "decoded.")
                            .arg(kind.isString() ? name : kind.toVariant().toString()));
    }
    for (const QString &key : {kPath, kDecoder, kUnit, kMetric}) {
        if (json.contains(key) && !json.value(key).isString())
            return fail(wrongType(key, QT_TRANSLATE_NOOP("ValueExtractor", "'%1' must be text.")));
    }
    for (const QString &key : {kIndex, kScale, kOffset}) {
        if (json.contains(key) && !json.value(key).isDouble())
            return fail(
                wrongType(key, QT_TRANSLATE_NOOP("ValueExtractor", "'%1' must be a number.")));
    }
    if (json.contains(kDecoderOptions) && !json.value(kDecoderOptions).isObject())
        return fail(wrongType(kDecoderOptions,
                              QT_TRANSLATE_NOOP("ValueExtractor", "'%1' must be an object.")));
    spec.path = json.value(kPath).toString();
    spec.decoder = json.value(kDecoder).toString();
    spec.unit = json.value(kUnit).toString();
    spec.metric = json.value(kMetric).toString();
    spec.decoderOptions = json.value(kDecoderOptions).toObject();
    spec.scale = json.value(kScale).toDouble(1);
    spec.offset = json.value(kOffset).toDouble(0);
    const double index = json.value(kIndex).toDouble(0);
    if (index < 0 || index > std::numeric_limits<int>::max() || index != std::floor(index))
        return fail(QCoreApplication::translate(
            "ValueExtractor", "The element index must be a whole number, 0 or more."));
    spec.index = int(index);
    if (!validate(spec, why))
        return std::nullopt;
    return spec;
}

// ---- ValueExtractor ---------------------------------------------------------------------

std::optional<ValueExtractor> ValueExtractor::make(const ExtractorSpec &spec, QString *why)
{
    if (!validate(spec, why))
        return std::nullopt;
    ValueExtractor extractor;
    extractor.m_spec = spec;
    switch (spec.kind) {
    case ExtractorSpec::Kind::Text:
        break;
    case ExtractorSpec::Kind::Decoded:
        extractor.m_whole = JsonPathQuery::parse(QStringLiteral("$"));
        if (spec.decoder == ExtractorSpec::kRulesDecoder) {
            extractor.m_rules.emplace();
            if (!spec.metric.isEmpty())
                break;
            extractor.m_query = JsonPathQuery::parse(spec.path);
            break;
        }
        extractor.m_decoder = DecoderRegistry::instance().decoder(spec.decoder);
        if (!extractor.m_decoder) {
            if (why)
                *why = QCoreApplication::translate("ValueExtractor", "There is no decoder '%1'.")
                           .arg(spec.decoder);
            return std::nullopt;
        }
        [[fallthrough]];
    case ExtractorSpec::Kind::JsonPath:
        extractor.m_query = JsonPathQuery::parse(spec.path);
        break;
    case ExtractorSpec::Kind::NumericArray:
        extractor.m_layout = *NumericArrayDecoder::Layout::fromJson(spec.decoderOptions);
        break;
    }
    return extractor;
}

void ValueExtractor::setRules(const DecodingRules &rules)
{
    if (m_rules)
        m_rules.emplace(rules);
}

bool ValueExtractor::needsTopic() const
{
    return m_rules.has_value();
}

ExtractedValue ValueExtractor::extract(QByteArrayView payload, QStringView topic) const
{
    switch (m_spec.kind) {
    case ExtractorSpec::Kind::Text: {
        const QByteArrayView text = trimmed(payload);
        if (text.isEmpty())
            return skip(SkipReason::Missing);
        double raw = 0;
        if (const std::optional<SkipReason> reason = readDecimal(text, &raw))
            return skip(*reason);
        return finish(raw);
    }
    case ExtractorSpec::Kind::JsonPath:
        if (payload.isEmpty())
            return skip(SkipReason::Missing);
        return fromJson(payload, *m_query);
    case ExtractorSpec::Kind::NumericArray:
        return fromNumericArray(payload);
    case ExtractorSpec::Kind::Decoded:
        return fromDecoded(payload, topic);
    }
    return skip(SkipReason::NotANumber);
}

ExtractedValue ValueExtractor::finish(double raw) const
{
    const double value = raw * m_spec.scale + m_spec.offset;
    if (!std::isfinite(value))
        return skip(SkipReason::NotFinite);
    return ExtractedValue{value, std::nullopt};
}

ExtractedValue ValueExtractor::fromJson(QByteArrayView json, const JsonPathQuery &query) const
{
    bool isJson = false;
    const std::optional<JsonPathQuery::Match> match = query.evaluate(json, &isJson);
    if (!isJson)
        return skip(SkipReason::NotJson);
    if (!match)
        return skip(SkipReason::Missing);
    double raw = 0;
    switch (match->type) {
    case JsonPathQuery::Type::True:
        return finish(1);
    case JsonPathQuery::Type::False:
        return finish(0);
    case JsonPathQuery::Type::Number:
        break;
    case JsonPathQuery::Type::String: {
        // No number needs an escape; one in the string means words.
        const QByteArrayView inner = trimmed(match->raw.sliced(1, match->raw.size() - 2));
        if (inner.isEmpty() || inner.contains('\\'))
            return skip(SkipReason::NotANumber);
        if (const std::optional<SkipReason> reason = readDecimal(inner, &raw))
            return skip(*reason);
        return finish(raw);
    }
    default:
        return skip(SkipReason::NotANumber);
    }
    if (const std::optional<SkipReason> reason = readDecimal(match->raw, &raw))
        return skip(*reason);
    return finish(raw);
}

ExtractedValue ValueExtractor::fromNumericArray(QByteArrayView payload) const
{
    using T = NumericArrayDecoder::Type;
    if (payload.isEmpty())
        return skip(SkipReason::Missing);
    if (m_layout.skip > payload.size())
        return skip(SkipReason::Undecodable);
    const QByteArrayView data = payload.sliced(m_layout.skip);
    const int size = NumericArrayDecoder::sizeOf(m_layout.type);
    if (data.size() % size != 0)
        return skip(SkipReason::Undecodable);
    if (m_spec.index >= data.size() / size)
        return skip(SkipReason::Missing);
    // One element read as NumericArrayDecoder::values() reads them all, without its list.
    const char *at = data.data() + qsizetype(m_spec.index) * size;
    const bool big = m_layout.bigEndian;
    auto load = [at, big](auto zero) {
        using U = decltype(zero);
        return big ? qFromBigEndian<U>(at) : qFromLittleEndian<U>(at);
    };
    double raw = 0;
    switch (m_layout.type) {
    case T::Int8:
        raw = qint8(*at);
        break;
    case T::UInt8:
        raw = quint8(*at);
        break;
    case T::Int16:
        raw = qint16(load(quint16()));
        break;
    case T::UInt16:
        raw = load(quint16());
        break;
    case T::Int32:
        raw = qint32(load(quint32()));
        break;
    case T::UInt32:
        raw = load(quint32());
        break;
    case T::Int64:
        raw = double(qint64(load(quint64())));
        break;
    case T::UInt64:
        raw = double(load(quint64()));
        break;
    case T::Float32: {
        const quint32 bits = load(quint32());
        float f;
        std::memcpy(&f, &bits, sizeof f);
        raw = f;
        break;
    }
    case T::Float64: {
        const quint64 bits = load(quint64());
        std::memcpy(&raw, &bits, sizeof raw);
        break;
    }
    }
    if (!std::isfinite(raw))
        return skip(SkipReason::NotFinite);
    return finish(raw);
}

ExtractedValue ValueExtractor::fromDecoded(QByteArrayView payload, QStringView topic) const
{
    if (payload.isEmpty())
        return skip(SkipReason::Missing);
    RenderOptions options;
    options.maxChars = -1;
    options.decoderOptions = m_spec.decoderOptions;
    RenderedPayload rendered;
    if (m_rules) {
        std::optional<RenderedPayload> byRule = m_rules->render(topic, payload, options);
        if (!byRule)
            return skip(SkipReason::Undecodable); // no rule for this topic
        rendered = std::move(*byRule);
    } else {
        rendered = m_decoder->render(payload, options);
    }
    if (rendered.error)
        return skip(SkipReason::Undecodable);
    if (!m_spec.metric.isEmpty())
        return fromMetric(rendered.text.toUtf8());
    return fromJson(rendered.text.toUtf8(), *m_query);
}

// Sparkplug B's rendering: {"metrics": [{"name": "Temperature", "alias": 3, "value": 21.5},
// ...]}. Data messages may carry only the alias, which a metric given as a number matches.
ExtractedValue ValueExtractor::fromMetric(const QByteArray &json) const
{
    const JsonIndex index = JsonIndex::parse(json);
    if (!index.isValid())
        return skip(SkipReason::NotJson);
    if (index.node(0).type != JsonIndex::Type::Object)
        return skip(SkipReason::Missing);
    bool isNumber = false;
    const qulonglong alias = m_spec.metric.toULongLong(&isNumber);
    const std::optional<quint32> metrics = index.member(0, u"metrics");
    if (!metrics || index.node(*metrics).type != JsonIndex::Type::Array)
        return skip(SkipReason::Missing);
    for (quint32 row = 0; row < index.node(*metrics).childCount; ++row) {
        const quint32 metric = index.child(*metrics, row);
        if (index.node(metric).type != JsonIndex::Type::Object)
            continue;
        const std::optional<quint32> name = index.member(metric, u"name");
        const std::optional<quint32> aliasNode = index.member(metric, u"alias");
        const bool byName = name && index.node(*name).type == JsonIndex::Type::String &&
                            index.valueText(*name) == m_spec.metric;
        const bool byAlias = isNumber && aliasNode &&
                             index.node(*aliasNode).type == JsonIndex::Type::Number &&
                             index.valueText(*aliasNode).toULongLong() == alias;
        if (!byName && !byAlias)
            continue;
        const std::optional<quint32> value = index.member(metric, u"value");
        if (!value)
            return skip(SkipReason::Missing); // a null metric
        return fromJson(index.raw(*value), *m_whole);
    }
    return skip(SkipReason::Missing);
}

} // namespace mqttdesk
