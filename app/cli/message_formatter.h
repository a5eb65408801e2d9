#pragma once

#include "app/cli/cli_options.h"
#include "app/cli/format_template.h"
#include "app/cli/output_sink.h"
#include "app/cli/time_format.h"
#include "core/connection/received_message.h"
#include "core/payload/rule_renderer.h"
#include "core/sparkplug/sparkplug_session.h"

#include <QByteArray>
#include <QString>
#include <QStringEncoder>

#include <functional>
#include <optional>

namespace mqttdesk {

// Writes received messages the way mosquitto_sub prints them: the payload, or with -v
// the topic and the payload, or a -F format (every field of mosquitto_sub 2.0's); plus
// --format json|hex|base64 for the payload. The default (text) payload goes to the sink
// as a view of the received bytes. Per message it allocates only for what needs it
// (--format json|base64, a new topic, the first long property value).
class MessageFormatter
{
public:
    explicit MessageFormatter(const CliOptions &options);

    // Where a message's trouble goes (%J of a payload that is not JSON); by default
    // nowhere.
    void setWarningHandler(std::function<void(const QString &)> handler);
    // Payloads on topics these rules cover are printed decoded: JSON on one line, or, when
    // they do not decode, their bytes in hex (and the reason to the warning handler); %j
    // and %J add "decoded" or "decodeError".
    void setDecodingRules(const DecodingRules &rules);
    // spBv1.0 topics through a SparkplugSession (before the rules): names from the births,
    // and each of its warnings (a sequence gap, data before birth) to the warning handler.
    void setSparkplug(bool on);

    void write(const ReceivedMessage &message, OutputSink &out);

private:
    void writePayload(const QByteArray &payload, OutputSink &out);
    // The decoded text on one line (JSON compacted), as UTF-8.
    QByteArrayView decodedUtf8();
    void writeFormatted(const ReceivedMessage &message, OutputSink &out);
    void writeField(const FormatTemplate::Piece &piece, const ReceivedMessage &message,
                    OutputSink &out);
    void writePayloadField(const FormatTemplate::Piece &piece, const QByteArray &payload,
                           OutputSink &out);
    void writeUserProperties(const Properties &properties, OutputSink &out);
    void writeJson(const ReceivedMessage &message, bool payloadIsJson, OutputSink &out);
    void appendJsonProperties(const ReceivedMessage &message);
    QByteArrayView topicUtf8(const QString &topic);
    // `text` in UTF-8, valid until the next call.
    QByteArrayView utf8(QStringView text);

    PayloadFormat m_payloadFormat;
    bool m_verbose;
    bool m_eol;
    std::optional<FormatTemplate> m_format; // -F
    TimeFormat m_time;
    std::function<void(const QString &)> m_warn;
    std::optional<RuleRenderer> m_rules;
    std::optional<SparkplugSession> m_sparkplug;
    std::optional<RenderedPayload> m_decoded; // this message's, when a rule covers it
    QByteArray m_decodedUtf8;
    // The UTF-8 of the last topic: a flood on one topic converts it once.
    QString m_lastTopic;
    QByteArray m_lastTopicUtf8;
    // Reused from message to message.
    QStringEncoder m_encoder;
    QByteArray m_utf8;
    QByteArray m_json;
};

} // namespace mqttdesk
