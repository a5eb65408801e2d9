#include "core/payload/rule_renderer.h"

#include "core/payload/decoder_registry.h"

namespace mqttdesk {

RuleRenderer::RuleRenderer(DecodingRules rules)
    : RuleRenderer(std::move(rules), DecoderRegistry::instance())
{}

RuleRenderer::RuleRenderer(DecodingRules rules, const DecoderRegistry &registry)
    : m_rules(std::move(rules))
    , m_registry(&registry)
{}

std::optional<RenderedPayload> RuleRenderer::render(QStringView topic, QByteArrayView bytes,
                                                    RenderOptions options) const
{
    const DecodingRule *rule = m_rules.match(topic);
    if (!rule)
        return std::nullopt;
    options.decoderOptions = rule->options;
    options.topic = topic.toString();
    return m_registry->render(bytes, rule->decoder, options);
}

} // namespace mqttdesk
