#include "core/payload/text_decoder.h"

#include "core/payload/payload_detector.h"
#include "core/payload/payload_renderer.h"
#include "core/payload/utf8_scan.h"

#include <QCoreApplication>

namespace mqttdesk {

QString TextDecoder::id() const
{
    return QStringLiteral("text");
}

QString TextDecoder::name() const
{
    return QCoreApplication::translate("PayloadFormat", "Text");
}

int TextDecoder::detect(QByteArrayView bytes, const PayloadHint &hint) const
{
    if (bytes.isEmpty())
        return kConfidence;
    const Utf8Scan text = Utf8Scan::scan(bytes, PayloadDetector::kTextPrefix);
    const bool declared =
        hint.utf8Declared.value_or(false) || PayloadDetector::mediaType(hint).startsWith(u"text/");
    const bool isText = declared ? text.isValid() && !text.hasNul() : text.isPrintableText();
    return isText ? kConfidence : kNoMatch;
}

RenderedPayload TextDecoder::render(QByteArrayView bytes, const RenderOptions &options) const
{
    return renderText(bytes, options.maxChars);
}

RenderedPayload TextDecoder::renderText(QByteArrayView bytes, qsizetype maxChars)
{
    RenderedPayload out;
    out.decoder = QStringLiteral("text");
    // One byte gives at most one character, so maxChars bytes give at most maxChars chars.
    const qsizetype take = maxChars < 0 ? bytes.size() : Utf8Scan::boundaryBefore(bytes, maxChars);
    out.text = PayloadRenderer::visibleText(QString::fromUtf8(bytes.first(take)));
    out.truncated = take < bytes.size();
    return out;
}

} // namespace mqttdesk
