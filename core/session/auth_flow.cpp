#include "core/session/auth_flow.h"

#include <QCoreApplication>

namespace mqttdesk {

namespace {
// The session's context: these messages were the session's before the flow was its own.
} // namespace

AuthFlow::AuthFlow(SessionLink &link, NonceSource nonce)
    : m_link(link)
    , m_nonce(std::move(nonce))
{}

AuthFlow::~AuthFlow() = default;

QByteArray AuthFlow::randomNonce(std::mt19937_64 &random)
{
    QByteArray nonce;
    for (int i = 0; i < 18; ++i)
        nonce.append(char(random() & 0xFF));
    return nonce.toBase64();
}

bool AuthFlow::isV5() const
{
    return m_link.sessionOptions().version == ProtocolVersion::V5;
}

const QString &AuthFlow::method() const
{
    return m_link.sessionOptions().authenticationMethod;
}

ScramAuthenticator *AuthFlow::startScram()
{
    const auto algorithm = ScramAuthenticator::algorithmForMethod(method());
    if (!algorithm)
        return nullptr;
    const SessionOptions &options = m_link.sessionOptions();
    m_scramFinalSent = false;
    m_scram =
        std::make_unique<ScramAuthenticator>(*algorithm, options.username.value_or(QString()),
                                             options.password.value_or(QByteArray()), m_nonce());
    return m_scram.get();
}

AuthFlow::ConnectData AuthFlow::beginConnection()
{
    m_scram.reset();
    ConnectData data{m_link.sessionOptions().authenticationData, true};
    if (isV5()) {
        if (ScramAuthenticator *scram = startScram()) {
            data.authenticationData = scram->clientFirstMessage();
            data.sendPassword = false; // SCRAM proves the password without sending it
        }
    }
    return data;
}

void AuthFlow::endConnection()
{
    m_scram.reset();
}

bool AuthFlow::acceptConnack(const ConnackInfo &info)
{
    if (m_scram && !finishScram(info.authenticationData, false))
        return false;
    m_scram.reset();
    return true;
}

bool AuthFlow::finishScram(const std::optional<QByteArray> &serverFinal, bool sendDisconnect)
{
    const std::optional<ScramError> error =
        serverFinal ? m_scram->verifyServerFinal(*serverFinal)
                    : ScramError{ScramError::Kind::MissingSignature, {}};
    m_scram.reset();
    if (!error)
        return true;
    failScram(*error, QStringLiteral("RFC 5802 §3"), sendDisconnect);
    return false;
}

void AuthFlow::failScram(const ScramError &error, const QString &rule, bool sendDisconnect)
{
    m_link.failAuthentication(
        SessionError::make(SessionError::Kind::AuthenticationFailed, error.message(), rule),
        sendDisconnect);
}

void AuthFlow::onAuth(const AuthPacket &packet)
{
    const std::optional<QString> packetMethod = packet.properties.authenticationMethod();
    if (method().isEmpty()) {
        m_link.failConnection(SessionError::protocolViolation(
            QStringLiteral("MQTT-4.12.0-6"),
            QCoreApplication::translate("mqttdesk::Session",
                                        "it sent AUTH although we did not ask for "
                                        "enhanced authentication")));
        return;
    }
    if (packetMethod != method()) {
        m_link.failConnection(SessionError::protocolViolation(
            QStringLiteral("MQTT-4.12.0-5"),
            QCoreApplication::translate("mqttdesk::Session",
                                        "its AUTH names the method \"%1\" instead of "
                                        "\"%2\"")
                .arg(packetMethod.value_or(QString()), method())));
        return;
    }
    if (packet.reasonCode == ReasonCode::ReAuthenticate) {
        m_link.failConnection(SessionError::protocolViolation(
            QStringLiteral("5.0 §3.15.2.1"),
            QCoreApplication::translate("mqttdesk::Session",
                                        "it sent AUTH Re-authenticate, which only a client may "
                                        "send")));
        return;
    }
    const bool success = packet.reasonCode == ReasonCode::Success;
    const bool connackReceived = m_link.server() != nullptr;
    if (success && !connackReceived) {
        m_link.failConnection(SessionError::protocolViolation(
            QStringLiteral("MQTT-3.2.0-1"),
            QCoreApplication::translate("mqttdesk::Session",
                                        "it ended authentication with AUTH instead of "
                                        "CONNACK")));
        return;
    }
    if (m_scram) {
        if (success) {
            // Re-authentication done: after CONNACK, so a failure is told with DISCONNECT.
            finishScram(packet.properties.authenticationData(), true);
            return;
        }
        const Result<QByteArray, ScramError> final =
            m_scramFinalSent ? ScramError{ScramError::Kind::ExtraStep, {}}
                             : m_scram->clientFinalMessage(
                                   packet.properties.authenticationData().value_or(QByteArray()));
        if (!final) {
            m_scram.reset();
            failScram(final.error(), QStringLiteral("RFC 5802 §5"), true);
            return;
        }
        m_scramFinalSent = true;
        sendAuth(ReasonCode::ContinueAuthentication, final.value()); // [MQTT-4.12.0-3]
        return;
    }
    AuthChallenge challenge;
    challenge.reasonCode = packet.reasonCode;
    challenge.authenticationMethod = *packetMethod;
    challenge.authenticationData = packet.properties.authenticationData().value_or(QByteArray());
    challenge.properties = packet.properties;
    m_link.emitAction(std::move(challenge));
}

void AuthFlow::requestContinue(const AuthContinueRequested &request)
{
    if (!isV5() || method().isEmpty()) {
        m_link.reportError(SessionError::make(
            SessionError::Kind::InvalidRequest,
            QCoreApplication::translate("mqttdesk::Session",
                                        "Enhanced authentication needs MQTT 5.0 and "
                                        "an authentication method in the connection "
                                        "settings."),
            QStringLiteral("MQTT-4.12.0-7")));
        return;
    }
    const bool reauth = request.reasonCode == ReasonCode::ReAuthenticate;
    const bool connected = m_link.server() != nullptr;
    if ((reauth && !connected) ||
        (!reauth && request.reasonCode != ReasonCode::ContinueAuthentication) ||
        !m_link.isTransportOpen()) {
        m_link.reportError(SessionError::make(
            SessionError::Kind::InvalidRequest,
            QCoreApplication::translate("mqttdesk::Session",
                                        "AUTH can continue an exchange the server "
                                        "started (0x18) or re-authenticate while "
                                        "connected (0x19); nothing was sent."),
            QStringLiteral("MQTT-3.15.2-1")));
        return;
    }
    if (reauth) {
        if (ScramAuthenticator *scram = startScram()) {
            sendAuth(ReasonCode::ReAuthenticate, scram->clientFirstMessage()); // [MQTT-4.12.1-1]
            return;
        }
    }
    sendAuth(request.reasonCode, request.authenticationData, request.properties);
}

void AuthFlow::sendAuth(ReasonCode code, const QByteArray &data, Properties properties)
{
    AuthPacket auth;
    auth.reasonCode = code;
    auth.properties = std::move(properties);
    auth.properties.setAuthenticationMethod(method()); // [MQTT-4.12.0-5]
    if (!data.isEmpty())
        auth.properties.setAuthenticationData(data);
    m_link.send(auth);
}

} // namespace mqttdesk
