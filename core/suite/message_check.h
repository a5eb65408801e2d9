#pragma once

#include "core/connection/received_message.h"
#include "core/inspector/json_path_query.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonValue>
#include <QRegularExpression>
#include <QString>
#include <QStringView>

#include <optional>

namespace mqttdesk {

// One condition an expected message must meet (docs/test-suites.md, "Checks"): the payload
// as bytes or as JSON, a JSON path compared with a value, a regular expression or a
// substring of the payload, the QoS, the retain flag, a user property, the content type, the
// topic. Made by the suite parser, evaluated by the runner; pure and reentrant.
class MessageCheck
{
    Q_DECLARE_TR_FUNCTIONS(MessageCheck)

public:
    enum class Kind : quint8
    {
        Topic,           // the topic is exactly `text`
        Payload,         // the payload is exactly `bytes`
        PayloadJson,     // the payload is JSON equal to `value` (numbers by value, any spacing)
        JsonPath,        // the value at `query` compared by `op` with `value`
        PayloadMatches,  // the payload (as UTF-8) matches `regex` somewhere
        PayloadContains, // the payload holds the bytes of `text`
        Qos,             // the QoS is `number`
        Retain,          // the retain flag is `flag`
        UserProperty,    // a user property `name` with the value `text` (5.0)
        ContentType,     // the content type is `text` (5.0)
    };

    // JSON path operators. Ordering compares numbers by value (a string holding a number
    // counts, as devices often send "21.5") and strings by their characters.
    enum class Op : quint8
    {
        Equal,          // ==
        NotEqual,       // !=
        Less,           // <
        LessOrEqual,    // <=
        Greater,        // >
        GreaterOrEqual, // >=
        Exists,         // exists (no value)
        Absent,         // absent (no value)
        Matches,        // matches: a string (or number) the regular expression `value` finds
        Contains, // contains: a string holding `value`, or an array with an element == `value`
    };

    static MessageCheck topic(const QString &topic);
    static MessageCheck payload(const QByteArray &bytes);
    static MessageCheck payloadJson(const QJsonValue &value);
    // `value` is unused for Exists and Absent; for Matches it is the pattern, compiled here
    // (check patternError() before use).
    static MessageCheck jsonPath(const JsonPathQuery &query, Op op, const QJsonValue &value);
    static MessageCheck payloadMatches(const QString &pattern);
    static MessageCheck payloadContains(const QString &text);
    static MessageCheck qos(QoS qos);
    static MessageCheck retain(bool retain);
    static MessageCheck userProperty(const QString &name, const QString &value);
    static MessageCheck contentType(const QString &contentType);

    Kind kind() const { return m_kind; }
    Op op() const { return m_op; }
    // A pattern (PayloadMatches, JsonPath with Matches) that does not compile: why, with its
    // offset; empty otherwise.
    QString patternError() const;

    // Nothing when `message` passes; otherwise why not, translated and short, for a report:
    // "$.temp is 12, not > 20", "payload is \"off\", not \"on\"", "QoS is 0, not 1".
    std::optional<QString> mismatch(const ReceivedMessage &message) const;
    // What is checked, for a report: "$.temp > 20", "payload == \"on\"", "QoS == 1".
    QString describe() const;

    // "==", ">", "exists", ... and back; nothing for other texts.
    static QString opText(Op op);
    static std::optional<Op> opFromText(QStringView text);
    // Every operator's text, for an error that lists them.
    static QString opTexts();

    // A payload for a report on one line: quoted text (cut at `maxChars`, with "…"), or hex
    // for bytes that are not text ("0x00 01 ff (3 bytes)").
    static QString preview(QByteArrayView payload, int maxChars = 120);
    // A JSON value on one line (compact), cut at `maxChars`.
    static QString jsonText(const QJsonValue &value, int maxChars = 120);
    // Any JSON text (a bare number or string too) as a value; nothing when it is not JSON.
    static std::optional<QJsonValue> parseJson(QByteArrayView text);
    // JSON equality: numbers by value (1 == 1.0), objects by keys whatever their order.
    static bool jsonEquals(const QJsonValue &a, const QJsonValue &b);

private:
    std::optional<QString> jsonPathMismatch(QByteArrayView payload) const;
    std::optional<QString> compare(const QJsonValue &actual) const;

    Kind m_kind = Kind::Topic;
    Op m_op = Op::Equal;
    QString m_text;
    QString m_name;
    QByteArray m_bytes;
    QJsonValue m_value;
    int m_number = 0;
    bool m_flag = false;
    std::optional<JsonPathQuery> m_query;
    QRegularExpression m_regex;
};

} // namespace mqttdesk
