#include "core/payload/payload_detector.h"

#include "core/payload/cbor_reader.h"
#include "core/payload/message_pack_reader.h"
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

// The content type without parameters, lower-cased: "Application/JSON; charset=utf-8" ->
// "application/json".
QString mediaType(const QString &contentType)
{
    const qsizetype semicolon = contentType.indexOf(u';');
    return (semicolon < 0 ? contentType : contentType.first(semicolon)).trimmed().toLower();
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
    if (bytes.size() > FullJsonCheckLimit) {
        // Too big to parse just to pick a format: the shape and a UTF-8 prefix will do.
        return Utf8Scan::scan(bytes, TextPrefix).isValid();
    }
    QJsonParseError error;
    QJsonDocument::fromJson(QByteArray::fromRawData(bytes.data(), bytes.size()), &error);
    return error.error == QJsonParseError::NoError;
}

PayloadFormat PayloadDetector::detect(QByteArrayView bytes, const PayloadHint &hint)
{
    if (bytes.isEmpty())
        return PayloadFormat::Text;

    // A content type is a claim; use it when the bytes bear it out.
    const QString type = mediaType(hint.contentType);
    if (!type.isEmpty()) {
        if (type == u"application/json" || type == u"text/json" || type.endsWith(u"+json")) {
            if (looksLikeJson(bytes))
                return PayloadFormat::Json;
        } else if (type == u"application/cbor" || type.endsWith(u"+cbor")) {
            if (bytes.size() <= BinaryCheckLimit && CborReader::isWellFormed(bytes))
                return PayloadFormat::Cbor;
        } else if (type == u"application/msgpack" || type == u"application/x-msgpack" ||
                   type == u"application/vnd.msgpack") {
            if (bytes.size() <= BinaryCheckLimit && MessagePackReader::isWellFormed(bytes))
                return PayloadFormat::MessagePack;
        }
    }

    if (looksLikeJson(bytes))
        return PayloadFormat::Json;

    const Utf8Scan text = Utf8Scan::scan(bytes, TextPrefix);
    // Payload Format Indicator 1 or a text/* type: any valid UTF-8 is text.
    const bool declaredText = hint.utf8Declared.value_or(false) || type.startsWith(u"text/");
    if (declaredText ? (text.isValid() && !text.hasNul()) : text.isPrintableText())
        return PayloadFormat::Text;

    if (bytes.size() <= BinaryCheckLimit && bytes.size() >= 2) {
        if (CborReader::isWellFormed(bytes, true))
            return PayloadFormat::Cbor;
        if (MessagePackReader::isWellFormed(bytes, true))
            return PayloadFormat::MessagePack;
    }
    return PayloadFormat::Hex;
}

} // namespace mqttdesk
