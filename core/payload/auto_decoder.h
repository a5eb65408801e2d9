#pragma once

#include "core/payload/payload_decoder.h"

namespace mqttdesk {

class DecoderRegistry;

// Renders with the decoder of its registry that is most confident about the bytes
// (DecoderRegistry::detect). Never picked by detection itself.
class AutoDecoder : public PayloadDecoder
{
public:
    explicit AutoDecoder(const DecoderRegistry &registry);

    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes, const PayloadHint &hint) const override;
    RenderedPayload render(QByteArrayView bytes, const RenderOptions &options) const override;

private:
    const DecoderRegistry &m_registry;
};

} // namespace mqttdesk
