#include "core/payload/payload_decoder.h"

#include "core/payload/hex_decoder.h"
#include "core/payload/payload_detector.h"
#include "core/payload/text_decoder.h"
#include "core/payload/utf8_scan.h"

namespace mqttdesk {

PayloadDecoder::~PayloadDecoder() = default;

RenderedPayload PayloadDecoder::fallback(QByteArrayView bytes, const RenderOptions &options,
                                         const PayloadError &error)
{
    const bool text = Utf8Scan::scan(bytes, PayloadDetector::kTextPrefix).isPrintableText();
    RenderedPayload out =
        text ? TextDecoder::renderText(bytes, options.maxChars)
             : HexDecoder::renderHex(bytes, options.maxChars, options.hexBytesPerLine);
    out.error = error;
    return out;
}

RenderedPayload PayloadDecoder::fromDecodedJson(QByteArrayView bytes, const RenderOptions &options,
                                                const DecodedJson &decoded) const
{
    if (decoded.error)
        return fallback(bytes, options, *decoded.error);
    RenderedPayload out;
    out.decoder = id();
    out.text = decoded.json;
    out.truncated = decoded.truncated;
    out.spans = decoded.spans ? *decoded.spans : JsonHighlighter::spans(out.text);
    return out;
}

} // namespace mqttdesk
