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
    // A directory it creates is the user's alone (0700).
    static DataDirectoryError ensureExists(const QString &path);
    // Creates `file` empty if it does not exist, and makes it the user's alone (0600):
    // the history and settings say what the user's devices send. False when it cannot.
    static bool makePrivateFile(const QString &file);
    // The database file inside a data directory.
    static QString databasePath(const QString &dataDir);
};

} // namespace mqttdesk
