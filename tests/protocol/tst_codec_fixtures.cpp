// Every packet in every version, both directions: encode and compare with the
// annotated bytes; decode and compare with the packet. Then the same streams through
// FrameReader, whole and in 1- and 3-byte chunks.

#include "core/protocol/codec.h"
#include "core/protocol/frame_reader.h"
#include "tests/protocol/support/packet_fixtures.h"
#include "tests/protocol/support/wire.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

Q_DECLARE_METATYPE(mqttdesk::ProtocolVersion)

class TestCodecFixtures : public QObject
{
    Q_OBJECT

private slots:
    void encode_data();
    void encode();
    void decode_data();
    void decode();
    void everyPacketTypeInEveryVersion();
    void chunkedStream_data();
    void chunkedStream();
    void variableByteIntegerBoundaries_data();
    void variableByteIntegerBoundaries();

private:
    QList<PacketFixture> m_fixtures = packetFixtures();
};

void TestCodecFixtures::encode_data()
{
    // Decode-only fixtures are valid, non-canonical forms the encoder never writes.
    QTest::addColumn<int>("index");
    for (int i = 0; i < m_fixtures.size(); ++i) {
        if (!m_fixtures[i].decodeOnly)
            QTest::newRow(qPrintable(m_fixtures[i].name)) << i;
    }
}

void TestCodecFixtures::decode_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < m_fixtures.size(); ++i)
        QTest::newRow(qPrintable(m_fixtures[i].name)) << i;
}

void TestCodecFixtures::encode()
{
    QFETCH(int, index);
    const PacketFixture &f = m_fixtures[index];
    const EncodeResult result = tryEncode(f.packet, f.version);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    QCOMPARE(toHex(result.value()), toHex(f.bytes));
}

void TestCodecFixtures::decode()
{
    QFETCH(int, index);
    const PacketFixture &f = m_fixtures[index];
    QVERIFY(f.bytes.size() >= 2);
    FrameReader reader;
    reader.append(f.bytes);
    const std::optional<Frame> frame = reader.next();
    QVERIFY(frame);
    QCOMPARE(frame->packetSize(), f.bytes.size());
    const DecodeResult result = mqttdesk::decode(*frame, f.version);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    QCOMPARE(packetTypeOf(result.value()), packetTypeOf(f.packet));
    // Re-encoding shows what differs when the packets are not equal.
    QCOMPARE(toHex(mqttdesk::encode(result.value(), f.version)),
             toHex(mqttdesk::encode(f.packet, f.version)));
    QVERIFY(result.value() == f.packet);
    QVERIFY(!reader.next());
    QCOMPARE(reader.bufferedBytes(), 0);
}

void TestCodecFixtures::everyPacketTypeInEveryVersion()
{
    for (ProtocolVersion v : {ProtocolVersion::V31, ProtocolVersion::V311, ProtocolVersion::V5}) {
        QSet<int> types;
        for (const PacketFixture &f : m_fixtures) {
            if (f.version == v && !f.decodeOnly)
                types.insert(int(packetTypeOf(f.packet)));
        }
        const int expected = v == ProtocolVersion::V5 ? 15 : 14; // AUTH is 5.0 only
        QVERIFY2(types.size() == expected, qPrintable(protocolVersionName(v)));
    }
}

void TestCodecFixtures::chunkedStream_data()
{
    QTest::addColumn<ProtocolVersion>("version");
    QTest::addColumn<int>("chunk");
    for (ProtocolVersion v : {ProtocolVersion::V31, ProtocolVersion::V311, ProtocolVersion::V5}) {
        for (int chunk : {0, 1, 3}) {
            const QString name = protocolVersionName(v) + QStringLiteral(", chunk ") +
                                 (chunk ? QString::number(chunk) : QStringLiteral("whole"));
            QTest::newRow(qPrintable(name)) << v << chunk;
        }
    }
}

void TestCodecFixtures::chunkedStream()
{
    QFETCH(ProtocolVersion, version);
    QFETCH(int, chunk);
    QList<Packet> expected;
    for (const PacketFixture &f : m_fixtures) {
        if (f.version == version)
            expected << f.packet;
    }
    const QByteArray stream = fixtureStream(m_fixtures, version);
    FrameReader reader;
    // With 3-byte chunks every frame of 8 bytes or more takes the large-frame path.
    if (chunk == 3)
        reader.setLargeFrameSize(8);
    QList<Packet> got;
    const qsizetype step = chunk ? chunk : stream.size();
    for (qsizetype pos = 0; pos < stream.size(); pos += step) {
        reader.append(QByteArrayView(stream).sliced(pos, qMin(step, stream.size() - pos)));
        while (std::optional<Frame> frame = reader.next()) {
            const DecodeResult result = mqttdesk::decode(std::move(*frame), version);
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
            got << result.value();
        }
        QVERIFY(!reader.hasError());
    }
    QCOMPARE(got.size(), expected.size());
    for (int i = 0; i < got.size(); ++i)
        QVERIFY2(got[i] == expected[i], qPrintable(QString::number(i)));
    QCOMPARE(reader.bytesReceived(), stream.size());
    QCOMPARE(reader.bufferedBytes(), 0);
}

void TestCodecFixtures::variableByteIntegerBoundaries_data()
{
    // 5.0 §1.5.5 / 3.1.1 Table 2.4: the boundaries of 1, 2 and 3 byte lengths.
    QTest::addColumn<int>("remainingLength");
    QTest::addColumn<QByteArray>("lengthBytes");
    QTest::newRow("0") << 0 << wire("00");
    QTest::newRow("127") << 127 << wire("7F");
    QTest::newRow("128") << 128 << wire("80 01");
    QTest::newRow("16383") << 16383 << wire("FF 7F");
    QTest::newRow("16384") << 16384 << wire("80 80 01");
    QTest::newRow("2097151") << 2097151 << wire("FF FF 7F");
    QTest::newRow("2097152") << 2097152 << wire("80 80 80 01");
}

void TestCodecFixtures::variableByteIntegerBoundaries()
{
    QFETCH(int, remainingLength);
    QFETCH(QByteArray, lengthBytes);
    if (remainingLength == 0) {
        QCOMPARE(mqttdesk::encode(PingreqPacket{}, ProtocolVersion::V311),
                 wire("C0") + lengthBytes);
        return;
    }
    // PUBLISH QoS 0, topic "t": 3 bytes of topic, the rest payload.
    PublishPacket p;
    p.topic = QStringLiteral("t");
    p.payload = QByteArray(remainingLength - 3, 'p');
    const QByteArray bytes = mqttdesk::encode(p, ProtocolVersion::V311);
    QCOMPARE(bytes.size(), 1 + lengthBytes.size() + remainingLength);
    QCOMPARE(toHex(bytes.mid(1, lengthBytes.size())),
             toHex(lengthBytes)); // fewest bytes [MQTT-1.5.5-1]
    FrameReader reader;
    reader.append(bytes);
    const std::optional<Frame> frame = reader.next();
    QVERIFY(frame);
    QCOMPARE(frame->body.size(), remainingLength);
    const DecodeResult result = mqttdesk::decode(*frame, ProtocolVersion::V311);
    QVERIFY(result.ok());
    QVERIFY(result.value() == Packet(p));
}

QTEST_GUILESS_MAIN(TestCodecFixtures)
#include "tst_codec_fixtures.moc"
