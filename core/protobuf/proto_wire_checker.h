#pragma once

#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace google::protobuf {
class Descriptor;
}

namespace mqttdesk {

// Walks Protobuf wire bytes against a message type and names the first thing that makes
// them not a message: where libprotobuf's parser only says "false", the user reads "at byte
// 17: truncated varint". Checks what the parser refuses: truncated or over-long varints,
// fixed fields and lengths past the end, wire types 6 and 7, field number 0, unbalanced
// groups, nesting deeper than the parser's limit and invalid UTF-8 in proto3 strings.
// A wire type that does not fit the field is no error (the parser keeps it as an unknown
// field). Iterative over the bytes, recursive only into nested messages, bounded by depth.
class ProtoWireChecker
{
public:
    struct Problem
    {
        qsizetype offset = 0; // where reading stopped
        QString reason;       // translated: "truncated varint"
    };

    // libprotobuf's default recursion limit.
    static constexpr int kMaxDepth = 100;

    static std::optional<Problem> check(QByteArrayView bytes,
                                        const google::protobuf::Descriptor *type);
};

} // namespace mqttdesk
