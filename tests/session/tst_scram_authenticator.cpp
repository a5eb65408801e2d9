// SCRAM client side against the RFC 5802 (SHA-1) and RFC 7677 (SHA-256) test vectors;
// SHA-512 against values computed independently (Python hashlib/hmac) for the same inputs.
#include "core/session/scram_authenticator.h"

#include <QTest>

using namespace mqttdesk;

class TestScramAuthenticator : public QObject
{
    Q_OBJECT

private slots:
    void vectors_data();
    void vectors();
    void wrongServerSignatureRejected();
    void serverErrorReported();
    void nonceMustExtendOurs();
    void malformedChallenge();
    void usernameEscaped();
    void methodNames();
};

void TestScramAuthenticator::vectors_data()
{
    QTest::addColumn<int>("algorithm");
    QTest::addColumn<QByteArray>("clientNonce");
    QTest::addColumn<QByteArray>("serverFirst");
    QTest::addColumn<QByteArray>("clientFinal");
    QTest::addColumn<QByteArray>("serverFinal");
    QTest::newRow("RFC 5802 SCRAM-SHA-1")
        << int(ScramAuthenticator::Algorithm::Sha1) << QByteArray("fyko+d2lbbFgONRv9qkxdawL")
        << QByteArray("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096")
        << QByteArray("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,"
                      "p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=")
        << QByteArray("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    QTest::newRow("RFC 7677 SCRAM-SHA-256")
        << int(ScramAuthenticator::Algorithm::Sha256) << QByteArray("rOprNGfwEbeRWgbNEkqO")
        << QByteArray("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                      "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")
        << QByteArray("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                      "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
        << QByteArray("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    QTest::newRow("SCRAM-SHA-512")
        << int(ScramAuthenticator::Algorithm::Sha512) << QByteArray("rOprNGfwEbeRWgbNEkqO")
        << QByteArray("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                      "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")
        << QByteArray("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                      "p=gMGXRcevScNtxZ6/8lQYpGtnsNAc3mGcmNomv+xnoOMw+3R2xNJdMNnzMlTN8PPC6wdp6"
                      "dybEmDYXYTxwnYPJQ==")
        << QByteArray("v=ZQnYEgWQMFmmsM8aQMF0nDDCy/AgCzkwk8CmMZYcMg0vSVlKDanekLtifDSeVGT4+5Zx"
                      "XnJq199RVG2rR7N7Zw==");
}

void TestScramAuthenticator::vectors()
{
    QFETCH(int, algorithm);
    QFETCH(QByteArray, clientNonce);
    QFETCH(QByteArray, serverFirst);
    QFETCH(QByteArray, clientFinal);
    QFETCH(QByteArray, serverFinal);
    ScramAuthenticator scram(ScramAuthenticator::Algorithm(algorithm), QStringLiteral("user"),
                             QByteArrayLiteral("pencil"), clientNonce);
    QCOMPARE(scram.clientFirstMessage(), QByteArray("n,,n=user,r=") + clientNonce);
    QString error;
    const std::optional<QByteArray> final = scram.clientFinalMessage(serverFirst, &error);
    QVERIFY2(final, qPrintable(error));
    QCOMPARE(*final, clientFinal);
    QVERIFY2(scram.verifyServerFinal(serverFinal, &error), qPrintable(error));
}

void TestScramAuthenticator::wrongServerSignatureRejected()
{
    ScramAuthenticator scram(ScramAuthenticator::Algorithm::Sha1, QStringLiteral("user"),
                             QByteArrayLiteral("pencil"), "fyko+d2lbbFgONRv9qkxdawL");
    QString error;
    QVERIFY(scram.clientFinalMessage(
        "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096", &error));
    QVERIFY(!scram.verifyServerFinal("v=AAAAAAAAAAAAAAAAAAAAAAAAAAA=", &error));
    QVERIFY(error.contains(QStringLiteral("signature")));
}

void TestScramAuthenticator::serverErrorReported()
{
    ScramAuthenticator scram(ScramAuthenticator::Algorithm::Sha256, QStringLiteral("user"),
                             QByteArrayLiteral("pencil"), "abc");
    QString error;
    QVERIFY(!scram.verifyServerFinal("e=invalid-proof", &error));
    QVERIFY(error.contains(QStringLiteral("invalid-proof")));
}

void TestScramAuthenticator::nonceMustExtendOurs()
{
    ScramAuthenticator scram(ScramAuthenticator::Algorithm::Sha256, QStringLiteral("user"),
                             QByteArrayLiteral("pencil"), "mynonce");
    QString error;
    QVERIFY(!scram.clientFinalMessage("r=othernonce123,s=QSXCR+Q6sek8bf92,i=4096", &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!scram.clientFinalMessage("r=mynonce,s=QSXCR+Q6sek8bf92,i=4096", &error));
}

void TestScramAuthenticator::malformedChallenge()
{
    ScramAuthenticator scram(ScramAuthenticator::Algorithm::Sha1, QStringLiteral("user"),
                             QByteArrayLiteral("pencil"), "n");
    QString error;
    QVERIFY(!scram.clientFinalMessage("r=nX,i=4096", &error)); // no salt
    QVERIFY(!error.isEmpty());
    QVERIFY(!scram.clientFinalMessage("r=nX,s=QSXCR+Q6sek8bf92,i=0", &error));
    QVERIFY(!scram.clientFinalMessage("m=ext,r=nX,s=QSXCR+Q6sek8bf92,i=1", &error));
}

void TestScramAuthenticator::usernameEscaped()
{
    QCOMPARE(ScramAuthenticator::escapeUsername(QStringLiteral("a,b=c")), QByteArray("a=2Cb=3Dc"));
}

void TestScramAuthenticator::methodNames()
{
    QCOMPARE(ScramAuthenticator::algorithmForMethod(u"SCRAM-SHA-1"),
             std::optional(ScramAuthenticator::Algorithm::Sha1));
    QCOMPARE(ScramAuthenticator::algorithmForMethod(u"SCRAM-SHA-256"),
             std::optional(ScramAuthenticator::Algorithm::Sha256));
    QCOMPARE(ScramAuthenticator::algorithmForMethod(u"SCRAM-SHA-512"),
             std::optional(ScramAuthenticator::Algorithm::Sha512));
    QVERIFY(!ScramAuthenticator::algorithmForMethod(u"KERBEROS"));
}

QTEST_GUILESS_MAIN(TestScramAuthenticator)
#include "tst_scram_authenticator.moc"
