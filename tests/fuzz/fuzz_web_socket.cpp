// libFuzzer target over the WebSocket client's framing (RFC 6455), without I/O: the frame
// reader and the opening handshake each get the same bytes fed whole and fed in chunks cut at
// fuzz-chosen points, which must not change what they make of them. A server's bytes arrive
// in whatever reads TCP (or TLS) hands over, so any split is a real one.
//
// Input: byte 0's low 4 bits are the number n of chunk-size bytes that follow; those n bytes
// give the chunk sizes, in turn and repeated (0 = a chunk of 0 bytes; all 0: one empty
// chunk, then the rest at once); the rest is the stream, read both as server frames and as
// the server's answer to the upgrade (whose key is RFC 6455's example nonce, so a seed can
// hold an answer that is accepted; the frames after it are then read too).
//
// Invariants, checked with abort():
// - frame reader, whole vs chunks: the same data, the same control frames, the same
//   failed() (and error text) and closed();
// - the data is never longer than the stream, and with the control payloads no longer
//   either; every control payload is at most 125 bytes and its opcode a control's;
// - handshake, whole vs chunks: the same Result, status, reason, subprotocol and error; the
//   whole feed's leftover (unless Malformed) is the chunked feed's leftover and the chunks it was
//   not fed (feed() takes no more bytes once it has a verdict: the caller reads the rest as
//   frames);
// - after an accepted handshake, the frames after the answer read the same either way.

#include "core/transport/web_socket_frame_reader.h"
#include "core/transport/web_socket_handshake.h"

#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace mqttdesk;

namespace {

using Control = WebSocketFrameReader::Control;
using Opcode = WebSocketFrameReader::Opcode;

void check(bool ok, const char *what)
{
    if (ok)
        return;
    std::fprintf(stderr, "fuzz_web_socket: %s\n", what);
    std::abort();
}

struct Read
{
    QByteArray data;
    QList<Control> controls;
};

bool sameControls(const QList<Control> &a, const QList<Control> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).opcode != b.at(i).opcode || a.at(i).payload != b.at(i).payload)
            return false;
    }
    return true;
}

void checkRead(const Read &read, qsizetype streamSize)
{
    check(read.data.size() <= streamSize, "more data than input");
    qsizetype total = read.data.size();
    for (const Control &control : read.controls) {
        check(control.payload.size() <= 125, "a control payload over 125 bytes");
        check(control.opcode == Opcode::Close || control.opcode == Opcode::Ping ||
                  control.opcode == Opcode::Pong,
              "a control that is no close, ping or pong");
        total += control.payload.size();
    }
    check(total <= streamSize, "more payload than input");
}

void compareReaders(const WebSocketFrameReader &whole, const Read &wholeRead,
                    const WebSocketFrameReader &chunked, const Read &chunkedRead,
                    qsizetype streamSize)
{
    check(wholeRead.data == chunkedRead.data, "other data in chunks than whole");
    check(sameControls(wholeRead.controls, chunkedRead.controls),
          "other controls in chunks than whole");
    check(whole.failed() == chunked.failed(), "failed() differs in chunks");
    check(whole.error() == chunked.error(), "error() differs in chunks");
    check(whole.closed() == chunked.closed(), "closed() differs in chunks");
    check(!whole.closed() || wholeRead.controls.constLast().opcode == Opcode::Close,
          "closed() without a close frame last");
    check(!(whole.closed() && whole.failed()), "both closed and failed");
    checkRead(wholeRead, streamSize);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    std::size_t sizeCount = qMin<std::size_t>(data[0] & 0x0F, size - 1);
    const std::uint8_t *sizes = data + 1;
    bool allZero = true;
    for (std::size_t i = 0; i < sizeCount; ++i)
        allZero = allZero && sizes[i] == 0;
    const QByteArrayView stream(reinterpret_cast<const char *>(data + 1 + sizeCount),
                                qsizetype(size - 1 - sizeCount));

    // The chunks: the stream cut at the chosen sizes.
    QList<QByteArrayView> chunks;
    {
        qsizetype pos = 0;
        std::size_t turn = 0;
        while (pos < stream.size() || turn == 0) {
            if (allZero && turn == 1)
                sizeCount = 0;
            const qsizetype want =
                sizeCount == 0 ? stream.size() : qsizetype(sizes[turn % sizeCount]);
            const qsizetype n = qMin(want, stream.size() - pos);
            chunks.append(stream.sliced(pos, n));
            pos += n;
            ++turn;
        }
    }

    // The frame reader.
    WebSocketFrameReader whole;
    Read wholeRead;
    const bool wholeOk = whole.feed(stream, wholeRead.data, wholeRead.controls);
    check(wholeOk == !whole.failed(), "feed() returned other than !failed()");
    check(whole.failed() == !whole.error().isEmpty(), "failed() without error text");

    WebSocketFrameReader chunked;
    Read chunkedRead;
    for (QByteArrayView chunk : chunks) {
        const bool wasFailed = chunked.failed();
        const qsizetype before = chunkedRead.data.size() + chunkedRead.controls.size();
        const bool ok = chunked.feed(chunk, chunkedRead.data, chunkedRead.controls);
        check(ok == !chunked.failed(), "feed() of a chunk returned other than !failed()");
        check(!wasFailed || chunkedRead.data.size() + chunkedRead.controls.size() == before,
              "read on after failing");
    }
    compareReaders(whole, wholeRead, chunked, chunkedRead, stream.size());

    // The handshake, with RFC 6455's example key.
    const QByteArray key = QByteArray::fromBase64("dGhlIHNhbXBsZSBub25jZQ==");
    WebSocketHandshake wholeShake(key);
    const WebSocketHandshake::Result wholeResult = wholeShake.feed(stream);
    WebSocketHandshake chunkedShake(key);
    WebSocketHandshake::Result chunkedResult = WebSocketHandshake::Result::NeedMore;
    // The bytes of the chunks after the one that brought the verdict.
    QByteArray unfed;
    qsizetype verdictChunk = -1;
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        if (verdictChunk >= 0) {
            unfed += chunks.at(i);
            continue;
        }
        chunkedResult = chunkedShake.feed(chunks.at(i));
        if (chunkedResult != WebSocketHandshake::Result::NeedMore)
            verdictChunk = i;
    }
    check(wholeResult == chunkedResult, "handshake: another Result in chunks");
    check(wholeShake.status() == chunkedShake.status(), "handshake: another status");
    check(wholeShake.reason() == chunkedShake.reason(), "handshake: another reason");
    check(wholeShake.error() == chunkedShake.error(), "handshake: another error");
    check(wholeShake.subprotocol() == chunkedShake.subprotocol(), "handshake: another subprotocol");
    // The leftover is read as frames after an accepted answer only; a malformed one ends the
    // connection wherever the verdict came.
    check(wholeResult == WebSocketHandshake::Result::Malformed ||
              wholeShake.leftover() == QByteArray(chunkedShake.leftover() + unfed),
          "handshake: another leftover");
    check((wholeResult == WebSocketHandshake::Result::Malformed) == !wholeShake.error().isEmpty(),
          "handshake: Malformed without error text, or error text otherwise");
    check(wholeResult != WebSocketHandshake::Result::Accepted || wholeShake.status() == 101,
          "handshake: accepted without 101");
    check(wholeShake.leftover().size() <= stream.size(), "handshake: leftover over input");

    // After an accepted answer: its leftover as frames, fed whole, and as it came in chunks.
    if (wholeResult == WebSocketHandshake::Result::Accepted) {
        WebSocketFrameReader afterWhole;
        Read afterWholeRead;
        afterWhole.feed(wholeShake.leftover(), afterWholeRead.data, afterWholeRead.controls);
        WebSocketFrameReader afterChunked;
        Read afterChunkedRead;
        afterChunked.feed(chunkedShake.leftover(), afterChunkedRead.data,
                          afterChunkedRead.controls);
        for (qsizetype i = verdictChunk + 1; i < chunks.size(); ++i)
            afterChunked.feed(chunks.at(i), afterChunkedRead.data, afterChunkedRead.controls);
        compareReaders(afterWhole, afterWholeRead, afterChunked, afterChunkedRead,
                       wholeShake.leftover().size());
    }
    return 0;
}
