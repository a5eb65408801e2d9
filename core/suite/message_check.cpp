#include "core/suite/message_check.h"

#include "core/payload/utf8_scan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace mqttdesk {

namespace {

struct OpName
{
    MessageCheck::Op op;
    const char *text;
};

constexpr OpName kOps[] = {
    {MessageCheck::Op::Equal, "=="},        {MessageCheck::Op::NotEqual, "!="},
    {MessageCheck::Op::Less, "<"},          {MessageCheck::Op::LessOrEqual, "<="},
    {MessageCheck::Op::Greater, ">"},       {MessageCheck::Op::GreaterOrEqual, ">="},
    {MessageCheck::Op::Exists, "exists"},   {MessageCheck::Op::Absent, "absent"},
    {MessageCheck::Op::Matches, "matches"}, {MessageCheck::Op::Contains, "contains"},
};

// A number, or a string holding one ("21.5", as devices send them); nothing otherwise.
std::optional<double> numberOf(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double n = value.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(n))
            return n;
    }
    return std::nullopt;
}

// The JSON text of a value the path matched, as a QJsonValue (JsonPathQuery gives raw text).
QJsonValue parseRaw(QByteArrayView raw)
{
    QByteArray wrapped;
    wrapped.reserve(raw.size() + 2);
    wrapped.append('[').append(raw.data(), raw.size()).append(']');
    const QJsonDocument document = QJsonDocument::fromJson(wrapped);
    return document.isArray() ? document.array().at(0) : QJsonValue(QJsonValue::Undefined);
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

} // namespace

MessageCheck MessageCheck::topic(const QString &topic)
{
    MessageCheck c;
    c.m_kind = Kind::Topic;
    c.m_text = topic;
    return c;
}

MessageCheck MessageCheck::payload(const QByteArray &bytes)
{
    MessageCheck c;
    c.m_kind = Kind::Payload;
    c.m_bytes = bytes;
    return c;
}

MessageCheck MessageCheck::payloadJson(const QJsonValue &value)
{
    MessageCheck c;
    c.m_kind = Kind::PayloadJson;
    c.m_value = value;
    return c;
}

MessageCheck MessageCheck::jsonPath(const JsonPathQuery &query, Op op, const QJsonValue &value)
{
    MessageCheck c;
    c.m_kind = Kind::JsonPath;
    c.m_query = query;
    c.m_op = op;
    c.m_value = value;
    if (op == Op::Matches)
        c.m_regex = QRegularExpression(value.toString());
    return c;
}

MessageCheck MessageCheck::payloadMatches(const QString &pattern)
{
    MessageCheck c;
    c.m_kind = Kind::PayloadMatches;
    c.m_text = pattern;
    c.m_regex = QRegularExpression(pattern);
    return c;
}

MessageCheck MessageCheck::payloadContains(const QString &text)
{
    MessageCheck c;
    c.m_kind = Kind::PayloadContains;
    c.m_text = text;
    c.m_bytes = text.toUtf8();
    return c;
}

MessageCheck MessageCheck::qos(QoS qos)
{
    MessageCheck c;
    c.m_kind = Kind::Qos;
    c.m_number = int(qos);
    return c;
}

MessageCheck MessageCheck::retain(bool retain)
{
    MessageCheck c;
    c.m_kind = Kind::Retain;
    c.m_flag = retain;
    return c;
}

MessageCheck MessageCheck::userProperty(const QString &name, const QString &value)
{
    MessageCheck c;
    c.m_kind = Kind::UserProperty;
    c.m_name = name;
    c.m_text = value;
    return c;
}

MessageCheck MessageCheck::contentType(const QString &contentType)
{
    MessageCheck c;
    c.m_kind = Kind::ContentType;
    c.m_text = contentType;
    return c;
}

QString MessageCheck::patternError() const
{
    const bool usesRegex =
        m_kind == Kind::PayloadMatches || (m_kind == Kind::JsonPath && m_op == Op::Matches);
    if (!usesRegex || m_regex.isValid())
        return {};
    return tr("%1 (at character %2)")
        .arg(m_regex.errorString())
        .arg(m_regex.patternErrorOffset() + 1);
}

std::optional<QString> MessageCheck::mismatch(const ReceivedMessage &received) const
{
    const PublishPacket &m = received.message;
    switch (m_kind) {
    case Kind::Topic:
        if (m.topic == m_text)
            return std::nullopt;
        return tr("topic is %1, not %2").arg(m.topic, m_text);
    case Kind::Payload:
        if (m.payload == m_bytes)
            return std::nullopt;
        return tr("payload is %1, not %2").arg(preview(m.payload), preview(m_bytes));
    case Kind::PayloadJson: {
        const std::optional<QJsonValue> actual = parseJson(m.payload);
        if (!actual)
            return tr("payload is not JSON: %1").arg(preview(m.payload));
        if (jsonEquals(*actual, m_value))
            return std::nullopt;
        return tr("payload is %1, not %2").arg(jsonText(*actual), jsonText(m_value));
    }
    case Kind::JsonPath:
        return jsonPathMismatch(m.payload);
    case Kind::PayloadMatches:
        if (m_regex.match(QString::fromUtf8(m.payload)).hasMatch())
            return std::nullopt;
        return tr("payload %1 does not match /%2/").arg(preview(m.payload), m_text);
    case Kind::PayloadContains:
        if (m.payload.contains(m_bytes))
            return std::nullopt;
        return tr("payload %1 does not contain %2").arg(preview(m.payload), quoted(m_text));
    case Kind::Qos:
        if (int(m.qos) == m_number)
            return std::nullopt;
        return tr("QoS is %1, not %2").arg(int(m.qos)).arg(m_number);
    case Kind::Retain:
        if (m.retain == m_flag)
            return std::nullopt;
        return m.retain ? tr("retain is set, expected not set") : tr("retain is not set");
    case Kind::UserProperty: {
        QStringList values;
        for (const StringPair &p : m.properties.userProperties()) {
            if (p.name != m_name)
                continue;
            if (p.value == m_text)
                return std::nullopt;
            values.append(quoted(p.value));
        }
        if (values.isEmpty())
            return tr("no user property %1").arg(quoted(m_name));
        return tr("user property %1 is %2, not %3")
            .arg(quoted(m_name), values.join(QStringLiteral(", ")), quoted(m_text));
    }
    case Kind::ContentType: {
        const std::optional<QString> type = m.properties.contentType();
        if (type && *type == m_text)
            return std::nullopt;
        if (!type)
            return tr("no content type");
        return tr("content type is %1, not %2").arg(quoted(*type), quoted(m_text));
    }
    }
    return std::nullopt;
}

std::optional<QString> MessageCheck::jsonPathMismatch(QByteArrayView payload) const
{
    const QString path = m_query->toString();
    bool isJson = true;
    const std::optional<JsonPathQuery::Match> match = m_query->evaluate(payload, &isJson);
    if (!isJson)
        return tr("payload is not JSON: %1").arg(preview(payload));
    if (!match) {
        if (m_op == Op::Absent)
            return std::nullopt;
        return tr("%1 is missing").arg(path);
    }
    const QJsonValue actual = parseRaw(match->raw);
    if (m_op == Op::Exists)
        return std::nullopt;
    if (m_op == Op::Absent)
        return tr("%1 is there (%2), expected absent").arg(path, jsonText(actual));
    if (const std::optional<QString> why = compare(actual))
        return tr("%1 is %2").arg(path, *why);
    return std::nullopt;
}

// Why `actual` fails the operator: "12, not > 20"; nothing when it passes.
std::optional<QString> MessageCheck::compare(const QJsonValue &actual) const
{
    const QString shown = jsonText(actual);
    const QString wanted = opText(m_op) + QLatin1Char(' ') + jsonText(m_value);
    switch (m_op) {
    case Op::Equal:
    case Op::NotEqual: {
        const bool equal = jsonEquals(actual, m_value);
        if (equal == (m_op == Op::Equal))
            return std::nullopt;
        return tr("%1, not %2").arg(shown, wanted);
    }
    case Op::Less:
    case Op::LessOrEqual:
    case Op::Greater:
    case Op::GreaterOrEqual: {
        int order = 0;
        const std::optional<double> a = numberOf(actual);
        const std::optional<double> b = numberOf(m_value);
        if (m_value.isDouble() && a) {
            order = *a < *b ? -1 : (*a > *b ? 1 : 0);
        } else if (m_value.isString() && actual.isString()) {
            order = actual.toString().compare(m_value.toString());
        } else {
            return tr("%1, which cannot be compared with %2").arg(shown, jsonText(m_value));
        }
        const bool pass =
            (m_op == Op::Less && order < 0) || (m_op == Op::LessOrEqual && order <= 0) ||
            (m_op == Op::Greater && order > 0) || (m_op == Op::GreaterOrEqual && order >= 0);
        if (pass)
            return std::nullopt;
        return tr("%1, not %2").arg(shown, wanted);
    }
    case Op::Matches: {
        QString text;
        if (actual.isString())
            text = actual.toString();
        else if (actual.isDouble())
            text = jsonText(actual);
        else
            return tr("%1, not a string to match /%2/").arg(shown, m_value.toString());
        if (m_regex.match(text).hasMatch())
            return std::nullopt;
        return tr("%1, which does not match /%2/").arg(shown, m_value.toString());
    }
    case Op::Contains: {
        if (actual.isString() && m_value.isString()) {
            if (actual.toString().contains(m_value.toString()))
                return std::nullopt;
        } else if (actual.isArray()) {
            const QJsonArray array = actual.toArray();
            for (const QJsonValue &element : array) {
                if (jsonEquals(element, m_value))
                    return std::nullopt;
            }
        } else {
            return tr("%1, neither a string nor an array to look for %2 in")
                .arg(shown, jsonText(m_value));
        }
        return tr("%1, which does not contain %2").arg(shown, jsonText(m_value));
    }
    case Op::Exists:
    case Op::Absent:
        break;
    }
    return std::nullopt;
}

QString MessageCheck::describe() const
{
    switch (m_kind) {
    case Kind::Topic:
        return tr("topic == %1").arg(m_text);
    case Kind::Payload:
        return tr("payload == %1").arg(preview(m_bytes));
    case Kind::PayloadJson:
        return tr("payload == %1 (as JSON)").arg(jsonText(m_value));
    case Kind::JsonPath:
        if (m_op == Op::Exists || m_op == Op::Absent)
            return m_query->toString() + QLatin1Char(' ') + opText(m_op);
        if (m_op == Op::Matches)
            return m_query->toString() + QStringLiteral(" matches /") + m_value.toString() +
                   QLatin1Char('/');
        return m_query->toString() + QLatin1Char(' ') + opText(m_op) + QLatin1Char(' ') +
               jsonText(m_value);
    case Kind::PayloadMatches:
        return tr("payload matches /%1/").arg(m_text);
    case Kind::PayloadContains:
        return tr("payload contains %1").arg(quoted(m_text));
    case Kind::Qos:
        return tr("QoS == %1").arg(m_number);
    case Kind::Retain:
        return m_flag ? tr("retain set") : tr("retain not set");
    case Kind::UserProperty:
        return tr("user property %1 == %2").arg(quoted(m_name), quoted(m_text));
    case Kind::ContentType:
        return tr("content type == %1").arg(quoted(m_text));
    }
    return {};
}

QString MessageCheck::opText(Op op)
{
    for (const OpName &o : kOps) {
        if (o.op == op)
            return QLatin1String(o.text);
    }
    return {};
}

std::optional<MessageCheck::Op> MessageCheck::opFromText(QStringView text)
{
    for (const OpName &o : kOps) {
        if (text == QLatin1String(o.text))
            return o.op;
    }
    return std::nullopt;
}

QString MessageCheck::opTexts()
{
    QStringList all;
    for (const OpName &o : kOps)
        all.append(QLatin1String(o.text));
    return all.join(QStringLiteral(", "));
}

QString MessageCheck::preview(QByteArrayView payload, int maxChars)
{
    if (payload.isEmpty())
        return tr("(empty)");
    const Utf8Scan scan = Utf8Scan::scan(payload, qsizetype(maxChars) * 4);
    if (scan.isPrintableText()) {
        const qsizetype cut = Utf8Scan::boundaryBefore(payload, qsizetype(maxChars) * 4);
        QString text = QString::fromUtf8(payload.first(qMin(cut, payload.size())));
        bool more = cut < payload.size();
        if (text.size() > maxChars) {
            text.truncate(maxChars);
            more = true;
        }
        text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        text.replace(QLatin1Char('\n'), QLatin1String("\\n"));
        text.replace(QLatin1Char('\r'), QLatin1String("\\r"));
        text.replace(QLatin1Char('\t'), QLatin1String("\\t"));
        return quoted(text + (more ? QStringLiteral("…") : QString()));
    }
    constexpr qsizetype kHexBytes = 16;
    const QByteArray hex = payload.first(qMin(kHexBytes, payload.size())).toByteArray().toHex(' ');
    const QString more = payload.size() > kHexBytes ? QStringLiteral("…") : QString();
    if (payload.size() == 1)
        return tr("0x%1 (1 byte)").arg(QString::fromLatin1(hex));
    return tr("0x%1%2 (%3 bytes)").arg(QString::fromLatin1(hex), more).arg(payload.size());
}

QString MessageCheck::jsonText(const QJsonValue &value, int maxChars)
{
    if (value.isUndefined())
        return tr("(nothing)");
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    QString text = QString::fromUtf8(json.mid(1, json.size() - 2));
    if (text.size() > maxChars) {
        text.truncate(maxChars);
        text += QStringLiteral("…");
    }
    return text;
}

std::optional<QJsonValue> MessageCheck::parseJson(QByteArrayView text)
{
    // JsonPathQuery's "$" checks the whole text as strictly as the path checks do.
    static const std::optional<JsonPathQuery> root = JsonPathQuery::parse(u"$");
    const std::optional<JsonPathQuery::Match> match = root->evaluate(text);
    if (!match)
        return std::nullopt;
    const QJsonValue value = parseRaw(match->raw);
    if (value.isUndefined())
        return std::nullopt;
    return value;
}

bool MessageCheck::jsonEquals(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.type() != b.type())
        return false;
    if (a.isArray()) {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!jsonEquals(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    if (a.isObject()) {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.size() != y.size())
            return false;
        for (auto it = x.constBegin(); it != x.constEnd(); ++it) {
            if (!y.contains(it.key()) || !jsonEquals(it.value(), y.value(it.key())))
                return false;
        }
        return true;
    }
    return a == b;
}

} // namespace mqttdesk
