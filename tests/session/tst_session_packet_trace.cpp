// SessionOptions::tracePackets: a PacketTraced action per packet sent (right after its
// SendBytes) and received (before what it causes), with the sizes on the wire, ids, flags,
// reason codes and the session clock; none while it is off, switched on and off while
// connected. The server's packets are fed as bytes.
#include "tests/session/support/session_driver.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

class TestSessionPacketTrace : public QObject
{
    Q_OBJECT

private slots:
    void offByDefault();
    void connectAndConnack();
    void qos2RoundTrip();
    void receivedQos2Publish();
    void refusedSuback();
    void switchedWhileConnected();
    void pingAndDisconnect();
};

namespace {

std::unique_ptr<SessionDriver> driver(ProtocolVersion v, bool trace = true)
{
    SessionOptions o;
    o.version = v;
    o.clientId = QStringLiteral("tracer");
    o.keepAliveSeconds = 0;
    o.tracePackets = trace;
    return std::make_unique<SessionDriver>(o);
}

QList<PacketTraceEntry> traced(const SessionActions &actions)
{
    QList<PacketTraceEntry> out;
    for (const PacketTraced &t : SessionDriver::of<PacketTraced>(actions))
        out.append(t.entry);
    return out;
}

// The index in `actions` of the n-th action of type T.
template<typename T>
int indexOf(const SessionActions &actions, int n = 0)
{
    for (int i = 0; i < int(actions.size()); ++i) {
        if (std::holds_alternative<T>(actions[std::size_t(i)]) && n-- == 0)
            return i;
    }
    return -1;
}

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

} // namespace

void TestSessionPacketTrace::offByDefault()
{
    auto d = driver(ProtocolVersion::V5, false);
    d->connect();
    d->receiveBytes(hex("20 03 00 00 00")); // CONNACK
    d->handle(publishRequest(1, QStringLiteral("a"), QoS::AtLeastOnce));
    d->receiveBytes(hex("40 02 00 01")); // PUBACK
    const SessionActions actions = d->take();
    QCOMPARE(SessionDriver::count<SendBytes>(actions), 2);
    QCOMPARE(SessionDriver::count<PacketTraced>(actions), 0);
}

void TestSessionPacketTrace::connectAndConnack()
{
    auto d = driver(ProtocolVersion::V5);
    d->now = 100;
    d->connect();
    SessionActions actions = d->take();
    const int send = indexOf<SendBytes>(actions);
    QVERIFY(send >= 0);
    QCOMPARE(indexOf<PacketTraced>(actions), send + 1); // right after the write
    const PacketTraceEntry connect = std::get<PacketTraced>(actions[std::size_t(send + 1)]).entry;
    QCOMPARE(connect.type, PacketType::Connect);
    QCOMPARE(connect.direction, PacketDirection::Sent);
    QCOMPARE(connect.wireSize, std::get<SendBytes>(actions[std::size_t(send)]).bytes.size());
    QCOMPARE(connect.clientId, QStringLiteral("tracer"));
    QVERIFY(connect.hasFlag(PacketTraceEntry::CleanStart));
    QCOMPARE(connect.timeMs, qint64(100));
    QCOMPARE(connect.timeUs, qint64(-1)); // the shell's to stamp

    // CONNACK, Session Present 0, Success, Receive Maximum 20, Assigned Client Identifier "x".
    d->now = 130;
    d->receiveBytes(hex("20 0A 00 00 07 21 00 14 12 00 01 78"));
    actions = d->take();
    const QList<PacketTraceEntry> entries = traced(actions);
    QCOMPARE(entries.size(), 1);
    const PacketTraceEntry &connack = entries.first();
    QCOMPARE(connack.type, PacketType::Connack);
    QCOMPARE(connack.direction, PacketDirection::Received);
    QCOMPARE(connack.wireSize, qint64(12));
    QCOMPARE(connack.receiveMaximum, quint16(20));
    QCOMPARE(connack.clientId, QStringLiteral("x"));
    QCOMPARE(connack.propertyCount, 2);
    QVERIFY(connack.hasReasonCode);
    QCOMPARE(connack.reasonCode, ReasonCode::Success);
    QVERIFY(!connack.hasFlag(PacketTraceEntry::SessionPresent));
    QCOMPARE(connack.timeMs, qint64(130));
    // Before what it causes: the Connected action comes after it.
    QVERIFY(indexOf<PacketTraced>(actions) < indexOf<Connected>(actions));
}

void TestSessionPacketTrace::qos2RoundTrip()
{
    auto d = driver(ProtocolVersion::V5);
    d->connect();
    d->receiveBytes(hex("20 03 00 00 00"));
    d->take();

    d->now = 1000;
    d->handle(publishRequest(1, QStringLiteral("a/b"), QoS::ExactlyOnce, "hello", true));
    SessionActions actions = d->take();
    QList<PacketTraceEntry> entries = traced(actions);
    QCOMPARE(entries.size(), 1);
    PacketTraceEntry e = entries.first();
    QCOMPARE(e.type, PacketType::Publish);
    QCOMPARE(e.direction, PacketDirection::Sent);
    QCOMPARE(e.packetId, quint16(1));
    QCOMPARE(e.qos, QoS::ExactlyOnce);
    QCOMPARE(e.topic, QStringLiteral("a/b"));
    QCOMPARE(e.payloadSize, qint64(5));
    QVERIFY(e.hasFlag(PacketTraceEntry::Retain));
    QVERIFY(!e.hasFlag(PacketTraceEntry::Dup));
    // 0x35, length 13: topic (2 + 3), id 2, property length 1, payload 5.
    QCOMPARE(e.wireSize, qint64(15));
    QCOMPARE(e.timeMs, qint64(1000));

    // PUBREC (short form) in, PUBREL out: the PUBREC's entry before the PUBREL's SendBytes.
    d->now = 1004;
    d->receiveBytes(hex("50 02 00 01"));
    actions = d->take();
    entries = traced(actions);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).type, PacketType::Pubrec);
    QCOMPARE(entries.at(0).direction, PacketDirection::Received);
    QCOMPARE(entries.at(0).wireSize, qint64(4));
    QCOMPARE(entries.at(0).packetId, quint16(1));
    QVERIFY(entries.at(0).hasReasonCode);
    QCOMPARE(entries.at(1).type, PacketType::Pubrel);
    QCOMPARE(entries.at(1).direction, PacketDirection::Sent);
    QCOMPARE(entries.at(1).packetId, quint16(1));
    QCOMPARE(indexOf<PacketTraced>(actions, 0), 0);
    QCOMPARE(indexOf<PacketTraced>(actions, 1), indexOf<SendBytes>(actions) + 1);

    // PUBCOMP with a reason string: "70 08 00 01 00 04 1F 00 01 'k'".
    d->now = 1010;
    d->receiveBytes(hex("70 08 00 01 00 04 1F 00 01 6B"));
    entries = traced(d->take());
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().type, PacketType::Pubcomp);
    QCOMPARE(entries.first().wireSize, qint64(10));
    QCOMPARE(entries.first().reasonString, QStringLiteral("k"));
    QCOMPARE(entries.first().propertyCount, 1);
    QCOMPARE(entries.first().timeMs, qint64(1010));
    QVERIFY(!entries.first().isFailure());
}

void TestSessionPacketTrace::receivedQos2Publish()
{
    auto d = driver(ProtocolVersion::V311);
    d->connect();
    d->receiveBytes(hex("20 02 00 00"));
    d->take();
    // PUBLISH QoS 2, DUP 1, id 7, topic "t", payload "xyz": 0x3C, length 8.
    d->receiveBytes(hex("3C 08 00 01 74 00 07 78 79 7A"));
    QList<PacketTraceEntry> entries = traced(d->take());
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).type, PacketType::Publish);
    QCOMPARE(entries.at(0).direction, PacketDirection::Received);
    QVERIFY(entries.at(0).hasFlag(PacketTraceEntry::Dup));
    QCOMPARE(entries.at(0).packetId, quint16(7));
    QCOMPARE(entries.at(0).payloadSize, qint64(3));
    QCOMPARE(entries.at(0).wireSize, qint64(10));
    QCOMPARE(entries.at(1).type, PacketType::Pubrec);
    QCOMPARE(entries.at(1).direction, PacketDirection::Sent);
    QCOMPARE(entries.at(1).wireSize, qint64(4));
    d->receiveBytes(hex("62 02 00 07")); // PUBREL
    entries = traced(d->take());
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).type, PacketType::Pubrel);
    QCOMPARE(entries.at(1).type, PacketType::Pubcomp);
    QCOMPARE(entries.at(1).packetId, quint16(7));
}

void TestSessionPacketTrace::refusedSuback()
{
    auto d = driver(ProtocolVersion::V5);
    d->connect();
    d->receiveBytes(hex("20 03 00 00 00"));
    d->take();
    d->handle(subscribeRequest(1, {QStringLiteral("a/#"), QStringLiteral("b")}, QoS::ExactlyOnce));
    QList<PacketTraceEntry> entries = traced(d->take());
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().type, PacketType::Subscribe);
    QCOMPARE(entries.first().topic, QStringLiteral("a/#, b"));
    QCOMPARE(entries.first().qos, QoS::ExactlyOnce);
    const quint16 id = entries.first().packetId;
    QVERIFY(id != 0);
    // SUBACK: granted QoS 1, then 0x87 Not authorized, Reason String "no".
    QByteArray suback = hex("90 0A 00 00 05 1F 00 02 6E 6F 01 87");
    suback[2] = char(id >> 8);
    suback[3] = char(id & 0xFF);
    d->receiveBytes(suback);
    entries = traced(d->take());
    QCOMPARE(entries.size(), 1);
    const PacketTraceEntry &e = entries.first();
    QCOMPARE(e.type, PacketType::Suback);
    QCOMPARE(e.packetId, id);
    QCOMPARE(e.reasonCodes,
             (QList<ReasonCode>{ReasonCode::GrantedQoS1, ReasonCode::NotAuthorized}));
    QCOMPARE(e.allReasonCodes(), e.reasonCodes);
    QCOMPARE(e.reasonString, QStringLiteral("no"));
    QCOMPARE(e.wireSize, qint64(12));
    QVERIFY(e.isFailure());
}

void TestSessionPacketTrace::switchedWhileConnected()
{
    auto d = driver(ProtocolVersion::V311, false);
    d->connect();
    d->receiveBytes(hex("20 02 00 00"));
    d->take();
    SessionOptions o = d->session.options();
    o.tracePackets = true;
    d->session.setOptions(o);
    d->handle(publishRequest(1, QStringLiteral("on"), QoS::AtMostOnce));
    QCOMPARE(traced(d->take()).size(), 1);
    o.tracePackets = false;
    d->session.setOptions(o);
    d->handle(publishRequest(2, QStringLiteral("off"), QoS::AtMostOnce));
    const SessionActions actions = d->take();
    QCOMPARE(SessionDriver::count<SendBytes>(actions), 1);
    QCOMPARE(traced(actions).size(), 0);
}

void TestSessionPacketTrace::pingAndDisconnect()
{
    auto d = driver(ProtocolVersion::V5);
    d->connect();
    d->receiveBytes(hex("20 03 00 00 00"));
    d->take();
    d->handle(PingRequested{1});
    d->receiveBytes(hex("D0 00"));
    QList<PacketTraceEntry> entries = traced(d->take());
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).type, PacketType::Pingreq);
    QCOMPARE(entries.at(0).wireSize, qint64(2));
    QCOMPARE(entries.at(1).type, PacketType::Pingresp);
    QCOMPARE(entries.at(1).direction, PacketDirection::Received);
    // The server's DISCONNECT 0x8B Server shutting down.
    d->receiveBytes(hex("E0 02 8B 00"));
    entries = traced(d->take());
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().type, PacketType::Disconnect);
    QCOMPARE(entries.first().reasonCode, ReasonCode::ServerShuttingDown);
    QVERIFY(entries.first().isFailure());
}

QTEST_GUILESS_MAIN(TestSessionPacketTrace)
#include "tst_session_packet_trace.moc"
