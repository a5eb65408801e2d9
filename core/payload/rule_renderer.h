#pragma once

#include "core/payload/decoding_rules.h"
#include "core/payload/payload_decoder.h"

#include <optional>

namespace mqttdesk {

class DecoderRegistry;

// Renders a message the way its decoding rules say: the decoder and options of the first
// rule whose filter matches the topic. The one place that applies rules, for the stream,
// the payload viewer and `mqttdesk-cli sub`. Const and thread-safe; copies are cheap.
class RuleRenderer
{
public:
    // With the application's registry.
    explicit RuleRenderer(DecodingRules rules = {});
    RuleRenderer(DecodingRules rules, const DecoderRegistry &registry);

    const DecodingRules &rules() const { return m_rules; }
    bool isEmpty() const { return m_rules.isEmpty(); }

    // The rule's rendering (its options replace `options.decoderOptions`); nothing when no
    // rule matches the topic.
    std::optional<RenderedPayload> render(QStringView topic, QByteArrayView bytes,
                                          RenderOptions options = {}) const;

private:
    DecodingRules m_rules;
    const DecoderRegistry *m_registry;
};

} // namespace mqttdesk
