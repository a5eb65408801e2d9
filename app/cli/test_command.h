#pragma once

#include "app/cli/cli_error.h"
#include "app/cli/cli_options.h"
#include "app/cli/settings_builder.h"
#include "core/suite/suite.h"
#include "core/suite/suite_result.h"

#include <QList>
#include <QObject>

#include <memory>

namespace mqttdesk {

class SuiteRunner;

// mqttdesk-cli test SUITE...: reads every suite file first (a broken one is a named error,
// exit 1, before anything connects), runs them one after the other through the core
// SuiteRunner, prints each one's readable report, writes --junit, and exits 0 only when
// every test passed (skipped ones do not count against it), ExitTestsFailed otherwise. -h,
// -p, -V, -u and -P replace those of every inline connection of the suites; connections that
// name a saved profile are read from the app's data directory (--data-dir) as saved.
class TestCommand : public QObject
{
    Q_OBJECT
public:
    TestCommand(const CliOptions &options, const CliPlan &plan, QObject *parent = nullptr);
    ~TestCommand() override;

    // Reads and checks every suite file and the --var values.
    bool prepare(CliError *error);
    void start();
    void interrupt();

    // The flags' overrides applied to a suite's inline connections.
    static void applyOverrides(const CliOptions &options, Suite &suite);

signals:
    void done(int exitCode);

private:
    void runNext();
    void onFinished(const SuiteResult &result);
    void finish();

    CliOptions m_options;
    QList<Suite> m_suites;
    QList<SuiteResult> m_results;
    std::unique_ptr<SuiteRunner> m_runner;
    qsizetype m_next = 0;
    bool m_interrupted = false;
};

} // namespace mqttdesk
