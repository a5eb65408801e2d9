#pragma once

#include "app/cli/cli_error.h"
#include "app/cli/cli_options.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mqttdesk {

// Parses mosquitto_pub / mosquitto_sub compatible arguments (plus our own) into
// CliOptions and checks everything that can be checked without the network: flag names
// and values, QoS, topic names and filters, that files exist.
class CliParser
{
public:
    // `arguments` includes the program name. Returns the options or sets `error`.
    static std::optional<CliOptions> parse(const QStringList &arguments, CliError *error);

private:
    static bool validate(CliOptions &options, CliError *error);
};

} // namespace mqttdesk
