#pragma once

#include "core/payload/payload_decoder.h"

#include <optional>

namespace google::protobuf {
class Message;
}

namespace mqttdesk {

class DecoderRegistry;

// Sparkplug B payloads as JSON (SparkplugJsonWriter), one message at a time: the metrics
// with the names the payload itself carries (a BIRTH names every metric; DATA may send
// only aliases, which SparkplugSession resolves when it sees the messages in order).
// Never detected from bytes alone: chosen by a decoding rule such as spBv1.0/#.
class SparkplugDecoder : public PayloadDecoder
{
public:
    static void registerIn(DecoderRegistry &registry);

    // The payload parsed into a per-thread message (valid until the next call on this
    // thread), or null with `error` saying where the bytes stop being a payload.
    static const google::protobuf::Message *parse(QByteArrayView bytes, PayloadError *error);

    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes, const PayloadHint &hint) const override;
    // Options (besides none of its own): "topic", the message's topic name, and "before", the
    // messages it depends on ([{"topic", "payload" in Base64}], oldest first): the message is
    // then shown through a SparkplugSession that saw those first.
    RenderedPayload render(QByteArrayView bytes, const RenderOptions &options) const override;
};

} // namespace mqttdesk
