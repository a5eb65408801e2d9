#include "core/profile/certificate_inspector.h"

#include "core/transport/certificate_summary.h"
#include "core/transport/key_pair_check.h"
#include "core/transport/tls_file_parser.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace mqttdesk {

namespace {

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
        *problem = QCoreApplication::translate("mqttdesk::CertificateInspector",
                                               "The file %1 does not exist.")
                       .arg(path);
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = QCoreApplication::translate("mqttdesk::CertificateInspector",
                                               "The file %1 cannot be read: %2")
                       .arg(path, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

} // namespace

QString CertificateInspector::distinguishedName(const QSslCertificate &certificate, bool issuer)
{
    return CertificateSummary::distinguishedName(certificate, issuer,
                                                 CertificateSummary::Order::CommonNameFirst);
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

void CertificateInspector::addCertificates(TlsFileReport *report,
                                           const QList<QSslCertificate> &certificates)
{
    report->loadedCertificates += certificates;
    for (const QSslCertificate &certificate : certificates) {
        const CertificateDetails summary = summarize(certificate);
        // The first certificate out of its validity period is the one to name.
        if (report->status == TlsFileReport::Status::Ok && summary.expired) {
            report->status = TlsFileReport::Status::Warning;
            report->problem =
                QCoreApplication::translate("mqttdesk::CertificateInspector",
                                            "The certificate %1 expired on %2.")
                    .arg(summary.subject,
                         summary.notAfter.toUTC().toString(QStringLiteral("yyyy-MM-dd")));
        } else if (report->status == TlsFileReport::Status::Ok && summary.notYetValid) {
            report->status = TlsFileReport::Status::Warning;
            report->problem =
                QCoreApplication::translate("mqttdesk::CertificateInspector",
                                            "The certificate %1 is not valid before %2.")
                    .arg(summary.subject,
                         summary.notBefore.toUTC().toString(QStringLiteral("yyyy-MM-dd")));
        }
        report->certificates << summary;
    }
}

TlsFileReport CertificateInspector::inspectCertificates(const QString &path)
{
    QString problem;
    const auto data = readFile(path, &problem);
    if (!data)
        return failure(problem);
    QList<QSslCertificate> certificates;
    switch (TlsFileParser::certificates(*data, &certificates)) {
    case TlsFileParser::Outcome::Ok:
        break;
    case TlsFileParser::Outcome::KeyInsteadOfCertificate:
        return failure(QCoreApplication::translate("mqttdesk::CertificateInspector",
                                                   "%1 is a private key, not a certificate.")
                           .arg(QFileInfo(path).fileName()));
    default:
        return failure(
            QCoreApplication::translate("mqttdesk::CertificateInspector",
                                        "%1 is not a certificate (neither PEM nor DER X.509).")
                .arg(QFileInfo(path).fileName()));
    }
    TlsFileReport report;
    addCertificates(&report, certificates);
    return report;
}

TlsFileReport CertificateInspector::inspectKey(const QString &path, const QString &passphrase)
{
    QString problem;
    const auto data = readFile(path, &problem);
    if (!data)
        return failure(problem);
    const QString name = QFileInfo(path).fileName();
    QSslKey key;
    switch (TlsFileParser::privateKey(*data, passphrase.toUtf8(), &key)) {
    case TlsFileParser::Outcome::Ok:
        break;
    case TlsFileParser::Outcome::PassphraseRequired:
        return failure(QCoreApplication::translate("mqttdesk::CertificateInspector",
                                                   "%1 is encrypted: enter its passphrase.")
                           .arg(name));
    case TlsFileParser::Outcome::WrongPassphrase:
        return failure(QCoreApplication::translate("mqttdesk::CertificateInspector",
                                                   "The passphrase for %1 is wrong.")
                           .arg(name));
    case TlsFileParser::Outcome::CertificateInsteadOfKey:
        return failure(QCoreApplication::translate("mqttdesk::CertificateInspector",
                                                   "%1 is a certificate, not a private key.")
                           .arg(name));
    default:
        return failure(QCoreApplication::translate("mqttdesk::CertificateInspector",
                                                   "%1 is not a private key (neither PEM nor DER).")
                           .arg(name));
    }
    TlsFileReport report;
    report.key = key;
    return report;
}

TlsFileReport CertificateInspector::inspectPkcs12(const QString &path, const QString &password)
{
    QString problem;
    const auto data = readFile(path, &problem);
    if (!data)
        return failure(problem);
    QSslKey key;
    QSslCertificate certificate;
    QList<QSslCertificate> chain;
    if (TlsFileParser::pkcs12(*data, password.toUtf8(), &key, &certificate, &chain) !=
        TlsFileParser::Outcome::Ok)
        return failure(QCoreApplication::translate(
                           "mqttdesk::CertificateInspector",
                           "%1 could not be opened: the password is wrong or it is not a PKCS#12 "
                           "bundle.")
                           .arg(QFileInfo(path).fileName()));
    TlsFileReport report;
    report.key = key;
    addCertificates(&report, QList<QSslCertificate>{certificate} + chain);
    return report;
}

bool CertificateInspector::keyMatches(const QSslCertificate &certificate, const QSslKey &key)
{
    if (certificate.isNull() || key.isNull())
        return false;
    // When it cannot tell, no false alarm: the TLS backend still refuses a mismatch.
    return KeyPairCheck::matches(certificate, key).value_or(true);
}

std::optional<QString> CertificateInspector::checkKeyMatch(const QSslCertificate &certificate,
                                                           const QSslKey &key)
{
    if (keyMatches(certificate, key))
        return std::nullopt;
    return QCoreApplication::translate(
               "mqttdesk::CertificateInspector",
               "The private key does not belong to the certificate %1: the server will reject "
               "the connection.")
        .arg(distinguishedName(certificate, false));
}

} // namespace mqttdesk
