#include "app/cli/watch_command.h"

#include "core/alerts/alert_rule_set.h"
#include "core/connection/connection.h"

#include <QJsonDocument>

#include <cstdio>

namespace mqttdesk {

namespace {

// Often enough for a silence of one second to be seen within a quarter of it.
constexpr int kTickMs = 250;

} // namespace

WatchCommand::WatchCommand(const CliOptions &options, const CliPlan &plan, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_plan(plan)
{
    // Watching outlives a broker restart: reconnect after a loss (connection-lost rules tell),
    // but a first connection that fails is an error, as for every command.
    m_plan.settings.session.reconnect.enabled = true;
    m_plan.settings.session.reconnect.retryFirstConnect = false;
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, [this] { report(m_engine.tick()); });
}

WatchCommand::~WatchCommand() = default;

bool WatchCommand::prepare(CliError *error)
{
    AlertRuleError problem;
    const std::optional<QList<AlertRule>> rules = AlertRuleSet::load(m_options.rulesFile, &problem);
    if (!rules) {
        *error = {CliError::Kind::FileProblem,
                  tr("--rules %1: %2").arg(m_options.rulesFile, problem.message())};
        return false;
    }
    bool anyEnabled = false;
    for (const AlertRule &rule : *rules)
        anyEnabled = anyEnabled || rule.enabled;
    if (!anyEnabled) {
        *error = {CliError::Kind::FileProblem,
                  tr("--rules %1: no rule is enabled, so there is nothing to watch.")
                      .arg(m_options.rulesFile)};
        return false;
    }
    m_engine.setRules(*rules);
    if (m_plan.topics.isEmpty())
        m_plan.topics = m_engine.filters();

    m_client = std::make_unique<CliClient>(m_plan, m_options.quiet);
    m_client->setRidesOutLosses(true);
    Connection *c = m_client->connection();
    connect(m_client.get(), &CliClient::connected, this, &WatchCommand::onConnected);
    connect(m_client.get(), &CliClient::done, this, &WatchCommand::done);
    connect(c, &Connection::messagesReceived, this,
            [this](const MessageBatch &batch) { report(m_engine.ingest(batch)); });
    connect(c, &Connection::errorOccurred, this,
            [this](const ConnectionError &e) { m_lastError = e.message; });
    connect(c, &Connection::stateChanged, this, &WatchCommand::onStateChanged);
    connect(c, &Connection::subscribeFinished, this, &WatchCommand::onSubscribed);
    connect(c, &Connection::publishFinished, this, [this](quint64, const PublishOutcome &outcome) {
        if (outcome.error && !m_options.quiet)
            CliClient::printError(tr("warning: an alert's message was not published: %1")
                                      .arg(outcome.error->message));
    });
    return true;
}

void WatchCommand::start()
{
    m_client->start();
}

void WatchCommand::interrupt()
{
    stop(ExitSuccess);
}

void WatchCommand::onConnected()
{
    m_up = true;
    m_lastError.clear();
    report(m_engine.connectionUp());
    if (!m_subscribed && !m_plan.topics.isEmpty()) {
        m_subscribed = true;
        // Retain As Published: retained publishes arrive flagged, for retained-changed rules.
        m_subscribeToken = m_client->subscribeToTopics(m_options.qos, true);
    }
    if (!m_tick.isActive())
        m_tick.start();
}

void WatchCommand::onSubscribed(quint64 token, const SubscribeResult &result)
{
    if (token != m_subscribeToken)
        return; // the session's own resubscription after a reconnection
    if (result.error) {
        m_client->fail(result.error->message, ExitRequest);
        return;
    }
    for (qsizetype i = 0; i < result.reasonCodes.size(); ++i) {
        if (isSuccess(result.reasonCodes.at(i)))
            continue;
        m_client->fail(tr("The server refused the subscription to '%1': %2.")
                           .arg(result.subscriptions.value(i).filter,
                                reasonCodeText(result.reasonCodes.at(i), PacketType::Suback)),
                       ExitRequest);
        return;
    }
}

void WatchCommand::onStateChanged(SessionState state)
{
    if (m_stopped || !m_up)
        return;
    if (state != SessionState::ReconnectWaiting && state != SessionState::Disconnected)
        return;
    m_up = false;
    const QString reason = m_lastError.isEmpty() ? tr("The connection was closed.") : m_lastError;
    m_lastError.clear();
    report(m_engine.connectionDown(reason));
}

void WatchCommand::report(const QList<AlertEvent> &events)
{
    if (m_stopped)
        return; // e.g. after the first alert with --fail-fast
    bool fired = false;
    for (const AlertEvent &event : events) {
        const QByteArray line = QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact);
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        std::fputc('\n', stdout);
        if (event.publish)
            m_client->connection()->publish(*event.publish);
        if (!event.actionError.isEmpty() && !m_options.quiet)
            CliClient::printError(tr("warning: %1").arg(event.actionError));
        fired = fired || event.type == AlertEvent::Type::Fired;
    }
    if (events.isEmpty())
        return;
    std::fflush(stdout);
    if (fired && m_options.failFast)
        stop(ExitAlert);
}

void WatchCommand::stop(int exitCode)
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_tick.stop();
    m_client->finish(exitCode);
}

} // namespace mqttdesk
