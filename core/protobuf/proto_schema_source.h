#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace mqttdesk {

// Where a Protobuf decoder's schema comes from: .proto files, the folders their imports are
// looked up in, and the message type a payload is. The decoder's options in JSON form:
// {"files": ["/path/demo.proto"], "importPaths": ["/path"], "type": "demo.Reading"}.
struct ProtoSchemaSource
{
    QStringList files;
    QStringList importPaths;
    QString messageType;

    QJsonObject toJson() const;
    // Nothing, with `why` (translated), when a key has the wrong type.
    static std::optional<ProtoSchemaSource> fromJson(const QJsonObject &options,
                                                     QString *why = nullptr);

    friend bool operator==(const ProtoSchemaSource &, const ProtoSchemaSource &) = default;
};

} // namespace mqttdesk
