#include "app/cli/output_sink.h"

#include <cerrno>
#include <sys/uio.h>
#include <unistd.h>

namespace mqttdesk {

OutputSink::OutputSink(int fd, bool lineBuffered)
    : m_fd(fd)
    , m_lineBuffered(lineBuffered)
    , m_buffer(new char[kCapacity])
{}

OutputSink::~OutputSink()
{
    flush();
}

void OutputSink::flush()
{
    if (m_used == 0)
        return;
    writeAll(m_buffer.get(), m_used, nullptr, 0);
    m_used = 0;
}

void OutputSink::appendSlow(QByteArrayView bytes)
{
    if (bytes.size() >= kDirectThreshold) {
        writeAll(m_buffer.get(), m_used, bytes.data(), bytes.size());
        m_used = 0;
        return;
    }
    flush();
    std::memcpy(m_buffer.get(), bytes.data(), size_t(bytes.size()));
    m_used = bytes.size();
}

void OutputSink::writeAll(const char *a, qsizetype aSize, const char *b, qsizetype bSize)
{
    iovec parts[2] = {{const_cast<char *>(a), size_t(aSize)},
                      {const_cast<char *>(b), size_t(bSize)}};
    int first = aSize > 0 ? 0 : 1;
    const int end = bSize > 0 ? 2 : 1;
    while (m_ok && first < end) {
        const ssize_t n = ::writev(m_fd, parts + first, end - first);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            m_ok = false; // EPIPE and friends: nobody reads any more
            return;
        }
        size_t left = size_t(n);
        while (first < end && left >= parts[first].iov_len) {
            left -= parts[first].iov_len;
            ++first;
        }
        if (first < end) {
            parts[first].iov_base = static_cast<char *>(parts[first].iov_base) + left;
            parts[first].iov_len -= left;
        }
    }
}

} // namespace mqttdesk
