#include "tests/connection/sample_profile.h"

#include "core/profile/connection_profile.h"

namespace mqttdesk {

const ConnectionProfile &SampleProfile::everyField()
{
    static const ConnectionProfile profile = [] {
        ConnectionProfile p;
        p.name = QStringLiteral("lab broker");
        p.scheme = TransportScheme::Wss;
        p.host = QStringLiteral("broker.lab");
        p.port = 8443;
        p.wsPath = QStringLiteral("/ws");
        p.wsHeaders = {{QStringLiteral("X-Token"), QStringLiteral("abc")}};
        p.clientId = QStringLiteral("desk-1");
        p.protocolVersion = ProtocolVersion::V5;
        p.username = QStringLiteral("alice");
        p.password = Secret{true, QStringLiteral("pw")};
        p.keepAliveSeconds = 25;
        p.cleanStart = false;
        p.connectProperties.sessionExpiryInterval = 3600;
        p.connectProperties.receiveMaximum = 20;
        p.connectProperties.maximumPacketSize = 65536;
        p.connectProperties.topicAliasMaximum = 8;
        p.connectProperties.requestResponseInformation = true;
        p.connectProperties.requestProblemInformation = false;
        p.connectProperties.userProperties = {{QStringLiteral("app"), QStringLiteral("desk")}};
        p.tls.useSystemCa = true;
        p.tls.caFiles = {QStringLiteral("/ca.pem")};
        p.tls.clientCertificatePath = QStringLiteral("/client.pem");
        p.tls.clientKeyPath = QStringLiteral("/client.key");
        p.tls.keyPassphrase = Secret{true, QStringLiteral("kp")};
        p.tls.minimumVersion = TlsMinimumVersion::Tls13;
        p.tls.peerName = QStringLiteral("sni.lab");
        p.tls.alpn = {QStringLiteral("mqtt")};
        p.tls.verifyPeer = false;
        p.tls.writeKeyLog = true;
        p.tls.keyLogFile = QStringLiteral("/keys.log");
        p.reconnect = {true, 250, 8000};
        p.offlineQueueSize = 77;
        p.proxy.type = ProxyType::Socks5;
        p.proxy.host = QStringLiteral("proxy.lab");
        p.proxy.port = 1080;
        p.proxy.username = QStringLiteral("pu");
        p.proxy.password = Secret{true, QStringLiteral("pp")};
        p.will.enabled = true;
        p.will.topic = QStringLiteral("desk/status");
        p.will.payload = "offline";
        p.will.qos = 1;
        p.will.retain = true;
        p.will.properties.delayInterval = 5;
        p.will.properties.messageExpiryInterval = 60;
        p.will.properties.contentType = QStringLiteral("text/plain");
        p.will.properties.payloadFormatIndicator = true;
        return p;
    }();
    return profile;
}

const ConnectionProfile &SampleProfile::defaults()
{
    static const ConnectionProfile profile;
    return profile;
}

} // namespace mqttdesk
