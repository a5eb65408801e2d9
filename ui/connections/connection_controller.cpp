#include "ui/connections/connection_controller.h"

#include "core/connection/connection.h"
#include "core/connection/profile_settings_mapper.h"
#include "core/storage/message_writer.h"
#include "core/workspace/connection_services.h"
#include "ui/stream/connection_view.h"
#include "ui/stream/message_stream_view.h"

namespace mqttdesk {

ConnectionController::ConnectionController(const ConnectionProfile &profile, const Options &options,
                                           QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    const ConnectionSettings settings = ProfileSettingsMapper::toSettings(profile);
    m_name = settings.name;
    ConnectionServices::Options services;
    services.profileId = options.profileId;
    services.writer = options.writer;
    services.databasePath = options.databasePath;
    m_services = std::make_unique<ConnectionServices>(settings, services);
    Connection *connection = m_services->connection();

    ConnectionView::Context context;
    context.services = m_services.get();
    context.version = settings.session.version;
    context.queueWhileOffline = settings.session.offlineQueueLimit > 0;
    m_view = new ConnectionView(context);
    m_view->streamView()->setSettings(options.settings);
    m_view->streamView()->setCommandSettings(settings);
    connection->setPacketLogging(options.packetLogging);

    connect(connection, &Connection::stateChanged, this, [this](SessionState state) {
        if (state == SessionState::Connected || state == SessionState::Connecting)
            m_lastError.clear();
        // An error stays visible while the connection waits to retry or is closed.
        if (!m_lastError.isEmpty() && state != SessionState::Connected) {
            setStatus(ConnectionListModel::Status::Error);
            return;
        }
        setStatus(ConnectionListModel::statusFor(state));
    });
    connect(connection, &Connection::errorOccurred, this, &ConnectionController::onError);
    connect(connection, &Connection::logMessage, this, &ConnectionController::onLog);
    connect(connection, &Connection::messagesReceived, this,
            [this](const MessageBatch &batch) { m_received += batch.size(); });
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

bool ConnectionController::isOpen() const
{
    const SessionState state = m_services->connection()->state();
    return state != SessionState::Disconnected;
}

void ConnectionController::applyProfile(const ConnectionProfile &profile)
{
    const ConnectionSettings settings = ProfileSettingsMapper::toSettings(profile);
    m_name = settings.name;
    m_services->connection()->setSettings(settings);
    m_view->streamView()->setCommandSettings(settings);
}

void ConnectionController::connectToBroker()
{
    m_lastError.clear();
    m_userDisconnect = false;
    setStatus(ConnectionListModel::Status::Connecting);
    m_services->connection()->connectToBroker();
}

void ConnectionController::disconnectFromBroker()
{
    m_lastError.clear();
    m_userDisconnect = true;
    m_services->connection()->disconnectFromBroker();
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
    setStatus(ConnectionListModel::Status::Error);
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

} // namespace mqttdesk
