// What the user reads when a connection to the real mosquitto fails (a wrong password,
// each bad-certificate listener, a missing client certificate), and interop with the
// real mosquitto_pub / mosquitto_sub clients, once per protocol version.

#include "tests/connection/client_probe.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/mosquitto_pub.h"
#include "tests/fixture/mosquitto_sub.h"
#include "tests/fixture/test_broker.h"
#include "tests/fixture/test_pki.h"

#include <QTest>

using namespace mqttdesk;
using V = ProtocolVersion;
using Listener = TestBroker::Listener;

Q_DECLARE_METATYPE(mqttdesk::ProtocolVersion)

namespace {

const char *versionTag(V v)
{
    switch (v) {
    case V::V31:
        return "3.1";
    case V::V311:
        return "3.1.1";
    case V::V5:
        return "5.0";
    }
    return "";
}

// The -V value of mosquitto_pub / mosquitto_sub.
QString cliVersion(V v)
{
    switch (v) {
    case V::V31:
        return QStringLiteral("mqttv31");
    case V::V311:
        return QStringLiteral("mqttv311");
    case V::V5:
        return QStringLiteral("mqttv5");
    }
    return {};
}

void addVersions()
{
    QTest::addColumn<ProtocolVersion>("version");
    for (V v : {V::V31, V::V311, V::V5})
        QTest::newRow(versionTag(v)) << v;
}

} // namespace

class TstConnectionBrokerErrors : public QObject
{
    Q_OBJECT

private:
    TestBroker m_broker;

    // Connects, expects exactly one error, and returns it.
    std::optional<ConnectionError> failure(const ConnectionSettings &settings)
    {
        ClientProbe c(settings);
        if (c.connectAndWait(10000)) {
            qWarning("connected although it should not");
            return std::nullopt;
        }
        if (!c.waitForState(SessionState::Disconnected) || c.errors().isEmpty()) {
            qWarning("%s", c.describe().constData());
            return std::nullopt;
        }
        if (c.errors().size() != 1)
            qWarning("more than one error: %s", c.describe().constData());
        return c.errors().first();
    }

private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void wrongPassword_data() { addVersions(); }
    void wrongPassword()
    {
        QFETCH(ProtocolVersion, version);
        ConnectionSettings s = TestSettings::forListener(m_broker, Listener::Password, version);
        s.session.password = QByteArrayLiteral("not-the-password");
        const auto e = failure(s);
        QVERIFY(e);
        QCOMPARE(ConnectionError::kindName(e->kind), QStringLiteral("Refused"));
        // mosquitto 2.0 answers a wrong password with "not authorized" in every version.
        QCOMPARE(e->reasonCode(), std::optional<ReasonCode>(ReasonCode::NotAuthorized));
        QCOMPARE(e->message, QStringLiteral("The server refused the connection: 0x87 Not "
                                            "authorized. Check the credentials and the broker's "
                                            "ACL."));
    }

    void badCertificate_data()
    {
        QTest::addColumn<ProtocolVersion>("version");
        QTest::addColumn<Listener>("listener");
        QTest::addColumn<int>("scenario");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("text");
        const QString expired = QStringLiteral(
            "The server certificate `CN=localhost` expired on 2021-01-01 00:00 UTC.");
        const QString wrongHost = QStringLiteral(
            "The hostname `localhost` is not in the certificate names [wrong.example.com]. "
            "Connect with one of those names, or enter one of them in \"Server name (SNI)\" on "
            "the TLS tab.");
        const QString selfSigned = QStringLiteral(
            "The self-signed certificate `CN=localhost` is not trusted. If you trust this "
            "server, add the certificate to the trusted CA files.");
        const QString unknownCa = QStringLiteral(
            "The server certificate `CN=localhost` comes from an unknown issuer `CN=MQTT Desk "
            "Test CA, O=MQTT Desk`. Add that CA's certificate to the trusted CA files.");
        const QString noClientCert = QStringLiteral(
            "The server requires a client certificate, and none is configured. Choose a client "
            "certificate and key, or a PKCS#12 bundle.");
        for (V v : {V::V31, V::V311, V::V5}) {
            QTest::addRow("%s expired", versionTag(v))
                << v << Listener::Expired << 0 << QStringLiteral("TlsCertificateExpired")
                << expired;
            QTest::addRow("%s wrong host", versionTag(v))
                << v << Listener::WrongHost << 0 << QStringLiteral("TlsHostNameMismatch")
                << wrongHost;
            QTest::addRow("%s self-signed", versionTag(v))
                << v << Listener::SelfSigned << 0 << QStringLiteral("TlsSelfSigned") << selfSigned;
            QTest::addRow("%s unknown CA", versionTag(v))
                << v << Listener::Tls << 1 << QStringLiteral("TlsUnknownCa") << unknownCa;
            QTest::addRow("%s no client certificate", versionTag(v))
                << v << Listener::MutualTls << 2 << QStringLiteral("TlsClientCertificateRejected")
                << noClientCert;
        }
    }
    void badCertificate()
    {
        QFETCH(ProtocolVersion, version);
        QFETCH(Listener, listener);
        QFETCH(int, scenario);
        QFETCH(QString, kind);
        QFETCH(QString, text);
        ConnectionSettings s = TestSettings::forListener(m_broker, listener, version);
        if (scenario == 1)
            s.transport.tls.caFiles.clear(); // the system CAs do not know the test CA
        if (scenario == 2) {
            s.transport.tls.clientCertificateFile.clear();
            s.transport.tls.clientKeyFile.clear();
        }
        const auto e = failure(s);
        QVERIFY(e);
        QCOMPARE(ConnectionError::kindName(e->kind), QStringLiteral("Transport"));
        QVERIFY(e->transportError);
        QCOMPARE(TransportError::kindName(e->transportError->kind), kind);
        QCOMPARE(e->message, text);
    }

    void mosquittoPubToUs_data() { addVersions(); }
    void mosquittoPubToUs()
    {
        QFETCH(ProtocolVersion, version);
        ClientProbe c(TestSettings::forListener(m_broker, Listener::Plain, version));
        QVERIFY(c.connectAndWait());
        const QString topic = QStringLiteral("interop/in/") + TestSettings::uniqueClientId();
        QVERIFY(c.subscribeAndWait(topic, QoS::ExactlyOnce));
        const auto result = MosquittoPub::publish(
            m_broker.port(Listener::Plain), topic, "from mosquitto_pub",
            {QStringLiteral("-q"), QStringLiteral("2"), QStringLiteral("-V"), cliVersion(version)});
        QVERIFY2(result.finished && result.exitCode == 0, result.output.constData());
        QVERIFY(c.waitForMessages(1));
        QCOMPARE(c.messages().first().message.payload, QByteArray("from mosquitto_pub"));
        QCOMPARE(int(c.messages().first().message.qos), 2);
    }

    void usToMosquittoSub_data() { addVersions(); }
    void usToMosquittoSub()
    {
        QFETCH(ProtocolVersion, version);
        const QString topic = QStringLiteral("interop/out/") + TestSettings::uniqueClientId();
        MosquittoSub sub;
        QVERIFY2(sub.start(m_broker.port(Listener::Plain), topic,
                           {QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-V"),
                            cliVersion(version)}),
                 sub.output().constData());
        ClientProbe c(TestSettings::forListener(m_broker, Listener::Plain, version));
        QVERIFY(c.connectAndWait());
        PublishPacket p;
        p.topic = topic;
        p.payload = "from MQTT Desk";
        p.qos = QoS::AtLeastOnce;
        QVERIFY(c.publishAndWait(p));
        QVERIFY2(sub.waitForMessages(1), sub.output().constData());
        QCOMPARE(sub.messages().first().topic, topic);
        QCOMPARE(sub.messages().first().payload, QByteArray("from MQTT Desk"));
    }
};

QTEST_GUILESS_MAIN(TstConnectionBrokerErrors)
#include "tst_connection_broker_errors.moc"
