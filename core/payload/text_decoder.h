#pragma once

#include "core/payload/payload_decoder.h"

namespace mqttdesk {

// UTF-8 text: invalid sequences show as U+FFFD and control characters as visible symbols
// (PayloadRenderer::visibleText). Detects printable UTF-8, or any valid UTF-8 without NUL
// when the message declares text (Payload Format Indicator 1 or a text/* content type).
class TextDecoder : public PayloadDecoder
{
public:
    static constexpr int kConfidence = 80;

    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes, const PayloadHint &hint) const override;
    RenderedPayload render(QByteArrayView bytes, const RenderOptions &options) const override;

    // The rendering itself, also the fallback of the other decoders.
    static RenderedPayload renderText(QByteArrayView bytes, qsizetype maxChars);
};

} // namespace mqttdesk
