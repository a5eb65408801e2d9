#pragma once

namespace google::protobuf {
class Message;
}

namespace mqttdesk {

class JsonTextWriter;

// A parsed Protobuf message as JSON, through reflection: fields by their .proto names in
// declaration order, enums by name (the number when the schema has no name for it), bytes
// as Base64, 64-bit integers exact, maps as objects in key order, floats in their shortest
// form. Fields without presence (proto3 scalars) are shown with their default values, so
// that a zero reads as zero rather than as a missing field; unset optional, oneof and
// message fields are left out. Fields the schema does not know are listed under "(unknown fields)"
// with their number, wire type and value. Stops early once the writer is full (a preview).
class ProtoJsonWriter
{
public:
    static void write(const google::protobuf::Message &message, JsonTextWriter &writer);
};

} // namespace mqttdesk
