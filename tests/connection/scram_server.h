#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

#include <optional>

namespace mqttdesk {

// The server side of SCRAM (RFC 5802, no channel binding) for the fake broker, written
// independently of the client's ScramAuthenticator so the two check each other.
class ScramServer
{
public:
    ScramServer(QCryptographicHash::Algorithm algorithm, QByteArray username, QByteArray password,
                int iterations = 4096);

    // client-first ("n,,n=user,r=nonce") -> server-first ("r=...,s=...,i=..."), or
    // nothing when the message or the user is wrong.
    std::optional<QByteArray> serverFirst(const QByteArray &clientFirst);
    // client-final ("c=biws,r=...,p=proof") -> server-final ("v=signature"), or nothing
    // when the proof is wrong.
    std::optional<QByteArray> serverFinal(const QByteArray &clientFinal);

private:
    QByteArray hmac(const QByteArray &key, const QByteArray &message) const;

    QCryptographicHash::Algorithm m_algorithm;
    QByteArray m_username;
    QByteArray m_password;
    int m_iterations;
    QByteArray m_salt;
    QByteArray m_clientFirstBare;
    QByteArray m_serverFirst;
    QByteArray m_nonce;
};

} // namespace mqttdesk
