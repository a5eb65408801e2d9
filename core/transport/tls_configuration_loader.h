#pragma once

#include "core/transport/tls_options.h"
#include "core/transport/transport_error.h"

#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

namespace mqttdesk {

// Turns TlsOptions into a client QSslConfiguration, reading every file and reporting the
// first problem precisely: which file, and whether it is unreadable, not a certificate,
// not a key, encrypted without (or with the wrong) passphrase, or a key of another
// certificate. Secrets are never copied into messages.
class TlsConfigurationLoader
{
    Q_DECLARE_TR_FUNCTIONS(TlsConfigurationLoader)

public:
    static bool load(const TlsOptions &options, QSslConfiguration *config, TransportError *error);

    // One or more certificates, PEM or DER.
    static bool loadCertificates(const QString &path, QList<QSslCertificate> *certificates,
                                 TransportError *error);
    // RSA, EC or DSA; PEM or DER (PKCS#1, SEC1 or PKCS#8); encrypted with `passphrase`.
    static bool loadPrivateKey(const QString &path, const QByteArray &passphrase, QSslKey *key,
                               TransportError *error);
    static bool loadPkcs12(const QString &path, const QByteArray &password, QSslKey *key,
                           QSslCertificate *certificate, QList<QSslCertificate> *chain,
                           TransportError *error);
    // TlsKeyMismatch when the key provably belongs to another certificate.
    static bool checkKeyPair(const QSslCertificate &certificate, const QSslKey &key,
                             const QString &keyPath, TransportError *error);

private:
    static bool readFile(const QString &path, const QString &role, QByteArray *data,
                         TransportError *error);
};

} // namespace mqttdesk
