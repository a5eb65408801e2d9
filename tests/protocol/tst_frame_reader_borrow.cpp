// FrameReader::borrow(): frames straight from the caller's chunk, the partial tail kept
// by releaseInput(), large payloads copied once, and the same frames and offsets as
// append() for every chunking.

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

struct Seen
{
    qint64 offset = 0;
    qint64 size = 0;
    Packet packet;
};

// Feeds `stream` in chunks of `chunkSize` with borrow()/next()/releaseInput(), each
// chunk in a buffer of its own that is overwritten right after, as a socket's would be.
QList<Seen> readBorrowed(const QByteArray &stream, qsizetype chunkSize, FrameReader &reader)
{
    QList<Seen> seen;
    for (qsizetype pos = 0; pos < stream.size(); pos += chunkSize) {
        QByteArray chunk = stream.mid(pos, chunkSize);
        reader.borrow(chunk);
        while (std::optional<Frame> f = reader.next()) {
            const qint64 offset = f->streamOffset;
            const qint64 size = f->packetSize();
            DecodeResult r = decode(std::move(*f), ProtocolVersion::V311);
            if (!r.ok())
                return seen;
            seen.append(Seen{offset, size, std::move(r.value())});
        }
        reader.releaseInput();
        chunk.fill('\xEE'); // the caller reuses its buffer: nothing may point into it
    }
    return seen;
}

} // namespace

class TestFrameReaderBorrow : public QObject
{
    Q_OBJECT

private slots:
    void wholeFramesAreViewsIntoTheChunk();
    void partialTailIsKept();
    void anyChunkingGivesTheSameFrames_data();
    void anyChunkingGivesTheSameFrames();
    void largePayloadIsCopiedOnce();
    void errorsInABorrowedChunk();
    void appendAfterBorrowKeepsOrder();
    void stoppingEarlyKeepsTheRestInOrder();
};

void TestFrameReaderBorrow::wholeFramesAreViewsIntoTheChunk()
{
    const QByteArray chunk = wire("C0 00") + publishBytes(10) + publishBytes(20);
    FrameReader reader;
    reader.borrow(chunk);
    std::optional<Frame> f = reader.next();
    QVERIFY(f);
    QCOMPARE(f->body.size(), 0);
    f = reader.next();
    QVERIFY(f);
    QCOMPARE(f->body.data(), chunk.constData() + 4); // no copy
    QCOMPARE(f->streamOffset, 2);
    f = reader.next();
    QVERIFY(f);
    QCOMPARE(f->body.data(), chunk.constData() + 2 + 15 + 2);
    QVERIFY(!reader.next());
    reader.releaseInput();
    QCOMPARE(reader.bufferedBytes(), 0);
    QCOMPARE(reader.bytesReceived(), chunk.size());
}

void TestFrameReaderBorrow::partialTailIsKept()
{
    const QByteArray one = publishBytes(30);
    const QByteArray stream = one + one;
    FrameReader reader;
    QByteArray first = stream.left(one.size() + 7);
    reader.borrow(first);
    QVERIFY(reader.next());
    QVERIFY(!reader.next());
    QCOMPARE(reader.bufferedBytes(), 7);
    reader.releaseInput();
    first.fill('\0');
    QCOMPARE(reader.bufferedBytes(), 7);
    QCOMPARE(reader.bytesReceived(), one.size() + 7);
    const QByteArray second = stream.mid(one.size() + 7);
    reader.borrow(second);
    const std::optional<Frame> f = reader.next();
    QVERIFY(f);
    QCOMPARE(f->streamOffset, one.size());
    QCOMPARE(f->body.toByteArray(), one.mid(2));
    QVERIFY(!reader.next());
    reader.releaseInput();
    QCOMPARE(reader.bufferedBytes(), 0);
    QCOMPARE(reader.bytesReceived(), stream.size());
}

void TestFrameReaderBorrow::anyChunkingGivesTheSameFrames_data()
{
    QTest::addColumn<qsizetype>("chunkSize");
    for (const qsizetype size : {1, 2, 3, 5, 7, 100, 1460, 16 * 1024, 65536, 1 << 20})
        QTest::addRow("%lld", qlonglong(size)) << size;
}

void TestFrameReaderBorrow::anyChunkingGivesTheSameFrames()
{
    QFETCH(qsizetype, chunkSize);
    // Small and large frames, and Remaining Lengths of 1 to 3 bytes, back to back.
    QByteArray stream;
    for (int i = 0; i < 40; ++i) {
        stream += publishBytes((i * 37) % 300);
        if (i % 7 == 3)
            stream += publishBytes(20000 + i);
        if (i % 11 == 5)
            stream += wire("D0 00");
    }
    QList<Seen> expected;
    {
        FrameReader whole;
        whole.append(stream);
        while (std::optional<Frame> f = whole.next())
            expected.append(
                Seen{f->streamOffset, f->packetSize(), decode(*f, ProtocolVersion::V311).value()});
    }
    FrameReader reader;
    const QList<Seen> seen = readBorrowed(stream, chunkSize, reader);
    QVERIFY(!reader.hasError());
    QCOMPARE(seen.size(), expected.size());
    for (qsizetype i = 0; i < seen.size(); ++i) {
        QCOMPARE(seen[i].offset, expected[i].offset);
        QCOMPARE(seen[i].size, expected[i].size);
        QVERIFY2(seen[i].packet == expected[i].packet, qPrintable(QString::number(i)));
    }
    QCOMPARE(reader.bytesReceived(), stream.size());
    QCOMPARE(reader.bufferedBytes(), 0);
}

void TestFrameReaderBorrow::largePayloadIsCopiedOnce()
{
    // Two 64 KiB PUBLISH in 1460-byte chunks: each frame collects its own buffer, which
    // becomes the payload; the head of the second one, met mid-chunk, goes there too.
    const QByteArray one = publishBytes(64 * 1024);
    const QByteArray stream = one + one;
    FrameReader reader;
    int frames = 0;
    for (qsizetype pos = 0; pos < stream.size(); pos += 1460) {
        const QByteArray chunk = stream.mid(pos, 1460);
        reader.borrow(chunk);
        while (std::optional<Frame> f = reader.next()) {
            QCOMPARE(f->storage.size(), f->body.size());
            const char *payloadStart = f->body.data() + 3;
            const DecodeResult r = decode(std::move(*f), ProtocolVersion::V311);
            QVERIFY(r.ok());
            const QByteArray &payload = std::get<PublishPacket>(r.value()).payload;
            QCOMPARE(payload.constData(), payloadStart);
            QVERIFY(payload == QByteArray(64 * 1024, 'x'));
            ++frames;
        }
        reader.releaseInput();
    }
    QCOMPARE(frames, 2);
    QCOMPARE(reader.bufferedBytes(), 0);
}

void TestFrameReaderBorrow::errorsInABorrowedChunk()
{
    FrameReader reader(100);
    const QByteArray first = wire("C0 00 | 30");
    reader.borrow(first);
    QVERIFY(reader.next());
    QVERIFY(!reader.next());
    reader.releaseInput();
    // The Remaining Length completes in the next chunk and is too large.
    const QByteArray second = wire("80 01");
    reader.borrow(second);
    QVERIFY(!reader.next());
    QVERIFY(reader.hasError());
    QCOMPARE(reader.error()->kind, DecodeError::Kind::PacketTooLarge);
    QCOMPARE(reader.error()->offset, 2);
    reader.releaseInput();
    // Sticky, and a malformed length straight from a chunk reports its offset.
    const QByteArray more = wire("C0 00");
    reader.borrow(more);
    QVERIFY(!reader.next());
    reader.reset();
    const QByteArray bad = wire("D0 00 | 30 80 80 80 80 01");
    reader.borrow(bad);
    QVERIFY(reader.next());
    QVERIFY(!reader.next());
    QCOMPARE(reader.error()->kind, DecodeError::Kind::MalformedVariableByteInteger);
    QCOMPARE(reader.error()->offset, 3);
}

void TestFrameReaderBorrow::appendAfterBorrowKeepsOrder()
{
    // append() while a chunk is borrowed keeps its unread bytes first.
    const QByteArray a = publishBytes(5);
    const QByteArray b = publishBytes(6);
    FrameReader reader;
    reader.borrow(QByteArrayView(a).first(4));
    QVERIFY(!reader.next());
    reader.append(a.mid(4) + b);
    std::optional<Frame> f = reader.next();
    QVERIFY(f);
    QCOMPARE(f->body.toByteArray(), a.mid(2));
    f = reader.next();
    QVERIFY(f);
    QCOMPARE(f->streamOffset, a.size());
    QCOMPARE(f->body.toByteArray(), b.mid(2));
}

void TestFrameReaderBorrow::stoppingEarlyKeepsTheRestInOrder()
{
    // A caller may stop calling next() before the chunk is used up: releaseInput() keeps
    // whole frames then, and with the next borrowed chunk they come out first, in order
    // (found by fuzz_frame_reader: the whole frame was "topped up" by a negative count).
    const QByteArray a = publishBytes(5);
    const QByteArray b = publishBytes(6);
    const QByteArray c = publishBytes(7);
    const QByteArray stream = a + b + c;
    FrameReader reader;
    QByteArray first = stream.left(a.size() + b.size() + 3);
    reader.borrow(first);
    QVERIFY(reader.next());
    reader.releaseInput();
    first.fill('\xEE');
    QCOMPARE(reader.bufferedBytes(), b.size() + 3);
    const QByteArray second = stream.mid(first.size());
    reader.borrow(second);
    std::optional<Frame> f = reader.next();
    QVERIFY(f);
    QCOMPARE(f->streamOffset, a.size());
    QCOMPARE(f->body.toByteArray(), b.mid(2));
    f = reader.next();
    QVERIFY(f);
    QCOMPARE(f->streamOffset, a.size() + b.size());
    QCOMPARE(f->body.toByteArray(), c.mid(2));
    QVERIFY(!reader.next());
    reader.releaseInput();
    QVERIFY(!reader.hasError());
    QCOMPARE(reader.bufferedBytes(), 0);
    QCOMPARE(reader.bytesReceived(), stream.size());
}

QTEST_GUILESS_MAIN(TestFrameReaderBorrow)
#include "tst_frame_reader_borrow.moc"
