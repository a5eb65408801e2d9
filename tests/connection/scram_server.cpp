#include "tests/connection/scram_server.h"

#include <QList>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>

namespace mqttdesk {

namespace {

QByteArray field(const QByteArray &message, char key)
{
    for (const QByteArray &part : message.split(',')) {
        if (part.size() >= 2 && part.at(0) == key && part.at(1) == '=')
            return part.mid(2);
    }
    return {};
}

} // namespace

ScramServer::ScramServer(QCryptographicHash::Algorithm algorithm, QByteArray username,
                         QByteArray password, int iterations)
    : m_algorithm(algorithm)
    , m_username(std::move(username))
    , m_password(std::move(password))
    , m_iterations(iterations)
    , m_salt(QByteArrayLiteral("fake-broker-salt"))
{}

QByteArray ScramServer::hmac(const QByteArray &key, const QByteArray &message) const
{
    return QMessageAuthenticationCode::hash(message, key, m_algorithm);
}

std::optional<QByteArray> ScramServer::serverFirst(const QByteArray &clientFirst)
{
    if (!clientFirst.startsWith("n,,"))
        return std::nullopt;
    m_clientFirstBare = clientFirst.mid(3);
    const QByteArray clientNonce = field(m_clientFirstBare, 'r');
    if (field(m_clientFirstBare, 'n') != m_username || clientNonce.isEmpty())
        return std::nullopt;
    m_nonce = clientNonce + QByteArrayLiteral("srv7f3a");
    m_serverFirst = QByteArrayLiteral("r=") + m_nonce + QByteArrayLiteral(",s=") +
                    m_salt.toBase64() + QByteArrayLiteral(",i=") + QByteArray::number(m_iterations);
    return m_serverFirst;
}

std::optional<QByteArray> ScramServer::serverFinal(const QByteArray &clientFinal)
{
    const qsizetype proofAt = clientFinal.indexOf(",p=");
    if (proofAt < 0 || field(clientFinal, 'r') != m_nonce || field(clientFinal, 'c') != "biws")
        return std::nullopt;
    const QByteArray withoutProof = clientFinal.left(proofAt);
    const QByteArray proof = QByteArray::fromBase64(clientFinal.mid(proofAt + 3));
    const QByteArray authMessage = m_clientFirstBare + ',' + m_serverFirst + ',' + withoutProof;
    const int length = QCryptographicHash::hashLength(m_algorithm);
    const QByteArray salted =
        QPasswordDigestor::deriveKeyPbkdf2(m_algorithm, m_password, m_salt, m_iterations, length);
    const QByteArray storedKey = QCryptographicHash::hash(hmac(salted, "Client Key"), m_algorithm);
    const QByteArray signature = hmac(storedKey, authMessage);
    if (proof.size() != signature.size())
        return std::nullopt;
    // ClientKey = proof XOR signature; it must hash to StoredKey.
    QByteArray clientKey(proof.size(), '\0');
    for (qsizetype i = 0; i < proof.size(); ++i)
        clientKey[i] = char(proof.at(i) ^ signature.at(i));
    if (QCryptographicHash::hash(clientKey, m_algorithm) != storedKey)
        return std::nullopt;
    return QByteArrayLiteral("v=") + hmac(hmac(salted, "Server Key"), authMessage).toBase64();
}

} // namespace mqttdesk
