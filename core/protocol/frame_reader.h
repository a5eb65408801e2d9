#pragma once

#include "core/protocol/decode_error.h"
#include "core/protocol/frame.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// Cuts a byte stream into whole MQTT frames. Bytes come in chunks of any size (down to
// one byte); frames go out one by one through next(). It checks only the framing
// (Remaining Length encoding, maximum packet size); decode() checks the contents.
//
// A frame is never copied by the reader itself beyond what the input forces:
// - borrow() lends a chunk for one round of next() calls: frames that lie whole in it
//   are views into the caller's bytes (no copy at all); only the unread tail, part of
//   one frame, is kept in the reader's own buffer by releaseInput().
// - append() copies the chunk into one buffer with a read offset, compacted lazily;
//   when the buffer is empty, append() of a QByteArray shares it instead of copying.
// A large frame (>= largeFrameSize()) that is still incomplete gets a buffer of its
// own: the rest of its body is appended there once, and the frame carries it
// (Frame::storage) to decode(Frame &&), which moves it into the PUBLISH payload. So
// payload bytes are copied once on their way in.
//
// After an error the reader stays in the error state: next() returns nothing and
// append() ignores input until reset().
class FrameReader
{
public:
    // 268,435,455 + 5: the largest packet the Remaining Length can describe.
    static constexpr quint32 kMaximumPossiblePacketSize = 268435460;
    static constexpr qsizetype kDefaultLargeFrameSize = 16 * 1024;

    explicit FrameReader(quint32 maximumPacketSize = kMaximumPossiblePacketSize);

    // Whole packet size (header + Remaining Length + body) above which the stream is
    // refused with DecodeError::Kind::PacketTooLarge [MQTT-3.1.2-24 / MQTT-3.2.2-15].
    void setMaximumPacketSize(quint32 size) { m_maximumPacketSize = size; }
    quint32 maximumPacketSize() const { return m_maximumPacketSize; }

    // Frames of at least this many bytes that arrive in pieces get their own buffer.
    void setLargeFrameSize(qsizetype size) { m_largeFrameSize = qMax<qsizetype>(size, 2); }
    qsizetype largeFrameSize() const { return m_largeFrameSize; }

    void append(QByteArrayView chunk);
    void append(const QByteArray &chunk);

    // Lends `chunk` to the reader until releaseInput(): call next() until it returns
    // nothing (or stop early), then releaseInput() before the chunk goes away. Frames
    // from it may point into `chunk`.
    void borrow(QByteArrayView chunk);
    // Keeps what is left of the borrowed chunk (at most one partial frame, unless next()
    // was not called to the end) in the reader's own buffer, and forgets the chunk.
    void releaseInput();

    // The next whole frame, or nothing if more bytes are needed or on error. Frames
    // returned earlier stay valid until the next append(), borrow(), releaseInput() or
    // reset() (and those from a borrowed chunk only as long as the chunk).
    std::optional<Frame> next();

    bool hasError() const { return m_error.has_value(); }
    const std::optional<DecodeError> &error() const { return m_error; }

    // Bytes taken in so far, and bytes buffered that are not yet part of a frame.
    qint64 bytesReceived() const { return m_streamBase + m_buffer.size() + inputLeft(); }
    qsizetype bufferedBytes() const;

    // Back to a fresh stream at offset 0 (e.g. for a new connection).
    void reset();

private:
    // How far parse() got with the bytes at the front of a source.
    enum class Parsed : quint8
    {
        Frame,     // a whole frame (`frame` is set, `consumed` its size)
        NeedMore,  // the frame is not complete yet
        LargeTail, // an incomplete large frame: its head went to m_large (`consumed`)
        Error,     // malformed or too large (m_error is set)
    };
    Parsed parse(const char *data, qsizetype available, qint64 offset, Frame &frame,
                 qsizetype &consumed);
    // Moves what the partial frame in m_buffer still needs from the input to m_buffer.
    void topUpFromInput();
    void feedLargeFromInput();
    qsizetype inputLeft() const { return m_input.size() - m_inputPos; }
    void compact();
    QByteArrayView feedLarge(QByteArrayView chunk);
    void fail(DecodeError error);

    // Invariant: the unread input follows m_buffer in the stream, so its absolute offset
    // is m_streamBase + m_buffer.size(); consuming input advances m_streamBase.
    QByteArray m_buffer;
    qsizetype m_readPos = 0; // first unread byte in m_buffer
    qint64 m_streamBase = 0; // absolute stream offset of m_buffer[0]
    QByteArrayView m_input;  // the borrowed chunk, if any
    qsizetype m_inputPos = 0;
    quint32 m_maximumPacketSize;
    qsizetype m_largeFrameSize = kDefaultLargeFrameSize;
    std::optional<DecodeError> m_error;

    // The large frame being collected in its own buffer, if any.
    struct LargeFrame
    {
        quint8 header = 0;
        qint64 streamOffset = 0;
        qint64 bodyStreamOffset = 0;
        qsizetype bodySize = 0;
        QByteArray body;
    };
    std::optional<LargeFrame> m_large;
};

} // namespace mqttdesk
