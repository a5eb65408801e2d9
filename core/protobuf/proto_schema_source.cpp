#include "core/protobuf/proto_schema_source.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace mqttdesk {

namespace {

const QString kFiles = QStringLiteral("files");
const QString kImportPaths = QStringLiteral("importPaths");
const QString kType = QStringLiteral("type");

bool readList(const QJsonObject &options, const QString &key, QStringList *out, QString *why)
{
    const QJsonValue value = options.value(key);
    if (value.isUndefined())
        return true;
    bool ok = value.isArray();
    for (const QJsonValue &item : value.toArray()) {
        ok = ok && item.isString();
        out->append(item.toString());
    }
    if (!ok && why)
        *why = QCoreApplication::translate("ProtoSchemaSource", "'%1' must be a list of paths.")
                   .arg(key);
    return ok;
}

} // namespace

QJsonObject ProtoSchemaSource::toJson() const
{
    return {{kFiles, QJsonArray::fromStringList(files)},
            {kImportPaths, QJsonArray::fromStringList(importPaths)},
            {kType, messageType}};
}

std::optional<ProtoSchemaSource> ProtoSchemaSource::fromJson(const QJsonObject &options,
                                                             QString *why)
{
    ProtoSchemaSource source;
    if (!readList(options, kFiles, &source.files, why) ||
        !readList(options, kImportPaths, &source.importPaths, why))
        return std::nullopt;
    const QJsonValue type = options.value(kType);
    if (!type.isUndefined() && !type.isString()) {
        if (why)
            *why = QCoreApplication::translate("ProtoSchemaSource",
                                               "'type' must be a message type name.");
        return std::nullopt;
    }
    source.messageType = type.toString();
    return source;
}

} // namespace mqttdesk
