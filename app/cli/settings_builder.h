#pragma once

#include "app/cli/cli_error.h"
#include "app/cli/cli_options.h"
#include "app/cli/cli_properties.h"
#include "core/connection/connection_settings.h"
#include "core/protocol/properties.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mqttdesk {

// What a command needs to connect and act: the Connection's settings, the -D properties
// of the other packets, and the topics (those of -t, or the one in an mqtt:// URL).
struct CliPlan
{
    ConnectionSettings settings;
    CliProperties properties;
    QStringList topics;
    // --profile: the saved connection's id and its data directory (for sub --store).
    qint64 profileId = 0;
    QString dataDirectory;
    // --profile: its template variables (pub --template and --expand).
    QList<StringPair> templateVariables;
};

// Turns the parsed command line (and a saved profile, with --profile) into a CliPlan:
// -L URLs, the proxy URL, TLS files, the will, -D properties and the defaults
// mosquitto_pub / mosquitto_sub use. Every failure is an argument error (exit 1).
class SettingsBuilder
{
public:
    static std::optional<CliPlan> build(const CliOptions &options, CliError *error);

private:
    static bool applyUrl(const CliOptions &options, CliPlan &plan, CliError *error);
    static bool applyProxy(const QString &url, TransportOptions &transport, CliError *error);
    static bool applyTls(const CliOptions &options, TransportOptions &transport, CliError *error);
};

} // namespace mqttdesk
