#pragma once

#include "app/cli/cli_client.h"
#include "app/cli/cli_error.h"
#include "app/cli/cli_options.h"

#include <QObject>
#include <QString>

namespace mqttdesk {

// mqttdesk-cli conn: connects, prints the CONNACK with all its properties, disconnects.
class ConnCommand : public QObject
{
    Q_OBJECT
public:
    ConnCommand(const CliOptions &options, const CliPlan &plan, QObject *parent = nullptr);

    bool prepare(CliError *) { return true; }
    void start() { m_client.start(); }
    void interrupt() { m_client.finish(ExitSuccess); }

    // The CONNACK as text, one field per line.
    static QString describe(const ConnackInfo &info, const ConnectionSettings &settings);

signals:
    void done(int exitCode);

private:
    CliClient m_client;
};

} // namespace mqttdesk
