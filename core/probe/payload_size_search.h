#pragma once

#include <QtGlobal>

namespace mqttdesk {

// The binary search for the largest payload a broker passes, in [0, limit]: sizes at or
// below one that passed are taken to pass, sizes at or above one that failed to fail. The
// limit itself is tried first (a broker without a lower limit then costs one step); after
// that each step halves the range, so 1 MiB takes at most 22 steps.
class PayloadSizeSearch
{
public:
    explicit PayloadSizeSearch(qint64 limit);

    qint64 limit() const { return m_limit; }
    bool isDone() const { return m_hi - m_lo <= 1; }
    // The size to try next; only while !isDone().
    qint64 next() const;
    void record(qint64 size, bool passed);
    // -1 when none passed (yet).
    qint64 largestPassed() const { return m_lo; }
    // -1 when none failed (yet).
    qint64 smallestFailed() const { return m_hi > m_limit ? -1 : m_hi; }
    int steps() const { return m_steps; }

    // The largest payload of a PUBLISH whose whole packet (fixed header, Remaining Length,
    // topic, packet identifier for QoS > 0, 5.0 property length) fits `maximumPacketSize`,
    // the topic being `topicBytes` bytes of UTF-8 and the properties empty; -1 if none fits.
    static qint64 largestPayloadFor(qint64 maximumPacketSize, qint64 topicBytes, bool v5,
                                    bool withPacketId);

private:
    qint64 m_limit = 0;
    qint64 m_lo = -1; // the largest size known to pass
    qint64 m_hi = 0;  // the smallest size known to fail (limit + 1: none yet)
    int m_steps = 0;
};

} // namespace mqttdesk
