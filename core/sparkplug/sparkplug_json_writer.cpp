#include "core/sparkplug/sparkplug_json_writer.h"

#include "core/payload/json_text_writer.h"
#include "core/protobuf/proto_json_writer.h"
#include "core/sparkplug/sparkplug_schema.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

namespace mqttdesk {

namespace pb = google::protobuf;

namespace {

QString text(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

const pb::FieldDescriptor *field(const pb::Message &m, const char *name)
{
    return m.GetDescriptor()->FindFieldByName(name);
}

bool has(const pb::Message &m, const char *name)
{
    const pb::FieldDescriptor *f = field(m, name);
    return f && m.GetReflection()->HasField(m, f);
}

quint64 u64(const pb::Message &m, const char *name)
{
    return m.GetReflection()->GetUInt64(m, field(m, name));
}

// The metric's value by its datatype (the specification's table of which field holds which).
void writeValue(const pb::Message &metric, JsonTextWriter &w)
{
    const pb::Reflection *r = metric.GetReflection();
    const pb::OneofDescriptor *oneof = metric.GetDescriptor()->FindOneofByName("value");
    const pb::FieldDescriptor *f = r->GetOneofFieldDescriptor(metric, oneof);
    if (!f) {
        w.null();
        return;
    }
    const unsigned datatype =
        has(metric, "datatype") ? r->GetUInt32(metric, field(metric, "datatype")) : 0;
    const std::string name = f->name();
    if (name == "int_value") {
        const quint32 v = r->GetUInt32(metric, f);
        switch (datatype) {
        case 1: // Int8
            w.integer(qint8(v));
            return;
        case 2: // Int16
            w.integer(qint16(v));
            return;
        case 3: // Int32
            w.integer(qint32(v));
            return;
        default:
            w.unsignedInteger(v);
            return;
        }
    }
    if (name == "long_value") {
        const quint64 v = r->GetUInt64(metric, f);
        if (datatype == 4) // Int64
            w.integer(qint64(v));
        else
            w.unsignedInteger(v);
        return;
    }
    if (name == "float_value") {
        w.number(r->GetFloat(metric, f));
        return;
    }
    if (name == "double_value") {
        w.number(r->GetDouble(metric, f));
        return;
    }
    if (name == "boolean_value") {
        w.boolean(r->GetBool(metric, f));
        return;
    }
    if (name == "string_value") {
        w.string(text(r->GetString(metric, f)));
        return;
    }
    if (name == "bytes_value") {
        const std::string bytes = r->GetString(metric, f);
        w.string(QString::fromLatin1(
            QByteArray::fromRawData(bytes.data(), qsizetype(bytes.size())).toBase64()));
        return;
    }
    ProtoJsonWriter::write(r->GetMessage(metric, f), w); // data set, template, extension
}

void writeMetric(const pb::Message &metric, JsonTextWriter &w,
                 const SparkplugJsonWriter::Names *names)
{
    const pb::Reflection *r = metric.GetReflection();
    w.beginObject();
    const bool named = has(metric, "name");
    const bool aliased = has(metric, "alias");
    if (named) {
        w.key(u"name");
        w.string(text(r->GetString(metric, field(metric, "name"))));
    } else if (aliased && names && names->contains(u64(metric, "alias"))) {
        w.key(u"name");
        w.string(names->value(u64(metric, "alias")));
    }
    if (aliased) {
        w.key(u"alias");
        w.unsignedInteger(u64(metric, "alias"));
    }
    if (has(metric, "timestamp")) {
        w.key(u"timestamp");
        w.unsignedInteger(u64(metric, "timestamp"));
    }
    if (has(metric, "datatype")) {
        w.key(u"datatype");
        w.string(QString::fromLatin1(
            SparkplugSchema::datatypeName(r->GetUInt32(metric, field(metric, "datatype")))));
    }
    for (const char *flag : {"is_historical", "is_transient", "is_null"}) {
        if (has(metric, flag) && r->GetBool(metric, field(metric, flag))) {
            w.key(QString::fromLatin1(flag));
            w.boolean(true);
        }
    }
    if (!(has(metric, "is_null") && r->GetBool(metric, field(metric, "is_null")))) {
        w.key(u"value");
        writeValue(metric, w);
    }
    for (const char *part : {"properties", "metadata"}) {
        if (has(metric, part)) {
            w.key(QString::fromLatin1(part));
            ProtoJsonWriter::write(r->GetMessage(metric, field(metric, part)), w);
        }
    }
    w.endObject();
}

} // namespace

void SparkplugJsonWriter::write(const pb::Message &payload, JsonTextWriter &w, const Names *names,
                                const std::function<void(JsonTextWriter &)> &header)
{
    const pb::Reflection *r = payload.GetReflection();
    w.beginObject();
    if (header)
        header(w);
    if (has(payload, "timestamp")) {
        w.key(u"timestamp");
        w.unsignedInteger(u64(payload, "timestamp"));
    }
    if (has(payload, "seq")) {
        w.key(u"seq");
        w.unsignedInteger(u64(payload, "seq"));
    }
    if (has(payload, "uuid")) {
        w.key(u"uuid");
        w.string(text(r->GetString(payload, field(payload, "uuid"))));
    }
    const pb::FieldDescriptor *metrics = field(payload, "metrics");
    const int count = r->FieldSize(payload, metrics);
    w.key(u"metrics");
    w.beginArray();
    for (int i = 0; i < count && !w.isFull(); ++i)
        writeMetric(r->GetRepeatedMessage(payload, metrics, i), w, names);
    w.endArray();
    if (has(payload, "body")) {
        const std::string body = r->GetString(payload, field(payload, "body"));
        w.key(u"body");
        w.string(QString::fromLatin1(
            QByteArray::fromRawData(body.data(), qsizetype(body.size())).toBase64()));
    }
    w.endObject();
}

SparkplugJsonWriter::Names SparkplugJsonWriter::namesOf(const pb::Message &payload)
{
    Names out;
    const pb::Reflection *r = payload.GetReflection();
    const pb::FieldDescriptor *metrics = field(payload, "metrics");
    for (int i = 0; i < r->FieldSize(payload, metrics); ++i) {
        const pb::Message &metric = r->GetRepeatedMessage(payload, metrics, i);
        if (has(metric, "name") && has(metric, "alias"))
            out.insert(u64(metric, "alias"),
                       text(metric.GetReflection()->GetString(metric, field(metric, "name"))));
    }
    return out;
}

std::optional<quint64> SparkplugJsonWriter::seqOf(const pb::Message &payload)
{
    if (!has(payload, "seq"))
        return std::nullopt;
    return u64(payload, "seq");
}

} // namespace mqttdesk
