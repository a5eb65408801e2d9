#pragma once

#include "app/cli/cli_client.h"
#include "app/cli/cli_error.h"
#include "app/cli/cli_options.h"
#include "core/alerts/alert_engine.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace mqttdesk {

// mqttdesk-cli watch: judges alert rules (a --rules file, docs/alert-rules.md) with the same
// AlertEngine the app will use: subscribes to the rules' filters (or -t), feeds it every batch,
// the connection going down and up (it reconnects after a loss) and a clock tick; prints each
// alert as one JSON line on stdout and publishes the rules' actions. Until Ctrl-C, or with
// --fail-fast the first alert that fires (ExitAlert).
class WatchCommand : public QObject
{
    Q_OBJECT
public:
    WatchCommand(const CliOptions &options, const CliPlan &plan, QObject *parent = nullptr);
    ~WatchCommand() override;

    // Reads the rule file (its first problem is the error, with line and field).
    bool prepare(CliError *error);
    void start();
    void interrupt();

signals:
    void done(int exitCode);

private:
    void onConnected();
    void onSubscribed(quint64 token, const SubscribeResult &result);
    void onStateChanged(SessionState state);
    void report(const QList<AlertEvent> &events);
    void stop(int exitCode);

    CliOptions m_options;
    CliPlan m_plan;
    std::unique_ptr<CliClient> m_client; // made by prepare(), once the topics are known
    AlertEngine m_engine;
    // Silence and rate rules are judged by the clock: the engine has no timer of its own.
    QTimer m_tick;
    QString m_lastError; // the reason of the next loss
    quint64 m_subscribeToken = 0;
    bool m_subscribed = false; // after a reconnection the session resubscribes by itself
    bool m_up = false;
    bool m_stopped = false;
};

} // namespace mqttdesk
