#include "core/sparkplug/sparkplug_decoder.h"

#include "core/sparkplug/sparkplug_session.h"

#include "core/payload/decoder_registry.h"
#include "core/payload/json_text_writer.h"
#include "core/protobuf/proto_wire_checker.h"
#include "core/sparkplug/sparkplug_json_writer.h"
#include "core/sparkplug/sparkplug_schema.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <google/protobuf/message.h>

#include <climits>
#include <memory>

namespace mqttdesk {

namespace pb = google::protobuf;

void SparkplugDecoder::registerIn(DecoderRegistry &registry)
{
    registry.add(std::make_unique<SparkplugDecoder>());
}

const pb::Message *SparkplugDecoder::parse(QByteArrayView bytes, PayloadError *error)
{
    const SparkplugSchema &schema = SparkplugSchema::instance();
    if (const std::optional<ProtoWireChecker::Problem> problem =
            ProtoWireChecker::check(bytes, schema.payload())) {
        error->code = PayloadErrorCode::MalformedMessage;
        error->offset = problem->offset;
        error->detail = QCoreApplication::translate(
                            "SparkplugDecoder", "Not a valid Sparkplug B payload at byte %1: %2.")
                            .arg(problem->offset)
                            .arg(problem->reason);
        return nullptr;
    }
    thread_local std::unique_ptr<pb::Message> reused(schema.prototype()->New());
    reused->Clear();
    if (bytes.size() > INT_MAX || !reused->ParsePartialFromArray(bytes.data(), int(bytes.size()))) {
        error->code = PayloadErrorCode::MalformedMessage;
        error->offset = -1;
        error->detail = QCoreApplication::translate(
            "SparkplugDecoder",
            "Not a valid Sparkplug B payload: the Protobuf library refused it.");
        return nullptr;
    }
    return reused.get();
}

QString SparkplugDecoder::id() const
{
    return QStringLiteral("sparkplug");
}

QString SparkplugDecoder::name() const
{
    return QCoreApplication::translate("PayloadFormat", "Sparkplug B");
}

int SparkplugDecoder::detect(QByteArrayView, const PayloadHint &) const
{
    return kNoMatch;
}

RenderedPayload SparkplugDecoder::render(QByteArrayView bytes, const RenderOptions &options) const
{
    // With its topic and what came before it, a message is shown as a host following the
    // node sees it (the stream's Show all): replayed through a session, last.
    const QString topic = options.decoderOptions.value(QStringLiteral("topic")).toString();
    if (!topic.isEmpty()) {
        SparkplugSession session;
        const QJsonArray before = options.decoderOptions.value(QStringLiteral("before")).toArray();
        for (const QJsonValue &earlier : before) {
            const QJsonObject message = earlier.toObject();
            session.process(message.value(QStringLiteral("topic")).toString(),
                            QByteArray::fromBase64(
                                message.value(QStringLiteral("payload")).toString().toLatin1()));
        }
        if (auto result = session.process(topic, bytes, options.maxChars))
            return std::move(result->rendered);
    }
    PayloadError error;
    const pb::Message *payload = parse(bytes, &error);
    if (!payload)
        return fallback(bytes, options, error);
    JsonTextWriter writer(options.maxChars);
    writer.recordSpans();
    SparkplugJsonWriter::write(*payload, writer);
    return fromDecodedJson(bytes, options,
                           DecodedJson{writer.text(), writer.isFull(), {}, writer.takeSpans()});
}

} // namespace mqttdesk
