#pragma once

#include "app/cli/cli_exit_code.h"
#include "app/cli/settings_builder.h"
#include "core/connection/connection.h"
#include "core/workspace/connection_services.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace mqttdesk {

// One connection of a command: the same ConnectionServices as the app's (the Connection
// on its worker thread and, with a writer, the storing sink that keeps the history),
// reports the first error as one line on stderr with the matching exit status, and ends
// with a clean DISCONNECT (5.0: with the -D disconnect properties).
class CliClient : public QObject
{
    Q_OBJECT
public:
    // `services`: a writer (started, outliving the client) and the profile to store under;
    // the default stores nothing.
    CliClient(const CliPlan &plan, bool quiet, const ConnectionServices::Options &services = {},
              QObject *parent = nullptr);
    ~CliClient() override;

    Connection *connection() const { return m_services->connection(); }
    ConnectionServices *services() const { return m_services.get(); }
    const CliPlan &plan() const { return m_plan; }
    bool isFinishing() const { return m_finishing; }

    void start();
    // SUBSCRIBE to the plan's topics, each at `qos` (record, topics, watch); 5.0 with
    // `retainAsPublished`: retained publishes keep their flag (watch's retained-changed rules).
    quint64 subscribeToTopics(QoS qos, bool retainAsPublished = false);
    // Once connected, a lost connection does not end the command: the Connection reconnects
    // (the plan's settings must enable it) and each error is printed as a warning. A failure
    // that stops reconnecting (a refusal: the state goes to Disconnected) still ends it, with
    // that error's exit status (watch).
    void setRidesOutLosses(bool on) { m_ridesOutLosses = on; }
    // With setRidesOutLosses: instead of a warning per error, one line on stderr for each loss
    // and each failed attempt ("connection lost: <why>; reconnecting in N s (attempt k)") and
    // for each reconnection ("reconnected (session present: yes)") (sub --reconnect).
    void setReportsReconnects(bool on) { m_reportsReconnects = on; }
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
    void onReconnectScheduled(qint64 delayMs, int attempt);
    void emitDone();

    CliPlan m_plan;
    bool m_quiet;
    std::unique_ptr<ConnectionServices> m_services;
    QTimer m_disconnectTimeout;
    bool m_finishing = false;
    bool m_doneEmitted = false;
    bool m_everConnected = false;
    bool m_ridesOutLosses = false;
    bool m_reportsReconnects = false;
    // With m_ridesOutLosses: the error of the loss being ridden out, and whether it was
    // printed (with m_reportsReconnects, only once the reconnect it causes is scheduled).
    std::optional<ConnectionError> m_lostError;
    bool m_lostErrorPrinted = false;
    int m_exitCode = 0;
};

} // namespace mqttdesk
