#include "core/protobuf/proto_json_writer.h"

#include "core/payload/json_text_writer.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/unknown_field_set.h>

#include <algorithm>
#include <vector>

namespace mqttdesk {

namespace pb = google::protobuf;

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString base64(const std::string &bytes)
{
    return QString::fromLatin1(
        QByteArray::fromRawData(bytes.data(), qsizetype(bytes.size())).toBase64());
}

void writeMessage(const pb::Message &message, JsonTextWriter &w);

// One value of `field`: the single value when `index` < 0, else that element.
void writeValue(const pb::Message &m, const pb::FieldDescriptor *f, int index, JsonTextWriter &w)
{
    const pb::Reflection *r = m.GetReflection();
    const bool one = index < 0;
    switch (f->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_INT32:
        w.integer(one ? r->GetInt32(m, f) : r->GetRepeatedInt32(m, f, index));
        return;
    case pb::FieldDescriptor::CPPTYPE_INT64:
        w.integer(one ? r->GetInt64(m, f) : r->GetRepeatedInt64(m, f, index));
        return;
    case pb::FieldDescriptor::CPPTYPE_UINT32:
        w.unsignedInteger(one ? r->GetUInt32(m, f) : r->GetRepeatedUInt32(m, f, index));
        return;
    case pb::FieldDescriptor::CPPTYPE_UINT64:
        w.unsignedInteger(one ? r->GetUInt64(m, f) : r->GetRepeatedUInt64(m, f, index));
        return;
    case pb::FieldDescriptor::CPPTYPE_DOUBLE:
        w.number(one ? r->GetDouble(m, f) : r->GetRepeatedDouble(m, f, index));
        return;
    case pb::FieldDescriptor::CPPTYPE_FLOAT:
        w.number(one ? r->GetFloat(m, f) : r->GetRepeatedFloat(m, f, index));
        return;
    case pb::FieldDescriptor::CPPTYPE_BOOL:
        w.boolean(one ? r->GetBool(m, f) : r->GetRepeatedBool(m, f, index));
        return;
    case pb::FieldDescriptor::CPPTYPE_ENUM: {
        const int number = one ? r->GetEnumValue(m, f) : r->GetRepeatedEnumValue(m, f, index);
        const pb::EnumValueDescriptor *value = f->enum_type()->FindValueByNumber(number);
        if (value)
            w.string(QLatin1StringView(value->name().data(), qsizetype(value->name().size())));
        else
            w.integer(number);
        return;
    }
    case pb::FieldDescriptor::CPPTYPE_STRING: {
        std::string scratch;
        const std::string &text = one ? r->GetStringReference(m, f, &scratch)
                                      : r->GetRepeatedStringReference(m, f, index, &scratch);
        w.string(f->type() == pb::FieldDescriptor::TYPE_BYTES ? base64(text) : fromStd(text));
        return;
    }
    case pb::FieldDescriptor::CPPTYPE_MESSAGE:
        writeMessage(one ? r->GetMessage(m, f) : r->GetRepeatedMessage(m, f, index), w);
        return;
    }
}

// A map key as JSON object keys are: text.
QString mapKey(const pb::Message &entry, const pb::FieldDescriptor *key)
{
    const pb::Reflection *r = entry.GetReflection();
    switch (key->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_INT32:
        return QString::number(r->GetInt32(entry, key));
    case pb::FieldDescriptor::CPPTYPE_INT64:
        return QString::number(r->GetInt64(entry, key));
    case pb::FieldDescriptor::CPPTYPE_UINT32:
        return QString::number(r->GetUInt32(entry, key));
    case pb::FieldDescriptor::CPPTYPE_UINT64:
        return QString::number(r->GetUInt64(entry, key));
    case pb::FieldDescriptor::CPPTYPE_BOOL:
        return r->GetBool(entry, key) ? QStringLiteral("true") : QStringLiteral("false");
    case pb::FieldDescriptor::CPPTYPE_STRING:
        return fromStd(r->GetString(entry, key));
    default:
        return QString(); // map keys are integral, bool or string only
    }
}

// Whether `a`'s key sorts before `b`'s: numbers by value, strings by their bytes.
bool keyBefore(const pb::Message &a, const pb::Message &b, const pb::FieldDescriptor *key)
{
    const pb::Reflection *r = a.GetReflection();
    switch (key->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_INT32:
        return r->GetInt32(a, key) < r->GetInt32(b, key);
    case pb::FieldDescriptor::CPPTYPE_INT64:
        return r->GetInt64(a, key) < r->GetInt64(b, key);
    case pb::FieldDescriptor::CPPTYPE_UINT32:
        return r->GetUInt32(a, key) < r->GetUInt32(b, key);
    case pb::FieldDescriptor::CPPTYPE_UINT64:
        return r->GetUInt64(a, key) < r->GetUInt64(b, key);
    case pb::FieldDescriptor::CPPTYPE_BOOL:
        return !r->GetBool(a, key) && r->GetBool(b, key);
    case pb::FieldDescriptor::CPPTYPE_STRING: {
        std::string scratchA;
        std::string scratchB;
        return r->GetStringReference(a, key, &scratchA) < r->GetStringReference(b, key, &scratchB);
    }
    default:
        return false; // map keys are integral, bool or string only
    }
}

// In key order: the parsed map's own order is its hash table's, which would make two
// messages with the same map read (and diff) differently. A parsed message may still hold
// every entry sent (its map is built when first asked for): the last one for a key wins.
void writeMap(const pb::Message &m, const pb::FieldDescriptor *f, JsonTextWriter &w)
{
    const pb::Reflection *r = m.GetReflection();
    const pb::FieldDescriptor *key = f->message_type()->map_key();
    const pb::FieldDescriptor *value = f->message_type()->map_value();
    const int size = r->FieldSize(m, f);
    std::vector<const pb::Message *> entries;
    entries.reserve(size_t(size));
    for (int i = 0; i < size; ++i)
        entries.push_back(&r->GetRepeatedMessage(m, f, i));
    const auto before = [key](const pb::Message *a, const pb::Message *b) {
        return keyBefore(*a, *b, key);
    };
    std::stable_sort(entries.begin(), entries.end(), before);
    w.beginObject();
    for (size_t i = 0; i < entries.size() && !w.isFull(); ++i) {
        if (i + 1 < entries.size() && !before(entries[i], entries[i + 1]))
            continue; // a later entry for the same key replaced this one
        w.key(mapKey(*entries[i], key));
        writeValue(*entries[i], value, -1, w);
    }
    w.endObject();
}

const char *wireName(pb::UnknownField::Type type)
{
    switch (type) {
    case pb::UnknownField::TYPE_VARINT:
        return "varint";
    case pb::UnknownField::TYPE_FIXED32:
        return "fixed32";
    case pb::UnknownField::TYPE_FIXED64:
        return "fixed64";
    case pb::UnknownField::TYPE_LENGTH_DELIMITED:
        return "bytes";
    case pb::UnknownField::TYPE_GROUP:
        return "group";
    }
    return "?";
}

void writeUnknown(const pb::UnknownFieldSet &fields, JsonTextWriter &w)
{
    w.beginArray();
    for (int i = 0; i < fields.field_count() && !w.isFull(); ++i) {
        const pb::UnknownField &field = fields.field(i);
        w.beginObject();
        w.key(u"field");
        w.integer(field.number());
        w.key(u"wire");
        w.string(QString::fromLatin1(wireName(field.type())));
        w.key(u"value");
        switch (field.type()) {
        case pb::UnknownField::TYPE_VARINT:
            w.unsignedInteger(field.varint());
            break;
        case pb::UnknownField::TYPE_FIXED32:
            w.unsignedInteger(field.fixed32());
            break;
        case pb::UnknownField::TYPE_FIXED64:
            w.unsignedInteger(field.fixed64());
            break;
        case pb::UnknownField::TYPE_LENGTH_DELIMITED:
            w.string(base64(field.length_delimited()));
            break;
        case pb::UnknownField::TYPE_GROUP:
            writeUnknown(field.group(), w);
            break;
        }
        w.endObject();
    }
    w.endArray();
}

void writeMessage(const pb::Message &m, JsonTextWriter &w)
{
    const pb::Descriptor *type = m.GetDescriptor();
    const pb::Reflection *r = m.GetReflection();
    w.beginObject();
    for (int i = 0; i < type->field_count() && !w.isFull(); ++i) {
        const pb::FieldDescriptor *f = type->field(i);
        if (f->is_repeated() ? r->FieldSize(m, f) == 0 : f->has_presence() && !r->HasField(m, f))
            continue;
        // Field names are identifiers: ASCII.
        w.key(QLatin1StringView(f->name().data(), qsizetype(f->name().size())));
        if (f->is_map()) {
            writeMap(m, f, w);
        } else if (f->is_repeated()) {
            w.beginArray();
            const int size = r->FieldSize(m, f);
            for (int j = 0; j < size && !w.isFull(); ++j)
                writeValue(m, f, j, w);
            w.endArray();
        } else {
            writeValue(m, f, -1, w);
        }
    }
    const pb::UnknownFieldSet &unknown = r->GetUnknownFields(m);
    if (!unknown.empty() && !w.isFull()) {
        w.key(u"(unknown fields)");
        writeUnknown(unknown, w);
    }
    w.endObject();
}

} // namespace

void ProtoJsonWriter::write(const pb::Message &message, JsonTextWriter &writer)
{
    writeMessage(message, writer);
}

} // namespace mqttdesk
