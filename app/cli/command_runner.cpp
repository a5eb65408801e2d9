#include "app/cli/command_runner.h"

#include "app/cli/bench_command.h"
#include "app/cli/cli_client.h"
#include "app/cli/conn_command.h"
#include "app/cli/probe_command.h"
#include "app/cli/pub_command.h"
#include "app/cli/record_command.h"
#include "app/cli/replay_command.h"
#include "app/cli/retained_command.h"
#include "app/cli/settings_builder.h"
#include "app/cli/signal_watcher.h"
#include "app/cli/sub_command.h"
#include "app/cli/test_command.h"
#include "app/cli/topics_command.h"
#include "app/cli/watch_command.h"

#include <QCoreApplication>

#include <memory>

namespace mqttdesk {

namespace {

template<typename Command>
int exec(QCoreApplication &app, const CliOptions &options, const CliPlan &plan)
{
    Command command(options, plan);
    CliError error;
    if (!command.prepare(&error)) {
        error.command = options.command;
        error.print();
        return error.kind == CliError::Kind::HistoryProblem ? ExitStorage : ExitUsage;
    }
    int exitCode = ExitConnection;
    QObject::connect(&command, &Command::done, &app, [&](int code) {
        exitCode = code;
        app.quit();
    });
    SignalWatcher interrupts;
    QObject::connect(&interrupts, &SignalWatcher::interrupted, &command, &Command::interrupt);
    command.start();
    app.exec();
    return exitCode;
}

} // namespace

int CommandRunner::run(QCoreApplication &app, const CliOptions &options)
{
    CliError error;
    const std::optional<CliPlan> plan = SettingsBuilder::build(options, &error);
    if (!plan) {
        error.command = options.command;
        error.print();
        return ExitUsage;
    }
    switch (options.command) {
    case CliCommand::Sub:
        return exec<SubCommand>(app, options, *plan);
    case CliCommand::Pub:
        return exec<PubCommand>(app, options, *plan);
    case CliCommand::Conn:
        return exec<ConnCommand>(app, options, *plan);
    case CliCommand::BenchPub:
    case CliCommand::BenchSub:
    case CliCommand::BenchConn:
        return exec<BenchCommand>(app, options, *plan);
    case CliCommand::Topics:
        return exec<TopicsCommand>(app, options, *plan);
    case CliCommand::RetainedClear:
    case CliCommand::RetainedSnapshot:
    case CliCommand::RetainedDiff:
        return exec<RetainedCommand>(app, options, *plan);
    case CliCommand::Record:
        return exec<RecordCommand>(app, options, *plan);
    case CliCommand::Replay:
        return exec<ReplayCommand>(app, options, *plan);
    case CliCommand::Watch:
        return exec<WatchCommand>(app, options, *plan);
    case CliCommand::Probe:
        return exec<ProbeCommand>(app, options, *plan);
    case CliCommand::Test:
        return exec<TestCommand>(app, options, *plan);
    case CliCommand::None:
        break;
    }
    return ExitUsage;
}

} // namespace mqttdesk
