#pragma once

#include "core/storage/storage_error.h"

#include <QList>
#include <QStringList>

namespace mqttdesk {

class DatabaseConnection;

// The forward migrations of the schema, one per version. PRAGMA user_version holds the
// version a file is at; 0 is an empty file. Each step runs in its own transaction with its
// version bump, so a failed step leaves the file at the previous version.
// Never edit a released step: append a new one.
class SchemaMigrations
{
public:
    struct Step
    {
        int version;
        QStringList statements;
    };

    static const QList<Step> &steps();
    static int latestVersion();

    // Reads PRAGMA user_version.
    static int currentVersion(const DatabaseConnection &connection, StorageError *error);
    // Migrates from the current version to `targetVersion` (latest when -1).
    static StorageError migrate(const DatabaseConnection &connection, int targetVersion = -1);
};

} // namespace mqttdesk
