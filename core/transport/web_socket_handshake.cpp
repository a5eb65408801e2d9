#include "core/transport/web_socket_handshake.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QUrl>

#include <utility>

namespace mqttdesk {

namespace {

// The headers the handshake writes itself; a user's header of the same name would make a
// request the server may reject or misread.
bool isHandshakeHeader(const QByteArray &name)
{
    static const QByteArrayView kOwn[] = {"host",
                                          "upgrade",
                                          "connection",
                                          "sec-websocket-key",
                                          "sec-websocket-version",
                                          "sec-websocket-protocol",
                                          "sec-websocket-extensions",
                                          "sec-websocket-accept"};
    const QByteArray lower = name.trimmed().toLower();
    for (QByteArrayView own : kOwn) {
        if (lower == own)
            return true;
    }
    return false;
}

bool hasLineBreak(const QByteArray &text)
{
    return text.contains('\r') || text.contains('\n');
}

// Whether a comma-separated header value holds `token`, case-insensitively (RFC 7230 7).
bool hasToken(QByteArrayView value, QByteArrayView token)
{
    for (const QByteArray &part : value.toByteArray().split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

WebSocketHandshake::WebSocketHandshake(QByteArray key)
    : m_key(std::move(key))
{}

QByteArray WebSocketHandshake::acceptFor(const QByteArray &key)
{
    const QByteArray text = key.toBase64() + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    return QCryptographicHash::hash(text, QCryptographicHash::Sha1).toBase64();
}

QByteArray WebSocketHandshake::request(const QString &host, quint16 port, bool secure,
                                       const QString &path,
                                       const QList<QPair<QByteArray, QByteArray>> &headers) const
{
    QByteArray target = QUrl::toPercentEncoding(path, "/?=&:@!$'()*+,;~-._%");
    if (!target.startsWith('/'))
        target.prepend('/');
    // An IPv6 literal is bracketed; the port is left out when it is the scheme's default.
    // A name that is neither an address nor a valid host name is percent-encoded, so that
    // nothing in it (a line break from an imported profile) can end the header.
    QString bare = host.trimmed();
    if (bare.startsWith(QLatin1Char('[')) && bare.endsWith(QLatin1Char(']')))
        bare = bare.mid(1, bare.size() - 2);
    QByteArray hostHeader;
    if (QHostAddress(bare).protocol() == QAbstractSocket::IPv6Protocol)
        hostHeader = '[' + bare.toLatin1() + ']';
    else
        hostHeader = QUrl::toAce(bare);
    if (hostHeader.isEmpty())
        hostHeader = QUrl::toPercentEncoding(bare);
    if (port != (secure ? 443 : 80))
        hostHeader += ':' + QByteArray::number(port);

    QByteArray request;
    request.reserve(512);
    request += "GET " + target + " HTTP/1.1\r\n";
    request += "Host: " + hostHeader + "\r\n";
    request += "Upgrade: websocket\r\n";
    request += "Connection: Upgrade\r\n";
    request += "Sec-WebSocket-Key: " + m_key.toBase64() + "\r\n";
    request += "Sec-WebSocket-Version: 13\r\n";
    request += "Sec-WebSocket-Protocol: mqtt\r\n"; // [MQTT-6.0.0-3]
    for (const auto &[name, value] : headers) {
        if (name.trimmed().isEmpty() || isHandshakeHeader(name) || hasLineBreak(name) ||
            hasLineBreak(value) || name.contains(':'))
            continue;
        request += name.trimmed() + ": " + value.trimmed() + "\r\n";
    }
    request += "\r\n";
    return request;
}

WebSocketHandshake::Result WebSocketHandshake::feed(QByteArrayView bytes)
{
    if (m_result != Result::NeedMore)
        return m_result;
    // Search from just before the new bytes: the blank line may straddle two reads.
    const qsizetype from = qMax<qsizetype>(0, m_buffer.size() - 3);
    m_buffer.append(bytes);
    const qsizetype end = m_buffer.indexOf("\r\n\r\n", from);
    // The blank line, when it comes, starts at size() - 3 at the earliest.
    if (end > kMaxHeadSize || (end < 0 && m_buffer.size() - 3 > kMaxHeadSize))
        return malformed(tr("The server's answer to the WebSocket upgrade has no end "
                            "after %1 bytes: this port does not seem to serve WebSocket.")
                             .arg(kMaxHeadSize));
    if (end < 0)
        return Result::NeedMore;
    m_leftover = m_buffer.sliced(end + 4);
    const QByteArray head = m_buffer.left(end);
    m_buffer.clear();
    m_result = parse(head);
    return m_result;
}

WebSocketHandshake::Result WebSocketHandshake::malformed(const QString &error)
{
    m_error = error;
    m_result = Result::Malformed;
    return m_result;
}

WebSocketHandshake::Result WebSocketHandshake::parse(QByteArrayView head)
{
    const QList<QByteArray> lines = head.toByteArray().split('\n');
    // "HTTP/1.1 101 Switching Protocols"
    const QByteArray statusLine = lines.first().trimmed();
    const bool isHttp =
        statusLine.startsWith("HTTP/1.") && statusLine.size() >= 12 && statusLine.at(8) == ' ';
    bool numeric = false;
    const int status = isHttp ? statusLine.mid(9, 3).toInt(&numeric) : 0;
    if (!isHttp || !numeric || status < 100 || status > 599)
        return malformed(tr("The server did not answer the WebSocket upgrade with HTTP: "
                            "this port does not seem to serve WebSocket."));
    m_status = status;
    m_reason = statusLine.mid(13).trimmed();
    if (status != 101) {
        m_result = Result::Refused;
        return m_result;
    }

    bool upgrade = false;
    bool connection = false;
    QByteArray accept;
    QByteArray extensions;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "upgrade")
            upgrade = upgrade || value.compare("websocket", Qt::CaseInsensitive) == 0;
        else if (name == "connection")
            connection = connection || hasToken(value, "upgrade");
        else if (name == "sec-websocket-accept")
            accept = value;
        else if (name == "sec-websocket-protocol")
            m_subprotocol = value;
        else if (name == "sec-websocket-extensions")
            extensions += value;
    }
    // RFC 6455 4.1, the client's checks of the server's answer, in its order.
    if (!upgrade || !connection)
        return malformed(tr("The server answered the WebSocket upgrade with status 101 but "
                            "without \"Upgrade: websocket\" and \"Connection: Upgrade\"."));
    if (accept != acceptFor(m_key))
        return malformed(tr("The server's Sec-WebSocket-Accept does not match the key sent: "
                            "something between here and the broker changed the handshake."));
    if (!extensions.isEmpty())
        return malformed(tr("The server chose the WebSocket extension \"%1\", which was not "
                            "offered.")
                             .arg(QString::fromLatin1(extensions)));
    if (!m_subprotocol.isEmpty() && m_subprotocol != "mqtt")
        return malformed(tr("The server chose the WebSocket subprotocol \"%1\"; MQTT needs "
                            "\"mqtt\" [MQTT-6.0.0-4].")
                             .arg(QString::fromLatin1(m_subprotocol)));
    return Result::Accepted;
}

} // namespace mqttdesk
