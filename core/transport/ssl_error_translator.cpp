#include "core/transport/ssl_error_translator.h"

namespace mqttdesk {

namespace {

using Kind = TransportError::Kind;

// Lower is reported first: the root cause before its consequences.
int rank(QSslError::SslError error)
{
    switch (error) {
    case QSslError::SelfSignedCertificate:
        return 0;
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
        return 1;
    case QSslError::CertificateExpired:
    case QSslError::CertificateNotYetValid:
        return 2;
    case QSslError::HostNameMismatch:
        return 3;
    default:
        return 4;
    }
}

} // namespace

TransportError SslErrorTranslator::describe(const QSslError &error,
                                            const QSslCertificate &certificate,
                                            const QString &leafSubject, const QString &verifyName)
{
    const CertificateSummary s = CertificateSummary::from(certificate);
    switch (error.error()) {
    case QSslError::SelfSignedCertificate:
        return TransportError::make(
            Kind::TlsSelfSigned,
            tr("The self-signed certificate `%1` is not trusted. If you trust this server, add "
               "the certificate to the trusted CA files.")
                .arg(s.subject));
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
        return TransportError::make(
            Kind::TlsUnknownCa, tr("The server certificate `%1` comes from an unknown issuer `%2`. "
                                   "Add that CA's certificate to the trusted CA files.")
                                    .arg(leafSubject, s.isSelfSigned() ? s.subject : s.issuer));
    case QSslError::CertificateExpired:
        return TransportError::make(Kind::TlsCertificateExpired,
                                    tr("The server certificate `%1` expired on %2.")
                                        .arg(s.subject, CertificateSummary::formatDate(s.expiry)));
    case QSslError::CertificateNotYetValid:
        return TransportError::make(
            Kind::TlsCertificateNotYetValid,
            tr("The server certificate `%1` is not valid before %2. Check this computer's clock.")
                .arg(s.subject, CertificateSummary::formatDate(s.notBefore)));
    case QSslError::HostNameMismatch:
        return TransportError::make(
            Kind::TlsHostNameMismatch,
            // Names the field as the connection dialog's TLS tab labels it (TlsPage).
            tr("The hostname `%1` is not in the certificate names [%2]. Connect with one of "
               "those names, or enter one of them in \"Server name (SNI)\" on the TLS tab.")
                .arg(verifyName, s.names.join(QStringLiteral(", "))));
    default:
        return TransportError::make(Kind::TlsCertificateInvalid,
                                    tr("The server certificate `%1` was rejected: %2.")
                                        .arg(s.subject, error.errorString()));
    }
}

TransportError SslErrorTranslator::fromVerification(const QList<QSslError> &errors,
                                                    const QList<QSslCertificate> &chain,
                                                    const QString &verifyName)
{
    QList<QSslError> sorted = errors;
    std::stable_sort(sorted.begin(), sorted.end(), [](const QSslError &a, const QSslError &b) {
        return rank(a.error()) < rank(b.error());
    });
    const QSslCertificate leaf = chain.isEmpty() ? QSslCertificate() : chain.first();
    TransportError result;
    QStringList also;
    for (const QSslError &error : sorted) {
        const QSslCertificate cert = error.certificate().isNull() ? leaf : error.certificate();
        const TransportError described = describe(
            error, cert, CertificateSummary::distinguishedName(leaf.isNull() ? cert : leaf, false),
            verifyName);
        if (!result.isError())
            result = described;
        else if (described.message != result.message)
            also << described.message;
    }
    if (!result.isError())
        result = TransportError::make(Kind::TlsHandshakeFailed,
                                      tr("The TLS handshake failed without a reason."));
    if (!also.isEmpty())
        result.message += QLatin1Char(' ') + tr("Also: %1").arg(also.join(QLatin1Char(' ')));
    QStringList details;
    for (const QSslError &error : errors)
        details << error.errorString();
    result.detail = details.join(QStringLiteral("; "));
    result.peerChain = CertificateSummary::fromChain(chain);
    if (result.peerChain.isEmpty()) {
        for (const QSslError &error : errors) {
            if (!error.certificate().isNull()) {
                result.peerChain << CertificateSummary::from(error.certificate());
                break;
            }
        }
    }
    return result;
}

TransportError SslErrorTranslator::fromHandshakeFailure(
    const QString &backendText, std::optional<QSsl::AlertType> alertReceived,
    const QList<QSslCertificate> &localChain, const QList<QSslCertificate> &peerChain)
{
    TransportError result;
    const bool offered = !localChain.isEmpty();
    const bool certificateAlert =
        alertReceived && (*alertReceived == QSsl::AlertType::CertificateRequired ||
                          *alertReceived == QSsl::AlertType::BadCertificate ||
                          *alertReceived == QSsl::AlertType::UnsupportedCertificate ||
                          *alertReceived == QSsl::AlertType::CertificateRevoked ||
                          *alertReceived == QSsl::AlertType::CertificateExpired ||
                          *alertReceived == QSsl::AlertType::CertificateUnknown ||
                          *alertReceived == QSsl::AlertType::UnknownCa ||
                          *alertReceived == QSsl::AlertType::AccessDenied ||
                          (*alertReceived == QSsl::AlertType::HandshakeFailure && !offered));
    if (certificateAlert && !offered) {
        result = TransportError::make(
            Kind::TlsClientCertificateRejected,
            tr("The server requires a client certificate, and none is configured. Choose a "
               "client certificate and key, or a PKCS#12 bundle."),
            backendText);
    } else if (certificateAlert) {
        const CertificateSummary s = CertificateSummary::from(localChain.first());
        result = TransportError::make(
            Kind::TlsClientCertificateRejected,
            tr("The server rejected the client certificate `%1` (issued by `%2`): %3. Check that "
               "the server trusts its issuer and that it has not expired.")
                .arg(s.subject, s.issuer, backendText),
            backendText);
    } else if (backendText.contains(QLatin1String("does not certify"))) {
        result = TransportError::make(
            Kind::TlsKeyMismatch, tr("The private key does not belong to the client certificate."),
            backendText);
    } else {
        result =
            TransportError::make(Kind::TlsHandshakeFailed,
                                 tr("The TLS handshake failed: %1").arg(backendText), backendText);
    }
    result.peerChain = CertificateSummary::fromChain(peerChain);
    return result;
}

} // namespace mqttdesk
