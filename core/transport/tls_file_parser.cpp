#include "core/transport/tls_file_parser.h"

#include <QBuffer>

namespace mqttdesk {

namespace {

// PKCS#8 EncryptedPrivateKeyInfo starts with an AlgorithmIdentifier SEQUENCE, where a plain
// PrivateKeyInfo or PKCS#1/SEC1 key starts with an INTEGER version.
bool derLooksEncrypted(const QByteArray &der)
{
    if (der.size() < 4 || quint8(der[0]) != 0x30)
        return false;
    const int lengthBytes = (quint8(der[1]) & 0x80) ? (quint8(der[1]) & 0x7f) : 0;
    const qsizetype inner = 2 + lengthBytes;
    return inner < der.size() && quint8(der[inner]) == 0x30;
}

QByteArray pemWrap(const QByteArray &der, const QByteArray &label)
{
    QByteArray pem = "-----BEGIN " + label + "-----\n";
    const QByteArray base64 = der.toBase64();
    for (qsizetype i = 0; i < base64.size(); i += 64)
        pem += base64.mid(i, 64) + '\n';
    pem += "-----END " + label + "-----\n";
    return pem;
}

QList<QSslCertificate> parseCertificates(const QByteArray &data)
{
    QList<QSslCertificate> found = QSslCertificate::fromData(data, QSsl::Pem);
    if (found.isEmpty() && !data.contains("-----BEGIN"))
        found = QSslCertificate::fromData(data, QSsl::Der);
    found.removeIf([](const QSslCertificate &c) { return c.isNull(); });
    return found;
}

} // namespace

TlsFileParser::Outcome TlsFileParser::certificates(const QByteArray &data,
                                                   QList<QSslCertificate> *certificates)
{
    const QList<QSslCertificate> found = parseCertificates(data);
    if (found.isEmpty())
        return data.contains("PRIVATE KEY") ? Outcome::KeyInsteadOfCertificate
                                            : Outcome::NotCertificate;
    *certificates = found;
    return Outcome::Ok;
}

TlsFileParser::Outcome TlsFileParser::privateKey(const QByteArray &data,
                                                 const QByteArray &passphrase, QSslKey *key)
{
    const bool pem = data.contains("-----BEGIN");
    const bool encrypted = pem ? data.contains("ENCRYPTED") : derLooksEncrypted(data);
    if (encrypted && passphrase.isEmpty())
        return Outcome::PassphraseRequired;

    // Qt reads DER keys as PKCS#1/SEC1 only; PKCS#8 DER is tried again wrapped as PEM.
    QList<QPair<QByteArray, QSsl::EncodingFormat>> candidates;
    if (pem) {
        candidates.append({data, QSsl::Pem});
    } else {
        candidates.append({data, QSsl::Der});
        candidates.append(
            {pemWrap(data, encrypted ? "ENCRYPTED PRIVATE KEY" : "PRIVATE KEY"), QSsl::Pem});
    }
    for (const auto &[bytes, format] : candidates) {
        for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
            QSslKey candidate(bytes, algorithm, format, QSsl::PrivateKey, passphrase);
            if (!candidate.isNull()) {
                *key = candidate;
                return Outcome::Ok;
            }
        }
    }
    if (encrypted)
        return Outcome::WrongPassphrase;
    if (data.contains("CERTIFICATE") || !parseCertificates(data).isEmpty())
        return Outcome::CertificateInsteadOfKey;
    return Outcome::NotKey;
}

TlsFileParser::Outcome TlsFileParser::pkcs12(const QByteArray &data, const QByteArray &password,
                                             QSslKey *key, QSslCertificate *certificate,
                                             QList<QSslCertificate> *chain)
{
    // A PKCS#12 PFX is a DER SEQUENCE.
    if (data.isEmpty() || quint8(data[0]) != 0x30)
        return Outcome::NotPkcs12;
    QByteArray copy = data;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    if (!QSslCertificate::importPkcs12(&buffer, key, certificate, chain, password))
        return password.isEmpty() ? Outcome::PassphraseRequired : Outcome::WrongPassphrase;
    return Outcome::Ok;
}

} // namespace mqttdesk
