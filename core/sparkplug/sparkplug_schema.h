#pragma once

namespace google::protobuf {
class Descriptor;
class Message;
} // namespace google::protobuf

namespace mqttdesk {

// The Sparkplug B payload schema (org.eclipse.tahu.protobuf.Payload), written from the
// Sparkplug 3.0 specification's description of the payload and built into the library, so
// that decoding needs no file. Built once, immutable and thread-safe.
class SparkplugSchema
{
public:
    static const SparkplugSchema &instance();

    const google::protobuf::Descriptor *payload() const { return m_payload; }
    const google::protobuf::Message *prototype() const { return m_prototype; }

    // Sparkplug's metric datatypes (the Metric.datatype numbers) by name: "Int16", "Float",
    // "String", ...; "Unknown" for numbers the specification does not define.
    static const char *datatypeName(unsigned datatype);

private:
    SparkplugSchema();
    const google::protobuf::Descriptor *m_payload = nullptr;
    const google::protobuf::Message *m_prototype = nullptr;
};

} // namespace mqttdesk
