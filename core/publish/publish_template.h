#pragma once

#include "core/payload/payload_format.h"
#include "core/protocol/properties.h"
#include "core/protocol/qos.h"

#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// The 5.0 properties of a template as the user types them: the text fields may hold variables
// ({{uuid}} in a response topic or correlation data), so they stay text until a message is
// made. Sent with 5.0 only.
struct TemplateProperties
{
    std::optional<quint32> messageExpiry; // seconds
    std::optional<quint8> payloadFormatIndicator;
    QString contentType;
    QString responseTopic;
    QString correlationData; // sent as its UTF-8 bytes
    QList<StringPair> userProperties;

    bool isEmpty() const
    {
        return !messageExpiry && !payloadFormatIndicator && contentType.isEmpty() &&
               responseTopic.isEmpty() && correlationData.isEmpty() && userProperties.isEmpty();
    }
    bool operator==(const TemplateProperties &) const = default;
};

// A saved publish: what the publish bar holds, under a name. Topic, payload and the text
// properties may hold variables (see TemplateText).
struct PublishTemplate
{
    QString id; // stable across renames and moves (a UUID)
    QString name;
    QString topic;
    QoS qos = QoS::AtMostOnce;
    bool retain = false;
    PayloadFormat format = PayloadFormat::Text;
    QString payload;
    TemplateProperties properties;
    // The next value of {{counter}}: each message sent from the template takes one; a reset
    // puts it back to 1.
    quint64 counter = 1;
    // An outgoing transform script (JavaScript, the body of function (payload, topic,
    // counter)); empty: none. It gets the expanded payload and returns the one to send
    // (docs/scripts.md). Scripts run off the GUI thread (ScriptedMessageMaker).
    QString script;

    bool operator==(const PublishTemplate &) const = default;
};

// A folder of templates with the variables they share (`device` = `pump-7`). Shared by every
// connection, or bound to one (`connection` is the profile's name): a bound collection is
// offered only on that connection.
struct TemplateCollection
{
    QString id;
    QString name;
    QString connection; // empty: every connection
    QList<StringPair> variables;
    QList<PublishTemplate> templates;

    bool operator==(const TemplateCollection &) const = default;
};

} // namespace mqttdesk
