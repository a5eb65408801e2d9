#pragma once

#include "core/payload/hex_dump.h"
#include "core/payload/payload_decoder.h"

namespace mqttdesk {

// A hex dump with offsets and ASCII (HexDump). Shows anything, so Auto falls back to it with
// the lowest confidence.
class HexDecoder : public PayloadDecoder
{
public:
    static constexpr int kConfidence = 1;

    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes, const PayloadHint &hint) const override;
    RenderedPayload render(QByteArrayView bytes, const RenderOptions &options) const override;

    // The rendering itself, also the fallback of the other decoders; `bytesPerLine` as in
    // HexDump::render().
    static RenderedPayload renderHex(QByteArrayView bytes, qsizetype maxChars,
                                     int bytesPerLine = HexDump::kBytesPerLine);
};

} // namespace mqttdesk
