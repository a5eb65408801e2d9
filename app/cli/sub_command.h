#pragma once

#include "app/cli/cli_client.h"
#include "app/cli/cli_error.h"
#include "app/cli/cli_options.h"
#include "app/cli/message_formatter.h"
#include "app/cli/output_sink.h"
#include "app/cli/packet_debug_printer.h"
#include "core/storage/data_directory_lock.h"
#include "core/storage/message_writer.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace mqttdesk {

// mqttdesk-cli sub: subscribes and prints. Messages arrive in batches from the
// connection's thread (one queued call per batch) and are written to a large output
// buffer straight from the received payloads.
//
// With --store it also keeps them in the --profile's history through the app's own
// storing sink and writer: stored before acknowledged, with the data directory locked
// against the app (and another --store) for the run. A message that is printed but
// cannot be stored is reported, and the run ends with exit status 5.
class SubCommand : public QObject
{
    Q_OBJECT
public:
    SubCommand(const CliOptions &options, const CliPlan &plan, QObject *parent = nullptr);

    // --store: takes the data directory's lock and opens the history.
    bool prepare(CliError *error);
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
    void onStoringFailed(const StorageError &error);
    void onDropped(qint64 profileId, qint64 count);
    bool shouldPrint(const ReceivedMessage &message) const;

    CliOptions m_options;
    // Declared before the client: its connection (the storing sink's user) ends first, then
    // the writer commits what it holds, then the lock is let go.
    std::unique_ptr<DataDirectoryLock> m_lock;
    std::unique_ptr<MessageWriter> m_writer;
    CliClient m_client;
    std::unique_ptr<PacketDebugPrinter> m_debug; // -d
    OutputSink m_out;
    MessageFormatter m_formatter;
    QTimer m_timeout;
    qint64 m_received = 0;
    // SUBSCRIBE (and -U's UNSUBSCRIBE) sent: once, not again at each reconnection.
    bool m_subscribed = false;
    bool m_stopped = false;
    qint64 m_notStored = 0;
};

} // namespace mqttdesk
