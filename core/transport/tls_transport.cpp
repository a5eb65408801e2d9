#include "core/transport/tls_transport.h"

#include "core/transport/ssl_error_translator.h"
#include "core/transport/tls_configuration_loader.h"
#include "core/transport/tls_key_log.h"

#include <QDir>
#include <QSslSocket>

namespace mqttdesk {

TlsTransport::TlsTransport(const TransportOptions &options, QObject *parent)
    : TcpTransport(options, parent)
{}

TlsTransport::~TlsTransport() = default;

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
    openKeyLog();
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
        reportKeyLogProblems();
        if (state() == State::Opening)
            markOpen();
    });
    return socket;
}

void TlsTransport::startConnection()
{
    if (m_keyLog) {
        // TCP first; onSocketConnected() starts the handshake, so that the key log sees the
        // SSL object being made. The same as connectToHostEncrypted() does internally.
        sslSocket()->setPeerVerifyName(verifyName());
        sslSocket()->connectToHost(options().host, options().port);
        return;
    }
    sslSocket()->connectToHostEncrypted(options().host, options().port, verifyName());
}

void TlsTransport::onSocketConnected()
{
    // TCP is up; the stream is usable only after the handshake (encrypted()). Without a key
    // log, connectToHostEncrypted() has started the handshake already.
    if (!m_keyLog)
        return;
    QString problem;
    if (!m_keyLog->startClientEncryption(sslSocket(), &problem)) {
        m_keyLog.reset();
        emit warningOccurred(problem);
    }
}

void TlsTransport::openKeyLog()
{
    m_keyLog.reset();
    const QString path = TlsKeyLog::pathFor(options().tls.keyLogFile);
    if (path.isEmpty())
        return;
    // Opened for each attempt: the user may have fixed the file since the last one. A file
    // that cannot be written is only a warning: the connection goes on without it.
    QString problem;
    m_keyLog = TlsKeyLog::open(path, &problem);
    if (!m_keyLog) {
        emit warningOccurred(problem);
        return;
    }
    emit noticeOccurred(
        options().tls.keyLogFile.trimmed().isEmpty()
            ? tr("SSLKEYLOGFILE is set: the TLS session keys are written to %1; anyone with "
                 "this file can decrypt the traffic.")
                  .arg(QDir::toNativeSeparators(path))
            : tr("The TLS session keys are written to %1; anyone with this file can decrypt "
                 "the traffic.")
                  .arg(QDir::toNativeSeparators(path)));
}

void TlsTransport::reportKeyLogProblems()
{
    if (!m_keyLog)
        return;
    // Every handshake derives its secrets before it completes: none means they were lost.
    QString problem;
    if (m_keyLog->takeWriteError(&problem))
        emit warningOccurred(problem);
    else if (m_keyLog->linesWritten() == 0)
        emit warningOccurred(tr("The TLS handshake wrote no session keys to %1.")
                                 .arg(QDir::toNativeSeparators(m_keyLog->path())));
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
