#include "core/profile/json_field_reader.h"

#include <cmath>

#include <QCoreApplication>

namespace mqttdesk {

JsonFieldReader::JsonFieldReader(QJsonObject object, QString path, ProfileFormatError *error)
    : m_object(std::move(object))
    , m_path(std::move(path))
    , m_error(error)
{}

QString JsonFieldReader::pathOf(const QString &key) const
{
    if (m_path.isEmpty())
        return key;
    if (key.startsWith(QLatin1Char('[')))
        return m_path + key;
    return m_path + QLatin1Char('.') + key;
}

void JsonFieldReader::fail(ProfileFormatError::Kind kind, const QString &key, const QString &detail)
{
    if (ok())
        *m_error = ProfileFormatError(kind, pathOf(key), detail);
}

void JsonFieldReader::require(const QString &key)
{
    if (!m_object.contains(key) || m_object.value(key).isNull())
        fail(ProfileFormatError::Kind::Missing, key);
}

QString JsonFieldReader::string(const QString &key, const QString &fallback)
{
    const QJsonValue value = m_object.value(key);
    if (!ok() || value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isString()) {
        fail(ProfileFormatError::Kind::WrongType, key,
             QCoreApplication::translate("mqttdesk::JsonFieldReader", "a string"));
        return fallback;
    }
    return value.toString();
}

bool JsonFieldReader::boolean(const QString &key, bool fallback)
{
    const QJsonValue value = m_object.value(key);
    if (!ok() || value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isBool()) {
        fail(ProfileFormatError::Kind::WrongType, key,
             QCoreApplication::translate("mqttdesk::JsonFieldReader", "true or false"));
        return fallback;
    }
    return value.toBool();
}

std::optional<qint64> JsonFieldReader::optionalInteger(const QString &key, qint64 min, qint64 max)
{
    const QJsonValue value = m_object.value(key);
    if (!ok() || value.isUndefined() || value.isNull())
        return std::nullopt;
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || std::isnan(number) || number != std::floor(number)) {
        fail(ProfileFormatError::Kind::WrongType, key,
             QCoreApplication::translate("mqttdesk::JsonFieldReader", "an integer"));
        return std::nullopt;
    }
    if (number < static_cast<double>(min) || number > static_cast<double>(max)) {
        fail(ProfileFormatError::Kind::OutOfRange, key,
             QCoreApplication::translate("mqttdesk::JsonFieldReader", "%1 is not within %2..%3")
                 .arg(number, 0, 'f', 0)
                 .arg(min)
                 .arg(max));
        return std::nullopt;
    }
    return static_cast<qint64>(number);
}

qint64 JsonFieldReader::integer(const QString &key, qint64 min, qint64 max, qint64 fallback)
{
    return optionalInteger(key, min, max).value_or(fallback);
}

QByteArray JsonFieldReader::base64(const QString &key)
{
    const QString text = string(key);
    if (!ok() || text.isEmpty())
        return {};
    auto result =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!result) {
        fail(ProfileFormatError::Kind::BadEncoding, key,
             QCoreApplication::translate("mqttdesk::JsonFieldReader", "Base64"));
        return {};
    }
    return *result;
}

QJsonArray JsonFieldReader::array(const QString &key)
{
    const QJsonValue value = m_object.value(key);
    if (!ok() || value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray()) {
        fail(ProfileFormatError::Kind::WrongType, key,
             QCoreApplication::translate("mqttdesk::JsonFieldReader", "a list"));
        return {};
    }
    return value.toArray();
}

QStringList JsonFieldReader::stringList(const QString &key)
{
    const QJsonArray items = array(key);
    QStringList result;
    for (qsizetype i = 0; i < items.size() && ok(); ++i) {
        if (!items.at(i).isString()) {
            fail(ProfileFormatError::Kind::WrongType, key + QStringLiteral("[%1]").arg(i),
                 QCoreApplication::translate("mqttdesk::JsonFieldReader", "a string"));
            return {};
        }
        result << items.at(i).toString();
    }
    return result;
}

JsonFieldReader JsonFieldReader::object(const QString &key)
{
    const QJsonValue value = m_object.value(key);
    if (ok() && !value.isUndefined() && !value.isNull() && !value.isObject())
        fail(ProfileFormatError::Kind::WrongType, key,
             QCoreApplication::translate("mqttdesk::JsonFieldReader", "an object"));
    return JsonFieldReader(value.toObject(), pathOf(key), m_error);
}

JsonFieldReader JsonFieldReader::element(const QString &key, const QJsonArray &array,
                                         qsizetype index)
{
    const QString name = key + QStringLiteral("[%1]").arg(index);
    const QJsonValue value = array.at(index);
    if (ok() && !value.isObject())
        fail(ProfileFormatError::Kind::WrongType, name,
             QCoreApplication::translate("mqttdesk::JsonFieldReader", "an object"));
    return JsonFieldReader(value.toObject(), pathOf(name), m_error);
}

} // namespace mqttdesk
