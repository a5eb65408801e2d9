#pragma once

#include "core/payload/payload_decoder.h"

namespace mqttdesk {

class DecoderRegistry;

// Protobuf payloads shown as JSON (ProtoJsonWriter), decoded at run time with the .proto
// files, import paths and message type in the options (ProtoSchemaSource; schemas come from
// ProtoSchemaCache). Never detected: only a decoding rule or the user knows the type. Bytes
// that are not a message of the type get a named error ("Not a valid demo.Reading at byte
// 17: truncated varint.", ProtoWireChecker) and the raw bytes as the fallback.
class ProtobufDecoder : public PayloadDecoder
{
public:
    // Registers the decoders this library adds (Protobuf) in `registry`; the GUI and the
    // CLI call it at start-up.
    static void registerIn(DecoderRegistry &registry);

    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes, const PayloadHint &hint) const override;
    RenderedPayload render(QByteArrayView bytes, const RenderOptions &options) const override;
    QJsonObject defaultOptions() const override;
};

} // namespace mqttdesk
