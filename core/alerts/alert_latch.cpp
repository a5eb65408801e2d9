#include "core/alerts/alert_latch.h"

namespace mqttdesk {

AlertLatch::Step AlertLatch::see(bool fire, bool clear, const AlertSighting &sighting, qint64 nowMs,
                                 qint64 cooldownMs, bool momentary)
{
    if (m_active) {
        if (!clear)
            return Step::None; // still holds (or inside the band): no second firing
        m_active = false;
        return Step::Clear;
    }
    if (fire) {
        m_sighting = sighting; // the latest, for a pending firing
        if (isCoolingDown(nowMs, cooldownMs)) {
            m_pending = true;
            return Step::None;
        }
        m_pending = false;
        m_everFired = true;
        m_firedAtMs = nowMs;
        m_active = !momentary;
        return Step::Fire;
    }
    if (clear)
        m_pending = false;
    return Step::None;
}

void AlertLatch::firePending(qint64 nowMs, bool momentary)
{
    m_pending = false;
    m_everFired = true;
    m_firedAtMs = nowMs;
    m_active = !momentary;
}

} // namespace mqttdesk
