#include "core/session/packet_id_allocator.h"

namespace mqttdesk {

std::optional<quint16> PacketIdAllocator::allocate()
{
    if (m_count >= 65535)
        return std::nullopt;
    for (int i = 0; i < 65535; ++i) {
        const quint16 id = m_next;
        m_next = m_next == 65535 ? 1 : quint16(m_next + 1);
        if (!m_used.test(id)) {
            m_used.set(id);
            ++m_count;
            return id;
        }
    }
    return std::nullopt;
}

void PacketIdAllocator::release(quint16 id)
{
    if (id != 0 && m_used.test(id)) {
        m_used.reset(id);
        --m_count;
    }
}

void PacketIdAllocator::clear()
{
    m_used.reset();
    m_count = 0;
}

} // namespace mqttdesk
