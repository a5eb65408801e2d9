// A saved profile becomes the settings of a Connection, field by field.

#include "core/connection/profile_settings_mapper.h"
#include "core/profile/connection_profile.h"
#include "core/session/reconnect_policy.h"
#include "tests/connection/sample_profile.h"

#include <QTest>

using namespace mqttdesk;

class TstProfileSettingsMapper : public QObject
{
    Q_OBJECT

private slots:
    void everyField()
    {
        const ConnectionSettings s = ProfileSettingsMapper::toSettings(SampleProfile::everyField());
        QCOMPARE(s.name, QStringLiteral("lab broker"));
        const TransportOptions &t = s.transport;
        QCOMPARE(int(t.kind), int(TransportOptions::Kind::SecureWebSocket));
        QCOMPARE(t.host, QStringLiteral("broker.lab"));
        QCOMPARE(t.port, quint16(8443));
        QCOMPARE(t.webSocketPath, QStringLiteral("/ws"));
        QCOMPARE(t.webSocketHeaders.size(), 1);
        QCOMPARE(t.webSocketHeaders.first().first, QByteArray("X-Token"));
        QCOMPARE(t.tls.caFiles, QStringList{QStringLiteral("/ca.pem")});
        QVERIFY(t.tls.useSystemCas);
        QCOMPARE(t.tls.clientCertificateFile, QStringLiteral("/client.pem"));
        QCOMPARE(t.tls.clientKeyFile, QStringLiteral("/client.key"));
        QCOMPARE(t.tls.keyPassphrase, QByteArray("kp"));
        QCOMPARE(int(t.tls.minimumVersion), int(TlsOptions::MinimumVersion::Tls1_3));
        QCOMPARE(t.tls.peerName, QStringLiteral("sni.lab"));
        QCOMPARE(t.tls.alpnProtocols, QStringList{QStringLiteral("mqtt")});
        QVERIFY(t.tls.insecure);
        QCOMPARE(t.tls.keyLogFile, QStringLiteral("/keys.log"));
        QCOMPARE(int(t.proxy.kind), int(ProxyOptions::Kind::Socks5));
        QCOMPARE(t.proxy.host, QStringLiteral("proxy.lab"));
        QCOMPARE(t.proxy.port, quint16(1080));
        QCOMPARE(t.proxy.user, QStringLiteral("pu"));
        QCOMPARE(t.proxy.password, QStringLiteral("pp"));

        const SessionOptions &o = s.session;
        QCOMPARE(int(o.version), int(ProtocolVersion::V5));
        QCOMPARE(o.clientId, QStringLiteral("desk-1"));
        QCOMPARE(o.username, std::optional<QString>(QStringLiteral("alice")));
        QCOMPARE(o.password, std::optional<QByteArray>("pw"));
        QCOMPARE(o.keepAliveSeconds, quint16(25));
        QVERIFY(!o.cleanStart);
        QCOMPARE(o.sessionExpiryInterval, std::optional<quint32>(3600));
        QCOMPARE(o.receiveMaximum, std::optional<quint16>(20));
        QCOMPARE(o.maximumPacketSize, std::optional<quint32>(65536));
        QCOMPARE(o.topicAliasMaximum, quint16(8));
        QVERIFY(o.requestResponseInformation);
        QVERIFY(!o.requestProblemInformation);
        QCOMPARE(o.userProperties.size(), 1);
        QCOMPARE(o.userProperties.first().name, QStringLiteral("app"));
        QVERIFY(o.reconnect.enabled);
        QCOMPARE(o.reconnect.initialDelayMs, qint64(250));
        QCOMPARE(o.reconnect.maximumDelayMs, qint64(8000));
        QCOMPARE(o.offlineQueueLimit, 77);
        QVERIFY(o.will);
        QCOMPARE(o.will->topic, QStringLiteral("desk/status"));
        QCOMPARE(o.will->payload, QByteArray("offline"));
        QCOMPARE(int(o.will->qos), 1);
        QVERIFY(o.will->retain);
        QCOMPARE(o.will->properties.willDelayInterval(), std::optional<quint32>(5));
        QCOMPARE(o.will->properties.messageExpiryInterval(), std::optional<quint32>(60));
        QCOMPARE(o.will->properties.contentType(),
                 std::optional<QString>(QStringLiteral("text/plain")));
        QCOMPARE(o.will->properties.payloadFormatIndicator(), std::optional<quint8>(1));
    }

    void failoverChoices()
    {
        ConnectionProfile p;
        p.host = QStringLiteral("example.com");
        p.srvLookup = true;
        p.fallbackBrokers = {{QStringLiteral("b"), 8884, TransportScheme::Wss},
                             {QStringLiteral("c"), 1883, TransportScheme::Mqtt}};
        p.fallbackOrder = FallbackOrder::Random;
        const ConnectionSettings s = ProfileSettingsMapper::toSettings(p);
        QVERIFY(s.srvLookup);
        QCOMPARE(int(s.fallbackOrder), int(BrokerAddressList::Order::Random));
        QCOMPARE(s.fallbacks.size(), 2);
        QCOMPARE(s.fallbacks.at(0),
                 (BrokerAddress{QStringLiteral("b"), 8884, TransportOptions::Kind::SecureWebSocket,
                                BrokerAddress::Source::Fallback}));
        QCOMPARE(int(s.fallbacks.at(1).kind), int(TransportOptions::Kind::Tcp));
        const ConnectionSettings none = ProfileSettingsMapper::toSettings(ConnectionProfile{});
        QVERIFY(!none.srvLookup);
        QVERIFY(none.fallbacks.isEmpty());
        QCOMPARE(int(none.fallbackOrder), int(BrokerAddressList::Order::InOrder));
    }

    void keyLogPathOnlyWhenSwitchedOn()
    {
        ConnectionProfile p = SampleProfile::everyField();
        p.tls.writeKeyLog = false; // the path is kept for later, but not used
        QVERIFY(ProfileSettingsMapper::toSettings(p).transport.tls.keyLogFile.isEmpty());
    }

    void defaultsSendNothingExtra()
    {
        const ConnectionSettings s = ProfileSettingsMapper::toSettings(SampleProfile::defaults());
        QCOMPARE(int(s.transport.kind), int(TransportOptions::Kind::Tcp));
        QVERIFY(!s.transport.tls.insecure);
        QVERIFY(s.transport.tls.keyLogFile.isEmpty()); // SSLKEYLOGFILE may still apply
        QCOMPARE(int(s.transport.proxy.kind), int(ProxyOptions::Kind::None));
        QVERIFY(!s.session.username);
        QVERIFY(!s.session.password);
        QVERIFY(!s.session.will);
        QVERIFY(!s.session.sessionExpiryInterval);
        QVERIFY(!s.session.receiveMaximum);
        QVERIFY(!s.session.maximumPacketSize);
        QCOMPARE(s.session.topicAliasMaximum, quint16(0));
    }

    // A session kept by the broker from an earlier run is resumed, received messages are
    // acknowledged after they are stored, and a broker that is back is retried within
    // 10 s however long it was away.
    void defaultsResumeStoreAndRetryWithinTenSeconds()
    {
        const ConnectionSettings s = ProfileSettingsMapper::toSettings(SampleProfile::defaults());
        QVERIFY(s.session.adoptServerSession);
        QVERIFY(s.session.acknowledgeAfterStore);
        QVERIFY(s.session.reconnect.enabled);
        QCOMPARE(s.session.reconnect.maximumDelayMs, qint64(10000));
        QVERIFY(s.session.reconnect.jitter > 0);

        ReconnectPolicy policy(42);
        policy.setOptions(s.session.reconnect);
        qint64 longest = 0;
        for (int attempt = 0; attempt < 50; ++attempt) {
            const qint64 delay = policy.nextDelayMs();
            QVERIFY(delay >= s.session.reconnect.initialDelayMs);
            QVERIFY(delay <= 10000);
            longest = qMax(longest, delay);
        }
        QVERIFY(longest > 7500); // the backoff did grow, jittered below the cap
        policy.reset();          // what a successful CONNACK does
        QVERIFY(policy.nextDelayMs() <= s.session.reconnect.initialDelayMs);
    }

    void sessionChoicesFollowTheProfile()
    {
        ConnectionProfile p = SampleProfile::defaults();
        p.resumeSession = false;
        p.storeBeforeAck = false;
        const ConnectionSettings s = ProfileSettingsMapper::toSettings(p);
        QVERIFY(!s.session.adoptServerSession);
        QVERIFY(!s.session.acknowledgeAfterStore);
    }
};

QTEST_GUILESS_MAIN(TstProfileSettingsMapper)
#include "tst_profile_settings_mapper.moc"
