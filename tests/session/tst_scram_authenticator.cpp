// SCRAM client side against the RFC 5802 (SHA-1) and RFC 7677 (SHA-256) test vectors;
// SHA-512 against values computed independently (Python hashlib/hmac) for the same inputs.
#include "core/session/scram_authenticator.h"
#include "tests/support/enum_names.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

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
    void tooManyIterations();
    void usernameEscaped();
    void methodNames();
    void errorKindsNamedAndExplained();
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
    const Result<QByteArray, ScramError> final = scram.clientFinalMessage(serverFirst);
    QVERIFY2(final, final ? "" : qPrintable(final.error().message()));
    QCOMPARE(final.value(), clientFinal);
    const std::optional<ScramError> error = scram.verifyServerFinal(serverFinal);
    QVERIFY2(!error, error ? qPrintable(error->message()) : "");
}

void TestScramAuthenticator::wrongServerSignatureRejected()
{
    ScramAuthenticator scram(ScramAuthenticator::Algorithm::Sha1, QStringLiteral("user"),
                             QByteArrayLiteral("pencil"), "fyko+d2lbbFgONRv9qkxdawL");
    QVERIFY(scram.clientFinalMessage(
        "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"));
    const std::optional<ScramError> error =
        scram.verifyServerFinal("v=AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    QVERIFY(error);
    QCOMPARE(error->kind, ScramError::Kind::WrongSignature);
    QVERIFY(error->message().contains(QStringLiteral("signature")));
}

void TestScramAuthenticator::serverErrorReported()
{
    ScramAuthenticator scram(ScramAuthenticator::Algorithm::Sha256, QStringLiteral("user"),
                             QByteArrayLiteral("pencil"), "abc");
    const std::optional<ScramError> error = scram.verifyServerFinal("e=invalid-proof");
    QVERIFY(error);
    QCOMPARE(error->kind, ScramError::Kind::ServerRefused);
    QVERIFY(error->message().contains(QStringLiteral("invalid-proof")));
    // Before the challenge was answered there is no signature to compare.
    const std::optional<ScramError> early = scram.verifyServerFinal("v=AAAA");
    QVERIFY(early);
    QCOMPARE(early->kind, ScramError::Kind::IncompleteExchange);
}

void TestScramAuthenticator::nonceMustExtendOurs()
{
    ScramAuthenticator scram(ScramAuthenticator::Algorithm::Sha256, QStringLiteral("user"),
                             QByteArrayLiteral("pencil"), "mynonce");
    const auto other = scram.clientFinalMessage("r=othernonce123,s=QSXCR+Q6sek8bf92,i=4096");
    QVERIFY(!other);
    QCOMPARE(other.error().kind, ScramError::Kind::NonceMismatch);
    QVERIFY(!other.error().message().isEmpty());
    // Ours alone: the server added nothing of its own.
    const auto same = scram.clientFinalMessage("r=mynonce,s=QSXCR+Q6sek8bf92,i=4096");
    QVERIFY(!same);
    QCOMPARE(same.error().kind, ScramError::Kind::NonceMismatch);
}

void TestScramAuthenticator::malformedChallenge()
{
    ScramAuthenticator scram(ScramAuthenticator::Algorithm::Sha1, QStringLiteral("user"),
                             QByteArrayLiteral("pencil"), "n");
    const auto noSalt = scram.clientFinalMessage("r=nX,i=4096");
    QVERIFY(!noSalt);
    QCOMPARE(noSalt.error().kind, ScramError::Kind::MalformedChallenge);
    const auto noIterations = scram.clientFinalMessage("r=nX,s=QSXCR+Q6sek8bf92,i=0");
    QVERIFY(!noIterations);
    QCOMPARE(noIterations.error().kind, ScramError::Kind::MalformedChallenge);
    const auto extension = scram.clientFinalMessage("m=ext,r=nX,s=QSXCR+Q6sek8bf92,i=1");
    QVERIFY(!extension);
    QCOMPARE(extension.error().kind, ScramError::Kind::UnsupportedExtension);
}

void TestScramAuthenticator::tooManyIterations()
{
    ScramAuthenticator scram(ScramAuthenticator::Algorithm::Sha1, QStringLiteral("user"),
                             QByteArrayLiteral("pencil"), "n");
    const auto result = scram.clientFinalMessage("r=nX,s=QSXCR+Q6sek8bf92,i=10000001");
    QVERIFY(!result);
    QCOMPARE(result.error().kind, ScramError::Kind::TooManyIterations);
    QVERIFY(result.error().message().contains(QStringLiteral("10000001")));
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

void TestScramAuthenticator::errorKindsNamedAndExplained()
{
    using K = ScramError::Kind;
    checkEnumNames(K::UnsupportedExtension, K::MissingSignature, &ScramError::kindName,
                   QStringLiteral("Unknown"));
    QCOMPARE(ScramError::kindName(K::NonceMismatch), QStringLiteral("NonceMismatch"));
    QCOMPARE(ScramError::kindName(K::MissingSignature), QStringLiteral("MissingSignature"));
    checkEnumTexts(K::UnsupportedExtension, K::MissingSignature, [](K kind) {
        return ScramError{kind, QStringLiteral("x")}.message();
    });
}

QTEST_GUILESS_MAIN(TestScramAuthenticator)
#include "tst_scram_authenticator.moc"
