#include "core/payload/payload_renderer.h"

#include "core/payload/decoder_registry.h"

namespace mqttdesk {

RenderedPayload PayloadRenderer::render(QByteArrayView bytes, PayloadFormat format,
                                        const PayloadHint &hint)
{
    return renderLimited(bytes, format, -1, hint, HexDump::kBytesPerLine);
}

RenderedPayload PayloadRenderer::preview(QByteArrayView bytes, PayloadFormat format,
                                         qsizetype maxChars, const PayloadHint &hint,
                                         int hexBytesPerLine)
{
    return renderLimited(bytes, format, qMax<qsizetype>(0, maxChars), hint, hexBytesPerLine);
}

RenderedPayload PayloadRenderer::renderLimited(QByteArrayView bytes, PayloadFormat format,
                                               qsizetype maxChars, const PayloadHint &hint,
                                               int hexBytesPerLine)
{
    RenderOptions options;
    options.maxChars = maxChars;
    options.hint = hint;
    options.hexBytesPerLine = hexBytesPerLine;
    return DecoderRegistry::instance().render(bytes, payloadFormatKey(format), options);
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
