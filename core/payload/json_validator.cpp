#include "core/payload/json_validator.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace mqttdesk {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

PayloadError invalid(qsizetype offset, const QString &detail)
{
    return PayloadError{PayloadErrorCode::InvalidJson, offset, 0, 0, detail};
}

} // namespace

std::optional<PayloadError> JsonValidator::validate(QByteArrayView json)
{
    qsizetype first = 0;
    while (first < json.size() && isSpace(json[first]))
        ++first;
    if (first == json.size())
        return invalid(json.size(),
                       QCoreApplication::translate("PayloadError", "there is no value"));

    QJsonParseError error;
    if (json[first] == '{' || json[first] == '[') {
        QJsonDocument::fromJson(QByteArray::fromRawData(json.data(), json.size()), &error);
        if (error.error != QJsonParseError::NoError)
            return invalid(qMin(qsizetype(error.offset), json.size()), error.errorString());
        return std::nullopt;
    }

    // A scalar: QJsonDocument only takes objects and arrays, so parse it as "[value]".
    QByteArray wrapped;
    wrapped.reserve(json.size() + 2);
    wrapped.append('[').append(json.data(), json.size()).append(']');
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError) {
        const qsizetype offset = qBound(qsizetype(0), qsizetype(error.offset) - 1, json.size());
        return invalid(offset, error.errorString());
    }
    if (document.array().size() != 1) {
        return invalid(-1, QCoreApplication::translate("PayloadError",
                                                       "there is more than one value; wrap them in "
                                                       "an array"));
    }
    return std::nullopt;
}

} // namespace mqttdesk
