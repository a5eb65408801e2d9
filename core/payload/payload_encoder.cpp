#include "core/payload/payload_encoder.h"

#include "core/payload/json_validator.h"
#include "core/protocol/utf8_length.h"

namespace mqttdesk {

namespace {

// An error at character `index` of `text`, with its 1-based line and column.
PayloadError errorAt(PayloadErrorCode code, QStringView text, qsizetype index,
                     const QString &detail = QString())
{
    PayloadError error{code, index, 0, 0, detail};
    if (index < 0)
        return error;
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < index && i < text.size(); ++i) {
        if (text[i] == u'\n') {
            ++line;
            column = 1;
        } else if (!text[i].isLowSurrogate()) {
            ++column;
        }
    }
    error.line = line;
    error.column = column;
    return error;
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

bool isBase64Char(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') ||
           u == u'+' || u == u'/' || u == u'-' || u == u'_';
}

} // namespace

EncodedPayload PayloadEncoder::encode(QStringView text, PayloadFormat format)
{
    switch (format) {
    case PayloadFormat::Auto:
    case PayloadFormat::Text:
        return EncodedPayload{text.toUtf8(), std::nullopt};
    case PayloadFormat::Json:
        return encodeJson(text);
    case PayloadFormat::Hex:
        return encodeHex(text);
    case PayloadFormat::Base64:
        return encodeBase64(text);
    case PayloadFormat::Cbor:
    case PayloadFormat::MessagePack:
        break;
    }
    return EncodedPayload{QByteArray(),
                          PayloadError{PayloadErrorCode::UnsupportedEncoding, -1, 0, 0, {}}};
}

EncodedPayload PayloadEncoder::encodeJson(QStringView text)
{
    EncodedPayload out{text.toUtf8(), std::nullopt};
    if (auto error = JsonValidator::validate(out.bytes)) {
        const qsizetype index = error->offset < 0 ? -1 : utf16IndexAtUtf8Byte(text, error->offset);
        out.error = errorAt(PayloadErrorCode::InvalidJson, text, index, error->detail);
        out.bytes.clear();
    }
    return out;
}

EncodedPayload PayloadEncoder::encodeHex(QStringView text)
{
    EncodedPayload out;
    out.bytes.reserve(text.size() / 2);
    int high = -1;         // the first digit of a pair, waiting for its partner
    qsizetype highAt = -1; // where that digit was
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isSpace())
            continue;
        const int value = hexValue(c);
        if (value < 0) {
            out.error = errorAt(PayloadErrorCode::InvalidHexDigit, text, i);
            out.bytes.clear();
            return out;
        }
        if (high < 0) {
            high = value;
            highAt = i;
        } else {
            out.bytes.append(char((high << 4) | value));
            high = -1;
        }
    }
    if (high >= 0) {
        out.error = errorAt(PayloadErrorCode::OddHexDigits, text, highAt);
        out.bytes.clear();
    }
    return out;
}

EncodedPayload PayloadEncoder::encodeBase64(QStringView text)
{
    EncodedPayload out;
    QByteArray compact;
    compact.reserve(text.size());
    bool url = false;
    bool padding = false; // '=' seen: only more '=' may follow
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isSpace())
            continue;
        if (c == u'=') {
            padding = true;
        } else if (padding || !isBase64Char(c)) {
            out.error = errorAt(PayloadErrorCode::InvalidBase64, text, i);
            return out;
        }
        url = url || c == u'-' || c == u'_';
        compact.append(char(c.unicode()));
    }
    // One character alone in the last group cannot hold a byte; so does padding past a group.
    const qsizetype total = compact.size();
    const qsizetype data = compact.contains('=') ? compact.indexOf('=') : total;
    if (data % 4 == 1 || (total != data && total % 4 != 0) || total - data > 2) {
        out.error = PayloadError{PayloadErrorCode::InvalidBase64, -1, 0, 0, {}};
        return out;
    }
    auto decoded = QByteArray::fromBase64Encoding(
        compact, (url ? QByteArray::Base64UrlEncoding : QByteArray::Base64Encoding) |
                     QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok) {
        out.error = PayloadError{PayloadErrorCode::InvalidBase64, -1, 0, 0, {}};
        return out;
    }
    out.bytes = std::move(decoded.decoded);
    return out;
}

} // namespace mqttdesk
