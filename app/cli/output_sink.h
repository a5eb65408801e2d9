#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <cstring>
#include <memory>

namespace mqttdesk {

// Standard output for a flood of messages: one large buffer written with write(2) when
// full, never flushed per message unless line-buffered (a terminal, --line-buffered).
// Large pieces (a 64 KiB payload) are not copied into the buffer: they go out together
// with it in one writev(2), straight from the received message.
class OutputSink
{
public:
    static constexpr qsizetype kCapacity = 1 << 20;
    // Pieces at least this large bypass the buffer.
    static constexpr qsizetype kDirectThreshold = 16 * 1024;

    explicit OutputSink(int fd, bool lineBuffered);
    ~OutputSink();
    OutputSink(const OutputSink &) = delete;
    OutputSink &operator=(const OutputSink &) = delete;

    void append(QByteArrayView bytes)
    {
        if (bytes.size() <= kCapacity - m_used && bytes.size() < kDirectThreshold) {
            std::memcpy(m_buffer.get() + m_used, bytes.data(), size_t(bytes.size()));
            m_used += bytes.size();
        } else {
            appendSlow(bytes);
        }
    }
    void append(char c)
    {
        if (m_used == kCapacity)
            flush();
        m_buffer[m_used++] = c;
    }
    // Where one message ends: the point to flush at when line-buffered.
    void endMessage()
    {
        if (m_lineBuffered)
            flush();
    }
    void flush();

    // False once a write failed (e.g. the reader of a pipe went away).
    bool ok() const { return m_ok; }
    bool lineBuffered() const { return m_lineBuffered; }

private:
    void appendSlow(QByteArrayView bytes);
    void writeAll(const char *a, qsizetype aSize, const char *b, qsizetype bSize);

    int m_fd;
    bool m_lineBuffered;
    bool m_ok = true;
    std::unique_ptr<char[]> m_buffer;
    qsizetype m_used = 0;
};

} // namespace mqttdesk
