#pragma once

#include "app/cli/cli_client.h"
#include "app/cli/cli_error.h"
#include "app/cli/cli_options.h"

#include <QObject>

#include <memory>

namespace mqttdesk {

class ReplayJob;

// mqttdesk-cli replay FILE: publishes a capture again through the app's ReplayJob (timing,
// --speed, --rewrite, -q, --loop), then prints what was sent and acknowledged.
class ReplayCommand : public QObject
{
    Q_OBJECT
public:
    ReplayCommand(const CliOptions &options, const CliPlan &plan, QObject *parent = nullptr);
    ~ReplayCommand() override;

    // Reads the capture file and checks the rewrites.
    bool prepare(CliError *error);
    void start();
    void interrupt();

signals:
    void done(int exitCode);

private:
    void onConnected();
    void onJobState();

    CliOptions m_options;
    CliClient m_client;
    std::unique_ptr<ReplayJob> m_job;
};

} // namespace mqttdesk
