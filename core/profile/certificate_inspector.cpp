#include "core/profile/certificate_inspector.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace mqttdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("mqttdesk::CertificateInspector", text);
}

TlsFileReport failure(const QString &problem)
{
    TlsFileReport report;
    report.status = TlsFileReport::Status::Error;
    report.problem = problem;
    return report;
}

std::optional<QByteArray> readFile(const QString &path, QString *problem)
{
    QFile file(path);
    if (!QFileInfo::exists(path)) {
        *problem = tr("The file %1 does not exist.").arg(path);
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = tr("The file %1 cannot be read: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

bool looksLikeKey(const QByteArray &data)
{
    return data.contains("PRIVATE KEY-----");
}

bool isEncryptedKey(const QByteArray &data)
{
    return data.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") ||
           data.contains("Proc-Type: 4,ENCRYPTED");
}

QSslKey loadKey(const QByteArray &data, const QByteArray &passphrase)
{
    const QSsl::KeyAlgorithm algorithms[] = {QSsl::Ec, QSsl::Rsa, QSsl::Dsa, QSsl::Dh};
    const QSsl::EncodingFormat formats[] = {QSsl::Pem, QSsl::Der};
    for (QSsl::EncodingFormat format : formats) {
        for (QSsl::KeyAlgorithm algorithm : algorithms) {
            QSslKey key(data, algorithm, format, QSsl::PrivateKey, passphrase);
            if (!key.isNull())
                return key;
        }
    }
    return {};
}

// Minimal DER walking, enough to find the public key bits in a
// SubjectPublicKeyInfo. Returns the content of the TLV at `pos` and advances.
std::optional<QByteArray> readTlv(const QByteArray &der, qsizetype &pos, quint8 *tag)
{
    if (pos + 2 > der.size())
        return std::nullopt;
    *tag = quint8(der.at(pos++));
    qsizetype length = quint8(der.at(pos++));
    if (length & 0x80) {
        const int count = int(length & 0x7f);
        if (count < 1 || count > 4 || pos + count > der.size())
            return std::nullopt;
        length = 0;
        for (int i = 0; i < count; ++i)
            length = (length << 8) | quint8(der.at(pos++));
    }
    if (pos + length > der.size())
        return std::nullopt;
    const QByteArray content = der.mid(pos, length);
    pos += length;
    return content;
}

// The bytes that identify a public key: the EC point, or the RSA modulus.
std::optional<QByteArray> publicKeyFingerprint(const QSslCertificate &certificate)
{
    const QByteArray spki = certificate.publicKey().toDer();
    qsizetype pos = 0;
    quint8 tag = 0;
    const auto outer = readTlv(spki, pos, &tag);
    if (!outer || tag != 0x30)
        return std::nullopt;
    qsizetype inner = 0;
    if (!readTlv(*outer, inner, &tag)) // AlgorithmIdentifier
        return std::nullopt;
    const auto bits = readTlv(*outer, inner, &tag);
    if (!bits || tag != 0x03 || bits->size() < 2)
        return std::nullopt;
    const QByteArray key = bits->mid(1); // skip the unused-bits byte
    if (certificate.publicKey().algorithm() != QSsl::Rsa)
        return key;
    qsizetype rsaPos = 0;
    const auto rsa = readTlv(key, rsaPos, &tag); // RSAPublicKey ::= SEQUENCE { n, e }
    if (!rsa || tag != 0x30)
        return std::nullopt;
    qsizetype nPos = 0;
    return readTlv(*rsa, nPos, &tag);
}

} // namespace

QString CertificateInspector::distinguishedName(const QSslCertificate &certificate, bool issuer)
{
    QStringList parts;
    const QList<QByteArray> attributes =
        issuer ? certificate.issuerInfoAttributes() : certificate.subjectInfoAttributes();
    for (const QByteArray &attribute : attributes) {
        const QStringList values =
            issuer ? certificate.issuerInfo(attribute) : certificate.subjectInfo(attribute);
        for (const QString &value : values)
            parts << QString::fromLatin1(attribute) + QLatin1Char('=') + value;
    }
    // Most specific first: the common name, then the rest in certificate order.
    std::stable_partition(parts.begin(), parts.end(), [](const QString &part) {
        return part.startsWith(QLatin1String("CN="));
    });
    return parts.join(QStringLiteral(", "));
}

CertificateDetails CertificateInspector::summarize(const QSslCertificate &certificate,
                                                   const QDateTime &now)
{
    CertificateDetails summary;
    summary.subject = distinguishedName(certificate, false);
    summary.issuer = distinguishedName(certificate, true);
    summary.notBefore = certificate.effectiveDate();
    summary.notAfter = certificate.expiryDate();
    summary.expired = summary.notAfter < now;
    summary.notYetValid = summary.notBefore > now;
    return summary;
}

TlsFileReport CertificateInspector::inspectCertificates(const QString &path)
{
    QString problem;
    const auto data = readFile(path, &problem);
    if (!data)
        return failure(problem);
    QList<QSslCertificate> certificates = QSslCertificate::fromData(*data, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(*data, QSsl::Der);
    if (certificates.isEmpty()) {
        if (looksLikeKey(*data))
            return failure(
                tr("%1 is a private key, not a certificate.").arg(QFileInfo(path).fileName()));
        return failure(tr("%1 is not a certificate (neither PEM nor DER X.509).")
                           .arg(QFileInfo(path).fileName()));
    }
    TlsFileReport report;
    report.loadedCertificates = certificates;
    for (const QSslCertificate &certificate : std::as_const(certificates)) {
        const CertificateDetails summary = summarize(certificate);
        if (report.status == TlsFileReport::Status::Ok && summary.expired) {
            report.status = TlsFileReport::Status::Warning;
            report.problem =
                tr("The certificate %1 expired on %2.")
                    .arg(summary.subject,
                         summary.notAfter.toUTC().toString(QStringLiteral("yyyy-MM-dd")));
        } else if (report.status == TlsFileReport::Status::Ok && summary.notYetValid) {
            report.status = TlsFileReport::Status::Warning;
            report.problem =
                tr("The certificate %1 is not valid before %2.")
                    .arg(summary.subject,
                         summary.notBefore.toUTC().toString(QStringLiteral("yyyy-MM-dd")));
        }
        report.certificates << summary;
    }
    return report;
}

TlsFileReport CertificateInspector::inspectKey(const QString &path, const QString &passphrase)
{
    QString problem;
    const auto data = readFile(path, &problem);
    if (!data)
        return failure(problem);
    const QString name = QFileInfo(path).fileName();
    const QSslKey key = loadKey(*data, passphrase.toUtf8());
    if (key.isNull()) {
        if (isEncryptedKey(*data) && passphrase.isEmpty())
            return failure(tr("%1 is encrypted: enter its passphrase.").arg(name));
        if (isEncryptedKey(*data))
            return failure(tr("The passphrase for %1 is wrong.").arg(name));
        if (!QSslCertificate::fromData(*data, QSsl::Pem).isEmpty() ||
            !QSslCertificate::fromData(*data, QSsl::Der).isEmpty())
            return failure(tr("%1 is a certificate, not a private key.").arg(name));
        return failure(tr("%1 is not a private key (neither PEM nor DER).").arg(name));
    }
    TlsFileReport report;
    report.key = key;
    return report;
}

TlsFileReport CertificateInspector::inspectPkcs12(const QString &path, const QString &password)
{
    QFile file(path);
    QString problem;
    if (!readFile(path, &problem))
        return failure(problem);
    if (!file.open(QIODevice::ReadOnly))
        return failure(tr("The file %1 cannot be read: %2").arg(path, file.errorString()));
    QSslKey key;
    QSslCertificate certificate;
    QList<QSslCertificate> chain;
    if (!QSslCertificate::importPkcs12(&file, &key, &certificate, &chain, password.toUtf8()))
        return failure(tr("%1 could not be opened: the password is wrong or it is not a PKCS#12 "
                          "bundle.")
                           .arg(QFileInfo(path).fileName()));
    TlsFileReport report;
    report.key = key;
    report.loadedCertificates = QList<QSslCertificate>{certificate} + chain;
    for (const QSslCertificate &c : std::as_const(report.loadedCertificates)) {
        const CertificateDetails summary = summarize(c);
        if (report.status == TlsFileReport::Status::Ok && summary.expired) {
            report.status = TlsFileReport::Status::Warning;
            report.problem =
                tr("The certificate %1 expired on %2.")
                    .arg(summary.subject,
                         summary.notAfter.toUTC().toString(QStringLiteral("yyyy-MM-dd")));
        }
        report.certificates << summary;
    }
    return report;
}

bool CertificateInspector::keyMatches(const QSslCertificate &certificate, const QSslKey &key)
{
    if (certificate.isNull() || key.isNull())
        return false;
    if (certificate.publicKey().algorithm() != key.algorithm())
        return false;
    const auto fingerprint = publicKeyFingerprint(certificate);
    if (!fingerprint || fingerprint->isEmpty())
        return true; // cannot tell: do not raise a false alarm
    // Both the EC private key and the RSA private key encodings carry the
    // public point or modulus.
    return key.toDer().contains(*fingerprint);
}

std::optional<QString> CertificateInspector::checkKeyMatch(const QSslCertificate &certificate,
                                                           const QSslKey &key)
{
    if (keyMatches(certificate, key))
        return std::nullopt;
    return tr("The private key does not belong to the certificate %1: the server will reject "
              "the connection.")
        .arg(distinguishedName(certificate, false));
}

} // namespace mqttdesk
