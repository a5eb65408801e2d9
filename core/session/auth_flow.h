#pragma once

#include "core/protocol/packets.h"
#include "core/session/connack_info.h"
#include "core/session/scram_authenticator.h"
#include "core/session/session_event.h"
#include "core/session/session_link.h"

#include <QByteArray>

#include <functional>
#include <memory>
#include <optional>
#include <random>

namespace mqttdesk {

// MQTT 5.0 enhanced authentication (§4.12): the Authentication Data of CONNECT, AUTH in
// both directions and re-authentication. The SCRAM methods are carried out here
// (client-first in CONNECT or AUTH 0x19, client-final in AUTH 0x18, the server's signature
// checked in CONNACK or AUTH 0x00); any other method's challenges go to the application as
// AuthChallenge, and its answers come back as AuthContinueRequested.
class AuthFlow
{
public:
    // A fresh SCRAM client nonce per exchange (RFC 5802 §5.1): printable, without ','.
    using NonceSource = std::function<QByteArray()>;

    AuthFlow(SessionLink &link, NonceSource nonce);
    ~AuthFlow();
    AuthFlow(const AuthFlow &) = delete;
    AuthFlow &operator=(const AuthFlow &) = delete;

    // 18 random bytes as base64 (24 characters).
    static QByteArray randomNonce(std::mt19937_64 &random);

    // What CONNECT carries on a new connection (the transport just opened).
    struct ConnectData
    {
        QByteArray authenticationData;
        bool sendPassword = true; // false with SCRAM: it proves the password instead
    };
    ConnectData beginConnection();
    // The connection ended: an exchange in progress is dropped.
    void endConnection();

    // A successful CONNACK: checks the SCRAM server-final message it carries. False when
    // the login failed (reported through SessionLink::failAuthentication).
    bool acceptConnack(const ConnackInfo &info);
    void onAuth(const AuthPacket &packet);
    // The application continues an exchange (0x18) or re-authenticates (0x19).
    void requestContinue(const AuthContinueRequested &request);

private:
    bool isV5() const;
    const QString &method() const;
    ScramAuthenticator *startScram();
    // The SCRAM server-final message; false (and the login failed) if it does not verify.
    bool finishScram(const std::optional<QByteArray> &serverFinal, bool sendDisconnect);
    void failScram(const ScramError &error, const QString &rule, bool sendDisconnect);
    void sendAuth(ReasonCode code, const QByteArray &data, Properties properties = {});

    SessionLink &m_link;
    NonceSource m_nonce;
    std::unique_ptr<ScramAuthenticator> m_scram;
    bool m_scramFinalSent = false;
};

} // namespace mqttdesk
