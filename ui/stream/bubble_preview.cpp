#include "ui/stream/bubble_preview.h"

#include "core/payload/json_highlighter.h"
#include "core/payload/payload_detector.h"
#include "core/payload/payload_renderer.h"

namespace mqttdesk {

BubblePreview BubblePreview::make(const Input &input, const RuleRenderer &rules)
{
    BubblePreview out;
    PayloadFormat format = input.format;
    std::optional<RenderedPayload> byRule;
    if (format == PayloadFormat::Auto && !rules.isEmpty()) {
        RenderOptions options;
        options.maxChars = PayloadRenderer::PreviewChars;
        options.hint = input.hint;
        options.hexBytesPerLine = input.hexBytesPerLine;
        options.qos = input.qos;
        options.retain = input.retain;
        byRule = rules.render(input.topic, input.bytes, options);
    }
    out.byRule = byRule.has_value();
    if (byRule) {
        out.rendered = std::move(*byRule);
    } else {
        if (format == PayloadFormat::Auto) {
            out.image = ImageSniffer::kindOf(input.bytes, input.hint.contentType);
            format = PayloadDetector::detect(input.bytes, input.hint);
        }
        out.rendered = PayloadRenderer::preview(input.bytes, format, PayloadRenderer::PreviewChars,
                                                input.hint, input.hexBytesPerLine);
    }
    if (out.image) {
        // A line that names the picture beside its thumbnail; "Show all" opens it.
        out.rendered.text = tr("%1 picture").arg(ImageSniffer::name(*out.image));
        out.rendered.spans.clear();
        out.rendered.truncated = true;
        out.lines = kThumbnailLines;
        return out;
    }
    if (out.rendered.decoder == u"json" && input.bytes.size() <= kOneLineJsonBytes &&
        !input.bytes.contains('\n')) {
        out.rendered.text = PayloadRenderer::visibleText(QString::fromUtf8(input.bytes));
        out.rendered.spans = JsonHighlighter::spans(out.rendered.text);
    }
    if (!input.whole)
        out.rendered.truncated = true;
    out.lines = lineCount(out.rendered.text);
    return out;
}

int BubblePreview::lineCount(const QString &text)
{
    // A final line break (a hex dump ends with one) opens no line of its own.
    const qsizetype lines =
        text.count(QLatin1Char('\n')) + (text.endsWith(QLatin1Char('\n')) ? 0 : 1);
    return int(qBound(qsizetype(1), lines, qsizetype(INT_MAX)));
}

} // namespace mqttdesk
