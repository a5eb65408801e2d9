// Decode throughput for PUBLISH through FrameReader + decode, against a plain copy of
// the same bytes in the same process, so the ratio says what framing and decoding
// cost on top of the one unavoidable payload copy.

#include "core/protocol/codec.h"
#include "core/protocol/frame_reader.h"

#include <QElapsedTimer>
#include <QTest>

#include <cstring>

using namespace mqttdesk;

namespace {

QByteArray publishBytes(qsizetype topicSize, qsizetype payloadSize)
{
    PublishPacket p;
    p.topic = QString(topicSize, QLatin1Char('t'));
    p.payload = QByteArray(payloadSize, 'p');
    p.qos = QoS::AtLeastOnce;
    p.packetId = 1;
    return encode(p, ProtocolVersion::V5);
}

// One packet as a socket would hand it over: a chunk into the reader, a frame out,
// decoded into a PublishPacket. Returns the payload size to keep it observable.
qsizetype decodeOnce(FrameReader &reader, const QByteArray &bytes)
{
    reader.append(bytes);
    const std::optional<Frame> frame = reader.next();
    DecodeResult result = decode(*frame, ProtocolVersion::V5);
    return std::get<PublishPacket>(result.value()).payload.size();
}

// The same packet arriving in TCP-sized pieces (1460 bytes), decoded with
// decode(Frame &&) so the large frame's own buffer becomes the payload.
qsizetype decodeChunked(FrameReader &reader, const QByteArray &bytes)
{
    std::optional<Frame> frame;
    for (qsizetype pos = 0; pos < bytes.size(); pos += 1460) {
        reader.append(QByteArrayView(bytes).sliced(pos, qMin<qsizetype>(1460, bytes.size() - pos)));
        frame = reader.next();
    }
    DecodeResult result = decode(std::move(*frame), ProtocolVersion::V5);
    return std::get<PublishPacket>(result.value()).payload.size();
}

// The reference: the packet's bytes copied once into a fresh buffer.
qsizetype copyOnce(const QByteArray &bytes)
{
    QByteArray copy(bytes.size(), Qt::Uninitialized);
    std::memcpy(copy.data(), bytes.constData(), size_t(bytes.size()));
    return copy.size();
}

double nsPerOp(const std::function<qsizetype()> &op, int iterations)
{
    volatile qsizetype sink = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < iterations; ++i)
        sink = sink + op();
    return double(timer.nsecsElapsed()) / iterations;
}

} // namespace

class BenchDecode : public QObject
{
    Q_OBJECT

private slots:
    void decodeSmall() { run(m_small, false); }
    void copySmall() { run(m_small, true); }
    void decode64KiB() { run(m_large, false); }
    void copy64KiB() { run(m_large, true); }
    void decode64KiBIn1460ByteChunks();
    void ratios();

private:
    void run(const QByteArray &bytes, bool reference);

    const QByteArray m_small = publishBytes(16, 32);
    const QByteArray m_large = publishBytes(16, 64 * 1024);
};

void BenchDecode::run(const QByteArray &bytes, bool reference)
{
    FrameReader reader;
    qsizetype sink = 0;
    QBENCHMARK
    {
        sink += reference ? copyOnce(bytes) : decodeOnce(reader, bytes);
    }
    QVERIFY(sink > 0);
}

void BenchDecode::decode64KiBIn1460ByteChunks()
{
    FrameReader reader;
    qsizetype sink = 0;
    QBENCHMARK
    {
        sink += decodeChunked(reader, m_large);
    }
    QVERIFY(sink > 0);
}

void BenchDecode::ratios()
{
    FrameReader reader;
    QCOMPARE(decodeOnce(reader, m_small), 32);
    QCOMPARE(decodeOnce(reader, m_large), 64 * 1024);
    struct Case
    {
        const char *name;
        const QByteArray &bytes;
        int iterations;
    };
    for (const Case &c : {Case{"small PUBLISH (16 B topic, 32 B payload)", m_small, 1000000},
                          Case{"64 KiB PUBLISH", m_large, 20000}}) {
        const double decodeNs = nsPerOp([&] { return decodeOnce(reader, c.bytes); }, c.iterations);
        const double copyNs = nsPerOp([&] { return copyOnce(c.bytes); }, c.iterations);
        const double mbps = double(c.bytes.size()) / decodeNs * 1e9 / (1024 * 1024);
        qInfo("%s, %lld bytes: decode %.1f ns, copy %.1f ns, ratio %.2f, %.0f MiB/s", c.name,
              qlonglong(c.bytes.size()), decodeNs, copyNs, decodeNs / copyNs, mbps);
    }
    const double chunkedNs = nsPerOp([&] { return decodeChunked(reader, m_large); }, 20000);
    const double copyNs = nsPerOp([&] { return copyOnce(m_large); }, 20000);
    qInfo("64 KiB PUBLISH in 1460-byte chunks: decode %.1f ns, copy %.1f ns, ratio %.2f", chunkedNs,
          copyNs, chunkedNs / copyNs);
}

QTEST_GUILESS_MAIN(BenchDecode)
#include "bench_decode.moc"
