#pragma once

#include "core/protocol/result.h"
#include "core/session/scram_error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCryptographicHash>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// The client side of SCRAM (RFC 5802; SHA-256 per RFC 7677, SHA-512 alike) as used by
// MQTT 5.0 enhanced authentication with the methods "SCRAM-SHA-1", "SCRAM-SHA-256" and
// "SCRAM-SHA-512": client-first in CONNECT, client-final (with the proof) in AUTH
// 0x18, server-final checked in CONNACK. No channel binding ("n,,"). PBKDF2 is done
// here with QMessageAuthenticationCode (QtCore only).
class ScramAuthenticator
{
public:
    enum class Algorithm : quint8
    {
        Sha1,
        Sha256,
        Sha512,
    };

    // The algorithm of a built-in method name, or nothing.
    static std::optional<Algorithm> algorithmForMethod(QStringView method);
    static QCryptographicHash::Algorithm hashAlgorithm(Algorithm algorithm);

    // `clientNonce` must be printable ASCII without ','; the session makes it from
    // random bytes (base64), tests pass the RFC ones.
    ScramAuthenticator(Algorithm algorithm, const QString &username, const QByteArray &password,
                       const QByteArray &clientNonce);

    // "n,,n=user,r=nonce"
    QByteArray clientFirstMessage() const;
    // The client-final message for the server-first one, or why there is none.
    Result<QByteArray, ScramError> clientFinalMessage(QByteArrayView serverFirst);
    // Checks "v=..." (or reports "e=..."): nothing when the server proved it knows the
    // password, else why not.
    std::optional<ScramError> verifyServerFinal(QByteArrayView serverFinal) const;

    // Building blocks, exposed for the test vectors.
    static QByteArray hmac(Algorithm algorithm, const QByteArray &key, const QByteArray &message);
    static QByteArray pbkdf2(Algorithm algorithm, const QByteArray &password,
                             const QByteArray &salt, int iterations);
    // RFC 5802 §5.1: ',' -> "=2C", '=' -> "=3D" in the user name.
    static QByteArray escapeUsername(const QString &username);

    // A bound on the work a hostile server can ask for (ScramError::TooManyIterations).
    static constexpr int kMaximumIterations = 10000000;

private:
    Algorithm m_algorithm;
    QByteArray m_username;
    QByteArray m_password;
    QByteArray m_clientNonce;
    QByteArray m_clientFirstBare;
    QByteArray m_expectedServerSignature;
};

} // namespace mqttdesk
