#pragma once

#include "core/storage/data_directory_error.h"

#include <QString>

namespace mqttdesk {

// Where MQTT Desk keeps its database. Precedence: the --data-dir value, then the
// MQTTDESK_DATA_DIR environment variable, then QStandardPaths::AppDataLocation, so tests,
// benchmarks and a second instance never touch the user's real data.
class DataDirectory
{
public:
    enum class Source
    {
        CommandLine,
        Environment,
        Platform,
    };

    struct Resolved
    {
        QString path; // absolute, cleaned
        Source source = Source::Platform;
    };

    static constexpr const char *environmentVariable() { return "MQTTDESK_DATA_DIR"; }

    // `cliValue` is the --data-dir argument, empty when not given.
    static Resolved resolve(const QString &cliValue = {});
    // Creates the directory (and its parents) if needed; why it cannot be used, or None.
    static DataDirectoryError ensureExists(const QString &path);
    // The database file inside a data directory.
    static QString databasePath(const QString &dataDir);
};

} // namespace mqttdesk
