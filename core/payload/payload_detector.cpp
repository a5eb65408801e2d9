#include "core/payload/payload_detector.h"

#include "core/payload/decoder_registry.h"
#include "core/payload/utf8_scan.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace mqttdesk {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

} // namespace

bool PayloadDetector::looksLikeJson(QByteArrayView bytes)
{
    qsizetype first = 0;
    while (first < bytes.size() && isSpace(bytes[first]))
        ++first;
    qsizetype last = bytes.size() - 1;
    while (last > first && isSpace(bytes[last]))
        --last;
    if (first >= bytes.size() || last <= first)
        return false;
    const char open = bytes[first];
    const char close = bytes[last];
    if (!((open == '{' && close == '}') || (open == '[' && close == ']')))
        return false;
    if (bytes.size() > kFullJsonCheckLimit) {
        // Too big to parse just to pick a format: the shape and a UTF-8 prefix will do.
        return Utf8Scan::scan(bytes, kTextPrefix).isValid();
    }
    QJsonParseError error;
    QJsonDocument::fromJson(QByteArray::fromRawData(bytes.data(), bytes.size()), &error);
    return error.error == QJsonParseError::NoError;
}

QString PayloadDetector::mediaType(const PayloadHint &hint)
{
    const QString &type = hint.contentType;
    const qsizetype semicolon = type.indexOf(u';');
    return (semicolon < 0 ? type : type.first(semicolon)).trimmed().toLower();
}

PayloadFormat PayloadDetector::detect(QByteArrayView bytes, const PayloadHint &hint)
{
    const PayloadDecoder *picked = DecoderRegistry::instance().detect(bytes, hint);
    if (!picked)
        return PayloadFormat::Hex;
    return payloadFormatFromKey(picked->id()).value_or(PayloadFormat::Hex);
}

} // namespace mqttdesk
