#include "tests/connection/test_settings.h"

#include "tests/fixture/test_pki.h"

#include <QAtomicInteger>
#include <QCoreApplication>

namespace mqttdesk {

ConnectionSettings TestSettings::forPort(quint16 port, ProtocolVersion version,
                                         const QString &clientId)
{
    ConnectionSettings s;
    s.transport.kind = TransportOptions::Kind::Tcp;
    s.transport.host = QStringLiteral("127.0.0.1");
    s.transport.port = port;
    s.transport.connectTimeoutMs = 5000;
    s.session.version = version;
    s.session.clientId = clientId.isEmpty() ? uniqueClientId() : clientId;
    s.session.keepAliveSeconds = 30;
    s.session.connectTimeoutMs = 5000;
    s.session.reconnect.enabled = false;
    s.session.reconnect.initialDelayMs = 50;
    s.session.reconnect.maximumDelayMs = 400;
    return s;
}

ConnectionSettings TestSettings::forListener(const TestBroker &broker,
                                             TestBroker::Listener listener, ProtocolVersion version,
                                             const QString &clientId)
{
    using L = TestBroker::Listener;
    ConnectionSettings s = forPort(broker.port(listener), version, clientId);
    const bool ws = TestBroker::isWebSocket(listener);
    const bool tls = TestBroker::isTls(listener);
    if (ws)
        s.transport.kind =
            tls ? TransportOptions::Kind::SecureWebSocket : TransportOptions::Kind::WebSocket;
    else if (tls)
        s.transport.kind = TransportOptions::Kind::Tls;
    if (tls) {
        s.transport.host = QStringLiteral("localhost");
        s.transport.tls.caFiles = {broker.pki().caCert()};
    }
    if (listener == L::MutualTls) {
        s.transport.tls.clientCertificateFile = broker.pki().clientCert();
        s.transport.tls.clientKeyFile = broker.pki().clientKey();
    }
    if (listener == L::Password) {
        s.session.username = TestBroker::username();
        s.session.password = TestBroker::password().toUtf8();
    }
    return s;
}

QString TestSettings::uniqueClientId(const QString &prefix)
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("%1-%2-%3")
        .arg(prefix)
        .arg(QCoreApplication::applicationPid())
        .arg(counter.fetchAndAddRelaxed(1));
}

} // namespace mqttdesk
