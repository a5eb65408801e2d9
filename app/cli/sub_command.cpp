#include "app/cli/sub_command.h"

#include "core/protocol/topic.h"

#include <unistd.h>

namespace mqttdesk {

SubCommand::SubCommand(const CliOptions &options, const CliPlan &plan, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_client(plan, options.quiet)
    , m_out(STDOUT_FILENO, options.lineBuffered || ::isatty(STDOUT_FILENO))
    , m_formatter(options)
{
    Connection *c = m_client.connection();
    connect(&m_client, &CliClient::connected, this, &SubCommand::onConnected);
    connect(&m_client, &CliClient::done, this, [this](int code) {
        m_out.flush();
        emit done(code);
    });
    connect(c, &Connection::messagesReceived, this, &SubCommand::onMessages);
    connect(c, &Connection::subscribeFinished, this, &SubCommand::onSubscribed);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { stop(ExitTimeout); });
}

void SubCommand::start()
{
    m_client.start();
}

void SubCommand::interrupt()
{
    stop(ExitSuccess);
}

void SubCommand::onConnected()
{
    // mosquitto_sub: the -W timeout starts once connected.
    if (m_options.timeoutSeconds > 0 && !m_timeout.isActive())
        m_timeout.start(m_options.timeoutSeconds * 1000);
    Connection *c = m_client.connection();
    const CliPlan &plan = m_client.plan();
    if (!plan.topics.isEmpty()) {
        QList<Subscription> subscriptions;
        for (const QString &filter : plan.topics) {
            Subscription s;
            s.filter = filter;
            s.options.qos = m_options.qos;
            subscriptions.append(s);
        }
        const QList<quint32> ids = plan.properties.subscribe.subscriptionIdentifiers();
        c->subscribe(subscriptions,
                     ids.isEmpty() ? std::nullopt : std::optional<quint32>(ids.first()),
                     plan.properties.subscribe.userProperties());
    }
    if (!m_options.unsubscribeTopics.isEmpty())
        c->unsubscribe(m_options.unsubscribeTopics, plan.properties.unsubscribe.userProperties());
}

void SubCommand::onSubscribed(quint64, const SubscribeResult &result)
{
    if (result.error) {
        m_client.fail(result.error->message, ExitRequest);
        return;
    }
    int refused = 0;
    for (qsizetype i = 0; i < result.reasonCodes.size(); ++i) {
        if (isSuccess(result.reasonCodes.at(i)))
            continue;
        ++refused;
        if (!m_options.quiet)
            CliClient::printError(
                tr("The server refused the subscription to '%1': %2.")
                    .arg(result.subscriptions.value(i).filter,
                         reasonCodeText(result.reasonCodes.at(i), PacketType::Suback)));
    }
    if (refused > 0 && refused == result.reasonCodes.size())
        stop(ExitRequest);
    m_subscribed = true;
}

bool SubCommand::shouldPrint(const ReceivedMessage &m) const
{
    if (m_options.noRetained && m.message.retain)
        return false;
    for (const QString &filter : m_options.filterOut) {
        if (Topic::matches(filter, m.message.topic))
            return false;
    }
    return true;
}

void SubCommand::onMessages(const MessageBatch &batch)
{
    if (m_stopped)
        return;
    const bool filtering = m_options.noRetained || !m_options.filterOut.isEmpty();
    for (const ReceivedMessage &m : batch) {
        if (filtering && !shouldPrint(m))
            continue;
        m_formatter.write(m, m_out);
        if (m_options.count > 0 && ++m_received >= m_options.count) {
            stop(ExitSuccess);
            return;
        }
    }
    if (!m_out.ok()) // the reader of our output went away (e.g. `| head`)
        stop(ExitSuccess);
}

void SubCommand::stop(int exitCode)
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_timeout.stop();
    m_out.flush();
    m_client.finish(exitCode);
}

} // namespace mqttdesk
