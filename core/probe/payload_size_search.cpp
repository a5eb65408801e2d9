#include "core/probe/payload_size_search.h"

#include <algorithm>

namespace mqttdesk {

namespace {

// Bytes of a Variable Byte Integer (MQTT 5.0 §1.5.5, 3.1.1 §2.2.3).
qint64 varIntBytes(qint64 value)
{
    if (value < 128)
        return 1;
    if (value < 16384)
        return 2;
    if (value < 2097152)
        return 3;
    return 4;
}

} // namespace

PayloadSizeSearch::PayloadSizeSearch(qint64 limit)
    : m_limit(std::max<qint64>(0, limit))
    , m_hi(m_limit + 1)
{}

qint64 PayloadSizeSearch::next() const
{
    if (m_steps == 0)
        return m_limit;
    return m_lo + (m_hi - m_lo) / 2;
}

void PayloadSizeSearch::record(qint64 size, bool passed)
{
    ++m_steps;
    if (passed)
        m_lo = std::max(m_lo, size);
    else
        m_hi = std::min(m_hi, size);
}

qint64 PayloadSizeSearch::largestPayloadFor(qint64 maximumPacketSize, qint64 topicBytes, bool v5,
                                            bool withPacketId)
{
    const qint64 header = 2 + topicBytes + (withPacketId ? 2 : 0) + (v5 ? 1 : 0);
    // The Remaining Length takes 1 to 4 bytes: try the longest payload for each width.
    qint64 best = -1;
    for (qint64 width = 1; width <= 4; ++width) {
        const qint64 payload = maximumPacketSize - 1 - width - header;
        if (payload < 0)
            continue;
        if (varIntBytes(header + payload) <= width)
            best = std::max(best, payload);
    }
    return best;
}

} // namespace mqttdesk
