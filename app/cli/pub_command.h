#pragma once

#include "app/cli/cli_client.h"
#include "app/cli/cli_error.h"
#include "app/cli/cli_options.h"
#include "app/cli/packet_debug_printer.h"
#include "app/cli/stdin_line_reader.h"
#include "core/publish/compiled_template.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace mqttdesk {

class PublishJob;

// mqttdesk-cli pub: publishes -m / -f / -s / -n (with --repeat), or one message per line
// of standard input (-l), waits until every message is acknowledged as its QoS requires,
// then disconnects. A --template (or --expand) message goes out through a PublishJob, the
// app's own timed publishing, which expands the variables anew for each repeat.
class PubCommand : public QObject
{
    Q_OBJECT
public:
    PubCommand(const CliOptions &options, const CliPlan &plan, QObject *parent = nullptr);
    ~PubCommand() override;

    // Reads the message (-f file, -s stdin) before connecting; false with `error` set.
    bool prepare(CliError *error);
    void start();
    void interrupt();

signals:
    void done(int exitCode);

private:
    bool readMessage(CliError *error);
    void onConnected(const ConnackInfo &info);
    void startJob(const ConnackInfo &info);
    void onJobSettled();
    void onFinished(quint64 token, const PublishOutcome &outcome);
    void onLines(const QList<QByteArray> &lines);
    void publishRepeats();
    void publish(const QByteArray &payload);
    void finishIfDone();

    CliOptions m_options;
    CliClient m_client;
    std::unique_ptr<PacketDebugPrinter> m_debug; // -d
    QByteArray m_payload;
    std::unique_ptr<StdinLineReader> m_reader;
    std::optional<CompiledTemplate> m_template; // --template, --expand
    PublishJob *m_job = nullptr;
    QTimer m_repeatTimer;
    int m_repeatsLeft = 0;
    qint64 m_outstanding = 0;
    int m_window; // publishes in flight at most
    bool m_inputDone = false;
    bool m_started = false;
};

} // namespace mqttdesk
