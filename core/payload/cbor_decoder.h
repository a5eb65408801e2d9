#pragma once

#include "core/payload/payload_decoder.h"

namespace mqttdesk {

// CBOR shown as JSON (CborReader). Detects one whole CBOR map or array, certain when the
// content type says CBOR and the bytes are one well-formed item. Only payloads up to
// PayloadDetector::kBinaryCheckLimit are checked.
class CborDecoder : public PayloadDecoder
{
public:
    static constexpr int kConfidence = 60;

    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes, const PayloadHint &hint) const override;
    RenderedPayload render(QByteArrayView bytes, const RenderOptions &options) const override;
};

} // namespace mqttdesk
