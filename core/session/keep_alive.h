#pragma once

#include <QtGlobal>

namespace mqttdesk {

// Keep alive bookkeeping for one connection [MQTT-3.1.2-20 / MQTT-3.1.2-23]. The
// session sends PINGREQ when nothing was sent for the keep alive period, and also when
// nothing was received for it (so a client that only publishes still notices a dead
// server). A PINGRESP must arrive within half the period, so a dead connection is
// detected at most 1.5 x keep alive after the last packet received.
class KeepAlive
{
public:
    // Starts with the effective keep alive (the server's, if it sent one
    // [MQTT-3.2.2-21]); 0 switches it off. `now` counts as both last sent and received.
    void start(quint16 seconds, qint64 now);
    void stop();
    bool isActive() const { return m_periodMs > 0; }
    qint64 periodMs() const { return m_periodMs; }

    void packetSent(qint64 now) { m_lastSent = now; }
    void packetReceived(qint64 now) { m_lastReceived = now; }

    // When the KeepAlive timer fires: true if a PINGREQ is due now.
    bool pingDue(qint64 now) const;
    // Record the PINGREQ; returns the PingResponse deadline (ms from now).
    qint64 pingSent(qint64 now);
    // PINGRESP received; false if none was outstanding.
    bool pingResponse(qint64 now);
    bool pingOutstanding() const { return m_pingOutstanding; }

    // Delay until the next KeepAlive timer check.
    qint64 nextCheckMs(qint64 now) const;

private:
    qint64 m_periodMs = 0;
    qint64 m_lastSent = 0;
    qint64 m_lastReceived = 0;
    bool m_pingOutstanding = false;
};

} // namespace mqttdesk
