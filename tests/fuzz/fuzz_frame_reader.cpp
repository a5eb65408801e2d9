// libFuzzer target over FrameReader's reassembly: the same byte stream fed whole and fed in
// chunks cut at fuzz-chosen boundaries must give the same frames (header, body, stream
// offsets) and the same error. Over WebSocket the MQTT packets arrive split across and merged
// within binary frames at whatever boundaries the peer chose (WebSocketTransport queues each
// frame's bytes as they come, [MQTT-6.0.0-2]), and over TCP at whatever the segments are, so
// the reader alone puts packets back together.
//
// Input: byte 0 picks the maximum packet size (none or small), the large frame size (its own
// buffer path) and the way chunks are fed (borrow()/releaseInput() as the session does,
// append() of a view, append() of a QByteArray, or one per chunk); byte 1 is the number n of
// chunk-size bytes that follow (at most 31); those n bytes give the chunk sizes, in turn
// and repeated (0 = a chunk of 0 bytes; all 0: one empty chunk, then the rest at once); the
// rest is the stream. With borrow(), byte 0 also
// says whether to stop after the first frame of a chunk (the session stops at an error, and a
// caller may stop early: the rest must come out later, in order).

#include "core/protocol/codec.h"
#include "core/protocol/frame_reader.h"

#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

using namespace mqttdesk;

namespace {

struct Copied
{
    quint8 header = 0;
    QByteArray body;
    qint64 streamOffset = 0;
    qint64 bodyStreamOffset = 0;
    bool operator==(const Copied &) const = default;
};

Copied copy(const Frame &frame)
{
    return Copied{frame.header, frame.body.toByteArray(), frame.streamOffset,
                  frame.bodyStreamOffset};
}

// Takes the frames that are ready; every other one by rvalue through decode() too, as the
// session does, which must not change what the frame held before.
void drain(FrameReader &reader, QList<Copied> &out, ProtocolVersion version, bool stopEarly)
{
    while (std::optional<Frame> frame = reader.next()) {
        out.append(copy(*frame));
        if (out.size() % 2 == 0)
            (void)decode(std::move(*frame), version);
        if (stopEarly)
            return;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    const quint8 config = data[0];
    std::size_t sizeCount = qMin<std::size_t>(data[1] % 32, size - 2);
    const std::uint8_t *sizes = data + 2;
    bool allZero = true;
    for (std::size_t i = 0; i < sizeCount; ++i)
        allZero = allZero && sizes[i] == 0;
    const char *stream = reinterpret_cast<const char *>(data + 2 + sizeCount);
    const qsizetype length = qsizetype(size - 2 - sizeCount);
    const QByteArrayView whole(stream, length);

    const quint32 maximum =
        (config & 1) ? 16 + (config >> 4) * 8 : FrameReader::kMaximumPossiblePacketSize;
    const qsizetype largeFrameSize = (config & 2) ? 2 + ((config >> 4) & 7) : 16 * 1024;
    const ProtocolVersion version = (config & 0x80) ? ProtocolVersion::V5 : ProtocolVersion::V311;

    FrameReader once(maximum);
    once.setLargeFrameSize(largeFrameSize);
    once.append(whole);
    QList<Copied> expected;
    drain(once, expected, version, false);

    FrameReader chunked(maximum);
    chunked.setLargeFrameSize(largeFrameSize);
    QList<Copied> actual;
    const int mode = (config >> 2) & 3;
    const bool stopEarly = config & 0x40;
    qsizetype pos = 0;
    std::size_t turn = 0;
    while (pos < length) {
        if (allZero && turn == 1)
            sizeCount = 0;
        const qsizetype want = sizeCount == 0 ? length : qsizetype(sizes[turn % sizeCount]);
        const qsizetype n = qMin(want, length - pos);
        const QByteArrayView chunk = whole.sliced(pos, n);
        const int how = mode == 3 ? int(turn % 3) : mode;
        ++turn;
        pos += n;
        switch (how) {
        case 0: {
            // The chunk lives only for this round, as a transport's read buffer does.
            const QByteArray owned = chunk.toByteArray();
            chunked.borrow(owned);
            drain(chunked, actual, version, stopEarly);
            chunked.releaseInput();
            break;
        }
        case 1:
            chunked.append(chunk);
            drain(chunked, actual, version, false);
            break;
        default:
            chunked.append(chunk.toByteArray());
            drain(chunked, actual, version, false);
            break;
        }
    }
    drain(chunked, actual, version, false);

    if (actual != expected) {
        std::fprintf(stderr, "fuzz_frame_reader: %lld frames fed whole, %lld in chunks\n",
                     static_cast<long long>(expected.size()),
                     static_cast<long long>(actual.size()));
        for (qsizetype i = 0; i < qMax(expected.size(), actual.size()); ++i) {
            for (const QList<Copied> *list : {&expected, &actual}) {
                if (i < list->size())
                    std::fprintf(stderr, "  %lld: %02x at %lld, body at %lld: %s\n",
                                 static_cast<long long>(i), list->at(i).header,
                                 static_cast<long long>(list->at(i).streamOffset),
                                 static_cast<long long>(list->at(i).bodyStreamOffset),
                                 list->at(i).body.toHex().constData());
            }
        }
        std::abort(); // other frames than from the whole stream
    }
    if (chunked.error() != once.error())
        std::abort(); // another error, or one at another offset
    // After an error the reader ignores input, so only an error-free stream is all counted.
    if (!once.hasError() && (chunked.bytesReceived() != once.bytesReceived() ||
                             chunked.bufferedBytes() != once.bufferedBytes()))
        std::abort(); // a partial frame kept differently
    return 0;
}
