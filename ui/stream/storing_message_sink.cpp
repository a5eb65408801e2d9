#include "ui/stream/storing_message_sink.h"

#include "core/protocol/codec.h"
#include "core/storage/message_writer.h"

namespace mqttdesk {

StoringMessageSink::StoringMessageSink(MessageWriter *writer, qint64 profileId,
                                       ProtocolVersion version)
    : m_writer(writer)
    , m_profileId(profileId)
    , m_mqtt5(version == ProtocolVersion::V5)
{}

void StoringMessageSink::consume(const MessageBatch &batch)
{
    for (const ReceivedMessage &received : batch) {
        StoredMessage m;
        m.profileId = m_profileId;
        m.direction = StoredMessage::Direction::Incoming;
        m.topic = received.message.topic;
        m.payload = received.message.payload;
        m.qos = quint8(received.message.qos);
        m.retain = received.message.retain;
        m.dup = received.message.dup;
        if (m_mqtt5 && !received.message.properties.isEmpty())
            m.properties = encodeProperties(received.message.properties);
        m.receivedUs = received.receivedUs;
        if (!received.subscriptionIdentifiers.isEmpty())
            m.subscriptionId = received.subscriptionIdentifiers.first();
        if (received.message.packetId != 0)
            m.packetId = received.message.packetId;
        if (!m_writer->enqueue(std::move(m)))
            m_dropped.fetch_add(1, std::memory_order_relaxed);
    }
}

} // namespace mqttdesk
