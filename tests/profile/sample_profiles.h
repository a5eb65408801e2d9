#pragma once

#include "core/profile/connection_profile.h"

namespace mqttdesk::test {

// A profile with every field away from its default, to prove round trips.
inline ConnectionProfile fullProfile()
{
    ConnectionProfile p;
    p.id = QUuid::fromString(QStringLiteral("{4b8e1c3a-2f5d-4e6a-9b7c-1d2e3f405162}"));
    p.name = QStringLiteral("Factory floor ✓");
    p.folder = QStringLiteral("Plants/Berlin");
    p.scheme = TransportScheme::Wss;
    p.host = QStringLiteral("broker.example.com");
    p.port = 9443;
    p.wsPath = QStringLiteral("/ws/mqtt");
    p.wsHeaders = {{QStringLiteral("X-Token"), QStringLiteral("abc")},
                   {QStringLiteral("X-Token"), QStringLiteral("def")}};
    p.fallbackBrokers = {{QStringLiteral("broker-2.example.com"), 9443, TransportScheme::Wss},
                         {QStringLiteral("10.0.0.9"), 1883, TransportScheme::Mqtt}};
    p.fallbackOrder = FallbackOrder::Random;
    p.serverReferencePolicy = ServerReferencePolicy::Always;
    p.clientId = QStringLiteral("desk-01");
    p.protocolVersion = ProtocolVersion::V311;
    p.username = QStringLiteral("alice");
    p.password = Secret{true, QStringLiteral("s3cret")};
    p.keepAliveSeconds = 25;
    p.cleanStart = false;
    p.connectProperties.sessionExpiryInterval = 3600;
    p.connectProperties.receiveMaximum = 100;
    p.connectProperties.maximumPacketSize = 1048576;
    p.connectProperties.topicAliasMaximum = 10;
    p.connectProperties.requestResponseInformation = true;
    p.connectProperties.requestProblemInformation = false;
    p.connectProperties.userProperties = {{QStringLiteral("region"), QStringLiteral("eu")},
                                          {QStringLiteral("app"), QStringLiteral("desk")}};
    p.tls.useSystemCa = false;
    p.tls.caFiles = {QStringLiteral("/etc/ca/one.pem"), QStringLiteral("/etc/ca/two.pem")};
    p.tls.clientCertificatePath = QStringLiteral("/home/a/client.crt");
    p.tls.clientKeyPath = QStringLiteral("/home/a/client.key");
    p.tls.keyPassphrase = Secret{true, QStringLiteral("keypass")};
    p.tls.pkcs12Path = QString();
    p.tls.pkcs12Password = Secret{true, QStringLiteral("p12pass")};
    p.tls.minimumVersion = TlsMinimumVersion::Tls13;
    p.tls.peerName = QStringLiteral("mqtt.internal");
    p.tls.alpn = {QStringLiteral("mqtt"), QStringLiteral("x-custom")};
    p.tls.verifyPeer = false;
    p.tls.writeKeyLog = true;
    p.tls.keyLogFile = QStringLiteral("/home/a/sslkeys.log");
    p.reconnect = {false, 500, 30000};
    p.offlineQueueSize = 42;
    p.offlineMode = OfflineMode::Refuse;
    p.proxy.type = ProxyType::Socks5;
    p.proxy.host = QStringLiteral("proxy.local");
    p.proxy.port = 1080;
    p.proxy.username = QStringLiteral("bob");
    p.proxy.password = Secret{true, QStringLiteral("proxypass")};
    p.will.enabled = true;
    p.will.topic = QStringLiteral("status/desk-01");
    p.will.payload = QByteArray("\x00\x01offline\xff", 10);
    p.will.payloadEncoding = PayloadEncoding::Hex;
    p.will.qos = 2;
    p.will.retain = true;
    p.will.properties.delayInterval = 5;
    p.will.properties.messageExpiryInterval = 0;
    p.will.properties.contentType = QStringLiteral("application/octet-stream");
    p.will.properties.responseTopic = QStringLiteral("reply/desk-01");
    p.will.properties.correlationData = QByteArray("\x01\x02\x03", 3);
    p.will.properties.payloadFormatIndicator = false;
    p.will.properties.userProperties = {{QStringLiteral("k"), QStringLiteral("v")}};
    p.retention = {100000, 50000000, 86400};
    p.secretStorage = SecretStorageMode::PlainConsented;
    p.templateVariables = {{QStringLiteral("device"), QStringLiteral("pump-7")},
                           {QStringLiteral("site"), QStringLiteral("Berlin ✓ {{x}}")}};
    return p;
}

} // namespace mqttdesk::test
