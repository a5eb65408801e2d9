#pragma once

#include <QCoreApplication>
#include <QString>

namespace mqttdesk {

// Why an alert rule (or a rule file) cannot be used: a code to branch on, where (the field,
// e.g. "rules[2].threshold", and the file's line when there is one) and a translated detail
// that says what is wrong and what to do.
struct AlertRuleError
{
    Q_DECLARE_TR_FUNCTIONS(AlertRuleError)

public:
    enum class Code : quint8
    {
        Unreadable,      // the file cannot be opened or read
        NotJson,         // a syntax error
        NotARuleFile,    // no "format": "mqttdesk-alert-rules"
        NewerVersion,    // a format version this build does not know
        Missing,         // a required field is absent or empty
        WrongType,       // a field of the wrong JSON type
        OutOfRange,      // a number outside its range (a negative duration, QoS 3)
        UnknownValue,    // a kind or operator that does not exist
        UnknownField,    // a field no rule has (a typo: "treshold")
        FieldNotForKind, // a field of another kind ("seconds" on a payload rule)
        BadFilter,       // not a topic filter
        BadPath,         // not a JSON path
        BadRegex,        // not a regular expression
        UnknownDecoder,
        TextNeedsEquality,    // a text threshold with > >= < <=
        HysteresisNeedsOrder, // a hysteresis band without > >= < <= and a numeric threshold
        BadActionTopic,       // the action's topic is not a topic name
        DuplicateName,
    };

    Code code = Code::NotJson;
    QString field; // "rules[2].threshold"; empty for the whole file
    int line = 0;  // 1-based; 0 when unknown
    QString detail;

    // "Line 12, rules[2].threshold: <detail>" (translated).
    QString message() const;
    // The same error under a parent field ("rules[2]" + "threshold").
    AlertRuleError under(const QString &parent) const;
};

} // namespace mqttdesk
