#include "core/protocol/frame_reader.h"

namespace mqttdesk {

namespace {

// Compact once this many consumed bytes sit at the front of the buffer.
constexpr qsizetype kCompactThreshold = 64 * 1024;
// A large frame's own buffer is reserved up front only up to this size, so that a
// header alone cannot make us allocate the maximum packet size.
constexpr qint64 kReserveLimit = 1024 * 1024;

} // namespace

FrameReader::FrameReader(quint32 maximumPacketSize)
    : m_maximumPacketSize(maximumPacketSize)
{}

qsizetype FrameReader::bufferedBytes() const
{
    qsizetype n = m_buffer.size() - m_readPos;
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
    compact();
    chunk = feedLarge(chunk);
    m_buffer.append(chunk);
}

void FrameReader::append(const QByteArray &chunk)
{
    if (m_error || chunk.isEmpty())
        return;
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

QByteArrayView FrameReader::feedLarge(QByteArrayView chunk)
{
    // While a large frame is collected, m_buffer is empty and its bytes go straight
    // into the frame's own buffer; what follows the frame goes on to m_buffer.
    if (!m_large)
        return chunk;
    const qsizetype n = qMin(chunk.size(), m_large->bodySize - m_large->body.size());
    m_large->body.append(chunk.first(n));
    m_streamBase += n;
    return chunk.sliced(n);
}

void FrameReader::fail(DecodeError error)
{
    m_error = std::move(error);
}

std::optional<Frame> FrameReader::next()
{
    if (m_error)
        return std::nullopt;
    if (m_large) {
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
    const qsizetype available = m_buffer.size() - m_readPos;
    if (available < 2)
        return std::nullopt;
    const auto *p = reinterpret_cast<const unsigned char *>(m_buffer.constData()) + m_readPos;
    const qint64 frameOffset = m_streamBase + m_readPos;

    // Remaining Length: a Variable Byte Integer of at most 4 bytes (5.0 §1.5.5).
    quint32 remaining = 0;
    int vbiSize = 0;
    for (;;) {
        if (1 + vbiSize >= available)
            return std::nullopt; // need more bytes
        const unsigned char b = p[1 + vbiSize];
        remaining |= quint32(b & 0x7F) << (7 * vbiSize);
        ++vbiSize;
        if (!(b & 0x80))
            break;
        if (vbiSize == 4) {
            DecodeError e;
            e.kind = DecodeError::Kind::MalformedVariableByteInteger;
            e.offset = frameOffset + 1;
            e.rule = QStringLiteral("5.0 §1.5.5, 3.1.1 §2.2.3");
            e.packet = packetTypeFromHeader(p[0]);
            e.detail = QStringLiteral("Remaining Length");
            fail(std::move(e));
            return std::nullopt;
        }
    }
    const qint64 total = 1 + vbiSize + qint64(remaining);
    if (total > qint64(m_maximumPacketSize)) {
        DecodeError e;
        e.kind = DecodeError::Kind::PacketTooLarge;
        e.offset = frameOffset;
        e.rule = QStringLiteral("MQTT-3.1.2-24");
        e.packet = packetTypeFromHeader(p[0]);
        e.detail = QStringLiteral("%1 > %2 bytes").arg(total).arg(m_maximumPacketSize);
        fail(std::move(e));
        return std::nullopt;
    }
    if (available < total) {
        if (total >= m_largeFrameSize) {
            // Collect the body in a buffer of its own (see feedLarge()).
            LargeFrame large;
            large.header = p[0];
            large.streamOffset = frameOffset;
            large.bodyStreamOffset = frameOffset + 1 + vbiSize;
            large.bodySize = qsizetype(remaining);
            large.body.reserve(qMin<qsizetype>(large.bodySize, kReserveLimit));
            large.body.append(reinterpret_cast<const char *>(p) + 1 + vbiSize,
                              available - 1 - vbiSize);
            m_readPos = m_buffer.size();
            m_large = std::move(large);
            compact();
            return std::nullopt;
        }
        // Make room for the whole (small) frame once instead of growing chunk by chunk.
        if (m_buffer.isDetached() && m_buffer.capacity() < m_readPos + total)
            m_buffer.reserve(m_readPos + total);
        return std::nullopt;
    }
    Frame frame;
    frame.header = p[0];
    frame.body =
        QByteArrayView(reinterpret_cast<const char *>(p) + 1 + vbiSize, qsizetype(remaining));
    frame.streamOffset = frameOffset;
    frame.bodyStreamOffset = frameOffset + 1 + vbiSize;
    m_readPos += total;
    return frame;
}

} // namespace mqttdesk
