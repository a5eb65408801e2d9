#include "core/transport/web_socket_transport.h"

#include "core/transport/tcp_transport.h"
#include "core/transport/tls_transport.h"
#include "core/transport/web_socket_frame_writer.h"

#include <QRandomGenerator>
#include <QUrl>

#include <cstring>

namespace mqttdesk {

namespace {

// RFC 6455 7.4.1: a normal closure, and "no status code was present".
constexpr quint16 kCloseNormal = 1000;
constexpr quint16 kCloseNoStatus = 1005;
constexpr quint16 kCloseProtocolError = 1002;

} // namespace

WebSocketTransport::WebSocketTransport(const TransportOptions &options, QObject *parent)
    : Transport(options, parent)
{}

WebSocketTransport::~WebSocketTransport()
{
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->abort();
    }
}

QUrl WebSocketTransport::url() const
{
    QUrl url;
    url.setScheme(options().kind == TransportOptions::Kind::SecureWebSocket ? QStringLiteral("wss")
                                                                            : QStringLiteral("ws"));
    url.setHost(options().host);
    url.setPort(options().port);
    QString path = options().webSocketPath;
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    url.setPath(path);
    return url;
}

quint32 WebSocketTransport::maskKey()
{
    // Unpredictable, as RFC 6455 10.3 asks, so that a client's frames cannot be aimed at a
    // proxy's cache.
    return QRandomGenerator::global()->generate();
}

void WebSocketTransport::dropStream()
{
    if (!m_stream)
        return;
    m_stream->disconnect(this);
    m_stream->abort();
    m_stream.release()->deleteLater(); // it may be the sender of the signal being handled
}

void WebSocketTransport::doOpen()
{
    dropStream();
    m_phase = Phase::Connecting;
    m_handshake.reset();
    m_reader = WebSocketFrameReader();
    m_closeSent = false;
    m_closeCode.reset();
    m_closeReason.clear();
    m_chunks.clear();
    m_offset = 0;
    m_available = 0;

    TransportOptions below = options();
    below.kind = options().kind == TransportOptions::Kind::SecureWebSocket
                     ? TransportOptions::Kind::Tls
                     : TransportOptions::Kind::Tcp;
    below.connectTimeoutMs = 0; // this transport's timer covers the upgrade as well
    if (below.kind == TransportOptions::Kind::Tls)
        m_stream = std::make_unique<TlsTransport>(below, this);
    else
        m_stream = std::make_unique<TcpTransport>(below, this);

    Transport *stream = m_stream.get();
    connect(stream, &Transport::connected, this, &WebSocketTransport::onStreamConnected);
    connect(stream, &Transport::readyRead, this, &WebSocketTransport::onStreamReadyRead);
    connect(stream, &Transport::errorOccurred, this, &WebSocketTransport::onStreamError);
    connect(stream, &Transport::disconnected, this, &WebSocketTransport::onStreamDisconnected);
    connect(stream, &Transport::bytesWritten, this, &Transport::bytesWritten);
    connect(stream, &Transport::warningOccurred, this, &Transport::warningOccurred);
    connect(stream, &Transport::noticeOccurred, this, &Transport::noticeOccurred);
    stream->open();
}

void WebSocketTransport::onStreamConnected()
{
    if (state() != State::Opening)
        return;
    QByteArray key(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), 4);
    m_handshake.emplace(key);
    m_phase = Phase::Upgrading;
    m_stream->write(m_handshake->request(options().host, options().port,
                                         options().kind == TransportOptions::Kind::SecureWebSocket,
                                         options().webSocketPath, options().webSocketHeaders));
}

void WebSocketTransport::onStreamReadyRead()
{
    // Past the limit the stream is left to fill: that is the back-pressure. readAll()
    // comes back for the rest.
    if (m_available >= kDecodedLimit)
        return;
    const qint64 before = m_available;
    pump(false);
    if (m_available > before)
        emit readyRead();
}

void WebSocketTransport::pump(bool all)
{
    while (m_stream && m_stream->bytesAvailable() > 0 && (all || m_available < kDecodedLimit) &&
           !m_reader.failed()) {
        const QByteArray raw = m_stream->readAll();
        if (raw.isEmpty())
            break;
        consume(raw);
        if (state() == State::Closed && !all)
            break; // the upgrade failed, or a frame broke the protocol
    }
}

void WebSocketTransport::consume(const QByteArray &raw)
{
    if (m_phase == Phase::Connecting)
        return;
    QByteArray frames = raw;
    if (m_phase == Phase::Upgrading) {
        const WebSocketHandshake::Result result = m_handshake->feed(raw);
        if (result == WebSocketHandshake::Result::NeedMore)
            return;
        frames = m_handshake->leftover();
        onUpgradeAnswer(result);
        if (m_phase != Phase::Open)
            return;
    }
    QByteArray data;
    QList<WebSocketFrameReader::Control> controls;
    const bool ok = m_reader.feed(frames, data, controls);
    if (!data.isEmpty()) {
        m_available += data.size();
        m_chunks.append(std::move(data));
    }
    for (const WebSocketFrameReader::Control &control : std::as_const(controls))
        onControl(control);
    if (!ok)
        protocolError(m_reader.error());
}

void WebSocketTransport::onUpgradeAnswer(WebSocketHandshake::Result result)
{
    const WebSocketHandshake &answer = *m_handshake;
    switch (result) {
    case WebSocketHandshake::Result::NeedMore:
        return;
    case WebSocketHandshake::Result::Accepted:
        m_phase = Phase::Open;
        if (answer.subprotocol().isEmpty())
            emit noticeOccurred(tr("The server accepted the WebSocket upgrade without naming "
                                   "the \"mqtt\" subprotocol [MQTT-6.0.0-4]; carrying on."));
        markOpen();
        return;
    case WebSocketHandshake::Result::Refused: {
        const QString detail = QString::number(answer.status()) + QLatin1Char(' ') +
                               QString::fromLatin1(answer.reason());
        TransportError e = TransportError::make(
            TransportError::Kind::WebSocketUpgradeRefused,
            tr("The server refused the WebSocket upgrade on %1 with HTTP status %2. Check the "
               "path and that this port serves MQTT over WebSocket.")
                .arg(url().toString())
                .arg(answer.status()),
            detail);
        e.httpStatus = answer.status();
        fail(e);
        return;
    }
    case WebSocketHandshake::Result::Malformed:
        fail(TransportError::make(TransportError::Kind::WebSocketProtocolError, answer.error()));
        return;
    }
}

void WebSocketTransport::onControl(const WebSocketFrameReader::Control &control)
{
    switch (control.opcode) {
    case WebSocketFrameReader::Opcode::Ping:
        if (state() == State::Open)
            m_stream->write(WebSocketFrameWriter::pong(control.payload, maskKey()));
        return;
    case WebSocketFrameReader::Opcode::Close: {
        m_closeCode = WebSocketFrameReader::closeCode(control.payload);
        m_closeReason = WebSocketFrameReader::closeReason(control.payload);
        // Answer the close (RFC 6455 5.5.1), then let the server end the TCP connection;
        // ours is ended after the answer is written, in case it does not.
        if (!m_closeSent && m_stream) {
            m_closeSent = true;
            m_stream->write(WebSocketFrameWriter::close(
                *m_closeCode == kCloseNoStatus ? 0 : *m_closeCode, maskKey()));
            m_stream->close();
        }
        return;
    }
    default:
        return; // a pong answers nothing we asked; other opcodes never reach here
    }
}

void WebSocketTransport::protocolError(const QString &message)
{
    if (state() == State::Closed)
        return;
    if (m_stream && !m_closeSent && m_stream->state() == State::Open) {
        m_closeSent = true;
        m_stream->write(WebSocketFrameWriter::close(kCloseProtocolError, maskKey()));
    }
    fail(TransportError::make(TransportError::Kind::WebSocketProtocolError, message));
}

void WebSocketTransport::schedulePump()
{
    if (m_pumpScheduled || !m_stream || m_stream->bytesAvailable() == 0)
        return;
    m_pumpScheduled = true;
    // Queued: readAll() must not report errors or emit signals from inside its caller.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_pumpScheduled = false;
            if (m_phase == Phase::Open)
                onStreamReadyRead();
        },
        Qt::QueuedConnection);
}

TransportError WebSocketTransport::remoteClosedError(const TransportError &base) const
{
    TransportError e = base;
    if (m_closeCode && *m_closeCode != kCloseNormal && *m_closeCode != kCloseNoStatus) {
        e.message += QLatin1Char(' ');
        e.message += m_closeReason.isEmpty()
                         ? tr("WebSocket close code %1.").arg(*m_closeCode)
                         : tr("WebSocket close code %1: %2").arg(*m_closeCode).arg(m_closeReason);
    }
    return e;
}

void WebSocketTransport::onStreamError(const TransportError &error)
{
    // What arrived before the end stays readable (it may say why, e.g. a refusing CONNACK).
    pump(true);
    if (state() == State::Closed)
        return;
    if (state() == State::Closing && error.kind == TransportError::Kind::RemoteClosed) {
        markClosed();
        return;
    }
    fail(error.kind == TransportError::Kind::RemoteClosed ? remoteClosedError(error) : error, true);
}

void WebSocketTransport::onStreamDisconnected()
{
    pump(true);
    if (state() == State::Closing) {
        markClosed();
    } else if (state() != State::Closed) {
        // The stream closed cleanly after the server's close frame (it errs otherwise).
        fail(remoteClosedError(TransportError::fromSocketError(
                 QAbstractSocket::RemoteHostClosedError, QString(), options().host, options().port,
                 options().proxy.kind != ProxyOptions::Kind::None)),
             true);
    }
}

void WebSocketTransport::doClose()
{
    if (!m_stream) {
        markClosed();
        return;
    }
    if (m_phase == Phase::Open && !m_closeSent) {
        m_closeSent = true;
        m_stream->write(WebSocketFrameWriter::close(kCloseNormal, maskKey()));
    }
    m_stream->close(); // flushes, then ends the TCP connection: disconnected() follows
}

void WebSocketTransport::doAbort()
{
    if (m_stream)
        m_stream->abort();
}

TransportError WebSocketTransport::translateSocketError(QAbstractSocket::SocketError error)
{
    // The stream below translates its own socket's errors; this is for the base's contract.
    return commonSocketError(error, QString());
}

qint64 WebSocketTransport::write(QByteArrayView data)
{
    if (state() != State::Open || !m_stream)
        return -1;
    // One binary frame per write: the masking is the one copy.
    const qint64 sent = m_stream->write(WebSocketFrameWriter::binary(data, maskKey()));
    return sent < 0 ? -1 : data.size();
}

qint64 WebSocketTransport::bytesToWrite() const
{
    return m_stream ? m_stream->bytesToWrite() : 0;
}

qint64 WebSocketTransport::bytesAvailable() const
{
    return m_available;
}

QByteArray WebSocketTransport::readAll()
{
    QByteArray result;
    if (m_chunks.size() == 1 && m_offset == 0) {
        result = m_chunks.takeFirst(); // shared, not copied
    } else if (!m_chunks.isEmpty()) {
        result.reserve(m_available);
        result.append(QByteArrayView(m_chunks.first()).sliced(m_offset));
        for (qsizetype i = 1; i < m_chunks.size(); ++i)
            result.append(m_chunks.at(i));
        m_chunks.clear();
    }
    m_offset = 0;
    m_available = 0;
    schedulePump(); // what the stream kept back while this buffer was full
    return result;
}

qint64 WebSocketTransport::read(char *data, qint64 maxSize)
{
    qint64 copied = 0;
    while (copied < maxSize && !m_chunks.isEmpty()) {
        const QByteArray &front = m_chunks.first();
        const qint64 n = std::min<qint64>(maxSize - copied, front.size() - m_offset);
        std::memcpy(data + copied, front.constData() + m_offset, size_t(n));
        copied += n;
        m_offset += n;
        if (m_offset == front.size()) {
            m_chunks.removeFirst();
            m_offset = 0;
        }
    }
    m_available -= copied;
    if (m_available < kDecodedLimit)
        schedulePump();
    return copied;
}

QList<CertificateSummary> WebSocketTransport::peerCertificateChain() const
{
    return m_stream ? m_stream->peerCertificateChain() : QList<CertificateSummary>();
}

} // namespace mqttdesk
