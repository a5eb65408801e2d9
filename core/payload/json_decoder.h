#pragma once

#include "core/payload/payload_decoder.h"

namespace mqttdesk {

// JSON re-indented keeping key order, with colour spans. Detects one JSON object or array
// (PayloadDetector::looksLikeJson), certain when the content type says JSON too.
class JsonDecoder : public PayloadDecoder
{
public:
    static constexpr int kConfidence = 90;

    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes, const PayloadHint &hint) const override;
    RenderedPayload render(QByteArrayView bytes, const RenderOptions &options) const override;
};

} // namespace mqttdesk
