// FrameReader: framing in chunks, the maximum packet size, malformed lengths with
// absolute stream offsets, the sticky error state, and no copies of the buffer.

#include "core/protocol/codec.h"
#include "core/protocol/frame_reader.h"
#include "tests/protocol/support/wire.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

namespace {

QByteArray publishBytes(qsizetype payloadSize, const char *topic = "t")
{
    PublishPacket p;
    p.topic = QString::fromLatin1(topic);
    p.payload = QByteArray(payloadSize, 'x');
    return encode(p, ProtocolVersion::V311);
}

} // namespace

class TestFrameReader : public QObject
{
    Q_OBJECT

private slots:
    void emptyAndPartialInput();
    void framesCarryAbsoluteOffsets();
    void largePayloadInSmallChunks();
    void maximumPacketSize();
    void tooLargeIsReportedBeforeTheBody();
    void malformedRemainingLength();
    void errorIsSticky();
    void resetStartsAFreshStream();
    void wholeChunkIsSharedNotCopied();
    void decodeErrorsUseStreamOffsets();
    void longStreamStaysCompact();
    void largeFramePayloadIsMovedNotCopied();
    void largeFrameKeepsOffsetsAndFollowers();
};

void TestFrameReader::emptyAndPartialInput()
{
    FrameReader reader;
    QVERIFY(!reader.next());
    reader.append(QByteArrayView());
    QVERIFY(!reader.next());
    reader.append(wire("30"));
    QVERIFY(!reader.next());
    reader.append(wire("80")); // Remaining Length continues
    QVERIFY(!reader.next());
    reader.append(wire("01")); // 128 bytes of body to come
    QVERIFY(!reader.next());
    QVERIFY(!reader.hasError());
    QCOMPARE(reader.bufferedBytes(), 3);
}

void TestFrameReader::framesCarryAbsoluteOffsets()
{
    FrameReader reader;
    const QByteArray stream = wire("C0 00 | D0 00 | 40 02 00 0A");
    for (char byte : stream)
        reader.append(QByteArrayView(&byte, 1));
    std::optional<Frame> f = reader.next();
    QVERIFY(f);
    QCOMPARE(f->streamOffset, 0);
    QCOMPARE(f->type(), std::optional<PacketType>(PacketType::Pingreq));
    f = reader.next();
    QVERIFY(f);
    QCOMPARE(f->streamOffset, 2);
    f = reader.next();
    QVERIFY(f);
    QCOMPARE(f->streamOffset, 4);
    QCOMPARE(f->bodyStreamOffset, 6);
    QCOMPARE(f->packetSize(), 4);
    QCOMPARE(f->body.toByteArray(), wire("00 0A"));
    QVERIFY(!reader.next());
    QCOMPARE(reader.bytesReceived(), stream.size());
}

void TestFrameReader::largePayloadInSmallChunks()
{
    const QByteArray one = publishBytes(64 * 1024);
    const QByteArray stream = one + one;
    FrameReader reader;
    int frames = 0;
    for (qsizetype pos = 0; pos < stream.size(); pos += 3) {
        reader.append(QByteArrayView(stream).sliced(pos, qMin<qsizetype>(3, stream.size() - pos)));
        while (const std::optional<Frame> f = reader.next()) {
            const DecodeResult r = decode(*f, ProtocolVersion::V311);
            QVERIFY(r.ok());
            QCOMPARE(std::get<PublishPacket>(r.value()).payload.size(), 64 * 1024);
            ++frames;
        }
    }
    QCOMPARE(frames, 2);
}

void TestFrameReader::maximumPacketSize()
{
    const QByteArray fits = publishBytes(95); // 1 + 1 + 3 + 95 = 100 bytes
    QCOMPARE(fits.size(), 100);
    FrameReader reader(100);
    reader.append(fits);
    QVERIFY(reader.next());
    const QByteArray tooBig = publishBytes(96);
    reader.append(tooBig);
    QVERIFY(!reader.next());
    QVERIFY(reader.hasError());
    QCOMPARE(reader.error()->kind, DecodeError::Kind::PacketTooLarge);
    QCOMPARE(reader.error()->offset, 100); // where the second packet starts
    QCOMPARE(reader.error()->packet, std::optional<PacketType>(PacketType::Publish));
    QVERIFY(reader.error()->message().contains(QStringLiteral("101 > 100")));
}

void TestFrameReader::tooLargeIsReportedBeforeTheBody()
{
    // A header that announces 268,435,455 bytes is refused at once, not buffered.
    FrameReader reader(1024 * 1024);
    reader.append(wire("30 FF FF FF 7F"));
    QVERIFY(!reader.next());
    QVERIFY(reader.hasError());
    QCOMPARE(reader.error()->kind, DecodeError::Kind::PacketTooLarge);
    QCOMPARE(reader.error()->offset, 0);
}

void TestFrameReader::malformedRemainingLength()
{
    // After one good frame, a Remaining Length with a fourth continuation bit.
    FrameReader reader;
    reader.append(wire("C0 00 | 30 80 80 80 80 01"));
    QVERIFY(reader.next());
    QVERIFY(!reader.next());
    QVERIFY(reader.hasError());
    QCOMPARE(reader.error()->kind, DecodeError::Kind::MalformedVariableByteInteger);
    QCOMPARE(reader.error()->offset, 3); // the first Remaining Length byte of frame 2
}

void TestFrameReader::errorIsSticky()
{
    FrameReader reader;
    reader.append(wire("30 FF FF FF FF 01"));
    QVERIFY(!reader.next());
    QVERIFY(reader.hasError());
    const DecodeError error = *reader.error();
    reader.append(wire("C0 00"));
    QVERIFY(!reader.next());
    QVERIFY(reader.hasError());
    QVERIFY(*reader.error() == error);
}

void TestFrameReader::resetStartsAFreshStream()
{
    FrameReader reader;
    reader.append(wire("30 FF FF FF FF 01"));
    QVERIFY(!reader.next());
    reader.reset();
    QVERIFY(!reader.hasError());
    reader.append(wire("C0 00"));
    const std::optional<Frame> f = reader.next();
    QVERIFY(f);
    QCOMPARE(f->streamOffset, 0);
}

void TestFrameReader::wholeChunkIsSharedNotCopied()
{
    const QByteArray chunk = publishBytes(64 * 1024);
    FrameReader reader;
    reader.append(chunk);
    const std::optional<Frame> f = reader.next();
    QVERIFY(f);
    // The body is a view into the caller's (implicitly shared) bytes.
    QCOMPARE(f->body.data(), chunk.constData() + 4);
}

void TestFrameReader::decodeErrorsUseStreamOffsets()
{
    FrameReader reader;
    reader.append(wire("C0 00 | D0 00 | 30 05 00 03 'a/+'"));
    QVERIFY(decode(*reader.next(), ProtocolVersion::V311).ok());
    QVERIFY(decode(*reader.next(), ProtocolVersion::V311).ok());
    const DecodeResult r = decode(*reader.next(), ProtocolVersion::V311);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, DecodeError::Kind::WildcardInTopicName);
    QCOMPARE(r.error().offset, 10); // the '+' in the third packet
    // Errors in the fixed header point at the header byte.
    FrameReader second;
    second.append(wire("C0 00 | 36 04 00 01 't' 'x'"));
    QVERIFY(second.next());
    const DecodeResult qos3 = decode(*second.next(), ProtocolVersion::V311);
    QCOMPARE(qos3.error().kind, DecodeError::Kind::InvalidQoS);
    QCOMPARE(qos3.error().offset, 2);
}

void TestFrameReader::longStreamStaysCompact()
{
    // 2,000 small packets appended in 7-byte chunks: all arrive, the buffer stays small.
    QByteArray stream;
    for (int i = 0; i < 2000; ++i)
        stream += publishBytes(i % 50);
    FrameReader reader;
    int frames = 0;
    qsizetype maxBuffered = 0;
    for (qsizetype pos = 0; pos < stream.size(); pos += 7) {
        reader.append(QByteArrayView(stream).sliced(pos, qMin<qsizetype>(7, stream.size() - pos)));
        while (reader.next())
            ++frames;
        maxBuffered = qMax(maxBuffered, reader.bufferedBytes());
    }
    QCOMPARE(frames, 2000);
    QVERIFY(maxBuffered < 64);
    QCOMPARE(reader.bytesReceived(), stream.size());
}

void TestFrameReader::largeFramePayloadIsMovedNotCopied()
{
    // 64 KiB arriving in TCP-sized pieces: the frame collects its own buffer, and
    // decode(Frame &&) turns that buffer into the payload without another copy.
    const QByteArray bytes = publishBytes(64 * 1024);
    FrameReader reader;
    std::optional<Frame> frame;
    for (qsizetype pos = 0; pos < bytes.size() && !frame; pos += 1460) {
        reader.append(QByteArrayView(bytes).sliced(pos, qMin<qsizetype>(1460, bytes.size() - pos)));
        frame = reader.next();
    }
    QVERIFY(frame);
    QCOMPARE(frame->storage.size(), frame->body.size());
    QCOMPARE(frame->body.data(), frame->storage.constData());
    const char *payloadStart = frame->body.data() + 3; // after the topic "t"
    const DecodeResult r = decode(std::move(*frame), ProtocolVersion::V311);
    QVERIFY(r.ok());
    const QByteArray &payload = std::get<PublishPacket>(r.value()).payload;
    QCOMPARE(payload.size(), 64 * 1024);
    QCOMPARE(payload.constData(), payloadStart);
    QVERIFY(payload == QByteArray(64 * 1024, 'x'));
}

void TestFrameReader::largeFrameKeepsOffsetsAndFollowers()
{
    // A small packet, a large one with a bad topic, and a small one after it, in
    // 1000-byte chunks; const Frame & decoding copies but gives the same packets.
    PublishPacket big;
    big.topic = QStringLiteral("big");
    big.payload = QByteArray(40000, 'b');
    const QByteArray bigBytes = encode(big, ProtocolVersion::V5);
    QByteArray badBytes = bigBytes;
    badBytes[6] = '+'; // "big" -> "+ig"
    const QByteArray stream = wire("C0 00") + bigBytes + badBytes + wire("D0 00");
    FrameReader reader;
    QList<Frame> frames;
    for (qsizetype pos = 0; pos < stream.size(); pos += 1000) {
        reader.append(
            QByteArrayView(stream).sliced(pos, qMin<qsizetype>(1000, stream.size() - pos)));
        while (std::optional<Frame> f = reader.next()) {
            if (!f->storage.isEmpty() || f->body.isEmpty())
                frames << *f; // large or empty frames own (or need) no reader bytes
        }
    }
    QCOMPARE(reader.bytesReceived(), stream.size());
    QCOMPARE(reader.bufferedBytes(), 0);
    QCOMPARE(frames.size(), 4);
    QCOMPARE(frames[1].streamOffset, 2);
    const DecodeResult ok = decode(frames[1], ProtocolVersion::V5);
    QVERIFY(ok.ok());
    QVERIFY(ok.value() == Packet(big));
    QCOMPARE(frames[2].streamOffset, 2 + bigBytes.size());
    const DecodeResult bad = decode(std::move(frames[2]), ProtocolVersion::V5);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().kind, DecodeError::Kind::WildcardInTopicName);
    QCOMPARE(bad.error().offset, 2 + bigBytes.size() + 6);
    QCOMPARE(frames[3].type(), std::optional<PacketType>(PacketType::Pingresp));
}

QTEST_GUILESS_MAIN(TestFrameReader)
#include "tst_frame_reader.moc"
