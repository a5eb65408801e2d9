#include "core/publish/compiled_template.h"

namespace mqttdesk {

QString TemplateFieldError::message() const
{
    QString where;
    switch (field) {
    case TemplateField::Topic:
        where = tr("Topic");
        break;
    case TemplateField::Payload:
        where = tr("Payload");
        break;
    case TemplateField::ContentType:
        where = tr("Content type");
        break;
    case TemplateField::ResponseTopic:
        where = tr("Response topic");
        break;
    case TemplateField::CorrelationData:
        where = tr("Correlation data");
        break;
    case TemplateField::UserPropertyName:
    case TemplateField::UserPropertyValue:
        where = tr("User property %1").arg(userProperty + 1);
        break;
    }
    return tr("%1: %2").arg(where, error.message());
}

CompiledTemplate CompiledTemplate::compile(const PublishTemplate &source,
                                           const QHash<QString, QString> &variables)
{
    CompiledTemplate c;
    c.m_source = source;
    const TemplateProperties &p = source.properties;
    c.m_topic = TemplateText::compile(source.topic, variables);
    c.take(c.m_topic, TemplateField::Topic);
    c.m_payload = TemplateText::compile(source.payload, variables);
    c.take(c.m_payload, TemplateField::Payload);
    c.m_contentType = TemplateText::compile(p.contentType, variables);
    c.take(c.m_contentType, TemplateField::ContentType);
    c.m_responseTopic = TemplateText::compile(p.responseTopic, variables);
    c.take(c.m_responseTopic, TemplateField::ResponseTopic);
    c.m_correlation = TemplateText::compile(p.correlationData, variables);
    c.take(c.m_correlation, TemplateField::CorrelationData);
    for (qsizetype i = 0; i < p.userProperties.size(); ++i) {
        UserProperty u{TemplateText::compile(p.userProperties.at(i).name, variables),
                       TemplateText::compile(p.userProperties.at(i).value, variables)};
        c.take(u.name, TemplateField::UserPropertyName, i);
        c.take(u.value, TemplateField::UserPropertyValue, i);
        c.m_userProperties.append(std::move(u));
    }
    // A script may make each message anew (Date.now(), Math.random()).
    c.m_dynamic = c.m_dynamic || !source.script.isEmpty();
    return c;
}

void CompiledTemplate::take(const TemplateText &text, TemplateField field, qsizetype userProperty)
{
    m_dynamic = m_dynamic || text.isDynamic();
    for (const TemplateError &e : text.errors())
        m_errors.append({field, userProperty, e});
}

Properties CompiledTemplate::properties(const TemplateContext &context) const
{
    const TemplateProperties &p = m_source.properties;
    Properties out;
    if (p.messageExpiry)
        out.setMessageExpiryInterval(*p.messageExpiry);
    if (p.payloadFormatIndicator)
        out.setPayloadFormatIndicator(*p.payloadFormatIndicator);
    if (!p.contentType.isEmpty())
        out.setContentType(m_contentType.expand(context));
    if (!p.responseTopic.isEmpty())
        out.setResponseTopic(m_responseTopic.expand(context));
    if (!p.correlationData.isEmpty())
        out.setCorrelationData(m_correlation.expand(context).toUtf8());
    for (const UserProperty &u : m_userProperties)
        out.addUserProperty(u.name.expand(context), u.value.expand(context));
    return out;
}

std::optional<PublishPacket> CompiledTemplate::message(const TemplateContext &context,
                                                       PublishDraftError *error) const
{
    return message(context, MadePayload{m_payload.expand(context), std::nullopt}, error);
}

std::optional<PublishPacket> CompiledTemplate::message(const TemplateContext &context,
                                                       const MadePayload &payload,
                                                       PublishDraftError *error) const
{
    PublishDraft draft;
    draft.setTopic(m_topic.expand(context));
    draft.setPayloadFormat(m_source.format);
    if (payload.bytes)
        draft.setPayloadBytes(*payload.bytes);
    else
        draft.setPayloadText(payload.text);
    draft.setQos(m_source.qos);
    draft.setRetain(m_source.retain);
    draft.setProtocolVersion(m_version);
    draft.setMaximumPacketSize(m_maximumPacketSize);
    if (m_version == ProtocolVersion::V5)
        draft.setProperties(properties(context));
    if (auto problem = draft.validate()) {
        if (error)
            *error = *problem;
        return std::nullopt;
    }
    return draft.packet();
}

} // namespace mqttdesk
