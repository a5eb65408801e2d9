#include "core/session/reconnect_policy.h"

#include <algorithm>
#include <cmath>

namespace mqttdesk {

ReconnectPolicy::ReconnectPolicy(quint64 seed)
    : m_random(seed)
{}

qint64 ReconnectPolicy::baseDelayMs(int attempt) const
{
    const qint64 floor = std::max<qint64>(0, m_options.initialDelayMs);
    const qint64 ceiling = std::max(floor, m_options.maximumDelayMs);
    const double multiplier = std::max(1.0, m_options.multiplier);
    // pow() grows past any ceiling quickly; the min keeps it bounded and finite.
    const double delay = double(floor) * std::pow(multiplier, std::min(attempt, 64));
    if (!std::isfinite(delay) || delay >= double(ceiling))
        return ceiling;
    return std::max(floor, qint64(delay));
}

qint64 ReconnectPolicy::nextDelayMs()
{
    const qint64 floor = std::max<qint64>(0, m_options.initialDelayMs);
    const qint64 delay = baseDelayMs(m_attempt);
    if (m_attempt < 1000)
        ++m_attempt;
    const double jitter = std::clamp(m_options.jitter, 0.0, 1.0);
    const qint64 low = std::max(floor, qint64(double(delay) * (1.0 - jitter)));
    if (low >= delay)
        return delay;
    std::uniform_int_distribution<qint64> pick(low, delay);
    return pick(m_random);
}

} // namespace mqttdesk
