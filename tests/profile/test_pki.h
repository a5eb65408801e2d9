#pragma once

#include <QString>
#include <QTemporaryDir>

namespace mqttdesk::test {

// A throw-away PKI made with openssl at test time (EC P-256, as in
// BROKER-LAB.md): a CA, a client certificate and its key (plain and
// encrypted), an unrelated key, an expired certificate, a PKCS#12 bundle and a
// file that is no certificate at all.
class TestPki
{
public:
    TestPki();
    bool isValid() const { return m_ok; }
    QString error() const { return m_error; }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QString caCert() const { return path(QStringLiteral("ca.crt")); }
    QString clientCert() const { return path(QStringLiteral("client.crt")); }
    QString clientKey() const { return path(QStringLiteral("client.key")); }
    QString encryptedKey() const { return path(QStringLiteral("client-enc.key")); }
    QString otherKey() const { return path(QStringLiteral("other.key")); }
    QString expiredCert() const { return path(QStringLiteral("expired.crt")); }
    QString pkcs12() const { return path(QStringLiteral("client.p12")); }
    QString garbage() const { return path(QStringLiteral("garbage.pem")); }
    static QString keyPassphrase() { return QStringLiteral("keypass"); }
    static QString pkcs12Password() { return QStringLiteral("p12pass"); }

private:
    bool run(const QStringList &arguments);

    QTemporaryDir m_dir;
    bool m_ok = false;
    QString m_error;
};

} // namespace mqttdesk::test
