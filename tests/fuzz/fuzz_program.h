// What fuzz_session's program is written in: the input, read a byte at a time, and the few
// topics and filters its packets and requests name (few, so that they meet).
#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <iterator>

namespace mqttdesk::fuzz {

// The fuzz input, read from the front; zeros once it is used up.
class Input
{
public:
    Input(const std::uint8_t *data, std::size_t size)
        : m_data(data)
        , m_size(size)
    {}
    bool atEnd() const { return m_pos >= m_size; }
    quint8 byte() { return atEnd() ? 0 : m_data[m_pos++]; }
    quint16 u16() { return quint16(byte() | (byte() << 8)); }
    bool flag() { return byte() & 1; }
    QByteArray bytes(qsizetype max)
    {
        const qsizetype n = qMin<qsizetype>(byte() % (max + 1), qsizetype(m_size - m_pos));
        QByteArray out(reinterpret_cast<const char *>(m_data + m_pos), n);
        m_pos += std::size_t(n);
        return out;
    }

private:
    const std::uint8_t *m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

inline const char *const kTopics[] = {"a", "a/b", "fuzz/t", "x"};
inline const char *const kFilters[] = {"a", "a/#", "+/b", "$share/g/a", "#", "fuzz/t"};

inline QString topic(quint8 b)
{
    return QString::fromLatin1(kTopics[b % std::size(kTopics)]);
}

} // namespace mqttdesk::fuzz
