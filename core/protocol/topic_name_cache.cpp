#include "core/protocol/topic_name_cache.h"

#include <QHashFunctions>

namespace mqttdesk {

std::size_t TopicNameCache::slotOf(QByteArrayView raw)
{
    return qHash(raw, 0) % kSlots;
}

const QString *TopicNameCache::find(QByteArrayView raw) const
{
    if (raw.isEmpty() || raw.size() > kMaxKeptBytes)
        return nullptr;
    const Slot &slot = m_slots[slotOf(raw)];
    return !slot.raw.isEmpty() && QByteArrayView(slot.raw) == raw ? &slot.topic : nullptr;
}

void TopicNameCache::keep(QByteArrayView raw, const QString &topic)
{
    if (raw.isEmpty() || raw.size() > kMaxKeptBytes)
        return;
    Slot &slot = m_slots[slotOf(raw)];
    slot.raw = raw.toByteArray();
    slot.topic = topic;
}

} // namespace mqttdesk
