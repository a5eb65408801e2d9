// libFuzzer target over every payload decoder: the registry's (text, JSON, hex, Base64,
// CBOR, MessagePack, numeric arrays, Auto), Protobuf with the schemas of the protobuf
// tests, and Sparkplug B (also through a session of one edge node). No input may crash, hang or
// leak; a rendering says which decoder made it and carries a message when it fell back; a preview
// stays near its limit.
//
// Built once and linked under several names: fuzz_payload picks the decoder from byte 0 of
// each input, fuzz_payload_<id> (fuzz_payload_protobuf, ...) always uses decoder <id>, so
// that scripts/fuzz gives each decoder its own run.
//
// Input: byte 0 picks the decoder (fuzz_payload only), byte 1 the preview limit and hex width, byte
// 2 the decoder's options (number type, byte order and header; or the Protobuf type), the rest is
// the payload. For Protobuf, ProtoWireChecker and libprotobuf's parser must agree on whether the
// bytes are a message: the checker's error messages are only right if so. And where
// ProtoWireJsonWriter takes a message, its JSON (whole, and cut to a preview) must be what
// ProtoJsonWriter writes for the message libprotobuf parsed, and the highlighting it recorded what
// JsonHighlighter reads from the text.
//
// The inspector's parts run on the same bytes: JsonIndex over the payload and over a
// decoder's JSON (its nodes must form a tree in document order, and what it accepts Qt's
// parser accepts too), the tree model's search and paths, and PayloadDiff on the payload's
// two halves in the mode byte 2 picks. JsonPathQuery runs on the payload and the decoder's
// JSON too: it must call JSON what JsonIndex calls JSON, a copied path must name the node
// the tree reaches taking the first of duplicate keys, and a path read from the payload's
// first bytes must evaluate safely and print a path that parses back the same.

#include "core/inspector/json_index.h"
#include "core/inspector/json_path_query.h"
#include "core/inspector/json_tree_model.h"
#include "core/inspector/payload_diff.h"
#include "core/payload/decoder_registry.h"
#include "core/payload/json_highlighter.h"
#include "core/payload/json_text_writer.h"
#include "core/payload/numeric_array_decoder.h"
#include "core/protobuf/proto_json_writer.h"
#include "core/protobuf/proto_schema.h"
#include "core/protobuf/proto_schema_source.h"
#include "core/protobuf/proto_wire_checker.h"
#include "core/protobuf/proto_wire_json_writer.h"
#include "core/protobuf/protobuf_decoder.h"
#include "core/sparkplug/sparkplug_decoder.h"
#include "core/sparkplug/sparkplug_session.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <optional>
#include <vector>

using namespace mqttdesk;

namespace {

const QString kData = QStringLiteral(MQTTDESK_PROTO_DATA);

struct Schemas
{
    Schemas()
    {
        ProtobufDecoder::registerIn(DecoderRegistry::instance());
        SparkplugDecoder::registerIn(DecoderRegistry::instance());
        demo = ProtoSchema::load({kData + QStringLiteral("/demo.proto")}, {kData});
        legacy = ProtoSchema::load({kData + QStringLiteral("/legacy.proto")}, {kData});
        scalars = ProtoSchema::load({kData + QStringLiteral("/scalars.proto")}, {kData});
        old = ProtoSchema::load({kData + QStringLiteral("/scalars2.proto")}, {kData});
        if (!demo || !legacy || !scalars || !old)
            std::abort();
    }
    const ProtoSchema &of(const QString &type) const
    {
        if (type.startsWith(u"legacy."))
            return *legacy;
        if (type.startsWith(u"scalars."))
            return *scalars;
        if (type.startsWith(u"scalars2."))
            return *old;
        return *demo;
    }
    std::shared_ptr<const ProtoSchema> demo;
    std::shared_ptr<const ProtoSchema> legacy;
    std::shared_ptr<const ProtoSchema> scalars;
    std::shared_ptr<const ProtoSchema> old;
};

const char *const kTypes[] = {"demo.Reading", "demo.Envelope",         "legacy.Frame",
                              "scalars.All",  "demo.Reading.Location", "scalars2.Old"};
constexpr int kTypeCount = int(std::size(kTypes));

QString fileOf(const QString &type)
{
    if (type.startsWith(u"legacy."))
        return QStringLiteral("/legacy.proto");
    if (type.startsWith(u"scalars."))
        return QStringLiteral("/scalars.proto");
    if (type.startsWith(u"scalars2."))
        return QStringLiteral("/scalars2.proto");
    return QStringLiteral("/demo.proto");
}

QJsonObject protobufOptions(quint8 choice)
{
    const QString type = QString::fromLatin1(kTypes[choice % kTypeCount]);
    ProtoSchemaSource source;
    source.files = {kData + fileOf(type)};
    source.importPaths = {kData};
    source.messageType = type;
    return source.toJson();
}

QJsonObject numericOptions(quint8 choice)
{
    NumericArrayDecoder::Layout layout;
    layout.type = NumericArrayDecoder::Type(choice % 10);
    layout.bigEndian = choice & 0x10;
    layout.skip = (choice >> 5) & 7;
    return layout.toJson();
}

// The checker and the parser must agree on the bytes, and the direct writer must write
// what the reflection writer writes for the parsed message.
void checkAgreement(const Schemas &schemas, QByteArrayView bytes, quint8 choice)
{
    const QString type = QString::fromLatin1(kTypes[choice % kTypeCount]);
    const ProtoSchema &schema = schemas.of(type);
    const google::protobuf::Descriptor *descriptor = schema.message(type);
    std::unique_ptr<google::protobuf::Message> message(schema.prototype(descriptor)->New());
    const bool parsed = message->ParsePartialFromArray(bytes.data(), int(bytes.size()));
    const bool checked = !ProtoWireChecker::check(bytes, descriptor).has_value();
    if (parsed != checked)
        std::abort();
    if (!checked || !ProtoWireJsonWriter::supported(descriptor))
        return;
    for (const qsizetype limit : {qsizetype(-1), qsizetype(1 + choice % 97)}) {
        JsonTextWriter direct(limit);
        direct.recordSpans();
        if (!ProtoWireJsonWriter::write(bytes, descriptor, direct))
            return; // left to the library: fine
        JsonTextWriter reflected(limit);
        ProtoJsonWriter::write(*message, reflected);
        if (direct.text() != reflected.text() || direct.isFull() != reflected.isFull())
            std::abort();
        const std::optional<QList<JsonSpan>> spans = direct.takeSpans();
        if (spans.has_value() == direct.isFull())
            std::abort();
        if (spans && *spans != JsonHighlighter::spans(direct.text()))
            std::abort();
    }
}

// The index is a tree in document order, and Qt's parser accepts what it accepts.
void checkJsonIndex(const QByteArray &json)
{
    const JsonIndex index = JsonIndex::parse(json);
    if (!index.isValid()) {
        if (index.error().isEmpty() || index.errorOffset() < 0 || index.errorOffset() > json.size())
            std::abort();
        return;
    }
    for (quint32 id = 0; id < index.nodeCount(); ++id) {
        const JsonIndex::Node &node = index.node(id);
        if (node.start > node.end || node.end > quint32(json.size()))
            std::abort();
        if (id > 0 && (node.parent >= id || index.child(node.parent, node.row) != id))
            std::abort();
        if (id < 64)
            (void)index.path(id), (void)index.key(id), (void)index.valueText(id);
    }
    if (index.isContainer(0)) {
        // Qt refuses numbers beyond a double's range (1e400) that JSON's grammar allows and
        // the index keeps digit for digit; anything else it refuses is a disagreement.
        QJsonParseError error;
        QJsonDocument::fromJson(json, &error);
        if (error.error != QJsonParseError::NoError &&
            error.error != QJsonParseError::IllegalNumber)
            std::abort();
    }
    (void)JsonTreeModel::findNodes(index, QStringLiteral("a"), 100);
}

// The node a path copied from `id` names when each key step takes the first member with
// that key: the node itself unless a duplicate key comes first on the way.
std::optional<quint32> firstWins(const JsonIndex &index, quint32 id)
{
    std::vector<quint32> chain;
    for (quint32 at = id; at != 0; at = index.node(at).parent)
        chain.push_back(at);
    quint32 at = 0;
    for (auto step = chain.rbegin(); step != chain.rend(); ++step) {
        const JsonIndex::Node &container = index.node(at);
        if (!index.hasKey(*step)) {
            if (container.type != JsonIndex::Type::Array ||
                index.node(*step).row >= container.childCount)
                return std::nullopt;
            at = index.child(at, index.node(*step).row);
            continue;
        }
        if (container.type != JsonIndex::Type::Object)
            return std::nullopt;
        const QString key = index.key(*step);
        std::optional<quint32> found;
        for (quint32 row = 0; row < container.childCount && !found; ++row) {
            if (index.key(index.child(at, row)) == key)
                found = index.child(at, row);
        }
        if (!found)
            return std::nullopt;
        at = *found;
    }
    return at;
}

void checkJsonPathQuery(const QByteArray &json, QByteArrayView pathBytes)
{
    const JsonIndex index = JsonIndex::parse(json);
    static const QList<JsonPathQuery> fixed = [] {
        QList<JsonPathQuery> out;
        for (const char *path : {"$", "$.v", "$[0]", "$..t", "$..a[1]['b c']", "$.a..b"})
            out.append(*JsonPathQuery::parse(QString::fromLatin1(path)));
        return out;
    }();
    auto inside = [&json](const JsonPathQuery::Match &match) {
        return match.raw.data() >= json.constData() &&
               match.raw.data() + match.raw.size() <= json.constData() + json.size() &&
               !match.raw.isEmpty();
    };
    for (const JsonPathQuery &query : fixed) {
        bool isJson = false;
        const std::optional<JsonPathQuery::Match> match = query.evaluate(json, &isJson);
        if (isJson != index.isValid() || (match && !inside(*match)))
            std::abort();
    }
    for (quint32 id = 0; index.isValid() && id < index.nodeCount() && id < 64; ++id) {
        const std::optional<JsonPathQuery> query = JsonPathQuery::parse(index.path(id));
        if (!query)
            std::abort();
        const std::optional<JsonPathQuery::Match> match = query->evaluate(json);
        const std::optional<quint32> expected = firstWins(index, id);
        if (match.has_value() != expected.has_value())
            std::abort();
        if (match && (match->raw.data() != index.raw(*expected).data() ||
                      match->raw.size() != index.raw(*expected).size() ||
                      match->type != index.node(*expected).type))
            std::abort();
    }
    // Made a path from its first character on, so that the fuzzer need not find the '$'.
    QString path = QString::fromUtf8(pathBytes);
    if (!path.startsWith(u'$'))
        path.prepend(u'$');
    QString why;
    const std::optional<JsonPathQuery> own = JsonPathQuery::parse(path, &why);
    if (!own) {
        if (why.isEmpty())
            std::abort();
        return;
    }
    const std::optional<JsonPathQuery::Match> match = own->evaluate(json);
    if (match && !inside(*match))
        std::abort();
    const std::optional<JsonPathQuery> again = JsonPathQuery::parse(own->toString());
    if (!again || again->toString() != own->toString())
        std::abort();
}

// The decoder this executable is named for (fuzz_payload_<id>), or empty: any, by byte 0.
QString &fixedDecoder()
{
    static QString id;
    return id;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    if (*argc > 0) {
        const QString name = QString::fromLocal8Bit((*argv)[0]).section(u'/', -1);
        const QString prefix = QStringLiteral("fuzz_payload_");
        if (name.startsWith(prefix))
            fixedDecoder() = name.mid(prefix.size());
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const Schemas schemas;
    if (size < 3 || size > 1024 * 1024)
        return 0;
    const QList<const PayloadDecoder *> decoders = DecoderRegistry::instance().decoders();
    const PayloadDecoder *decoder = fixedDecoder().isEmpty()
                                        ? decoders.at(data[0] % decoders.size())
                                        : DecoderRegistry::instance().decoder(fixedDecoder());
    if (!decoder)
        std::abort(); // named for a decoder the registry does not have
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 3), qsizetype(size - 3));

    RenderOptions options;
    options.maxChars = (data[1] & 1) ? 64 : -1;
    options.hexBytesPerLine = 4 << ((data[1] >> 1) % 3);
    if (decoder->id() == u"numeric")
        options.decoderOptions = numericOptions(data[2]);
    else if (decoder->id() == u"protobuf")
        options.decoderOptions = protobufOptions(data[2]);

    (void)decoder->detect(bytes, options.hint);
    const RenderedPayload out = decoder->render(bytes, options);
    if (out.decoder.isEmpty() || out.decoder == DecoderRegistry::AutoId)
        std::abort();
    if (decoder->id() != DecoderRegistry::AutoId && out.decoder != decoder->id() && !out.error)
        std::abort(); // fell back without saying why
    if (out.error)
        (void)out.error->message();
    if (options.maxChars >= 0 && out.text.size() > 4096)
        std::abort(); // a preview that rendered everything
    if (decoder->id() == u"protobuf")
        checkAgreement(schemas, bytes, data[2]);
    checkJsonIndex(bytes.toByteArray());
    if (out.text.startsWith(u'{') || out.text.startsWith(u'['))
        checkJsonIndex(out.text.toUtf8());
    checkJsonPathQuery(bytes.toByteArray(), bytes.first(qMin<qsizetype>(bytes.size(), 24)));
    if (out.text.startsWith(u'{') || out.text.startsWith(u'['))
        checkJsonPathQuery(out.text.toUtf8(), bytes.first(qMin<qsizetype>(bytes.size(), 24)));
    if (bytes.size() <= 64 * 1024) {
        const qsizetype half = bytes.size() / 2;
        PayloadDiffSide left;
        left.bytes = bytes.first(half).toByteArray();
        left.decoder = decoder->id();
        left.options = options;
        PayloadDiffSide right = left;
        right.bytes = bytes.sliced(half).toByteArray();
        const PayloadDiffResult diff =
            PayloadDiff::compare(left, right, PayloadDiffMode(data[2] % 4));
        (void)diff.summaryText();
    }
    if (decoder->id() == u"sparkplug") {
        // A session over the same bytes as several message types of one edge node.
        static SparkplugSession session;
        static const char *const kTopics[] = {"spBv1.0/g/NBIRTH/n", "spBv1.0/g/DBIRTH/n/d",
                                              "spBv1.0/g/DDATA/n/d", "spBv1.0/g/NDEATH/n"};
        const auto result =
            session.process(QString::fromLatin1(kTopics[data[2] % 4]), bytes, options.maxChars);
        if (!result)
            std::abort();
    }
    return 0;
}
