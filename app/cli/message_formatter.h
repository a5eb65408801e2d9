#pragma once

#include "app/cli/cli_options.h"
#include "app/cli/output_sink.h"
#include "core/connection/received_message.h"

#include <QByteArray>
#include <QString>

namespace mqttdesk {

// Writes received messages the way mosquitto_sub prints them: the payload, or with -v
// the topic and the payload, or a -F format; plus --format json|hex|base64 for the
// payload. The default (text) payload goes to the sink as a view of the received bytes.
class MessageFormatter
{
public:
    explicit MessageFormatter(const CliOptions &options);

    void write(const ReceivedMessage &message, OutputSink &out);

private:
    void writePayload(const QByteArray &payload, OutputSink &out);
    void writeFormatted(const ReceivedMessage &message, OutputSink &out);
    QByteArrayView topicUtf8(const QString &topic);
    static QByteArray json(const ReceivedMessage &message);

    PayloadFormat m_payloadFormat;
    bool m_verbose;
    bool m_eol;
    QString m_format; // -F with the escapes resolved
    // The UTF-8 of the last topic: a flood on one topic converts it once.
    QString m_lastTopic;
    QByteArray m_lastTopicUtf8;
};

} // namespace mqttdesk
