#include "core/session/scram_authenticator.h"

#include <QCoreApplication>
#include <QList>
#include <QMessageAuthenticationCode>

namespace mqttdesk {

namespace {

const char *const kContext = "mqttdesk::ScramAuthenticator";

// The value of "k=value" attributes in a SCRAM message.
QByteArray attribute(const QList<QByteArray> &parts, char key)
{
    for (const QByteArray &part : parts) {
        if (part.size() >= 2 && part.at(0) == key && part.at(1) == '=')
            return part.mid(2);
    }
    return {};
}

QByteArray xorBytes(const QByteArray &a, const QByteArray &b)
{
    QByteArray out(a.size(), '\0');
    for (qsizetype i = 0; i < a.size() && i < b.size(); ++i)
        out[i] = char(a.at(i) ^ b.at(i));
    return out;
}

} // namespace

std::optional<ScramAuthenticator::Algorithm>
ScramAuthenticator::algorithmForMethod(QStringView method)
{
    if (method == u"SCRAM-SHA-1")
        return Algorithm::Sha1;
    if (method == u"SCRAM-SHA-256")
        return Algorithm::Sha256;
    if (method == u"SCRAM-SHA-512")
        return Algorithm::Sha512;
    return std::nullopt;
}

QCryptographicHash::Algorithm ScramAuthenticator::hashAlgorithm(Algorithm algorithm)
{
    switch (algorithm) {
    case Algorithm::Sha1:
        return QCryptographicHash::Sha1;
    case Algorithm::Sha256:
        return QCryptographicHash::Sha256;
    case Algorithm::Sha512:
        return QCryptographicHash::Sha512;
    }
    return QCryptographicHash::Sha256;
}

ScramAuthenticator::ScramAuthenticator(Algorithm algorithm, const QString &username,
                                       const QByteArray &password, const QByteArray &clientNonce)
    : m_algorithm(algorithm)
    , m_username(escapeUsername(username))
    , m_password(password)
    , m_clientNonce(clientNonce)
{
    m_clientFirstBare =
        QByteArrayLiteral("n=") + m_username + QByteArrayLiteral(",r=") + m_clientNonce;
}

QByteArray ScramAuthenticator::escapeUsername(const QString &username)
{
    QByteArray out;
    for (const char c : username.toUtf8()) {
        if (c == ',')
            out += "=2C";
        else if (c == '=')
            out += "=3D";
        else
            out += c;
    }
    return out;
}

QByteArray ScramAuthenticator::clientFirstMessage() const
{
    return QByteArrayLiteral("n,,") + m_clientFirstBare;
}

QByteArray ScramAuthenticator::hmac(Algorithm algorithm, const QByteArray &key,
                                    const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, hashAlgorithm(algorithm));
}

QByteArray ScramAuthenticator::pbkdf2(Algorithm algorithm, const QByteArray &password,
                                      const QByteArray &salt, int iterations)
{
    // Hi() of RFC 5802 §2.2 = PBKDF2 with one block of the hash's length.
    QMessageAuthenticationCode mac(hashAlgorithm(algorithm), password);
    mac.addData(salt);
    mac.addData("\x00\x00\x00\x01", 4);
    QByteArray u = mac.result();
    QByteArray result = u;
    for (int i = 1; i < iterations; ++i) {
        mac.reset();
        mac.addData(u);
        u = mac.result();
        for (qsizetype j = 0; j < result.size(); ++j)
            result[j] = char(result.at(j) ^ u.at(j));
    }
    return result;
}

std::optional<QByteArray> ScramAuthenticator::clientFinalMessage(QByteArrayView serverFirst,
                                                                 QString *error)
{
    const QByteArray first = serverFirst.toByteArray();
    const QList<QByteArray> parts = first.split(',');
    if (!attribute(parts, 'm').isEmpty()) {
        *error = QCoreApplication::translate(
            kContext, "The server asks for a SCRAM extension this client does not support.");
        return std::nullopt;
    }
    const QByteArray nonce = attribute(parts, 'r');
    const QByteArray salt = QByteArray::fromBase64(attribute(parts, 's'));
    bool ok = false;
    const int iterations = attribute(parts, 'i').toInt(&ok);
    if (nonce.isEmpty() || salt.isEmpty() || !ok || iterations < 1) {
        *error = QCoreApplication::translate(
            kContext, "The server's SCRAM challenge is malformed (it needs r=, s= and i=).");
        return std::nullopt;
    }
    // RFC 5802 §5.1: the server nonce starts with ours.
    if (!nonce.startsWith(m_clientNonce) || nonce.size() == m_clientNonce.size()) {
        *error = QCoreApplication::translate(
            kContext, "The server's SCRAM nonce does not extend the client's nonce; the "
                      "authentication exchange may have been tampered with.");
        return std::nullopt;
    }
    // A bound on the work a hostile server can ask for.
    if (iterations > 10000000) {
        *error = QCoreApplication::translate(
                     kContext, "The server asks for %1 SCRAM iterations, more than this client "
                               "accepts (10,000,000).")
                     .arg(iterations);
        return std::nullopt;
    }

    const QByteArray withoutProof = QByteArrayLiteral("c=biws,r=") + nonce;
    const QByteArray authMessage = m_clientFirstBare + ',' + first + ',' + withoutProof;
    const QByteArray saltedPassword = pbkdf2(m_algorithm, m_password, salt, iterations);
    const QByteArray clientKey = hmac(m_algorithm, saltedPassword, "Client Key");
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, hashAlgorithm(m_algorithm));
    const QByteArray clientSignature = hmac(m_algorithm, storedKey, authMessage);
    const QByteArray proof = xorBytes(clientKey, clientSignature);
    const QByteArray serverKey = hmac(m_algorithm, saltedPassword, "Server Key");
    m_expectedServerSignature = hmac(m_algorithm, serverKey, authMessage);
    return withoutProof + QByteArrayLiteral(",p=") + proof.toBase64();
}

bool ScramAuthenticator::verifyServerFinal(QByteArrayView serverFinal, QString *error) const
{
    const QList<QByteArray> parts = serverFinal.toByteArray().split(',');
    const QByteArray failure = attribute(parts, 'e');
    if (!failure.isEmpty()) {
        *error = QCoreApplication::translate(kContext,
                                             "The server refused the SCRAM authentication: %1.")
                     .arg(QString::fromUtf8(failure));
        return false;
    }
    if (m_expectedServerSignature.isEmpty()) {
        *error = QCoreApplication::translate(
            kContext, "The server ended the SCRAM exchange before it was complete.");
        return false;
    }
    const QByteArray signature = QByteArray::fromBase64(attribute(parts, 'v'));
    if (signature != m_expectedServerSignature) {
        *error = QCoreApplication::translate(
            kContext, "The server's SCRAM signature is wrong: it does not know the password, "
                      "so it may not be the server you meant to reach.");
        return false;
    }
    return true;
}

} // namespace mqttdesk
