#pragma once

#include "app/cli/cli_client.h"
#include "app/cli/cli_error.h"
#include "app/cli/cli_options.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

namespace mqttdesk {

class TopicTree;

// mqttdesk-cli topics: subscribes and builds the topic tree of what arrives, with the app's
// own code (ConnectionServices' TopicActivity and TopicTreeModel), then prints it when -W
// runs out, after -C messages or on Ctrl-C: indented text, or JSON with -F json.
class TopicsCommand : public QObject
{
    Q_OBJECT
public:
    TopicsCommand(const CliOptions &options, const CliPlan &plan, QObject *parent = nullptr);

    bool prepare(CliError *error);
    void start();
    void interrupt();

    // The tree as printed (text or JSON), at `nowUs` for the rates. Children by name, the `$`
    // roots last.
    static QByteArray text(const TopicTree &tree, qint64 nowUs);
    static QByteArray json(const TopicTree &tree, qint64 nowUs);

signals:
    void done(int exitCode);

private:
    void onConnected();
    void onSubscribed(quint64 token, const SubscribeResult &result);
    void onMessages(const MessageBatch &batch);
    void stop();

    CliOptions m_options;
    CliClient m_client;
    QTimer m_timeout;
    qint64 m_received = 0;
    bool m_stopped = false;
};

} // namespace mqttdesk
