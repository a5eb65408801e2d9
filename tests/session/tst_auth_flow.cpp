// AuthFlow on its own, headless: a recording SessionLink stands in for the session, the
// server's packets are annotated bytes decoded by the codec, and what the flow sends is
// compared byte for byte. The SCRAM exchange is RFC 7677's SCRAM-SHA-256 example (user
// "user", password "pencil", client nonce "rOprNGfwEbeRWgbNEkqO").
#include "core/protocol/codec.h"
#include "core/session/auth_flow.h"
#include "tests/protocol/support/wire.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

class TestAuthFlow : public QObject
{
    Q_OBJECT

private slots:
    void scramLogin();
    void scramReauthentication();
    void wrongServerSignatureFailsLogin();
    void missingServerSignatureFailsLogin();
    void thirdScramStepFails();
    void badChallengeFailsWithDisconnect();
    void otherMethodPassedThrough();
    void serverAuthBreakingRules_data();
    void serverAuthBreakingRules();
    void continueRequestsRefused_data();
    void continueRequestsRefused();
    void passwordSentWithoutScram();
};

namespace {

const char *const kNonce = "rOprNGfwEbeRWgbNEkqO";

// Client -> server: CONNECT's Authentication Data (client-first).
const QByteArray kClientFirst = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";

// Server -> client: AUTH 0x18 with the server-first message.
const QByteArray kServerFirstAuth =
    wire("F0 6B                         # AUTH, Remaining Length 107\n"
         "18                            # Continue authentication\n"
         "69                            # properties: 105 bytes\n"
         "15 00 0D 'SCRAM-SHA-256'      # Authentication Method\n"
         "16 00 56                      # Authentication Data, 86 bytes:\n"
         "'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,'  # nonce (ours + server's)\n"
         "'s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096'                      # salt, iterations");

// Client -> server: AUTH 0x18 with the client-final message (the proof).
const QByteArray kClientFinalAuth =
    wire("F0 7F                         # AUTH, Remaining Length 127\n"
         "18                            # Continue authentication [MQTT-4.12.0-3]\n"
         "7D                            # properties: 125 bytes\n"
         "15 00 0D 'SCRAM-SHA-256'      # Authentication Method [MQTT-4.12.0-5]\n"
         "16 00 6A                      # Authentication Data, 106 bytes:\n"
         "'c=biws,'                                                # no channel binding\n"
         "'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,'  # the combined nonce\n"
         "'p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ='         # ClientProof");

// Server -> client: the server-final message (in CONNACK, or in AUTH 0x00 after a
// re-authentication).
const QByteArray kServerFinal = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";
const QByteArray kServerFinalAuth =
    wire("F0 43                         # AUTH, Remaining Length 67\n"
         "00                            # Success\n"
         "41                            # properties: 65 bytes\n"
         "15 00 0D 'SCRAM-SHA-256'      # Authentication Method\n"
         "16 00 2E                      # Authentication Data, 46 bytes:\n"
         "'v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4='         # ServerSignature");

// Client -> server: AUTH 0x19 starting a re-authentication with a new client-first.
const QByteArray kReauthenticateAuth =
    wire("F0 35                         # AUTH, Remaining Length 53\n"
         "19                            # Re-authenticate [MQTT-4.12.1-1]\n"
         "33                            # properties: 51 bytes\n"
         "15 00 0D 'SCRAM-SHA-256'      # Authentication Method\n"
         "16 00 20 'n,,n=user,r=rOprNGfwEbeRWgbNEkqO'              # client-first");

struct Failure
{
    SessionError error;
    bool authentication = false; // failAuthentication (else failConnection)
    bool sendDisconnect = false;
};

// The session as AuthFlow sees it, recording everything.
class RecordingLink final : public SessionLink
{
public:
    RecordingLink()
    {
        options.version = ProtocolVersion::V5;
        options.username = QStringLiteral("user");
        options.password = QByteArrayLiteral("pencil");
        options.authenticationMethod = QStringLiteral("SCRAM-SHA-256");
    }

    SessionOptions options;
    bool transportOpen = true;
    std::optional<ConnackInfo> connack; // set: connected
    QList<QByteArray> sent;             // encoded packets
    SessionActions actions;
    QList<SessionError> reported;
    QList<Failure> failures;

    std::optional<SessionError> send(const Packet &packet) override
    {
        sent.append(encode(packet, options.version));
        return std::nullopt;
    }
    void emitAction(SessionAction action) override { actions.push_back(std::move(action)); }
    void log(LogLevel, const QString &) override {}
    void reportError(const SessionError &error) override { reported.append(error); }
    void failConnection(const SessionError &error) override
    {
        failures.append({error, false, false});
    }
    void failAuthentication(const SessionError &error, bool sendDisconnect) override
    {
        failures.append({error, true, sendDisconnect});
    }
    const SessionOptions &sessionOptions() const override { return options; }
    const ConnackInfo *server() const override { return connack ? &*connack : nullptr; }
    bool isConnectionPending() const override { return !connack; }
    bool isTransportOpen() const override { return transportOpen; }

    QList<QByteArray> takeSent() { return std::exchange(sent, {}); }
};

AuthFlow makeFlow(RecordingLink &link)
{
    return AuthFlow(link, [] { return QByteArray(kNonce); });
}

// A server packet from its bytes, through the codec.
AuthPacket authFrom(const QByteArray &bytes)
{
    Q_ASSERT(quint8(bytes.at(1)) < 0x80); // one-byte Remaining Length
    const DecodeResult decoded = decode(quint8(bytes.at(0)), bytes.mid(2), ProtocolVersion::V5);
    Q_ASSERT(decoded.ok());
    return std::get<AuthPacket>(decoded.value());
}

AuthPacket auth(ReasonCode code, const QString &method, const QByteArray &data)
{
    AuthPacket packet;
    packet.reasonCode = code;
    packet.properties.setAuthenticationMethod(method);
    if (!data.isEmpty())
        packet.properties.setAuthenticationData(data);
    return packet;
}

ConnackInfo connackWith(std::optional<QByteArray> serverFinal)
{
    ConnackInfo info;
    info.authenticationMethod = QStringLiteral("SCRAM-SHA-256");
    info.authenticationData = std::move(serverFinal);
    return info;
}

// CONNECT's data, then the server's challenge answered with the proof.
void scramUpToClientFinal(AuthFlow &flow, RecordingLink &link)
{
    const AuthFlow::ConnectData connect = flow.beginConnection();
    QCOMPARE(connect.authenticationData, kClientFirst);
    flow.onAuth(authFrom(kServerFirstAuth));
    const QList<QByteArray> sent = link.takeSent();
    QCOMPARE(sent.size(), 1);
    QVERIFY2(sent.first() == kClientFinalAuth, toHex(sent.first()).constData());
}

} // namespace

void TestAuthFlow::scramLogin()
{
    RecordingLink link;
    AuthFlow flow = makeFlow(link);
    const AuthFlow::ConnectData connect = flow.beginConnection();
    QCOMPARE(connect.authenticationData, kClientFirst);
    QVERIFY(!connect.sendPassword); // SCRAM proves the password without sending it
    flow.onAuth(authFrom(kServerFirstAuth));
    const QList<QByteArray> sent = link.takeSent();
    QCOMPARE(sent.size(), 1);
    QVERIFY2(sent.first() == kClientFinalAuth, toHex(sent.first()).constData());
    QVERIFY(flow.acceptConnack(connackWith(kServerFinal)));
    QVERIFY(link.failures.isEmpty());
    QVERIFY(link.reported.isEmpty());
    QVERIFY(link.actions.empty()); // nothing for the application: SCRAM is built in
}

void TestAuthFlow::scramReauthentication()
{
    RecordingLink link;
    AuthFlow flow = makeFlow(link);
    flow.beginConnection();
    link.connack = ConnackInfo{}; // connected (logged in without SCRAM data checks here)
    AuthContinueRequested reauth;
    reauth.reasonCode = ReasonCode::ReAuthenticate;
    flow.requestContinue(reauth);
    QList<QByteArray> sent = link.takeSent();
    QCOMPARE(sent.size(), 1);
    QVERIFY2(sent.first() == kReauthenticateAuth, toHex(sent.first()).constData());
    flow.onAuth(authFrom(kServerFirstAuth));
    sent = link.takeSent();
    QCOMPARE(sent.size(), 1);
    QVERIFY2(sent.first() == kClientFinalAuth, toHex(sent.first()).constData());
    flow.onAuth(authFrom(kServerFinalAuth));
    QVERIFY(link.takeSent().isEmpty());
    QVERIFY(link.failures.isEmpty());
}

void TestAuthFlow::wrongServerSignatureFailsLogin()
{
    RecordingLink link;
    AuthFlow flow = makeFlow(link);
    scramUpToClientFinal(flow, link);
    QVERIFY(!flow.acceptConnack(connackWith("v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")));
    QCOMPARE(link.failures.size(), 1);
    const Failure &f = link.failures.first();
    QVERIFY(f.authentication);
    QVERIFY(!f.sendDisconnect); // before CONNACK was accepted: just close
    QCOMPARE(f.error.kind, SessionError::Kind::AuthenticationFailed);
    QCOMPARE(f.error.rule, QStringLiteral("RFC 5802 §3"));
    QVERIFY(f.error.message.contains(QStringLiteral("signature")));
}

void TestAuthFlow::missingServerSignatureFailsLogin()
{
    RecordingLink link;
    AuthFlow flow = makeFlow(link);
    scramUpToClientFinal(flow, link);
    QVERIFY(!flow.acceptConnack(connackWith(std::nullopt)));
    QCOMPARE(link.failures.size(), 1);
    QCOMPARE(link.failures.first().error.kind, SessionError::Kind::AuthenticationFailed);
    QVERIFY(!link.failures.first().error.message.isEmpty());
}

void TestAuthFlow::thirdScramStepFails()
{
    RecordingLink link;
    AuthFlow flow = makeFlow(link);
    scramUpToClientFinal(flow, link);
    flow.onAuth(authFrom(kServerFirstAuth)); // a second challenge: SCRAM has only two steps
    QVERIFY(link.takeSent().isEmpty());
    QCOMPARE(link.failures.size(), 1);
    const Failure &f = link.failures.first();
    QVERIFY(f.authentication);
    QVERIFY(f.sendDisconnect);
    QCOMPARE(f.error.rule, QStringLiteral("RFC 5802 §5"));
}

void TestAuthFlow::badChallengeFailsWithDisconnect()
{
    RecordingLink link;
    AuthFlow flow = makeFlow(link);
    flow.beginConnection();
    // A server nonce that does not extend ours.
    flow.onAuth(auth(ReasonCode::ContinueAuthentication, QStringLiteral("SCRAM-SHA-256"),
                     "r=someoneelse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));
    QVERIFY(link.takeSent().isEmpty());
    QCOMPARE(link.failures.size(), 1);
    QVERIFY(link.failures.first().authentication);
    QVERIFY(link.failures.first().sendDisconnect);
    QCOMPARE(link.failures.first().error.kind, SessionError::Kind::AuthenticationFailed);
}

void TestAuthFlow::otherMethodPassedThrough()
{
    RecordingLink link;
    link.options.authenticationMethod = QStringLiteral("TOKEN");
    link.options.authenticationData = "first";
    AuthFlow flow = makeFlow(link);
    const AuthFlow::ConnectData connect = flow.beginConnection();
    QCOMPARE(connect.authenticationData, QByteArray("first"));
    QVERIFY(connect.sendPassword);
    flow.onAuth(authFrom(wire("F0 13 | 18 | 11         # AUTH 0x18, properties: 17 bytes\n"
                              "15 00 05 'TOKEN'        # Authentication Method\n"
                              "16 00 06 'prove!'       # Authentication Data")));
    QVERIFY(link.takeSent().isEmpty());
    QCOMPARE(link.actions.size(), size_t(1));
    const AuthChallenge challenge = std::get<AuthChallenge>(link.actions.front());
    QCOMPARE(challenge.reasonCode, ReasonCode::ContinueAuthentication);
    QCOMPARE(challenge.authenticationMethod, QStringLiteral("TOKEN"));
    QCOMPARE(challenge.authenticationData, QByteArray("prove!"));
    AuthContinueRequested answer;
    answer.authenticationData = "proof";
    flow.requestContinue(answer);
    const QList<QByteArray> sent = link.takeSent();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first(), wire("F0 12 | 18 | 10         # AUTH 0x18, properties: 16 bytes\n"
                                "15 00 05 'TOKEN'        # Authentication Method\n"
                                "16 00 05 'proof'        # Authentication Data"));
}

void TestAuthFlow::serverAuthBreakingRules_data()
{
    QTest::addColumn<QString>("configured");
    QTest::addColumn<bool>("connected");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("rule");
    QTest::newRow("AUTH without enhanced authentication")
        << QString() << false << int(ReasonCode::ContinueAuthentication)
        << QStringLiteral("SCRAM-SHA-256") << QStringLiteral("MQTT-4.12.0-6");
    QTest::newRow("another method")
        << QStringLiteral("SCRAM-SHA-256") << false << int(ReasonCode::ContinueAuthentication)
        << QStringLiteral("SCRAM-SHA-1") << QStringLiteral("MQTT-4.12.0-5");
    QTest::newRow("Re-authenticate from the server")
        << QStringLiteral("SCRAM-SHA-256") << true << int(ReasonCode::ReAuthenticate)
        << QStringLiteral("SCRAM-SHA-256") << QStringLiteral("5.0 §3.15.2.1");
    QTest::newRow("Success instead of CONNACK")
        << QStringLiteral("SCRAM-SHA-256") << false << int(ReasonCode::Success)
        << QStringLiteral("SCRAM-SHA-256") << QStringLiteral("MQTT-3.2.0-1");
}

void TestAuthFlow::serverAuthBreakingRules()
{
    QFETCH(QString, configured);
    QFETCH(bool, connected);
    QFETCH(int, code);
    QFETCH(QString, method);
    QFETCH(QString, rule);
    RecordingLink link;
    link.options.authenticationMethod = configured;
    if (connected)
        link.connack = ConnackInfo{};
    AuthFlow flow = makeFlow(link);
    flow.beginConnection();
    flow.onAuth(auth(ReasonCode(code), method, "x"));
    QVERIFY(link.takeSent().isEmpty());
    QCOMPARE(link.failures.size(), 1);
    QVERIFY(!link.failures.first().authentication);
    QCOMPARE(link.failures.first().error.kind, SessionError::Kind::ProtocolViolation);
    QCOMPARE(link.failures.first().error.rule, rule);
}

void TestAuthFlow::continueRequestsRefused_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("method");
    QTest::addColumn<bool>("connected");
    QTest::addColumn<bool>("open");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("rule");
    const QString scram = QStringLiteral("SCRAM-SHA-256");
    QTest::newRow("3.1.1") << int(ProtocolVersion::V311) << scram << true << true
                           << int(ReasonCode::ReAuthenticate) << QStringLiteral("MQTT-4.12.0-7");
    QTest::newRow("no method") << int(ProtocolVersion::V5) << QString() << true << true
                               << int(ReasonCode::ReAuthenticate)
                               << QStringLiteral("MQTT-4.12.0-7");
    QTest::newRow("re-authenticate before CONNACK")
        << int(ProtocolVersion::V5) << scram << false << true << int(ReasonCode::ReAuthenticate)
        << QStringLiteral("MQTT-3.15.2-1");
    QTest::newRow("continue without a transport")
        << int(ProtocolVersion::V5) << scram << false << false
        << int(ReasonCode::ContinueAuthentication) << QStringLiteral("MQTT-3.15.2-1");
    QTest::newRow("Success is the server's")
        << int(ProtocolVersion::V5) << scram << true << true << int(ReasonCode::Success)
        << QStringLiteral("MQTT-3.15.2-1");
}

void TestAuthFlow::continueRequestsRefused()
{
    QFETCH(int, version);
    QFETCH(QString, method);
    QFETCH(bool, connected);
    QFETCH(bool, open);
    QFETCH(int, code);
    QFETCH(QString, rule);
    RecordingLink link;
    link.options.version = ProtocolVersion(version);
    link.options.authenticationMethod = method;
    link.transportOpen = open;
    if (connected)
        link.connack = ConnackInfo{};
    AuthFlow flow = makeFlow(link);
    AuthContinueRequested request;
    request.reasonCode = ReasonCode(code);
    flow.requestContinue(request);
    QVERIFY(link.sent.isEmpty()); // nothing was sent
    QVERIFY(link.failures.isEmpty());
    QCOMPARE(link.reported.size(), 1);
    QCOMPARE(link.reported.first().kind, SessionError::Kind::InvalidRequest);
    QCOMPARE(link.reported.first().rule, rule);
}

void TestAuthFlow::passwordSentWithoutScram()
{
    // SCRAM is 5.0 enhanced authentication: a 3.1.1 CONNECT carries the password.
    RecordingLink link;
    link.options.version = ProtocolVersion::V311;
    AuthFlow flow = makeFlow(link);
    const AuthFlow::ConnectData connect = flow.beginConnection();
    QVERIFY(connect.sendPassword);
    QVERIFY(connect.authenticationData.isEmpty());
    QVERIFY(flow.acceptConnack(ConnackInfo{})); // no SCRAM exchange to finish
    QVERIFY(link.failures.isEmpty());
}

QTEST_APPLESS_MAIN(TestAuthFlow)
#include "tst_auth_flow.moc"
