#pragma once

#include "core/profile/tls_file_report.h"

#include <optional>

namespace mqttdesk {

// Loads and checks TLS files (certificates, keys, PKCS#12) as the user picks
// them, so the dialog can say exactly what is wrong before connecting. PEM or
// DER; several certificates in one PEM file are all reported.
class CertificateInspector
{
public:
    static TlsFileReport inspectCertificates(const QString &path);
    static TlsFileReport inspectKey(const QString &path, const QString &passphrase);
    static TlsFileReport inspectPkcs12(const QString &path, const QString &password);

    // A warning when the private key does not belong to the certificate.
    static std::optional<QString> checkKeyMatch(const QSslCertificate &certificate,
                                                const QSslKey &key);
    static bool keyMatches(const QSslCertificate &certificate, const QSslKey &key);

    static CertificateDetails summarize(const QSslCertificate &certificate,
                                        const QDateTime &now = QDateTime::currentDateTimeUtc());
    // "CN=…, O=…" for a subject or issuer.
    static QString distinguishedName(const QSslCertificate &certificate, bool issuer);

private:
    // Adds the certificates with their details; flags the first expired or not yet valid.
    static void addCertificates(TlsFileReport *report, const QList<QSslCertificate> &certificates);
};

} // namespace mqttdesk
