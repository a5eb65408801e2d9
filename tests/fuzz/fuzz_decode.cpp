// libFuzzer target over FrameReader and decode, for all three protocol versions.
//
// Input: byte 0 picks the version (3.1, 3.1.1, 5.0; modulo 3) and the reader's large
// frame size (the upper bits), byte 1 seeds the chunk sizes, the rest is the byte
// stream from a peer. Each frame is decoded; an error must be a
// value with a message. A packet that decodes and re-encodes must decode again to an
// equal packet.

#include "core/protocol/codec.h"
#include "core/protocol/frame_reader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace mqttdesk;

namespace {

void checkRoundTrip(const Packet &packet, ProtocolVersion version)
{
    // CONNECT carries its own version; everything else uses the stream's.
    const auto *connect = std::get_if<ConnectPacket>(&packet);
    const ProtocolVersion encodeVersion = connect ? connect->protocolVersion : version;
    const EncodeResult encoded = tryEncode(packet, encodeVersion);
    if (!encoded.ok()) {
        (void)encoded.error().message();
        return;
    }
    const QByteArray &bytes = encoded.value();
    FrameReader reader;
    reader.append(bytes);
    const std::optional<Frame> frame = reader.next();
    if (!frame || reader.bufferedBytes() != 0)
        std::abort(); // the encoder wrote something that does not frame
    const DecodeResult again = decode(*frame, encodeVersion);
    if (!again.ok() || !(again.value() == packet))
        std::abort(); // decode(encode(p)) != p
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    static constexpr ProtocolVersion kVersions[] = {ProtocolVersion::V31, ProtocolVersion::V311,
                                                    ProtocolVersion::V5};
    const ProtocolVersion version = kVersions[data[0] % 3];
    quint32 seed = data[1];
    const auto *stream = reinterpret_cast<const char *>(data + 2);
    const qsizetype length = qsizetype(size - 2);

    FrameReader reader(64 * 1024);
    // Small thresholds too, so fuzz-sized inputs reach the large-frame path.
    reader.setLargeFrameSize(qsizetype(data[0] >> 2) + 2);
    qsizetype pos = 0;
    int frames = 0;
    while (pos < length && frames < 10000) {
        // Chunk sizes 1..(seed's low bits + 1) from a small LCG over the seed byte.
        seed = seed * 1103515245u + 12345u;
        const qsizetype chunk =
            qMin<qsizetype>(1 + qsizetype((seed >> 16) % (data[1] + 1)), length - pos);
        reader.append(QByteArrayView(stream + pos, chunk));
        pos += chunk;
        while (std::optional<Frame> frame = reader.next()) {
            ++frames;
            const DecodeResult result =
                (frames & 1) ? decode(std::move(*frame), version) : decode(*frame, version);
            if (result.ok())
                checkRoundTrip(result.value(), version);
            else
                (void)result.error().message();
        }
        if (reader.hasError()) {
            (void)reader.error()->message();
            break;
        }
    }
    return 0;
}
