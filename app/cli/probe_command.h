#pragma once

#include "app/cli/cli_error.h"
#include "app/cli/cli_options.h"
#include "app/cli/settings_builder.h"
#include "core/probe/broker_probe.h"

#include <QObject>

namespace mqttdesk {

// mqttdesk-cli probe: runs the broker capability test (the same BrokerProbe as the app's
// "Test broker") with the command line's connection, a line per check on standard error as
// it finishes, and prints the report: an aligned table, --json or --markdown. Ctrl-C
// cancels (the retained probe messages are still cleared) and prints what was found.
class ProbeCommand : public QObject
{
    Q_OBJECT
public:
    ProbeCommand(const CliOptions &options, const CliPlan &plan, QObject *parent = nullptr);

    bool prepare(CliError *error);
    void start();
    void interrupt();

    // 0 when some protocol version was accepted (whatever else the broker supports), 3 when
    // every version was refused by CONNACK, 2 when no connection could be made.
    static int exitCodeFor(const ProbeReport &report);

signals:
    void done(int exitCode);

private:
    void onFinished(const ProbeReport &report);

    CliOptions m_options;
    BrokerProbe m_probe;
};

} // namespace mqttdesk
