#include "core/session/scram_authenticator.h"

#include <QList>
#include <QMessageAuthenticationCode>

namespace mqttdesk {

namespace {

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

Result<QByteArray, ScramError> ScramAuthenticator::clientFinalMessage(QByteArrayView serverFirst)
{
    const QByteArray first = serverFirst.toByteArray();
    const QList<QByteArray> parts = first.split(',');
    if (!attribute(parts, 'm').isEmpty())
        return ScramError{ScramError::Kind::UnsupportedExtension, {}};
    const QByteArray nonce = attribute(parts, 'r');
    const QByteArray salt = QByteArray::fromBase64(attribute(parts, 's'));
    bool ok = false;
    const int iterations = attribute(parts, 'i').toInt(&ok);
    if (nonce.isEmpty() || salt.isEmpty() || !ok || iterations < 1)
        return ScramError{ScramError::Kind::MalformedChallenge, {}};
    // RFC 5802 §5.1: the server nonce starts with ours.
    if (!nonce.startsWith(m_clientNonce) || nonce.size() == m_clientNonce.size())
        return ScramError{ScramError::Kind::NonceMismatch, {}};
    if (iterations > kMaximumIterations)
        return ScramError{ScramError::Kind::TooManyIterations, QString::number(iterations)};

    const QByteArray withoutProof = QByteArrayLiteral("c=biws,r=") + nonce;
    const QByteArray authMessage = m_clientFirstBare + ',' + first + ',' + withoutProof;
    const QByteArray saltedPassword = pbkdf2(m_algorithm, m_password, salt, iterations);
    const QByteArray clientKey = hmac(m_algorithm, saltedPassword, "Client Key");
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, hashAlgorithm(m_algorithm));
    const QByteArray clientSignature = hmac(m_algorithm, storedKey, authMessage);
    const QByteArray proof = xorBytes(clientKey, clientSignature);
    const QByteArray serverKey = hmac(m_algorithm, saltedPassword, "Server Key");
    m_expectedServerSignature = hmac(m_algorithm, serverKey, authMessage);
    return QByteArray(withoutProof + QByteArrayLiteral(",p=") + proof.toBase64());
}

std::optional<ScramError> ScramAuthenticator::verifyServerFinal(QByteArrayView serverFinal) const
{
    const QList<QByteArray> parts = serverFinal.toByteArray().split(',');
    const QByteArray failure = attribute(parts, 'e');
    if (!failure.isEmpty())
        return ScramError{ScramError::Kind::ServerRefused, QString::fromUtf8(failure)};
    if (m_expectedServerSignature.isEmpty())
        return ScramError{ScramError::Kind::IncompleteExchange, {}};
    const QByteArray signature = QByteArray::fromBase64(attribute(parts, 'v'));
    if (signature != m_expectedServerSignature)
        return ScramError{ScramError::Kind::WrongSignature, {}};
    return std::nullopt;
}

} // namespace mqttdesk
