#include "core/session/keep_alive.h"

#include <algorithm>

namespace mqttdesk {

void KeepAlive::start(quint16 seconds, qint64 now)
{
    m_periodMs = qint64(seconds) * 1000;
    m_lastSent = now;
    m_lastReceived = now;
    m_pingOutstanding = false;
}

void KeepAlive::stop()
{
    m_periodMs = 0;
    m_pingOutstanding = false;
}

bool KeepAlive::pingDue(qint64 now) const
{
    if (!isActive() || m_pingOutstanding)
        return false;
    return now - m_lastSent >= m_periodMs || now - m_lastReceived >= m_periodMs;
}

qint64 KeepAlive::pingSent(qint64 now)
{
    m_pingOutstanding = true;
    m_lastSent = now;
    return std::max<qint64>(1, m_periodMs / 2);
}

bool KeepAlive::pingResponse(qint64 now)
{
    m_lastReceived = now;
    const bool was = m_pingOutstanding;
    m_pingOutstanding = false;
    return was;
}

qint64 KeepAlive::nextCheckMs(qint64 now) const
{
    qint64 due = m_lastSent + m_periodMs;
    if (!m_pingOutstanding)
        due = std::min(due, m_lastReceived + m_periodMs);
    return std::max<qint64>(1, due - now);
}

} // namespace mqttdesk
