#include "core/transport/web_socket_transport.h"

#include "core/transport/ssl_error_translator.h"
#include "core/transport/tls_configuration_loader.h"
#include "core/transport/tls_key_log.h"

#include <QDir>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <cstring>

namespace mqttdesk {

WebSocketTransport::WebSocketTransport(const TransportOptions &options, QObject *parent)
    : Transport(options, parent)
{}

WebSocketTransport::~WebSocketTransport()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
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

void WebSocketTransport::dropSocket()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void WebSocketTransport::doOpen()
{
    dropSocket();
    m_chunks.clear();
    m_offset = 0;
    m_available = 0;
    m_sslErrors.clear();
    m_peerChain.clear();

    const bool secure = options().kind == TransportOptions::Kind::SecureWebSocket;
    if (secure) {
        TransportError error;
        if (!TlsConfigurationLoader::load(options().tls, &m_configuration, &error)) {
            failLater(error);
            return;
        }
        // QWebSocket keeps its QSslSocket to itself (Qt 6.4), so its SSL object, where the
        // keys could be had, is out of reach: say so rather than write nothing silently.
        if (const QString keyLog = TlsKeyLog::pathFor(options().tls.keyLogFile); !keyLog.isEmpty())
            emit warningOccurred(tr("TLS session keys are not written to %1 for secure "
                                    "WebSocket connections; use MQTT over TLS (mqtts) to "
                                    "capture them.")
                                     .arg(QDir::toNativeSeparators(keyLog)));
    }

    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setProxy(networkProxy());
    if (secure)
        m_socket->setSslConfiguration(m_configuration);

    connect(m_socket, &QWebSocket::connected, this, [this] {
        if (m_socket->sslConfiguration().peerCertificateChain().size() > 0)
            m_peerChain = m_socket->sslConfiguration().peerCertificateChain();
        markOpen();
    });
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketTransport::onDisconnected);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &WebSocketTransport::socketErrorOccurred);
    connect(m_socket, &QWebSocket::bytesWritten, this, &Transport::bytesWritten);
    // Frames, not whole messages: bytes reach the reader as soon as they arrive.
    connect(m_socket, &QWebSocket::binaryFrameReceived, this,
            [this](const QByteArray &frame, bool) { onFrame(frame); });
    connect(m_socket, &QWebSocket::textFrameReceived, this, [this] {
        fail(TransportError::make(
            TransportError::Kind::WebSocketProtocolError,
            tr("The server sent a WebSocket text frame; MQTT allows only binary frames "
               "[MQTT-6.0.0-1].")));
    });
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        m_sslErrors = errors;
        m_peerChain = m_socket->sslConfiguration().peerCertificateChain();
    });

    QNetworkRequest request(url());
    for (const auto &[name, value] : options().webSocketHeaders)
        request.setRawHeader(name, value);
    QWebSocketHandshakeOptions handshake;
    handshake.setSubprotocols({QStringLiteral("mqtt")}); // [MQTT-6.0.0-3]
    m_socket->open(request, handshake);
}

void WebSocketTransport::doClose()
{
    if (m_socket)
        m_socket->close(); // disconnected() follows the closing handshake
    else
        markClosed();
}

void WebSocketTransport::doAbort()
{
    if (m_socket)
        m_socket->abort();
}

void WebSocketTransport::onFrame(const QByteArray &frame)
{
    if ((state() != State::Open && state() != State::Closing) || frame.isEmpty())
        return;
    m_chunks.append(frame);
    m_available += frame.size();
    emit readyRead();
}

void WebSocketTransport::onDisconnected()
{
    // QWebSocket may report the end before the error that caused it (a refused
    // connection): prefer the error it has recorded.
    const QAbstractSocket::SocketError recorded = m_socket->error();
    socketDisconnected(recorded == QAbstractSocket::UnknownSocketError
                           ? QAbstractSocket::RemoteHostClosedError
                           : recorded);
}

TransportError WebSocketTransport::translateSocketError(QAbstractSocket::SocketError error)
{
    if (!m_sslErrors.isEmpty())
        return SslErrorTranslator::fromVerification(m_sslErrors, m_peerChain, verifyName());
    const QString text = m_socket ? m_socket->errorString() : QString();
    // QWebSocket reports a refused upgrade only in its error text (Qt 6.4).
    static const QRegularExpression kStatus(QStringLiteral("status code: (\\d{3})"));
    const QRegularExpressionMatch match = kStatus.match(text);
    if (error == QAbstractSocket::ConnectionRefusedError && match.hasMatch()) {
        TransportError e = TransportError::make(
            TransportError::Kind::WebSocketUpgradeRefused,
            tr("The server refused the WebSocket upgrade on %1 with HTTP status %2. Check the "
               "path and that this port serves MQTT over WebSocket.")
                .arg(url().toString(), match.captured(1)),
            text);
        e.httpStatus = match.captured(1).toInt();
        return e;
    }
    if (error == QAbstractSocket::SslHandshakeFailedError ||
        error == QAbstractSocket::SslInternalError)
        return SslErrorTranslator::fromHandshakeFailure(
            text, std::nullopt, m_configuration.localCertificateChain(), m_peerChain);
    if (error == QAbstractSocket::RemoteHostClosedError && m_socket &&
        m_socket->closeCode() != QWebSocketProtocol::CloseCodeNormal &&
        !m_socket->closeReason().isEmpty()) {
        TransportError e =
            TransportError::fromSocketError(error, text, options().host, options().port, false);
        e.message += QLatin1Char(' ') + tr("WebSocket close code %1: %2")
                                            .arg(int(m_socket->closeCode()))
                                            .arg(m_socket->closeReason());
        return e;
    }
    return commonSocketError(error, text);
}

qint64 WebSocketTransport::write(QByteArrayView data)
{
    return write(data.toByteArray());
}

qint64 WebSocketTransport::write(const QByteArray &data)
{
    if (state() != State::Open)
        return -1;
    // One binary frame per write; the masking QWebSocket must do is the only copy.
    const qint64 sent = m_socket->sendBinaryMessage(data);
    return sent == data.size() ? sent : -1;
}

qint64 WebSocketTransport::bytesToWrite() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

qint64 WebSocketTransport::bytesAvailable() const
{
    return m_available;
}

QByteArray WebSocketTransport::readAll()
{
    if (m_chunks.isEmpty())
        return {};
    QByteArray result;
    if (m_chunks.size() == 1 && m_offset == 0) {
        result = m_chunks.takeFirst(); // shared, not copied
    } else {
        result.reserve(m_available);
        result.append(QByteArrayView(m_chunks.first()).sliced(m_offset));
        for (qsizetype i = 1; i < m_chunks.size(); ++i)
            result.append(m_chunks.at(i));
        m_chunks.clear();
    }
    m_offset = 0;
    m_available = 0;
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
    return copied;
}

QList<CertificateSummary> WebSocketTransport::peerCertificateChain() const
{
    return CertificateSummary::fromChain(m_peerChain);
}

} // namespace mqttdesk
