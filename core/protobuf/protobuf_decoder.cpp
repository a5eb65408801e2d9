#include "core/protobuf/protobuf_decoder.h"

#include "core/payload/decoder_registry.h"
#include "core/payload/json_text_writer.h"
#include "core/protobuf/proto_json_writer.h"
#include "core/protobuf/proto_schema_cache.h"
#include "core/protobuf/proto_schema_source.h"
#include "core/protobuf/proto_wire_checker.h"
#include "core/protobuf/proto_wire_json_writer.h"

#include <QCoreApplication>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <climits>
#include <memory>

namespace mqttdesk {

namespace pb = google::protobuf;

namespace {

PayloadError schemaError(const QString &why)
{
    PayloadError error;
    error.code = PayloadErrorCode::SchemaUnavailable;
    error.detail = why;
    return error;
}

PayloadError messageError(qsizetype offset, const QString &sentence)
{
    PayloadError error;
    error.code = PayloadErrorCode::MalformedMessage;
    error.offset = offset;
    error.detail = sentence;
    return error;
}

// A message to parse into, reused per thread while the type stays the same: a stream of
// one topic parses thousands of messages of one type, and New() per message costs a third
// of the parse. Large payloads get a message of their own, so that the reused one does not
// keep their memory.
pb::Message *reusedMessage(const std::shared_ptr<const ProtoSchema> &schema,
                           const pb::Descriptor *type, qsizetype size)
{
    struct Reused
    {
        std::shared_ptr<const ProtoSchema> schema; // keeps the prototype's factory alive
        std::unique_ptr<pb::Message> message;
        std::unique_ptr<pb::Message> large;
    };
    thread_local Reused reused;
    reused.large.reset();
    if (size > 64 * 1024) {
        reused.large.reset(schema->prototype(type)->New());
        return reused.large.get();
    }
    if (reused.schema != schema || !reused.message || reused.message->GetDescriptor() != type) {
        reused.message.reset();
        reused.schema = schema;
        reused.message.reset(schema->prototype(type)->New());
    } else {
        reused.message->Clear();
    }
    return reused.message.get();
}

} // namespace

void ProtobufDecoder::registerIn(DecoderRegistry &registry)
{
    registry.add(std::make_unique<ProtobufDecoder>());
}

QString ProtobufDecoder::id() const
{
    return QStringLiteral("protobuf");
}

QString ProtobufDecoder::name() const
{
    return QCoreApplication::translate("PayloadFormat", "Protobuf");
}

int ProtobufDecoder::detect(QByteArrayView, const PayloadHint &) const
{
    return kNoMatch;
}

QJsonObject ProtobufDecoder::defaultOptions() const
{
    return ProtoSchemaSource().toJson();
}

RenderedPayload ProtobufDecoder::render(QByteArrayView bytes, const RenderOptions &options) const
{
    // The rule as last resolved on this thread: a stream decodes thousands of messages under
    // one rule, and reading its options and looking up the schema and the type cost as much
    // as decoding a small message. Only a rule that resolved is kept.
    struct Resolved
    {
        QJsonObject options;
        ProtoSchemaCache::Lease lease;
        QString messageType;
        const pb::Descriptor *type = nullptr;
        bool direct = false; // ProtoWireJsonWriter::supported(type)
    };
    thread_local Resolved resolved;
    ProtoSchemaCache &cache = ProtoSchemaCache::instance();
    if (!resolved.type || resolved.options != options.decoderOptions ||
        resolved.lease.generation != cache.generation() ||
        ProtoSchemaCache::Clock::now() >= resolved.lease.validUntil) {
        resolved = Resolved();
        QString why;
        const std::optional<ProtoSchemaSource> source =
            ProtoSchemaSource::fromJson(options.decoderOptions, &why);
        if (!source) {
            PayloadError error;
            error.code = PayloadErrorCode::BadDecoderOptions;
            error.detail = why;
            return fallback(bytes, options, error);
        }
        if (source->messageType.isEmpty())
            return fallback(bytes, options,
                            schemaError(QCoreApplication::translate("ProtobufDecoder",
                                                                    "choose the message type.")));
        ProtoSchemaCache::Lease lease = cache.lease(source->files, source->importPaths, &why);
        if (!lease.schema)
            return fallback(bytes, options, schemaError(why));
        const pb::Descriptor *type = lease.schema->message(source->messageType);
        if (!type)
            return fallback(
                bytes, options,
                schemaError(QCoreApplication::translate(
                                "ProtobufDecoder", "the .proto files declare no message type %1.")
                                .arg(source->messageType)));
        resolved.options = options.decoderOptions;
        resolved.lease = std::move(lease);
        resolved.messageType = source->messageType;
        resolved.type = type;
        resolved.direct = ProtoWireJsonWriter::supported(type);
    }
    const std::shared_ptr<const ProtoSchema> &schema = resolved.lease.schema;
    const pb::Descriptor *type = resolved.type;
    const QString &messageType = resolved.messageType;

    if (const std::optional<ProtoWireChecker::Problem> problem =
            ProtoWireChecker::check(bytes, type))
        return fallback(bytes, options,
                        messageError(problem->offset,
                                     QCoreApplication::translate("ProtobufDecoder",
                                                                 "Not a valid %1 at byte %2: %3.")
                                         .arg(messageType)
                                         .arg(problem->offset)
                                         .arg(problem->reason)));
    // Straight from the bytes where one pass gives what the parsed message would show.
    if (resolved.direct) {
        JsonTextWriter writer(options.maxChars);
        writer.recordSpans();
        if (ProtoWireJsonWriter::write(bytes, type, writer))
            return fromDecodedJson(
                bytes, options,
                DecodedJson{writer.text(), writer.isFull(), {}, writer.takeSpans()});
    }
    pb::Message *message = reusedMessage(schema, type, bytes.size());
    if (bytes.size() > INT_MAX || !message->ParsePartialFromArray(bytes.data(), int(bytes.size())))
        return fallback(bytes, options,
                        messageError(-1, QCoreApplication::translate(
                                             "ProtobufDecoder",
                                             "Not a valid %1: the Protobuf library refused it.")
                                             .arg(messageType)));
    if (!message->IsInitialized())
        return fallback(
            bytes, options,
            messageError(
                -1, QCoreApplication::translate("ProtobufDecoder",
                                                "Not a valid %1: required fields are missing: %2.")
                        .arg(messageType,
                             QString::fromStdString(message->InitializationErrorString()))));

    JsonTextWriter writer(options.maxChars);
    writer.recordSpans();
    ProtoJsonWriter::write(*message, writer);
    return fromDecodedJson(bytes, options,
                           DecodedJson{writer.text(), writer.isFull(), {}, writer.takeSpans()});
}

} // namespace mqttdesk
