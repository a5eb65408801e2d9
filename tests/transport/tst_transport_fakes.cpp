#include "core/transport/transport_factory.h"
#include "tests/fixture/test_broker.h"
#include "tests/fixture/test_pki.h"
#include "tests/transport/support/http_connect_proxy.h"
#include "tests/transport/support/mqtt_probe.h"
#include "tests/transport/support/socks5_proxy.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace mqttdesk;
using Kind = TransportError::Kind;
using Listener = TestBroker::Listener;

Q_DECLARE_METATYPE(mqttdesk::TransportOptions::Kind)

// What a real broker will not do, played by small fake servers on 127.0.0.1: refused
// WebSocket upgrades, proxies (HTTP CONNECT and SOCKS5, tunnelling to the real broker),
// silent servers, odd WebSocket framing and a flood of small packets.
class TstTransportFakes : public QObject
{
    Q_OBJECT

private:
    TestBroker m_broker;

    TransportOptions brokerOptions(TransportOptions::Kind kind) const
    {
        TransportOptions o;
        o.kind = kind;
        o.host = TestBroker::host();
        o.tls.caFiles = {m_broker.pki().caCert()};
        switch (kind) {
        case TransportOptions::Kind::Tcp:
            o.port = m_broker.port(Listener::Plain);
            break;
        case TransportOptions::Kind::Tls:
            o.port = m_broker.port(Listener::Tls);
            break;
        case TransportOptions::Kind::WebSocket:
            o.port = m_broker.port(Listener::Ws);
            break;
        case TransportOptions::Kind::SecureWebSocket:
            o.port = m_broker.port(Listener::Wss);
            break;
        }
        return o;
    }

    static void addKinds()
    {
        QTest::addColumn<TransportOptions::Kind>("kind");
        QTest::newRow("tcp") << TransportOptions::Kind::Tcp;
        QTest::newRow("tls") << TransportOptions::Kind::Tls;
        QTest::newRow("ws") << TransportOptions::Kind::WebSocket;
        QTest::newRow("wss") << TransportOptions::Kind::SecureWebSocket;
    }

private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void webSocketUpgradeRefused()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QByteArray request;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *client = server.nextPendingConnection();
            connect(client, &QTcpSocket::readyRead, client, [client, &request] {
                request += client->readAll();
                if (request.contains("\r\n\r\n")) {
                    client->write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
                    client->disconnectFromHost();
                }
            });
        });
        TransportOptions o;
        o.kind = TransportOptions::Kind::WebSocket;
        o.port = server.serverPort();
        o.webSocketPath = QStringLiteral("/mqtt");
        o.webSocketHeaders = {{"Authorization", "Bearer test-token"}};
        auto transport = TransportFactory::create(o);
        const auto result = MqttProbe::open(*transport);
        QVERIFY2(result.error.kind == Kind::WebSocketUpgradeRefused, qPrintable(result.describe()));
        QCOMPARE(result.error.httpStatus, 403);
        QVERIFY2(result.error.message.contains(QStringLiteral("HTTP status 403")),
                 qPrintable(result.error.message));
        // What the handshake carried: the path, the subprotocol [MQTT-6.0.0-3], our headers.
        QVERIFY2(request.startsWith("GET /mqtt HTTP/1.1"), request.constData());
        QVERIFY2(request.contains("Sec-WebSocket-Protocol: mqtt"), request.constData());
        QVERIFY2(request.contains("Authorization: Bearer test-token"), request.constData());
    }

    // A TCP connect to a listening socket succeeds at once, so only the handshakes can hang.
    void silentServerTimesOut_data()
    {
        QTest::addColumn<TransportOptions::Kind>("kind");
        QTest::newRow("tls") << TransportOptions::Kind::Tls;
        QTest::newRow("ws") << TransportOptions::Kind::WebSocket;
        QTest::newRow("wss") << TransportOptions::Kind::SecureWebSocket;
    }
    void silentServerTimesOut()
    {
        QFETCH(TransportOptions::Kind, kind);
        // Accepted by the kernel, never answered: no TLS handshake, no HTTP upgrade.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        TransportOptions o = brokerOptions(kind);
        o.port = silent.serverPort();
        o.connectTimeoutMs = 300;
        auto transport = TransportFactory::create(o);
        const auto result = MqttProbe::open(*transport);
        QVERIFY2(result.error.kind == Kind::Timeout, qPrintable(result.describe()));
        QVERIFY(result.error.message.contains(QStringLiteral("0.3 s")));
        QCOMPARE(transport->state(), Transport::State::Closed);
    }

    void httpConnectProxy_data() { addKinds(); }
    void httpConnectProxy()
    {
        QFETCH(TransportOptions::Kind, kind);
        HttpConnectProxy proxy;
        QVERIFY(proxy.listen());
        TransportOptions o = brokerOptions(kind);
        o.proxy.kind = ProxyOptions::Kind::HttpConnect;
        o.proxy.host = TestBroker::host();
        o.proxy.port = proxy.port();
        auto transport = TransportFactory::create(o);
        const auto result = MqttProbe::exchange(*transport, {MqttProbe::connectPacket()}, 4);
        QVERIFY2(result.connected, qPrintable(result.describe()));
        QCOMPARE(result.received, MqttProbe::connackAccepted());
        QCOMPARE(proxy.requests().size(), 1);
        const QByteArray expected = "CONNECT 127.0.0.1:" + QByteArray::number(o.port) + ' ';
        QVERIFY2(proxy.requests().first().startsWith(expected), proxy.requests().first());
    }

    void httpConnectProxyRefuses()
    {
        HttpConnectProxy proxy;
        QVERIFY(proxy.listen());
        proxy.setRefuseStatus(403);
        TransportOptions o = brokerOptions(TransportOptions::Kind::Tcp);
        o.proxy = {ProxyOptions::Kind::HttpConnect, TestBroker::host(), proxy.port(), {}, {}};
        auto transport = TransportFactory::create(o);
        const auto result = MqttProbe::open(*transport);
        QVERIFY2(result.error.kind == Kind::ProxyError, qPrintable(result.describe()));
    }

    void proxyNotListening()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        TransportOptions o = brokerOptions(TransportOptions::Kind::Tcp);
        o.proxy = {ProxyOptions::Kind::HttpConnect, TestBroker::host(), port, {}, {}};
        auto transport = TransportFactory::create(o);
        const auto result = MqttProbe::open(*transport);
        QVERIFY2(result.error.kind == Kind::ProxyError, qPrintable(result.describe()));
        QVERIFY2(result.error.message.contains(QStringLiteral("proxy")),
                 qPrintable(result.error.message));
    }

    void socks5Proxy_data() { addKinds(); }
    void socks5Proxy()
    {
        QFETCH(TransportOptions::Kind, kind);
        Socks5Proxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireCredentials("proxy-user", "proxy-secret");
        TransportOptions o = brokerOptions(kind);
        o.proxy = {ProxyOptions::Kind::Socks5, TestBroker::host(), proxy.port(),
                   QStringLiteral("proxy-user"), QStringLiteral("proxy-secret")};
        auto transport = TransportFactory::create(o);
        const auto result = MqttProbe::exchange(*transport, {MqttProbe::connectPacket()}, 4);
        QVERIFY2(result.connected, qPrintable(result.describe()));
        QCOMPARE(result.received, MqttProbe::connackAccepted());
        QCOMPARE(proxy.targets(), QByteArrayList{"127.0.0.1:" + QByteArray::number(o.port)});
    }

    void socks5WrongPassword()
    {
        Socks5Proxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireCredentials("proxy-user", "proxy-secret");
        TransportOptions o = brokerOptions(TransportOptions::Kind::Tcp);
        o.proxy = {ProxyOptions::Kind::Socks5, TestBroker::host(), proxy.port(),
                   QStringLiteral("proxy-user"), QStringLiteral("not-the-secret")};
        auto transport = TransportFactory::create(o);
        const auto result = MqttProbe::open(*transport);
        QVERIFY2(result.error.kind == Kind::ProxyAuthenticationFailed,
                 qPrintable(result.describe()));
        QVERIFY(!result.error.message.contains(QStringLiteral("not-the-secret")));
    }

    // [MQTT-6.0.0-2] inbound: a packet split over frames, and two packets in one frame.
    void webSocketInboundFraming()
    {
        QWebSocketServer server(QStringLiteral("fake"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        connect(&server, &QWebSocketServer::newConnection, this, [&server] {
            QWebSocket *peer = server.nextPendingConnection();
            peer->setParent(&server); // the server does not own its sockets
            connect(peer, &QWebSocket::binaryMessageReceived, peer, [peer](const QByteArray &) {
                peer->sendBinaryMessage(QByteArray::fromHex("20"));
                peer->sendBinaryMessage(QByteArray::fromHex("020000"));
                peer->sendBinaryMessage(QByteArray::fromHex("d000d000"));
            });
        });
        TransportOptions o;
        o.kind = TransportOptions::Kind::WebSocket;
        o.port = server.serverPort();
        auto transport = TransportFactory::create(o);
        const auto result = MqttProbe::exchange(*transport, {MqttProbe::connectPacket()}, 8);
        QVERIFY2(!result.error.isError(), qPrintable(result.describe()));
        QCOMPARE(result.received.toHex(' '), QByteArray("20 02 00 00 d0 00 d0 00"));
    }

    void webSocketTextFrameIsProtocolError()
    {
        QWebSocketServer server(QStringLiteral("fake"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        connect(&server, &QWebSocketServer::newConnection, this, [&server] {
            QWebSocket *peer = server.nextPendingConnection();
            peer->setParent(&server); // the server does not own its sockets
            peer->sendTextMessage(QStringLiteral("hello"));
        });
        TransportOptions o;
        o.kind = TransportOptions::Kind::WebSocket;
        o.port = server.serverPort();
        auto transport = TransportFactory::create(o);
        const auto result = MqttProbe::exchange(*transport, {}, 1);
        QVERIFY2(result.error.kind == Kind::WebSocketProtocolError, qPrintable(result.describe()));
        QVERIFY(result.error.message.contains(QStringLiteral("[MQTT-6.0.0-1]")));
    }

    void invalidOptions()
    {
        TransportOptions noHost;
        noHost.host.clear();
        auto transport = TransportFactory::create(noHost);
        auto result = MqttProbe::open(*transport);
        QVERIFY2(result.error.kind == Kind::InvalidOptions, qPrintable(result.describe()));
        QVERIFY(result.error.message.contains(QStringLiteral("No host")));
        TransportOptions noPort;
        noPort.port = 0;
        transport = TransportFactory::create(noPort);
        result = MqttProbe::open(*transport);
        QVERIFY2(result.error.kind == Kind::InvalidOptions, qPrintable(result.describe()));
        QVERIFY(result.error.message.contains(QStringLiteral("No port")));
    }

    // A flood of a million tiny packets is drained completely, in a few large reads.
    void floodOfSmallPackets_data()
    {
        QTest::addColumn<TransportOptions::Kind>("kind");
        QTest::newRow("tcp") << TransportOptions::Kind::Tcp;
        QTest::newRow("ws") << TransportOptions::Kind::WebSocket;
    }
    void floodOfSmallPackets()
    {
        QFETCH(TransportOptions::Kind, kind);
        constexpr qsizetype packets = 1'000'000;
        const QByteArray flood = MqttProbe::pingresp().repeated(packets);
        QTcpServer tcp;
        QWebSocketServer ws(QStringLiteral("fake"), QWebSocketServer::NonSecureMode);
        quint16 port = 0;
        if (kind == TransportOptions::Kind::Tcp) {
            QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
            port = tcp.serverPort();
            connect(&tcp, &QTcpServer::newConnection, this,
                    [&] { tcp.nextPendingConnection()->write(flood); });
        } else {
            QVERIFY(ws.listen(QHostAddress::LocalHost, 0));
            port = ws.serverPort();
            connect(&ws, &QWebSocketServer::newConnection, this, [&] {
                QWebSocket *peer = ws.nextPendingConnection();
                peer->setParent(&ws); // the server does not own its sockets
                // Many frames of 1000 packets each, as a busy broker would send them.
                for (qsizetype i = 0; i < flood.size(); i += 2000)
                    peer->sendBinaryMessage(flood.mid(i, 2000));
            });
        }
        TransportOptions o;
        o.kind = kind;
        o.port = port;
        auto transport = TransportFactory::create(o);
        qsizetype received = 0;
        int reads = 0;
        bool intact = true;
        connect(transport.get(), &Transport::readyRead, this, [&] {
            const QByteArray chunk = transport->readAll();
            ++reads;
            // Chunks may split a packet; check the byte pattern by absolute position.
            for (qsizetype i = 0; i < chunk.size() && intact; i += 997)
                intact = chunk.at(i) == ((received + i) % 2 == 0 ? char(0xd0) : char(0x00));
            received += chunk.size();
        });
        QVERIFY(MqttProbe::open(*transport).connected);
        QTRY_COMPARE_WITH_TIMEOUT(received, flood.size(), 60000);
        QVERIFY(intact);
        QVERIFY2(reads < packets / 10, qPrintable(QString::number(reads)));
    }

    // A 64 KiB payload goes out and comes back intact through an echo server.
    void largeWriteEchoes()
    {
        QTcpServer echo;
        QVERIFY(echo.listen(QHostAddress::LocalHost, 0));
        connect(&echo, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *peer = echo.nextPendingConnection();
            connect(peer, &QTcpSocket::readyRead, peer, [peer] { peer->write(peer->readAll()); });
        });
        TransportOptions o;
        o.port = echo.serverPort();
        auto transport = TransportFactory::create(o);
        QByteArray payload(64 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = char(i * 31 % 251);
        const auto result = MqttProbe::exchange(*transport, {payload}, payload.size());
        QVERIFY2(!result.error.isError(), qPrintable(result.describe()));
        QCOMPARE(result.received.size(), payload.size());
        QVERIFY(result.received == payload);
    }
};

QTEST_GUILESS_MAIN(TstTransportFakes)
#include "tst_transport_fakes.moc"
