#pragma once

#include <QCoreApplication>
#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// Why a SCRAM exchange (RFC 5802) failed on the client side: a kind the code can branch on
// and a translated message for the user. The session reports it as an AuthenticationFailed
// SessionError.
struct ScramError
{
    Q_DECLARE_TR_FUNCTIONS(ScramError)

public:
    enum class Kind : quint8
    {
        // The server-first message (in AUTH 0x18).
        UnsupportedExtension, // m=: a mandatory extension we do not know
        MalformedChallenge,   // r=, s= or i= missing or invalid
        NonceMismatch,        // the server nonce does not extend ours
        TooManyIterations,    // more iterations than we accept (`detail`: the count)
        ExtraStep,            // a challenge after the client-final message

        // The server-final message (in CONNACK or AUTH 0x00).
        ServerRefused,      // e=: the server refused the proof (`detail`: its reason)
        IncompleteExchange, // a server-final message before the challenge was answered
        WrongSignature,     // v= does not prove the server knows the password
        MissingSignature,   // login accepted without a server-final message
    };

    Kind kind = Kind::MalformedChallenge;
    QString detail; // what the message needs: the server's e= value, the iteration count

    // "NonceMismatch" ... (not translated)
    static QString kindName(Kind kind);
    // What went wrong and what it means, translated.
    QString message() const;

    bool operator==(const ScramError &) const = default;
};

} // namespace mqttdesk
