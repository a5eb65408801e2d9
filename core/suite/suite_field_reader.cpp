#include "core/suite/suite_field_reader.h"

#include <cmath>

namespace mqttdesk {

SuiteFieldReader::SuiteFieldReader(QJsonObject object, QString prefix,
                                   const SuiteVariables *variables, SuiteParseError where,
                                   std::optional<SuiteParseError> *error)
    : m_object(std::move(object))
    , m_prefix(std::move(prefix))
    , m_variables(variables)
    , m_where(std::move(where))
    , m_error(error)
{}

bool SuiteFieldReader::has(const QString &key) const
{
    const QJsonValue v = m_object.value(key);
    return !v.isUndefined() && !v.isNull();
}

QString SuiteFieldReader::path(const QString &key) const
{
    if (m_prefix.isEmpty())
        return key;
    if (key.isEmpty())
        return m_prefix;
    if (key.startsWith(QLatin1Char('[')))
        return m_prefix + key;
    return m_prefix + QLatin1Char('.') + key;
}

void SuiteFieldReader::fail(SuiteParseError::Kind kind, const QString &key, const QString &detail)
{
    if (m_error->has_value())
        return;
    SuiteParseError e = m_where;
    e.kind = kind;
    e.field = path(key);
    e.detail = detail;
    *m_error = std::move(e);
}

QString SuiteFieldReader::typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return tr("true or false");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::String:
        return tr("a string");
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("nothing");
}

void SuiteFieldReader::wrongType(const QString &key, const QString &expected,
                                 const QJsonValue &value)
{
    fail(SuiteParseError::Kind::WrongType, key,
         tr("must be %1, not %2").arg(expected, typeName(value)));
}

std::optional<QJsonValue> SuiteFieldReader::value(const QString &key)
{
    m_read.insert(key);
    if (!ok() || !has(key))
        return std::nullopt;
    return m_object.value(key);
}

std::optional<QString> SuiteFieldReader::expand(const QString &text, const QString &key)
{
    if (!ok())
        return std::nullopt;
    QString why;
    std::optional<QString> expanded = m_variables->expand(text, &why);
    if (!expanded)
        fail(SuiteParseError::Kind::UnknownVariable, key, why);
    return expanded;
}

std::optional<QString> SuiteFieldReader::string(const QString &key)
{
    const std::optional<QJsonValue> v = value(key);
    if (!v)
        return std::nullopt;
    if (!v->isString()) {
        wrongType(key, tr("a string"), *v);
        return std::nullopt;
    }
    return expand(v->toString(), key);
}

QString SuiteFieldReader::requiredString(const QString &key, bool allowEmpty)
{
    m_read.insert(key);
    if (!ok())
        return {};
    if (!has(key)) {
        fail(SuiteParseError::Kind::MissingField, key, tr("is missing"));
        return {};
    }
    const std::optional<QString> text = string(key);
    if (text && text->isEmpty() && !allowEmpty) {
        fail(SuiteParseError::Kind::OutOfRange, key, tr("must not be empty"));
        return {};
    }
    return text.value_or(QString());
}

std::optional<qint64> SuiteFieldReader::integer(const QString &key, qint64 min, qint64 max)
{
    const std::optional<QJsonValue> v = value(key);
    if (!v)
        return std::nullopt;
    qint64 n = 0;
    QString shown;
    if (v->isDouble()) {
        const double d = v->toDouble();
        shown = QString::number(d, 'g', 17);
        if (std::floor(d) != d || d < double(min) || d > double(max)) {
            fail(SuiteParseError::Kind::OutOfRange, key,
                 tr("must be a whole number from %1 to %2, not %3").arg(min).arg(max).arg(shown));
            return std::nullopt;
        }
        n = qint64(d);
    } else if (v->isString()) {
        const std::optional<QString> text = expand(v->toString(), key);
        if (!text)
            return std::nullopt;
        bool ok = false;
        n = text->trimmed().toLongLong(&ok);
        if (!ok || n < min || n > max) {
            fail(ok ? SuiteParseError::Kind::OutOfRange : SuiteParseError::Kind::WrongType, key,
                 tr("must be a whole number from %1 to %2, not \"%3\"")
                     .arg(min)
                     .arg(max)
                     .arg(*text));
            return std::nullopt;
        }
    } else {
        wrongType(key, tr("a number"), *v);
        return std::nullopt;
    }
    return n;
}

std::optional<bool> SuiteFieldReader::boolean(const QString &key)
{
    const std::optional<QJsonValue> v = value(key);
    if (!v)
        return std::nullopt;
    if (v->isBool())
        return v->toBool();
    if (v->isString()) {
        const std::optional<QString> text = expand(v->toString(), key);
        if (!text)
            return std::nullopt;
        if (*text == QLatin1String("true"))
            return true;
        if (*text == QLatin1String("false"))
            return false;
        fail(SuiteParseError::Kind::WrongType, key,
             tr("must be true or false, not \"%1\"").arg(*text));
        return std::nullopt;
    }
    wrongType(key, tr("true or false"), *v);
    return std::nullopt;
}

std::optional<QJsonObject> SuiteFieldReader::objectField(const QString &key)
{
    const std::optional<QJsonValue> v = value(key);
    if (!v)
        return std::nullopt;
    if (!v->isObject()) {
        wrongType(key, tr("an object"), *v);
        return std::nullopt;
    }
    return v->toObject();
}

std::optional<QJsonArray> SuiteFieldReader::array(const QString &key)
{
    const std::optional<QJsonValue> v = value(key);
    if (!v)
        return std::nullopt;
    if (!v->isArray()) {
        wrongType(key, tr("an array"), *v);
        return std::nullopt;
    }
    return v->toArray();
}

SuiteFieldReader SuiteFieldReader::nested(const QJsonObject &object, const QString &subPath) const
{
    return SuiteFieldReader(object, path(subPath), m_variables, m_where, m_error);
}

std::optional<QJsonValue> SuiteFieldReader::expandJson(const QJsonValue &value, const QString &key)
{
    if (!ok())
        return std::nullopt;
    if (value.isString()) {
        const std::optional<QString> text = expand(value.toString(), key);
        if (!text)
            return std::nullopt;
        return QJsonValue(*text);
    }
    if (value.isArray()) {
        QJsonArray out;
        const QJsonArray in = value.toArray();
        for (qsizetype i = 0; i < in.size(); ++i) {
            const std::optional<QJsonValue> element =
                expandJson(in.at(i), key + QStringLiteral("[%1]").arg(i));
            if (!element)
                return std::nullopt;
            out.append(*element);
        }
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.constBegin(); it != in.constEnd(); ++it) {
            const QString where = key + QLatin1Char('.') + it.key();
            const std::optional<QString> name = expand(it.key(), where);
            const std::optional<QJsonValue> member =
                name ? expandJson(it.value(), where) : std::nullopt;
            if (!member)
                return std::nullopt;
            out.insert(*name, *member);
        }
        return out;
    }
    return value;
}

void SuiteFieldReader::finish()
{
    if (!ok())
        return;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (m_read.contains(it.key()))
            continue;
        QStringList known(m_read.begin(), m_read.end());
        known.sort();
        fail(SuiteParseError::Kind::UnknownField, it.key(),
             tr("is not a field here (known: %1)").arg(known.join(QStringLiteral(", "))));
        return;
    }
}

} // namespace mqttdesk
