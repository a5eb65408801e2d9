// QoS 0/1/2 in both directions, packet ids, Receive Maximum, unknown-id acks and the
// offline queue, once per protocol version.
#include "tests/session/support/session_driver.h"

#include <QSet>
#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

class TestSessionQos : public QObject
{
    Q_OBJECT

private slots:
    void publishQos0_data() { addVersionRows(); }
    void publishQos0();
    void publishQos1_data() { addVersionRows(); }
    void publishQos1();
    void publishQos2_data() { addVersionRows(); }
    void publishQos2();
    void receiveQos0And1_data() { addVersionRows(); }
    void receiveQos0And1();
    void receiveQos2DeliveredOnce_data() { addVersionRows(); }
    void receiveQos2DeliveredOnce();
    void packetIdsNotReusedWhileInFlight_data() { addVersionRows(); }
    void packetIdsNotReusedWhileInFlight();
    void unknownIdAcksCloseTheConnection_data();
    void unknownIdAcksCloseTheConnection();
    void unknownIdPubrecPubrelAnswered_data() { addVersionRows(); }
    void unknownIdPubrecPubrelAnswered();
    void inFlightWindowQueues_data() { addVersionRows(); }
    void inFlightWindowQueues();
    void receiveMaximumFromServer();
    void windowWithoutReceiveMaximum_data() { addVersionRows(); }
    void windowWithoutReceiveMaximum();
    void maximumQosRefused();
    void retainNotAvailableRefused();
    void ackErrorCodesEndTheFlow();
    void offlineQueue_data() { addVersionRows(); }
    void offlineQueue();
    void offlineQueueDisabled();
    void invalidTopicRefused_data() { addVersionRows(); }
    void invalidTopicRefused();
};

namespace {

SessionOptions options(ProtocolVersion v)
{
    SessionOptions o;
    o.version = v;
    o.clientId = QStringLiteral("qos");
    return o;
}

template<typename T>
T single(const QList<Packet> &packets)
{
    int found = 0;
    T result;
    for (const Packet &p : packets) {
        if (const T *t = std::get_if<T>(&p)) {
            result = *t;
            ++found;
        }
    }
    if (found != 1)
        qWarning("expected exactly one packet of the type, got %d", found);
    return result;
}

} // namespace

void TestSessionQos::publishQos0()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.take();
    d.handle(publishRequest(7, QStringLiteral("a/b"), QoS::AtMostOnce, "hello"));
    const SessionActions a = d.take();
    const PublishPacket p = single<PublishPacket>(d.sent(a));
    QCOMPARE(p.topic, QStringLiteral("a/b"));
    QCOMPARE(p.payload, QByteArrayLiteral("hello"));
    QCOMPARE(p.packetId, quint16(0)); // [MQTT-2.2.1-2]
    QCOMPARE(p.dup, false);           // [MQTT-3.3.1-2]
    const QList<PublishOutcome> outcomes = SessionDriver::of<PublishOutcome>(a);
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.first().token, quint64(7));
    QCOMPARE(outcomes.first().status, PublishStatus::Sent);
    QVERIFY(outcomes.first().isFinal());
}

void TestSessionQos::publishQos1()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.take();
    d.handle(publishRequest(1, QStringLiteral("a/b"), QoS::AtLeastOnce));
    const PublishPacket p = single<PublishPacket>(d.takeSent());
    QVERIFY(p.packetId != 0);
    QCOMPARE(p.qos, QoS::AtLeastOnce);
    QCOMPARE(p.dup, false); // [MQTT-4.3.2-2]
    QCOMPARE(d.session.inFlightCount(), 1);
    d.receive(ackPacket<PubackPacket>(p.packetId));
    const QList<PublishOutcome> outcomes = SessionDriver::of<PublishOutcome>(d.take());
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.first().status, PublishStatus::Acknowledged);
    QCOMPARE(outcomes.first().token, quint64(1));
    QCOMPARE(outcomes.first().packetId, p.packetId);
    QCOMPARE(d.session.inFlightCount(), 0);
}

void TestSessionQos::publishQos2()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.take();
    d.handle(publishRequest(2, QStringLiteral("a/b"), QoS::ExactlyOnce));
    const PublishPacket p = single<PublishPacket>(d.takeSent());
    QCOMPARE(p.qos, QoS::ExactlyOnce);
    d.receive(ackPacket<PubrecPacket>(p.packetId));
    SessionActions a = d.take();
    // PUBREC -> PUBREL with the same id [MQTT-4.3.3-4].
    QCOMPARE(single<PubrelPacket>(d.sent(a)).packetId, p.packetId);
    QCOMPARE(SessionDriver::of<PublishOutcome>(a).first().status, PublishStatus::Received);
    QVERIFY(!SessionDriver::of<PublishOutcome>(a).first().isFinal());
    // A repeated PUBREC gets the PUBREL again, never the PUBLISH [MQTT-4.3.3-6].
    d.receive(ackPacket<PubrecPacket>(p.packetId));
    a = d.take();
    QCOMPARE(single<PubrelPacket>(d.sent(a)).packetId, p.packetId);
    d.receive(ackPacket<PubcompPacket>(p.packetId));
    a = d.take();
    const QList<PublishOutcome> outcomes = SessionDriver::of<PublishOutcome>(a);
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.first().status, PublishStatus::Completed);
    QCOMPARE(d.session.inFlightCount(), 0);
}

void TestSessionQos::receiveQos0And1()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.take();
    d.receive(publishPacket(QStringLiteral("t/0"), "zero", QoS::AtMostOnce));
    SessionActions a = d.take();
    QCOMPARE(SessionDriver::of<DeliverMessage>(a).size(), 1);
    QCOMPARE(SessionDriver::of<DeliverMessage>(a).first().message.payload,
             QByteArrayLiteral("zero"));
    QVERIFY(d.sent(a).isEmpty());

    d.receive(publishPacket(QStringLiteral("t/1"), "one", QoS::AtLeastOnce, 12));
    a = d.take();
    QCOMPARE(SessionDriver::of<DeliverMessage>(a).size(), 1);
    QCOMPARE(single<PubackPacket>(d.sent(a)).packetId, quint16(12)); // [MQTT-4.3.2-4]
    // After the PUBACK the same id is a new message [MQTT-4.3.2-5].
    d.receive(publishPacket(QStringLiteral("t/1"), "again", QoS::AtLeastOnce, 12));
    QCOMPARE(SessionDriver::of<DeliverMessage>(d.take()).size(), 1);
}

void TestSessionQos::receiveQos2DeliveredOnce()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.take();
    d.receive(publishPacket(QStringLiteral("t/2"), "two", QoS::ExactlyOnce, 5));
    SessionActions a = d.take();
    QCOMPARE(SessionDriver::of<DeliverMessage>(a).size(), 1);
    QCOMPARE(single<PubrecPacket>(d.sent(a)).packetId, quint16(5)); // [MQTT-4.3.3-8]
    // The broker resends before PUBREL: PUBREC again, no second delivery [MQTT-4.3.3-10].
    d.receive(publishPacket(QStringLiteral("t/2"), "two", QoS::ExactlyOnce, 5, false, true));
    a = d.take();
    QCOMPARE(SessionDriver::of<DeliverMessage>(a).size(), 0);
    QCOMPARE(single<PubrecPacket>(d.sent(a)).packetId, quint16(5));
    d.receive(ackPacket<PubrelPacket>(5));
    a = d.take();
    const PubcompPacket comp = single<PubcompPacket>(d.sent(a)); // [MQTT-4.3.3-11]
    QCOMPARE(comp.packetId, quint16(5));
    QCOMPARE(comp.reasonCode, ReasonCode::Success);
    // After PUBCOMP the id is a new message [MQTT-4.3.3-12].
    d.receive(publishPacket(QStringLiteral("t/2"), "new", QoS::ExactlyOnce, 5));
    QCOMPARE(SessionDriver::of<DeliverMessage>(d.take()).size(), 1);
}

void TestSessionQos::packetIdsNotReusedWhileInFlight()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.take();
    QSet<quint16> inFlight;
    for (quint64 token = 1; token <= 5; ++token) {
        d.handle(publishRequest(token, QStringLiteral("a"), QoS::AtLeastOnce));
        const quint16 id = single<PublishPacket>(d.takeSent()).packetId;
        QVERIFY(id != 0);
        QVERIFY(!inFlight.contains(id));
        inFlight.insert(id);
    }
    // Subscriptions share the id space [MQTT-2.2.1-3].
    d.handle(subscribeRequest(100, {QStringLiteral("x")}));
    const quint16 subscribeId = single<SubscribePacket>(d.takeSent()).packetId;
    QVERIFY(!inFlight.contains(subscribeId));
    const quint16 acked = *inFlight.begin();
    d.receive(ackPacket<PubackPacket>(acked));
    inFlight.remove(acked);
    for (quint64 token = 6; token <= 8; ++token) {
        d.handle(publishRequest(token, QStringLiteral("a"), QoS::ExactlyOnce));
        const quint16 id = single<PublishPacket>(d.takeSent()).packetId;
        QVERIFY(!inFlight.contains(id));
        QVERIFY(id != subscribeId);
        inFlight.insert(id);
    }
}

void TestSessionQos::unknownIdAcksCloseTheConnection_data()
{
    QTest::addColumn<ProtocolVersion>("version");
    QTest::addColumn<QString>("ack");
    const QList<std::pair<const char *, ProtocolVersion>> versions = {
        {"3.1.1", ProtocolVersion::V311}, {"5.0", ProtocolVersion::V5}};
    for (const auto &[name, version] : versions) {
        for (const char *ack : {"PUBACK", "PUBCOMP", "SUBACK", "UNSUBACK"}) {
            QTest::addRow("%s %s", ack, name) << version << QString::fromLatin1(ack);
        }
    }
}

// An ack whose packet id nothing of ours waits for means the server's state is not ours:
// a named protocol error at once, rather than waiting until the server hangs up
// [MQTT-2.2.1-5/6] (3.1.1: [MQTT-2.3.1-6/7]).
void TestSessionQos::unknownIdAcksCloseTheConnection()
{
    QFETCH(ProtocolVersion, version);
    QFETCH(QString, ack);
    SessionDriver d(options(version));
    d.connectAndAccept();
    d.take();
    // Something of each kind in flight, so the unknown id is not just "nothing pending".
    d.handle(publishRequest(1, QStringLiteral("a"), QoS::AtLeastOnce));
    d.handle(subscribeRequest(2, {QStringLiteral("s/#")}));
    const QList<Packet> sent = d.sent(d.take());
    QCOMPARE(sent.size(), 2);
    const quint16 publishId = std::get<PublishPacket>(sent.at(0)).packetId;
    const quint16 subscribeId = std::get<SubscribePacket>(sent.at(1)).packetId;
    const quint16 unknown = 4242;
    QVERIFY(unknown != publishId && unknown != subscribeId);
    if (ack == QLatin1String("PUBACK")) {
        d.receive(ackPacket<PubackPacket>(unknown));
    } else if (ack == QLatin1String("PUBCOMP")) {
        d.receive(ackPacket<PubcompPacket>(unknown));
    } else if (ack == QLatin1String("SUBACK")) {
        SubackPacket suback;
        suback.packetId = unknown;
        suback.reasonCodes = {ReasonCode::GrantedQoS0};
        d.receive(suback);
    } else {
        UnsubackPacket unsuback;
        unsuback.packetId = unknown;
        if (version == ProtocolVersion::V5)
            unsuback.reasonCodes = {ReasonCode::Success};
        d.receive(unsuback);
    }
    const SessionActions a = d.take();
    const QList<ErrorOccurred> errors = SessionDriver::of<ErrorOccurred>(a);
    QCOMPARE(errors.size(), 1);
    const SessionError &error = errors.first().error;
    QCOMPARE(error.kind, SessionError::Kind::ProtocolViolation);
    QVERIFY2(error.message.contains(ack) && error.message.contains(QStringLiteral("4242")),
             qPrintable(error.message));
    const bool pub = ack.startsWith(QLatin1String("PUB"));
    const QString rule =
        version == ProtocolVersion::V5
            ? (pub ? QStringLiteral("MQTT-2.2.1-5") : QStringLiteral("MQTT-2.2.1-6"))
            : (pub ? QStringLiteral("MQTT-2.3.1-6") : QStringLiteral("MQTT-2.3.1-7"));
    QCOMPARE(error.rule, rule);
    QCOMPARE(SessionDriver::count<CloseTransport>(a), 1);
    if (version == ProtocolVersion::V5) {
        const QList<Packet> out = d.sent(a);
        QVERIFY(!out.isEmpty());
        QCOMPARE(std::get<DisconnectPacket>(out.last()).reasonCode, ReasonCode::ProtocolError);
    }
    QVERIFY(d.session.state() != SessionState::Connected);
}

void TestSessionQos::unknownIdPubrecPubrelAnswered()
{
    const ProtocolVersion v = versionFromRow();
    SessionDriver d(options(v));
    d.connectAndAccept();
    d.take();
    // PUBREC/PUBREL for unknown ids are answered so the server can finish its flow: 5.0
    // defines the answer for exactly this case (0x92, §3.6.2.1 and §3.7.2.1).
    d.receive(ackPacket<PubrecPacket>(96));
    d.receive(ackPacket<PubrelPacket>(95));
    const SessionActions a = d.take();
    const QList<Packet> sent = d.sent(a);
    QCOMPARE(sent.size(), 2);
    const auto rel = std::get<PubrelPacket>(sent.at(0));
    const auto comp = std::get<PubcompPacket>(sent.at(1));
    QCOMPARE(rel.packetId, quint16(96));
    QCOMPARE(comp.packetId, quint16(95));
    const ReasonCode expected =
        v == ProtocolVersion::V5 ? ReasonCode::PacketIdentifierNotFound : ReasonCode::Success;
    QCOMPARE(rel.reasonCode, expected);
    QCOMPARE(comp.reasonCode, expected);
    QCOMPARE(SessionDriver::count<ErrorOccurred>(a), 0);
    // The server's PUBCOMP that ends the flow we answered is expected, once.
    d.receive(ackPacket<PubcompPacket>(96));
    QCOMPARE(SessionDriver::count<ErrorOccurred>(d.take()), 0);
    QCOMPARE(d.session.state(), SessionState::Connected);
    d.receive(ackPacket<PubcompPacket>(96));
    QCOMPARE(SessionDriver::count<ErrorOccurred>(d.take()), 1);
}

void TestSessionQos::inFlightWindowQueues()
{
    SessionOptions o = options(versionFromRow());
    o.maximumInFlight = 2;
    SessionDriver d(o);
    d.connectAndAccept();
    d.take();
    for (quint64 token = 1; token <= 4; ++token)
        d.handle(publishRequest(token, QStringLiteral("a"), QoS::AtLeastOnce));
    SessionActions a = d.take();
    QList<Packet> sent = d.sent(a);
    QCOMPARE(sent.size(), 2);
    QList<PublishOutcome> queued = SessionDriver::of<PublishOutcome>(a);
    QCOMPARE(queued.size(), 2);
    QCOMPARE(queued.at(0).token, quint64(3));
    QCOMPARE(queued.at(0).status, PublishStatus::Queued);
    QCOMPARE(d.session.queuedCount(), 2);
    // QoS 0 is never held back by the window [MQTT-4.9.0-2].
    d.handle(publishRequest(9, QStringLiteral("a"), QoS::AtMostOnce));
    QCOMPARE(d.takeSent().size(), 1);
    // Each PUBACK frees a slot for the next queued message, in order.
    d.receive(ackPacket<PubackPacket>(std::get<PublishPacket>(sent.at(0)).packetId));
    sent = d.takeSent();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(std::get<PublishPacket>(sent.at(0)).dup, false);
    QCOMPARE(d.session.queuedCount(), 1);
    QCOMPARE(d.session.inFlightCount(), 2);
}

// A 3.x server announces no Receive Maximum: 20 in flight, mosquitto's own default limit,
// beyond which it drops a QoS 1 message behind a plain PUBACK and closes the connection (found
// by tst_broker_restart_no_loss). A 5.0 server's announced maximum (65,535 when absent) holds.
void TestSessionQos::windowWithoutReceiveMaximum()
{
    const ProtocolVersion version = versionFromRow();
    SessionDriver d(options(version));
    d.connectAndAccept();
    d.take();
    for (quint64 token = 1; token <= 25; ++token)
        d.handle(publishRequest(token, QStringLiteral("a"), QoS::ExactlyOnce));
    const SessionActions a = d.take();
    const int expected = version == ProtocolVersion::V5 ? 25 : 20;
    QCOMPARE(d.sent(a).size(), expected);
    QCOMPARE(d.session.inFlightCount(), expected);
    QCOMPARE(d.session.queuedCount(), 25 - expected);
}

void TestSessionQos::receiveMaximumFromServer()
{
    SessionDriver d(options(ProtocolVersion::V5));
    Properties p;
    p.setReceiveMaximum(1);
    d.connectAndAccept(connackPacket(false, ReasonCode::Success, p));
    d.take();
    d.handle(publishRequest(1, QStringLiteral("a"), QoS::ExactlyOnce));
    d.handle(publishRequest(2, QStringLiteral("a"), QoS::AtLeastOnce));
    QList<Packet> sent = d.takeSent();
    QCOMPARE(sent.size(), 1); // [MQTT-3.3.4-7]
    const quint16 id = std::get<PublishPacket>(sent.first()).packetId;
    // PUBREC < 0x80 does not free the slot; PUBCOMP does (5.0 §4.9).
    d.receive(ackPacket<PubrecPacket>(id));
    sent = d.takeSent();
    QCOMPARE(sent.size(), 1);
    QVERIFY(std::holds_alternative<PubrelPacket>(sent.first()));
    d.receive(ackPacket<PubcompPacket>(id));
    sent = d.takeSent();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(std::get<PublishPacket>(sent.first()).qos, QoS::AtLeastOnce);
}

void TestSessionQos::maximumQosRefused()
{
    SessionDriver d(options(ProtocolVersion::V5));
    Properties p;
    p.setMaximumQoS(1);
    d.connectAndAccept(connackPacket(false, ReasonCode::Success, p));
    d.take();
    d.handle(publishRequest(1, QStringLiteral("a"), QoS::ExactlyOnce));
    const SessionActions a = d.take();
    QVERIFY(d.sent(a).isEmpty());
    const QList<PublishOutcome> outcomes = SessionDriver::of<PublishOutcome>(a);
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.first().status, PublishStatus::Failed);
    QCOMPARE(outcomes.first().error->kind, SessionError::Kind::QoSNotSupported);
    QCOMPARE(outcomes.first().error->rule, QStringLiteral("MQTT-3.2.2-11"));
}

void TestSessionQos::retainNotAvailableRefused()
{
    SessionDriver d(options(ProtocolVersion::V5));
    Properties p;
    p.setRetainAvailable(0);
    d.connectAndAccept(connackPacket(false, ReasonCode::Success, p));
    d.take();
    d.handle(publishRequest(1, QStringLiteral("a"), QoS::AtMostOnce, "x", true));
    const SessionActions a = d.take();
    QVERIFY(d.sent(a).isEmpty());
    const QList<PublishOutcome> outcomes = SessionDriver::of<PublishOutcome>(a);
    QCOMPARE(outcomes.first().error->kind, SessionError::Kind::RetainNotSupported);
    QCOMPARE(outcomes.first().error->rule, QStringLiteral("MQTT-3.2.2-14"));
}

void TestSessionQos::ackErrorCodesEndTheFlow()
{
    SessionDriver d(options(ProtocolVersion::V5));
    d.connectAndAccept();
    d.take();
    d.handle(publishRequest(1, QStringLiteral("a"), QoS::AtLeastOnce));
    d.handle(publishRequest(2, QStringLiteral("b"), QoS::ExactlyOnce));
    const QList<Packet> sent = d.takeSent();
    PubackPacket puback = ackPacket<PubackPacket>(std::get<PublishPacket>(sent.at(0)).packetId,
                                                  ReasonCode::NotAuthorized);
    puback.properties.setReasonString(QStringLiteral("acl"));
    d.receive(puback);
    d.receive(ackPacket<PubrecPacket>(std::get<PublishPacket>(sent.at(1)).packetId,
                                      ReasonCode::QuotaExceeded));
    const SessionActions a = d.take();
    QVERIFY(d.sent(a).isEmpty()); // no PUBREL after PUBREC >= 0x80 [MQTT-4.4.0-2]
    const QList<PublishOutcome> outcomes = SessionDriver::of<PublishOutcome>(a);
    QCOMPARE(outcomes.size(), 2);
    QCOMPARE(outcomes.at(0).status, PublishStatus::Failed);
    QCOMPARE(outcomes.at(0).reasonCode, ReasonCode::NotAuthorized);
    QCOMPARE(outcomes.at(0).error->kind, SessionError::Kind::RejectedByServer);
    QVERIFY(outcomes.at(0).error->message.contains(QStringLiteral("acl")));
    QCOMPARE(outcomes.at(1).reasonCode, ReasonCode::QuotaExceeded);
    QCOMPARE(d.session.inFlightCount(), 0);
}

void TestSessionQos::offlineQueue()
{
    SessionOptions o = options(versionFromRow());
    o.offlineQueueLimit = 2;
    SessionDriver d(o);
    d.handle(publishRequest(1, QStringLiteral("q/1"), QoS::AtLeastOnce));
    d.handle(publishRequest(2, QStringLiteral("q/2"), QoS::ExactlyOnce));
    d.handle(publishRequest(3, QStringLiteral("q/3"), QoS::AtLeastOnce));
    d.handle(publishRequest(4, QStringLiteral("q/4"), QoS::AtMostOnce));
    const QList<PublishOutcome> outcomes = SessionDriver::of<PublishOutcome>(d.take());
    QCOMPARE(outcomes.size(), 4);
    QCOMPARE(outcomes.at(0).status, PublishStatus::Queued);
    QCOMPARE(outcomes.at(1).status, PublishStatus::Queued);
    QCOMPARE(outcomes.at(2).error->kind, SessionError::Kind::OfflineQueueFull);
    QCOMPARE(outcomes.at(3).error->kind, SessionError::Kind::NotConnected);
    d.connectAndAccept();
    QList<PublishPacket> published;
    for (const Packet &p : d.takeSent()) {
        if (const auto *pub = std::get_if<PublishPacket>(&p))
            published.append(*pub);
    }
    QCOMPARE(published.size(), 2);
    QCOMPARE(published.at(0).topic, QStringLiteral("q/1"));
    QCOMPARE(published.at(1).topic, QStringLiteral("q/2"));
    QCOMPARE(published.at(1).qos, QoS::ExactlyOnce);
    QCOMPARE(published.at(0).dup, false);
}

void TestSessionQos::offlineQueueDisabled()
{
    SessionOptions o = options(ProtocolVersion::V311);
    o.offlineQueueLimit = 0;
    SessionDriver d(o);
    d.handle(publishRequest(1, QStringLiteral("q"), QoS::AtLeastOnce));
    const QList<PublishOutcome> outcomes = SessionDriver::of<PublishOutcome>(d.take());
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.first().error->kind, SessionError::Kind::OfflineQueueFull);
    QVERIFY(!outcomes.first().error->message.isEmpty());
}

void TestSessionQos::invalidTopicRefused()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.take();
    d.handle(publishRequest(1, QStringLiteral("a/+"), QoS::AtLeastOnce));
    const SessionActions a = d.take();
    QVERIFY(d.sent(a).isEmpty());
    const QList<PublishOutcome> outcomes = SessionDriver::of<PublishOutcome>(a);
    QCOMPARE(outcomes.first().error->kind, SessionError::Kind::InvalidRequest);
    QCOMPARE(outcomes.first().error->rule, QStringLiteral("MQTT-3.3.2-2"));
}

QTEST_GUILESS_MAIN(TestSessionQos)
#include "tst_session_qos.moc"
