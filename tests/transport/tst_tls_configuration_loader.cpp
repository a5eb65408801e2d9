#include "core/transport/tls_configuration_loader.h"
#include "tests/fixture/test_pki.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using Kind = TransportError::Kind;

Q_DECLARE_METATYPE(mqttdesk::TransportError::Kind)

// Every way a user can get the TLS files wrong, and every form they may rightly bring.
class TstTlsConfigurationLoader : public QObject
{
    Q_OBJECT

private:
    const TestPki &pki = TestPki::instance();
    QTemporaryDir m_tmp;

    QString writeTemp(const QString &name, const QByteArray &data)
    {
        const QString path = m_tmp.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(data);
        return path;
    }

private slots:
    void initTestCase() { QVERIFY2(pki.ok(), qPrintable(pki.errorString())); }

    void acceptedForms_data()
    {
        QTest::addColumn<TlsOptions>("options");
        TlsOptions pem;
        pem.caFiles = {pki.caCert()};
        pem.clientCertificateFile = pki.clientCert();
        pem.clientKeyFile = pki.clientKey();
        QTest::newRow("pem") << pem;
        TlsOptions der = pem;
        der.clientCertificateFile = pki.clientCertDer();
        der.clientKeyFile = pki.clientKeyDer();
        QTest::newRow("der (PKCS#8 key)") << der;
        TlsOptions encrypted = pem;
        encrypted.clientKeyFile = pki.clientKeyEncrypted();
        encrypted.keyPassphrase = TestPki::clientKeyPassphrase();
        QTest::newRow("encrypted key") << encrypted;
        TlsOptions p12;
        p12.caFiles = {pki.caCert()};
        p12.pkcs12File = pki.clientPkcs12();
        p12.pkcs12Password = TestPki::clientPkcs12Password();
        QTest::newRow("pkcs12") << p12;
    }
    void acceptedForms()
    {
        QFETCH(TlsOptions, options);
        QSslConfiguration config;
        TransportError error;
        QVERIFY2(TlsConfigurationLoader::load(options, &config, &error), qPrintable(error.message));
        QVERIFY(!config.privateKey().isNull());
        QCOMPARE(config.localCertificate().subjectInfo(QSslCertificate::CommonName),
                 QStringList{QStringLiteral("mqttdesk-client")});
        QCOMPARE(config.peerVerifyMode(), QSslSocket::VerifyPeer);
        QVERIFY(config.caCertificates().size() >= 1);
    }

    void rejected_data()
    {
        QTest::addColumn<TlsOptions>("options");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QStringList>("messageParts");

        const QString missing = m_tmp.filePath(QStringLiteral("missing.pem"));
        TlsOptions o;
        o.caFiles = {missing};
        QTest::newRow("missing CA file")
            << o << Kind::FileUnreadable << QStringList{missing, QStringLiteral("No such file")};

        o = {};
        o.caFiles = {pki.clientKey()};
        QTest::newRow("key as CA") << o << Kind::InvalidCertificate
                                   << QStringList{pki.clientKey(), QStringLiteral("private key")};

        const QString garbage = writeTemp(QStringLiteral("garbage.pem"), "hello, not a cert\n");
        o = {};
        o.caFiles = {garbage};
        QTest::newRow("garbage CA")
            << o << Kind::InvalidCertificate << QStringList{garbage, QStringLiteral("not a cert")};

        o = {};
        o.clientCertificateFile = pki.clientCert();
        o.clientKeyFile = pki.clientCert();
        QTest::newRow("certificate as key")
            << o << Kind::InvalidKey
            << QStringList{pki.clientCert(), QStringLiteral("not a private key")};

        o.clientKeyFile = pki.clientKeyEncrypted();
        QTest::newRow("encrypted key without passphrase")
            << o << Kind::PassphraseRequired << QStringList{pki.clientKeyEncrypted()};

        o.keyPassphrase = "wrong passphrase";
        QTest::newRow("wrong passphrase")
            << o << Kind::WrongPassphrase
            << QStringList{pki.clientKeyEncrypted(), QStringLiteral("passphrase")};

        o.keyPassphrase = {};
        o.clientKeyFile = pki.unrelatedKey();
        QTest::newRow("key of another certificate")
            << o << Kind::TlsKeyMismatch
            << QStringList{pki.unrelatedKey(), QStringLiteral("CN=mqttdesk-client"),
                           QStringLiteral("does not belong")};

        o.clientKeyFile = missing;
        QTest::newRow("missing key file")
            << o << Kind::FileUnreadable << QStringList{missing, QStringLiteral("No such file")};

        o = {};
        o.clientCertificateFile = pki.clientCert();
        QTest::newRow("certificate without key")
            << o << Kind::InvalidOptions << QStringList{QStringLiteral("key")};

        o = {};
        o.pkcs12File = pki.clientPkcs12();
        o.pkcs12Password = "wrong password";
        QTest::newRow("pkcs12 wrong password")
            << o << Kind::WrongPassphrase
            << QStringList{pki.clientPkcs12(), QStringLiteral("password is wrong")};

        o.pkcs12File = pki.clientCert();
        QTest::newRow("pem as pkcs12")
            << o << Kind::InvalidCertificate << QStringList{QStringLiteral("not a PKCS#12")};
    }
    void rejected()
    {
        QFETCH(TlsOptions, options);
        QFETCH(Kind, kind);
        QFETCH(QStringList, messageParts);
        QSslConfiguration config;
        TransportError error;
        QVERIFY(!TlsConfigurationLoader::load(options, &config, &error));
        QCOMPARE(TransportError::kindName(error.kind), TransportError::kindName(kind));
        for (const QString &part : messageParts)
            QVERIFY2(error.message.contains(part), qPrintable(error.message));
        // Secrets never reach a message.
        QVERIFY(!error.message.contains(QLatin1String("wrong passphrase")));
        QVERIFY(!error.message.contains(QLatin1String("wrong password")));
    }

    void insecureTurnsVerificationOff()
    {
        TlsOptions options;
        options.insecure = true;
        options.minimumVersion = TlsOptions::MinimumVersion::Tls1_3;
        options.alpnProtocols = {QStringLiteral("mqtt")};
        QSslConfiguration config;
        TransportError error;
        QVERIFY(TlsConfigurationLoader::load(options, &config, &error));
        QCOMPARE(config.peerVerifyMode(), QSslSocket::VerifyNone);
        QCOMPARE(config.protocol(), QSsl::TlsV1_3OrLater);
        QCOMPARE(config.allowedNextProtocols(), QList<QByteArray>{"mqtt"});
    }
};

QTEST_GUILESS_MAIN(TstTlsConfigurationLoader)
#include "tst_tls_configuration_loader.moc"
