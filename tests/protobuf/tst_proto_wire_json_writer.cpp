// ProtoWireJsonWriter against its oracle: for every message it writes, the text must be the
// one ProtoJsonWriter writes for the same bytes parsed by libprotobuf, to the character and
// for every preview length; where one pass cannot give that text it must decline. Messages
// come from libprotobuf (random values for every field of scalars.All, the demo reading)
// and from hand-made wire bytes (fields out of order, merges, oneof rivals, duplicate map
// keys, unknown fields).

#include "core/payload/json_highlighter.h"
#include "core/payload/json_text_writer.h"
#include "core/protobuf/proto_json_writer.h"
#include "core/protobuf/proto_schema.h"
#include "core/protobuf/proto_schema_cache.h"
#include "core/protobuf/proto_schema_source.h"
#include "core/protobuf/proto_wire_checker.h"
#include "core/protobuf/proto_wire_json_writer.h"
#include "core/protobuf/protobuf_decoder.h"

#include <QRandomGenerator>
#include <QTest>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/text_format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

using namespace mqttdesk;
using namespace Qt::StringLiterals;
namespace pb = google::protobuf;

namespace {

const QString kData = QStringLiteral(MQTTDESK_PROTO_DATA);

std::shared_ptr<const ProtoSchema> load(const QString &file)
{
    QString why;
    auto schema = ProtoSchema::load({kData + u'/' + file}, {kData}, &why);
    if (!schema)
        qFatal("schema %s: %s", qPrintable(file), qPrintable(why));
    return schema;
}

QByteArray wire(const pb::Message &message)
{
    const std::string bytes = message.SerializePartialAsString();
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

// What the parsed message shows (the oracle), or a null string when the library refuses it.
QString parsedText(const ProtoSchema &schema, const pb::Descriptor *type, const QByteArray &bytes,
                   qsizetype maxChars = -1)
{
    std::unique_ptr<pb::Message> message(schema.prototype(type)->New());
    if (!message->ParsePartialFromArray(bytes.data(), int(bytes.size())))
        return QString();
    JsonTextWriter writer(maxChars);
    ProtoJsonWriter::write(*message, writer);
    return writer.text();
}

// The direct writer's text, or a null string when it declines. The highlighting it records
// while writing must be what the highlighter reads from the text.
QString directText(const pb::Descriptor *type, const QByteArray &bytes, qsizetype maxChars = -1)
{
    JsonTextWriter writer(maxChars);
    writer.recordSpans();
    if (!ProtoWireJsonWriter::write(bytes, type, writer))
        return QString();
    const std::optional<QList<JsonSpan>> spans = writer.takeSpans();
    if (spans.has_value() == writer.isFull())
        qFatal("spans kept for a cut text, or none for a whole one");
    if (spans && *spans != JsonHighlighter::spans(writer.text()))
        qFatal("recorded spans differ from the highlighter's:\n%s", qPrintable(writer.text()));
    return writer.text();
}

// Where two texts part, with some context: QCOMPARE shows only their beginnings.
QByteArray firstDifference(const QString &actual, const QString &expected)
{
    qsizetype at = 0;
    while (at < actual.size() && at < expected.size() && actual[at] == expected[at])
        ++at;
    const qsizetype from = qMax<qsizetype>(0, at - 80);
    return (u"at %1:\n--- direct:\n%2\n--- parsed:\n%3"_s.arg(at).arg(actual.mid(from, 200),
                                                                      expected.mid(from, 200)))
        .toUtf8();
}

#define COMPARE_TEXT(actual, expected)                                                             \
    do {                                                                                           \
        const QString a_ = (actual);                                                               \
        const QString e_ = (expected);                                                             \
        QVERIFY2(a_ == e_, firstDifference(a_, e_).constData());                                   \
    } while (false)

QByteArray varint(quint64 value)
{
    QByteArray out;
    do {
        const quint8 b = value & 0x7f;
        value >>= 7;
        out.append(char(value ? b | 0x80 : b));
    } while (value);
    return out;
}

QByteArray tag(int field, int wire)
{
    return varint(quint64(field) << 3 | quint64(wire));
}

QByteArray delimited(int field, const QByteArray &inner)
{
    return tag(field, 2) + varint(quint64(inner.size())) + inner;
}

// The top-level fields of a message, each with its tag, as sent.
QList<QByteArray> fieldsOf(const QByteArray &bytes)
{
    QList<QByteArray> out;
    qsizetype pos = 0;
    auto readVarint = [&](quint64 *value) {
        quint64 v = 0;
        for (int shift = 0; pos < bytes.size(); shift += 7) {
            const quint8 b = quint8(bytes[pos++]);
            v |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80))
                break;
        }
        *value = v;
    };
    while (pos < bytes.size()) {
        const qsizetype start = pos;
        quint64 key = 0;
        readVarint(&key);
        quint64 value = 0;
        switch (key & 7) {
        case 0:
            readVarint(&value);
            break;
        case 1:
            pos += 8;
            break;
        case 5:
            pos += 4;
            break;
        case 2:
            readVarint(&value);
            pos += qsizetype(value);
            break;
        default:
            qFatal("unexpected wire type in a generated message");
        }
        out.append(bytes.mid(start, pos - start));
    }
    return out;
}

class RandomMessage
{
public:
    explicit RandomMessage(quint32 seed)
        : m_random(seed)
    {}

    void fill(pb::Message &m, int depth)
    {
        const pb::Descriptor *type = m.GetDescriptor();
        const pb::Reflection *r = m.GetReflection();
        for (int i = 0; i < type->field_count(); ++i) {
            const pb::FieldDescriptor *f = type->field(i);
            if (m_random.bounded(3) == 0)
                continue;
            if (f->type() == pb::FieldDescriptor::TYPE_MESSAGE && depth > 3)
                continue;
            if (f->is_map()) {
                const int entries = int(m_random.bounded(5));
                for (int e = 0; e < entries; ++e)
                    fill(*r->AddMessage(&m, f), depth + 1);
            } else if (f->is_repeated()) {
                const int count = int(m_random.bounded(5));
                for (int e = 0; e < count; ++e)
                    add(m, f, depth);
            } else {
                set(m, f, depth);
            }
        }
    }

private:
    quint64 bits() { return m_random.generate64(); }

    // Mostly small numbers, sometimes any 64 bits: both varint lengths and the extremes.
    quint64 number() { return m_random.bounded(4) == 0 ? bits() : m_random.bounded(300); }

    double real()
    {
        switch (m_random.bounded(5)) {
        case 0: {
            const quint64 raw = bits();
            double value = 0;
            std::memcpy(&value, &raw, sizeof value);
            return value; // any double, NaN and infinities included
        }
        case 1:
            return double(qint64(number()));
        default:
            return (m_random.generateDouble() - 0.5) * 1e6;
        }
    }

    std::string text()
    {
        static const char *const kPieces[] = {"a",  "Z", "7",  " ", "\"", "\\",
                                              "\n", "é", "水", "😀", "\t", "x\x01"};
        std::string out;
        const int count = int(m_random.bounded(8));
        for (int i = 0; i < count; ++i)
            out += kPieces[m_random.bounded(int(std::size(kPieces)))];
        return out;
    }

    std::string blob()
    {
        std::string out(size_t(m_random.bounded(12)), '\0');
        for (char &c : out)
            c = char(m_random.bounded(256));
        return out;
    }

    int enumNumber(const pb::FieldDescriptor *f)
    {
        const pb::EnumDescriptor *e = f->enum_type();
        return e->value(int(m_random.bounded(e->value_count())))->number();
    }

    void set(pb::Message &m, const pb::FieldDescriptor *f, int depth)
    {
        const pb::Reflection *r = m.GetReflection();
        switch (f->cpp_type()) {
        case pb::FieldDescriptor::CPPTYPE_INT32:
            r->SetInt32(&m, f, qint32(number()));
            break;
        case pb::FieldDescriptor::CPPTYPE_INT64:
            r->SetInt64(&m, f, qint64(number()));
            break;
        case pb::FieldDescriptor::CPPTYPE_UINT32:
            r->SetUInt32(&m, f, quint32(number()));
            break;
        case pb::FieldDescriptor::CPPTYPE_UINT64:
            r->SetUInt64(&m, f, number());
            break;
        case pb::FieldDescriptor::CPPTYPE_DOUBLE:
            r->SetDouble(&m, f, real());
            break;
        case pb::FieldDescriptor::CPPTYPE_FLOAT:
            r->SetFloat(&m, f, float(real()));
            break;
        case pb::FieldDescriptor::CPPTYPE_BOOL:
            r->SetBool(&m, f, m_random.bounded(2));
            break;
        case pb::FieldDescriptor::CPPTYPE_ENUM:
            r->SetEnumValue(&m, f, enumNumber(f));
            break;
        case pb::FieldDescriptor::CPPTYPE_STRING:
            r->SetString(&m, f, f->type() == pb::FieldDescriptor::TYPE_BYTES ? blob() : text());
            break;
        case pb::FieldDescriptor::CPPTYPE_MESSAGE:
            fill(*r->MutableMessage(&m, f), depth + 1);
            break;
        }
    }

    void add(pb::Message &m, const pb::FieldDescriptor *f, int depth)
    {
        const pb::Reflection *r = m.GetReflection();
        switch (f->cpp_type()) {
        case pb::FieldDescriptor::CPPTYPE_INT32:
            r->AddInt32(&m, f, qint32(number()));
            break;
        case pb::FieldDescriptor::CPPTYPE_INT64:
            r->AddInt64(&m, f, qint64(number()));
            break;
        case pb::FieldDescriptor::CPPTYPE_UINT32:
            r->AddUInt32(&m, f, quint32(number()));
            break;
        case pb::FieldDescriptor::CPPTYPE_UINT64:
            r->AddUInt64(&m, f, number());
            break;
        case pb::FieldDescriptor::CPPTYPE_DOUBLE:
            r->AddDouble(&m, f, real());
            break;
        case pb::FieldDescriptor::CPPTYPE_FLOAT:
            r->AddFloat(&m, f, float(real()));
            break;
        case pb::FieldDescriptor::CPPTYPE_BOOL:
            r->AddBool(&m, f, m_random.bounded(2));
            break;
        case pb::FieldDescriptor::CPPTYPE_ENUM:
            r->AddEnumValue(&m, f, enumNumber(f));
            break;
        case pb::FieldDescriptor::CPPTYPE_STRING:
            r->AddString(&m, f, f->type() == pb::FieldDescriptor::TYPE_BYTES ? blob() : text());
            break;
        case pb::FieldDescriptor::CPPTYPE_MESSAGE:
            fill(*r->AddMessage(&m, f), depth + 1);
            break;
        }
    }

    QRandomGenerator m_random;
};

} // namespace

class TstProtoWireJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    void randomMessagesMatchTheParsedOnes();
    void shuffledFieldsMatchTheParsedOnes();
    void previewsMatchAtEveryLength();
    void demoReadingMatches();
    void mapsInKeyOrderLastEntryWins();
    void unknownFieldsListedInOrder();
    void packedAndUnpackedMixed();
    void declinesWhatNeedsTheLibrary_data();
    void declinesWhatNeedsTheLibrary();
    void unsupportedTypes();
    void decoderUsesEitherPathWithTheSameText();
};

void TstProtoWireJsonWriter::randomMessagesMatchTheParsedOnes()
{
    const auto schema = load(u"scalars.proto"_s);
    const pb::Descriptor *type = schema->message(u"scalars.All"_s);
    QVERIFY(ProtoWireJsonWriter::supported(type));
    for (quint32 seed = 1; seed <= 400; ++seed) {
        std::unique_ptr<pb::Message> message(schema->prototype(type)->New());
        RandomMessage(seed).fill(*message, 0);
        const QByteArray bytes = wire(*message);
        QVERIFY2(!ProtoWireChecker::check(bytes, type), qPrintable(u"seed %1"_s.arg(seed)));
        const QString expected = parsedText(*schema, type, bytes);
        const QString direct = directText(type, bytes);
        QVERIFY2(!direct.isNull(), qPrintable(u"declined seed %1"_s.arg(seed)));
        COMPARE_TEXT(direct, expected);
    }
}

void TstProtoWireJsonWriter::shuffledFieldsMatchTheParsedOnes()
{
    // Devices do not always send fields in number order, and repeated fields may be split
    // and interleaved: the JSON still lists fields in declaration order, elements in the
    // order sent.
    const auto schema = load(u"scalars.proto"_s);
    const pb::Descriptor *type = schema->message(u"scalars.All"_s);
    int differentOrder = 0;
    for (quint32 seed = 1; seed <= 300; ++seed) {
        std::unique_ptr<pb::Message> message(schema->prototype(type)->New());
        RandomMessage(seed).fill(*message, 0);
        QList<QByteArray> fields = fieldsOf(wire(*message));
        const QList<QByteArray> before = fields;
        std::shuffle(fields.begin(), fields.end(), *QRandomGenerator::global());
        differentOrder += fields != before;
        const QByteArray bytes = fields.join();
        const QString direct = directText(type, bytes);
        QVERIFY2(!direct.isNull(), qPrintable(u"declined seed %1"_s.arg(seed)));
        COMPARE_TEXT(direct, parsedText(*schema, type, bytes));
    }
    QVERIFY(differentOrder > 250);
}

void TstProtoWireJsonWriter::previewsMatchAtEveryLength()
{
    const auto schema = load(u"scalars.proto"_s);
    const pb::Descriptor *type = schema->message(u"scalars.All"_s);
    for (quint32 seed = 1; seed <= 20; ++seed) {
        std::unique_ptr<pb::Message> message(schema->prototype(type)->New());
        RandomMessage(seed * 7919).fill(*message, 0);
        const QByteArray bytes = wire(*message);
        const qsizetype whole = parsedText(*schema, type, bytes).size();
        for (qsizetype limit = 0; limit <= whole + 1; limit += 1 + limit / 16)
            COMPARE_TEXT(directText(type, bytes, limit), parsedText(*schema, type, bytes, limit));
    }
}

void TstProtoWireJsonWriter::demoReadingMatches()
{
    const auto schema = load(u"demo.proto"_s);
    const pb::Descriptor *type = schema->message(u"demo.Envelope"_s);
    std::unique_ptr<pb::Message> message(schema->prototype(type)->New());
    QVERIFY(pb::TextFormat::ParseFromString(
        R"(topic: "plant/7" reading { device: "pump-7" timestamp_ms: 1733400000123 status: OK
           quantities { value: 21.5 unit: CELSIUS } samples: [-3, 0, 7]
           labels { key: "room" value: "lab-2" } labels { key: "fw" value: "4.12.0" }
           location { site: "north" floor: 2 } raw: "\001\002" ratio: 0.125
           counter: 18446744073709551615 battery: 0 spectrum: [0.5, 0.1]
           rooms { key: -4 value { site: "b" floor: -1 } } rooms { key: 3 value {} } }
           children { topic: "a" children { topic: "b" } })",
        message.get()));
    const QByteArray bytes = wire(*message);
    const QString direct = directText(type, bytes);
    COMPARE_TEXT(direct, parsedText(*schema, type, bytes));
    // Maps in key order; proto3 zeros and the explicitly set optional battery shown.
    QVERIFY(direct.indexOf(u"\"fw\"") < direct.indexOf(u"\"room\""));
    QVERIFY(direct.indexOf(u"\"-4\"") < direct.indexOf(u"\"3\""));
    QVERIFY(direct.contains(u"\"battery\": 0"));
    QVERIFY(direct.contains(u"\"counter\": 18446744073709551615"));
}

void TstProtoWireJsonWriter::mapsInKeyOrderLastEntryWins()
{
    const auto schema = load(u"scalars.proto"_s);
    const pb::Descriptor *type = schema->message(u"scalars.All"_s);
    const int mString = type->FindFieldByName("m_string")->number();
    const int mSint32 = type->FindFieldByName("m_sint32")->number();
    auto stringEntry = [&](const QByteArray &key, int value) {
        return delimited(mString, delimited(1, key) + tag(2, 0) + varint(quint64(value)));
    };
    auto sint32Entry = [&](qint32 key) {
        const quint32 zigzag = quint32((key << 1) ^ (key >> 31));
        return delimited(mSint32, tag(1, 0) + varint(zigzag));
    };
    // "b" twice (the later wins), "a" last on the wire, a key-less entry (key ""),
    // negative and positive sint32 keys, one entry without a value (0.0).
    const QByteArray bytes = stringEntry("b", 1) + stringEntry("a", 2) + stringEntry("b", 3) +
                             delimited(mString, tag(2, 0) + varint(9)) + sint32Entry(5) +
                             sint32Entry(-70000) + sint32Entry(0);
    const QString direct = directText(type, bytes);
    COMPARE_TEXT(direct, parsedText(*schema, type, bytes));
    QVERIFY(direct.contains(
        u"\"m_string\": {\n        \"\": 9,\n        \"a\": 2,\n        \"b\": 3\n    }"));
    QVERIFY(direct.indexOf(u"\"-70000\"") < direct.indexOf(u"\"0\": 0.0"));
    QVERIFY(direct.indexOf(u"\"0\": 0.0") < direct.indexOf(u"\"5\": 0.0"));
}

void TstProtoWireJsonWriter::unknownFieldsListedInOrder()
{
    const auto schema = load(u"scalars.proto"_s);
    const pb::Descriptor *type = schema->message(u"scalars.All"_s);
    QByteArray fixed32(4, '\0');
    fixed32[0] = char(0xff);
    QByteArray fixed64(8, '\x01');
    const QByteArray bytes = tag(200, 0) + varint(~quint64(0)) + tag(3, 0) + varint(5) +
                             delimited(201, "raw\x00"_ba) + tag(202, 5) + fixed32 + tag(199, 1) +
                             fixed64 + delimited(17, tag(300, 0) + varint(1));
    const QString direct = directText(type, bytes);
    COMPARE_TEXT(direct, parsedText(*schema, type, bytes));
    QVERIFY(direct.contains(u"\"field\": 200"));
    QVERIFY(direct.indexOf(u"\"field\": 200") < direct.indexOf(u"\"field\": 201"));
    QVERIFY(direct.indexOf(u"\"field\": 202") < direct.indexOf(u"\"field\": 199"));
    QVERIFY(direct.contains(u"\"field\": 300")); // inside f_inner
}

void TstProtoWireJsonWriter::packedAndUnpackedMixed()
{
    // A parser accepts both encodings of a packable repeated field, and both in one message.
    const auto schema = load(u"scalars.proto"_s);
    const pb::Descriptor *type = schema->message(u"scalars.All"_s);
    const int rInt32 = type->FindFieldByName("r_int32")->number();
    const int rFloat = type->FindFieldByName("r_float")->number();
    const int unpacked = type->FindFieldByName("r_unpacked")->number();
    QByteArray floats(8, '\0');
    const float a = 1.5f;
    const float b = -0.1f;
    std::memcpy(floats.data(), &a, 4);
    std::memcpy(floats.data() + 4, &b, 4);
    const QByteArray bytes = tag(rInt32, 0) + varint(1) + delimited(rInt32, varint(2) + varint(3)) +
                             tag(rInt32, 0) + varint(quint64(-4)) + delimited(rFloat, floats) +
                             delimited(unpacked, varint(8)) + delimited(rInt32, QByteArray());
    const QString direct = directText(type, bytes);
    COMPARE_TEXT(direct, parsedText(*schema, type, bytes));
    QVERIFY(
        direct.contains(u"\"r_int32\": [\n        1,\n        2,\n        3,\n        -4\n    ]"));
    QVERIFY(direct.contains(u"-0.1"));
}

void TstProtoWireJsonWriter::declinesWhatNeedsTheLibrary_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("bytes");
    const auto schema = load(u"scalars.proto"_s);
    const pb::Descriptor *all = schema->message(u"scalars.All"_s);
    const int inner = all->FindFieldByName("f_inner")->number();
    const int cInt = all->FindFieldByName("c_int")->number();
    const int cText = all->FindFieldByName("c_text")->number();
    const int fInt32 = all->FindFieldByName("f_int32")->number();
    const int mUint32 = all->FindFieldByName("m_uint32")->number();
    QTest::newRow("singular message sent twice: merged")
        << u"scalars.proto"_s << u"scalars.All"_s
        << delimited(inner, delimited(1, "a")) + delimited(inner, tag(2, 0) + varint(3));
    QTest::newRow("two members of a oneof: the last wins")
        << u"scalars.proto"_s << u"scalars.All"_s
        << tag(cInt, 0) + varint(4) + delimited(cText, "t");
    QTest::newRow("a wire type that does not fit: unknown field")
        << u"scalars.proto"_s << u"scalars.All"_s << delimited(fInt32, "x");
    QTest::newRow("a map value message sent twice in one entry")
        << u"scalars.proto"_s << u"scalars.All"_s
        << delimited(mUint32, tag(1, 0) + varint(1) + delimited(2, delimited(1, "a")) +
                                  delimited(2, delimited(1, "b")));
    QTest::newRow("a group") << u"scalars.proto"_s << u"scalars.All"_s << tag(150, 3) + tag(150, 4);
    QTest::newRow("a closed enum's unknown number")
        << u"scalars2.proto"_s << u"scalars2.Old"_s << tag(2, 0) + varint(9);
    QTest::newRow("a closed enum's unknown number, then a known one")
        << u"scalars2.proto"_s << u"scalars2.Old"_s
        << delimited(27, "\x01x"_ba) + tag(2, 0) + varint(120) + tag(2, 0) + varint(1);
    QTest::newRow("an open enum's unknown number, then a known one")
        << u"scalars.proto"_s << u"scalars.All"_s
        << tag(all->FindFieldByName("f_colour")->number(), 0) + varint(9) +
               tag(all->FindFieldByName("f_colour")->number(), 0) + varint(1);
    QTest::newRow("a map entry with an unknown enum value replaced by a later one")
        << u"scalars.proto"_s << u"scalars.All"_s
        << delimited(all->FindFieldByName("m_bool")->number(),
                     tag(1, 0) + varint(1) + tag(2, 0) + varint(9)) +
               delimited(all->FindFieldByName("m_bool")->number(),
                         tag(1, 0) + varint(1) + tag(2, 0) + varint(2));
    QTest::newRow("an open enum's unknown number")
        << u"scalars.proto"_s << u"scalars.All"_s
        << tag(all->FindFieldByName("f_colour")->number(), 0) + varint(9);
}

void TstProtoWireJsonWriter::declinesWhatNeedsTheLibrary()
{
    QFETCH(QString, file);
    QFETCH(QString, type);
    QFETCH(QByteArray, bytes);
    const auto schema = load(file);
    const pb::Descriptor *descriptor = schema->message(type);
    QVERIFY(ProtoWireJsonWriter::supported(descriptor));
    QVERIFY(directText(descriptor, bytes).isNull());
    // The decoder then shows what the library parsed.
    RenderOptions options;
    ProtoSchemaSource source;
    source.files = {kData + u'/' + file};
    source.importPaths = {kData};
    source.messageType = type;
    options.decoderOptions = source.toJson();
    const RenderedPayload rendered = ProtobufDecoder().render(bytes, options);
    QVERIFY(!rendered.error);
    COMPARE_TEXT(rendered.text, parsedText(*schema, descriptor, bytes));
}

void TstProtoWireJsonWriter::unsupportedTypes()
{
    // Required fields (a missing one makes the message an error) and groups are the
    // library's, also when they are a level down.
    const auto legacy = load(u"legacy.proto"_s);
    QVERIFY(!ProtoWireJsonWriter::supported(legacy->message(u"legacy.Frame"_s)));
    const auto old = load(u"scalars2.proto"_s);
    QVERIFY(ProtoWireJsonWriter::supported(old->message(u"scalars2.Old"_s)));
    QVERIFY(!ProtoWireJsonWriter::supported(nullptr));
    // proto2 defaults are not shown for absent fields (they have presence).
    const pb::Descriptor *type = old->message(u"scalars2.Old"_s);
    const QByteArray bytes = tag(3, 0) + varint(2) + tag(3, 0) + varint(1) + delimited(4, "x");
    COMPARE_TEXT(directText(type, bytes), parsedText(*old, type, bytes));
    QVERIFY(!directText(type, bytes).contains(u"count"));
}

void TstProtoWireJsonWriter::decoderUsesEitherPathWithTheSameText()
{
    // Through the decoder, the writer's text is what the library path would have shown:
    // the same rule, the same previews, and a truncated message still named.
    ProtoSchemaCache::instance().clear();
    const auto schema = load(u"scalars.proto"_s);
    const pb::Descriptor *type = schema->message(u"scalars.All"_s);
    RenderOptions options;
    ProtoSchemaSource source;
    source.files = {kData + u"/scalars.proto"_s};
    source.importPaths = {kData};
    source.messageType = u"scalars.All"_s;
    options.decoderOptions = source.toJson();
    ProtobufDecoder decoder;
    for (quint32 seed = 500; seed < 540; ++seed) {
        std::unique_ptr<pb::Message> message(schema->prototype(type)->New());
        RandomMessage(seed).fill(*message, 0);
        const QByteArray bytes = wire(*message);
        options.maxChars = seed % 2 ? 64 : -1;
        const RenderedPayload rendered = decoder.render(bytes, options);
        QVERIFY(!rendered.error);
        COMPARE_TEXT(rendered.text, parsedText(*schema, type, bytes, options.maxChars));
        QCOMPARE(rendered.truncated,
                 options.maxChars >= 0 && parsedText(*schema, type, bytes).size() > 64);
    }
    options.maxChars = -1;
    const RenderedPayload cut = decoder.render(delimited(17, "\x0a\x05"_ba), options);
    QVERIFY(cut.error);
    QVERIFY(cut.error->message().contains(u"scalars.All"));
}

QTEST_GUILESS_MAIN(TstProtoWireJsonWriter)
#include "tst_proto_wire_json_writer.moc"
