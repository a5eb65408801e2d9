#pragma once

#include "app/cli/cli_client.h"
#include "app/cli/cli_error.h"
#include "app/cli/cli_options.h"
#include "core/retained/retained_clearer.h"
#include "core/retained/retained_collector.h"
#include "core/retained/retained_snapshot.h"

#include <QObject>

#include <memory>
#include <optional>

namespace mqttdesk {

// mqttdesk-cli retained clear | snapshot | diff: the CLI face of core/retained. Connects
// only when the broker is needed (diff of two files does not).
class RetainedCommand : public QObject
{
    Q_OBJECT
public:
    RetainedCommand(const CliOptions &options, const CliPlan &plan, QObject *parent = nullptr);
    ~RetainedCommand() override;

    bool prepare(CliError *error);
    void start();
    void interrupt();

signals:
    void done(int exitCode);

private:
    bool readSnapshots();
    void collect(const QString &filter);
    void onCollected(const RetainedSnapshot &snapshot);
    void clear(const RetainedSnapshot &snapshot);
    void onCleared(const RetainedClearer::Result &result);
    int printDiff(const RetainedSnapshot &a, const RetainedSnapshot &b);
    // Ends with `exitCode`: through the client (a clean DISCONNECT) when there is one.
    void finish(int exitCode);
    void failNow(const QString &text, int exitCode);

    CliOptions m_options;
    CliPlan m_plan;
    std::unique_ptr<CliClient> m_client;
    std::unique_ptr<RetainedCollector> m_collector;
    std::unique_ptr<RetainedClearer> m_clearer;
    std::optional<RetainedSnapshot> m_snapshotA;
    std::optional<RetainedSnapshot> m_snapshotB;
    bool m_finished = false;
};

} // namespace mqttdesk
