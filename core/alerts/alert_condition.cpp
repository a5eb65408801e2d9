#include "core/alerts/alert_condition.h"

#include "core/inspector/json_index.h"
#include "core/payload/decoder_registry.h"

#include <QLocale>

namespace mqttdesk {

std::optional<AlertCondition> AlertCondition::make(const AlertRule &rule)
{
    if (rule.kind != AlertKind::Payload || rule.validate())
        return std::nullopt;
    AlertCondition c;
    c.m_op = rule.op;
    c.m_threshold = rule.threshold;
    c.m_hysteresis = rule.hysteresis;
    c.m_textThreshold = rule.textThreshold;
    c.m_numeric = rule.regex.isEmpty() && !rule.thresholdIsText;
    if (!rule.regex.isEmpty()) {
        // Compiled now rather than at the first match, so the ingest path never waits on it.
        c.m_regex.emplace(rule.regex);
        c.m_regex->optimize();
    }
    if (!rule.path.isEmpty())
        c.m_path = JsonPathQuery::parse(rule.path);
    if (!rule.decoder.isEmpty())
        c.m_decoder = DecoderRegistry::instance().decoder(rule.decoder);
    if (c.m_numeric) {
        ExtractorSpec spec;
        if (rule.path.isEmpty()) {
            spec.kind = ExtractorSpec::Kind::Text; // on the rendering, with a decoder
        } else if (rule.decoder.isEmpty()) {
            spec.kind = ExtractorSpec::Kind::JsonPath;
            spec.path = rule.path;
        } else {
            spec.kind = ExtractorSpec::Kind::Decoded;
            spec.decoder = rule.decoder;
            spec.path = rule.path;
        }
        c.m_extractor = ValueExtractor::make(spec);
        if (!c.m_extractor)
            return std::nullopt;
    }
    return c;
}

bool AlertCondition::holds(AlertOperator op, double value, double threshold)
{
    switch (op) {
    case AlertOperator::Greater:
        return value > threshold;
    case AlertOperator::GreaterOrEqual:
        return value >= threshold;
    case AlertOperator::Less:
        return value < threshold;
    case AlertOperator::LessOrEqual:
        return value <= threshold;
    case AlertOperator::Equal:
        return value == threshold;
    case AlertOperator::NotEqual:
        return value != threshold;
    }
    return false;
}

bool AlertCondition::clears(AlertOperator op, double value, double threshold, double hysteresis)
{
    switch (op) {
    case AlertOperator::Greater:
    case AlertOperator::GreaterOrEqual:
        return !holds(op, value, threshold - hysteresis);
    case AlertOperator::Less:
    case AlertOperator::LessOrEqual:
        return !holds(op, value, threshold + hysteresis);
    case AlertOperator::Equal:
    case AlertOperator::NotEqual:
        break;
    }
    return !holds(op, value, threshold);
}

QString AlertCondition::numberText(double value)
{
    return QLocale::c().toString(value, 'g', QLocale::FloatingPointShortest);
}

std::optional<QByteArray> AlertCondition::rendered(QByteArrayView payload, QStringView topic) const
{
    RenderOptions options;
    options.maxChars = -1;
    options.topic = topic.toString();
    const RenderedPayload r = m_decoder->render(payload, options);
    if (r.error)
        return std::nullopt;
    return r.text.toUtf8();
}

std::optional<double> AlertCondition::number(QByteArrayView payload, QStringView topic) const
{
    ExtractedValue v;
    if (m_decoder && !m_path) {
        const std::optional<QByteArray> text = rendered(payload, topic);
        if (!text)
            return std::nullopt;
        v = m_extractor->extract(*text, topic);
    } else {
        v = m_extractor->extract(payload, topic);
    }
    if (v.skipped)
        return std::nullopt;
    return v.value;
}

std::optional<QString> AlertCondition::text(QByteArrayView payload, QStringView topic) const
{
    QByteArray decoded;
    if (m_decoder) {
        std::optional<QByteArray> text = rendered(payload, topic);
        if (!text)
            return std::nullopt;
        decoded = std::move(*text);
        payload = decoded;
    }
    if (!m_path)
        return QString::fromUtf8(payload);
    const std::optional<JsonPathQuery::Match> match = m_path->evaluate(payload);
    if (!match)
        return std::nullopt;
    if (match->type == JsonPathQuery::Type::String)
        return JsonIndex::unescape(match->raw);
    return QString::fromUtf8(match->raw);
}

std::optional<AlertCondition::Verdict> AlertCondition::judge(QByteArrayView payload,
                                                             QStringView topic) const
{
    Verdict verdict;
    if (m_numeric) {
        const std::optional<double> value = number(payload, topic);
        if (!value)
            return std::nullopt;
        verdict.fire = holds(m_op, *value, m_threshold);
        verdict.clear = clears(m_op, *value, m_threshold, m_hysteresis);
        verdict.value = numberText(*value);
        return verdict;
    }
    std::optional<QString> value = text(payload, topic);
    if (!value)
        return std::nullopt;
    if (m_regex)
        verdict.fire = m_regex->match(*value).hasMatch();
    else
        verdict.fire = (*value == m_textThreshold) == (m_op == AlertOperator::Equal);
    verdict.clear = !verdict.fire;
    verdict.value = std::move(*value);
    return verdict;
}

} // namespace mqttdesk
