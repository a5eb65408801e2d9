#include "core/transport/tls_transport.h"
#include "core/transport/transport_factory.h"
#include "tests/fixture/test_broker.h"
#include "tests/fixture/test_pki.h"
#include "tests/transport/support/mqtt_probe.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace mqttdesk;
using Kind = TransportError::Kind;
using Listener = TestBroker::Listener;

Q_DECLARE_METATYPE(mqttdesk::TransportError::Kind)
Q_DECLARE_METATYPE(mqttdesk::TransportOptions)

// Every transport against the real mosquitto of the fixture: a raw MQTT 3.1.1 CONNECT must
// come back as an accepting CONNACK, and each misconfigured or bad-certificate case must
// fail with its own kind and a message naming the problem.
class TstTransportBroker : public QObject
{
    Q_OBJECT

private:
    TestBroker m_broker;

    TransportOptions options(Listener listener) const
    {
        TransportOptions o;
        o.host = TestBroker::host();
        o.port = m_broker.port(listener);
        o.connectTimeoutMs = 20000;
        o.tls.caFiles = {m_broker.pki().caCert()};
        switch (listener) {
        case Listener::Ws:
            o.kind = TransportOptions::Kind::WebSocket;
            break;
        case Listener::Wss:
            o.kind = TransportOptions::Kind::SecureWebSocket;
            break;
        case Listener::Plain:
        case Listener::Password:
            o.kind = TransportOptions::Kind::Tcp;
            break;
        default:
            o.kind = TransportOptions::Kind::Tls;
            break;
        }
        return o;
    }

    TransportOptions mutualTls(const QString &cert, const QString &key) const
    {
        TransportOptions o = options(Listener::MutualTls);
        o.tls.clientCertificateFile = cert;
        o.tls.clientKeyFile = key;
        return o;
    }

private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void connack_data()
    {
        QTest::addColumn<TransportOptions>("options");
        QTest::addColumn<QList<QByteArray>>("parts");
        QTest::addColumn<QByteArray>("expected");
        const TestPki &pki = m_broker.pki();
        const QList<QByteArray> connect{MqttProbe::connectPacket()};
        const QByteArray connack = MqttProbe::connackAccepted();

        QTest::newRow("tcp") << options(Listener::Plain) << connect << connack;
        QTest::newRow("tcp password") << options(Listener::Password)
                                      << QList<QByteArray>{MqttProbe::connectPacket(
                                             TestBroker::username(), TestBroker::password())}
                                      << connack;
        QTest::newRow("tls") << options(Listener::Tls) << connect << connack;
        TransportOptions tls12 = options(Listener::Tls);
        tls12.tls.minimumVersion = TlsOptions::MinimumVersion::Tls1_2;
        tls12.tls.alpnProtocols = {QStringLiteral("mqtt")};
        QTest::newRow("tls 1.2+ with alpn") << tls12 << connect << connack;
        TransportOptions byName = options(Listener::Tls);
        byName.host = QStringLiteral("localhost");
        QTest::newRow("tls by name") << byName << connect << connack;
        TransportOptions sni = options(Listener::WrongHost);
        sni.tls.peerName = QStringLiteral("wrong.example.com");
        QTest::newRow("tls peer-name override") << sni << connect << connack;
        TransportOptions insecure = options(Listener::SelfSigned);
        insecure.tls.insecure = true;
        QTest::newRow("tls insecure to self-signed") << insecure << connect << connack;
        QTest::newRow("mutual tls pem")
            << mutualTls(pki.clientCert(), pki.clientKey()) << connect << connack;
        QTest::newRow("mutual tls der")
            << mutualTls(pki.clientCertDer(), pki.clientKeyDer()) << connect << connack;
        TransportOptions encrypted = mutualTls(pki.clientCert(), pki.clientKeyEncrypted());
        encrypted.tls.keyPassphrase = TestPki::clientKeyPassphrase();
        QTest::newRow("mutual tls encrypted key") << encrypted << connect << connack;
        TransportOptions p12 = options(Listener::MutualTls);
        p12.tls.pkcs12File = pki.clientPkcs12();
        p12.tls.pkcs12Password = TestPki::clientPkcs12Password();
        QTest::newRow("mutual tls pkcs12") << p12 << connect << connack;
        TransportOptions ws = options(Listener::Ws);
        ws.webSocketHeaders = {{"X-Desk-Test", "1"}};
        QTest::newRow("ws") << ws << connect << connack;
        QTest::newRow("wss") << options(Listener::Wss) << connect << connack;

        // [MQTT-6.0.0-2]: packets need not align with frames, in either direction.
        const QByteArray c = MqttProbe::connectPacket();
        const QList<QByteArray> split{c.left(1), c.mid(1, 5), c.mid(6)};
        QTest::newRow("ws connect split over 3 frames")
            << options(Listener::Ws) << split << connack;
        QTest::newRow("wss connect split over 3 frames")
            << options(Listener::Wss) << split << connack;
        QTest::newRow("ws two packets in one frame")
            << options(Listener::Ws) << QList<QByteArray>{c + MqttProbe::pingreq()}
            << connack + MqttProbe::pingresp();
        QTest::newRow("tcp two packets in one write")
            << options(Listener::Plain) << QList<QByteArray>{c + MqttProbe::pingreq()}
            << connack + MqttProbe::pingresp();
    }
    void connack()
    {
        QFETCH(TransportOptions, options);
        QFETCH(QList<QByteArray>, parts);
        QFETCH(QByteArray, expected);
        auto transport = TransportFactory::create(options);
        const auto result = MqttProbe::exchange(*transport, parts, expected.size());
        QVERIFY2(result.connected && !result.error.isError(), qPrintable(result.describe()));
        QCOMPARE(result.received.toHex(' '), expected.toHex(' '));
        QCOMPARE(transport->state(), Transport::State::Open);
        QSignalSpy disconnected(transport.get(), &Transport::disconnected);
        transport->close();
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, 10000);
        QCOMPARE(transport->state(), Transport::State::Closed);
    }

    void tlsPeerChainIsReported()
    {
        TlsTransport transport(options(Listener::Tls));
        const auto result = MqttProbe::open(transport);
        QVERIFY2(result.connected, qPrintable(result.describe()));
        const auto chain = transport.peerCertificateChain();
        QVERIFY(!chain.isEmpty());
        QCOMPARE(chain.first().subject, QStringLiteral("CN=localhost"));
        QVERIFY(chain.first().names.contains(QStringLiteral("127.0.0.1")));
    }

    void failure_data()
    {
        QTest::addColumn<TransportOptions>("options");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QStringList>("messageParts");
        QTest::addColumn<bool>("hasPeerChain");

        QTest::newRow("expired") << options(Listener::Expired) << Kind::TlsCertificateExpired
                                 << QStringList{QStringLiteral("`CN=localhost`"),
                                                QStringLiteral("expired on 2021-01-01 00:00 UTC")}
                                 << true;
        QTest::newRow("wrong host")
            << options(Listener::WrongHost) << Kind::TlsHostNameMismatch
            << QStringList{QStringLiteral("`127.0.0.1`"),
                           QStringLiteral("not in the certificate names [wrong.example.com]")}
            << true;
        QTest::newRow("self-signed")
            << options(Listener::SelfSigned) << Kind::TlsSelfSigned
            << QStringList{QStringLiteral("self-signed certificate `CN=localhost`"),
                           QStringLiteral("not trusted")}
            << true;
        TransportOptions noCa = options(Listener::Tls);
        noCa.tls.caFiles.clear(); // system CAs only: the test CA is unknown
        QTest::newRow("unknown ca")
            << noCa << Kind::TlsUnknownCa
            << QStringList{QStringLiteral("certificate `CN=localhost`"),
                           QStringLiteral("unknown issuer `CN=MQTT Desk Test CA")}
            << true;
        QTest::newRow("wss wrong host") <<
            [this] {
                TransportOptions o = options(Listener::WrongHost);
                o.kind = TransportOptions::Kind::SecureWebSocket;
                return o;
            }() << Kind::TlsHostNameMismatch
                                        << QStringList{QStringLiteral("[wrong.example.com]")}
                                        << true;
        QTest::newRow("mutual tls without client certificate")
            << options(Listener::MutualTls) << Kind::TlsClientCertificateRejected
            << QStringList{QStringLiteral("requires a client certificate")} << false;
        TransportOptions wrongPass =
            mutualTls(m_broker.pki().clientCert(), m_broker.pki().clientKeyEncrypted());
        wrongPass.tls.keyPassphrase = "not it";
        QTest::newRow("wrong passphrase")
            << wrongPass << Kind::WrongPassphrase
            << QStringList{m_broker.pki().clientKeyEncrypted()} << false;
        TransportOptions missing =
            mutualTls(QStringLiteral("/nonexistent/client.crt"), m_broker.pki().clientKey());
        QTest::newRow("missing certificate file")
            << missing << Kind::FileUnreadable
            << QStringList{QStringLiteral("/nonexistent/client.crt"),
                           QStringLiteral("No such file or directory")}
            << false;
        QTest::newRow("key does not match")
            << mutualTls(m_broker.pki().clientCert(), m_broker.pki().unrelatedKey())
            << Kind::TlsKeyMismatch << QStringList{m_broker.pki().unrelatedKey()} << false;
    }
    void failure()
    {
        QFETCH(TransportOptions, options);
        QFETCH(Kind, kind);
        QFETCH(QStringList, messageParts);
        QFETCH(bool, hasPeerChain);
        auto transport = TransportFactory::create(options);
        // A client-certificate refusal may arrive after the TLS 1.3 handshake, so send a
        // CONNECT and wait for the verdict rather than stopping at connected().
        const auto result = MqttProbe::exchange(*transport, {MqttProbe::connectPacket()}, 4, 20000);
        QVERIFY2(result.error.isError(), qPrintable(result.describe()));
        QCOMPARE(TransportError::kindName(result.error.kind), TransportError::kindName(kind));
        for (const QString &part : messageParts)
            QVERIFY2(result.error.message.contains(part), qPrintable(result.error.message));
        if (hasPeerChain)
            QVERIFY(!result.error.peerChain.isEmpty());
        QCOMPARE(transport->state(), Transport::State::Closed);
        QCOMPARE(transport->lastError().kind, kind);
    }

    void refusedPort()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        for (auto kind : {TransportOptions::Kind::Tcp, TransportOptions::Kind::Tls,
                          TransportOptions::Kind::WebSocket}) {
            TransportOptions o = options(Listener::Plain);
            o.kind = kind;
            o.port = port;
            auto transport = TransportFactory::create(o);
            const auto result = MqttProbe::open(*transport);
            QVERIFY2(result.error.kind == Kind::ConnectionRefused,
                     qPrintable(QString::number(int(kind)) + result.describe()));
            QVERIFY2(result.error.message.contains(QStringLiteral("127.0.0.1:%1").arg(port)),
                     qPrintable(result.error.message));
        }
    }

    void brokerKilledIsRemoteClosed()
    {
        auto transport = TransportFactory::create(options(Listener::Plain));
        const auto result = MqttProbe::exchange(*transport, {MqttProbe::connectPacket()}, 4);
        QVERIFY2(result.connected, qPrintable(result.describe()));
        QSignalSpy failed(transport.get(), &Transport::errorOccurred);
        QSignalSpy disconnected(transport.get(), &Transport::disconnected);
        m_broker.kill();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<TransportError>().kind, Kind::RemoteClosed);
        QTRY_COMPARE(disconnected.size(), 1);
        QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
        // The same transport opens again on the restarted broker.
        const auto again = MqttProbe::exchange(*transport, {MqttProbe::connectPacket()}, 4);
        QCOMPARE(again.received, MqttProbe::connackAccepted());
    }
};

QTEST_GUILESS_MAIN(TstTransportBroker)
#include "tst_transport_broker.moc"
