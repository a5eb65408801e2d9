#pragma once

#include <QtGlobal>

#include <bitset>
#include <optional>

namespace mqttdesk {

// Packet identifiers for PUBLISH (QoS>0), SUBSCRIBE and UNSUBSCRIBE: non-zero and not
// in use [MQTT-2.2.1-3 / MQTT-2.3.1-1]; an id is freed only when its flow completes
// [MQTT-2.3.1-3]. Ids are handed out round-robin so a freed id is not reused at once
// (a late duplicate ack then cannot be mistaken for the new flow's).
class PacketIdAllocator
{
public:
    // The next free id, or nothing when all 65,535 are in use.
    std::optional<quint16> allocate();
    void release(quint16 id);
    bool isInUse(quint16 id) const { return id != 0 && m_used.test(id); }
    int inUseCount() const { return m_count; }
    void clear();

private:
    std::bitset<65536> m_used;
    int m_count = 0;
    quint16 m_next = 1;
};

} // namespace mqttdesk
