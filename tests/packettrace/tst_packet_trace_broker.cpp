// A real Connection traced against the mosquitto fixture: a QoS 2 PUBLISH to a topic we
// subscribe to at QoS 2 goes out and comes back, so both exchanges run through the broker:
// ours (PUBLISH, PUBREC, PUBREL, PUBCOMP) and the broker's (its PUBLISH, our PUBREC, its
// PUBREL, our PUBCOMP). The batches of packetsTraced() feed a PacketTrace, which links each
// step with a round-trip time on the connection's microsecond clock. Tracing switched off
// traces nothing; View > Log packets keeps logging beside it.
#include "core/connection/connection.h"
#include "core/packettrace/packet_trace.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"

#include <QSignalSpy>
#include <QTest>

using namespace mqttdesk;

namespace {

constexpr int kWait = 15000;

// The rows of `trace` of this type and direction.
QList<PacketTraceRecord> rows(const PacketTrace &trace, PacketType type, PacketDirection direction)
{
    QList<PacketTraceRecord> out;
    for (qsizetype row = 0; row < trace.size(); ++row) {
        if (trace.at(row).entry.type == type && trace.at(row).entry.direction == direction)
            out.append(trace.at(row));
    }
    return out;
}

} // namespace

class TestPacketTraceBroker : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }
    void qos2BothWays_data();
    void qos2BothWays();
    void offTracesNothing();

private:
    TestBroker m_broker;
};

void TestPacketTraceBroker::qos2BothWays_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("5.0") << int(ProtocolVersion::V5);
    QTest::newRow("3.1.1") << int(ProtocolVersion::V311);
}

void TestPacketTraceBroker::qos2BothWays()
{
    QFETCH(int, version);
    const QString topic = QStringLiteral("trace/") + TestSettings::uniqueClientId();
    Connection connection(
        TestSettings::forListener(m_broker, TestBroker::Listener::Plain, ProtocolVersion(version),
                                  TestSettings::uniqueClientId(QStringLiteral("trace"))));
    PacketTrace trace;
    connect(&connection, &Connection::packetsTraced, this,
            [&trace](const QList<PacketTraceEntry> &entries) { trace.append(entries); });
    QStringList logged;
    connect(&connection, &Connection::logMessage, this,
            [&logged](const ConnectionLogEntry &entry) { logged << entry.text; });
    connection.setPacketLogging(true);
    connection.setPacketTracing(true);
    QSignalSpy connected(&connection, &Connection::connected);
    connection.connectToBroker();
    QVERIFY(connected.wait(kWait));
    QSignalSpy subscribed(&connection, &Connection::subscribeFinished);
    connection.subscribe({Subscription{topic, {QoS::ExactlyOnce}}});
    QVERIFY(subscribed.wait(kWait));
    QSignalSpy received(&connection, &Connection::messagesReceived);
    QSignalSpy finished(&connection, &Connection::publishFinished);
    PublishPacket message;
    message.topic = topic;
    message.payload = QByteArrayLiteral("hello");
    message.qos = QoS::ExactlyOnce;
    connection.publish(message);
    QVERIFY(finished.wait(kWait));
    QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty(), kWait);
    // Our PUBCOMP to the broker's PUBREL is the last packet of the two exchanges.
    QTRY_VERIFY_WITH_TIMEOUT(!rows(trace, PacketType::Pubcomp, PacketDirection::Sent).isEmpty(),
                             kWait);

    const QList<PacketTraceRecord> connects =
        rows(trace, PacketType::Connect, PacketDirection::Sent);
    const QList<PacketTraceRecord> connacks =
        rows(trace, PacketType::Connack, PacketDirection::Received);
    QCOMPARE(connects.size(), 1);
    QCOMPARE(connacks.size(), 1);
    QCOMPARE(connacks.first().answersSeq, qint64(connects.first().seq));
    QVERIFY(connacks.first().stepRttUs >= 0);
    QVERIFY(trace.receiveMaximum() > 0);
    const QList<PacketTraceRecord> subacks =
        rows(trace, PacketType::Suback, PacketDirection::Received);
    QCOMPARE(subacks.size(), 1);
    QCOMPARE(subacks.first().entry.reasonCodes, QList<ReasonCode>{ReasonCode::GrantedQoS2});

    // Ours: four packets, linked in order, one RTT each, on the connection's clock.
    const QList<PacketTraceRecord> sent = rows(trace, PacketType::Publish, PacketDirection::Sent);
    QCOMPARE(sent.size(), 1);
    const PacketTraceRecord &publish = sent.first();
    QCOMPARE(publish.entry.topic, topic);
    QCOMPARE(publish.entry.payloadSize, qint64(5));
    QCOMPARE(publish.entry.qos, QoS::ExactlyOnce);
    QVERIFY(publish.entry.timeUs >= 0);
    const PacketTraceRecord pubrec =
        rows(trace, PacketType::Pubrec, PacketDirection::Received).value(0);
    const PacketTraceRecord pubrel =
        rows(trace, PacketType::Pubrel, PacketDirection::Sent).value(0);
    const PacketTraceRecord pubcomp =
        rows(trace, PacketType::Pubcomp, PacketDirection::Received).value(0);
    QCOMPARE(pubrec.answersSeq, qint64(publish.seq));
    QCOMPARE(pubrel.answersSeq, qint64(pubrec.seq));
    QCOMPARE(pubcomp.answersSeq, qint64(pubrel.seq));
    for (const PacketTraceRecord &step : {pubrec, pubrel, pubcomp}) {
        QCOMPARE(step.flowSeq, qint64(publish.seq));
        QCOMPARE(step.entry.packetId, publish.entry.packetId);
        QVERIFY(step.stepRttUs >= 0);
        QVERIFY(step.entry.timeUs >= publish.entry.timeUs);
    }
    QVERIFY(pubcomp.flowEnd);
    const qsizetype publishRow = trace.rowOf(qint64(publish.seq));
    QVERIFY(publishRow >= 0);
    QCOMPARE(trace.at(publishRow).flowRttUs, pubcomp.flowRttUs);
    QCOMPARE(pubcomp.flowRttUs,
             pubcomp.entry.timeUs - publish.entry.timeUs); // one clock, no rounding
    QCOMPARE(trace.inFlight(), 0);

    // The broker's: its PUBLISH, our PUBREC, its PUBREL, our PUBCOMP.
    const PacketTraceRecord in =
        rows(trace, PacketType::Publish, PacketDirection::Received).value(0);
    QCOMPARE(in.entry.topic, topic);
    QCOMPARE(in.entry.qos, QoS::ExactlyOnce);
    const PacketTraceRecord ourPubrec =
        rows(trace, PacketType::Pubrec, PacketDirection::Sent).value(0);
    const PacketTraceRecord theirPubrel =
        rows(trace, PacketType::Pubrel, PacketDirection::Received).value(0);
    const PacketTraceRecord ourPubcomp =
        rows(trace, PacketType::Pubcomp, PacketDirection::Sent).value(0);
    QCOMPARE(ourPubrec.answersSeq, qint64(in.seq));
    QCOMPARE(theirPubrel.answersSeq, qint64(ourPubrec.seq));
    QCOMPARE(ourPubcomp.answersSeq, qint64(theirPubrel.seq));
    QVERIFY(ourPubcomp.flowEnd);
    QCOMPARE(ourPubcomp.flowTopic, topic);

    // View > Log packets logs beside the trace.
    QVERIFY2(logged.filter(QStringLiteral("-> PUBLISH")).size() == 1,
             qPrintable(logged.join(QLatin1Char('\n'))));

    connection.disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), SessionState::Disconnected, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(!rows(trace, PacketType::Disconnect, PacketDirection::Sent).isEmpty(),
                             kWait);
}

void TestPacketTraceBroker::offTracesNothing()
{
    ConnectionSettings settings =
        TestSettings::forListener(m_broker, TestBroker::Listener::Plain, ProtocolVersion::V5,
                                  TestSettings::uniqueClientId(QStringLiteral("off")));
    settings.session.keepAliveSeconds = 0; // no keep alive PINGREQ among the counted packets
    Connection connection(settings);
    QList<PacketTraceEntry> entries;
    connect(&connection, &Connection::packetsTraced, this,
            [&entries](const QList<PacketTraceEntry> &batch) { entries += batch; });
    QSignalSpy connected(&connection, &Connection::connected);
    connection.connectToBroker();
    QVERIFY(connected.wait(kWait));
    QSignalSpy finished(&connection, &Connection::publishFinished);
    PublishPacket message;
    message.topic = QStringLiteral("trace/off");
    message.qos = QoS::AtLeastOnce;
    connection.publish(message);
    QVERIFY(finished.wait(kWait));
    // Switched on now: what comes next is traced, and only that.
    connection.setPacketTracing(true);
    QSignalSpy pinged(&connection, &Connection::pingFinished);
    connection.ping();
    QVERIFY(pinged.wait(kWait));
    QTRY_COMPARE_WITH_TIMEOUT(int(entries.size()), 2, kWait);
    QCOMPARE(entries.at(0).type, PacketType::Pingreq);
    QCOMPARE(entries.at(1).type, PacketType::Pingresp);
    QVERIFY(entries.at(1).timeUs >= entries.at(0).timeUs);
    // And off again: a publish and a ping later, still those two.
    connection.setPacketTracing(false);
    connection.publish(message);
    QVERIFY(finished.wait(kWait));
    connection.setPacketTracing(true);
    connection.ping();
    QVERIFY(pinged.wait(kWait));
    QTRY_COMPARE_WITH_TIMEOUT(int(entries.size()), 4, kWait);
    QCOMPARE(entries.at(2).type, PacketType::Pingreq);
    QCOMPARE(entries.at(3).type, PacketType::Pingresp);

    // Batched: 300 messages handed over at once are traced in one signal, not 300.
    QSignalSpy traced(&connection, &Connection::packetsTraced);
    QList<PublishPacket> flood;
    for (int i = 0; i < 300; ++i) {
        PublishPacket m;
        m.topic = QStringLiteral("trace/flood");
        m.payload = QByteArray::number(i);
        flood << m;
    }
    connection.publishBatch(flood);
    QVERIFY(traced.wait(kWait));
    QCOMPARE(traced.first().first().value<QList<PacketTraceEntry>>().size(), 300);
    QCOMPARE(int(entries.size()), 304);
    QCOMPARE(entries.last().payloadSize, qint64(3));
    connection.disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), SessionState::Disconnected, kWait);
}

QTEST_GUILESS_MAIN(TestPacketTraceBroker)
#include "tst_packet_trace_broker.moc"
