#include "core/transport/tls_configuration_loader.h"

#include "core/transport/key_pair_check.h"
#include "core/transport/tls_file_parser.h"

#include <QFile>

namespace mqttdesk {

namespace {

using Kind = TransportError::Kind;

TransportError fileError(Kind kind, const QString &path, const QString &message)
{
    TransportError e = TransportError::make(kind, message);
    e.path = path;
    return e;
}

} // namespace

bool TlsConfigurationLoader::readFile(const QString &path, const QString &role, QByteArray *data,
                                      TransportError *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            fileError(Kind::FileUnreadable, path,
                      tr("Cannot read the %1 file `%2`: %3.").arg(role, path, file.errorString()));
        return false;
    }
    *data = file.readAll();
    if (data->isEmpty()) {
        *error =
            fileError(Kind::FileUnreadable, path, tr("The %1 file `%2` is empty.").arg(role, path));
        return false;
    }
    return true;
}

bool TlsConfigurationLoader::loadCertificates(const QString &path,
                                              QList<QSslCertificate> *certificates,
                                              TransportError *error)
{
    QByteArray data;
    if (!readFile(path, tr("certificate"), &data, error))
        return false;
    switch (TlsFileParser::certificates(data, certificates)) {
    case TlsFileParser::Outcome::Ok:
        return true;
    case TlsFileParser::Outcome::KeyInsteadOfCertificate:
        *error = fileError(Kind::InvalidCertificate, path,
                           tr("`%1` holds a private key, not a certificate.").arg(path));
        return false;
    default:
        *error = fileError(
            Kind::InvalidCertificate, path,
            tr("`%1` is not a certificate: it holds no PEM or DER X.509 certificate.").arg(path));
        return false;
    }
}

bool TlsConfigurationLoader::loadPrivateKey(const QString &path, const QByteArray &passphrase,
                                            QSslKey *key, TransportError *error)
{
    QByteArray data;
    if (!readFile(path, tr("private key"), &data, error))
        return false;
    switch (TlsFileParser::privateKey(data, passphrase, key)) {
    case TlsFileParser::Outcome::Ok:
        return true;
    case TlsFileParser::Outcome::PassphraseRequired:
        *error =
            fileError(Kind::PassphraseRequired, path,
                      tr("The private key `%1` is encrypted: enter its passphrase.").arg(path));
        return false;
    case TlsFileParser::Outcome::WrongPassphrase:
        *error = fileError(Kind::WrongPassphrase, path,
                           tr("The passphrase for the private key `%1` is wrong.").arg(path));
        return false;
    case TlsFileParser::Outcome::CertificateInsteadOfKey:
        *error = fileError(Kind::InvalidKey, path,
                           tr("`%1` holds a certificate, not a private key.").arg(path));
        return false;
    default:
        *error = fileError(Kind::InvalidKey, path,
                           tr("`%1` is not a private key: expected an RSA, EC or DSA key in PEM "
                              "or DER.")
                               .arg(path));
        return false;
    }
}

bool TlsConfigurationLoader::loadPkcs12(const QString &path, const QByteArray &password,
                                        QSslKey *key, QSslCertificate *certificate,
                                        QList<QSslCertificate> *chain, TransportError *error)
{
    QByteArray data;
    if (!readFile(path, tr("PKCS#12"), &data, error))
        return false;
    switch (TlsFileParser::pkcs12(data, password, key, certificate, chain)) {
    case TlsFileParser::Outcome::Ok:
        return true;
    case TlsFileParser::Outcome::NotPkcs12:
        *error = fileError(Kind::InvalidCertificate, path,
                           tr("`%1` is not a PKCS#12 bundle (.p12 / .pfx).").arg(path));
        return false;
    case TlsFileParser::Outcome::PassphraseRequired:
        *error =
            fileError(Kind::PassphraseRequired, path,
                      tr("The PKCS#12 bundle `%1` is protected: enter its password.").arg(path));
        return false;
    default:
        *error = fileError(Kind::WrongPassphrase, path,
                           tr("Cannot open the PKCS#12 bundle `%1`: the password is wrong, or the "
                              "bundle uses an algorithm this system's OpenSSL does not support.")
                               .arg(path));
        return false;
    }
}

bool TlsConfigurationLoader::checkKeyPair(const QSslCertificate &certificate, const QSslKey &key,
                                          const QString &keyPath, TransportError *error)
{
    if (KeyPairCheck::matches(certificate, key) != std::optional<bool>(false))
        return true;
    const CertificateSummary summary = CertificateSummary::from(certificate);
    *error = fileError(Kind::TlsKeyMismatch, keyPath,
                       tr("The private key `%1` does not belong to the client certificate `%2`: "
                          "their public keys differ. Pick the key made with that certificate.")
                           .arg(keyPath, summary.subject));
    return false;
}

bool TlsConfigurationLoader::load(const TlsOptions &options, QSslConfiguration *config,
                                  TransportError *error)
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();

    if (!options.caFiles.isEmpty()) {
        QList<QSslCertificate> cas;
        if (options.useSystemCas)
            cas = QSslConfiguration::systemCaCertificates();
        for (const QString &path : options.caFiles) {
            QList<QSslCertificate> found;
            if (!loadCertificates(path, &found, error))
                return false;
            cas += found;
        }
        c.setCaCertificates(cas);
    }

    if (!options.pkcs12File.isEmpty()) {
        QSslKey key;
        QSslCertificate certificate;
        QList<QSslCertificate> chain;
        if (!loadPkcs12(options.pkcs12File, options.pkcs12Password, &key, &certificate, &chain,
                        error))
            return false;
        c.setPrivateKey(key);
        c.setLocalCertificateChain(QList<QSslCertificate>{certificate} + chain);
    } else if (!options.clientCertificateFile.isEmpty() || !options.clientKeyFile.isEmpty()) {
        if (options.clientCertificateFile.isEmpty() || options.clientKeyFile.isEmpty()) {
            *error = TransportError::make(
                Kind::InvalidOptions,
                options.clientKeyFile.isEmpty()
                    ? tr("A client certificate needs its private key: choose the key file.")
                    : tr("A client key needs its certificate: choose the certificate file."));
            return false;
        }
        QList<QSslCertificate> chain;
        QSslKey key;
        if (!loadCertificates(options.clientCertificateFile, &chain, error) ||
            !loadPrivateKey(options.clientKeyFile, options.keyPassphrase, &key, error) ||
            !checkKeyPair(chain.first(), key, options.clientKeyFile, error))
            return false;
        c.setPrivateKey(key);
        c.setLocalCertificateChain(chain);
    }

    c.setPeerVerifyMode(options.insecure ? QSslSocket::VerifyNone : QSslSocket::VerifyPeer);
    switch (options.minimumVersion) {
    case TlsOptions::MinimumVersion::Default:
        c.setProtocol(QSsl::SecureProtocols);
        break;
    case TlsOptions::MinimumVersion::Tls1_2:
        c.setProtocol(QSsl::TlsV1_2OrLater);
        break;
    case TlsOptions::MinimumVersion::Tls1_3:
        c.setProtocol(QSsl::TlsV1_3OrLater);
        break;
    }
    if (!options.alpnProtocols.isEmpty()) {
        QList<QByteArray> protocols;
        for (const QString &p : options.alpnProtocols)
            protocols << p.toUtf8();
        c.setAllowedNextProtocols(protocols);
    }
    *config = c;
    return true;
}

} // namespace mqttdesk
