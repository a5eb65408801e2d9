#include "core/protobuf/proto_wire_json_writer.h"

#include "core/payload/json_text_writer.h"
#include "core/protobuf/proto_wire_checker.h"

#include <QSet>
#include <QVarLengthArray>
#include <QtEndian>

#include <google/protobuf/descriptor.h>

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstring>
#include <vector>

namespace mqttdesk {

namespace pb = google::protobuf;
using Field = pb::FieldDescriptor;

namespace {

enum Wire : quint32
{
    Varint = 0,
    Fixed64 = 1,
    Delimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
};

// Fields the type does not declare sort after every declared one, in the order sent: that
// is where and how the parsed message lists its unknown fields.
constexpr int kUndeclared = INT_MAX;

// One field as sent: which declared field it is, and where its value's bytes are (the
// varint, the fixed-size bytes or the delimited content).
struct Occurrence
{
    int order = kUndeclared; // the field's declaration index
    quint32 tag = 0;         // number << 3 | wire type
    quint32 start = 0;
    quint32 end = 0;

    quint32 number() const { return tag >> 3; }
    quint32 wire() const { return tag & 7; }
};

// A map entry as sent: its key (as a number that sorts like the key, or the string's
// bytes) and its value (absent: the value type's default).
struct MapEntry
{
    quint64 sortKey = 0;
    quint32 keyStart = 0; // a string key's bytes
    quint32 keyEnd = 0;
    Occurrence key;
    Occurrence value;
    bool hasKey = false;
    bool hasValue = false;
};

Wire wireOf(const Field *f)
{
    switch (f->type()) {
    case Field::TYPE_FIXED64:
    case Field::TYPE_SFIXED64:
    case Field::TYPE_DOUBLE:
        return Fixed64;
    case Field::TYPE_FIXED32:
    case Field::TYPE_SFIXED32:
    case Field::TYPE_FLOAT:
        return Fixed32;
    case Field::TYPE_STRING:
    case Field::TYPE_BYTES:
    case Field::TYPE_MESSAGE:
        return Delimited;
    case Field::TYPE_GROUP:
        return StartGroup;
    default:
        return Varint;
    }
}

bool fits(const Field *f, quint32 wire)
{
    return wire == wireOf(f) || (wire == Delimited && f->is_packable());
}

qint64 zigzag64(quint64 n)
{
    return qint64((n >> 1) ^ (~(n & 1) + 1));
}

qint32 zigzag32(quint32 n)
{
    return qint32((n >> 1) ^ (~(n & 1) + 1));
}

// A signed key as an unsigned number that sorts the same way.
quint64 signedOrder(qint64 value)
{
    return quint64(value) ^ (quint64(1) << 63);
}

// One message's fields and map entries per nesting level, reused per thread: the writer
// allocates nothing per message once warm.
struct Scratch
{
    Scratch()
        : fields(ProtoWireChecker::kMaxDepth + 2)
        , entries(ProtoWireChecker::kMaxDepth + 2)
    {}
    std::vector<std::vector<Occurrence>> fields;
    std::vector<std::vector<MapEntry>> entries;
};

class Writer
{
public:
    Writer(QByteArrayView bytes, JsonTextWriter &w, Scratch &scratch)
        : m_data(reinterpret_cast<const quint8 *>(bytes.data()))
        , m_w(w)
        , m_scratch(scratch)
    {}

    bool message(quint32 pos, quint32 end, const pb::Descriptor *type, int depth)
    {
        if (depth > ProtoWireChecker::kMaxDepth)
            return false;
        std::vector<Occurrence> &fields = m_scratch.fields[size_t(depth)];
        fields.clear();
        bool sorted = true;
        while (pos < end) {
            Occurrence o;
            if (!next(pos, end, o))
                return false;
            if (const Field *f = type->FindFieldByNumber(int(o.number()))) {
                if (!fits(f, o.wire()))
                    return false;
                o.order = f->index();
            }
            sorted = sorted && (fields.empty() || fields.back().order <= o.order);
            fields.push_back(o);
        }
        if (!sorted)
            std::stable_sort(
                fields.begin(), fields.end(),
                [](const Occurrence &a, const Occurrence &b) { return a.order < b.order; });

        QVarLengthArray<const pb::OneofDescriptor *, 4> oneofs;
        m_w.beginObject();
        size_t next = 0;
        for (int i = 0; i < type->field_count() && !m_w.isFull(); ++i) {
            const Field *f = type->field(i);
            const size_t first = next;
            while (next < fields.size() && fields[next].order == i)
                ++next;
            if (first == next) {
                if (f->is_repeated() || f->has_presence())
                    continue;
                m_w.key(QLatin1StringView(f->name().data(), qsizetype(f->name().size())));
                if (!defaultValue(f))
                    return false;
                continue;
            }
            if (const pb::OneofDescriptor *oneof = f->containing_oneof()) {
                // The last member sent clears the others: the parsed message has only it.
                if (oneofs.contains(oneof))
                    return false;
                oneofs.append(oneof);
            }
            const Occurrence *sent = fields.data() + first;
            const qsizetype count = qsizetype(next - first);
            if (f->is_repeated() && elementCount(f, sent, count) == 0)
                continue; // an empty packed list: no element, no field
            m_w.key(QLatin1StringView(f->name().data(), qsizetype(f->name().size())));
            bool ok = true;
            if (f->is_map()) {
                ok = map(f, sent, count, depth);
            } else if (f->is_repeated()) {
                m_w.beginArray();
                for (qsizetype j = 0; j < count && ok && !m_w.isFull(); ++j)
                    ok = elements(f, sent[j], depth);
                m_w.endArray();
            } else if (f->type() == Field::TYPE_MESSAGE) {
                // Sent twice, the parser merges the two: not for one pass.
                ok = count == 1 && value(f, sent[0], depth);
            } else {
                // The last one sent wins; but an earlier enum number the enum does not name is
                // kept by the parser as an unknown field, which one pass would not list.
                ok = (f->type() != Field::TYPE_ENUM || allNamed(f, sent, count)) &&
                     value(f, sent[count - 1], depth);
            }
            if (!ok)
                return false;
        }
        if (next < fields.size() && !m_w.isFull()) {
            m_w.key(u"(unknown fields)");
            if (!unknown(fields.data() + next, qsizetype(fields.size() - next)))
                return false;
        }
        m_w.endObject();
        return true;
    }

private:
    // Reads one field's tag and skips its value, as libprotobuf reads them: tags of at most
    // 5 bytes (their low 32 bits), lengths below 2 GiB, no groups.
    bool next(quint32 &pos, quint32 end, Occurrence &o)
    {
        quint32 tag = 0;
        if (!smallVarint(pos, end, 0x7f, &tag))
            return false;
        o.tag = tag;
        if (o.number() == 0)
            return false;
        o.start = pos;
        switch (o.wire()) {
        case Varint: {
            quint64 ignored = 0;
            if (!varint(pos, end, &ignored))
                return false;
            break;
        }
        case Fixed64:
            if (end - pos < 8)
                return false;
            pos += 8;
            break;
        case Fixed32:
            if (end - pos < 4)
                return false;
            pos += 4;
            break;
        case Delimited: {
            quint32 length = 0;
            if (!smallVarint(pos, end, 7, &length) || length > end - pos)
                return false;
            o.start = pos;
            pos += length;
            break;
        }
        default:
            return false; // groups, and wire types 6 and 7
        }
        o.end = pos;
        return true;
    }

    bool varint(quint32 &pos, quint32 end, quint64 *value) const
    {
        quint64 out = 0;
        for (int i = 0; i < 10 && pos < end; ++i) {
            const quint8 b = m_data[pos++];
            out |= quint64(b & 0x7f) << (7 * i); // the tenth byte adds its lowest bit only
            if (!(b & 0x80)) {
                *value = out;
                return true;
            }
        }
        return false;
    }

    bool smallVarint(quint32 &pos, quint32 end, quint8 lastByteLimit, quint32 *value) const
    {
        quint32 out = 0;
        for (int i = 0; i < 5 && pos < end; ++i) {
            const quint8 b = m_data[pos++];
            if (i == 4 && b > lastByteLimit)
                return false;
            out |= quint32(b & 0x7f) << (7 * i);
            if (!(b & 0x80)) {
                *value = out;
                return true;
            }
        }
        return false;
    }

    // A varint or fixed-size value as 64 bits.
    quint64 raw(const Occurrence &o) const
    {
        switch (o.wire()) {
        case Fixed32:
            return qFromLittleEndian<quint32>(m_data + o.start);
        case Fixed64:
            return qFromLittleEndian<quint64>(m_data + o.start);
        default: {
            quint32 pos = o.start;
            quint64 value = 0;
            varint(pos, o.end, &value);
            return value;
        }
        }
    }

    QString text(quint32 start, quint32 end) const
    {
        return QString::fromUtf8(reinterpret_cast<const char *>(m_data + start),
                                 qsizetype(end - start));
    }

    QString base64(quint32 start, quint32 end) const
    {
        return QString::fromLatin1(
            QByteArray::fromRawData(reinterpret_cast<const char *>(m_data + start),
                                    qsizetype(end - start))
                .toBase64());
    }

    // Every occurrence's enum number has a name.
    bool allNamed(const Field *f, const Occurrence *sent, qsizetype count) const
    {
        for (qsizetype j = 0; j < count; ++j) {
            if (!f->enum_type()->FindValueByNumber(qint32(quint32(raw(sent[j])))))
                return false;
        }
        return true;
    }

    bool enumValue(const Field *f, int number)
    {
        // A number the enum does not name: a closed (proto2) enum keeps it as an unknown
        // field, an open one as the number. Rare enough to leave to the library.
        const pb::EnumValueDescriptor *named = f->enum_type()->FindValueByNumber(number);
        if (!named)
            return false;
        m_w.string(QLatin1StringView(named->name().data(), qsizetype(named->name().size())));
        return true;
    }

    // A varint or fixed-size value of `f`'s type, from its 64 raw bits.
    bool scalar(const Field *f, quint64 bits)
    {
        switch (f->type()) {
        case Field::TYPE_INT32:
        case Field::TYPE_SFIXED32:
            m_w.integer(qint32(quint32(bits)));
            return true;
        case Field::TYPE_SINT32:
            m_w.integer(zigzag32(quint32(bits)));
            return true;
        case Field::TYPE_INT64:
        case Field::TYPE_SFIXED64:
            m_w.integer(qint64(bits));
            return true;
        case Field::TYPE_SINT64:
            m_w.integer(zigzag64(bits));
            return true;
        case Field::TYPE_UINT32:
        case Field::TYPE_FIXED32:
            m_w.unsignedInteger(quint32(bits));
            return true;
        case Field::TYPE_UINT64:
        case Field::TYPE_FIXED64:
            m_w.unsignedInteger(bits);
            return true;
        case Field::TYPE_BOOL:
            m_w.boolean(bits != 0);
            return true;
        case Field::TYPE_FLOAT: {
            const quint32 narrow = quint32(bits);
            float value = 0;
            std::memcpy(&value, &narrow, sizeof value);
            m_w.number(value);
            return true;
        }
        case Field::TYPE_DOUBLE: {
            double value = 0;
            std::memcpy(&value, &bits, sizeof value);
            m_w.number(value);
            return true;
        }
        case Field::TYPE_ENUM:
            return enumValue(f, qint32(quint32(bits)));
        default:
            return false;
        }
    }

    // One value of `f` as sent (not a packed list).
    bool value(const Field *f, const Occurrence &o, int depth)
    {
        switch (f->type()) {
        case Field::TYPE_STRING:
            m_w.string(text(o.start, o.end));
            return true;
        case Field::TYPE_BYTES:
            m_w.string(base64(o.start, o.end));
            return true;
        case Field::TYPE_MESSAGE:
            return message(o.start, o.end, f->message_type(), depth + 1);
        default:
            return scalar(f, raw(o));
        }
    }

    // Fixed-size elements of a packed list: 4 or 8 bytes; varints: 0.
    static int fixedSize(const Field *f)
    {
        const Wire wire = wireOf(f);
        return wire == Fixed32 ? 4 : wire == Fixed64 ? 8 : 0;
    }

    qsizetype elementCount(const Field *f, const Occurrence *sent, qsizetype count) const
    {
        qsizetype elements = 0;
        for (qsizetype j = 0; j < count; ++j) {
            const Occurrence &o = sent[j];
            if (o.wire() != Delimited || !f->is_packable()) {
                ++elements;
                continue;
            }
            if (const int size = fixedSize(f)) {
                elements += (o.end - o.start) / quint32(size);
                continue;
            }
            for (quint32 p = o.start; p < o.end; ++p)
                elements += !(m_data[p] & 0x80);
        }
        return elements;
    }

    // The elements one occurrence of a repeated field adds: one, or a packed list's.
    bool elements(const Field *f, const Occurrence &o, int depth)
    {
        if (o.wire() != Delimited || !f->is_packable())
            return value(f, o, depth);
        const int size = fixedSize(f);
        quint32 pos = o.start;
        while (pos < o.end && !m_w.isFull()) {
            quint64 bits = 0;
            if (size == 4) {
                if (o.end - pos < 4)
                    return false;
                bits = qFromLittleEndian<quint32>(m_data + pos);
                pos += 4;
            } else if (size == 8) {
                if (o.end - pos < 8)
                    return false;
                bits = qFromLittleEndian<quint64>(m_data + pos);
                pos += 8;
            } else if (!varint(pos, o.end, &bits)) {
                return false;
            }
            if (!scalar(f, bits))
                return false;
        }
        return true;
    }

    bool defaultValue(const Field *f)
    {
        switch (f->cpp_type()) {
        case Field::CPPTYPE_INT32:
            m_w.integer(f->default_value_int32());
            return true;
        case Field::CPPTYPE_INT64:
            m_w.integer(f->default_value_int64());
            return true;
        case Field::CPPTYPE_UINT32:
            m_w.unsignedInteger(f->default_value_uint32());
            return true;
        case Field::CPPTYPE_UINT64:
            m_w.unsignedInteger(f->default_value_uint64());
            return true;
        case Field::CPPTYPE_DOUBLE:
            m_w.number(f->default_value_double());
            return true;
        case Field::CPPTYPE_FLOAT:
            m_w.number(f->default_value_float());
            return true;
        case Field::CPPTYPE_BOOL:
            m_w.boolean(f->default_value_bool());
            return true;
        case Field::CPPTYPE_ENUM:
            return enumValue(f, f->default_value_enum()->number());
        case Field::CPPTYPE_STRING: {
            const std::string &text = f->default_value_string();
            const auto start = reinterpret_cast<const char *>(text.data());
            m_w.string(f->type() == Field::TYPE_BYTES
                           ? QString::fromLatin1(
                                 QByteArray::fromRawData(start, qsizetype(text.size())).toBase64())
                           : QString::fromUtf8(start, qsizetype(text.size())));
            return true;
        }
        case Field::CPPTYPE_MESSAGE:
            return false; // messages have presence: never written as a default
        }
        return false;
    }

    // A map as an object, in key order (numbers by value, strings by their bytes), the last
    // entry sent for a key winning as in the parsed map.
    bool map(const Field *f, const Occurrence *sent, qsizetype count, int depth)
    {
        const pb::Descriptor *entryType = f->message_type();
        const Field *keyField = entryType->map_key();
        const Field *valueField = entryType->map_value();
        std::vector<MapEntry> &entries = m_scratch.entries[size_t(depth)];
        entries.clear();
        for (qsizetype j = 0; j < count; ++j) {
            MapEntry e;
            quint32 pos = sent[j].start;
            const quint32 end = sent[j].end;
            while (pos < end) {
                Occurrence o;
                if (!next(pos, end, o))
                    return false;
                if (o.number() == 1 && fits(keyField, o.wire())) {
                    e.key = o;
                    e.hasKey = true;
                } else if (o.number() == 2 && fits(valueField, o.wire())) {
                    if (e.hasValue && valueField->type() == Field::TYPE_MESSAGE)
                        return false; // merged by the parser
                    e.value = o;
                    e.hasValue = true;
                } else {
                    return false;
                }
            }
            if (keyField->type() == Field::TYPE_STRING) {
                if (e.hasKey) {
                    e.keyStart = e.key.start;
                    e.keyEnd = e.key.end;
                }
            } else {
                const quint64 bits = e.hasKey ? raw(e.key) : 0;
                e.sortKey = sortKey(keyField, bits);
            }
            // A closed enum's unknown number makes the parser keep the whole entry as an
            // unknown field, also when a later entry for its key replaces it.
            if (e.hasValue && valueField->type() == Field::TYPE_ENUM &&
                !valueField->enum_type()->FindValueByNumber(qint32(quint32(raw(e.value)))))
                return false;
            entries.push_back(e);
        }
        const quint8 *data = m_data;
        const bool strings = keyField->type() == Field::TYPE_STRING;
        std::stable_sort(
            entries.begin(), entries.end(), [data, strings](const MapEntry &a, const MapEntry &b) {
                if (!strings)
                    return a.sortKey < b.sortKey;
                const quint32 la = a.keyEnd - a.keyStart;
                const quint32 lb = b.keyEnd - b.keyStart;
                const int c = std::memcmp(data + a.keyStart, data + b.keyStart, std::min(la, lb));
                return c < 0 || (c == 0 && la < lb);
            });
        m_w.beginObject();
        for (size_t j = 0; j < entries.size() && !m_w.isFull(); ++j) {
            const MapEntry &e = entries[j];
            if (j + 1 < entries.size() && sameKey(e, entries[j + 1], strings))
                continue; // a later entry for the same key replaced this one
            if (!mapKey(keyField, e))
                return false;
            bool ok = true;
            if (e.hasValue)
                ok = value(valueField, e.value, depth);
            else if (valueField->type() == Field::TYPE_MESSAGE)
                ok = message(0, 0, valueField->message_type(), depth + 1);
            else
                ok = defaultValue(valueField);
            if (!ok)
                return false;
        }
        m_w.endObject();
        return true;
    }

    bool sameKey(const MapEntry &a, const MapEntry &b, bool strings) const
    {
        if (!strings)
            return a.sortKey == b.sortKey;
        return a.keyEnd - a.keyStart == b.keyEnd - b.keyStart &&
               std::memcmp(m_data + a.keyStart, m_data + b.keyStart, a.keyEnd - a.keyStart) == 0;
    }

    static quint64 sortKey(const Field *key, quint64 bits)
    {
        switch (key->type()) {
        case Field::TYPE_INT32:
        case Field::TYPE_SFIXED32:
            return signedOrder(qint32(quint32(bits)));
        case Field::TYPE_SINT32:
            return signedOrder(zigzag32(quint32(bits)));
        case Field::TYPE_INT64:
        case Field::TYPE_SFIXED64:
            return signedOrder(qint64(bits));
        case Field::TYPE_SINT64:
            return signedOrder(zigzag64(bits));
        case Field::TYPE_UINT32:
        case Field::TYPE_FIXED32:
            return quint32(bits);
        case Field::TYPE_BOOL:
            return bits != 0;
        default:
            return bits;
        }
    }

    // A map key as JSON object keys are: text.
    bool mapKey(const Field *key, const MapEntry &e)
    {
        if (key->type() == Field::TYPE_STRING) {
            m_w.key(text(e.keyStart, e.keyEnd));
            return true;
        }
        if (key->type() == Field::TYPE_BOOL) {
            m_w.key(e.sortKey ? QLatin1StringView("true") : QLatin1StringView("false"));
            return true;
        }
        char digits[24];
        std::to_chars_result r;
        if (key->cpp_type() == Field::CPPTYPE_INT32 || key->cpp_type() == Field::CPPTYPE_INT64)
            r = std::to_chars(digits, digits + sizeof digits,
                              qint64(e.sortKey ^ (quint64(1) << 63)));
        else
            r = std::to_chars(digits, digits + sizeof digits, e.sortKey);
        m_w.key(QLatin1StringView(digits, r.ptr - digits));
        return true;
    }

    static const char *wireName(quint32 wire)
    {
        switch (wire) {
        case Varint:
            return "varint";
        case Fixed32:
            return "fixed32";
        case Fixed64:
            return "fixed64";
        default:
            return "bytes";
        }
    }

    // Fields the type does not declare, in the order sent, as the parsed message keeps them.
    bool unknown(const Occurrence *sent, qsizetype count)
    {
        m_w.beginArray();
        for (qsizetype j = 0; j < count && !m_w.isFull(); ++j) {
            const Occurrence &o = sent[j];
            m_w.beginObject();
            m_w.key(u"field");
            m_w.integer(o.number());
            m_w.key(u"wire");
            m_w.string(QLatin1StringView(wireName(o.wire())));
            m_w.key(u"value");
            if (o.wire() == Delimited)
                m_w.string(base64(o.start, o.end));
            else
                m_w.unsignedInteger(raw(o));
            m_w.endObject();
        }
        m_w.endArray();
        return true;
    }

    const quint8 *m_data;
    JsonTextWriter &m_w;
    Scratch &m_scratch;
};

// Required fields make the parsed message refuse to be shown when one is missing, and
// extensions are parsed into fields the type does not list: both are left to the library.
bool supportedBelow(const pb::Descriptor *type, QSet<const pb::Descriptor *> &seen)
{
    if (seen.contains(type))
        return true;
    seen.insert(type);
    if (type->extension_range_count() > 0)
        return false;
    for (int i = 0; i < type->field_count(); ++i) {
        const Field *f = type->field(i);
        if (f->is_required() || f->type() == Field::TYPE_GROUP)
            return false;
        if (f->type() == Field::TYPE_MESSAGE && !supportedBelow(f->message_type(), seen))
            return false;
    }
    return true;
}

} // namespace

bool ProtoWireJsonWriter::supported(const pb::Descriptor *type)
{
    QSet<const pb::Descriptor *> seen;
    return type && supportedBelow(type, seen);
}

bool ProtoWireJsonWriter::write(QByteArrayView bytes, const pb::Descriptor *type,
                                JsonTextWriter &writer)
{
    if (!type || bytes.size() > kMaxBytes)
        return false;
    thread_local Scratch scratch;
    return Writer(bytes, writer, scratch).message(0, quint32(bytes.size()), type, 0);
}

} // namespace mqttdesk
