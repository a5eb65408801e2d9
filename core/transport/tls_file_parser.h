#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>

namespace mqttdesk {

// Parses the contents of TLS files: certificates, private keys and PKCS#12 bundles, PEM or
// DER. The one parser behind TlsConfigurationLoader (when connecting) and
// CertificateInspector (when the user picks a file), so both accept the same files and
// agree on what is wrong with the others; each words the outcome for its own audience.
class TlsFileParser
{
public:
    enum class Outcome
    {
        Ok,
        NotCertificate, // neither PEM nor DER X.509
        KeyInsteadOfCertificate,
        NotKey, // no RSA, EC or DSA key in PEM or DER
        CertificateInsteadOfKey,
        PassphraseRequired, // encrypted, and no passphrase given
        WrongPassphrase,    // encrypted, and the passphrase does not open it
        NotPkcs12,
    };

    // One or more certificates.
    static Outcome certificates(const QByteArray &data, QList<QSslCertificate> *certificates);
    // RSA, EC or DSA; PKCS#1, SEC1 or PKCS#8; PEM or DER; encrypted with `passphrase`.
    static Outcome privateKey(const QByteArray &data, const QByteArray &passphrase, QSslKey *key);
    // The key, its certificate and the rest of the chain.
    static Outcome pkcs12(const QByteArray &data, const QByteArray &password, QSslKey *key,
                          QSslCertificate *certificate, QList<QSslCertificate> *chain);
};

} // namespace mqttdesk
