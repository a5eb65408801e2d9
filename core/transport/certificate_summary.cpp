#include "core/transport/certificate_summary.h"

#include <QSslCertificate>

#include <algorithm>

namespace mqttdesk {

QString CertificateSummary::distinguishedName(const QSslCertificate &certificate, bool issuer,
                                              Order order)
{
    const QList<QByteArray> attributes =
        issuer ? certificate.issuerInfoAttributes() : certificate.subjectInfoAttributes();
    QStringList parts;
    for (const QByteArray &attribute : attributes) {
        const QStringList values =
            issuer ? certificate.issuerInfo(attribute) : certificate.subjectInfo(attribute);
        for (const QString &value : values)
            parts << QString::fromLatin1(attribute) + QLatin1Char('=') + value;
    }
    if (order == Order::CommonNameFirst)
        std::stable_partition(parts.begin(), parts.end(), [](const QString &part) {
            return part.startsWith(QLatin1String("CN="));
        });
    return parts.join(QStringLiteral(", "));
}

QString CertificateSummary::formatDate(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

CertificateSummary CertificateSummary::from(const QSslCertificate &certificate)
{
    CertificateSummary s;
    s.subject = distinguishedName(certificate, false);
    s.issuer = distinguishedName(certificate, true);
    s.notBefore = certificate.effectiveDate().toUTC();
    s.expiry = certificate.expiryDate().toUTC();
    s.sha256Fingerprint = certificate.digest(QCryptographicHash::Sha256);
    const auto alternatives = certificate.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it)
        s.names << it.value();
    if (s.names.isEmpty())
        s.names = certificate.subjectInfo(QSslCertificate::CommonName);
    return s;
}

QList<CertificateSummary> CertificateSummary::fromChain(const QList<QSslCertificate> &chain)
{
    QList<CertificateSummary> result;
    result.reserve(chain.size());
    for (const QSslCertificate &certificate : chain)
        result << from(certificate);
    return result;
}

} // namespace mqttdesk
