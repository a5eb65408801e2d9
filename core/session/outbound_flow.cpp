#include "core/session/outbound_flow.h"

#include "core/session/ack_builder.h"

namespace mqttdesk {

OutboundFlow::OutboundFlow(PacketIdAllocator &ids)
    : m_ids(ids)
{}

void OutboundFlow::beginConnection(quint16 window, quint16 aliasMaximum)
{
    // 5.0 §4.9: the quota starts at Receive Maximum on every connection.
    m_window = qMax<int>(1, window);
    m_onWire = 0;
    for (OutboundEntry &entry : m_inFlight)
        entry.onWire = false;
    m_aliasMaximum = aliasMaximum;
    m_aliases.clear();
}

void OutboundFlow::endConnection()
{
    m_onWire = 0;
    for (OutboundEntry &entry : m_inFlight)
        entry.onWire = false;
    m_aliasMaximum = 0;
    m_aliases.clear();
}

void OutboundFlow::enqueue(quint64 token, const PublishPacket &message)
{
    m_queue.push_back(QueuedMessage{token, message});
}

std::optional<OutboundFlow::Next> OutboundFlow::takeNext()
{
    // PUBRELs first: they are not PUBLISH packets, so the window never delays them,
    // though they still hold a slot until PUBCOMP (5.0 §4.9).
    for (OutboundEntry &entry : m_inFlight) {
        if (!entry.onWire && entry.stage == OutboundEntry::Stage::AwaitPubcomp) {
            entry.onWire = true;
            ++m_onWire;
            return Next{entry.token, ack<PubrelPacket>(entry.message.packetId), false, true};
        }
    }
    if (m_onWire >= m_window)
        return std::nullopt; // [MQTT-4.9.0-2]
    for (OutboundEntry &entry : m_inFlight) {
        if (!entry.onWire) {
            entry.onWire = true;
            ++m_onWire;
            PublishPacket again = entry.message;
            again.dup = true; // [MQTT-3.3.1-1]
            return Next{entry.token, again, false, true};
        }
    }
    if (m_queue.empty())
        return std::nullopt;
    const std::optional<quint16> id = m_ids.allocate();
    if (!id)
        return std::nullopt;
    QueuedMessage queued = std::move(m_queue.front());
    m_queue.pop_front();
    OutboundEntry entry;
    entry.token = queued.token;
    entry.message = std::move(queued.message);
    entry.message.packetId = *id;
    entry.message.dup = false; // first send [MQTT-4.3.2-2, MQTT-4.3.3-2]
    entry.stage = entry.message.qos == QoS::ExactlyOnce ? OutboundEntry::Stage::AwaitPubrec
                                                        : OutboundEntry::Stage::AwaitPuback;
    entry.onWire = true;
    ++m_onWire;
    m_inFlight.push_back(entry);
    return Next{entry.token, entry.message, true, false};
}

std::deque<OutboundEntry>::iterator OutboundFlow::findEntry(quint16 packetId)
{
    for (auto it = m_inFlight.begin(); it != m_inFlight.end(); ++it) {
        if (it->message.packetId == packetId)
            return it;
    }
    return m_inFlight.end();
}

const OutboundEntry *OutboundFlow::find(quint16 packetId) const
{
    for (const OutboundEntry &entry : m_inFlight) {
        if (entry.message.packetId == packetId)
            return &entry;
    }
    return nullptr;
}

std::optional<OutboundEntry> OutboundFlow::complete(std::deque<OutboundEntry>::iterator it)
{
    OutboundEntry done = *it;
    if (done.onWire)
        --m_onWire;
    m_inFlight.erase(it);
    // The id is free only once its ack is processed [MQTT-2.3.1-3].
    m_ids.release(done.message.packetId);
    return done;
}

std::optional<OutboundEntry> OutboundFlow::onPuback(quint16 packetId)
{
    auto it = findEntry(packetId);
    if (it == m_inFlight.end() || it->stage != OutboundEntry::Stage::AwaitPuback)
        return std::nullopt;
    return complete(it);
}

std::optional<OutboundEntry> OutboundFlow::onPubrec(quint16 packetId, bool success)
{
    auto it = findEntry(packetId);
    if (it == m_inFlight.end() || it->stage == OutboundEntry::Stage::AwaitPuback)
        return std::nullopt;
    if (!success)
        return complete(it);
    // A repeated PUBREC while waiting for PUBCOMP gets its PUBREL again; the PUBLISH
    // is never sent again after its PUBREL [MQTT-4.3.3-6].
    it->stage = OutboundEntry::Stage::AwaitPubcomp;
    return *it;
}

std::optional<OutboundEntry> OutboundFlow::onPubcomp(quint16 packetId)
{
    auto it = findEntry(packetId);
    if (it == m_inFlight.end() || it->stage != OutboundEntry::Stage::AwaitPubcomp)
        return std::nullopt;
    return complete(it);
}

std::optional<OutboundEntry> OutboundFlow::abandon(quint16 packetId)
{
    auto it = findEntry(packetId);
    if (it == m_inFlight.end())
        return std::nullopt;
    return complete(it);
}

QList<OutboundEntry> OutboundFlow::discardInFlight()
{
    QList<OutboundEntry> dropped;
    while (!m_inFlight.empty()) {
        if (std::optional<OutboundEntry> done = complete(m_inFlight.begin()))
            dropped.append(*done);
    }
    m_onWire = 0;
    return dropped;
}

QList<QueuedMessage> OutboundFlow::takeQueue()
{
    QList<QueuedMessage> all(m_queue.begin(), m_queue.end());
    m_queue.clear();
    return all;
}

PublishPacket OutboundFlow::withTopicAlias(const PublishPacket &message)
{
    PublishPacket out = message;
    out.properties.remove(PropertyId::TopicAlias);
    if (m_aliasMaximum == 0 || message.topic.isEmpty())
        return out; // [MQTT-3.2.2-18]
    const auto it = m_aliases.constFind(message.topic);
    if (it != m_aliases.constEnd()) {
        out.topic.clear();
        out.properties.setTopicAlias(*it);
        return out;
    }
    if (m_aliases.size() >= m_aliasMaximum)
        return out; // all aliases taken: the full topic works too
    const quint16 alias = quint16(m_aliases.size() + 1); // never 0 [MQTT-3.3.2-8]
    m_aliases.insert(message.topic, alias);
    out.properties.setTopicAlias(alias);
    return out;
}

} // namespace mqttdesk
