#include "core/alerts/alert_rule.h"

#include "core/inspector/json_path_query.h"
#include "core/payload/decoder_registry.h"
#include "core/protocol/topic.h"

#include <QRegularExpression>

#include <array>
#include <cmath>

namespace mqttdesk {

namespace {

struct KindName
{
    AlertKind kind;
    const char *name;
};
constexpr std::array<KindName, 5> kKinds{{
    {AlertKind::Payload, "payload"},
    {AlertKind::Silence, "silence"},
    {AlertKind::Rate, "rate"},
    {AlertKind::RetainedChanged, "retainedChanged"},
    {AlertKind::ConnectionLost, "connectionLost"},
}};

struct OperatorName
{
    AlertOperator op;
    const char *name;
};
constexpr std::array<OperatorName, 6> kOperators{{
    {AlertOperator::Greater, ">"},
    {AlertOperator::GreaterOrEqual, ">="},
    {AlertOperator::Less, "<"},
    {AlertOperator::LessOrEqual, "<="},
    {AlertOperator::Equal, "=="},
    {AlertOperator::NotEqual, "!="},
}};

AlertRuleError problem(AlertRuleError::Code code, const char *field, const QString &detail)
{
    return AlertRuleError{code, QLatin1String(field), 0, detail};
}

} // namespace

QString alertKindName(AlertKind kind)
{
    for (const KindName &k : kKinds) {
        if (k.kind == kind)
            return QLatin1String(k.name);
    }
    return {};
}

std::optional<AlertKind> alertKindFromName(QStringView name)
{
    for (const KindName &k : kKinds) {
        if (name == QLatin1String(k.name))
            return k.kind;
    }
    return std::nullopt;
}

QString alertOperatorName(AlertOperator op)
{
    for (const OperatorName &o : kOperators) {
        if (o.op == op)
            return QLatin1String(o.name);
    }
    return {};
}

std::optional<AlertOperator> alertOperatorFromName(QStringView name)
{
    for (const OperatorName &o : kOperators) {
        if (name == QLatin1String(o.name))
            return o.op;
    }
    return std::nullopt;
}

bool isOrdering(AlertOperator op)
{
    return op != AlertOperator::Equal && op != AlertOperator::NotEqual;
}

QString AlertAction::expand(const QString &text, const QString &rule, const QString &topic,
                            const QString &value, const QString &event, const QString &time)
{
    if (!text.contains(QLatin1Char('{')))
        return text;
    const std::array<std::pair<QLatin1String, const QString *>, 5> placeholders{{
        {QLatin1String("{rule}"), &rule},
        {QLatin1String("{topic}"), &topic},
        {QLatin1String("{value}"), &value},
        {QLatin1String("{event}"), &event},
        {QLatin1String("{time}"), &time},
    }};
    QString out;
    out.reserve(text.size());
    const QStringView view(text);
    qsizetype i = 0;
    while (i < view.size()) {
        bool replaced = false;
        if (view[i] == QLatin1Char('{')) {
            for (const auto &[name, replacement] : placeholders) {
                if (view.sliced(i).startsWith(name)) {
                    out += *replacement;
                    i += name.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced)
            out += view[i++];
    }
    return out;
}

std::optional<AlertRuleError> AlertRule::validate() const
{
    using Code = AlertRuleError::Code;
    if (name.trimmed().isEmpty())
        return problem(Code::Missing, "name",
                       tr("A rule needs a name: its alerts are reported under it."));
    if (needsMessages()) {
        if (filter.isEmpty())
            return problem(Code::Missing, "topic",
                           tr("A %1 rule needs a topic filter, e.g. \"sensors/+/temp\".")
                               .arg(alertKindName(kind)));
        if (const std::optional<TopicError> e = Topic::validateFilter(filter))
            return problem(Code::BadFilter, "topic",
                           tr("\"%1\" is not a topic filter: %2").arg(filter, e->message()));
    }
    if (cooldownSeconds < 0)
        return problem(Code::OutOfRange, "cooldownSeconds",
                       tr("The cooldown must be 0 or more seconds, not %1.").arg(cooldownSeconds));
    if (hysteresis < 0 || !std::isfinite(hysteresis))
        return problem(Code::OutOfRange, "hysteresis",
                       tr("The hysteresis must be 0 or a positive number."));
    switch (kind) {
    case AlertKind::Payload: {
        if (!path.isEmpty()) {
            QString why;
            if (!JsonPathQuery::parse(path, &why))
                return problem(Code::BadPath, "path",
                               tr("The path \"%1\" does not parse (%2). Write it as $.key, "
                                  "$.list[0] or $..key.")
                                   .arg(path, why));
        }
        if (!decoder.isEmpty() && !DecoderRegistry::instance().decoder(decoder))
            return problem(
                Code::UnknownDecoder, "decoder",
                tr("There is no decoder \"%1\": use one of %2.")
                    .arg(decoder, DecoderRegistry::instance().ids().join(QStringLiteral(", "))));
        if (!regex.isEmpty()) {
            const QRegularExpression expression(regex);
            if (!expression.isValid())
                return problem(Code::BadRegex, "regex",
                               tr("\"%1\" is not a regular expression: %2 (at character %3).")
                                   .arg(regex, expression.errorString())
                                   .arg(expression.patternErrorOffset() + 1));
            if (hysteresis > 0)
                return problem(Code::HysteresisNeedsOrder, "hysteresis",
                               tr("A hysteresis band needs a number threshold and >, >=, < or "
                                  "<=, not a regular expression."));
            break;
        }
        if (thresholdIsText && isOrdering(op))
            return problem(Code::TextNeedsEquality, "op",
                           tr("\"%1\" compares numbers, but the threshold \"%2\" is text: give a "
                              "number, or compare text with == or !=.")
                               .arg(alertOperatorName(op), textThreshold));
        if (!thresholdIsText && !std::isfinite(threshold))
            return problem(Code::OutOfRange, "threshold", tr("The threshold must be finite."));
        if (hysteresis > 0 && (thresholdIsText || !isOrdering(op)))
            return problem(Code::HysteresisNeedsOrder, "hysteresis",
                           tr("A hysteresis band needs a number threshold and >, >=, < or <=, "
                              "not %1.")
                               .arg(alertOperatorName(op)));
        break;
    }
    case AlertKind::Silence:
        if (silenceSeconds < 1)
            return problem(
                Code::OutOfRange, "seconds",
                tr("The silence must last 1 second or more, not %1.").arg(silenceSeconds));
        break;
    case AlertKind::Rate:
        if (windowSeconds < 1 || windowSeconds > 3600)
            return problem(Code::OutOfRange, "windowSeconds",
                           tr("The window must be 1 to 3600 seconds, not %1.").arg(windowSeconds));
        if (!isOrdering(op))
            return problem(
                Code::UnknownValue, "op",
                tr("A rate is compared with >, >=, < or <=, not %1.").arg(alertOperatorName(op)));
        if (threshold < 0 || !std::isfinite(threshold))
            return problem(Code::OutOfRange, "threshold",
                           tr("The rate threshold must be 0 or more messages per second."));
        break;
    case AlertKind::RetainedChanged:
    case AlertKind::ConnectionLost:
        break;
    }
    if (action.isSet()) {
        const QString sample = QStringLiteral("x");
        const QString topic =
            AlertAction::expand(action.topic, name, sample, sample, sample, sample);
        if (const std::optional<TopicError> e = Topic::validateName(topic))
            return problem(
                Code::BadActionTopic, "action.topic",
                tr("\"%1\" is not a topic to publish to: %2").arg(action.topic, e->message()));
    } else if (!action.payload.isEmpty()) {
        return problem(Code::Missing, "action.topic",
                       tr("The action needs a topic to publish its payload to."));
    }
    return std::nullopt;
}

} // namespace mqttdesk
