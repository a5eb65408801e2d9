#pragma once

#include <QHash>
#include <QString>

#include <functional>
#include <optional>

namespace google::protobuf {
class Message;
}

namespace mqttdesk {

class JsonTextWriter;

// A parsed Sparkplug B payload as JSON: its timestamp, seq, uuid and body, and each metric
// with its name (from the payload, or resolved from the birth's aliases through `names`),
// alias, timestamp, datatype by name and value by datatype (Int8/16/32 signed from the
// uint32 field, UInt64 and DateTime from the uint64 one, bytes as Base64; data sets,
// templates, properties and metadata by their fields).
class SparkplugJsonWriter
{
public:
    using Names = QHash<quint64, QString>; // alias -> metric name

    // `header` writes keys of the caller's before the payload's (the session's "sparkplug").
    static void write(const google::protobuf::Message &payload, JsonTextWriter &writer,
                      const Names *names = nullptr,
                      const std::function<void(JsonTextWriter &)> &header = {});
    // The alias -> name pairs a payload declares (its metrics with both).
    static Names namesOf(const google::protobuf::Message &payload);
    static std::optional<quint64> seqOf(const google::protobuf::Message &payload);
};

} // namespace mqttdesk
