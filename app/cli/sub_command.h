#pragma once

#include "app/cli/cli_client.h"
#include "app/cli/cli_error.h"
#include "app/cli/cli_options.h"
#include "app/cli/message_formatter.h"
#include "app/cli/output_sink.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace mqttdesk {

// mqttdesk-cli sub: subscribes and prints. Messages arrive in batches from the
// connection's thread (one queued call per batch) and are written to a large output
// buffer straight from the received payloads.
class SubCommand : public QObject
{
    Q_OBJECT
public:
    SubCommand(const CliOptions &options, const CliPlan &plan, QObject *parent = nullptr);

    bool prepare(CliError *) { return true; }
    void start();
    // Ctrl-C: print what is buffered and leave cleanly.
    void interrupt();

signals:
    void done(int exitCode);

private:
    void onConnected();
    void onMessages(const MessageBatch &batch);
    void onSubscribed(quint64 token, const SubscribeResult &result);
    void stop(int exitCode);
    bool shouldPrint(const ReceivedMessage &message) const;

    CliOptions m_options;
    CliClient m_client;
    OutputSink m_out;
    MessageFormatter m_formatter;
    QTimer m_timeout;
    qint64 m_received = 0;
    bool m_subscribed = false;
    bool m_stopped = false;
};

} // namespace mqttdesk
