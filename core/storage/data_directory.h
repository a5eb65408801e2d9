#pragma once

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
    // resolve() and create the directory; false (with a message) when it cannot be created.
    static bool ensureExists(const QString &path, QString *errorMessage = nullptr);
    // The database file inside a data directory.
    static QString databasePath(const QString &dataDir);
};

} // namespace mqttdesk
