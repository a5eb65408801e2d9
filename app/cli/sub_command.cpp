#include "app/cli/sub_command.h"

#include "app/cli/cli_decoding_rules.h"
#include "core/protocol/topic.h"
#include "core/storage/data_directory.h"

#include <unistd.h>

namespace mqttdesk {

namespace {

std::unique_ptr<MessageWriter> writerFor(const CliOptions &options, const CliPlan &plan)
{
    if (!options.store || plan.profileId <= 0)
        return nullptr;
    return std::make_unique<MessageWriter>(DataDirectory::databasePath(plan.dataDirectory));
}

ConnectionServices::Options servicesFor(const CliPlan &plan, MessageWriter *writer)
{
    ConnectionServices::Options o;
    o.profileId = plan.profileId;
    o.writer = writer;
    o.topicTree = false; // sub prints; a tree would cost every message a lookup for nothing
    return o;
}

} // namespace

SubCommand::SubCommand(const CliOptions &options, const CliPlan &plan, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_writer(writerFor(options, plan))
    , m_client(plan, options.quiet, servicesFor(plan, m_writer.get()))
    , m_out(STDOUT_FILENO, options.lineBuffered || ::isatty(STDOUT_FILENO))
    , m_formatter(options)
{
    Connection *c = m_client.connection();
    if (options.reconnect) {
        // The settings reconnect (SettingsBuilder); a loss is reported, not the end.
        m_client.setRidesOutLosses(true);
        m_client.setReportsReconnects(true);
    }
    if (options.debug)
        m_debug = std::make_unique<PacketDebugPrinter>(c);
    connect(&m_client, &CliClient::connected, this, &SubCommand::onConnected);
    connect(&m_client, &CliClient::done, this, [this](int code) {
        m_out.flush();
        m_notStored += m_client.services()->messagesNotStored();
        if (m_notStored > 0) {
            if (!m_options.quiet)
                CliClient::printError(
                    tr("--store: %1 messages were printed but not stored.").arg(m_notStored));
            if (code == ExitSuccess)
                code = ExitStorage;
        }
        emit done(code);
    });
    connect(c, &Connection::messagesReceived, this, &SubCommand::onMessages);
    connect(c, &Connection::subscribeFinished, this, &SubCommand::onSubscribed);
    m_formatter.setWarningHandler([quiet = options.quiet](const QString &text) {
        if (!quiet)
            CliClient::printError(text);
    });
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { stop(ExitTimeout); });
}

bool SubCommand::prepare(CliError *error)
{
    QString why;
    const std::optional<DecodingRules> rules = CliDecodingRules::build(m_options, &why);
    if (!rules) {
        *error = {CliError::Kind::FileProblem, why};
        return false;
    }
    m_formatter.setDecodingRules(*rules);
    m_formatter.setSparkplug(m_options.sparkplug);
    if (!m_writer)
        return true;
    m_lock = std::make_unique<DataDirectoryLock>(m_client.plan().dataDirectory);
    if (const DataDirectoryError busy = m_lock->tryLock(); busy.isError()) {
        *error = {CliError::Kind::HistoryProblem, tr("--store: %1").arg(busy.message())};
        return false;
    }
    m_writer->start();
    if (!m_writer->isStoring()) {
        *error = {
            CliError::Kind::HistoryProblem,
            tr("--store: the history cannot be opened: %1").arg(m_writer->lastError().message)};
        return false;
    }
    connect(m_writer.get(), &MessageWriter::storingFailed, this, &SubCommand::onStoringFailed);
    connect(m_writer.get(), &MessageWriter::messagesDropped, this, &SubCommand::onDropped);
    return true;
}

void SubCommand::onStoringFailed(const StorageError &error)
{
    // The messages not yet stored are not acknowledged either: a persistent session gets
    // them again on the next run.
    m_client.fail(tr("--store: storing stopped: %1").arg(error.message), ExitStorage);
}

void SubCommand::onDropped(qint64, qint64 count)
{
    m_notStored += count; // reported when the run ends
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
    // --reconnect: a resumed session still has the subscriptions, and after one that was not
    // resumed (Session Present 0) the session subscribes again by itself [MQTT-3.2.2-5].
    if (m_subscribed)
        return;
    m_subscribed = true;
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
        if (m_options.reconnect && result.error->kind == SessionError::Kind::TransportClosed) {
            // Lost before the SUBACK: what the server never granted is not subscribed again
            // by the session (a resubscription is, at the next connection), so ask again.
            if (!result.resubscribe)
                m_subscribed = false;
            return;
        }
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
