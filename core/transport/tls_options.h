#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace mqttdesk {

// What a TLS connection trusts and presents. Files are loaded at open() time by
// TlsConfigurationLoader, which reports each problem as a typed TransportError.
struct TlsOptions
{
    enum class MinimumVersion
    {
        Default,
        Tls1_2,
        Tls1_3
    };

    // PEM or DER files with one or more CA certificates; empty: the system CAs.
    QStringList caFiles;
    // Also trust the system CAs when caFiles is not empty.
    bool useSystemCas = false;

    // Client certificate and key, each PEM or DER. The key may be encrypted.
    QString clientCertificateFile;
    QString clientKeyFile;
    QByteArray keyPassphrase;

    // Alternatively a PKCS#12 bundle (certificate, key and optional chain).
    QString pkcs12File;
    QByteArray pkcs12Password;

    // Verification is on unless the user explicitly asks for an insecure connection.
    bool insecure = false;
    // The name sent as SNI and checked against the certificate; empty: the host.
    QString peerName;
    QStringList alpnProtocols;
    MinimumVersion minimumVersion = MinimumVersion::Default;
    // Where to write the TLS session keys in NSS key log format (for Wireshark; see
    // TlsKeyLog). Empty: the SSLKEYLOGFILE environment variable when set, else nowhere; a
    // path here wins over SSLKEYLOGFILE.
    QString keyLogFile;
};

} // namespace mqttdesk
