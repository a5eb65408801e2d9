#pragma once

#include "app/cli/cli_client.h"
#include "app/cli/cli_error.h"
#include "app/cli/cli_options.h"

#include <QFile>
#include <QObject>
#include <QTimer>

#include <memory>

namespace mqttdesk {

class CaptureRecorder;

// mqttdesk-cli record: subscribes and writes every message to a capture file through the
// same CaptureRecorder the app uses, until -C messages, -W seconds or Ctrl-C.
class RecordCommand : public QObject
{
    Q_OBJECT
public:
    RecordCommand(const CliOptions &options, const CliPlan &plan, QObject *parent = nullptr);
    ~RecordCommand() override;

    // Opens the output file.
    bool prepare(CliError *error);
    void start();
    void interrupt();

signals:
    void done(int exitCode);

private:
    void onConnected();
    void onSubscribed(quint64 token, const SubscribeResult &result);
    void stop(int exitCode);

    CliOptions m_options;
    CliClient m_client;
    QFile m_file;
    std::unique_ptr<CaptureRecorder> m_recorder;
    QTimer m_timeout;
    bool m_stopped = false;
};

} // namespace mqttdesk
