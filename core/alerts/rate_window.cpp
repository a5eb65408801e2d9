#include "core/alerts/rate_window.h"

#include <algorithm>

namespace mqttdesk {

namespace {

qint64 secondOf(qint64 ms)
{
    // Rounded down for negative clocks too (a test's clock may start anywhere).
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

qint64 slotOf(qint64 second, qint64 slotCount)
{
    return ((second % slotCount) + slotCount) % slotCount;
}

} // namespace

RateWindow::RateWindow(int windowSeconds)
    : m_window(std::max(1, windowSeconds))
    , m_counts(m_window + 1, 0)
{}

void RateWindow::restart(qint64 nowMs)
{
    std::fill(m_counts.begin(), m_counts.end(), 0);
    m_second = secondOf(nowMs);
    // The second of the restart is partial: the window starts with the next one.
    m_firstFull = m_second + 1;
}

void RateWindow::advance(qint64 nowMs)
{
    const qint64 second = secondOf(nowMs);
    if (second <= m_second)
        return; // the same second, or a clock that went back: count it in the current one
    const qint64 slotCount = m_counts.size();
    const qint64 skipped = std::min(second - m_second, slotCount);
    for (qint64 i = 1; i <= skipped; ++i)
        m_counts[slotOf(m_second + i, slotCount)] = 0;
    m_second = second;
}

void RateWindow::add(qint64 nowMs, qint64 count)
{
    advance(nowMs);
    m_counts[slotOf(m_second, m_counts.size())] += count;
}

std::optional<double> RateWindow::rate(qint64 nowMs)
{
    advance(nowMs);
    // Complete seconds are m_firstFull .. m_second - 1.
    if (m_second - m_firstFull < m_window)
        return std::nullopt;
    const qint64 current = slotOf(m_second, m_counts.size());
    qint64 sum = 0;
    for (qint64 i = 0; i < m_counts.size(); ++i) {
        if (i != current)
            sum += m_counts[i];
    }
    return double(sum) / m_window;
}

} // namespace mqttdesk
