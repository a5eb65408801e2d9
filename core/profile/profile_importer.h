#pragma once

#include "core/profile/profile_import.h"

#include <QByteArray>
#include <QString>

namespace mqttdesk {

// Reads an import file: our own format or an MQTTX export (detected from the
// content). All or nothing: on any error the result holds no profiles.
class ProfileImporter
{
public:
    static ProfileImport fromJson(const QByteArray &data);
    static ProfileImport fromFile(const QString &path);
    // The 1-based line of a byte offset, for syntax errors.
    static int lineOfOffset(const QByteArray &data, qsizetype offset);
};

} // namespace mqttdesk
