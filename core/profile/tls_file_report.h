#pragma once

#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace mqttdesk {

// What the user should know about one certificate.
struct CertificateDetails
{
    QString subject; // "CN=client, O=Example"
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    bool expired = false;
    bool notYetValid = false;
};

// The result of checking a TLS file chosen in the connection dialog.
struct TlsFileReport
{
    enum class Status
    {
        Ok,
        Warning, // usable, but e.g. expired or the key does not match
        Error,   // unusable: unreadable, not a certificate/key, wrong passphrase
    };

    Status status = Status::Ok;
    QString problem; // human-readable, empty when Ok
    QList<CertificateDetails> certificates;
    QList<QSslCertificate> loadedCertificates;
    QSslKey key;

    bool isError() const { return status == Status::Error; }
};

} // namespace mqttdesk
