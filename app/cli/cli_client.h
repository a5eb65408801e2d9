#pragma once

#include "app/cli/cli_exit_code.h"
#include "app/cli/settings_builder.h"
#include "core/connection/connection.h"
#include "core/connection/connection_thread.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace mqttdesk {

// One connection of a command: runs the Connection on its worker thread, reports the
// first error as one line on stderr with the matching exit status, and ends with a
// clean DISCONNECT (5.0: with the -D disconnect properties).
class CliClient : public QObject
{
    Q_OBJECT
public:
    CliClient(const CliPlan &plan, bool quiet, QObject *parent = nullptr);
    ~CliClient() override;

    Connection *connection() const { return m_thread->connection(); }
    const CliPlan &plan() const { return m_plan; }
    bool isFinishing() const { return m_finishing; }

    void start();
    // Disconnects (if connected) and then emits done(exitCode). Only the first call counts.
    void finish(int exitCode);
    // Prints "mqttdesk-cli: <text>" as one line on stderr, then finish(exitCode).
    void fail(const QString &text, int exitCode);

    static int exitCodeFor(const ConnectionError &error);
    static void printError(const QString &text);

signals:
    void connected(const mqttdesk::ConnackInfo &info);
    void done(int exitCode);

private:
    void onStateChanged(SessionState state);
    void onError(const ConnectionError &error);
    void emitDone();

    CliPlan m_plan;
    bool m_quiet;
    std::unique_ptr<ConnectionThread> m_thread;
    QTimer m_disconnectTimeout;
    bool m_finishing = false;
    bool m_doneEmitted = false;
    bool m_everConnected = false;
    int m_exitCode = 0;
};

} // namespace mqttdesk
