// Every server violation closes the connection with a typed error naming the rule
// (5.0: after a DISCONNECT with the matching reason code); the byte stream may be cut
// anywhere.
#include "core/protocol/codec.h"
#include "tests/session/support/session_driver.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

class TestSessionProtocolErrors : public QObject
{
    Q_OBJECT

private slots:
    void malformedPublishQos3_data() { addVersionRows(); }
    void malformedPublishQos3();
    void invalidFixedHeaderFlags_data() { addVersionRows(); }
    void invalidFixedHeaderFlags();
    void packetBeforeConnack_data() { addVersionRows(); }
    void packetBeforeConnack();
    void secondConnack_data() { addVersionRows(); }
    void secondConnack();
    void clientOnlyPacketFromServer_data() { addVersionRows(); }
    void clientOnlyPacketFromServer();
    void subackWithWrongCodeCount_data() { addVersionRows(); }
    void subackWithWrongCodeCount();
    void bytesOneAtATime_data() { addVersionRows(); }
    void bytesOneAtATime();
    void severalPacketsInOneChunk_data() { addVersionRows(); }
    void severalPacketsInOneChunk();
    void nothingProcessedAfterViolation_data() { addVersionRows(); }
    void nothingProcessedAfterViolation();
    void violationTriggersReconnect();
};

namespace {

SessionOptions options(ProtocolVersion v)
{
    SessionOptions o;
    o.version = v;
    o.clientId = QStringLiteral("errors");
    return o;
}

// The violation: one error with `rule`, DISCONNECT with `code` in 5.0 only, closed.
void expectClosedWith(SessionDriver &d, const QString &rule, ReasonCode code,
                      SessionError::Kind kind)
{
    const SessionActions a = d.take();
    const QList<ErrorOccurred> errors = SessionDriver::of<ErrorOccurred>(a);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error.kind, kind);
    QCOMPARE(errors.first().error.rule, rule);
    QVERIFY(!errors.first().error.message.isEmpty());
    const QList<Packet> sent = d.sent(a);
    if (d.version == ProtocolVersion::V5) {
        QCOMPARE(sent.size(), 1);
        QCOMPARE(std::get<DisconnectPacket>(sent.first()).reasonCode, code);
    } else {
        QVERIFY(sent.isEmpty()); // 3.x: just close [MQTT-4.8.0-1]
    }
    QCOMPARE(SessionDriver::count<CloseTransport>(a), 1);
    QCOMPARE(d.session.state(), SessionState::Disconnected);
}

} // namespace

void TestSessionProtocolErrors::malformedPublishQos3()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.take();
    // PUBLISH with both QoS bits set [MQTT-3.3.1-4].
    d.receiveBytes(QByteArray::fromHex("3605000161000a"));
    expectClosedWith(d, QStringLiteral("MQTT-3.3.1-4"), ReasonCode::MalformedPacket,
                     SessionError::Kind::MalformedPacket);
}

void TestSessionProtocolErrors::invalidFixedHeaderFlags()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.take();
    // PUBREL must have flags 0010 [MQTT-3.6.1-1]; 0000 here.
    d.receiveBytes(QByteArray::fromHex("60020001"));
    const SessionActions a = d.take();
    const QList<ErrorOccurred> errors = SessionDriver::of<ErrorOccurred>(a);
    QCOMPARE(errors.size(), 1);
    QVERIFY(!errors.first().error.rule.isEmpty());
    QVERIFY(errors.first().error.decodeError.has_value());
    QCOMPARE(errors.first().error.decodeError->kind, DecodeError::Kind::InvalidFixedHeaderFlags);
    QCOMPARE(SessionDriver::count<CloseTransport>(a), 1);
}

void TestSessionProtocolErrors::packetBeforeConnack()
{
    SessionDriver d(options(versionFromRow()));
    d.connect();
    d.take();
    d.receive(publishPacket(QStringLiteral("early"), "x", QoS::AtMostOnce));
    expectClosedWith(d, QStringLiteral("MQTT-3.2.0-1"), ReasonCode::ProtocolError,
                     SessionError::Kind::ProtocolViolation);
}

void TestSessionProtocolErrors::secondConnack()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.take();
    d.receive(connackPacket());
    expectClosedWith(d, QStringLiteral("MQTT-3.2.0-2"), ReasonCode::ProtocolError,
                     SessionError::Kind::ProtocolViolation);
}

void TestSessionProtocolErrors::clientOnlyPacketFromServer()
{
    const ProtocolVersion v = versionFromRow();
    SessionDriver d(options(v));
    d.connectAndAccept();
    d.take();
    d.receive(PingreqPacket{});
    expectClosedWith(
        d, v == ProtocolVersion::V5 ? QStringLiteral("5.0 §2.1.2") : QStringLiteral("MQTT-4.8.0-1"),
        ReasonCode::ProtocolError, SessionError::Kind::ProtocolViolation);
}

void TestSessionProtocolErrors::subackWithWrongCodeCount()
{
    const ProtocolVersion v = versionFromRow();
    SessionDriver d(options(v));
    d.connectAndAccept();
    d.handle(subscribeRequest(1, {QStringLiteral("a"), QStringLiteral("b")}));
    const SubscribePacket subscribe = std::get<SubscribePacket>(d.takeSent().last());
    SubackPacket suback;
    suback.packetId = subscribe.packetId;
    suback.reasonCodes = {ReasonCode::GrantedQoS1};
    d.receive(suback);
    const SessionActions a = d.take();
    const QList<SubscribeResult> results = SessionDriver::of<SubscribeResult>(a);
    QCOMPARE(results.size(), 1);
    QVERIFY(results.first().error);
    d.actions = a;
    expectClosedWith(d,
                     v == ProtocolVersion::V5 ? QStringLiteral("MQTT-3.8.4-6")
                                              : QStringLiteral("MQTT-3.8.4-5"),
                     ReasonCode::ProtocolError, SessionError::Kind::ProtocolViolation);
}

void TestSessionProtocolErrors::bytesOneAtATime()
{
    const ProtocolVersion v = versionFromRow();
    SessionDriver d(options(v));
    d.connect();
    d.take();
    QByteArray stream = encode(connackPacket(), v);
    stream +=
        encode(publishPacket(QStringLiteral("split/topic"), "payload", QoS::AtLeastOnce, 3), v);
    for (qsizetype i = 0; i < stream.size(); ++i)
        d.receiveBytes(stream.mid(i, 1));
    const SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<Connected>(a), 1);
    const QList<DeliverMessage> delivered = SessionDriver::of<DeliverMessage>(a);
    QCOMPARE(delivered.size(), 1);
    QCOMPARE(delivered.first().message.topic, QStringLiteral("split/topic"));
    QCOMPARE(SessionDriver::count<ErrorOccurred>(a), 0);
}

void TestSessionProtocolErrors::severalPacketsInOneChunk()
{
    const ProtocolVersion v = versionFromRow();
    SessionDriver d(options(v));
    d.connect();
    d.take();
    QByteArray stream = encode(connackPacket(), v);
    for (quint16 id = 1; id <= 5; ++id)
        stream += encode(publishPacket(QStringLiteral("t"), "p", QoS::AtLeastOnce, id), v);
    d.receiveBytes(stream);
    const SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<DeliverMessage>(a), 5);
    // PUBACKs in PUBLISH arrival order [MQTT-4.6.0-2].
    QList<quint16> acked;
    for (const Packet &p : d.sent(a))
        acked.append(std::get<PubackPacket>(p).packetId);
    QCOMPARE(acked, (QList<quint16>{1, 2, 3, 4, 5}));
}

void TestSessionProtocolErrors::nothingProcessedAfterViolation()
{
    const ProtocolVersion v = versionFromRow();
    SessionDriver d(options(v));
    d.connectAndAccept();
    d.take();
    QByteArray stream = encode(PingreqPacket{}, v);
    stream += encode(publishPacket(QStringLiteral("t"), "p", QoS::AtMostOnce), v);
    d.receiveBytes(stream);
    const SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<DeliverMessage>(a), 0);
    QCOMPARE(SessionDriver::count<ErrorOccurred>(a), 1);
    // Bytes arriving after the close are ignored.
    d.receive(publishPacket(QStringLiteral("t"), "p", QoS::AtMostOnce));
    QCOMPARE(SessionDriver::count<DeliverMessage>(d.take()), 0);
}

void TestSessionProtocolErrors::violationTriggersReconnect()
{
    SessionOptions o = options(ProtocolVersion::V5);
    o.reconnect.enabled = true;
    SessionDriver d(o);
    d.connectAndAccept();
    d.receive(PingreqPacket{});
    QCOMPARE(d.session.state(), SessionState::ReconnectWaiting);
    QVERIFY(d.timerRunning(SessionTimer::Reconnect));
}

QTEST_GUILESS_MAIN(TestSessionProtocolErrors)
#include "tst_session_protocol_errors.moc"
