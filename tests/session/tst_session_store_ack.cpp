// Store before acknowledging (SessionOptions::acknowledgeAfterStore): a received QoS 1/2
// message's PUBACK/PUBREC waits for MessagesStored, survives a lost connection, is sent
// for the server's resend without a second delivery, and a refused message is delivered
// again when the server resends it. Once per protocol version.
#include "tests/session/support/session_driver.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

class TestSessionStoreAck : public QObject
{
    Q_OBJECT

private slots:
    void offByDefault();
    void qos1AckWaitsForStorage_data() { addVersionRows(); }
    void qos1AckWaitsForStorage();
    void qos1StoredWhileDisconnected_data() { addVersionRows(); }
    void qos1StoredWhileDisconnected();
    void qos1ResentBeforeStored_data() { addVersionRows(); }
    void qos1ResentBeforeStored();
    void qos2RecWaitsForStorage_data() { addVersionRows(); }
    void qos2RecWaitsForStorage();
    void qos2StoredWhileDisconnected_data() { addVersionRows(); }
    void qos2StoredWhileDisconnected();
    void refusedIsDeliveredAgain_data() { addVersionRows(); }
    void refusedIsDeliveredAgain();
    void sequencesNumberDeliveries();
    void sessionLostForgetsHeldAcks();
};

namespace {

SessionOptions options(ProtocolVersion v)
{
    SessionOptions o;
    o.version = v;
    o.clientId = QStringLiteral("store-ack");
    o.cleanStart = false;
    if (v == ProtocolVersion::V5)
        o.sessionExpiryInterval = 600;
    o.acknowledgeAfterStore = true;
    return o;
}

template<typename T>
QList<T> packetsOf(const QList<Packet> &packets)
{
    QList<T> out;
    for (const Packet &p : packets) {
        if (const T *t = std::get_if<T>(&p))
            out.append(*t);
    }
    return out;
}

quint64 lastSequence(const SessionActions &a)
{
    const QList<DeliverMessage> delivered = SessionDriver::of<DeliverMessage>(a);
    return delivered.isEmpty() ? 0 : delivered.last().sequence;
}

PublishPacket resent(PublishPacket p)
{
    p.dup = true; // a resend on a resumed session [MQTT-3.3.1-1]
    return p;
}

} // namespace

void TestSessionStoreAck::offByDefault()
{
    QVERIFY(!SessionOptions{}.acknowledgeAfterStore);
    SessionOptions o = options(ProtocolVersion::V311);
    o.acknowledgeAfterStore = false;
    SessionDriver d(o);
    d.connectAndAccept();
    d.take();
    d.receive(publishPacket(QStringLiteral("t"), "1", QoS::AtLeastOnce, 3));
    QCOMPARE(packetsOf<PubackPacket>(d.takeSent()).size(), 1);
}

void TestSessionStoreAck::qos1AckWaitsForStorage()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.take();
    d.receive(publishPacket(QStringLiteral("t"), "1", QoS::AtLeastOnce, 7));
    d.receive(publishPacket(QStringLiteral("t"), "2", QoS::AtLeastOnce, 8));
    SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<DeliverMessage>(a), 2);
    QVERIFY(packetsOf<PubackPacket>(d.sent(a)).isEmpty());
    const QList<DeliverMessage> delivered = SessionDriver::of<DeliverMessage>(a);

    // Only the first is stored: only its PUBACK goes out.
    d.handle(MessagesStored{delivered.first().sequence, {}});
    QList<PubackPacket> acks = packetsOf<PubackPacket>(d.takeSent());
    QCOMPARE(acks.size(), 1);
    QCOMPARE(acks.first().packetId, quint16(7));

    // The same report again sends nothing; the next one covers the second.
    d.handle(MessagesStored{delivered.first().sequence, {}});
    QVERIFY(d.takeSent().isEmpty());
    d.handle(MessagesStored{delivered.last().sequence, {}});
    acks = packetsOf<PubackPacket>(d.takeSent());
    QCOMPARE(acks.size(), 1);
    QCOMPARE(acks.first().packetId, quint16(8));

    // Acknowledged: the id is a new message again [MQTT-4.3.2-5].
    d.receive(publishPacket(QStringLiteral("t"), "3", QoS::AtLeastOnce, 7));
    QCOMPARE(SessionDriver::count<DeliverMessage>(d.take()), 1);
}

void TestSessionStoreAck::qos1StoredWhileDisconnected()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.take();
    const PublishPacket p = publishPacket(QStringLiteral("t"), "1", QoS::AtLeastOnce, 9);
    d.receive(p);
    const quint64 seq = lastSequence(d.take());
    QVERIFY(seq > 0);
    d.dropConnection();
    d.take();
    // Stored after the connection was lost: nothing can be sent now.
    d.handle(MessagesStored{seq, {}});
    QVERIFY(d.takeSent().isEmpty());

    // The session is resumed and the server resends: PUBACK, no second delivery.
    d.connectAndAccept(connackPacket(true));
    d.take();
    d.receive(resent(p));
    const SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<DeliverMessage>(a), 0);
    const QList<PubackPacket> acks = packetsOf<PubackPacket>(d.sent(a));
    QCOMPARE(acks.size(), 1);
    QCOMPARE(acks.first().packetId, quint16(9));
}

void TestSessionStoreAck::qos1ResentBeforeStored()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.take();
    const PublishPacket p = publishPacket(QStringLiteral("t"), "1", QoS::AtLeastOnce, 4);
    d.receive(p);
    const quint64 seq = lastSequence(d.take());
    d.dropConnection();
    d.take();
    d.connectAndAccept(connackPacket(true));
    d.take();
    // Resent while storage still works on the first copy: neither delivered nor acked.
    d.receive(resent(p));
    SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<DeliverMessage>(a), 0);
    QVERIFY(packetsOf<PubackPacket>(d.sent(a)).isEmpty());
    // Stored: the PUBACK goes out on the new connection.
    d.handle(MessagesStored{seq, {}});
    const QList<PubackPacket> acks = packetsOf<PubackPacket>(d.takeSent());
    QCOMPARE(acks.size(), 1);
    QCOMPARE(acks.first().packetId, quint16(4));
}

void TestSessionStoreAck::qos2RecWaitsForStorage()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.take();
    const PublishPacket p = publishPacket(QStringLiteral("t"), "2", QoS::ExactlyOnce, 5);
    d.receive(p);
    SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<DeliverMessage>(a), 1);
    QVERIFY(packetsOf<PubrecPacket>(d.sent(a)).isEmpty());
    const quint64 seq = lastSequence(a);
    // A resend before the PUBREC: not delivered again, no PUBREC yet [MQTT-4.3.3-10].
    d.receive(resent(p));
    a = d.take();
    QCOMPARE(SessionDriver::count<DeliverMessage>(a), 0);
    QVERIFY(packetsOf<PubrecPacket>(d.sent(a)).isEmpty());
    d.handle(MessagesStored{seq, {}});
    const QList<PubrecPacket> recs = packetsOf<PubrecPacket>(d.takeSent());
    QCOMPARE(recs.size(), 1);
    QCOMPARE(recs.first().packetId, quint16(5)); // [MQTT-4.3.3-8]
    // Then the flow ends as usual [MQTT-4.3.3-11].
    d.receive(ackPacket<PubrelPacket>(5));
    QCOMPARE(packetsOf<PubcompPacket>(d.takeSent()).size(), 1);
}

void TestSessionStoreAck::qos2StoredWhileDisconnected()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.take();
    const PublishPacket p = publishPacket(QStringLiteral("t"), "2", QoS::ExactlyOnce, 6);
    d.receive(p);
    const quint64 seq = lastSequence(d.take());
    d.dropConnection();
    d.take();
    d.handle(MessagesStored{seq, {}});
    QVERIFY(d.takeSent().isEmpty());
    d.connectAndAccept(connackPacket(true));
    d.take();
    d.receive(resent(p));
    const SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<DeliverMessage>(a), 0);
    QCOMPARE(packetsOf<PubrecPacket>(d.sent(a)).size(), 1);
}

void TestSessionStoreAck::refusedIsDeliveredAgain()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.take();
    const PublishPacket one = publishPacket(QStringLiteral("t"), "1", QoS::AtLeastOnce, 1);
    const PublishPacket two = publishPacket(QStringLiteral("t"), "2", QoS::ExactlyOnce, 2);
    d.receive(one);
    d.receive(two);
    const QList<DeliverMessage> delivered = SessionDriver::of<DeliverMessage>(d.take());
    QCOMPARE(delivered.size(), 2);
    // Storage refused both (queue full): no acknowledgement, even for a later report.
    d.handle(MessagesStored{0, {delivered[0].sequence, delivered[1].sequence}});
    d.handle(MessagesStored{delivered[1].sequence, {}});
    QVERIFY(d.takeSent().isEmpty());
    // After a reconnect the server resends them: delivered (and stored) again.
    d.dropConnection();
    d.take();
    d.connectAndAccept(connackPacket(true));
    d.take();
    d.receive(resent(one));
    d.receive(resent(two));
    QCOMPARE(SessionDriver::count<DeliverMessage>(d.take()), 2);
}

void TestSessionStoreAck::sequencesNumberDeliveries()
{
    SessionDriver d(options(ProtocolVersion::V5));
    d.connectAndAccept();
    d.take();
    d.receive(publishPacket(QStringLiteral("t"), "a", QoS::AtMostOnce));
    d.receive(publishPacket(QStringLiteral("t"), "b", QoS::AtLeastOnce, 1));
    d.receive(publishPacket(QStringLiteral("t"), "c", QoS::ExactlyOnce, 2));
    const QList<DeliverMessage> delivered = SessionDriver::of<DeliverMessage>(d.take());
    QCOMPARE(delivered.size(), 3);
    QCOMPARE(delivered[0].sequence, quint64(1));
    QCOMPARE(delivered[1].sequence, quint64(2));
    QCOMPARE(delivered[2].sequence, quint64(3));
}

void TestSessionStoreAck::sessionLostForgetsHeldAcks()
{
    SessionDriver d(options(ProtocolVersion::V5));
    d.connectAndAccept();
    d.take();
    const PublishPacket p = publishPacket(QStringLiteral("t"), "1", QoS::AtLeastOnce, 3);
    d.receive(p);
    const quint64 seq = lastSequence(d.take());
    d.dropConnection();
    d.take();
    // The server lost the session [MQTT-3.2.2-5]: the held PUBACK is void, and a PUBLISH
    // with the same id is a new message.
    d.connectAndAccept(connackPacket(false));
    d.take();
    d.handle(MessagesStored{seq, {}});
    QVERIFY(packetsOf<PubackPacket>(d.takeSent()).isEmpty());
    d.receive(p);
    QCOMPARE(SessionDriver::count<DeliverMessage>(d.take()), 1);
}

QTEST_GUILESS_MAIN(TestSessionStoreAck)
#include "tst_session_store_ack.moc"
