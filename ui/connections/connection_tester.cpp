#include "ui/connections/connection_tester.h"

#include "core/connection/connection.h"
#include "core/connection/connection_thread.h"
#include "core/connection/profile_settings_mapper.h"

#include <QTimer>

namespace mqttdesk {

namespace {

QString describeConnack(const ConnackInfo &info)
{
    QStringList lines;
    lines << ConnectionTester::tr("Connected. Session present: %1.")
                 .arg(info.sessionPresent ? ConnectionTester::tr("yes")
                                          : ConnectionTester::tr("no"));
    lines << ConnectionTester::tr("Client id: %1").arg(info.clientId);
    if (info.serverKeepAlive)
        lines << ConnectionTester::tr("Server keep alive: %1 s").arg(*info.serverKeepAlive);
    if (info.sessionExpiryInterval)
        lines << ConnectionTester::tr("Session expiry: %1 s").arg(*info.sessionExpiryInterval);
    lines << ConnectionTester::tr("Receive maximum: %1, maximum QoS: %2, retain available: %3")
                 .arg(info.receiveMaximum)
                 .arg(int(info.maximumQoS))
                 .arg(info.retainAvailable ? ConnectionTester::tr("yes")
                                           : ConnectionTester::tr("no"));
    if (info.maximumPacketSize)
        lines << ConnectionTester::tr("Maximum packet size: %1 bytes").arg(*info.maximumPacketSize);
    if (info.reasonString)
        lines << ConnectionTester::tr("Reason: %1").arg(*info.reasonString);
    return lines.join(QLatin1Char('\n'));
}

QString describeError(const ConnectionError &error)
{
    QString text = error.message;
    if (error.transportError && !error.transportError->peerChain.isEmpty()) {
        text += QLatin1Char('\n') + ConnectionTester::tr("Certificate chain sent by the server:");
        int i = 0;
        for (const CertificateSummary &cert : error.transportError->peerChain) {
            text +=
                QLatin1Char('\n') +
                ConnectionTester::tr("%1. %2 — issued by %3 — valid %4 to %5 — names: %6")
                    .arg(++i)
                    .arg(cert.subject, cert.issuer, CertificateSummary::formatDate(cert.notBefore),
                         CertificateSummary::formatDate(cert.expiry),
                         cert.names.join(QStringLiteral(", ")));
        }
    }
    return text;
}

} // namespace

ConnectionTester::ConnectionTester(QObject *parent)
    : QObject(parent)
{}

ConnectionTester::~ConnectionTester() = default;

void ConnectionTester::start(const ConnectionProfile &profile)
{
    ConnectionSettings settings = ProfileSettingsMapper::toSettings(profile);
    settings.session.reconnect.enabled = false;
    m_thread = std::make_unique<ConnectionThread>(settings);
    m_done = false;
    Connection *connection = m_thread->connection();
    connect(connection, &Connection::connected, this, [this, connection](const ConnackInfo &info) {
        finish(true, describeConnack(info));
        connection->disconnectFromBroker();
    });
    connect(connection, &Connection::errorOccurred, this,
            [this](const ConnectionError &error) { finish(false, describeError(error)); });
    connection->connectToBroker();
}

void ConnectionTester::finish(bool success, const QString &text)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(success, text);
}

} // namespace mqttdesk
