// Decoding throughput on one core, each decoder next to a reference measured in the same
// run (absolute rates on a shared machine are noise; the ratios hold):
//   protobuf  a ~200-byte demo.Reading rendered as JSON by ProtobufDecoder (wire check,
//             ProtoWireJsonWriter straight from the bytes, highlighting), against
//             libprotobuf's own parse + util::MessageToJsonString of the same bytes;
//   parse     libprotobuf's parse alone (what a view that parses first pays at least);
//   json      a JSON payload of the same size through JsonDecoder, against QJsonDocument;
//   numeric   256 int16 values through NumericArrayDecoder.
// Each is run in rounds, and the best round is kept (the least disturbed).

#include "core/payload/decoder_registry.h"
#include "core/payload/json_text_writer.h"
#include "core/payload/numeric_array_decoder.h"
#include "core/protobuf/proto_json_writer.h"
#include "core/protobuf/proto_schema.h"
#include "core/protobuf/proto_schema_source.h"
#include "core/protobuf/proto_wire_checker.h"
#include "core/protobuf/proto_wire_json_writer.h"
#include "core/protobuf/protobuf_decoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>

#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>

using namespace mqttdesk;

namespace {

const QString kData = QStringLiteral(MQTTDESK_PROTO_DATA);

// Messages per second over `count` calls, the best of `rounds`.
double rate(int count, int rounds, const std::function<qsizetype()> &op)
{
    double best = 0;
    volatile qsizetype sink = 0;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < count; ++i)
            sink = sink + op();
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        best = std::max(best, count / seconds);
    }
    return best;
}

void row(const char *name, double ours, const char *reference, double theirs)
{
    std::printf("%-10s %10.0f msg/s   %-34s %10.0f msg/s   ratio %.2f\n", name, ours, reference,
                theirs, theirs > 0 ? ours / theirs : 0.0);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 200000;
    const int rounds = 5;

    QString why;
    const auto schema = ProtoSchema::load({kData + QStringLiteral("/demo.proto")}, {kData}, &why);
    if (!schema) {
        std::fprintf(stderr, "schema: %s\n", qPrintable(why));
        return 1;
    }
    const google::protobuf::Descriptor *type = schema->message(QStringLiteral("demo.Reading"));
    std::unique_ptr<google::protobuf::Message> reading(schema->prototype(type)->New());
    google::protobuf::TextFormat::ParseFromString(
        R"(device: "pump-7/north-hall" timestamp_ms: 1733400000123 status: OK
           quantities { value: 21.5 unit: CELSIUS } quantities { value: 101325 unit: PASCAL }
           samples: [-3, 0, 7, 12, 19, 24, 31, 44, 58, 63] labels { key: "room" value: "lab-2" }
           labels { key: "fw" value: "4.12.0" } location { site: "north" floor: 2 }
           raw: "\001\002\003\004\005\006\007\010" ratio: 0.125 counter: 987654321
           battery: 87 spectrum: [0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625]
           rooms { key: 4 value { site: "b" floor: -1 } })",
        reading.get());
    const std::string wire = reading->SerializeAsString();
    const QByteArray bytes(wire.data(), qsizetype(wire.size()));
    std::printf("protobuf payload: %lld bytes; %d messages per round, best of %d rounds\n",
                static_cast<long long>(bytes.size()), count, rounds);

    ProtobufDecoder decoder;
    RenderOptions options;
    ProtoSchemaSource source;
    source.files = {kData + QStringLiteral("/demo.proto")};
    source.importPaths = {kData};
    source.messageType = QStringLiteral("demo.Reading");
    options.decoderOptions = source.toJson();
    if (decoder.render(bytes, options).error) {
        std::fprintf(stderr, "the payload does not decode\n");
        return 1;
    }
    const google::protobuf::Message *prototype = schema->prototype(type);

    const double ours =
        rate(count, rounds, [&] { return decoder.render(bytes, options).text.size(); });
    if (argc > 2 && std::strcmp(argv[2], "--protobuf-only") == 0) {
        // For a profiler: only the decoder, nothing to mix with.
        std::printf("protobuf %.0f msg/s\n", ours);
        return 0;
    }
    const double library = rate(count, rounds, [&] {
        std::unique_ptr<google::protobuf::Message> m(prototype->New());
        m->ParseFromArray(bytes.data(), int(bytes.size()));
        std::string json;
        (void)google::protobuf::util::MessageToJsonString(*m, &json);
        return qsizetype(json.size());
    });
    row("protobuf", ours, "libprotobuf parse+MessageToJson", library);
    const double parse = rate(count, rounds, [&] {
        std::unique_ptr<google::protobuf::Message> m(prototype->New());
        m->ParseFromArray(bytes.data(), int(bytes.size()));
        return qsizetype(m->ByteSizeLong());
    });
    row("parse", parse, "(the floor: parse alone)", parse);
    // Where the time goes, stage by stage.
    std::unique_ptr<google::protobuf::Message> reused(prototype->New());
    const double parseReused = rate(count, rounds, [&] {
        reused->Clear();
        reused->ParseFromArray(bytes.data(), int(bytes.size()));
        return qsizetype(1);
    });
    row("  reused", parseReused, "parse into one reused message", parse);
    const double check = rate(
        count, rounds, [&] { return qsizetype(ProtoWireChecker::check(bytes, type).has_value()); });
    row("  check", check, "ProtoWireChecker alone", parse);
    const double write = rate(count, rounds, [&] {
        JsonTextWriter writer;
        ProtoJsonWriter::write(*reused, writer);
        return writer.text().size();
    });
    row("  write", write, "ProtoJsonWriter alone", parse);
    const double direct = rate(count, rounds, [&] {
        JsonTextWriter writer;
        ProtoWireJsonWriter::write(bytes, type, writer);
        return writer.text().size();
    });
    row("  direct", direct, "ProtoWireJsonWriter (bytes to JSON)", parse);
    const QString text = decoder.render(bytes, options).text;
    const double spans = rate(count, rounds, [&] { return JsonHighlighter::spans(text).size(); });
    row("  spans", spans, "JsonHighlighter::spans alone", parse);

    // Other shapes, so the figure is not one message's: every scalar type (scalars.All), a
    // nested envelope, and a 6 KB reading with 2000 samples and 100 labels. Each
    // against libprotobuf's parse + MessageToJson (compact JSON, no highlighting), and
    // against our own previous path (parse into a reused message, ProtoJsonWriter,
    // JsonHighlighter) in the same run.
    std::printf("other shapes (ratios: ours / libprotobuf, ours / parse+reflection+highlight):\n");
    auto shape = [&](const char *name, const QString &file, const QString &typeName,
                     const std::string &text) {
        const auto shapeSchema = ProtoSchema::load({kData + file}, {kData}, &why);
        const google::protobuf::Descriptor *shapeType = shapeSchema->message(typeName);
        const google::protobuf::Message *shapePrototype = shapeSchema->prototype(shapeType);
        std::unique_ptr<google::protobuf::Message> m(shapePrototype->New());
        google::protobuf::TextFormat::ParseFromString(text, m.get());
        const std::string shapeWire = m->SerializeAsString();
        const QByteArray shapeBytes(shapeWire.data(), qsizetype(shapeWire.size()));
        RenderOptions shapeOptions;
        ProtoSchemaSource shapeSource;
        shapeSource.files = {kData + file};
        shapeSource.importPaths = {kData};
        shapeSource.messageType = typeName;
        shapeOptions.decoderOptions = shapeSource.toJson();
        const int n = shapeBytes.size() > 4096 ? count / 40 : count;
        const double fast =
            rate(n, rounds, [&] { return decoder.render(shapeBytes, shapeOptions).text.size(); });
        const double lib = rate(n, rounds, [&] {
            std::unique_ptr<google::protobuf::Message> parsed(shapePrototype->New());
            parsed->ParseFromArray(shapeBytes.data(), int(shapeBytes.size()));
            std::string json;
            (void)google::protobuf::util::MessageToJsonString(*parsed, &json);
            return qsizetype(json.size());
        });
        std::unique_ptr<google::protobuf::Message> kept(shapePrototype->New());
        const double reflected = rate(n, rounds, [&] {
            kept->Clear();
            kept->ParseFromArray(shapeBytes.data(), int(shapeBytes.size()));
            JsonTextWriter writer;
            ProtoJsonWriter::write(*kept, writer);
            return writer.text().size() + JsonHighlighter::spans(writer.text()).size();
        });
        std::printf("  %-22s %6lld bytes %10.0f msg/s   ratio %.2f / %.2f\n", name,
                    static_cast<long long>(shapeBytes.size()), fast, fast / lib, fast / reflected);
    };
    shape("scalars.All", QStringLiteral("/scalars.proto"), QStringLiteral("scalars.All"),
          R"(declared_first: 5 f_double: 2.5 f_float: 0.1 f_int32: -7 f_int64: 1733400000123
             f_uint32: 4000000000 f_uint64: 18446744073709551615 f_sint32: -300 f_sint64: -2
             f_fixed32: 7 f_fixed64: 9 f_sfixed32: -1 f_sfixed64: -9 f_bool: true
             f_string: "pump-7" f_bytes: "\001\002" f_colour: GREEN f_inner { name: "a" delta: -1 }
             r_int32: [1, 2, 3] r_double: [0.5, 1.5] r_string: ["x", "y"]
             m_string { key: "k" value: 1 } m_int64 { key: -1 value: "neg" } c_text: "t")");
    std::string envelope = R"(topic: "plant/1" reading { device: "d" samples: [1, 2, 3] })";
    for (int i = 0; i < 3; ++i)
        envelope = "topic: \"plant/nested\" children { " + envelope + " }";
    shape("demo.Envelope (nested)", QStringLiteral("/demo.proto"), QStringLiteral("demo.Envelope"),
          envelope);
    std::string large = R"(device: "pump-7/north-hall" timestamp_ms: 1733400000123 status: OK)";
    for (int i = 0; i < 2000; ++i)
        large += " samples: " + std::to_string(i * 7 - 5000);
    for (int i = 0; i < 100; ++i)
        large += " labels { key: \"label-" + std::to_string(i) + "\" value: \"value\" }";
    shape("demo.Reading (6 KB)", QStringLiteral("/demo.proto"), QStringLiteral("demo.Reading"),
          large);

    // The same reading as JSON text, through our JSON decoder and through QJsonDocument.
    const QByteArray json = decoder.render(bytes, options).text.toUtf8();
    const PayloadDecoder *jsonDecoder = DecoderRegistry::instance().decoder(u"json");
    const double ourJson = rate(
        count / 4, rounds, [&] { return jsonDecoder->render(json, RenderOptions()).text.size(); });
    const double qtJson =
        rate(count / 4, rounds, [&] { return QJsonDocument::fromJson(json).toJson().size(); });
    row("json", ourJson, "QJsonDocument parse+toJson", qtJson);

    QByteArray samples(512, Qt::Uninitialized);
    for (int i = 0; i < samples.size(); ++i)
        samples[i] = char(i * 7);
    NumericArrayDecoder numeric;
    RenderOptions numericOptions;
    numericOptions.decoderOptions = NumericArrayDecoder::Layout::fromSpec(u"int16le")->toJson();
    const double ourNumeric = rate(
        count / 4, rounds, [&] { return numeric.render(samples, numericOptions).text.size(); });
    const double values = rate(count / 4, rounds, [&] {
        return NumericArrayDecoder::values(samples,
                                           *NumericArrayDecoder::Layout::fromSpec(u"int16le"))
            ->size();
    });
    row("numeric", ourNumeric, "values() as doubles, no text", values);
    return 0;
}
