#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

class QSslCertificate;

namespace mqttdesk {

// The facts about one certificate the UI shows when a TLS connection fails or succeeds.
struct CertificateSummary
{
    QString subject; // e.g. "CN=localhost"
    QString issuer;
    QDateTime notBefore; // UTC
    QDateTime expiry;    // UTC
    QStringList names;   // subject alternative names (DNS and IP), else the common name
    QByteArray sha256Fingerprint;

    bool isSelfSigned() const { return subject == issuer; }

    static CertificateSummary from(const QSslCertificate &certificate);
    static QList<CertificateSummary> fromChain(const QList<QSslCertificate> &chain);
    enum class Order
    {
        AsListed,        // as the certificate lists them
        CommonNameFirst, // the most specific first: the CN, then the rest as listed
    };
    // "CN=a, O=b".
    static QString distinguishedName(const QSslCertificate &certificate, bool issuer,
                                     Order order = Order::AsListed);
    // "2021-01-01 00:00 UTC"
    static QString formatDate(const QDateTime &utc);
};

} // namespace mqttdesk
