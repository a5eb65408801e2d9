#include "core/payload/payload_renderer.h"

#include "core/payload/cbor_reader.h"
#include "core/payload/hex_dump.h"
#include "core/payload/json_pretty_printer.h"
#include "core/payload/json_validator.h"
#include "core/payload/message_pack_reader.h"
#include "core/payload/payload_detector.h"
#include "core/payload/utf8_scan.h"

#include <QByteArray>

namespace mqttdesk {

namespace {

RenderedPayload renderText(QByteArrayView bytes, qsizetype maxChars)
{
    RenderedPayload out;
    out.format = PayloadFormat::Text;
    // One byte gives at most one character, so maxChars bytes give at most maxChars chars.
    const qsizetype take = maxChars < 0 ? bytes.size() : Utf8Scan::boundaryBefore(bytes, maxChars);
    out.text = PayloadRenderer::visibleText(QString::fromUtf8(bytes.first(take)));
    out.truncated = take < bytes.size();
    return out;
}

RenderedPayload renderHex(QByteArrayView bytes, qsizetype maxChars)
{
    RenderedPayload out;
    out.format = PayloadFormat::Hex;
    const qsizetype take =
        maxChars < 0 ? bytes.size()
                     : qMax<qsizetype>(HexDump::BytesPerLine,
                                       maxChars / HexDump::LineLength * HexDump::BytesPerLine);
    out.text = HexDump::render(bytes, take);
    out.truncated = take < bytes.size();
    return out;
}

RenderedPayload renderBase64(QByteArrayView bytes, qsizetype maxChars)
{
    RenderedPayload out;
    out.format = PayloadFormat::Base64;
    // Whole groups of 3 bytes, so the shown prefix is valid Base64 of the first bytes.
    const qsizetype take =
        maxChars < 0 ? bytes.size() : qMin(bytes.size(), qMax<qsizetype>(3, maxChars / 4 * 3));
    out.text = QString::fromLatin1(bytes.first(take).toByteArray().toBase64());
    out.truncated = take < bytes.size();
    return out;
}

// The requested format cannot show the bytes: show them as text or hex and say why.
RenderedPayload fallback(QByteArrayView bytes, qsizetype maxChars, const PayloadError &error)
{
    const bool text = Utf8Scan::scan(bytes, PayloadDetector::TextPrefix).isPrintableText();
    RenderedPayload out = text ? renderText(bytes, maxChars) : renderHex(bytes, maxChars);
    out.error = error;
    return out;
}

RenderedPayload renderJson(QByteArrayView bytes, qsizetype maxChars)
{
    if (maxChars < 0 || bytes.size() <= PayloadRenderer::PreviewJsonValidationLimit) {
        if (const auto error = JsonValidator::validate(bytes))
            return fallback(bytes, maxChars, *error);
    }
    RenderedPayload out;
    out.format = PayloadFormat::Json;
    out.text = JsonPrettyPrinter::indent(bytes, maxChars, &out.truncated);
    out.spans = JsonHighlighter::spans(out.text);
    return out;
}

RenderedPayload renderDecoded(QByteArrayView bytes, qsizetype maxChars, PayloadFormat format)
{
    const DecodedJson decoded = format == PayloadFormat::Cbor
                                    ? CborReader::toJson(bytes, maxChars)
                                    : MessagePackReader::toJson(bytes, maxChars);
    if (decoded.error)
        return fallback(bytes, maxChars, *decoded.error);
    RenderedPayload out;
    out.format = format;
    out.text = decoded.json;
    out.truncated = decoded.truncated;
    out.spans = JsonHighlighter::spans(out.text);
    return out;
}

} // namespace

RenderedPayload PayloadRenderer::render(QByteArrayView bytes, PayloadFormat format,
                                        const PayloadHint &hint)
{
    return renderLimited(bytes, format, -1, hint);
}

RenderedPayload PayloadRenderer::preview(QByteArrayView bytes, PayloadFormat format,
                                         qsizetype maxChars, const PayloadHint &hint)
{
    return renderLimited(bytes, format, qMax<qsizetype>(0, maxChars), hint);
}

RenderedPayload PayloadRenderer::renderLimited(QByteArrayView bytes, PayloadFormat format,
                                               qsizetype maxChars, const PayloadHint &hint)
{
    if (format == PayloadFormat::Auto)
        format = PayloadDetector::detect(bytes, hint);
    switch (format) {
    case PayloadFormat::Auto:
    case PayloadFormat::Text:
        return renderText(bytes, maxChars);
    case PayloadFormat::Json:
        return renderJson(bytes, maxChars);
    case PayloadFormat::Hex:
        return renderHex(bytes, maxChars);
    case PayloadFormat::Base64:
        return renderBase64(bytes, maxChars);
    case PayloadFormat::Cbor:
    case PayloadFormat::MessagePack:
        return renderDecoded(bytes, maxChars, format);
    }
    return renderText(bytes, maxChars);
}

QString PayloadRenderer::visibleText(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c == u'\n' || c == u'\t' || c >= 0x20) {
            out.append(c == 0x7f ? QChar(0x2421) : QChar(c)); // DEL -> U+2421
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            continue; // "\r\n" shows as a plain line break
        } else {
            out.append(QChar(char16_t(0x2400 + c))); // U+2400 SYMBOL FOR NULL, ...
        }
    }
    return out;
}

} // namespace mqttdesk
