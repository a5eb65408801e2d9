// 5.0 Topic Aliases in both directions and Maximum Packet Size both ways (and the local
// Maximum Packet Size of 3.1.1, which cannot be announced).
#include "tests/session/support/session_driver.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

class TestSessionV5Limits : public QObject
{
    Q_OBJECT

private slots:
    void inboundAliasResolved();
    void inboundUnknownAliasIsProtocolError();
    void inboundAliasAboveMaximumIsProtocolError();
    void inboundAliasWithoutOurMaximumIsProtocolError();
    void inboundAliasesResetPerConnection();
    void outboundAliasesUsedWhenEnabled();
    void outboundAliasesOffByDefault();
    void outboundAliasesLimitedByServerMaximum();
    void oversizedOutgoingRefused();
    void oversizedQueuedMessageFailsOnSend();
    void oversizedIncomingClosesWithPacketTooLarge();
    void oversizedIncomingV311ClosesAtOwnLimit();
    void v311WithoutLimitAcceptsLargePackets();
    void receiveMaximumExceededByServer();
};

namespace {

SessionOptions v5()
{
    SessionOptions o;
    o.version = ProtocolVersion::V5;
    o.clientId = QStringLiteral("limits");
    o.topicAliasMaximum = 4;
    o.reconnect.enabled = true;
    o.reconnect.jitter = 0;
    return o;
}

PublishPacket aliased(const QString &topic, quint16 alias, const QByteArray &payload = "p")
{
    PublishPacket p = publishPacket(topic, payload, QoS::AtMostOnce);
    p.properties.setTopicAlias(alias);
    return p;
}

ConnackPacket withProperties(const Properties &p)
{
    return connackPacket(false, ReasonCode::Success, p);
}

// The one ErrorOccurred and the DISCONNECT sent for a violation.
void expectViolation(SessionDriver &d, const QString &rule, ReasonCode disconnectCode)
{
    const SessionActions a = d.take();
    const QList<ErrorOccurred> errors = SessionDriver::of<ErrorOccurred>(a);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error.rule, rule);
    QVERIFY(!errors.first().error.message.isEmpty());
    const QList<Packet> sent = d.sent(a);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(std::get<DisconnectPacket>(sent.first()).reasonCode, disconnectCode);
    QCOMPARE(SessionDriver::count<CloseTransport>(a), 1);
    QCOMPARE(SessionDriver::count<DeliverMessage>(a), 0);
}

} // namespace

void TestSessionV5Limits::inboundAliasResolved()
{
    SessionDriver d(v5());
    const ConnectPacket c = d.connectAndAccept();
    QCOMPARE(c.properties.topicAliasMaximum(), std::optional<quint16>(4));
    d.take();
    d.receive(aliased(QStringLiteral("sensors/one"), 2, "first"));
    d.receive(aliased(QString(), 2, "second"));
    const QList<DeliverMessage> delivered = SessionDriver::of<DeliverMessage>(d.take());
    QCOMPARE(delivered.size(), 2);
    QCOMPARE(delivered.at(1).message.topic, QStringLiteral("sensors/one"));
    QCOMPARE(delivered.at(1).message.payload, QByteArrayLiteral("second"));
    QVERIFY(!delivered.at(1).message.properties.topicAlias()); // resolved, not passed on
    // ... but still known, for showing it.
    QCOMPARE(delivered.at(0).topicAlias, quint16(2));
    QCOMPARE(delivered.at(1).topicAlias, quint16(2));
}

void TestSessionV5Limits::inboundUnknownAliasIsProtocolError()
{
    SessionDriver d(v5());
    d.connectAndAccept();
    d.take();
    d.receive(aliased(QString(), 3));
    expectViolation(d, QStringLiteral("5.0 §3.3.2.3.4"), ReasonCode::ProtocolError);
}

void TestSessionV5Limits::inboundAliasAboveMaximumIsProtocolError()
{
    SessionDriver d(v5());
    d.connectAndAccept();
    d.take();
    d.receive(aliased(QStringLiteral("t"), 5));
    expectViolation(d, QStringLiteral("MQTT-3.1.2-26"), ReasonCode::TopicAliasInvalid);
}

void TestSessionV5Limits::inboundAliasWithoutOurMaximumIsProtocolError()
{
    SessionOptions o = v5();
    o.topicAliasMaximum = 0;
    SessionDriver d(o);
    d.connectAndAccept();
    d.take();
    d.receive(aliased(QStringLiteral("t"), 1));
    expectViolation(d, QStringLiteral("MQTT-3.1.2-27"), ReasonCode::TopicAliasInvalid);
}

void TestSessionV5Limits::inboundAliasesResetPerConnection()
{
    SessionDriver d(v5());
    d.connectAndAccept();
    d.receive(aliased(QStringLiteral("t"), 1));
    d.dropConnection();
    d.advance(1000);
    d.receive(connackPacket(false));
    d.take();
    // The old mapping is gone [MQTT-3.3.2-7].
    d.receive(aliased(QString(), 1));
    expectViolation(d, QStringLiteral("5.0 §3.3.2.3.4"), ReasonCode::ProtocolError);
}

void TestSessionV5Limits::outboundAliasesUsedWhenEnabled()
{
    SessionOptions o = v5();
    o.outboundTopicAliases = true;
    o.cleanStart = false;
    o.sessionExpiryInterval = 600;
    SessionDriver d(o);
    Properties p;
    p.setTopicAliasMaximum(2);
    d.connectAndAccept(withProperties(p));
    d.take();
    d.handle(publishRequest(1, QStringLiteral("long/topic/name"), QoS::AtMostOnce));
    d.handle(publishRequest(2, QStringLiteral("long/topic/name"), QoS::AtLeastOnce));
    const QList<Packet> sent = d.takeSent();
    QCOMPARE(sent.size(), 2);
    const PublishPacket first = std::get<PublishPacket>(sent.at(0));
    const PublishPacket second = std::get<PublishPacket>(sent.at(1));
    QCOMPARE(first.topic, QStringLiteral("long/topic/name"));
    QCOMPARE(first.properties.topicAlias(), std::optional<quint16>(1)); // never 0 [MQTT-3.3.2-8]
    QVERIFY(second.topic.isEmpty());
    QCOMPARE(second.properties.topicAlias(), std::optional<quint16>(1));
    // The resend on a new connection sets the alias up again [MQTT-3.3.2-7].
    d.dropConnection();
    d.advance(1000);
    d.take();
    d.receive(connackPacket(true, ReasonCode::Success, p));
    const QList<Packet> again = d.takeSent();
    QCOMPARE(again.size(), 1);
    const PublishPacket resent = std::get<PublishPacket>(again.first());
    QCOMPARE(resent.dup, true);
    QCOMPARE(resent.packetId, second.packetId);
    QCOMPARE(resent.topic, QStringLiteral("long/topic/name"));
    QCOMPARE(resent.properties.topicAlias(), std::optional<quint16>(1));
}

void TestSessionV5Limits::outboundAliasesOffByDefault()
{
    SessionDriver d(v5());
    Properties p;
    p.setTopicAliasMaximum(10);
    d.connectAndAccept(withProperties(p));
    d.take();
    d.handle(publishRequest(1, QStringLiteral("a"), QoS::AtMostOnce));
    d.handle(publishRequest(2, QStringLiteral("a"), QoS::AtMostOnce));
    for (const Packet &packet : d.takeSent()) {
        QCOMPARE(std::get<PublishPacket>(packet).topic, QStringLiteral("a"));
        QVERIFY(!std::get<PublishPacket>(packet).properties.topicAlias());
    }
}

void TestSessionV5Limits::outboundAliasesLimitedByServerMaximum()
{
    SessionOptions o = v5();
    o.outboundTopicAliases = true;
    SessionDriver d(o);
    Properties p;
    p.setTopicAliasMaximum(1);
    d.connectAndAccept(withProperties(p));
    d.take();
    d.handle(publishRequest(1, QStringLiteral("a"), QoS::AtMostOnce));
    d.handle(publishRequest(2, QStringLiteral("b"), QoS::AtMostOnce));
    const QList<Packet> sent = d.takeSent();
    QCOMPARE(std::get<PublishPacket>(sent.at(0)).properties.topicAlias(),
             std::optional<quint16>(1));
    // No alias above the server's Topic Alias Maximum [MQTT-3.3.2-9].
    QVERIFY(!std::get<PublishPacket>(sent.at(1)).properties.topicAlias());
    QCOMPARE(std::get<PublishPacket>(sent.at(1)).topic, QStringLiteral("b"));
}

void TestSessionV5Limits::oversizedOutgoingRefused()
{
    SessionDriver d(v5());
    Properties p;
    p.setMaximumPacketSize(64);
    d.connectAndAccept(withProperties(p));
    d.take();
    d.handle(publishRequest(1, QStringLiteral("a"), QoS::AtLeastOnce, QByteArray(100, 'x')));
    d.handle(publishRequest(2, QStringLiteral("a"), QoS::AtLeastOnce, QByteArray(10, 'x')));
    const SessionActions a = d.take();
    const QList<Packet> sent = d.sent(a);
    QCOMPARE(sent.size(), 1); // only the small one [MQTT-3.2.2-15]
    QCOMPARE(std::get<PublishPacket>(sent.first()).payload.size(), 10);
    const QList<PublishOutcome> outcomes = SessionDriver::of<PublishOutcome>(a);
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.first().token, quint64(1));
    QCOMPARE(outcomes.first().error->kind, SessionError::Kind::PacketTooLarge);
    QCOMPARE(outcomes.first().error->rule, QStringLiteral("MQTT-3.2.2-15"));
    QVERIFY(outcomes.first().error->message.contains(QStringLiteral("64")));
    QCOMPARE(d.session.inFlightCount(), 1);
}

void TestSessionV5Limits::oversizedQueuedMessageFailsOnSend()
{
    SessionDriver d(v5());
    d.handle(publishRequest(1, QStringLiteral("a"), QoS::AtLeastOnce, QByteArray(100, 'x')));
    d.take();
    Properties p;
    p.setMaximumPacketSize(64);
    d.connectAndAccept(withProperties(p));
    const SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<SendBytes>(a), 1); // the CONNECT only
    const QList<PublishOutcome> outcomes = SessionDriver::of<PublishOutcome>(a);
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.first().error->kind, SessionError::Kind::PacketTooLarge);
    QCOMPARE(d.session.inFlightCount(), 0);
}

void TestSessionV5Limits::oversizedIncomingClosesWithPacketTooLarge()
{
    SessionOptions o = v5();
    o.maximumPacketSize = 32;
    SessionDriver d(o);
    d.connectAndAccept();
    d.take();
    d.receive(publishPacket(QStringLiteral("big"), QByteArray(64, 'x'), QoS::AtMostOnce));
    const SessionActions a = d.take();
    const QList<ErrorOccurred> errors = SessionDriver::of<ErrorOccurred>(a);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error.reasonCode, std::optional(ReasonCode::PacketTooLarge));
    QVERIFY(!errors.first().error.rule.isEmpty());
    QCOMPARE(std::get<DisconnectPacket>(d.sent(a).first()).reasonCode, ReasonCode::PacketTooLarge);
    QCOMPARE(SessionDriver::count<DeliverMessage>(a), 0);
}

// 3.1.1 has no Maximum Packet Size property: the limit is not sent in CONNECT but still
// bounds what the reader buffers. A larger packet closes the connection (no DISCONNECT:
// 3.x has no reason codes) with an error that names our own limit, not a server fault.
void TestSessionV5Limits::oversizedIncomingV311ClosesAtOwnLimit()
{
    SessionOptions o;
    o.version = ProtocolVersion::V311;
    o.clientId = QStringLiteral("limits");
    o.maximumPacketSize = 32;
    SessionDriver d(o);
    d.connectAndAccept();
    const SessionActions opened = d.take();
    Q_UNUSED(opened);
    d.receive(publishPacket(QStringLiteral("small"), QByteArray(8, 's'), QoS::AtMostOnce));
    QCOMPARE(SessionDriver::count<DeliverMessage>(d.take()), 1);
    d.receive(publishPacket(QStringLiteral("big"), QByteArray(64, 'x'), QoS::AtMostOnce));
    const SessionActions a = d.take();
    const QList<ErrorOccurred> errors = SessionDriver::of<ErrorOccurred>(a);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error.kind, SessionError::Kind::PacketTooLarge);
    QVERIFY(errors.first().error.decodeError.has_value());
    QVERIFY2(errors.first().error.message.contains(QStringLiteral("32 bytes")),
             qPrintable(errors.first().error.message));
    QVERIFY(d.sent(a).isEmpty()); // 3.x closes without a DISCONNECT [MQTT-4.8.0-1]
    QCOMPARE(SessionDriver::count<DeliverMessage>(a), 0);
    QCOMPARE(SessionDriver::count<CloseTransport>(a), 1);
}

void TestSessionV5Limits::v311WithoutLimitAcceptsLargePackets()
{
    SessionOptions o;
    o.version = ProtocolVersion::V311;
    o.clientId = QStringLiteral("limits");
    SessionDriver d(o);
    d.connectAndAccept();
    d.take();
    d.receive(publishPacket(QStringLiteral("big"), QByteArray(1 << 20, 'x'), QoS::AtMostOnce));
    const SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<ErrorOccurred>(a), 0);
    QCOMPARE(SessionDriver::count<DeliverMessage>(a), 1);
}

void TestSessionV5Limits::receiveMaximumExceededByServer()
{
    SessionOptions o = v5();
    o.receiveMaximum = 2;
    SessionDriver d(o);
    d.connectAndAccept();
    d.take();
    d.receive(publishPacket(QStringLiteral("t"), "1", QoS::ExactlyOnce, 1));
    d.receive(publishPacket(QStringLiteral("t"), "2", QoS::ExactlyOnce, 2));
    d.take();
    d.receive(publishPacket(QStringLiteral("t"), "3", QoS::ExactlyOnce, 3));
    expectViolation(d, QStringLiteral("MQTT-3.3.4-9"), ReasonCode::ReceiveMaximumExceeded);
}

QTEST_GUILESS_MAIN(TestSessionV5Limits)
#include "tst_session_v5_limits.moc"
