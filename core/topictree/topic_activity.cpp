#include "core/topictree/topic_activity.h"

namespace mqttdesk {

TopicActivity::TopicActivity(std::function<void()> changed)
    : m_changed(std::move(changed))
{}

void TopicActivity::consume(const MessageBatch &batch)
{
    if (batch.isEmpty())
        return;
    bool notify = false;
    {
        const std::lock_guard lock(m_lock);
        for (const ReceivedMessage &m : batch) {
            const PublishPacket &p = m.message;
            auto it = m_pending.find(p.topic);
            if (it == m_pending.end()) {
                it = m_pending.insert(p.topic, TopicUpdate{});
                it->topic = p.topic;
            }
            it->add(m.receivedUs, p.payload, quint8(p.qos), p.retain);
        }
        if (!m_notified) {
            m_notified = true;
            notify = true;
        }
    }
    if (notify && m_changed)
        m_changed();
}

TopicUpdates TopicActivity::take()
{
    QHash<QString, TopicUpdate> pending;
    {
        const std::lock_guard lock(m_lock);
        pending.swap(m_pending);
        m_notified = false;
    }
    TopicUpdates updates;
    updates.reserve(pending.size());
    for (auto it = pending.begin(); it != pending.end(); ++it) {
        // Cut here, off the consuming thread's path: the payload was only shared so far.
        if (it->preview.size() > TopicUpdate::kPreviewBytes)
            it->preview = it->preview.left(TopicUpdate::kPreviewBytes);
        updates.append(std::move(*it));
    }
    return updates;
}

void TopicActivity::clear()
{
    const std::lock_guard lock(m_lock);
    m_pending.clear();
    m_notified = false;
}

} // namespace mqttdesk
