// Reconnects: resend with DUP on a resumed session, discard without, PUBREL resend,
// QoS 2 exactly once across reconnects, resubscription, backoff and user stop.
#include "tests/session/support/session_driver.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

class TestSessionReconnect : public QObject
{
    Q_OBJECT

private slots:
    void resendWithDupOnSessionPresent_data() { addVersionRows(); }
    void resendWithDupOnSessionPresent();
    void discardWithoutSessionPresent_data();
    void discardWithoutSessionPresent();
    void cleanSessionLosesInFlight_data() { addVersionRows(); }
    void cleanSessionLosesInFlight();
    void inboundQos2ExactlyOnceAcrossReconnect_data() { addVersionRows(); }
    void inboundQos2ExactlyOnceAcrossReconnect();
    void resubscribeWithoutSession_data() { addVersionRows(); }
    void resubscribeWithoutSession();
    void noResubscribeWithSession_data();
    void noResubscribeWithSession();
    void backoffDoublesUpToMaximum();
    void backoffJitterStaysInBounds();
    void reconnectsAfterLossAndResetsBackoff_data() { addVersionRows(); }
    void reconnectsAfterLossAndResetsBackoff();
    void userDisconnectStopsReconnect_data() { addVersionRows(); }
    void userDisconnectStopsReconnect();
    void offlineQueueSentOnReconnect_data() { addVersionRows(); }
    void offlineQueueSentOnReconnect();
    void requestsWhileConnectingAreHeld();
};

namespace {

// A session whose state outlives the connection: 3.x CleanSession 0, 5.0 Clean Start 0
// with a Session Expiry Interval.
SessionOptions persistent(ProtocolVersion v)
{
    SessionOptions o;
    o.version = v;
    o.clientId = QStringLiteral("persist");
    o.cleanStart = false;
    o.adoptServerSession = true; // the very first CONNACK may say Session Present 1
    if (v == ProtocolVersion::V5)
        o.sessionExpiryInterval = 3600;
    o.reconnect.enabled = true;
    o.reconnect.initialDelayMs = 1000;
    o.reconnect.maximumDelayMs = 8000;
    o.reconnect.jitter = 0;
    return o;
}

QList<PublishPacket> publishes(const QList<Packet> &packets)
{
    QList<PublishPacket> out;
    for (const Packet &p : packets) {
        if (const auto *pub = std::get_if<PublishPacket>(&p))
            out.append(*pub);
    }
    return out;
}

// Three outbound flows left open: QoS 1 unacked (id a), QoS 2 with PUBREC (id b, PUBREL
// pending), QoS 2 unacked (id c).
struct OpenFlows
{
    quint16 a = 0, b = 0, c = 0;
};

OpenFlows leaveFlowsOpen(SessionDriver &d)
{
    OpenFlows f;
    d.handle(publishRequest(1, QStringLiteral("one"), QoS::AtLeastOnce));
    d.handle(publishRequest(2, QStringLiteral("two"), QoS::ExactlyOnce));
    d.handle(publishRequest(3, QStringLiteral("three"), QoS::ExactlyOnce));
    const QList<PublishPacket> sent = publishes(d.takeSent());
    if (sent.size() == 3) {
        f.a = sent.at(0).packetId;
        f.b = sent.at(1).packetId;
        f.c = sent.at(2).packetId;
    }
    d.receive(ackPacket<PubrecPacket>(f.b));
    d.take();
    return f;
}

} // namespace

void TestSessionReconnect::resendWithDupOnSessionPresent()
{
    SessionDriver d(persistent(versionFromRow()));
    d.connectAndAccept();
    const OpenFlows f = leaveFlowsOpen(d);
    QVERIFY(f.a && f.b && f.c);
    d.dropConnection();
    QCOMPARE(d.session.state(), SessionState::ReconnectWaiting);
    d.take();
    d.advance(1000); // reconnect timer -> OpenTransport -> CONNECT
    const QList<Packet> connect = d.takeSent();
    QCOMPARE(connect.size(), 1);
    QCOMPARE(std::get<ConnectPacket>(connect.first()).cleanStart, false);
    d.receive(connackPacket(true));
    const SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<PublishOutcome>(a), 0); // nothing lost
    const QList<Packet> sent = d.sent(a);
    QCOMPARE(sent.size(), 3);
    // PUBREL again with its id; the unacknowledged PUBLISH again with DUP=1, same ids,
    // original order [MQTT-4.4.0-1, MQTT-3.3.1-1, MQTT-4.6.0-1].
    QCOMPARE(std::get<PubrelPacket>(sent.at(0)).packetId, f.b);
    const PublishPacket first = std::get<PublishPacket>(sent.at(1));
    const PublishPacket second = std::get<PublishPacket>(sent.at(2));
    QCOMPARE(first.packetId, f.a);
    QCOMPARE(first.dup, true);
    QCOMPARE(first.topic, QStringLiteral("one"));
    QCOMPARE(second.packetId, f.c);
    QCOMPARE(second.dup, true);
    // The flows complete normally afterwards.
    d.receive(ackPacket<PubackPacket>(f.a));
    d.receive(ackPacket<PubcompPacket>(f.b));
    d.receive(ackPacket<PubrecPacket>(f.c));
    d.receive(ackPacket<PubcompPacket>(f.c));
    const QList<PublishOutcome> outcomes = SessionDriver::of<PublishOutcome>(d.take());
    QCOMPARE(outcomes.size(), 4);
    QCOMPARE(outcomes.at(0).status, PublishStatus::Acknowledged);
    QCOMPARE(outcomes.at(1).status, PublishStatus::Completed);
    QCOMPARE(outcomes.at(1).token, quint64(2));
    QCOMPARE(outcomes.at(3).status, PublishStatus::Completed);
    QCOMPARE(d.session.inFlightCount(), 0);
}

void TestSessionReconnect::discardWithoutSessionPresent_data()
{
    addVersionRows({ProtocolVersion::V311, ProtocolVersion::V5});
}

void TestSessionReconnect::discardWithoutSessionPresent()
{
    SessionDriver d(persistent(versionFromRow()));
    d.connectAndAccept();
    leaveFlowsOpen(d);
    d.dropConnection();
    d.handle(publishRequest(4, QStringLiteral("queued"), QoS::AtLeastOnce)); // offline
    d.advance(1000);
    d.take();
    d.receive(connackPacket(false)); // the server lost the session [MQTT-3.2.2-5]
    const SessionActions a = d.take();
    const QList<PublishOutcome> outcomes = SessionDriver::of<PublishOutcome>(a);
    QCOMPARE(outcomes.size(), 3);
    for (const PublishOutcome &o : outcomes) {
        QCOMPARE(o.status, PublishStatus::Failed);
        QCOMPARE(o.error->kind, SessionError::Kind::SessionLost);
    }
    // No resend, no PUBREL; the message queued while offline goes out as new.
    const QList<Packet> sent = d.sent(a);
    QCOMPARE(sent.size(), 1);
    const PublishPacket p = std::get<PublishPacket>(sent.first());
    QCOMPARE(p.topic, QStringLiteral("queued"));
    QCOMPARE(p.dup, false);
    QCOMPARE(d.session.inFlightCount(), 1);
}

void TestSessionReconnect::cleanSessionLosesInFlight()
{
    SessionOptions o = persistent(versionFromRow());
    o.cleanStart = true;
    o.sessionExpiryInterval.reset();
    SessionDriver d(o);
    d.connectAndAccept();
    leaveFlowsOpen(d);
    d.dropConnection();
    // The session ends with the connection [MQTT-3.1.2-4]: nothing to resend.
    const QList<PublishOutcome> outcomes = SessionDriver::of<PublishOutcome>(d.take());
    QCOMPARE(outcomes.size(), 3);
    QCOMPARE(outcomes.first().error->kind, SessionError::Kind::SessionLost);
    d.advance(1000);
    const QList<Packet> connect = d.takeSent();
    QCOMPARE(std::get<ConnectPacket>(connect.first()).cleanStart, true);
    d.receive(connackPacket(false));
    QVERIFY(d.takeSent().isEmpty());
}

void TestSessionReconnect::inboundQos2ExactlyOnceAcrossReconnect()
{
    SessionDriver d(persistent(versionFromRow()));
    d.connectAndAccept();
    d.take();
    d.receive(publishPacket(QStringLiteral("in"), "once", QoS::ExactlyOnce, 7));
    QCOMPARE(SessionDriver::count<DeliverMessage>(d.take()), 1);
    // The PUBREL never arrives: the connection drops.
    d.dropConnection();
    d.advance(1000);
    d.receive(connackPacket(true));
    d.take();
    // The broker resends the PUBLISH: acknowledged, not delivered again.
    d.receive(publishPacket(QStringLiteral("in"), "once", QoS::ExactlyOnce, 7, false, true));
    SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<DeliverMessage>(a), 0);
    QCOMPARE(std::get<PubrecPacket>(d.sent(a).first()).packetId, quint16(7));
    d.receive(ackPacket<PubrelPacket>(7));
    a = d.take();
    QCOMPARE(std::get<PubcompPacket>(d.sent(a).first()).reasonCode, ReasonCode::Success);
    d.receive(publishPacket(QStringLiteral("in"), "next", QoS::ExactlyOnce, 7));
    QCOMPARE(SessionDriver::count<DeliverMessage>(d.take()), 1);
}

void TestSessionReconnect::resubscribeWithoutSession()
{
    SessionOptions o = persistent(versionFromRow());
    // 3.1 has no Session Present flag: with CleanSession 0 the session is assumed kept,
    // so the fresh session is shown with CleanSession 1.
    if (o.version == ProtocolVersion::V31)
        o.cleanStart = true;
    SessionDriver d(o);
    d.connectAndAccept();
    d.take();
    SubscribeRequested request =
        subscribeRequest(10, {QStringLiteral("a/#"), QStringLiteral("b")}, QoS::ExactlyOnce);
    d.handle(request);
    const SubscribePacket subscribe = std::get<SubscribePacket>(d.takeSent().first());
    SubackPacket suback;
    suback.packetId = subscribe.packetId;
    suback.reasonCodes = {ReasonCode::GrantedQoS1, ReasonCode::UnspecifiedError};
    d.receive(suback);
    d.take();
    QCOMPARE(d.session.activeSubscriptions().size(), 1);
    d.dropConnection();
    d.advance(1000);
    d.take();
    d.receive(connackPacket(false));
    SessionActions a = d.take();
    const QList<Packet> sent = d.sent(a);
    QCOMPARE(sent.size(), 1);
    const SubscribePacket again = std::get<SubscribePacket>(sent.first());
    QCOMPARE(again.subscriptions.size(), 1);
    QCOMPARE(again.subscriptions.first().filter, QStringLiteral("a/#"));
    QCOMPARE(again.subscriptions.first().options.qos, QoS::AtLeastOnce); // as granted
    SubackPacket ack;
    ack.packetId = again.packetId;
    ack.reasonCodes = {ReasonCode::GrantedQoS1};
    d.receive(ack);
    const QList<SubscribeResult> results = SessionDriver::of<SubscribeResult>(d.take());
    QCOMPARE(results.size(), 1);
    QVERIFY(results.first().resubscribe);
    QCOMPARE(results.first().token, quint64(0));
}

void TestSessionReconnect::noResubscribeWithSession_data()
{
    addVersionRows({ProtocolVersion::V311, ProtocolVersion::V5});
}

void TestSessionReconnect::noResubscribeWithSession()
{
    SessionDriver d(persistent(versionFromRow()));
    d.connectAndAccept();
    d.handle(subscribeRequest(10, {QStringLiteral("a")}));
    const SubscribePacket subscribe = std::get<SubscribePacket>(d.takeSent().last());
    SubackPacket suback;
    suback.packetId = subscribe.packetId;
    suback.reasonCodes = {ReasonCode::GrantedQoS1};
    d.receive(suback);
    d.dropConnection();
    d.advance(1000);
    d.take();
    d.receive(connackPacket(true));
    QVERIFY(d.takeSent().isEmpty());
}

void TestSessionReconnect::backoffDoublesUpToMaximum()
{
    SessionOptions o = persistent(ProtocolVersion::V311);
    SessionDriver d(o);
    d.autoOpen = false;
    d.handle(ConnectRequested{});
    QList<qint64> delays;
    for (int attempt = 0; attempt < 6; ++attempt) {
        d.take();
        d.handle(TransportClosed{QStringLiteral("refused"), true});
        const QList<StartTimer> timers = SessionDriver::of<StartTimer>(d.take());
        QCOMPARE(timers.last().timer, SessionTimer::Reconnect);
        delays.append(timers.last().durationMs);
        QCOMPARE(d.session.state(), SessionState::ReconnectWaiting);
        const int opens = d.opens;
        d.advance(timers.last().durationMs);
        QCOMPARE(d.opens, opens + 1);
    }
    QCOMPARE(delays, (QList<qint64>{1000, 2000, 4000, 8000, 8000, 8000}));
}

void TestSessionReconnect::backoffJitterStaysInBounds()
{
    SessionOptions o = persistent(ProtocolVersion::V5);
    o.reconnect.jitter = 0.5;
    o.reconnect.initialDelayMs = 500;
    o.reconnect.maximumDelayMs = 4000;
    QList<qint64> first;
    for (int run = 0; run < 2; ++run) {
        SessionDriver d(o, 42);
        d.autoOpen = false;
        d.handle(ConnectRequested{});
        QList<qint64> delays;
        for (int attempt = 0; attempt < 8; ++attempt) {
            d.take();
            d.handle(TransportClosed{QStringLiteral("refused"), true});
            const qint64 delay = SessionDriver::of<StartTimer>(d.take()).last().durationMs;
            const qint64 base = qMin<qint64>(4000, 500ll << qMin(attempt, 10));
            QVERIFY2(delay <= base && delay >= qMax<qint64>(500, base / 2),
                     qPrintable(QStringLiteral("attempt %1: %2").arg(attempt).arg(delay)));
            delays.append(delay);
            d.advance(delay);
        }
        if (run == 0)
            first = delays;
        else
            QCOMPARE(delays, first); // same seed, same delays
    }
}

void TestSessionReconnect::reconnectsAfterLossAndResetsBackoff()
{
    SessionDriver d(persistent(versionFromRow()));
    d.connectAndAccept();
    d.dropConnection();
    QCOMPARE(d.timerDeadline(SessionTimer::Reconnect), d.now + 1000);
    d.autoOpen = false;
    d.advance(1000);
    d.handle(TransportClosed{QStringLiteral("refused"), true});
    QCOMPARE(d.timerDeadline(SessionTimer::Reconnect), d.now + 2000);
    d.autoOpen = true;
    d.advance(2000);
    d.receive(connackPacket(true));
    QCOMPARE(d.session.state(), SessionState::Connected);
    d.dropConnection();
    QCOMPARE(d.timerDeadline(SessionTimer::Reconnect), d.now + 1000); // back to the start
}

void TestSessionReconnect::userDisconnectStopsReconnect()
{
    SessionDriver d(persistent(versionFromRow()));
    d.connectAndAccept();
    d.dropConnection();
    QCOMPARE(d.session.state(), SessionState::ReconnectWaiting);
    d.take();
    d.handle(DisconnectRequested{});
    QCOMPARE(d.session.state(), SessionState::Disconnected);
    QVERIFY(!d.timerRunning(SessionTimer::Reconnect));
    const int opens = d.opens;
    d.advance(60000);
    QCOMPARE(d.opens, opens);
}

void TestSessionReconnect::offlineQueueSentOnReconnect()
{
    SessionDriver d(persistent(versionFromRow()));
    d.connectAndAccept();
    d.dropConnection();
    d.handle(publishRequest(5, QStringLiteral("while/offline"), QoS::ExactlyOnce));
    QCOMPARE(SessionDriver::of<PublishOutcome>(d.take()).last().status, PublishStatus::Queued);
    d.advance(1000);
    d.receive(connackPacket(true));
    const QList<PublishPacket> sent = publishes(d.takeSent());
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().topic, QStringLiteral("while/offline"));
}

void TestSessionReconnect::requestsWhileConnectingAreHeld()
{
    SessionOptions o = persistent(ProtocolVersion::V5);
    SessionDriver d(o);
    d.connect();
    d.take();
    d.handle(subscribeRequest(1, {QStringLiteral("early")}));
    QVERIFY(d.takeSent().isEmpty()); // nothing before CONNACK [MQTT-3.1.0-1]
    d.receive(connackPacket(false));
    const QList<Packet> sent = d.takeSent();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(std::get<SubscribePacket>(sent.first()).subscriptions.first().filter,
             QStringLiteral("early"));
}

QTEST_GUILESS_MAIN(TestSessionReconnect)
#include "tst_session_reconnect.moc"
