// WebSocketTransport against a WebSocket server written out byte by byte in the test: what a
// real broker or QWebSocketServer would not send (a masked frame, a wrong accept key, a close
// code with a reason, a ping between the fragments of a message), and what the client must
// answer (a pong, a close frame of its own, with every client frame masked).
#include "core/transport/transport_factory.h"
#include "core/transport/web_socket_handshake.h"
#include "core/transport/web_socket_transport.h"
#include "tests/transport/support/mqtt_probe.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace mqttdesk;
using Kind = TransportError::Kind;

namespace {

// A frame as a server sends it: final, unmasked.
QByteArray serverFrame(quint8 opcode, const QByteArray &payload, bool fin = true)
{
    QByteArray out;
    out += char((fin ? 0x80 : 0x00) | opcode);
    if (payload.size() < 126) {
        out += char(payload.size());
    } else if (payload.size() <= 0xFFFF) {
        out += char(126);
        out += char(payload.size() >> 8);
        out += char(payload.size() & 0xFF);
    } else {
        out += char(127);
        for (int i = 7; i >= 0; --i)
            out += char((quint64(payload.size()) >> (8 * i)) & 0xFF);
    }
    return out + payload;
}

struct ClientFrame
{
    quint8 opcode = 0;
    bool masked = false;
    QByteArray payload;
};

// Splits what the client sent after its upgrade request into frames, unmasking them.
QList<ClientFrame> clientFrames(QByteArray bytes)
{
    QList<ClientFrame> frames;
    while (bytes.size() >= 2) {
        ClientFrame f;
        f.opcode = quint8(bytes.at(0)) & 0x0F;
        f.masked = (quint8(bytes.at(1)) & 0x80) != 0;
        qsizetype length = quint8(bytes.at(1)) & 0x7F;
        qsizetype at = 2;
        if (length == 126) {
            if (bytes.size() < 4)
                break;
            length = (quint8(bytes.at(2)) << 8) | quint8(bytes.at(3));
            at = 4;
        } else if (length == 127) {
            if (bytes.size() < 10)
                break;
            length = 0;
            for (int i = 2; i < 10; ++i)
                length = (length << 8) | quint8(bytes.at(i));
            at = 10;
        }
        const qsizetype keyAt = at;
        at += f.masked ? 4 : 0;
        if (bytes.size() < at + length)
            break;
        for (qsizetype i = 0; i < length; ++i)
            f.payload += char(bytes.at(at + i) ^ (f.masked ? bytes.at(keyAt + (i % 4)) : 0));
        frames.append(f);
        bytes.remove(0, at + length);
    }
    return frames;
}

// Answers one client's upgrade (with `answer`, or the right 101 when it is empty), then
// keeps what the client sends and lets the test write raw bytes.
class RawWebSocketServer : public QObject
{
public:
    explicit RawWebSocketServer(QByteArray answer = {})
        : m_answer(std::move(answer))
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            m_peer = m_server.nextPendingConnection();
            QObject::connect(m_peer, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    bool upgraded() const { return m_upgraded; }
    QTcpSocket *peer() const { return m_peer; }
    QList<ClientFrame> frames() const { return clientFrames(m_afterUpgrade); }
    bool hasFrame(quint8 opcode) const
    {
        const QList<ClientFrame> all = frames();
        return std::any_of(all.begin(), all.end(),
                           [opcode](const ClientFrame &f) { return f.opcode == opcode; });
    }
    ClientFrame frame(quint8 opcode) const
    {
        for (const ClientFrame &f : frames()) {
            if (f.opcode == opcode)
                return f;
        }
        return {};
    }

private:
    void onReadyRead()
    {
        const QByteArray bytes = m_peer->readAll();
        if (m_upgraded) {
            m_afterUpgrade += bytes;
            return;
        }
        m_request += bytes;
        const qsizetype end = m_request.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        QByteArray key;
        for (const QByteArray &line : m_request.left(end).split('\n')) {
            if (line.toLower().startsWith("sec-websocket-key:"))
                key = QByteArray::fromBase64(line.mid(18).trimmed());
        }
        m_afterUpgrade = m_request.mid(end + 4);
        m_upgraded = true;
        m_peer->write(m_answer.isEmpty()
                          ? "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                            "Connection: Upgrade\r\nSec-WebSocket-Protocol: mqtt\r\n"
                            "Sec-WebSocket-Accept: " +
                                WebSocketHandshake::acceptFor(key) + "\r\n\r\n"
                          : m_answer);
    }

    QTcpServer m_server;
    QPointer<QTcpSocket> m_peer;
    QByteArray m_answer;
    QByteArray m_request;
    QByteArray m_afterUpgrade;
    bool m_upgraded = false;
};

TransportOptions optionsFor(quint16 port)
{
    TransportOptions o;
    o.kind = TransportOptions::Kind::WebSocket;
    o.port = port;
    o.connectTimeoutMs = 10000;
    return o;
}

} // namespace

class TstWebSocketTransport : public QObject
{
    Q_OBJECT

private slots:
    void pingIsAnsweredWithAMaskedPong()
    {
        RawWebSocketServer server;
        QVERIFY(server.listen());
        auto transport = TransportFactory::create(optionsFor(server.port()));
        QVERIFY(MqttProbe::open(*transport).connected);
        QTRY_VERIFY(server.upgraded());
        server.peer()->write(serverFrame(0x9, "are you there"));
        QTRY_VERIFY(server.hasFrame(0xA));
        const ClientFrame pong = server.frame(0xA);
        QVERIFY(pong.masked); // every client frame is masked (RFC 6455 5.1)
        QCOMPARE(pong.payload, QByteArray("are you there"));
        QCOMPARE(transport->state(), Transport::State::Open);
    }

    // [MQTT-6.0.0-2]: a packet split over fragments, with a ping between them, arrives whole.
    void fragmentsAroundAPingJoin()
    {
        RawWebSocketServer server;
        QVERIFY(server.listen());
        auto transport = TransportFactory::create(optionsFor(server.port()));
        QVERIFY(MqttProbe::open(*transport).connected);
        QTRY_VERIFY(server.upgraded());
        QByteArray received;
        connect(transport.get(), &Transport::readyRead, this,
                [&] { received += transport->readAll(); });
        server.peer()->write(serverFrame(0x2, QByteArray::fromHex("20"), false) +
                             serverFrame(0x9, "p") +
                             serverFrame(0x0, QByteArray::fromHex("02"), false) +
                             serverFrame(0x0, QByteArray::fromHex("0000"), true));
        QTRY_COMPARE(received.toHex(' '), QByteArray("20 02 00 00"));
        QTRY_VERIFY(server.hasFrame(0xA));
    }

    void writesAreMaskedBinaryFrames()
    {
        RawWebSocketServer server;
        QVERIFY(server.listen());
        auto transport = TransportFactory::create(optionsFor(server.port()));
        QVERIFY(MqttProbe::open(*transport).connected);
        QByteArray big(70000, Qt::Uninitialized);
        for (qsizetype i = 0; i < big.size(); ++i)
            big[i] = char(i % 253);
        QCOMPARE(transport->write(MqttProbe::pingreq()), qint64(2));
        QCOMPARE(transport->write(big), qint64(big.size())); // a 64-bit length
        QTRY_COMPARE(server.frames().size(), 2);
        const QList<ClientFrame> frames = server.frames();
        QCOMPARE(frames.at(0).opcode, quint8(0x2));
        QCOMPARE(frames.at(0).payload, MqttProbe::pingreq());
        QCOMPARE(frames.at(1).opcode, quint8(0x2));
        QVERIFY(frames.at(1).payload == big);
        QVERIFY(frames.at(0).masked && frames.at(1).masked);
    }

    void serverCloseCodeAndReasonAreNamed()
    {
        RawWebSocketServer server;
        QVERIFY(server.listen());
        auto transport = TransportFactory::create(optionsFor(server.port()));
        QVERIFY(MqttProbe::open(*transport).connected);
        QTRY_VERIFY(server.upgraded());
        QSignalSpy errors(transport.get(), &Transport::errorOccurred);
        QSignalSpy disconnected(transport.get(), &Transport::disconnected);
        QByteArray close;
        close += char(1008 >> 8);
        close += char(1008 & 0xFF);
        close += "policy says no";
        // A CONNACK, then the close: the CONNACK stays readable after the end.
        server.peer()->write(serverFrame(0x2, MqttProbe::connackAccepted()) +
                             serverFrame(0x8, close));
        // The client answers the close with the same code, then the server hangs up.
        QTRY_VERIFY(server.hasFrame(0x8));
        const ClientFrame answer = server.frame(0x8);
        QCOMPARE(answer.payload.left(2), close.left(2));
        server.peer()->disconnectFromHost();
        QTRY_COMPARE(disconnected.size(), 1);
        QCOMPARE(errors.size(), 1);
        const auto error = errors.first().first().value<TransportError>();
        QVERIFY2(error.kind == Kind::RemoteClosed, qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("1008")) &&
                     error.message.contains(QStringLiteral("policy says no")),
                 qPrintable(error.message));
        QCOMPARE(transport->readAll(), MqttProbe::connackAccepted());
    }

    void maskedServerFrameIsAProtocolError()
    {
        RawWebSocketServer server;
        QVERIFY(server.listen());
        auto transport = TransportFactory::create(optionsFor(server.port()));
        QVERIFY(MqttProbe::open(*transport).connected);
        QTRY_VERIFY(server.upgraded());
        QSignalSpy errors(transport.get(), &Transport::errorOccurred);
        // 0x82 binary, 0x82 masked + length 2, a key, two masked bytes.
        server.peer()->write(QByteArray::fromHex("8282"
                                                 "01020304"
                                                 "2102"));
        QTRY_COMPARE(errors.size(), 1);
        const auto error = errors.first().first().value<TransportError>();
        QVERIFY2(error.kind == Kind::WebSocketProtocolError, qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("masked")), qPrintable(error.message));
        QCOMPARE(transport->state(), Transport::State::Closed);
    }

    void wrongAcceptKeyIsNamed()
    {
        RawWebSocketServer server(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Accept: c29tZXRoaW5nIGVsc2U=\r\n\r\n");
        QVERIFY(server.listen());
        auto transport = TransportFactory::create(optionsFor(server.port()));
        const auto result = MqttProbe::open(*transport);
        QVERIFY2(result.error.kind == Kind::WebSocketProtocolError, qPrintable(result.describe()));
        QVERIFY2(result.error.message.contains(QStringLiteral("Sec-WebSocket-Accept")),
                 qPrintable(result.error.message));
        QVERIFY(!result.connected);
    }

    void closeSendsACloseFrame()
    {
        RawWebSocketServer server;
        QVERIFY(server.listen());
        auto transport = TransportFactory::create(optionsFor(server.port()));
        QVERIFY(MqttProbe::open(*transport).connected);
        QTRY_VERIFY(server.upgraded());
        QSignalSpy errors(transport.get(), &Transport::errorOccurred);
        QSignalSpy disconnected(transport.get(), &Transport::disconnected);
        transport->close();
        QTRY_VERIFY(server.hasFrame(0x8));
        QCOMPARE(server.frame(0x8).payload, QByteArray::fromHex("03e8")); // 1000, normal
        QTRY_COMPARE(disconnected.size(), 1);
        QVERIFY(errors.isEmpty());
        QCOMPARE(transport->state(), Transport::State::Closed);
    }

    // Back-pressure: a transport nobody reads takes no more than its limit from the stream
    // below, whose own buffer is bounded too; what it held back comes once it is read.
    void unreadTransportStopsTakingFrames()
    {
        RawWebSocketServer server;
        QVERIFY(server.listen());
        auto transport = TransportFactory::create(optionsFor(server.port()));
        QVERIFY(MqttProbe::open(*transport).connected);
        QTRY_VERIFY(server.upgraded());
        // 32 MiB in 64 KiB frames: far more than the limits and the kernel's buffers.
        constexpr qsizetype kFrame = 64 * 1024;
        constexpr int kFrames = 512;
        QByteArray payload(kFrame, Qt::Uninitialized);
        for (int f = 0; f < kFrames; ++f) {
            payload.fill(char(f % 251));
            server.peer()->write(serverFrame(0x2, payload));
        }
        QTRY_VERIFY(transport->bytesAvailable() >= WebSocketTransport::kDecodedLimit);
        // The server's socket cannot hand everything to the kernel while nobody reads.
        QVERIFY(!QTest::qWaitFor([&] { return server.peer()->bytesToWrite() == 0; }, 1000));
        QVERIFY2(transport->bytesAvailable() <= WebSocketTransport::kDecodedLimit + 2 * 1024 * 1024,
                 qPrintable(QString::number(transport->bytesAvailable())));
        // Reading drains everything, in order.
        qsizetype received = 0;
        bool intact = true;
        const auto drain = [&] {
            const QByteArray chunk = transport->readAll();
            for (qsizetype i = 0; i < chunk.size() && intact; i += 4093)
                intact = chunk.at(i) == char(((received + i) / kFrame) % 251);
            received += chunk.size();
        };
        connect(transport.get(), &Transport::readyRead, this, drain);
        drain();
        QTRY_COMPARE_WITH_TIMEOUT(received, kFrame * kFrames, 30000);
        QVERIFY(intact);
    }
};

QTEST_GUILESS_MAIN(TstWebSocketTransport)
#include "tst_web_socket_transport.moc"
