#include "core/protocol/frame_reader.h"

namespace mqttdesk {

namespace {

// Compact once this many consumed bytes sit at the front of the buffer.
constexpr qsizetype kCompactThreshold = 64 * 1024;
// A large frame's own buffer is reserved up front only up to this size, so that a
// header alone cannot make us allocate the maximum packet size.
constexpr qint64 kReserveLimit = 1024 * 1024;

// The Remaining Length at data[1..]: its byte count, or 0 if more bytes are needed,
// or -1 if malformed (a Variable Byte Integer of at most 4 bytes, 5.0 §1.5.5).
int remainingLength(const unsigned char *data, qsizetype available, quint32 &remaining)
{
    remaining = 0;
    for (int size = 0; size < 4; ++size) {
        if (1 + size >= available)
            return 0;
        const unsigned char b = data[1 + size];
        remaining |= quint32(b & 0x7F) << (7 * size);
        if (!(b & 0x80))
            return size + 1;
    }
    return -1;
}

} // namespace

FrameReader::FrameReader(quint32 maximumPacketSize)
    : m_maximumPacketSize(maximumPacketSize)
{}

qsizetype FrameReader::bufferedBytes() const
{
    qsizetype n = m_buffer.size() - m_readPos + inputLeft();
    if (m_large)
        n += qsizetype(m_large->bodyStreamOffset - m_large->streamOffset) + m_large->body.size();
    return n;
}

void FrameReader::reset()
{
    m_large.reset();
    m_buffer = QByteArray();
    m_readPos = 0;
    m_streamBase = 0;
    m_input = {};
    m_inputPos = 0;
    m_error.reset();
}

void FrameReader::compact()
{
    if (m_readPos == 0)
        return;
    if (m_readPos >= m_buffer.size()) {
        m_streamBase += m_buffer.size();
        if (m_buffer.isDetached())
            m_buffer.resize(0); // keeps the capacity for the next bytes
        else
            m_buffer = QByteArray();
        m_readPos = 0;
        return;
    }
    // Lazily: only when the consumed front is large or most of the buffer.
    if (m_readPos >= kCompactThreshold || m_readPos * 2 >= m_buffer.size()) {
        m_buffer.remove(0, m_readPos);
        m_streamBase += m_readPos;
        m_readPos = 0;
    }
}

void FrameReader::append(QByteArrayView chunk)
{
    if (m_error || chunk.isEmpty())
        return;
    releaseInput();
    compact();
    chunk = feedLarge(chunk);
    m_buffer.append(chunk);
}

void FrameReader::append(const QByteArray &chunk)
{
    if (m_error || chunk.isEmpty())
        return;
    releaseInput();
    if (m_large) {
        append(QByteArrayView(chunk));
        return;
    }
    compact();
    if (m_buffer.isEmpty())
        m_buffer = chunk; // shared, not copied
    else
        m_buffer.append(chunk);
}

void FrameReader::borrow(QByteArrayView chunk)
{
    releaseInput();
    if (m_error || chunk.isEmpty())
        return;
    compact();
    m_input = chunk;
    m_inputPos = 0;
}

void FrameReader::releaseInput()
{
    if (m_input.isEmpty())
        return;
    const QByteArrayView rest = m_input.sliced(m_inputPos);
    m_input = {};
    m_inputPos = 0;
    if (m_error || rest.isEmpty())
        return;
    compact();
    m_buffer.append(feedLarge(rest));
}

QByteArrayView FrameReader::feedLarge(QByteArrayView chunk)
{
    // While a large frame is collected, m_buffer holds nothing unread and its bytes go
    // straight into the frame's own buffer; what follows the frame goes on to m_buffer.
    if (!m_large)
        return chunk;
    const qsizetype n = qMin(chunk.size(), m_large->bodySize - m_large->body.size());
    m_large->body.append(chunk.first(n));
    m_streamBase += n;
    return chunk.sliced(n);
}

void FrameReader::feedLargeFromInput()
{
    if (inputLeft() == 0)
        return;
    const QByteArrayView rest = feedLarge(m_input.sliced(m_inputPos));
    m_inputPos = m_input.size() - rest.size();
}

void FrameReader::topUpFromInput()
{
    // The partial frame in m_buffer is small, or its Remaining Length is incomplete
    // (incomplete large frames go to m_large at once): add header bytes one by one,
    // then what a small frame still lacks. A large one is left to parse(), which moves
    // it to its own buffer, so its body is copied once.
    while (inputLeft() > 0) {
        const qsizetype available = m_buffer.size() - m_readPos;
        quint32 remaining = 0;
        const int vbiSize = remainingLength(
            reinterpret_cast<const unsigned char *>(m_buffer.constData()) + m_readPos, available,
            remaining);
        if (vbiSize < 0)
            return; // parse() reports it
        if (vbiSize == 0) {
            m_buffer.append(m_input[m_inputPos++]);
            continue;
        }
        const qint64 total = 1 + vbiSize + qint64(remaining);
        // Whole already: a caller that stopped calling next() early left whole frames in
        // m_buffer (releaseInput()); they come out first, the partial one last.
        if (total <= available || total >= m_largeFrameSize || total > qint64(m_maximumPacketSize))
            return;
        const qsizetype n = qMin(qsizetype(total) - available, inputLeft());
        m_buffer.append(m_input.sliced(m_inputPos, n));
        m_inputPos += n;
        return;
    }
}

void FrameReader::fail(DecodeError error)
{
    m_error = std::move(error);
}

FrameReader::Parsed FrameReader::parse(const char *data, qsizetype available, qint64 offset,
                                       Frame &frame, qsizetype &consumed)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    quint32 remaining = 0;
    const int vbiSize = remainingLength(p, available, remaining);
    if (vbiSize < 0) {
        DecodeError e;
        e.kind = DecodeError::Kind::MalformedVariableByteInteger;
        e.offset = offset + 1;
        e.rule = QStringLiteral("5.0 §1.5.5, 3.1.1 §2.2.3");
        e.packet = packetTypeFromHeader(p[0]);
        e.detail = QStringLiteral("Remaining Length");
        fail(std::move(e));
        return Parsed::Error;
    }
    if (vbiSize == 0)
        return Parsed::NeedMore;
    const qint64 total = 1 + vbiSize + qint64(remaining);
    if (total > qint64(m_maximumPacketSize)) {
        DecodeError e;
        e.kind = DecodeError::Kind::PacketTooLarge;
        e.offset = offset;
        e.rule = QStringLiteral("MQTT-3.1.2-24");
        e.packet = packetTypeFromHeader(p[0]);
        e.detail = QStringLiteral("%1 > %2 bytes").arg(total).arg(m_maximumPacketSize);
        fail(std::move(e));
        return Parsed::Error;
    }
    if (available < total) {
        if (total < m_largeFrameSize)
            return Parsed::NeedMore;
        // Collect the body in a buffer of its own (see feedLarge()).
        LargeFrame large;
        large.header = p[0];
        large.streamOffset = offset;
        large.bodyStreamOffset = offset + 1 + vbiSize;
        large.bodySize = qsizetype(remaining);
        large.body.reserve(qMin<qsizetype>(large.bodySize, kReserveLimit));
        large.body.append(data + 1 + vbiSize, available - 1 - vbiSize);
        m_large = std::move(large);
        consumed = available;
        return Parsed::LargeTail;
    }
    frame.header = p[0];
    frame.body = QByteArrayView(data + 1 + vbiSize, qsizetype(remaining));
    frame.streamOffset = offset;
    frame.bodyStreamOffset = offset + 1 + vbiSize;
    consumed = qsizetype(total);
    return Parsed::Frame;
}

std::optional<Frame> FrameReader::next()
{
    // Bounded: each round either returns or moves a large frame's head to m_large,
    // after which the first branch returns.
    for (int round = 0; round < 3; ++round) {
        if (m_error)
            return std::nullopt;
        if (m_large) {
            feedLargeFromInput();
            if (m_large->body.size() < m_large->bodySize)
                return std::nullopt;
            Frame frame;
            frame.header = m_large->header;
            frame.streamOffset = m_large->streamOffset;
            frame.bodyStreamOffset = m_large->bodyStreamOffset;
            frame.storage = std::move(m_large->body);
            frame.body = QByteArrayView(frame.storage); // moving a QByteArray keeps its data
            m_large.reset();
            return frame;
        }
        Frame frame;
        qsizetype consumed = 0;
        if (m_readPos < m_buffer.size()) {
            // A partial frame kept from an earlier chunk comes first.
            topUpFromInput();
            const qsizetype available = m_buffer.size() - m_readPos;
            switch (parse(m_buffer.constData() + m_readPos, available, m_streamBase + m_readPos,
                          frame, consumed)) {
            case Parsed::Frame:
                m_readPos += consumed;
                return frame;
            case Parsed::LargeTail:
                m_readPos += consumed;
                continue;
            case Parsed::NeedMore: {
                // Make room for the whole (small) frame once instead of growing chunk by
                // chunk.
                quint32 remaining = 0;
                const int vbiSize = remainingLength(
                    reinterpret_cast<const unsigned char *>(m_buffer.constData()) + m_readPos,
                    available, remaining);
                const qsizetype total = vbiSize > 0 ? 1 + vbiSize + qsizetype(remaining) : 0;
                if (m_buffer.isDetached() && m_buffer.capacity() < m_readPos + total)
                    m_buffer.reserve(m_readPos + total);
                return std::nullopt;
            }
            case Parsed::Error:
                return std::nullopt;
            }
        }
        if (inputLeft() == 0)
            return std::nullopt;
        // Straight from the borrowed chunk: no copy. Input offsets follow m_buffer.
        const qint64 offset = m_streamBase + m_buffer.size();
        switch (parse(m_input.data() + m_inputPos, inputLeft(), offset, frame, consumed)) {
        case Parsed::Frame:
            m_inputPos += consumed;
            m_streamBase += consumed;
            return frame;
        case Parsed::LargeTail:
            m_inputPos += consumed;
            m_streamBase += consumed;
            return std::nullopt;
        case Parsed::NeedMore:
        case Parsed::Error:
            return std::nullopt;
        }
    }
    return std::nullopt;
}

} // namespace mqttdesk
