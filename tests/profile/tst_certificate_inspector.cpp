#include "core/profile/certificate_inspector.h"
#include "tests/fixture/test_pki.h"

#include <QFile>
#include <QTest>

using namespace mqttdesk;

class TestCertificateInspector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_pki.ok(), qPrintable(m_pki.errorString())); }

    void validCertificateIsSummarized()
    {
        const TlsFileReport report = CertificateInspector::inspectCertificates(m_pki.clientCert());
        QCOMPARE(report.status, TlsFileReport::Status::Ok);
        QCOMPARE(report.certificates.size(), 1);
        QVERIFY(
            report.certificates.first().subject.startsWith(QStringLiteral("CN=mqttdesk-client")));
        QVERIFY(
            report.certificates.first().issuer.startsWith(QStringLiteral("CN=MQTT Desk Test CA")));
        QVERIFY(!report.certificates.first().expired);
    }

    void expiredCertificateIsFlagged()
    {
        const TlsFileReport report = CertificateInspector::inspectCertificates(m_pki.expiredCert());
        QCOMPARE(report.status, TlsFileReport::Status::Warning);
        QVERIFY(report.certificates.first().expired);
        QVERIFY2(report.problem.contains(QStringLiteral("expired on 2021-01-01")),
                 qPrintable(report.problem));
    }

    void garbageIsNotACertificate()
    {
        const TlsFileReport report =
            CertificateInspector::inspectCertificates(m_pki.notACertificate());
        QVERIFY(report.isError());
        QVERIFY2(report.problem.contains(QStringLiteral("is not a certificate")),
                 qPrintable(report.problem));
    }

    void keyGivenAsCertificateIsNamed()
    {
        const TlsFileReport report = CertificateInspector::inspectCertificates(m_pki.clientKey());
        QVERIFY(report.isError());
        QVERIFY2(report.problem.contains(QStringLiteral("is a private key, not a certificate")),
                 qPrintable(report.problem));
    }

    void missingFileIsUnreadable()
    {
        const TlsFileReport report =
            CertificateInspector::inspectCertificates(m_pki.dir() + QStringLiteral("/nope.pem"));
        QVERIFY(report.isError());
        QVERIFY(report.problem.contains(QStringLiteral("does not exist")));
    }

    void certificateGivenAsKeyIsNamed()
    {
        const TlsFileReport report = CertificateInspector::inspectKey(m_pki.clientCert(), {});
        QVERIFY(report.isError());
        QVERIFY2(report.problem.contains(QStringLiteral("is a certificate, not a private key")),
                 qPrintable(report.problem));
    }

    void encryptedKeyNeedsTheRightPassphrase()
    {
        QVERIFY(CertificateInspector::inspectKey(m_pki.clientKeyEncrypted(), {})
                    .problem.contains(QStringLiteral("enter its passphrase")));
        QVERIFY(
            CertificateInspector::inspectKey(m_pki.clientKeyEncrypted(), QStringLiteral("wrong"))
                .problem.contains(QStringLiteral("passphrase")));
        const TlsFileReport good = CertificateInspector::inspectKey(
            m_pki.clientKeyEncrypted(), QString::fromLatin1(TestPki::clientKeyPassphrase()));
        QVERIFY2(!good.isError(), qPrintable(good.problem));
        QVERIFY(!good.key.isNull());
    }

    void keyMatchIsChecked()
    {
        const QSslCertificate certificate =
            CertificateInspector::inspectCertificates(m_pki.clientCert())
                .loadedCertificates.first();
        const QSslKey own = CertificateInspector::inspectKey(m_pki.clientKey(), {}).key;
        const QSslKey other = CertificateInspector::inspectKey(m_pki.unrelatedKey(), {}).key;
        QVERIFY(CertificateInspector::keyMatches(certificate, own));
        QVERIFY(!CertificateInspector::keyMatches(certificate, other));
        const auto warning = CertificateInspector::checkKeyMatch(certificate, other);
        QVERIFY(warning.has_value());
        QVERIFY(warning->contains(QStringLiteral("does not belong")));
    }

    void pkcs12OpensWithItsPassword()
    {
        const TlsFileReport good = CertificateInspector::inspectPkcs12(
            m_pki.clientPkcs12(), QString::fromLatin1(TestPki::clientPkcs12Password()));
        QVERIFY2(!good.isError(), qPrintable(good.problem));
        QVERIFY(!good.key.isNull());
        QVERIFY(good.certificates.first().subject.startsWith(QStringLiteral("CN=mqttdesk-client")));
        const TlsFileReport bad =
            CertificateInspector::inspectPkcs12(m_pki.clientPkcs12(), QStringLiteral("wrong"));
        QVERIFY(bad.isError());
        QVERIFY(bad.problem.contains(QStringLiteral("password is wrong")));
    }

private:
    const TestPki &m_pki = TestPki::instance();
};

QTEST_GUILESS_MAIN(TestCertificateInspector)
#include "tst_certificate_inspector.moc"
