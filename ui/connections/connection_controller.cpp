#include "ui/connections/connection_controller.h"

#include "core/alerts/alert_monitor.h"
#include "core/alerts/alert_rule_store.h"
#include "core/automation/capture_recording_job.h"
#include "core/connection/connection.h"
#include "core/connection/profile_settings_mapper.h"
#include "core/profile/connection_profile.h"
#include "core/retained/retained_source.h"
#include "core/storage/message_writer.h"
#include "core/workspace/connection_services.h"
#include "ui/connections/server_reference_prompt.h"
#include "ui/stream/connection_view.h"
#include "ui/stream/message_stream_view.h"
#include "ui/topictree/topic_tree_view.h"
#include "ui/workbench/workbench_page.h"

#include <QTimer>

namespace mqttdesk {

ConnectionController::ConnectionController(const ConnectionProfile &profile, const Options &options,
                                           QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    const ConnectionSettings settings = ProfileSettingsMapper::toSettings(profile);
    m_name = settings.name;
    m_referencePolicy = int(profile.serverReferencePolicy);
    m_connectionSettings = std::make_unique<ConnectionSettings>(settings);
    ConnectionServices::Options services;
    services.profileId = options.profileId;
    services.writer = options.writer;
    services.databasePath = options.databasePath;
    m_services = std::make_unique<ConnectionServices>(settings, services);
    m_services->setRetention(profile.retention);
    Connection *connection = m_services->connection();

    ConnectionView::Context context;
    context.services = m_services.get();
    context.version = settings.session.version;
    context.queueWhileOffline = settings.session.offlineQueueLimit > 0;
    context.templates = options.templates;
    context.connectionName = settings.name;
    context.clientId = settings.session.clientId;
    context.templateVariables = profile.templateVariables;
    m_view = new ConnectionView(context);
    m_view->setSettings(options.settings);
    m_view->streamView()->setCommandSettings(settings);
    // Alone, this connection is the only live broker to compare; the workspace adds the
    // other open ones.
    m_view->topicsView()->setLiveSources(
        [this] { return QList<RetainedLiveSource>{liveSource()}; });
    connection->setPacketLogging(options.packetLogging);
    if (options.alertRules)
        watchAlerts(*options.alertRules);

    m_countdown = new QTimer(this);
    m_countdown->setSingleShot(true);
    m_countdown->setTimerType(Qt::PreciseTimer);
    connect(m_countdown, &QTimer::timeout, this, [this] {
        updateCountdown();
        emitStatusText();
    });
    // Comes right before stateChanged(ReconnectWaiting).
    connect(connection, &Connection::reconnectScheduled, this, [this](qint64 delayMs, int attempt) {
        m_attempt = attempt;
        m_reconnectAt = QDeadlineTimer(delayMs, Qt::PreciseTimer);
    });
    connect(connection, &Connection::stateChanged, this, &ConnectionController::onState);
    connect(connection, &Connection::errorOccurred, this, &ConnectionController::onError);
    connect(connection, &Connection::logMessage, this, &ConnectionController::onLog);
    connect(connection, &Connection::brokerAddressChanged, this,
            &ConnectionController::onBrokerAddress);
    connect(connection, &Connection::serverReferenceReceived, this,
            &ConnectionController::onServerReference);
    connect(connection, &Connection::messagesReceived, this,
            [this](const MessageBatch &batch) { m_received += batch.size(); });

    m_recording = std::make_unique<CaptureRecordingJob>(connection);
    connect(m_recording.get(), &CaptureRecordingJob::finished, this,
            [this](qint64 recorded, const QString &error) {
                const QString path = m_recording->filePath();
                if (error.isEmpty()) {
                    logInfo(tr("Recording stopped: %n message(s) in %1.", nullptr, int(recorded))
                                .arg(path));
                    return;
                }
                emit logLine(QDateTime::currentDateTimeUtc(), int(LogLevel::Warning), m_name,
                             error);
                emit recordingFailed(m_options.profileId, error);
            });
}

void ConnectionController::watchAlerts(const AlertRuleStore &store)
{
    // Judged where the messages arrive, on the connection's thread.
    m_alerts = AlertMonitor::attach(m_services->connection());
    AlertRuleError error;
    if (const std::optional<QList<AlertRule>> rules = store.load(m_options.profileId, &error)) {
        m_alerts->setRules(*rules);
    } else {
        const QString text = tr("The alert rules in %1 cannot be read, so none are watched: %2 "
                                "Fix the file, or set the rules again (Connection > Alert "
                                "rules…).")
                                 .arg(store.filePath(m_options.profileId), error.message());
        // Once the owner listens to logLine (after the constructor).
        QTimer::singleShot(0, this, [this, text] {
            emit logLine(QDateTime::currentDateTimeUtc(), int(LogLevel::Warning), m_name, text);
        });
    }
    connect(m_alerts, &AlertMonitor::actionFailed, this,
            [this](const QString &rule, const QString &why) {
                emit logLine(QDateTime::currentDateTimeUtc(), int(LogLevel::Warning), m_name,
                             tr("Alert rule \"%1\" fired, but its message was not published: %2")
                                 .arg(rule, why));
            });
    connect(m_alerts, &AlertMonitor::alertsRaised, this, [this](const QList<AlertEvent> &events) {
        for (const AlertEvent &event : events) {
            if (!event.actionError.isEmpty())
                emit logLine(QDateTime::currentDateTimeUtc(), int(LogLevel::Warning), m_name,
                             tr("Alert rule \"%1\": %2").arg(event.ruleName, event.actionError));
        }
    });
}

void ConnectionController::setPacketLogging(bool enabled)
{
    m_services->connection()->setPacketLogging(enabled);
}

ConnectionController::~ConnectionController()
{
    // The view uses the services: it goes first, then the connection and its thread.
    delete m_view;
    m_services.reset();
}

Connection *ConnectionController::connection() const
{
    return m_services->connection();
}

RetainedLiveSource ConnectionController::liveSource() const
{
    RetainedLiveSource source;
    source.profileId = m_options.profileId;
    source.name = m_name;
    source.settings = *m_connectionSettings;
    return source;
}

bool ConnectionController::isOpen() const
{
    const SessionState state = m_services->connection()->state();
    return state != SessionState::Disconnected;
}

void ConnectionController::applyProfile(const ConnectionProfile &profile)
{
    const ConnectionSettings settings = ProfileSettingsMapper::toSettings(profile);
    m_name = settings.name;
    m_referencePolicy = int(profile.serverReferencePolicy);
    *m_connectionSettings = settings;
    m_services->connection()->setSettings(settings);
    m_services->setRetention(profile.retention);
    m_view->streamView()->setCommandSettings(settings);
    if (WorkbenchPage *workbench = m_view->workbenchPage()) {
        workbench->setConnectionName(settings.name);
        workbench->setClientId(settings.session.clientId);
        workbench->setConnectionVariables(profile.templateVariables);
    }
}

void ConnectionController::setRetention(const RetentionBudget &budget)
{
    m_services->setRetention(budget);
}

void ConnectionController::connectToBroker()
{
    m_lastError.clear();
    m_attempt = 0;
    m_userDisconnect = false;
    setStatus(ConnectionListModel::Status::Connecting);
    emitStatusText();
    m_services->connection()->connectToBroker();
}

void ConnectionController::disconnectFromBroker()
{
    // Also cancels a connection attempt or a reconnect loop: the session stops its timer.
    m_lastError.clear();
    m_userDisconnect = true;
    m_services->connection()->disconnectFromBroker();
}

QString ConnectionController::statusText(bool withReason) const
{
    switch (m_status) {
    case ConnectionListModel::Status::Error:
        if (withReason && !m_lastError.isEmpty())
            return ConnectionListModel::failedText(m_lastError);
        break;
    case ConnectionListModel::Status::Connecting:
        if (m_attempt > 0 && m_state == SessionState::ReconnectWaiting) {
            // Whole seconds, rounded up: "in 1 s" until the attempt starts.
            const qint64 left = qMax<qint64>(1, (m_reconnectAt.remainingTime() + 999) / 1000);
            return tr("Reconnecting in %1 s (attempt %2)").arg(left).arg(m_attempt);
        }
        if (m_attempt > 0)
            return tr("Reconnecting (attempt %1)").arg(m_attempt);
        break;
    case ConnectionListModel::Status::Connected:
    case ConnectionListModel::Status::Disconnected:
        break;
    }
    return ConnectionListModel::statusText(m_status);
}

void ConnectionController::onState(SessionState state)
{
    m_state = state;
    if (state == SessionState::Connected) {
        m_lastError.clear();
        m_attempt = 0;
    } else if (state == SessionState::Disconnected) {
        m_attempt = 0;
    }
    updateCountdown();
    // The error that ended the connection stays as the status (Failed: reason) until the user
    // acts; while reconnecting the status is Connecting, so Disconnect (Cancel) stays offered.
    if (state == SessionState::Disconnected && !m_lastError.isEmpty())
        setStatus(ConnectionListModel::Status::Error);
    else
        setStatus(ConnectionListModel::statusFor(state));
    emitStatusText();
}

void ConnectionController::updateCountdown()
{
    const qint64 left = m_state == SessionState::ReconnectWaiting && m_attempt > 0
                            ? m_reconnectAt.remainingTime()
                            : 0;
    if (left <= 0) {
        m_countdown->stop(); // no countdown, or the attempt is due: Connecting follows
        return;
    }
    m_countdown->start(int(left % 1000 == 0 ? 1000 : left % 1000));
}

void ConnectionController::emitStatusText()
{
    const QString text = statusText();
    if (text == m_statusText)
        return;
    m_statusText = text;
    emit statusTextChanged(m_options.profileId, text);
}

qint64 ConnectionController::stored() const
{
    return m_options.writer ? m_options.writer->counters(m_options.profileId).stored : 0;
}

qint64 ConnectionController::notStored() const
{
    return m_services->messagesNotStored();
}

void ConnectionController::setStatus(ConnectionListModel::Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    emit statusChanged(m_options.profileId, status);
}

void ConnectionController::onError(const ConnectionError &error)
{
    m_lastError = error.message;
    // The connection logged the message itself (Connection::reportError); only what it does
    // not say goes to the log here: the chain the server sent.
    if (error.transportError && !error.transportError->peerChain.isEmpty()) {
        QString text = tr("The server sent this certificate chain:");
        for (const CertificateSummary &cert : error.transportError->peerChain)
            text +=
                tr("\n  certificate %1, issued by %2, valid until %3")
                    .arg(cert.subject, cert.issuer, CertificateSummary::formatDate(cert.expiry));
        emit logLine(QDateTime::currentDateTimeUtc(), int(LogLevel::Warning), m_name, text);
    }
    // The state change that follows the error decides between Failed and reconnecting. An
    // error without one (settings the session refuses before connecting) fails here.
    if (m_state == SessionState::Disconnected)
        setStatus(ConnectionListModel::Status::Error);
    emitStatusText();
}

void ConnectionController::onLog(const ConnectionLogEntry &entry)
{
    // Core prefixes "[name] " for logs without a source column; the log has one.
    QString text = entry.text;
    const QString prefix = QStringLiteral("[%1] ").arg(m_name);
    if (text.startsWith(prefix))
        text.remove(0, prefix.size());
    // One failure reaches core's log up to three times: the transport's error, the session's
    // "Kind: message" and the connection's report of it. Show it once: a warning that
    // restates the one just before (one contains the other) is dropped. An Info line (a new
    // attempt) ends the run, so each reconnect attempt's failure still shows.
    if (entry.level == LogLevel::Warning) {
        if (!m_lastWarning.isEmpty() &&
            (text.contains(m_lastWarning) || m_lastWarning.contains(text)))
            return;
        m_lastWarning = text;
    } else if (entry.level == LogLevel::Info) {
        m_lastWarning.clear();
    }
    emit logLine(entry.timestamp, int(entry.level), m_name, text);
}

void ConnectionController::onBrokerAddress(const BrokerAddress &address)
{
    QString text = address.hostPort();
    switch (address.source) {
    case BrokerAddress::Source::Main:
        break;
    case BrokerAddress::Source::Fallback:
        text = tr("%1 (fallback)").arg(text);
        break;
    case BrokerAddress::Source::Srv:
        text = tr("%1 (DNS SRV)").arg(text);
        break;
    case BrokerAddress::Source::ServerReference:
        text = tr("%1 (server reference)").arg(text);
        break;
    }
    if (text == m_brokerAddress)
        return;
    m_brokerAddress = text;
    emit brokerAddressChanged(m_options.profileId);
}

void ConnectionController::onServerReference(const ServerReference &reference)
{
    if (reference.addresses.isEmpty())
        return; // nothing to follow; the connection logged what it got
    QStringList addresses;
    for (const BrokerAddress &a : reference.addresses)
        addresses << a.hostPort();
    bool follow = false;
    switch (ServerReferencePolicy(m_referencePolicy)) {
    case ServerReferencePolicy::Never:
        logInfo(tr("Not going to %1: this connection is set never to follow a server reference.")
                    .arg(addresses.join(QStringLiteral(", "))));
        return;
    case ServerReferencePolicy::Always:
        follow = true;
        break;
    case ServerReferencePolicy::Ask: {
        const ServerReferencePrompt::Decision decision = ServerReferencePrompt::ask(
            m_view, m_name, reference.reasonCode == ReasonCode::ServerMoved, reference.text,
            addresses);
        follow = decision.follow;
        if (decision.remember) {
            m_referencePolicy =
                int(follow ? ServerReferencePolicy::Always : ServerReferencePolicy::Never);
            emit serverReferencePolicyChosen(m_options.profileId, m_referencePolicy);
        }
        if (!follow)
            logInfo(tr("Not going to %1: declined.").arg(addresses.join(QStringLiteral(", "))));
        break;
    }
    }
    // The user may have disconnected while the question was open (a connect meanwhile makes
    // the connection ignore the request).
    if (!follow || m_userDisconnect)
        return;
    m_lastError.clear();
    m_attempt = 0;
    setStatus(ConnectionListModel::Status::Connecting);
    emitStatusText();
    m_services->connection()->followServerReference(reference.addresses);
}

void ConnectionController::logInfo(const QString &text)
{
    emit logLine(QDateTime::currentDateTimeUtc(), int(LogLevel::Info), m_name, text);
}

} // namespace mqttdesk
