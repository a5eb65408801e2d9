// PacketTraceEntry::of over every packet fixture of every version: the fixture's bytes
// decoded, then described with their size on the wire; the fields each packet type carries.
#include "core/protocol/codec.h"
#include "core/protocol/frame_reader.h"
#include "core/protocol/packet_trace_entry.h"
#include "tests/protocol/support/packet_fixtures.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

class TestPacketTraceEntry : public QObject
{
    Q_OBJECT

private slots:
    void everyFixture();
    void publishFields();
    void connackFields();
    void unsubscribeFilters();
};

void TestPacketTraceEntry::everyFixture()
{
    int checked = 0;
    for (const PacketFixture &f : packetFixtures()) {
        FrameReader reader;
        reader.append(f.bytes);
        const std::optional<Frame> frame = reader.next();
        QVERIFY2(frame, qPrintable(f.name));
        const qint64 size = frame->packetSize();
        QCOMPARE(size, f.bytes.size());
        DecodeResult decoded = decode(*frame, f.version);
        QVERIFY2(decoded.ok(), qPrintable(f.name));
        const PacketTraceEntry e =
            PacketTraceEntry::of(decoded.value(), PacketDirection::Received, size, 42);
        QCOMPARE(e.type, packetTypeOf(f.packet));
        QCOMPARE(e.wireSize, qint64(f.bytes.size()));
        QCOMPARE(e.timeMs, qint64(42));
        QCOMPARE(e.direction, PacketDirection::Received);
        // The fixture's own packet gives the same entry (the codec round trip).
        const PacketTraceEntry fromFixture =
            PacketTraceEntry::of(f.packet, PacketDirection::Received, size, 42);
        QCOMPARE(e, fromFixture);
        ++checked;
    }
    QVERIFY(checked > 30);
}

void TestPacketTraceEntry::publishFields()
{
    PublishPacket p;
    p.topic = QStringLiteral("");
    p.payload = QByteArray(300, 'x');
    p.qos = QoS::AtMostOnce;
    p.packetId = 9; // not on the wire at QoS 0
    p.properties.setTopicAlias(4);
    p.properties.addUserProperty(QStringLiteral("a"), QStringLiteral("b"));
    const PacketTraceEntry e = PacketTraceEntry::of(p, PacketDirection::Sent, 320, 5);
    QCOMPARE(e.packetId, quint16(0));
    QCOMPARE(e.topicAlias, quint16(4));
    QCOMPARE(e.propertyCount, 2);
    QCOMPARE(e.payloadSize, qint64(300));
    QVERIFY(!e.hasReasonCode);
    QVERIFY(e.allReasonCodes().isEmpty());
    QVERIFY(!e.isFailure());
    QCOMPARE(e.timestampUs(), qint64(5000));
}

void TestPacketTraceEntry::connackFields()
{
    // 3.1.1 CONNACK: Session Present 1 and accepted; then return code 5 (Not authorized),
    // which must come with Session Present 0 [MQTT-3.2.2-4].
    const auto entry = [](const char *hex) {
        const QByteArray bytes = QByteArray::fromHex(hex);
        const DecodeResult decoded =
            decode(quint8(bytes[0]), QByteArrayView(bytes).sliced(2), ProtocolVersion::V311);
        if (!decoded.ok())
            return PacketTraceEntry{};
        return PacketTraceEntry::of(decoded.value(), PacketDirection::Received, bytes.size(), 0);
    };
    const PacketTraceEntry accepted = entry("20020100");
    QCOMPARE(accepted.type, PacketType::Connack);
    QVERIFY(accepted.hasFlag(PacketTraceEntry::SessionPresent));
    QVERIFY(!accepted.isFailure());
    QCOMPARE(accepted.wireSize, qint64(4));
    const PacketTraceEntry refused = entry("20020005");
    QCOMPARE(refused.type, PacketType::Connack);
    QVERIFY(!refused.hasFlag(PacketTraceEntry::SessionPresent));
    QCOMPARE(refused.reasonCode, ReasonCode::NotAuthorized);
    QVERIFY(refused.isFailure());
    QCOMPARE(refused.receiveMaximum, quint16(0));
}

void TestPacketTraceEntry::unsubscribeFilters()
{
    UnsubscribePacket p;
    p.packetId = 3;
    p.filters = {QStringLiteral("x"), QStringLiteral("y/#")};
    const PacketTraceEntry e = PacketTraceEntry::of(p, PacketDirection::Sent, 14, 0);
    QCOMPARE(e.topic, QStringLiteral("x, y/#"));
    QCOMPARE(e.packetId, quint16(3));
}

QTEST_GUILESS_MAIN(TestPacketTraceEntry)
#include "tst_packet_trace_entry.moc"
