// DISCONNECT in both directions and 5.0 enhanced authentication (SCRAM built in, other
// methods passed through).
#include "core/session/scram_authenticator.h"
#include "tests/session/support/session_driver.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

class TestSessionDisconnectAuth : public QObject
{
    Q_OBJECT

private slots:
    void userDisconnect_data() { addVersionRows(); }
    void userDisconnect();
    void userDisconnectWithReasonAndProperties();
    void userDisconnectCannotExtendZeroSessionExpiry();
    void serverDisconnectReported();
    void serverDisconnectSessionTakenOverStopsReconnect();
    void scramExchange_data();
    void scramExchange();
    void scramWrongServerSignature();
    void scramMissingServerSignature();
    void scramReauthentication();
    void externalMethodPassedThrough();
    void authWithoutMethodIsProtocolError();
    void authWithOtherMethodIsProtocolError();
    void authContinueWithoutMethodRefused();
};

namespace {

// The server side of a SCRAM exchange, computed with the same building blocks.
struct ScramServer
{
    explicit ScramServer(ScramAuthenticator::Algorithm a)
        : algorithm(a)
    {}
    ScramAuthenticator::Algorithm algorithm;
    QByteArray password = "pencil";
    QByteArray salt = QByteArray::fromBase64("W22ZaJ0SNY7soEsUEjb6gQ==");
    int iterations = 4096;
    QByteArray clientFirstBare;
    QByteArray serverFirst;

    QByteArray challenge(const QByteArray &clientFirst)
    {
        clientFirstBare = clientFirst.mid(3); // after "n,,"
        const QByteArray nonce = clientFirstBare.mid(clientFirstBare.indexOf(",r=") + 3);
        serverFirst = "r=" + nonce + "srv%nonce,s=" + salt.toBase64() +
                      ",i=" + QByteArray::number(iterations);
        return serverFirst;
    }
    // The server-final message if the proof is right, else empty.
    QByteArray verify(const QByteArray &clientFinal)
    {
        const int p = clientFinal.indexOf(",p=");
        const QByteArray withoutProof = clientFinal.left(p);
        const QByteArray proof = QByteArray::fromBase64(clientFinal.mid(p + 3));
        const QByteArray authMessage = clientFirstBare + ',' + serverFirst + ',' + withoutProof;
        const QByteArray salted = ScramAuthenticator::pbkdf2(algorithm, password, salt, iterations);
        const QByteArray clientKey = ScramAuthenticator::hmac(algorithm, salted, "Client Key");
        const QByteArray storedKey =
            QCryptographicHash::hash(clientKey, ScramAuthenticator::hashAlgorithm(algorithm));
        const QByteArray signature = ScramAuthenticator::hmac(algorithm, storedKey, authMessage);
        QByteArray recovered(proof.size(), '\0');
        for (int i = 0; i < proof.size(); ++i)
            recovered[i] = char(proof.at(i) ^ signature.at(i));
        if (QCryptographicHash::hash(recovered, ScramAuthenticator::hashAlgorithm(algorithm)) !=
            storedKey)
            return {};
        const QByteArray serverKey = ScramAuthenticator::hmac(algorithm, salted, "Server Key");
        return "v=" + ScramAuthenticator::hmac(algorithm, serverKey, authMessage).toBase64();
    }
};

SessionOptions scramOptions(const QString &method)
{
    SessionOptions o;
    o.version = ProtocolVersion::V5;
    o.clientId = QStringLiteral("scram");
    o.username = QStringLiteral("user");
    o.password = QByteArrayLiteral("pencil");
    o.authenticationMethod = method;
    return o;
}

AuthPacket auth(const QString &method, ReasonCode code, const QByteArray &data)
{
    AuthPacket a;
    a.reasonCode = code;
    a.properties.setAuthenticationMethod(method);
    if (!data.isEmpty())
        a.properties.setAuthenticationData(data);
    return a;
}

ConnackPacket connackWithAuth(const QString &method, const QByteArray &data)
{
    Properties p;
    p.setAuthenticationMethod(method);
    if (!data.isEmpty())
        p.setAuthenticationData(data);
    return connackPacket(false, ReasonCode::Success, p);
}

// Runs CONNECT and the server's challenge; returns the client-final message.
QByteArray scramUpToClientFinal(SessionDriver &d, ScramServer &server, const QString &method)
{
    const ConnectPacket c = d.connect();
    d.take();
    d.receive(auth(method, ReasonCode::ContinueAuthentication,
                   server.challenge(c.properties.authenticationData().value_or(QByteArray()))));
    const QList<Packet> sent = d.takeSent();
    if (sent.size() != 1 || !std::holds_alternative<AuthPacket>(sent.first()))
        return {};
    const AuthPacket answer = std::get<AuthPacket>(sent.first());
    if (answer.reasonCode != ReasonCode::ContinueAuthentication ||
        answer.properties.authenticationMethod() != method)
        return {};
    return answer.properties.authenticationData().value_or(QByteArray());
}

} // namespace

void TestSessionDisconnectAuth::userDisconnect()
{
    SessionOptions o;
    o.version = versionFromRow();
    o.clientId = QStringLiteral("bye");
    o.reconnect.enabled = true;
    SessionDriver d(o);
    d.connectAndAccept();
    d.take();
    d.handle(DisconnectRequested{});
    const SessionActions a = d.take();
    const QList<Packet> sent = d.sent(a);
    QCOMPARE(sent.size(), 1);
    QVERIFY(std::holds_alternative<DisconnectPacket>(sent.first()));
    QCOMPARE(SessionDriver::count<CloseTransport>(a), 1); // [MQTT-3.14.4-2]
    QCOMPARE(d.session.state(), SessionState::Disconnected);
    QVERIFY(!d.timerRunning(SessionTimer::Reconnect));
    QVERIFY(!d.timerRunning(SessionTimer::KeepAlive));
    QCOMPARE(SessionDriver::count<ErrorOccurred>(a), 0);
    // Nothing is sent after DISCONNECT [MQTT-3.14.4-1].
    d.handle(publishRequest(1, QStringLiteral("late"), QoS::AtMostOnce));
    QVERIFY(d.takeSent().isEmpty());
}

void TestSessionDisconnectAuth::userDisconnectWithReasonAndProperties()
{
    SessionOptions o;
    o.version = ProtocolVersion::V5;
    o.clientId = QStringLiteral("bye");
    o.sessionExpiryInterval = 100;
    SessionDriver d(o);
    d.connectAndAccept();
    d.take();
    DisconnectRequested request;
    request.reasonCode = ReasonCode::DisconnectWithWillMessage;
    request.properties.setReasonString(QStringLiteral("going away"));
    request.properties.addUserProperty(QStringLiteral("k"), QStringLiteral("v"));
    request.properties.setSessionExpiryInterval(0);
    d.handle(request);
    const DisconnectPacket sent = std::get<DisconnectPacket>(d.takeSent().first());
    QCOMPARE(sent.reasonCode, ReasonCode::DisconnectWithWillMessage);
    QCOMPARE(sent.properties.reasonString(), std::optional<QString>(QStringLiteral("going away")));
    QCOMPARE(sent.properties.userProperties().size(), 1);
    QCOMPARE(sent.properties.sessionExpiryInterval(), std::optional<quint32>(0));
}

void TestSessionDisconnectAuth::userDisconnectCannotExtendZeroSessionExpiry()
{
    SessionOptions o;
    o.version = ProtocolVersion::V5;
    o.clientId = QStringLiteral("bye");
    SessionDriver d(o);
    d.connectAndAccept();
    d.take();
    DisconnectRequested request;
    request.properties.setSessionExpiryInterval(60); // 5.0 §3.14.2.2.2
    d.handle(request);
    const DisconnectPacket sent = std::get<DisconnectPacket>(d.takeSent().first());
    QVERIFY(!sent.properties.sessionExpiryInterval());
}

void TestSessionDisconnectAuth::serverDisconnectReported()
{
    SessionOptions o;
    o.version = ProtocolVersion::V5;
    o.clientId = QStringLiteral("c");
    o.reconnect.enabled = true;
    SessionDriver d(o);
    d.connectAndAccept();
    d.take();
    DisconnectPacket disconnect;
    disconnect.reasonCode = ReasonCode::ServerShuttingDown;
    disconnect.properties.setReasonString(QStringLiteral("maintenance"));
    disconnect.properties.setServerReference(QStringLiteral("backup.example"));
    d.receive(disconnect);
    const SessionActions a = d.take();
    const QList<ServerDisconnected> notices = SessionDriver::of<ServerDisconnected>(a);
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices.first().reasonCode, ReasonCode::ServerShuttingDown);
    QCOMPARE(notices.first().reasonString, std::optional<QString>(QStringLiteral("maintenance")));
    QCOMPARE(notices.first().serverReference,
             std::optional<QString>(QStringLiteral("backup.example")));
    const QList<ErrorOccurred> errors = SessionDriver::of<ErrorOccurred>(a);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error.kind, SessionError::Kind::ServerDisconnected);
    QVERIFY(errors.first().error.message.contains(QStringLiteral("maintenance")));
    QVERIFY(d.sent(a).isEmpty()); // no DISCONNECT back
    QCOMPARE(SessionDriver::count<CloseTransport>(a), 1);
    QCOMPARE(d.session.state(), SessionState::ReconnectWaiting);
}

void TestSessionDisconnectAuth::serverDisconnectSessionTakenOverStopsReconnect()
{
    SessionOptions o;
    o.version = ProtocolVersion::V5;
    o.clientId = QStringLiteral("c");
    o.reconnect.enabled = true;
    SessionDriver d(o);
    d.connectAndAccept();
    DisconnectPacket disconnect;
    disconnect.reasonCode = ReasonCode::SessionTakenOver;
    d.receive(disconnect);
    QCOMPARE(d.session.state(), SessionState::Disconnected);
    QVERIFY(!d.timerRunning(SessionTimer::Reconnect));
}

void TestSessionDisconnectAuth::scramExchange_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<int>("algorithm");
    QTest::newRow("SHA-1") << QStringLiteral("SCRAM-SHA-1")
                           << int(ScramAuthenticator::Algorithm::Sha1);
    QTest::newRow("SHA-256") << QStringLiteral("SCRAM-SHA-256")
                             << int(ScramAuthenticator::Algorithm::Sha256);
    QTest::newRow("SHA-512") << QStringLiteral("SCRAM-SHA-512")
                             << int(ScramAuthenticator::Algorithm::Sha512);
}

void TestSessionDisconnectAuth::scramExchange()
{
    QFETCH(QString, method);
    QFETCH(int, algorithm);
    SessionDriver d(scramOptions(method));
    ScramServer server(static_cast<ScramAuthenticator::Algorithm>(algorithm));
    const ConnectPacket c = d.connect();
    // The password never goes on the wire with SCRAM.
    QVERIFY(!c.password);
    QCOMPARE(c.properties.authenticationMethod(), std::optional<QString>(method));
    QVERIFY(c.properties.authenticationData()->startsWith("n,,n=user,r="));
    d.take();
    d.receive(auth(method, ReasonCode::ContinueAuthentication,
                   server.challenge(*c.properties.authenticationData())));
    const AuthPacket answer = std::get<AuthPacket>(d.takeSent().first());
    QCOMPARE(answer.reasonCode, ReasonCode::ContinueAuthentication); // [MQTT-4.12.0-3]
    QCOMPARE(answer.properties.authenticationMethod(), std::optional<QString>(method));
    const QByteArray serverFinal = server.verify(*answer.properties.authenticationData());
    QVERIFY(!serverFinal.isEmpty()); // the server accepts the proof
    d.receive(connackWithAuth(method, serverFinal));
    const SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<ErrorOccurred>(a), 0);
    QCOMPARE(SessionDriver::count<Connected>(a), 1);
    QCOMPARE(d.session.state(), SessionState::Connected);
}

void TestSessionDisconnectAuth::scramWrongServerSignature()
{
    const QString method = QStringLiteral("SCRAM-SHA-256");
    SessionOptions o = scramOptions(method);
    o.reconnect.enabled = true;
    SessionDriver d(o);
    ScramServer server(ScramAuthenticator::Algorithm::Sha256);
    server.password = "not-the-password"; // an impostor
    const QByteArray clientFinal = scramUpToClientFinal(d, server, method);
    QVERIFY(!clientFinal.isEmpty());
    QVERIFY(server.verify(clientFinal).isEmpty());
    d.receive(connackWithAuth(method, "v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
    const SessionActions a = d.take();
    const QList<ErrorOccurred> errors = SessionDriver::of<ErrorOccurred>(a);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error.kind, SessionError::Kind::AuthenticationFailed);
    QCOMPARE(SessionDriver::count<Connected>(a), 0);
    QCOMPARE(SessionDriver::count<CloseTransport>(a), 1);
    QCOMPARE(d.session.state(), SessionState::Disconnected); // no retry of a failed login
}

void TestSessionDisconnectAuth::scramMissingServerSignature()
{
    const QString method = QStringLiteral("SCRAM-SHA-1");
    SessionDriver d(scramOptions(method));
    ScramServer server(ScramAuthenticator::Algorithm::Sha1);
    QVERIFY(!scramUpToClientFinal(d, server, method).isEmpty());
    d.receive(connackWithAuth(method, {}));
    const QList<ErrorOccurred> errors = SessionDriver::of<ErrorOccurred>(d.take());
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error.kind, SessionError::Kind::AuthenticationFailed);
}

void TestSessionDisconnectAuth::scramReauthentication()
{
    const QString method = QStringLiteral("SCRAM-SHA-256");
    SessionDriver d(scramOptions(method));
    ScramServer server(ScramAuthenticator::Algorithm::Sha256);
    const QByteArray clientFinal = scramUpToClientFinal(d, server, method);
    d.receive(connackWithAuth(method, server.verify(clientFinal)));
    d.take();
    AuthContinueRequested reauth;
    reauth.reasonCode = ReasonCode::ReAuthenticate;
    d.handle(reauth);
    const AuthPacket first = std::get<AuthPacket>(d.takeSent().first());
    QCOMPARE(first.reasonCode, ReasonCode::ReAuthenticate); // [MQTT-4.12.1-1]
    d.receive(auth(method, ReasonCode::ContinueAuthentication,
                   server.challenge(*first.properties.authenticationData())));
    const AuthPacket second = std::get<AuthPacket>(d.takeSent().first());
    d.receive(
        auth(method, ReasonCode::Success, server.verify(*second.properties.authenticationData())));
    const SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<ErrorOccurred>(a), 0);
    QCOMPARE(d.session.state(), SessionState::Connected);
}

void TestSessionDisconnectAuth::externalMethodPassedThrough()
{
    const QString method = QStringLiteral("TOKEN-XYZ");
    SessionOptions o = scramOptions(method);
    o.authenticationData = "initial";
    SessionDriver d(o);
    const ConnectPacket c = d.connect();
    QCOMPARE(c.properties.authenticationData(), std::optional<QByteArray>("initial"));
    QVERIFY(c.password); // not a built-in method: the password is the user's business
    d.take();
    d.receive(auth(method, ReasonCode::ContinueAuthentication, "challenge"));
    const QList<AuthChallenge> challenges = SessionDriver::of<AuthChallenge>(d.take());
    QCOMPARE(challenges.size(), 1);
    QCOMPARE(challenges.first().authenticationData, QByteArrayLiteral("challenge"));
    AuthContinueRequested answer;
    answer.authenticationData = "response";
    d.handle(answer);
    const AuthPacket sent = std::get<AuthPacket>(d.takeSent().first());
    QCOMPARE(sent.reasonCode, ReasonCode::ContinueAuthentication);
    QCOMPARE(sent.properties.authenticationMethod(), std::optional<QString>(method));
    QCOMPARE(sent.properties.authenticationData(), std::optional<QByteArray>("response"));
    d.receive(connackWithAuth(method, {}));
    QCOMPARE(d.session.state(), SessionState::Connected);
}

void TestSessionDisconnectAuth::authWithoutMethodIsProtocolError()
{
    SessionOptions o;
    o.version = ProtocolVersion::V5;
    o.clientId = QStringLiteral("c");
    SessionDriver d(o);
    d.connect();
    d.take();
    d.receive(auth(QStringLiteral("SCRAM-SHA-1"), ReasonCode::ContinueAuthentication, "x"));
    const QList<ErrorOccurred> errors = SessionDriver::of<ErrorOccurred>(d.take());
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error.rule, QStringLiteral("MQTT-4.12.0-6"));
}

void TestSessionDisconnectAuth::authWithOtherMethodIsProtocolError()
{
    SessionDriver d(scramOptions(QStringLiteral("SCRAM-SHA-1")));
    d.connect();
    d.take();
    d.receive(auth(QStringLiteral("SCRAM-SHA-256"), ReasonCode::ContinueAuthentication, "x"));
    const QList<ErrorOccurred> errors = SessionDriver::of<ErrorOccurred>(d.take());
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error.rule, QStringLiteral("MQTT-4.12.0-5"));
}

void TestSessionDisconnectAuth::authContinueWithoutMethodRefused()
{
    SessionOptions o;
    o.version = ProtocolVersion::V311;
    o.clientId = QStringLiteral("c");
    SessionDriver d(o);
    d.connectAndAccept();
    d.take();
    d.handle(AuthContinueRequested{});
    const SessionActions a = d.take();
    QVERIFY(d.sent(a).isEmpty());
    QCOMPARE(SessionDriver::of<ErrorOccurred>(a).first().error.rule,
             QStringLiteral("MQTT-4.12.0-7"));
}

QTEST_GUILESS_MAIN(TestSessionDisconnectAuth)
#include "tst_session_disconnect_auth.moc"
