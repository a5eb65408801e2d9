#pragma once

#include "core/payload/payload_decoder.h"

namespace mqttdesk {

// The bytes encoded as standard Base64. Never picked by Auto: any bytes can be shown so, and
// text or hex says more.
class Base64Decoder : public PayloadDecoder
{
public:
    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes, const PayloadHint &hint) const override;
    RenderedPayload render(QByteArrayView bytes, const RenderOptions &options) const override;
};

} // namespace mqttdesk
