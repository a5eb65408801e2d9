// CONNECT with every option, CONNACK handling and refusals, once per protocol version.
#include "tests/session/support/session_driver.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

class TestSessionConnect : public QObject
{
    Q_OBJECT

private slots:
    void connectCarriesEveryOption_data() { addVersionRows(); }
    void connectCarriesEveryOption();
    void connectPropertiesV5();
    void clientIdGeneratedWhereEmptyIsNotAllowed_data() { addVersionRows(); }
    void clientIdGeneratedWhereEmptyIsNotAllowed();
    void v31ClientIdLongerThan23IsRefused();
    void connackAcceptedReportsServerProperties();
    void connackAccepted_data() { addVersionRows(); }
    void connackAccepted();
    void connackRefused_data() { addVersionRows(); }
    void connackRefused();
    void withoutAdoptingFirstConnectStartsClean();
    void sessionPresentAdoptedWhenAllowed();
    void sessionPresentWithCleanStartIsProtocolError_data();
    void sessionPresentWithCleanStartIsProtocolError();
    void connectTimeout_data() { addVersionRows(); }
    void connectTimeout();
    void transportFailsToOpen_data() { addVersionRows(); }
    void transportFailsToOpen();
    void passwordNeverLogged_data() { addVersionRows(); }
    void passwordNeverLogged();
};

namespace {

SessionOptions fullOptions(ProtocolVersion version)
{
    SessionOptions o;
    o.version = version;
    o.clientId = QStringLiteral("desk-1");
    o.cleanStart = false;
    o.keepAliveSeconds = 42;
    o.username = QStringLiteral("alice");
    o.password = QByteArrayLiteral("s3cret");
    Will will;
    will.topic = QStringLiteral("clients/desk-1/status");
    will.payload = QByteArrayLiteral("offline");
    will.qos = QoS::AtLeastOnce;
    will.retain = true;
    o.will = will;
    return o;
}

} // namespace

void TestSessionConnect::connectCarriesEveryOption()
{
    const ProtocolVersion v = versionFromRow();
    SessionDriver d(fullOptions(v));
    const ConnectPacket c = d.connect();
    QCOMPARE(c.protocolVersion, v);
    QCOMPARE(c.clientId, QStringLiteral("desk-1"));
    QCOMPARE(c.cleanStart, false);
    QCOMPARE(c.keepAlive, quint16(42));
    QCOMPARE(c.username, std::optional<QString>(QStringLiteral("alice")));
    QCOMPARE(c.password, std::optional<QByteArray>(QByteArrayLiteral("s3cret")));
    QVERIFY(c.will);
    QCOMPARE(c.will->topic, QStringLiteral("clients/desk-1/status"));
    QCOMPARE(c.will->payload, QByteArrayLiteral("offline"));
    QCOMPARE(c.will->qos, QoS::AtLeastOnce);
    QCOMPARE(c.will->retain, true);
    QCOMPARE(d.session.state(), SessionState::Connecting);
    QVERIFY(d.timerRunning(SessionTimer::ConnectTimeout));
}

void TestSessionConnect::connectPropertiesV5()
{
    SessionOptions o = fullOptions(ProtocolVersion::V5);
    o.will->properties.setWillDelayInterval(30);
    o.will->properties.setContentType(QStringLiteral("text/plain"));
    o.sessionExpiryInterval = 3600;
    o.receiveMaximum = 10;
    o.maximumPacketSize = 4096;
    o.topicAliasMaximum = 8;
    o.requestResponseInformation = true;
    o.requestProblemInformation = false;
    o.userProperties = {{QStringLiteral("app"), QStringLiteral("mqttdesk")}};
    SessionDriver d(o);
    const ConnectPacket c = d.connect();
    const Properties &p = c.properties;
    QCOMPARE(p.sessionExpiryInterval(), std::optional<quint32>(3600));
    QCOMPARE(p.receiveMaximum(), std::optional<quint16>(10));
    QCOMPARE(p.maximumPacketSize(), std::optional<quint32>(4096));
    QCOMPARE(p.topicAliasMaximum(), std::optional<quint16>(8));
    QCOMPARE(p.requestResponseInformation(), std::optional<quint8>(1));
    QCOMPARE(p.requestProblemInformation(), std::optional<quint8>(0));
    QCOMPARE(p.userProperties().size(), 1);
    QCOMPARE(p.userProperties().first().value, QStringLiteral("mqttdesk"));
    QCOMPARE(c.will->properties.willDelayInterval(), std::optional<quint32>(30));
    QCOMPARE(c.will->properties.contentType(),
             std::optional<QString>(QStringLiteral("text/plain")));
}

void TestSessionConnect::clientIdGeneratedWhereEmptyIsNotAllowed()
{
    const ProtocolVersion v = versionFromRow();
    for (const bool clean : {true, false}) {
        SessionOptions o;
        o.version = v;
        o.cleanStart = clean;
        o.adoptServerSession = true;
        SessionDriver d(o);
        const ConnectPacket c = d.connect();
        // 3.1: always 1..23 characters; 3.1.1: empty only with CleanSession 1
        // [MQTT-3.1.3-7]; 5.0: empty lets the server assign one.
        const bool mayBeEmpty = v == ProtocolVersion::V5 || (v == ProtocolVersion::V311 && clean);
        if (mayBeEmpty) {
            QVERIFY(c.clientId.isEmpty());
        } else {
            QVERIFY(!c.clientId.isEmpty());
            QVERIFY(c.clientId.size() <= 23);
            QCOMPARE(d.session.clientId(), c.clientId);
        }
    }
}

void TestSessionConnect::v31ClientIdLongerThan23IsRefused()
{
    SessionOptions o;
    o.version = ProtocolVersion::V31;
    o.clientId = QStringLiteral("this-client-id-is-far-too-long");
    SessionDriver d(o);
    d.handle(ConnectRequested{});
    const SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<OpenTransport>(a), 0);
    const QList<ErrorOccurred> errors = SessionDriver::of<ErrorOccurred>(a);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error.kind, SessionError::Kind::InvalidOptions);
    QVERIFY(errors.first().error.message.contains(QStringLiteral("23")));
    QCOMPARE(d.session.state(), SessionState::Disconnected);
}

void TestSessionConnect::connackAcceptedReportsServerProperties()
{
    SessionOptions o;
    o.version = ProtocolVersion::V5;
    SessionDriver d(o);
    d.connect();
    Properties p;
    p.setAssignedClientIdentifier(QStringLiteral("auto-7"));
    p.setServerKeepAlive(20);
    p.setReceiveMaximum(5);
    p.setMaximumQoS(1);
    p.setRetainAvailable(0);
    p.setMaximumPacketSize(2048);
    p.setTopicAliasMaximum(3);
    p.setWildcardSubscriptionAvailable(0);
    p.setSharedSubscriptionAvailable(0);
    p.setSubscriptionIdentifierAvailable(0);
    p.setResponseInformation(QStringLiteral("reply/here"));
    p.setServerReference(QStringLiteral("other.example"));
    p.setReasonString(QStringLiteral("welcome"));
    p.setSessionExpiryInterval(60);
    d.take();
    d.receive(connackPacket(false, ReasonCode::Success, p));
    const SessionActions a = d.take();
    const QList<Connected> connected = SessionDriver::of<Connected>(a);
    QCOMPARE(connected.size(), 1);
    const ConnackInfo &info = connected.first().info;
    QCOMPARE(info.assignedClientIdentifier, std::optional<QString>(QStringLiteral("auto-7")));
    QCOMPARE(info.clientId, QStringLiteral("auto-7"));
    QCOMPARE(info.serverKeepAlive, std::optional<quint16>(20));
    QCOMPARE(info.keepAliveSeconds, quint16(20));
    QCOMPARE(info.receiveMaximum, quint16(5));
    QCOMPARE(info.maximumQoS, QoS::AtLeastOnce);
    QCOMPARE(info.retainAvailable, false);
    QCOMPARE(info.maximumPacketSize, std::optional<quint32>(2048));
    QCOMPARE(info.topicAliasMaximum, quint16(3));
    QCOMPARE(info.wildcardSubscriptionAvailable, false);
    QCOMPARE(info.sharedSubscriptionAvailable, false);
    QCOMPARE(info.subscriptionIdentifierAvailable, false);
    QCOMPARE(info.responseInformation, std::optional<QString>(QStringLiteral("reply/here")));
    QCOMPARE(info.serverReference, std::optional<QString>(QStringLiteral("other.example")));
    QCOMPARE(info.reasonString, std::optional<QString>(QStringLiteral("welcome")));
    QCOMPARE(d.session.clientId(), QStringLiteral("auto-7"));
    QCOMPARE(d.timerDeadline(SessionTimer::KeepAlive), d.now + 20000);
}

void TestSessionConnect::connackAccepted()
{
    SessionOptions o;
    o.version = versionFromRow();
    o.clientId = QStringLiteral("c1");
    SessionDriver d(o);
    d.connect();
    d.take();
    d.receive(connackPacket());
    const SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<Connected>(a), 1);
    QCOMPARE(SessionDriver::of<StateChanged>(a).last().state, SessionState::Connected);
    QCOMPARE(d.session.state(), SessionState::Connected);
    QVERIFY(!d.timerRunning(SessionTimer::ConnectTimeout));
    QVERIFY(d.timerRunning(SessionTimer::KeepAlive));
    QCOMPARE(SessionDriver::count<ErrorOccurred>(a), 0);
}

void TestSessionConnect::connackRefused()
{
    SessionOptions o;
    o.version = versionFromRow();
    o.clientId = QStringLiteral("c1");
    o.reconnect.enabled = true;
    SessionDriver d(o);
    d.connect();
    d.take();
    d.receive(connackPacket(false, ReasonCode::BadUserNameOrPassword));
    const SessionActions a = d.take();
    const QList<ErrorOccurred> errors = SessionDriver::of<ErrorOccurred>(a);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error.kind, SessionError::Kind::ConnectionRefused);
    QCOMPARE(errors.first().error.reasonCode, std::optional(ReasonCode::BadUserNameOrPassword));
    QVERIFY(errors.first().error.message.contains(QStringLiteral("user name and password")));
    QCOMPARE(SessionDriver::count<CloseTransport>(a), 1);
    // Bad credentials do not get better by retrying.
    QCOMPARE(d.session.state(), SessionState::Disconnected);
    QVERIFY(!d.timerRunning(SessionTimer::Reconnect));

    // A transient refusal is retried.
    SessionDriver busy(o);
    busy.connect();
    busy.receive(connackPacket(false, ReasonCode::ServerUnavailable));
    QCOMPARE(busy.session.state(), SessionState::ReconnectWaiting);
    QVERIFY(busy.timerRunning(SessionTimer::Reconnect));
}

void TestSessionConnect::withoutAdoptingFirstConnectStartsClean()
{
    SessionOptions o;
    o.version = ProtocolVersion::V5;
    o.clientId = QStringLiteral("c1");
    o.cleanStart = false;
    o.sessionExpiryInterval = 600;
    o.adoptServerSession = false;
    SessionDriver d(o);
    // Without local state and without adopting, the first CONNECT starts a new session
    // [MQTT-3.2.2-4]; a Session Present 1 answer to it is then the server's violation.
    QVERIFY(d.connect().cleanStart);
    d.take();
    d.receive(connackPacket(false));
    QCOMPARE(d.session.state(), SessionState::Connected);
    // A reconnect of the same run resumes the session it now has.
    d.dropConnection();
    d.take();
    QVERIFY(!d.connect().cleanStart);
    d.receive(connackPacket(true));
    QCOMPARE(d.session.state(), SessionState::Connected);
    QVERIFY(d.session.connackInfo()->sessionPresent);
}

void TestSessionConnect::sessionPresentAdoptedWhenAllowed()
{
    SessionOptions o;
    o.version = ProtocolVersion::V5;
    o.clientId = QStringLiteral("c1");
    o.cleanStart = false;
    o.sessionExpiryInterval = 600;
    o.adoptServerSession = true;
    SessionDriver d(o);
    d.connect();
    d.receive(connackPacket(true));
    QCOMPARE(d.session.state(), SessionState::Connected);
    QVERIFY(d.session.connackInfo()->sessionPresent);
}

void TestSessionConnect::sessionPresentWithCleanStartIsProtocolError_data()
{
    addVersionRows({ProtocolVersion::V311, ProtocolVersion::V5});
}

void TestSessionConnect::sessionPresentWithCleanStartIsProtocolError()
{
    const ProtocolVersion v = versionFromRow();
    SessionOptions o;
    o.version = v;
    o.clientId = QStringLiteral("c1");
    SessionDriver d(o);
    d.connect();
    d.take();
    d.receive(connackPacket(true));
    const QList<ErrorOccurred> errors = SessionDriver::of<ErrorOccurred>(d.take());
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error.rule, v == ProtocolVersion::V5 ? QStringLiteral("MQTT-3.2.2-2")
                                                                 : QStringLiteral("MQTT-3.2.2-1"));
}

void TestSessionConnect::connectTimeout()
{
    SessionOptions o;
    o.version = versionFromRow();
    o.clientId = QStringLiteral("c1");
    o.connectTimeoutMs = 5000;
    SessionDriver d(o);
    d.connect();
    d.take();
    d.advance(4999);
    QCOMPARE(SessionDriver::count<ErrorOccurred>(d.actions), 0);
    d.advance(1);
    const SessionActions a = d.take();
    const QList<ErrorOccurred> errors = SessionDriver::of<ErrorOccurred>(a);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error.kind, SessionError::Kind::ConnectTimeout);
    QCOMPARE(SessionDriver::count<CloseTransport>(a), 1);
    QCOMPARE(d.session.state(), SessionState::Disconnected);
}

void TestSessionConnect::transportFailsToOpen()
{
    SessionOptions o;
    o.version = versionFromRow();
    o.clientId = QStringLiteral("c1");
    SessionDriver d(o);
    d.autoOpen = false;
    d.handle(ConnectRequested{});
    QCOMPARE(d.opens, 1);
    d.take();
    d.handle(TransportClosed{QStringLiteral("Connection refused"), true});
    const QList<ErrorOccurred> errors = SessionDriver::of<ErrorOccurred>(d.take());
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error.kind, SessionError::Kind::TransportClosed);
    QVERIFY(errors.first().error.message.contains(QStringLiteral("Connection refused")));
    QCOMPARE(d.session.state(), SessionState::Disconnected);
    QVERIFY(!d.timerRunning(SessionTimer::ConnectTimeout));
}

void TestSessionConnect::passwordNeverLogged()
{
    SessionOptions options = fullOptions(versionFromRow());
    options.logPackets = true; // the CONNECT summary is the line that could leak it
    SessionDriver d(options);
    d.connectAndAccept();
    bool connectLogged = false;
    for (const LogLine &line : SessionDriver::of<LogLine>(d.take())) {
        QVERIFY2(!line.text.contains(QStringLiteral("s3cret")), qPrintable(line.text));
        connectLogged = connectLogged || line.text.startsWith(QStringLiteral("-> CONNECT"));
    }
    QVERIFY(connectLogged);
}

QTEST_GUILESS_MAIN(TestSessionConnect)
#include "tst_session_connect.moc"
