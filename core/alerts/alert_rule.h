#pragma once

#include "core/alerts/alert_rule_error.h"
#include "core/protocol/packets.h"
#include "core/protocol/qos.h"

#include <QCoreApplication>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// What an alert rule watches.
enum class AlertKind : quint8
{
    Payload,         // a value of each message (a JSON path, or the text) against a threshold,
                     // or the text against a regular expression
    Silence,         // no message on the filter for `silenceSeconds`
    Rate,            // messages per second on the filter, over `windowSeconds`, against a threshold
    RetainedChanged, // a retained message whose payload differs from the last one of its topic
    ConnectionLost,  // the connection went down
};

enum class AlertOperator : quint8
{
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
    Equal,
    NotEqual,
};

// "payload", "silence", "rate", "retainedChanged", "connectionLost" (the file's names).
QString alertKindName(AlertKind kind);
std::optional<AlertKind> alertKindFromName(QStringView name);
// ">", ">=", "<", "<=", "==", "!=".
QString alertOperatorName(AlertOperator op);
std::optional<AlertOperator> alertOperatorFromName(QStringView name);
// > >= < <=: the operators a hysteresis band applies to.
bool isOrdering(AlertOperator op);

// The message a fired rule asks to publish. Topic and payload may hold the placeholders
// {rule}, {topic}, {value}, {event} and {time} (see docs/alert-rules.md); any other brace is
// kept as written, so a JSON payload needs no escaping.
struct AlertAction
{
    QString topic; // empty: no action
    QString payload;
    QoS qos = QoS::AtMostOnce;
    bool retain = false;

    bool isSet() const { return !topic.isEmpty(); }
    // `text` with the placeholders replaced.
    static QString expand(const QString &text, const QString &rule, const QString &topic,
                          const QString &value, const QString &event, const QString &time);
    friend bool operator==(const AlertAction &, const AlertAction &) = default;
};

// One alert rule, as the rule file and the (future) Alerts panel hold it. A plain value:
// AlertEngine compiles it (filter, path, regular expression) once.
struct AlertRule
{
    Q_DECLARE_TR_FUNCTIONS(AlertRule)

public:
    QString name; // unique within a rule set: events name their rule by it
    bool enabled = true;
    AlertKind kind = AlertKind::Payload;
    QString filter; // a topic filter; unused by ConnectionLost

    // Payload: where the value comes from. `decoder` (a DecoderRegistry id such as "cbor")
    // renders the payload first; `path` (JSONPath, e.g. "$.temp") then picks a value out of
    // the JSON. Without a path the value is the whole (rendered) text.
    QString path;
    QString decoder;
    // Payload: the value against a threshold (a number, compared as numbers; or a text, for
    // == and != only) ...
    AlertOperator op = AlertOperator::Greater;
    double threshold = 0; // also Rate: messages per second
    QString textThreshold;
    bool thresholdIsText = false;
    // ... or, when not empty, the value's text searched with this regular expression
    // (unanchored: use ^ and $ for the whole text).
    QString regex;
    // Payload with a numeric threshold and an ordering operator, and Rate: a fired rule clears
    // only once the value is past the threshold by this much ("> 30" with 2 clears at <= 28).
    double hysteresis = 0;

    int silenceSeconds = 60; // Silence
    int windowSeconds = 10;  // Rate: the rate is the mean over this many whole seconds

    // A fired rule does not fire again (on the same topic) until it has cleared and this much
    // time has passed since it fired.
    int cooldownSeconds = 0;
    AlertAction action;

    // Whether the kind keeps a state per topic (Payload, RetainedChanged) rather than one.
    bool isPerTopic() const
    {
        return kind == AlertKind::Payload || kind == AlertKind::RetainedChanged;
    }
    // Whether the kind reads messages (all but ConnectionLost).
    bool needsMessages() const { return kind != AlertKind::ConnectionLost; }

    // The first problem that keeps the rule from working (an empty name or filter, a filter,
    // path or regular expression that does not parse, an unknown decoder, a text threshold with
    // an ordering operator, a negative duration, an action topic that is no topic name); the
    // error's field names the rule's field ("threshold", "action.topic"), line 0.
    std::optional<AlertRuleError> validate() const;

    friend bool operator==(const AlertRule &, const AlertRule &) = default;
};

} // namespace mqttdesk
