#include "core/automation/replay_schedule.h"

#include <cmath>

namespace mqttdesk {

ReplaySchedule::ReplaySchedule(const QList<CaptureRecord> &records, double speed, int loops)
    : m_count(records.size())
    , m_speed(speed < 0 ? 0 : speed)
    , m_loops(qMax(1, loops))
{
    m_offsets.reserve(records.size());
    const qint64 first = records.isEmpty() ? 0 : records.first().timeUs;
    qint64 last = 0;
    for (const CaptureRecord &r : records) {
        // A clock that stepped back in the capture: keep the order, no negative gaps.
        last = qMax(last, r.timeUs - first);
        m_offsets.append(last);
    }
    const qint64 span = m_offsets.isEmpty() ? 0 : m_offsets.last();
    const qint64 gap = m_count > 1 ? span / (m_count - 1) : 0;
    m_loopLengthUs = span + gap;
}

qint64 ReplaySchedule::dueUs(qint64 n) const
{
    if (m_count == 0 || m_speed == 0)
        return 0;
    const qint64 loop = n / m_count;
    const qint64 captureUs = loop * m_loopLengthUs + m_offsets.at(qsizetype(n % m_count));
    return qint64(std::llround(double(captureUs) / m_speed));
}

} // namespace mqttdesk
