#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace google::protobuf {
class Descriptor;
}

namespace mqttdesk {

class JsonTextWriter;

// Protobuf wire bytes written as JSON straight from the bytes, without parsing them into a
// message first: the text ProtoJsonWriter writes for the parsed message (which is the oracle
// in the tests and the fuzz target), about three times faster. A stream of one device's
// readings decodes every message of a busy topic; parsing into a DynamicMessage and walking
// it by reflection was most of that cost.
//
// It declines (returns false, having written part of a document the caller throws away)
// wherever libprotobuf's rules need more than one look at a message's fields: a singular
// message field sent twice (the parser merges them), two members of one oneof (the last
// clears the others), a wire type that does not fit its field (kept as an unknown field),
// groups, and enum numbers the enum does not name (a closed enum keeps them as unknown
// fields). The caller then parses with libprotobuf. Types with required fields or extension
// ranges, anywhere below them, are not supported() at all. Expects bytes ProtoWireChecker
// accepted; anything else is declined too, never read past.
class ProtoWireJsonWriter
{
public:
    // Larger payloads are parsed by the library: the writer keeps an entry per field
    // occurrence of each message it writes, which for megabytes of tiny fields is more memory
    // than the parsed message.
    static constexpr qsizetype kMaxBytes = 8 * 1024 * 1024;

    static bool supported(const google::protobuf::Descriptor *type);
    static bool write(QByteArrayView bytes, const google::protobuf::Descriptor *type,
                      JsonTextWriter &writer);
};

} // namespace mqttdesk
