#pragma once

#include "app/cli/bench_stats.h"
#include "app/cli/cli_client.h"
#include "app/cli/cli_error.h"
#include "app/cli/cli_options.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace mqttdesk {

// mqttdesk-cli bench pub|sub|conn: N clients, a rate or as fast as possible, payload
// size, QoS and a topic pattern (%c = client number). Prints a line each second and a
// summary: messages per second, latency percentiles (QoS 1/2 publish round trips,
// connection times), errors.
class BenchCommand : public QObject
{
    Q_OBJECT
public:
    BenchCommand(const CliOptions &options, const CliPlan &plan, QObject *parent = nullptr);
    ~BenchCommand() override;

    bool prepare(CliError *) { return true; }
    void start();
    void interrupt();

signals:
    void done(int exitCode);

private:
    struct Client
    {
        std::unique_ptr<CliClient> client;
        QString topic;
        qint64 sent = 0;
        qint64 outstanding = 0;
        qint64 window = 0; // publishes in flight at most
        double credit = 0; // --rate: messages due
        bool connected = false;
        bool finished = false;
        QHash<quint64, qint64> startedNs; // QoS 1/2 round trips
    };

    void startClient(int index);
    void onConnected(int index);
    void pump(int index);
    void onPublishFinished(int index, quint64 token, const PublishOutcome &outcome);
    void onMessages(const MessageBatch &batch);
    void onClientError(const ConnectionError &error);
    void checkDone();
    void stop();
    QString what() const;

    CliOptions m_options;
    CliPlan m_plan;
    std::vector<Client> m_clients;
    BenchStats m_stats;
    QElapsedTimer m_clock;
    QTimer m_liveTimer;
    QTimer m_rateTimer;
    QTimer m_startTimer;
    QTimer m_deadline;
    QByteArray m_payload;
    int m_started = 0;
    int m_connected = 0;
    int m_closed = 0;
    int m_connectionErrors = 0;
    bool m_stopping = false;
    bool m_errorPrinted = false;
};

} // namespace mqttdesk
