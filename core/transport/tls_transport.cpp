#include "core/transport/tls_transport.h"

#include "core/transport/ssl_error_translator.h"
#include "core/transport/tls_configuration_loader.h"

#include <QSslSocket>

namespace mqttdesk {

TlsTransport::TlsTransport(const TransportOptions &options, QObject *parent)
    : TcpTransport(options, parent)
{}

QSslSocket *TlsTransport::sslSocket() const
{
    return static_cast<QSslSocket *>(socket());
}

QList<CertificateSummary> TlsTransport::peerCertificateChain() const
{
    return CertificateSummary::fromChain(m_peerChain);
}

QTcpSocket *TlsTransport::createSocket()
{
    m_sslErrors.clear();
    m_peerChain.clear();
    m_alert.reset();
    TransportError error;
    // Files are read at each open(): the user may have fixed them since the last attempt.
    if (!TlsConfigurationLoader::load(options().tls, &m_configuration, &error)) {
        failLater(error);
        return nullptr;
    }
    auto *socket = new QSslSocket(this);
    socket->setSslConfiguration(m_configuration);
    if (!options().tls.peerName.isEmpty())
        socket->setPeerVerifyName(options().tls.peerName);
    connect(socket, &QSslSocket::sslErrors, this, [this, socket](const QList<QSslError> &errors) {
        m_sslErrors = errors;
        m_peerChain = socket->peerCertificateChain();
    });
    connect(socket, &QSslSocket::alertReceived, this,
            [this](QSsl::AlertLevel, QSsl::AlertType type, const QString &) {
                if (type != QSsl::AlertType::CloseNotify)
                    m_alert = type;
            });
    connect(socket, &QSslSocket::encrypted, this, [this, socket] {
        m_peerChain = socket->peerCertificateChain();
        if (state() == State::Opening)
            markOpen();
    });
    return socket;
}

void TlsTransport::startConnection()
{
    sslSocket()->connectToHostEncrypted(options().host, options().port, verifyName());
}

void TlsTransport::onSocketConnected()
{
    // TCP is up; the stream is usable only after the handshake (encrypted()).
}

TransportError TlsTransport::translateSocketError(QAbstractSocket::SocketError error)
{
    QSslSocket *s = sslSocket();
    if (!m_sslErrors.isEmpty())
        return SslErrorTranslator::fromVerification(m_sslErrors, m_peerChain, verifyName());
    const bool tlsLevel = error == QAbstractSocket::SslHandshakeFailedError ||
                          error == QAbstractSocket::SslInternalError ||
                          error == QAbstractSocket::SslInvalidUserDataError;
    if (tlsLevel || m_alert) {
        if (m_peerChain.isEmpty())
            m_peerChain = s->peerCertificateChain();
        return SslErrorTranslator::fromHandshakeFailure(
            s->errorString(), m_alert, m_configuration.localCertificateChain(), m_peerChain);
    }
    return TcpTransport::translateSocketError(error);
}

} // namespace mqttdesk
