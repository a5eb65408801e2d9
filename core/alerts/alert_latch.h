#pragma once

#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// What was seen when a rule's condition changed: the message (if any) and its value.
struct AlertSighting
{
    QString topic;
    QString value;
    quint64 sequence = 0;  // 0: no message
    qint64 receivedUs = 0; // the message's ReceivedMessage::receivedUs; 0: no message
};

// The fire/clear memory of one rule (or of one rule on one topic), so that a flapping value
// does not flood: once fired, the rule does not fire again until it has cleared and the
// cooldown since the last firing has passed. A condition that holds while cooling down is
// kept pending and fires when the cooldown ends (firePending), unless it clears first.
class AlertLatch
{
public:
    enum class Step : quint8
    {
        None,
        Fire,
        Clear,
    };

    // The condition as seen at `nowMs`: `fire` when it holds, `clear` when it is false past any
    // hysteresis band (both false: inside the band, nothing changes). A `momentary` rule
    // (a retained change) fires and is over at once: it never clears.
    Step see(bool fire, bool clear, const AlertSighting &sighting, qint64 nowMs, qint64 cooldownMs,
             bool momentary);
    // Whether a pending firing is due (the cooldown has passed).
    bool isDue(qint64 nowMs, qint64 cooldownMs) const
    {
        return m_pending && !isCoolingDown(nowMs, cooldownMs);
    }
    // Fires the pending condition (call when isDue()).
    void firePending(qint64 nowMs, bool momentary);

    bool isActive() const { return m_active; }
    bool isPending() const { return m_pending; }
    // Nothing to remember: neither active nor pending nor cooling down.
    bool isIdle(qint64 nowMs, qint64 cooldownMs) const
    {
        return !m_active && !m_pending && !isCoolingDown(nowMs, cooldownMs);
    }
    // The sighting that fired the rule (active), or that waits (pending).
    const AlertSighting &sighting() const { return m_sighting; }
    qint64 firedAtMs() const { return m_firedAtMs; }

private:
    bool isCoolingDown(qint64 nowMs, qint64 cooldownMs) const
    {
        return m_everFired && nowMs - m_firedAtMs < cooldownMs;
    }

    bool m_active = false;
    bool m_pending = false;
    bool m_everFired = false;
    qint64 m_firedAtMs = 0;
    AlertSighting m_sighting;
};

} // namespace mqttdesk
