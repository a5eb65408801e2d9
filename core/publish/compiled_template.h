#pragma once

#include "core/publish/publish_draft.h"
#include "core/publish/publish_template.h"
#include "core/publish/template_text.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace mqttdesk {

// A field of a template that may hold variables.
enum class TemplateField : quint8
{
    Topic,
    Payload,
    ContentType,
    ResponseTopic,
    CorrelationData,
    UserPropertyName,  // `userProperty` says which
    UserPropertyValue, // `userProperty` says which
};

// A payload made for one message elsewhere: what the template's outgoing script returned for
// the expanded payload. Text goes through the template's format as typed text does (so a
// JSON template still checks it); bytes go as they are.
struct MadePayload
{
    QString text;
    std::optional<QByteArray> bytes;
};

struct TemplateFieldError
{
    Q_DECLARE_TR_FUNCTIONS(TemplateFieldError)

public:
    TemplateField field = TemplateField::Topic;
    qsizetype userProperty = -1;
    TemplateError error;

    // The field's name and the error, translated: "Topic: There is no variable “x”. ..."
    QString message() const;
};

// A template with every field compiled against the variables in scope: the errors are known
// before the first message, and each message() expands the fields with one context, so
// {{uuid}} in the response topic and in the payload is the same. The expanded message then
// goes through PublishDraft, so it is checked as a hand-typed one is (a topic that expands to
// a wildcard, JSON broken by a value, a packet over the server's limit).
class CompiledTemplate
{
public:
    CompiledTemplate() = default;
    static CompiledTemplate compile(const PublishTemplate &source,
                                    const QHash<QString, QString> &variables);

    bool isValid() const { return m_errors.isEmpty(); }
    const QList<TemplateFieldError> &errors() const { return m_errors; }
    const PublishTemplate &source() const { return m_source; }
    // Whether messages differ from one another (a counter, a random value, the time...).
    bool isDynamic() const { return m_dynamic; }

    void setProtocolVersion(ProtocolVersion version) { m_version = version; }
    ProtocolVersion protocolVersion() const { return m_version; }
    void setMaximumPacketSize(std::optional<quint32> bytes) { m_maximumPacketSize = bytes; }

    // The message for `context`, or nothing with `error` saying why it cannot be sent. Only
    // for a valid template.
    std::optional<PublishPacket> message(const TemplateContext &context,
                                         PublishDraftError *error = nullptr) const;
    // The same with the payload made elsewhere (see MadePayload).
    std::optional<PublishPacket> message(const TemplateContext &context, const MadePayload &payload,
                                         PublishDraftError *error = nullptr) const;
    // Whether the template has an outgoing script: its messages are then made with
    // ScriptedMessageMaker, off the caller's thread.
    bool hasScript() const { return !m_source.script.isEmpty(); }
    // The expanded texts, as a preview shows them (no check).
    QString topic(const TemplateContext &context) const { return m_topic.expand(context); }
    QString payload(const TemplateContext &context) const { return m_payload.expand(context); }

private:
    struct UserProperty
    {
        TemplateText name;
        TemplateText value;
    };

    void take(const TemplateText &text, TemplateField field, qsizetype userProperty = -1);
    Properties properties(const TemplateContext &context) const;

    PublishTemplate m_source;
    TemplateText m_topic;
    TemplateText m_payload;
    TemplateText m_contentType;
    TemplateText m_responseTopic;
    TemplateText m_correlation;
    QList<UserProperty> m_userProperties;
    QList<TemplateFieldError> m_errors;
    ProtocolVersion m_version = ProtocolVersion::V5;
    std::optional<quint32> m_maximumPacketSize;
    bool m_dynamic = false;
};

} // namespace mqttdesk
