// The Protobuf decoder over the .proto files in data/: every field shape shown as JSON,
// unknown fields listed, and bytes that are not a message named with where they stop.
// Payloads are made here with libprotobuf (text format -> DynamicMessage -> bytes).

#include "core/payload/decoder_registry.h"
#include "core/protobuf/proto_schema.h"
#include "core/protobuf/proto_schema_cache.h"
#include "core/protobuf/proto_schema_source.h"
#include "core/protobuf/protobuf_decoder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/text_format.h>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

const QString kData = QStringLiteral(MQTTDESK_PROTO_DATA);

QString dataFile(const QString &name)
{
    return kData + u'/' + name;
}

QJsonObject optionsFor(const QString &type, const QString &file = dataFile(u"demo.proto"_s))
{
    ProtoSchemaSource source;
    source.files = {file};
    source.importPaths = {kData};
    source.messageType = type;
    return source.toJson();
}

// `text` (Protobuf text format) as wire bytes of `type`.
QByteArray encode(const QString &type, const char *text,
                  const QString &file = dataFile(u"demo.proto"_s))
{
    QString why;
    const std::shared_ptr<const ProtoSchema> schema = ProtoSchema::load({file}, {kData}, &why);
    if (!schema)
        qFatal("schema: %s", qPrintable(why));
    const google::protobuf::Descriptor *descriptor = schema->message(type);
    if (!descriptor)
        qFatal("no type %s", qPrintable(type));
    std::unique_ptr<google::protobuf::Message> message(schema->prototype(descriptor)->New());
    google::protobuf::TextFormat::Parser parser;
    parser.AllowPartialMessage(true); // a proto2 message without its required fields, too
    if (!parser.ParseFromString(text, message.get()))
        qFatal("text format of %s", qPrintable(type));
    const std::string bytes = message->SerializePartialAsString();
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

RenderedPayload render(const QByteArray &bytes, const QJsonObject &options, qsizetype maxChars = -1)
{
    RenderOptions render;
    render.decoderOptions = options;
    render.maxChars = maxChars;
    return ProtobufDecoder().render(bytes, render);
}

QJsonObject decodedObject(const RenderedPayload &rendered)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(rendered.text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s\n%s", qPrintable(error.errorString()), qPrintable(rendered.text));
    return document.object();
}

QByteArray varint(quint64 value)
{
    QByteArray out;
    do {
        quint8 b = value & 0x7f;
        value >>= 7;
        out.append(char(value ? b | 0x80 : b));
    } while (value);
    return out;
}

QByteArray lengthDelimited(int field, const QByteArray &inner)
{
    return varint(quint64(field) << 3 | 2) + varint(quint64(inner.size())) + inner;
}

} // namespace

class TstProtobufDecoder : public QObject
{
    Q_OBJECT

private slots:
    void init() { ProtoSchemaCache::instance().clear(); }

    void schemaListsItsTypesWithImports();
    void everyFieldShape();
    void defaultsShownUnsetLeftOut();
    void unknownFieldsListed();
    void proto2GroupsAndRequired();
    void malformedBytesNamed_data();
    void malformedBytesNamed();
    void wrongTypeNamed();
    void schemaProblemsNamed();
    void badOptionsNamed();
    void previewStopsEarly();
    void changedFileReloads();
    void registeredButNeverDetected();
};

void TstProtobufDecoder::schemaListsItsTypesWithImports()
{
    QString why;
    const auto schema = ProtoSchema::load({dataFile(u"demo.proto"_s)}, {kData}, &why);
    QVERIFY2(schema, qPrintable(why));
    QCOMPARE(schema->messageTypes(),
             (QStringList{u"demo.Envelope"_s, u"demo.Reading"_s, u"demo.Reading.Location"_s}));
    QVERIFY(schema->message(u"common.Quantity"_s)); // from the import
    QVERIFY(!schema->message(u"demo.Nope"_s));
}

void TstProtobufDecoder::everyFieldShape()
{
    const QByteArray bytes = encode(u"demo.Reading"_s, R"(
        device: "pump-7" timestamp_ms: 1733400000123 status: FAULT
        quantities { value: 21.5 unit: CELSIUS } quantities { value: 101325 unit: PASCAL }
        samples: -3 samples: 0 samples: 7
        labels { key: "room" value: "lab" }
        location { site: "north" floor: 2 }
        raw: "\001\002\377" ratio: 0.1 counter: 18446744073709551615 battery: 0
        spectrum: 0.25 spectrum: 1e-3
        rooms { key: 4 value { site: "b" floor: -1 } })");
    const RenderedPayload out = render(bytes, optionsFor(u"demo.Reading"_s));
    QVERIFY2(!out.error, qPrintable(out.error ? out.error->message() : QString()));
    QCOMPARE(out.decoder, u"protobuf"_s);
    QVERIFY(!out.truncated);
    QVERIFY(!out.spans.isEmpty());

    const QJsonObject o = decodedObject(out);
    QCOMPARE(o.value(u"device"_s).toString(), u"pump-7"_s);
    QCOMPARE(o.value(u"timestamp_ms"_s).toInteger(), 1733400000123LL);
    QCOMPARE(o.value(u"status"_s).toString(), u"FAULT"_s);
    const QJsonArray quantities = o.value(u"quantities"_s).toArray();
    QCOMPARE(quantities.size(), 2);
    QCOMPARE(quantities.at(0).toObject().value(u"unit"_s).toString(), u"CELSIUS"_s);
    QCOMPARE(quantities.at(1).toObject().value(u"value"_s).toDouble(), 101325.0);
    QCOMPARE(o.value(u"samples"_s).toArray(), (QJsonArray{-3, 0, 7}));
    QCOMPARE(o.value(u"labels"_s).toObject(), (QJsonObject{{u"room"_s, u"lab"_s}}));
    QCOMPARE(o.value(u"location"_s).toObject().value(u"floor"_s).toInt(), 2);
    QVERIFY(!o.contains(u"gateway"_s)); // the other member of the oneof
    QCOMPARE(o.value(u"raw"_s).toString(), u"AQL/"_s);
    QCOMPARE(o.value(u"battery"_s).toInt(-1), 0); // optional, set to 0: shown
    QCOMPARE(o.value(u"rooms"_s).toObject().value(u"4"_s).toObject().value(u"site"_s).toString(),
             u"b"_s);
    // Floats in their own shortest form, 64-bit integers exact (QJsonDocument would round).
    QVERIFY2(out.text.contains(u"\"ratio\": 0.1,"_s), qPrintable(out.text));
    QVERIFY2(out.text.contains(u"0.001"_s), qPrintable(out.text));
    QVERIFY2(out.text.contains(u"\"counter\": 18446744073709551615"_s), qPrintable(out.text));
    // Declaration order, not wire or alphabetical order.
    QVERIFY(out.text.indexOf(u"\"device\""_s) < out.text.indexOf(u"\"timestamp_ms\""_s));
    QVERIFY(out.text.indexOf(u"\"status\""_s) < out.text.indexOf(u"\"quantities\""_s));
}

void TstProtobufDecoder::defaultsShownUnsetLeftOut()
{
    const RenderedPayload out = render(QByteArray(), optionsFor(u"demo.Reading"_s));
    QVERIFY(!out.error);
    const QJsonObject o = decodedObject(out);
    QCOMPARE(o.value(u"device"_s).toString(u"missing"_s), QString());
    QCOMPARE(o.value(u"status"_s).toString(), u"STATUS_UNKNOWN"_s);
    QCOMPARE(o.value(u"counter"_s).toInteger(-1), 0);
    for (const QString &absent : {u"battery"_s, u"location"_s, u"gateway"_s, u"quantities"_s,
                                  u"labels"_s, u"(unknown fields)"_s})
        QVERIFY2(!o.contains(absent), qPrintable(absent));
}

void TstProtobufDecoder::unknownFieldsListed()
{
    // demo.Reading with field 99 (varint 42) and field 100 (bytes "hi"), which it does not
    // declare, and an enum number it has no name for.
    QByteArray bytes = encode(u"demo.Reading"_s, R"(device: "d")");
    bytes += varint(99 << 3) + varint(42);
    bytes += lengthDelimited(100, "hi");
    bytes += varint(3 << 3) + varint(9);
    const RenderedPayload out = render(bytes, optionsFor(u"demo.Reading"_s));
    QVERIFY(!out.error);
    const QJsonObject o = decodedObject(out);
    QCOMPARE(o.value(u"status"_s).toInt(), 9);
    const QJsonArray unknown = o.value(u"(unknown fields)"_s).toArray();
    QCOMPARE(unknown.size(), 2);
    QCOMPARE(unknown.at(0).toObject(),
             (QJsonObject{{u"field"_s, 99}, {u"wire"_s, u"varint"_s}, {u"value"_s, 42}}));
    QCOMPARE(unknown.at(1).toObject(),
             (QJsonObject{{u"field"_s, 100}, {u"wire"_s, u"bytes"_s}, {u"value"_s, u"aGk="_s}}));
}

void TstProtobufDecoder::proto2GroupsAndRequired()
{
    const QString legacy = dataFile(u"legacy.proto"_s);
    const QByteArray bytes =
        encode(u"legacy.Frame"_s, R"(id: 7 note: "x" Extra { level: 5 })", legacy);
    const RenderedPayload out = render(bytes, optionsFor(u"legacy.Frame"_s, legacy));
    QVERIFY2(!out.error, qPrintable(out.error ? out.error->message() : QString()));
    const QJsonObject o = decodedObject(out);
    QCOMPARE(o.value(u"id"_s).toInt(), 7);
    QCOMPARE(o.value(u"extra"_s).toObject().value(u"level"_s).toInt(), 5);

    // The required id missing: a named error, and the bytes stay in sight.
    const QByteArray partial = encode(u"legacy.Frame"_s, R"(note: "x")", legacy);
    const RenderedPayload missing = render(partial, optionsFor(u"legacy.Frame"_s, legacy));
    QVERIFY(missing.error);
    QCOMPARE(missing.error->code, PayloadErrorCode::MalformedMessage);
    QVERIFY2(missing.error->message().contains(u"required fields are missing: id"_s),
             qPrintable(missing.error->message()));
    QVERIFY(missing.decoder == u"text"_s || missing.decoder == u"hex"_s);
}

void TstProtobufDecoder::malformedBytesNamed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<QString>("reason");

    const QByteArray valid = encode(u"demo.Reading"_s, R"(device: "pump-7" timestamp_ms: 300)");
    // 0a 06 "pump-7" 10 ac 02: cut inside the varint 300.
    QTest::newRow("truncated varint")
        << valid.first(valid.size() - 1) << qsizetype(9) << u"at byte 9: truncated varint."_s;
    // 0a 06 "pum": the length says 6, 3 follow.
    QTest::newRow("length past the end")
        << valid.first(5) << qsizetype(2) << u"field 1 says 6 bytes follow, but only 3 do"_s;
    // 0x0f: field 1, wire type 7.
    QTest::newRow("wire type 7") << QByteArray("\x0f\x01", 2) << qsizetype(0)
                                 << u"invalid wire type 7 (field 1)"_s;
    // Tag 0x00: field number 0.
    QTest::newRow("field 0") << QByteArray("\x00\x01", 2) << qsizetype(0) << u"field number 0"_s;
    // Field 2 (int64), eleven bytes of varint.
    QTest::newRow("varint over 10 bytes")
        << QByteArray("\x10\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 12) << qsizetype(1)
        << u"a varint longer than 10 bytes"_s;
    // Field 10 (float), fixed32 with 2 bytes.
    QTest::newRow("truncated fixed32") << QByteArray("\x55\x00\x00", 3) << qsizetype(1)
                                       << u"truncated 32-bit field (2 of 4 bytes)"_s;
    // device = ff fe: proto3 strings must be UTF-8.
    QTest::newRow("invalid UTF-8") << QByteArray("\x0a\x02\xff\xfe", 4) << qsizetype(2)
                                   << u"the string field 'device' is not valid UTF-8"_s;
    // An end-group tag for field 4 that nothing opened.
    QTest::newRow("stray end group") << QByteArray("\x24", 1) << qsizetype(0)
                                     << u"an end-group tag for field 4 that no group opened"_s;
    // Packed floats (field 13) with 6 bytes: one float and 2 left over.
    QTest::newRow("packed floats")
        << QByteArray("\x6a\x06\x00\x00\x80\x3f\x00\x00", 8) << qsizetype(6)
        << u"a packed list of 4-byte values with 2 bytes left over"_s;
    // Location (field 7) whose floor varint is cut: nested messages are walked too.
    QTest::newRow("nested truncation")
        << QByteArray("\x3a\x02\x10\x80", 4) << qsizetype(3) << u"truncated varint"_s;
}

void TstProtobufDecoder::malformedBytesNamed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qsizetype, offset);
    QFETCH(QString, reason);
    const RenderedPayload out = render(bytes, optionsFor(u"demo.Reading"_s));
    QVERIFY(out.error);
    QCOMPARE(out.error->code, PayloadErrorCode::MalformedMessage);
    QCOMPARE(out.error->offset, offset);
    const QString message = out.error->message();
    QVERIFY2(message.startsWith(u"Not a valid demo.Reading at byte %1: "_s.arg(offset)),
             qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
    // The raw bytes are what is shown instead.
    QVERIFY(out.decoder == u"text"_s || out.decoder == u"hex"_s);
    QVERIFY(!out.text.isEmpty());
}

void TstProtobufDecoder::wrongTypeNamed()
{
    // An Envelope nested 150 deep: beyond the parser's recursion limit, named, no crash.
    QByteArray deep;
    for (int i = 0; i < 150; ++i)
        deep = lengthDelimited(3, deep);
    const RenderedPayload nested = render(deep, optionsFor(u"demo.Envelope"_s));
    QVERIFY(nested.error);
    QVERIFY2(nested.error->message().contains(u"nested more than 100 deep"_s),
             qPrintable(nested.error->message()));

    // A Reading read as an Envelope: its device (field 1, "pump-7") is the topic, and its
    // timestamp (field 2, varint) is no Reading: kept as an unknown field, not an error.
    const QByteArray reading = encode(u"demo.Reading"_s, R"(device: "pump-7" timestamp_ms: 5)");
    const QJsonObject o = decodedObject(render(reading, optionsFor(u"demo.Envelope"_s)));
    QCOMPARE(o.value(u"topic"_s).toString(), u"pump-7"_s);
    QCOMPARE(o.value(u"(unknown fields)"_s).toArray().size(), 1);
}

void TstProtobufDecoder::schemaProblemsNamed()
{
    const QByteArray bytes("\x08\x01", 2);
    // A syntax error: file, line and column.
    RenderedPayload out = render(bytes, optionsFor(u"broken.Oops"_s, dataFile(u"broken.proto"_s)));
    QVERIFY(out.error);
    QCOMPARE(out.error->code, PayloadErrorCode::SchemaUnavailable);
    QVERIFY2(out.error->message().contains(u"broken.proto:7:3: Expected \";\"."_s),
             qPrintable(out.error->message()));
    // A missing file.
    out = render(bytes, optionsFor(u"x.Y"_s, dataFile(u"missing.proto"_s)));
    QVERIFY2(out.error &&
                 out.error->message().contains(u"missing.proto: the file does not exist"_s),
             qPrintable(out.error ? out.error->message() : QString()));
    // A type the files do not declare.
    out = render(bytes, optionsFor(u"demo.Readings"_s));
    QVERIFY2(out.error && out.error->message().contains(u"declare no message type demo.Readings"_s),
             qPrintable(out.error ? out.error->message() : QString()));
    // An import that cannot be found (no import path given).
    ProtoSchemaSource source;
    source.files = {dataFile(u"demo.proto"_s)};
    source.messageType = u"demo.Reading"_s;
    QTemporaryDir dir;
    QVERIFY(QFile::copy(dataFile(u"demo.proto"_s), dir.filePath(u"demo.proto"_s)));
    source.files = {dir.filePath(u"demo.proto"_s)};
    out = render(bytes, source.toJson());
    QVERIFY2(out.error && out.error->message().contains(u"common/units.proto"_s),
             qPrintable(out.error ? out.error->message() : QString()));
    // No type chosen yet.
    source.messageType.clear();
    out = render(bytes, source.toJson());
    QVERIFY2(out.error && out.error->message().contains(u"choose the message type"_s),
             qPrintable(out.error ? out.error->message() : QString()));
}

void TstProtobufDecoder::badOptionsNamed()
{
    const RenderedPayload out =
        render("x", QJsonObject{{u"files"_s, u"demo.proto"_s}, {u"type"_s, u"demo.Reading"_s}});
    QVERIFY(out.error);
    QCOMPARE(out.error->code, PayloadErrorCode::BadDecoderOptions);
    QVERIFY2(out.error->message().contains(u"'files' must be a list of paths."_s),
             qPrintable(out.error->message()));
    QCOMPARE(out.text, u"x"_s);
}

void TstProtobufDecoder::previewStopsEarly()
{
    QByteArray text("device: \"big\"");
    for (int i = 0; i < 5000; ++i)
        text += " samples: " + QByteArray::number(i);
    const QByteArray bytes = encode(u"demo.Reading"_s, text.constData());
    const RenderedPayload preview = render(bytes, optionsFor(u"demo.Reading"_s), 200);
    QVERIFY(!preview.error);
    QVERIFY(preview.truncated);
    QVERIFY2(preview.text.size() < 400, qPrintable(QString::number(preview.text.size())));
    const RenderedPayload full = render(bytes, optionsFor(u"demo.Reading"_s));
    QVERIFY(!full.truncated);
    QCOMPARE(decodedObject(full).value(u"samples"_s).toArray().size(), 5000);
}

void TstProtobufDecoder::changedFileReloads()
{
    ProtoSchemaCache::instance().setRecheckInterval(std::chrono::milliseconds(0));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"live.proto"_s);
    const auto write = [&path](const QByteArray &body, int secondsAhead) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("syntax = \"proto3\"; package live; message M { " + body + " }");
        file.close();
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(secondsAhead),
                                 QFileDevice::FileModificationTime));
    };
    write("int32 a = 1;", 0);
    RenderedPayload out = render("\x08\x05", optionsFor(u"live.M"_s, path));
    QCOMPARE(decodedObject(out).value(u"a"_s).toInt(), 5);
    write("int32 renamed = 1;", 10);
    out = render("\x08\x05", optionsFor(u"live.M"_s, path));
    QCOMPARE(decodedObject(out).value(u"renamed"_s).toInt(), 5);
    ProtoSchemaCache::instance().setRecheckInterval(std::chrono::milliseconds(1000));
}

void TstProtobufDecoder::registeredButNeverDetected()
{
    DecoderRegistry registry;
    registry.addBuiltIns();
    ProtobufDecoder::registerIn(registry);
    const PayloadDecoder *decoder = registry.decoder(u"protobuf");
    QVERIFY(decoder);
    QCOMPARE(decoder->name(), u"Protobuf"_s);
    QCOMPARE(decoder->detect(encode(u"demo.Reading"_s, R"(device: "x")"), {}),
             PayloadDecoder::kNoMatch);
    QCOMPARE(ProtoSchemaSource::fromJson(decoder->defaultOptions()), ProtoSchemaSource());
    RenderOptions options;
    options.decoderOptions = optionsFor(u"demo.Reading"_s);
    QCOMPARE(
        registry.render(encode(u"demo.Reading"_s, R"(device: "x")"), u"protobuf", options).decoder,
        u"protobuf"_s);
}

QTEST_GUILESS_MAIN(TstProtobufDecoder)
#include "tst_protobuf_decoder.moc"
