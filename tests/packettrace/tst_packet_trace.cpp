// PacketTrace and its model, headless: requests linked to their answers with one RTT per
// step (QoS 1 and 2 both ways, SUBSCRIBE, UNSUBSCRIBE, PINGREQ, CONNECT with an AUTH
// exchange, a re-authentication), resends after a reconnect, the in-flight gauge against the
// server's Receive Maximum, the ring's bound under a flood of 100,000 packets, the model
// and its filter under QAbstractItemModelTester, pausing, and the JSON Lines export read
// back field for field. Times are given, not measured.
#include "core/packettrace/packet_trace.h"
#include "core/packettrace/packet_trace_filter_model.h"
#include "core/packettrace/packet_trace_json.h"
#include "core/packettrace/packet_trace_model.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

namespace {

constexpr PacketDirection kOut = PacketDirection::Sent;
constexpr PacketDirection kIn = PacketDirection::Received;

PacketTraceEntry packet(PacketType type, PacketDirection direction, quint16 id, qint64 us,
                        QoS qos = QoS::AtMostOnce, const QString &topic = {})
{
    PacketTraceEntry e;
    e.type = type;
    e.direction = direction;
    e.packetId = id;
    e.timeUs = us;
    e.timeMs = us / 1000;
    e.qos = qos;
    e.topic = topic;
    e.wireSize = 4;
    if (type == PacketType::Publish) {
        e.payloadSize = 5;
        e.wireSize = 12 + topic.size();
    }
    switch (type) {
    case PacketType::Connack:
    case PacketType::Puback:
    case PacketType::Pubrec:
    case PacketType::Pubrel:
    case PacketType::Pubcomp:
    case PacketType::Disconnect:
    case PacketType::Auth:
        e.hasReasonCode = true;
        break;
    default:
        break;
    }
    return e;
}

PacketTraceEntry publish(PacketDirection direction, quint16 id, qint64 us, QoS qos,
                         const QString &topic = QStringLiteral("a/b"))
{
    return packet(PacketType::Publish, direction, id, us, qos, topic);
}

PacketTraceEntry connectPacket(qint64 us, bool cleanStart = true)
{
    PacketTraceEntry e = packet(PacketType::Connect, kOut, 0, us);
    e.clientId = QStringLiteral("desk");
    if (cleanStart)
        e.flags |= PacketTraceEntry::CleanStart;
    return e;
}

PacketTraceEntry connack(qint64 us, quint16 receiveMaximum = 0)
{
    PacketTraceEntry e = packet(PacketType::Connack, kIn, 0, us);
    e.receiveMaximum = receiveMaximum;
    return e;
}

qint64 rtt(const PacketTraceModel &model, int row)
{
    return model.index(row, PacketTraceModel::Rtt).data(PacketTraceModel::RttUsRole).toLongLong();
}

QString cell(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

class TestPacketTrace : public QObject
{
    Q_OBJECT

private slots:
    void qos2RoundTripLinked();
    void inboundQos2AndQos1();
    void resendAfterReconnect();
    void failedPubrecEndsTheFlow();
    void refusedSubackShowsItsReasonCode();
    void unsubscribeAndPing();
    void connectWithAuthExchange();
    void reauthentication();
    void inFlightGauge();
    void ringBoundUnderFlood();
    void batchLargerThanTheRing();
    void answerAfterItsRequestWasDropped();
    void modelUnderTester();
    void filterByTypeAndTopic();
    void pausedLinksWithoutRows();
    void clearKeepsFlows();
    void exportRoundTrip();
    void brokenExportNamesTheLine();
    void texts();
};

void TestPacketTrace::qos2RoundTripLinked()
{
    PacketTraceModel model;
    QAbstractItemModelTester tester(&model);
    model.append({connectPacket(0), connack(300, 20)});
    model.append({publish(kOut, 1, 1000, QoS::ExactlyOnce)});
    QCOMPARE(model.inFlight(), 1);
    QCOMPARE(rtt(model, 2), qint64(-1)); // waiting
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.append(
        {packet(PacketType::Pubrec, kIn, 1, 1400), packet(PacketType::Pubrel, kOut, 1, 1450)});
    QCOMPARE(model.inFlight(), 1); // until the PUBCOMP
    model.append({packet(PacketType::Pubcomp, kIn, 1, 1900)});
    QCOMPARE(model.inFlight(), 0);
    QCOMPARE(model.rowCount(), 6);

    // Four linked packets, one RTT each: the PUBLISH the whole exchange, each answer its step.
    const PacketTrace &trace = model.trace();
    for (int row = 2; row < 6; ++row)
        QCOMPARE(trace.at(row).flowSeq, qint64(2));
    QCOMPARE(trace.at(3).answersSeq, qint64(2));
    QCOMPARE(trace.at(4).answersSeq, qint64(3));
    QCOMPARE(trace.at(5).answersSeq, qint64(4));
    QCOMPARE(rtt(model, 2), qint64(900));
    QCOMPARE(rtt(model, 3), qint64(400));
    QCOMPARE(rtt(model, 4), qint64(50));
    QCOMPARE(rtt(model, 5), qint64(450));
    QVERIFY(trace.at(5).flowEnd);
    QCOMPARE(trace.at(5).flowRttUs, qint64(900));
    QCOMPARE(trace.at(5).flowTopic, QStringLiteral("a/b"));
    QCOMPARE(cell(model, 2, PacketTraceModel::Rtt), QStringLiteral("0.90 ms"));
    QCOMPARE(cell(model, 3, PacketTraceModel::Type), QStringLiteral("PUBREC"));
    // The PUBLISH row was told about its RTT when the PUBCOMP came.
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);
    // The CONNECT's exchange too.
    QCOMPARE(rtt(model, 0), qint64(300));
    QCOMPARE(rtt(model, 1), qint64(300));
    QCOMPARE(cell(model, 0, PacketTraceModel::Time), QStringLiteral("0.000000"));
    QCOMPARE(cell(model, 5, PacketTraceModel::Time), QStringLiteral("0.001900"));
}

void TestPacketTrace::inboundQos2AndQos1()
{
    PacketTrace trace;
    trace.append({connectPacket(0), connack(10)});
    // The server's QoS 2 PUBLISH and our answers; its id 1 is not our id 1.
    trace.append({publish(kOut, 1, 100, QoS::AtLeastOnce, QStringLiteral("ours")),
                  publish(kIn, 1, 120, QoS::ExactlyOnce, QStringLiteral("theirs")),
                  packet(PacketType::Pubrec, kOut, 1, 150), packet(PacketType::Puback, kIn, 1, 160),
                  packet(PacketType::Pubrel, kIn, 1, 300),
                  packet(PacketType::Pubcomp, kOut, 1, 320)});
    QCOMPARE(trace.size(), 8);
    // Our QoS 1: PUBLISH (row 2) and PUBACK (row 5).
    QCOMPARE(trace.at(5).answersSeq, qint64(2));
    QCOMPARE(trace.at(5).stepRttUs, qint64(60));
    QCOMPARE(trace.at(2).flowRttUs, qint64(60));
    // Theirs: PUBLISH (3), PUBREC (4), PUBREL (6), PUBCOMP (7).
    QCOMPARE(trace.at(4).answersSeq, qint64(3));
    QCOMPARE(trace.at(4).stepRttUs, qint64(30));
    QCOMPARE(trace.at(6).answersSeq, qint64(4));
    QCOMPARE(trace.at(6).stepRttUs, qint64(150));
    QCOMPARE(trace.at(7).answersSeq, qint64(6));
    QCOMPARE(trace.at(7).stepRttUs, qint64(20));
    QCOMPARE(trace.at(3).flowRttUs, qint64(200));
    QCOMPARE(trace.at(7).flowTopic, QStringLiteral("theirs"));
    QCOMPARE(trace.inFlight(), 0); // only our own messages count
}

void TestPacketTrace::resendAfterReconnect()
{
    PacketTrace trace;
    trace.append({connectPacket(0, false), connack(10)});
    trace.append({publish(kOut, 7, 100, QoS::AtLeastOnce)});
    QCOMPARE(trace.inFlight(), 1);
    // The connection drops; the session is resumed and the PUBLISH sent again with DUP.
    PacketTraceEntry again = publish(kOut, 7, 5000, QoS::AtLeastOnce);
    again.flags |= PacketTraceEntry::Dup;
    trace.append({connectPacket(4000, false), connack(4100), again,
                  packet(PacketType::Puback, kIn, 7, 5200)});
    QCOMPARE(trace.inFlight(), 0);
    const PacketTraceRecord &ack = trace.at(trace.size() - 1);
    QCOMPARE(ack.answersSeq, qint64(5)); // the copy sent again
    QCOMPARE(ack.stepRttUs, qint64(200));
    QCOMPARE(ack.flowSeq, qint64(2)); // the flow began with the first copy
    QCOMPARE(ack.flowRttUs, qint64(5100));
    QCOMPARE(trace.at(5).flowSeq, qint64(2));
    // A clean start forgets what was in flight.
    trace.append({publish(kOut, 8, 6000, QoS::AtLeastOnce), connectPacket(7000, true)});
    QCOMPARE(trace.inFlight(), 0);
}

void TestPacketTrace::failedPubrecEndsTheFlow()
{
    PacketTrace trace;
    PacketTraceEntry refused = packet(PacketType::Pubrec, kIn, 3, 90);
    refused.reasonCode = ReasonCode::QuotaExceeded;
    trace.append({publish(kOut, 3, 10, QoS::ExactlyOnce), refused});
    QCOMPARE(trace.inFlight(), 0);
    QVERIFY(trace.at(1).flowEnd);
    QCOMPARE(trace.at(0).flowRttUs, qint64(80));
}

void TestPacketTrace::refusedSubackShowsItsReasonCode()
{
    PacketTraceModel model;
    PacketTraceEntry subscribe =
        packet(PacketType::Subscribe, kOut, 4, 100, QoS::AtLeastOnce, QStringLiteral("secret/#"));
    PacketTraceEntry suback = packet(PacketType::Suback, kIn, 4, 350);
    suback.reasonCodes = {ReasonCode::NotAuthorized};
    suback.reasonString = QStringLiteral("denied by ACL");
    model.append({subscribe, suback});
    const QString reason = cell(model, 1, PacketTraceModel::Reason);
    QVERIFY2(reason.startsWith(QStringLiteral("0x87 Not authorized")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("denied by ACL")), qPrintable(reason));
    QVERIFY(model.index(1, 0).data(PacketTraceModel::FailureRole).toBool());
    QVERIFY(!model.index(0, 0).data(PacketTraceModel::FailureRole).toBool());
    QCOMPARE(rtt(model, 1), qint64(250));
    QCOMPARE(cell(model, 0, PacketTraceModel::Topic), QStringLiteral("secret/#"));
    QCOMPARE(cell(model, 0, PacketTraceModel::Qos), QStringLiteral("1"));
    QCOMPARE(cell(model, 1, PacketTraceModel::PacketId), QStringLiteral("4"));
}

void TestPacketTrace::unsubscribeAndPing()
{
    PacketTrace trace;
    trace.append({packet(PacketType::Unsubscribe, kOut, 9, 0, QoS::AtMostOnce, QStringLiteral("x")),
                  packet(PacketType::Pingreq, kOut, 0, 10),
                  packet(PacketType::Pingresp, kIn, 0, 40),
                  packet(PacketType::Unsuback, kIn, 9, 70),
                  packet(PacketType::Pingresp, kIn, 0, 90)}); // answers nothing
    QCOMPARE(trace.at(2).answersSeq, qint64(1));
    QCOMPARE(trace.at(2).stepRttUs, qint64(30));
    QCOMPARE(trace.at(3).answersSeq, qint64(0));
    QCOMPARE(trace.at(3).stepRttUs, qint64(70));
    QCOMPARE(trace.at(3).flowTopic, QStringLiteral("x"));
    QCOMPARE(trace.at(4).answersSeq, qint64(-1));
    QCOMPARE(trace.at(4).stepRttUs, qint64(-1));
}

void TestPacketTrace::connectWithAuthExchange()
{
    PacketTrace trace;
    PacketTraceEntry challenge = packet(PacketType::Auth, kIn, 0, 200);
    challenge.reasonCode = ReasonCode::ContinueAuthentication;
    PacketTraceEntry response = packet(PacketType::Auth, kOut, 0, 260);
    response.reasonCode = ReasonCode::ContinueAuthentication;
    trace.append({connectPacket(100), challenge, response, connack(500)});
    QCOMPARE(trace.at(1).answersSeq, qint64(0));
    QCOMPARE(trace.at(1).stepRttUs, qint64(100));
    QCOMPARE(trace.at(2).answersSeq, qint64(1));
    QCOMPARE(trace.at(2).stepRttUs, qint64(60)); // our own time to answer
    QCOMPARE(trace.at(3).answersSeq, qint64(2));
    QCOMPARE(trace.at(3).stepRttUs, qint64(240));
    QCOMPARE(trace.at(3).flowSeq, qint64(0));
    QCOMPARE(trace.at(0).flowRttUs, qint64(400));
}

void TestPacketTrace::reauthentication()
{
    PacketTrace trace;
    trace.append({connectPacket(0), connack(10)});
    PacketTraceEntry start = packet(PacketType::Auth, kOut, 0, 1000);
    start.reasonCode = ReasonCode::ReAuthenticate;
    PacketTraceEntry challenge = packet(PacketType::Auth, kIn, 0, 1100);
    challenge.reasonCode = ReasonCode::ContinueAuthentication;
    PacketTraceEntry response = packet(PacketType::Auth, kOut, 0, 1150);
    response.reasonCode = ReasonCode::ContinueAuthentication;
    PacketTraceEntry done = packet(PacketType::Auth, kIn, 0, 1400);
    trace.append({start, challenge, response, done});
    QCOMPARE(trace.at(5).answersSeq, qint64(4));
    QCOMPARE(trace.at(5).stepRttUs, qint64(250));
    QVERIFY(trace.at(5).flowEnd);
    QCOMPARE(trace.at(2).flowRttUs, qint64(400));
}

void TestPacketTrace::inFlightGauge()
{
    PacketTraceModel model;
    QSignalSpy gauge(&model, &PacketTraceModel::gaugeChanged);
    model.append({connectPacket(0), connack(10)});
    QCOMPARE(model.receiveMaximum(), PacketLinker::kDefaultReceiveMaximum); // none sent
    model.append({connectPacket(100), connack(110, 20)});
    QCOMPARE(model.receiveMaximum(), 20);
    QList<PacketTraceEntry> batch;
    for (quint16 id = 1; id <= 5; ++id)
        batch << publish(kOut, id, 200 + id, id % 2 ? QoS::AtLeastOnce : QoS::ExactlyOnce);
    batch << publish(kOut, 0, 210, QoS::AtMostOnce); // never in flight
    model.append(batch);
    QCOMPARE(model.inFlight(), 5);
    QCOMPARE(gauge.last().at(0).toInt(), 5);
    QCOMPARE(gauge.last().at(1).toInt(), 20);
    model.append(
        {packet(PacketType::Puback, kIn, 1, 300), packet(PacketType::Pubrec, kIn, 2, 301)});
    QCOMPARE(model.inFlight(), 4); // the QoS 2 message counts until its PUBCOMP
}

void TestPacketTrace::ringBoundUnderFlood()
{
    PacketTraceModel model; // 10,000 by default
    QCOMPARE(model.capacity(), PacketTrace::kDefaultCapacity);
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    constexpr int kTotal = 100000;
    constexpr int kBatch = 1000;
    for (int at = 0; at < kTotal; at += kBatch) {
        QList<PacketTraceEntry> batch;
        batch.reserve(kBatch);
        for (int i = at; i < at + kBatch; ++i) {
            const quint16 id = quint16(i % 60000 + 1);
            batch << (i % 2 == 0
                          ? publish(kIn, id, i, QoS::AtLeastOnce)
                          : packet(PacketType::Puback, kOut, quint16((i - 1) % 60000 + 1), i));
        }
        model.append(batch);
        QVERIFY(model.rowCount() <= PacketTrace::kDefaultCapacity);
    }
    QCOMPARE(model.rowCount(), int(PacketTrace::kDefaultCapacity));
    QCOMPARE(model.record(0).seq, quint64(kTotal - PacketTrace::kDefaultCapacity));
    QCOMPARE(model.record(model.rowCount() - 1).seq, quint64(kTotal - 1));
    QCOMPARE(model.trace().nextSeq(), quint64(kTotal));
    // One insertion per batch; removals only once the ring is full; never a reset.
    QCOMPARE(inserted.size(), kTotal / kBatch);
    QCOMPARE(removed.size(), (kTotal - int(PacketTrace::kDefaultCapacity)) / kBatch);
    QCOMPARE(resets.size(), 0);
    // Every PUBACK still found its PUBLISH.
    QCOMPARE(rtt(model, model.rowCount() - 1), qint64(1));
}

void TestPacketTrace::batchLargerThanTheRing()
{
    PacketTraceModel model;
    model.setCapacity(100);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QList<PacketTraceEntry> batch;
    for (int i = 0; i < 250; ++i)
        batch << publish(kOut, quint16(i + 1), i, QoS::AtLeastOnce);
    model.append(batch);
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.record(0).seq, quint64(150));
    QCOMPARE(model.inFlight(), 250); // all linked, also those not kept
    model.setCapacity(10);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.record(0).seq, quint64(240));
}

void TestPacketTrace::answerAfterItsRequestWasDropped()
{
    PacketTrace trace(3);
    trace.append({publish(kOut, 1, 0, QoS::AtLeastOnce)});
    trace.append({packet(PacketType::Pingreq, kOut, 0, 1), packet(PacketType::Pingresp, kIn, 0, 2),
                  packet(PacketType::Pingreq, kOut, 0, 3)});
    QCOMPARE(trace.rowOf(0), qsizetype(-1));
    const QList<qsizetype> changed = trace.append({packet(PacketType::Puback, kIn, 1, 10)});
    QVERIFY(changed.isEmpty());
    QCOMPARE(trace.at(2).answersSeq, qint64(0));
    QCOMPARE(trace.at(2).stepRttUs, qint64(10));
    QCOMPARE(trace.inFlight(), 0);
}

void TestPacketTrace::modelUnderTester()
{
    PacketTraceModel model;
    model.setCapacity(300);
    PacketTraceFilterModel filter;
    filter.setSourceModel(&model);
    filter.setTypeShown(PacketType::Puback, false);
    QAbstractItemModelTester modelTester(&model);
    QAbstractItemModelTester filterTester(&filter);
    int time = 0;
    for (int round = 0; round < 40; ++round) {
        QList<PacketTraceEntry> batch;
        for (int i = 0; i < 37; ++i, ++time) {
            const quint16 id = quint16(time / 2 % 1000 + 1);
            batch << (time % 2 == 0 ? publish(kOut, id, time, QoS::AtLeastOnce,
                                              QStringLiteral("t/%1").arg(time % 7))
                                    : packet(PacketType::Puback, kIn, id, time));
        }
        model.append(batch);
        if (round == 20)
            filter.setTopicFilter(QStringLiteral("t/3"));
    }
    QCOMPARE(model.rowCount(), 300);
    QVERIFY(filter.rowCount() > 0);
    for (int row = 0; row < filter.rowCount(); ++row) {
        QCOMPARE(cell(filter, row, PacketTraceModel::Type), QStringLiteral("PUBLISH"));
        QCOMPARE(cell(filter, row, PacketTraceModel::Topic), QStringLiteral("t/3"));
        QVERIFY(filter.index(row, PacketTraceModel::Direction).data(Qt::ToolTipRole).isValid());
    }
    model.clear();
    QCOMPARE(filter.rowCount(), 0);
}

void TestPacketTrace::filterByTypeAndTopic()
{
    PacketTraceModel model;
    model.append({publish(kOut, 1, 0, QoS::AtLeastOnce, QStringLiteral("Plant/Line1/temp")),
                  publish(kOut, 2, 1, QoS::AtLeastOnce, QStringLiteral("office/door")),
                  packet(PacketType::Puback, kIn, 2, 5), packet(PacketType::Puback, kIn, 1, 6),
                  packet(PacketType::Pingreq, kOut, 0, 7)});
    PacketTraceFilterModel filter;
    filter.setSourceModel(&model);
    QCOMPARE(filter.rowCount(), 5);
    QVERIFY(filter.showsAllTypes());
    // The acknowledgement follows its PUBLISH's topic, case-insensitively.
    filter.setTopicFilter(QStringLiteral("line1"));
    QCOMPARE(filter.rowCount(), 2);
    QCOMPARE(filter.index(1, 0).data(PacketTraceModel::SeqRole).toULongLong(), qulonglong(3));
    filter.setTopicFilter(QString());
    filter.setTypeShown(PacketType::Publish, false);
    filter.setTypeShown(PacketType::Pingreq, false);
    QVERIFY(!filter.showsAllTypes());
    QCOMPARE(filter.rowCount(), 2);
    QCOMPARE(cell(filter, 0, PacketTraceModel::Type), QStringLiteral("PUBACK"));
    filter.showAllTypes();
    QCOMPARE(filter.rowCount(), 5);
}

void TestPacketTrace::pausedLinksWithoutRows()
{
    PacketTraceModel model;
    model.append({publish(kOut, 1, 0, QoS::AtLeastOnce)});
    model.setPaused(true);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.append({publish(kOut, 2, 10, QoS::AtLeastOnce), packet(PacketType::Puback, kIn, 1, 40)});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.inFlight(), 1);
    QCOMPARE(changed.size(), 1); // the listed PUBLISH got its RTT
    QCOMPARE(rtt(model, 0), qint64(40));
    model.setPaused(false);
    model.append({packet(PacketType::Puback, kIn, 2, 50)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(rtt(model, 1), qint64(40));
    QCOMPARE(model.inFlight(), 0);
}

void TestPacketTrace::clearKeepsFlows()
{
    PacketTraceModel model;
    QAbstractItemModelTester tester(&model);
    model.append({publish(kOut, 1, 1000, QoS::AtLeastOnce)});
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.inFlight(), 1);
    model.append({packet(PacketType::Puback, kIn, 1, 1500)});
    QCOMPARE(rtt(model, 0), qint64(500));
    QCOMPARE(cell(model, 0, PacketTraceModel::Time), QStringLiteral("0.000000")); // new origin
}

void TestPacketTrace::exportRoundTrip()
{
    PacketTraceModel model;
    PacketTraceEntry connectEntry = connectPacket(0);
    connectEntry.propertyCount = 2;
    PacketTraceEntry ack = connack(300, 10);
    ack.flags |= PacketTraceEntry::SessionPresent;
    ack.clientId = QStringLiteral("assigned-\u00e9");
    PacketTraceEntry out =
        publish(kOut, 1, 1000, QoS::ExactlyOnce, QStringLiteral("caf\u00e9/\"q\""));
    out.flags |= PacketTraceEntry::Retain | PacketTraceEntry::Dup;
    out.topicAlias = 3;
    PacketTraceEntry suback = packet(PacketType::Suback, kIn, 2, 2000);
    suback.reasonCodes = {ReasonCode::GrantedQoS1, ReasonCode::NotAuthorized};
    suback.reasonString = QStringLiteral("line\nbreak");
    PacketTraceEntry unsuback = packet(PacketType::Unsuback, kIn, 3, 2100); // 3.1.1: no codes
    model.append({connectEntry, ack, out, packet(PacketType::Subscribe, kOut, 2, 1900),
                  packet(PacketType::Pubrec, kIn, 1, 1400), suback, unsuback,
                  packet(PacketType::Pubrel, kOut, 1, 2450),
                  packet(PacketType::Pubcomp, kIn, 1, 2900)});
    QList<PacketTraceRecord> records;
    for (int row = 0; row < model.rowCount(); ++row)
        records << model.record(row);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("packets.jsonl"));
    QCOMPARE(PacketTraceJson::save(path, records), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), records.size() + 1); // each line ends with a line feed
    QVERIFY(lines.at(2).contains("\"type\":\"PUBLISH\""));
    QVERIFY(lines.at(2).contains("\"direction\":\"sent\""));
    QVERIFY(lines.at(5).contains("\"reasonCodes\":[1,135]"));

    QList<PacketTraceRecord> back;
    QCOMPARE(PacketTraceJson::load(path, &back), QString());
    QCOMPARE(back.size(), records.size());
    for (int i = 0; i < records.size(); ++i)
        QCOMPARE(back.at(i), records.at(i));
}

void TestPacketTrace::brokenExportNamesTheLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(PacketTraceJson::line(PacketTraceRecord{}));
    file.write("\n{\"type\":\"PUBLISH\",\"direction\":\"sideways\"}\n");
    file.close();
    QList<PacketTraceRecord> back;
    const QString error = PacketTraceJson::load(path, &back);
    QVERIFY2(error.contains(QStringLiteral("line 3")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("direction")), qPrintable(error));
    QString why;
    QVERIFY(!PacketTraceJson::parse("[1]", &why));
    QVERIFY(!why.isEmpty());
    QVERIFY(!PacketTraceJson::parse("{\"type\":\"NOPE\",\"direction\":\"sent\"}", &why));
    QVERIFY(why.contains(QStringLiteral("type")));
    QVERIFY(PacketTraceJson::load(dir.filePath(QStringLiteral("missing")), &back)
                .contains(QStringLiteral("missing")));
}

void TestPacketTrace::texts()
{
    QCOMPARE(PacketTraceModel::durationText(-1), QString());
    QCOMPARE(PacketTraceModel::durationText(410), QStringLiteral("0.41 ms"));
    QCOMPARE(PacketTraceModel::durationText(12500), QStringLiteral("12.5 ms"));
    QCOMPARE(PacketTraceModel::durationText(1240000), QStringLiteral("1240 ms"));
    QCOMPARE(PacketTraceModel::durationText(12400000), QStringLiteral("12.40 s"));
    PacketTraceEntry e = publish(kIn, 1, 0, QoS::AtLeastOnce);
    e.flags = PacketTraceEntry::Dup | PacketTraceEntry::Retain;
    QCOMPARE(PacketTraceModel::flagsText(e), QStringLiteral("DUP RETAIN"));
    PacketTraceModel model;
    PacketTraceEntry alias = publish(kIn, 0, 0, QoS::AtMostOnce, QString());
    alias.topicAlias = 5;
    model.append({alias, connectPacket(1)});
    QCOMPARE(cell(model, 0, PacketTraceModel::Topic), QStringLiteral("(alias 5)"));
    QCOMPARE(cell(model, 1, PacketTraceModel::Topic), QStringLiteral("client desk"));
    QCOMPARE(cell(model, 1, PacketTraceModel::Flags), QStringLiteral("Clean start"));
    QCOMPARE(cell(model, 0, PacketTraceModel::Direction), QStringLiteral("\u2190"));
    QCOMPARE(model.index(0, PacketTraceModel::Direction).data(Qt::AccessibleTextRole).toString(),
             QStringLiteral("received"));
    QCOMPARE(model.headerData(PacketTraceModel::Rtt, Qt::Horizontal).toString(),
             QStringLiteral("RTT"));
}

QTEST_GUILESS_MAIN(TestPacketTrace)
#include "tst_packet_trace.moc"
