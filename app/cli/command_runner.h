#pragma once

#include "app/cli/cli_options.h"

class QCoreApplication;

namespace mqttdesk {

// Builds the connection plan for a parsed command line and runs the command's event
// loop until it is done; returns the exit status.
class CommandRunner
{
public:
    static int run(QCoreApplication &app, const CliOptions &options);
};

} // namespace mqttdesk
