#include "app/cli/cli_client.h"

#include <QCoreApplication>

#include <cstdio>

namespace mqttdesk {

namespace {

// How long a clean goodbye may take before the process just ends.
constexpr int kDisconnectTimeoutMs = 3000;

} // namespace

CliClient::CliClient(const CliPlan &plan, bool quiet, const ConnectionServices::Options &services,
                     QObject *parent)
    : QObject(parent)
    , m_plan(plan)
    , m_quiet(quiet)
    , m_services(std::make_unique<ConnectionServices>(plan.settings, services))
{
    Connection *c = m_services->connection();
    connect(c, &Connection::stateChanged, this, &CliClient::onStateChanged);
    connect(c, &Connection::errorOccurred, this, &CliClient::onError);
    // Problems that do not stop the connection (an unwritable SSLKEYLOGFILE) are printed too.
    connect(c, &Connection::warningOccurred, this, [this](const QString &message) {
        if (!m_quiet)
            printError(tr("warning: %1").arg(message));
    });
    connect(c, &Connection::reconnectScheduled, this, &CliClient::onReconnectScheduled);
    connect(c, &Connection::connected, this, [this](const ConnackInfo &info) {
        if (m_everConnected && m_reportsReconnects && !m_quiet && !m_finishing)
            printError(tr("reconnected (session present: %1)")
                           .arg(info.sessionPresent ? tr("yes") : tr("no")));
        m_everConnected = true;
        m_lostError.reset();
        if (!m_finishing)
            emit connected(info);
    });
    m_disconnectTimeout.setSingleShot(true);
    connect(&m_disconnectTimeout, &QTimer::timeout, this, &CliClient::emitDone);
}

CliClient::~CliClient() = default;

void CliClient::start()
{
    connection()->connectToBroker();
}

void CliClient::finish(int exitCode)
{
    if (m_finishing)
        return;
    m_finishing = true;
    m_exitCode = exitCode;
    const SessionState state = connection()->state();
    if (state == SessionState::Connected) {
        connection()->disconnectFromBroker(ReasonCode::NormalDisconnection,
                                           m_plan.properties.disconnect);
        m_disconnectTimeout.start(kDisconnectTimeoutMs);
    } else if (state == SessionState::Disconnected) {
        emitDone();
    } else {
        // Connecting or closing: stop it, then wait for Disconnected.
        connection()->disconnectFromBroker();
        m_disconnectTimeout.start(kDisconnectTimeoutMs);
    }
}

void CliClient::fail(const QString &text, int exitCode)
{
    if (m_finishing)
        return;
    if (!m_quiet)
        printError(text);
    finish(exitCode);
}

void CliClient::printError(const QString &text)
{
    // One line, whatever the message holds.
    QString line = text.simplified();
    std::fprintf(stderr, "mqttdesk-cli: %s\n", line.toLocal8Bit().constData());
    std::fflush(stderr);
}

int CliClient::exitCodeFor(const ConnectionError &error)
{
    switch (error.kind) {
    case ConnectionError::Kind::Refused:
    case ConnectionError::Kind::Authentication:
        return ExitRefused;
    case ConnectionError::Kind::Request:
        return ExitRequest;
    case ConnectionError::Kind::Settings:
        return ExitUsage;
    default:
        return ExitConnection;
    }
}

void CliClient::onError(const ConnectionError &error)
{
    if (error.kind == ConnectionError::Kind::Request)
        return; // reported by the command with the request's result
    if (m_ridesOutLosses && m_everConnected && !m_finishing) {
        m_lostError = error;
        m_lostErrorPrinted = !m_reportsReconnects;
        if (!m_reportsReconnects && !m_quiet)
            printError(tr("warning: %1").arg(error.message));
        return;
    }
    fail(error.message, exitCodeFor(error));
}

void CliClient::onReconnectScheduled(qint64 delayMs, int attempt)
{
    if (!m_reportsReconnects || m_finishing)
        return;
    QString why = m_lostError ? m_lostError->message : tr("the connection was closed");
    if (why.endsWith(QLatin1Char('.')))
        why.chop(1); // the sentence goes on
    const QString seconds = QString::number(double(delayMs) / 1000.0, 'f', 1);
    // The first attempt follows the loss (a first connection is never retried); later ones
    // follow a failed attempt.
    if (!m_quiet)
        printError(attempt <= 1 ? tr("connection lost: %1; reconnecting in %2 s (attempt %3)")
                                      .arg(why, seconds)
                                      .arg(attempt)
                                : tr("reconnecting failed: %1; trying again in %2 s (attempt %3)")
                                      .arg(why, seconds)
                                      .arg(attempt));
    m_lostErrorPrinted = true;
}

void CliClient::onStateChanged(SessionState state)
{
    if (state != SessionState::Disconnected)
        return;
    if (m_finishing) {
        emitDone();
        return;
    }
    if (m_lostError) { // reconnecting was given up (e.g. a refusal)
        if (!m_lostErrorPrinted && !m_quiet)
            printError(m_lostError->message);
        finish(exitCodeFor(*m_lostError));
        return;
    }
    // Closed without an error report (e.g. the server closed cleanly).
    fail(m_everConnected ? tr("The server closed the connection.")
                         : tr("The connection was closed before it was established."),
         ExitConnection);
}

void CliClient::emitDone()
{
    if (m_doneEmitted)
        return;
    m_doneEmitted = true;
    m_disconnectTimeout.stop();
    emit done(m_exitCode);
}

quint64 CliClient::subscribeToTopics(QoS qos, bool retainAsPublished)
{
    QList<Subscription> subscriptions;
    for (const QString &filter : m_plan.topics) {
        Subscription s;
        s.filter = filter;
        s.options.qos = qos;
        s.options.retainAsPublished =
            retainAsPublished && m_plan.settings.session.version == ProtocolVersion::V5;
        subscriptions.append(s);
    }
    return connection()->subscribe(subscriptions);
}

} // namespace mqttdesk
