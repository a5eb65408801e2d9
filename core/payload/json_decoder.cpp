#include "core/payload/json_decoder.h"

#include "core/payload/json_pretty_printer.h"
#include "core/payload/json_validator.h"
#include "core/payload/payload_detector.h"
#include "core/payload/payload_renderer.h"

#include <QCoreApplication>

namespace mqttdesk {

QString JsonDecoder::id() const
{
    return QStringLiteral("json");
}

QString JsonDecoder::name() const
{
    return QCoreApplication::translate("PayloadFormat", "JSON");
}

int JsonDecoder::detect(QByteArrayView bytes, const PayloadHint &hint) const
{
    if (!PayloadDetector::looksLikeJson(bytes))
        return kNoMatch;
    const QString type = PayloadDetector::mediaType(hint);
    const bool declared =
        type == u"application/json" || type == u"text/json" || type.endsWith(u"+json");
    return declared ? kDeclared : kConfidence;
}

RenderedPayload JsonDecoder::render(QByteArrayView bytes, const RenderOptions &options) const
{
    const qsizetype maxChars = options.maxChars;
    if (maxChars < 0 || bytes.size() <= PayloadRenderer::kPreviewJsonValidationLimit) {
        if (const auto error = JsonValidator::validate(bytes))
            return fallback(bytes, options, *error);
    }
    RenderedPayload out;
    out.decoder = id();
    out.text = JsonPrettyPrinter::indent(bytes, maxChars, &out.truncated);
    out.spans = JsonHighlighter::spans(out.text);
    return out;
}

} // namespace mqttdesk
