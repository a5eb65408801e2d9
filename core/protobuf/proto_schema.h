#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>

namespace google::protobuf {
class Descriptor;
class Message;
} // namespace google::protobuf

namespace mqttdesk {

// The message types of a set of .proto files, loaded at run time (libprotobuf's Importer:
// no code generation), with a prototype per type to parse payloads into. Immutable once
// loaded and thread-safe: decoders on several workers share one schema.
class ProtoSchema
{
public:
    ~ProtoSchema();
    ProtoSchema(const ProtoSchema &) = delete;
    ProtoSchema &operator=(const ProtoSchema &) = delete;

    // Parses `files` and what they import, looked up in `importPaths` and in each file's own
    // folder. Null, with `why` (translated, "demo.proto:12:5: ..." for each problem), when a
    // file is missing, unreadable or not valid .proto.
    static std::shared_ptr<const ProtoSchema>
    load(const QStringList &files, const QStringList &importPaths, QString *why = nullptr);

    // Null when no loaded file (or file they import) declares this fully qualified type.
    const google::protobuf::Descriptor *message(const QString &fullName) const;
    // The empty message of that type, for New(); owned by the schema.
    const google::protobuf::Message *prototype(const google::protobuf::Descriptor *type) const;
    // Every message type the given files declare (nested ones too), fully qualified, sorted:
    // for choosers.
    QStringList messageTypes() const;
    // The newest modification time of the given files when they were loaded: a schema cache
    // reloads when a file changes.
    QDateTime newestFileTime() const { return m_newestFileTime; }

private:
    ProtoSchema();
    struct Parts;
    std::unique_ptr<Parts> m_parts;
    QDateTime m_newestFileTime;
};

} // namespace mqttdesk
