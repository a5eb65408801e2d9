#pragma once

#include "core/transport/transport_error.h"

#include <QCoreApplication>
#include <QList>
#include <QSsl>
#include <QSslCertificate>
#include <QSslError>

#include <optional>

namespace mqttdesk {

// Names a failed TLS handshake the way a user can act on it: which certificate, which
// problem (expired on which date, which names it holds, which issuer is unknown).
class SslErrorTranslator
{
    Q_DECLARE_TR_FUNCTIONS(SslErrorTranslator)

public:
    // The server certificate failed verification. `verifyName` is the name we checked
    // (the peer-name override or the host).
    static TransportError fromVerification(const QList<QSslError> &errors,
                                           const QList<QSslCertificate> &chain,
                                           const QString &verifyName);
    // The handshake failed without a verification error: typically the server refused our
    // client certificate (or the lack of one), which it says with a TLS alert.
    static TransportError fromHandshakeFailure(const QString &backendText,
                                               std::optional<QSsl::AlertType> alertReceived,
                                               const QList<QSslCertificate> &localChain,
                                               const QList<QSslCertificate> &peerChain);

private:
    // `certificate` is the one the error is about; for an unknown issuer that may be the
    // untrusted root at the end of the chain, while the user thinks of the leaf.
    static TransportError describe(const QSslError &error, const QSslCertificate &certificate,
                                   const QString &leafSubject, const QString &verifyName);
};

} // namespace mqttdesk
