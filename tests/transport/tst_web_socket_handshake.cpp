#include "core/transport/web_socket_handshake.h"

#include <QTest>

using namespace mqttdesk;

using Result = WebSocketHandshake::Result;
using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

// RFC 6455 4.2.2's example: the key "dGhlIHNhbXBsZSBub25jZQ==" (16 bytes) and its answer.
QByteArray rfcKey()
{
    return QByteArray::fromBase64("dGhlIHNhbXBsZSBub25jZQ==");
}

const char kRfcAccept[] = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

// A server's acceptance of rfcKey(), with the lines in `extra` before the blank line.
QByteArray answer(const QByteArray &extra = "Sec-WebSocket-Protocol: mqtt\r\n")
{
    return QByteArray("HTTP/1.1 101 Switching Protocols\r\n"
                      "Upgrade: websocket\r\n"
                      "Connection: Upgrade\r\n"
                      "Sec-WebSocket-Accept: ") +
           kRfcAccept + "\r\n" + extra + "\r\n";
}

// The request's header lines, without the request line and the blank line.
QList<QByteArray> headerLines(const QByteArray &request)
{
    QList<QByteArray> lines = request.split('\n');
    QList<QByteArray> out;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).chopped(lines.at(i).endsWith('\r') ? 1 : 0);
        if (!line.isEmpty())
            out.append(line);
    }
    return out;
}

// The values of the header `name` (any case) in a request.
QList<QByteArray> headerValues(const QByteArray &request, const QByteArray &name)
{
    QList<QByteArray> values;
    for (const QByteArray &line : headerLines(request)) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
            values.append(line.mid(colon + 1).trimmed());
    }
    return values;
}

QByteArray requestLine(const QByteArray &request)
{
    return request.left(request.indexOf("\r\n"));
}

QByteArray request(const QString &host, quint16 port, bool secure, const QString &path,
                   const Headers &headers = {})
{
    return WebSocketHandshake(rfcKey()).request(host, port, secure, path, headers);
}

} // namespace

// WebSocketHandshake: the upgrade request and the checks of the server's answer (RFC 6455
// section 4, MQTT 6.0).
class TstWebSocketHandshake : public QObject
{
    Q_OBJECT

private slots:
    void acceptForRfcExample();

    void requestExactText();
    void requestHostPort_data();
    void requestHostPort();
    void requestHostWithLineBreak_data();
    void requestHostWithLineBreak();
    void requestPath_data();
    void requestPath();
    void requestSkipsOwnHeaders();
    void requestSkipsLineBreaks();
    void requestAsksForMqtt();

    void acceptsValidAnswer();
    void acceptsSplitAtEveryByte();
    void leftoverAfterBlankLine();
    void refused();
    void malformed_data();
    void malformed();
    void acceptsConnectionTokenList();
    void acceptsWithoutSubprotocol();
    void acceptsHeaderNamesInAnyCase();
    void headTooLongWithoutEnd();
    void headTooLongEndingInOneRead();
};

void TstWebSocketHandshake::acceptForRfcExample()
{
    QCOMPARE(rfcKey(), QByteArray("the sample nonce"));
    QCOMPARE(WebSocketHandshake::acceptFor(rfcKey()), QByteArray(kRfcAccept));
}

void TstWebSocketHandshake::requestExactText()
{
    const QByteArray text = request(QStringLiteral("broker.example"), 8080, false,
                                    QStringLiteral("/mqtt"), {{"X-Client", "desk"}});
    QCOMPARE(text, QByteArray("GET /mqtt HTTP/1.1\r\n"
                              "Host: broker.example:8080\r\n"
                              "Upgrade: websocket\r\n"
                              "Connection: Upgrade\r\n"
                              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                              "Sec-WebSocket-Version: 13\r\n"
                              "Sec-WebSocket-Protocol: mqtt\r\n"
                              "X-Client: desk\r\n"
                              "\r\n"));
}

void TstWebSocketHandshake::requestHostPort_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("secure");
    QTest::addColumn<QByteArray>("expected");
    // The port is left out when it is the scheme's default (RFC 7230 5.4).
    QTest::newRow("ws 80") << QStringLiteral("broker.example") << 80 << false
                           << QByteArray("broker.example");
    QTest::newRow("wss 443") << QStringLiteral("broker.example") << 443 << true
                             << QByteArray("broker.example");
    QTest::newRow("ws 443") << QStringLiteral("broker.example") << 443 << false
                            << QByteArray("broker.example:443");
    QTest::newRow("wss 80") << QStringLiteral("broker.example") << 80 << true
                            << QByteArray("broker.example:80");
    QTest::newRow("wss 8884") << QStringLiteral("broker.example") << 8884 << true
                              << QByteArray("broker.example:8884");
    // An IPv6 literal is bracketed (RFC 3986 3.2.2).
    QTest::newRow("IPv6 8080") << QStringLiteral("::1") << 8080 << false
                               << QByteArray("[::1]:8080");
    QTest::newRow("IPv6 80") << QStringLiteral("::1") << 80 << false << QByteArray("[::1]");
    QTest::newRow("IPv4") << QStringLiteral("127.0.0.1") << 9001 << false
                          << QByteArray("127.0.0.1:9001");
}

void TstWebSocketHandshake::requestHostPort()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(bool, secure);
    QFETCH(QByteArray, expected);
    const QByteArray text = request(host, quint16(port), secure, QStringLiteral("/mqtt"));
    QCOMPARE(headerValues(text, "Host"), QList<QByteArray>{expected});
}

void TstWebSocketHandshake::requestHostWithLineBreak_data()
{
    QTest::addColumn<QString>("host");
    // Neither an IPv6 literal nor a valid domain name: percent-encoded, never sent as typed.
    QTest::newRow("CRLF, colon") << QStringLiteral("evil\r\nX-Injected: 1");
    QTest::newRow("CRLF") << QStringLiteral("evil\r\nX-Injected");
    QTest::newRow("LF") << QStringLiteral("evil\nX-Injected");
    QTest::newRow("CR") << QStringLiteral("evil\rX-Injected");
}

void TstWebSocketHandshake::requestHostWithLineBreak()
{
    // A host name from a profile (typed or imported) must not add headers of its own: a line
    // break in it must not reach the request.
    QFETCH(QString, host);
    const QByteArray text = request(host, 8080, false, QStringLiteral("/mqtt"));
    QVERIFY2(headerValues(text, "X-Injected").isEmpty(), text.constData());
    QCOMPARE(text.count('\n'), text.count("\r\n"));
    QCOMPARE(text.count('\r'), text.count("\r\n"));
    QCOMPARE(headerLines(text).size(), 6); // Host, Upgrade, Connection, Sec-WebSocket-* x3
}

void TstWebSocketHandshake::requestPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("plain") << QStringLiteral("/mqtt") << QByteArray("/mqtt");
    QTest::newRow("no leading slash") << QStringLiteral("mqtt") << QByteArray("/mqtt");
    QTest::newRow("empty") << QString() << QByteArray("/");
    QTest::newRow("space") << QStringLiteral("/my path") << QByteArray("/my%20path");
    QTest::newRow("query") << QStringLiteral("/mqtt?token=a&b=c")
                           << QByteArray("/mqtt?token=a&b=c");
    QTest::newRow("line break") << QStringLiteral("/a\r\nX: y") << QByteArray("/a%0D%0AX:%20y");
}

void TstWebSocketHandshake::requestPath()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, target);
    const QByteArray text = request(QStringLiteral("broker.example"), 80, false, path);
    QCOMPARE(requestLine(text), QByteArray("GET " + target + " HTTP/1.1"));
}

void TstWebSocketHandshake::requestSkipsOwnHeaders()
{
    const Headers user = {{"Host", "other.example"},
                          {"sec-websocket-protocol", "mqttv5"},
                          {"UPGRADE", "h2c"},
                          {"Connection", "close"},
                          {"Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAAAA=="},
                          {"Sec-WebSocket-Version", "8"},
                          {"Sec-WebSocket-Extensions", "permessage-deflate"},
                          {" Host ", "spaced.example"},
                          {"Authorization", "Bearer t"}};
    const QByteArray text =
        request(QStringLiteral("broker.example"), 8080, false, QStringLiteral("/mqtt"), user);
    QCOMPARE(headerValues(text, "Host"), QList<QByteArray>{"broker.example:8080"});
    QCOMPARE(headerValues(text, "Sec-WebSocket-Protocol"), QList<QByteArray>{"mqtt"});
    QCOMPARE(headerValues(text, "Upgrade"), QList<QByteArray>{"websocket"});
    QCOMPARE(headerValues(text, "Connection"), QList<QByteArray>{"Upgrade"});
    QCOMPARE(headerValues(text, "Sec-WebSocket-Key"),
             QList<QByteArray>{"dGhlIHNhbXBsZSBub25jZQ=="});
    QCOMPARE(headerValues(text, "Sec-WebSocket-Version"), QList<QByteArray>{"13"});
    QVERIFY(headerValues(text, "Sec-WebSocket-Extensions").isEmpty());
    QCOMPARE(headerValues(text, "Authorization"), QList<QByteArray>{"Bearer t"});
}

void TstWebSocketHandshake::requestSkipsLineBreaks()
{
    // Header injection: a CR or LF in a user's header would end it and start another.
    const Headers user = {{"X-A", "1\r\nX-Injected: a"},
                          {"X-B", "2\nX-Injected: b"},
                          {"X-C", "3\rX-Injected: c"},
                          {"X-D\r\nX-Injected", "d"},
                          {"X-E\n", "e"},
                          {"X-Fine", "kept"}};
    const QByteArray text =
        request(QStringLiteral("broker.example"), 8080, false, QStringLiteral("/mqtt"), user);
    QVERIFY2(!text.contains("X-Injected"), text.constData());
    for (const char *name : {"X-A", "X-B", "X-C", "X-D", "X-E"})
        QVERIFY2(!text.contains(name), name);
    QCOMPARE(headerValues(text, "X-Fine"), QList<QByteArray>{"kept"});
    // Every line ends in CRLF, and only the last line is empty.
    QCOMPARE(text.count('\n'), text.count("\r\n"));
    QVERIFY(text.endsWith("\r\n\r\n"));
    QCOMPARE(text.indexOf("\r\n\r\n"), text.size() - 4);
}

void TstWebSocketHandshake::requestAsksForMqtt()
{
    // [MQTT-6.0.0-3]: the client MUST include "mqtt" in its list of WebSocket subprotocols.
    for (bool secure : {false, true}) {
        const QByteArray text =
            request(QStringLiteral("broker.example"), 8084, secure, QStringLiteral("/mqtt"));
        QCOMPARE(headerValues(text, "Sec-WebSocket-Protocol"), QList<QByteArray>{"mqtt"});
        QVERIFY(text.startsWith("GET /mqtt HTTP/1.1\r\n"));
    }
}

void TstWebSocketHandshake::acceptsValidAnswer()
{
    WebSocketHandshake handshake(rfcKey());
    QCOMPARE(handshake.feed(answer()), Result::Accepted);
    QCOMPARE(handshake.status(), 101);
    QCOMPARE(handshake.reason(), QByteArray("Switching Protocols"));
    QCOMPARE(handshake.subprotocol(), QByteArray("mqtt"));
    QVERIFY(handshake.leftover().isEmpty());
    QVERIFY(handshake.error().isEmpty());
}

void TstWebSocketHandshake::acceptsSplitAtEveryByte()
{
    const QByteArray whole = answer();
    const QByteArrayView view(whole);
    for (qsizetype at = 0; at < whole.size(); ++at) {
        WebSocketHandshake handshake(rfcKey());
        QCOMPARE(handshake.feed(view.first(at)), Result::NeedMore);
        QCOMPARE(handshake.feed(view.sliced(at)), Result::Accepted);
        QCOMPARE(handshake.subprotocol(), QByteArray("mqtt"));
    }
    WebSocketHandshake bytewise(rfcKey());
    for (qsizetype i = 0; i + 1 < whole.size(); ++i)
        QCOMPARE(bytewise.feed(view.sliced(i, 1)), Result::NeedMore);
    QCOMPARE(bytewise.feed(view.last(1)), Result::Accepted);
    QVERIFY(bytewise.leftover().isEmpty());
}

void TstWebSocketHandshake::leftoverAfterBlankLine()
{
    // The server's first frames may come in the same read as its answer.
    const QByteArray frames("\x82\x02\x20\x00\x82\x01", 6); // a CONNACK frame and a part of one
    const QByteArray whole = answer() + frames;
    WebSocketHandshake handshake(rfcKey());
    QCOMPARE(handshake.feed(whole), Result::Accepted);
    QCOMPARE(handshake.leftover().toHex(' '), frames.toHex(' '));

    // Also when the answer came in pieces (cut anywhere before its end).
    const QByteArrayView view(whole);
    const qsizetype headSize = whole.size() - frames.size();
    for (qsizetype at = 0; at < headSize; ++at) {
        WebSocketHandshake split(rfcKey());
        QCOMPARE(split.feed(view.first(at)), Result::NeedMore);
        QCOMPARE(split.feed(view.sliced(at)), Result::Accepted);
        QCOMPARE(split.leftover(), frames);
    }
}

void TstWebSocketHandshake::refused()
{
    WebSocketHandshake handshake(rfcKey());
    QCOMPARE(handshake.feed("HTTP/1.1 403 Forbidden\r\n"
                            "Content-Type: text/plain\r\n"
                            "Content-Length: 6\r\n"
                            "\r\n"
                            "denied"),
             Result::Refused);
    QCOMPARE(handshake.status(), 403);
    QCOMPARE(handshake.reason(), QByteArray("Forbidden"));
    // The verdict is final.
    QCOMPARE(handshake.feed(answer()), Result::Refused);
    QCOMPARE(handshake.status(), 403);
}

void TstWebSocketHandshake::malformed_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QString>("mentions");
    const QByteArray accept = QByteArray("Sec-WebSocket-Accept: ") + kRfcAccept + "\r\n";
    QTest::newRow("no Upgrade") << QByteArray("HTTP/1.1 101 Switching Protocols\r\n"
                                              "Connection: Upgrade\r\n" +
                                              accept + "\r\n")
                                << QString();
    QTest::newRow("Upgrade not websocket") << QByteArray("HTTP/1.1 101 Switching Protocols\r\n"
                                                         "Upgrade: h2c\r\n"
                                                         "Connection: Upgrade\r\n" +
                                                         accept + "\r\n")
                                           << QString();
    QTest::newRow("no Connection") << QByteArray("HTTP/1.1 101 Switching Protocols\r\n"
                                                 "Upgrade: websocket\r\n" +
                                                 accept + "\r\n")
                                   << QString();
    QTest::newRow("Connection without upgrade token")
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\n"
                      "Upgrade: websocket\r\n"
                      "Connection: keep-alive\r\n" +
                      accept + "\r\n")
        << QString();
    QTest::newRow("no accept") << QByteArray("HTTP/1.1 101 Switching Protocols\r\n"
                                             "Upgrade: websocket\r\n"
                                             "Connection: Upgrade\r\n"
                                             "\r\n")
                               << QString();
    QTest::newRow("wrong accept") << QByteArray("HTTP/1.1 101 Switching Protocols\r\n"
                                                "Upgrade: websocket\r\n"
                                                "Connection: Upgrade\r\n"
                                                "Sec-WebSocket-Accept: "
                                                "AAAAAAAAAAAAAAAAAAAAAAAAAAA=\r\n"
                                                "\r\n")
                                  << QString();
    QTest::newRow("extension") << answer("Sec-WebSocket-Extensions: permessage-deflate\r\n")
                               << QStringLiteral("permessage-deflate");
    QTest::newRow("subprotocol mqttv5")
        << answer("Sec-WebSocket-Protocol: mqttv5\r\n") << QStringLiteral("[MQTT-6.0.0-4]");
    QTest::newRow("SSH banner") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n") << QString();
    QTest::newRow("HTTP without status") << QByteArray("HTTP/1.1\r\n\r\n") << QString();
    QTest::newRow("status not numeric") << QByteArray("HTTP/1.1 abc Nope\r\n\r\n") << QString();
    QTest::newRow("blank line only") << QByteArray("\r\n\r\n") << QString();
}

void TstWebSocketHandshake::malformed()
{
    QFETCH(QByteArray, answer);
    QFETCH(QString, mentions);
    WebSocketHandshake handshake(rfcKey());
    QCOMPARE(handshake.feed(answer), Result::Malformed);
    QVERIFY(!handshake.error().isEmpty());
    if (!mentions.isEmpty())
        QVERIFY2(handshake.error().contains(mentions), qPrintable(handshake.error()));
    // The verdict is final.
    QCOMPARE(handshake.feed(::answer()), Result::Malformed);

    // The same verdict byte by byte.
    WebSocketHandshake bytewise(rfcKey());
    Result result = Result::NeedMore;
    for (qsizetype i = 0; i < answer.size(); ++i)
        result = bytewise.feed(QByteArrayView(answer).sliced(i, 1));
    QCOMPARE(result, Result::Malformed);
    QCOMPARE(bytewise.error(), handshake.error());
}

void TstWebSocketHandshake::acceptsConnectionTokenList()
{
    // Connection is a list of tokens (RFC 7230 6.1); "Upgrade" may be anywhere in it.
    WebSocketHandshake handshake(rfcKey());
    const QByteArray text = QByteArray("HTTP/1.1 101 Switching Protocols\r\n"
                                       "Upgrade: websocket\r\n"
                                       "Connection: keep-alive, Upgrade\r\n"
                                       "Sec-WebSocket-Accept: ") +
                            kRfcAccept + "\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n";
    QCOMPARE(handshake.feed(text), Result::Accepted);
}

void TstWebSocketHandshake::acceptsWithoutSubprotocol()
{
    // A server that names no subprotocol is let through; the broker then speaks MQTT or not.
    WebSocketHandshake handshake(rfcKey());
    QCOMPARE(handshake.feed(answer({})), Result::Accepted);
    QVERIFY(handshake.subprotocol().isEmpty());
}

void TstWebSocketHandshake::acceptsHeaderNamesInAnyCase()
{
    WebSocketHandshake handshake(rfcKey());
    const QByteArray text = QByteArray("HTTP/1.1 101 Switching Protocols\r\n"
                                       "UPGRADE: WebSocket\r\n"
                                       "connection: upgrade\r\n"
                                       "sec-websocket-accept: ") +
                            kRfcAccept + "\r\nSEC-WEBSOCKET-PROTOCOL: mqtt\r\n\r\n";
    QCOMPARE(handshake.feed(text), Result::Accepted);
    QCOMPARE(handshake.subprotocol(), QByteArray("mqtt"));
}

void TstWebSocketHandshake::headTooLongWithoutEnd()
{
    const QByteArray start = "HTTP/1.1 101 Switching Protocols\r\nX-Padding: ";
    const QByteArray padding(WebSocketHandshake::kMaxHeadSize, 'a');

    WebSocketHandshake whole(rfcKey());
    QCOMPARE(whole.feed(QByteArray(start + padding)), Result::Malformed);
    QVERIFY(!whole.error().isEmpty());

    // In reads of 1000 bytes: the verdict comes once the limit is passed, not at the end.
    WebSocketHandshake chunked(rfcKey());
    const QByteArray all = start + padding + padding;
    qsizetype fed = 0;
    Result result = Result::NeedMore;
    while (result == Result::NeedMore && fed < all.size()) {
        const qsizetype n = qMin<qsizetype>(1000, all.size() - fed);
        result = chunked.feed(QByteArrayView(all).sliced(fed, n));
        fed += n;
    }
    QCOMPARE(result, Result::Malformed);
    QVERIFY(fed <= WebSocketHandshake::kMaxHeadSize + 1000);
}

void TstWebSocketHandshake::headTooLongEndingInOneRead()
{
    // A head longer than kMaxHeadSize ("the longest answer head accepted") whose blank line
    // arrives in the same read: refused, as when the same bytes come a few at a time.
    const QByteArray padding =
        "X-Padding: " + QByteArray(WebSocketHandshake::kMaxHeadSize, 'a') + "\r\n";
    const QByteArray big = answer(padding + "Sec-WebSocket-Protocol: mqtt\r\n");

    WebSocketHandshake bytewise(rfcKey());
    Result result = Result::NeedMore;
    for (qsizetype i = 0; i < big.size() && result == Result::NeedMore; ++i)
        result = bytewise.feed(QByteArrayView(big).sliced(i, 1));
    QCOMPARE(result, Result::Malformed);

    WebSocketHandshake whole(rfcKey());
    QCOMPARE(whole.feed(big), Result::Malformed);
}

QTEST_APPLESS_MAIN(TstWebSocketHandshake)
#include "tst_web_socket_handshake.moc"
