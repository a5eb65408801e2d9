#pragma once

#include "core/alerts/alert_rule.h"
#include "core/inspector/json_path_query.h"
#include "core/series/value_extractor.h"

#include <QByteArrayView>
#include <QRegularExpression>
#include <QString>
#include <QStringView>

#include <optional>

namespace mqttdesk {

class PayloadDecoder;

// A Payload rule's test, compiled once (path, decoder, regular expression): reads a message's
// value and says whether it fires or clears the rule. Numbers are read as the charts read
// them (ValueExtractor: "21.5" in a JSON string counts, true and false are 1 and 0, NaN is no
// value); text is the JSON string unescaped, any other JSON value as written, or the whole
// payload as UTF-8. Const and thread-safe.
class AlertCondition
{
public:
    struct Verdict
    {
        bool fire = false;  // the condition holds
        bool clear = false; // the condition is false, past the hysteresis band
        QString value;      // the value read, as text, for the event
    };

    // Nothing for a rule that is not a valid Payload rule.
    static std::optional<AlertCondition> make(const AlertRule &rule);

    // Nothing when the message has no value to judge: a path that names nothing, a payload
    // that is not JSON or does not decode, a value that is not a number against a number
    // threshold. Such a message neither fires nor clears the rule.
    std::optional<Verdict> judge(QByteArrayView payload, QStringView topic) const;

    // `value op threshold`.
    static bool holds(AlertOperator op, double value, double threshold);
    // Whether a fired ordering comparison clears at `value`: once it is false against the
    // threshold moved by `hysteresis` away from the firing side (">30", 2: at 28 or below).
    static bool clears(AlertOperator op, double value, double threshold, double hysteresis);
    // A number in its shortest exact form ("21.5", "1e+21").
    static QString numberText(double value);

private:
    AlertCondition() = default;
    std::optional<double> number(QByteArrayView payload, QStringView topic) const;
    std::optional<QString> text(QByteArrayView payload, QStringView topic) const;
    // The payload rendered by the rule's decoder; nothing when it does not decode.
    std::optional<QByteArray> rendered(QByteArrayView payload, QStringView topic) const;

    AlertOperator m_op = AlertOperator::Greater;
    double m_threshold = 0;
    double m_hysteresis = 0;
    QString m_textThreshold;
    bool m_numeric = true;
    std::optional<QRegularExpression> m_regex;
    std::optional<JsonPathQuery> m_path;
    const PayloadDecoder *m_decoder = nullptr; // the registry's
    // The numbers: the payload's text, or the path (straight on the bytes, or on the
    // decoder's rendering).
    std::optional<ValueExtractor> m_extractor;
};

} // namespace mqttdesk
