#pragma once

#include "core/payload/payload_decoder.h"

namespace mqttdesk {

// MessagePack shown as JSON (MessagePackReader). Detects one whole MessagePack map or array,
// certain when the content type says MessagePack and the bytes are one well-formed item.
// Only payloads up to PayloadDetector::kBinaryCheckLimit are checked.
class MessagePackDecoder : public PayloadDecoder
{
public:
    static constexpr int kConfidence = 50;

    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes, const PayloadHint &hint) const override;
    RenderedPayload render(QByteArrayView bytes, const RenderOptions &options) const override;
};

} // namespace mqttdesk
