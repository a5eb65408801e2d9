#include "core/workspace/outgoing_message.h"

#include "core/protocol/codec.h"

namespace mqttdesk {

namespace {

QByteArray propertyBlock(const PublishPacket &packet, ProtocolVersion version)
{
    if (version != ProtocolVersion::V5 || packet.properties.isEmpty())
        return {};
    return encodeProperties(packet.properties);
}

Properties decodedOrEmpty(const QByteArray &block)
{
    if (block.isEmpty())
        return {};
    auto decoded = decodeProperties(block);
    return decoded.ok() ? decoded.value() : Properties{};
}

} // namespace

StoredMessage OutgoingMessage::stored(const PublishPacket &packet, qint64 profileId,
                                      ProtocolVersion version, qint64 timeUs)
{
    StoredMessage m;
    m.profileId = profileId;
    m.direction = StoredMessage::Direction::Outgoing;
    m.topic = packet.topic;
    m.payload = packet.payload;
    m.qos = quint8(packet.qos);
    m.retain = packet.retain;
    m.properties = propertyBlock(packet, version);
    m.receivedUs = timeUs;
    m.publishStage = StoredMessage::PublishStage::Queued;
    return m;
}

StoredMessage OutgoingMessage::publishState(const PublishOutcome &outcome, QoS qos)
{
    StoredMessage state;
    state.qos = quint8(qos);
    switch (outcome.status) {
    case PublishStatus::Queued:
        state.publishStage = StoredMessage::PublishStage::Queued;
        break;
    case PublishStatus::Sent:
        state.publishStage = StoredMessage::PublishStage::Sent;
        break;
    case PublishStatus::Acknowledged:
        state.publishStage = StoredMessage::PublishStage::Acknowledged;
        break;
    case PublishStatus::Received:
        state.publishStage = StoredMessage::PublishStage::Received;
        break;
    case PublishStatus::Completed:
        state.publishStage = StoredMessage::PublishStage::Completed;
        break;
    case PublishStatus::Failed:
        state.publishStage = StoredMessage::PublishStage::Failed;
        if (outcome.error)
            state.publishError = outcome.error->message;
        break;
    }
    // An ack's reason code is worth keeping when it says something (MQTT 5 "no matching
    // subscribers", a refusal); plain success is the stage itself.
    if (outcome.reasonCode != ReasonCode::Success)
        state.publishReason = quint8(outcome.reasonCode);
    if (outcome.packetId != 0)
        state.packetId = outcome.packetId;
    return state;
}

PublishPacket OutgoingMessage::packet(const StoredMessage &message, ProtocolVersion version)
{
    PublishPacket packet;
    packet.topic = message.topic;
    packet.payload = message.payload;
    packet.qos = QoS(qMin<int>(message.qos, 2));
    packet.retain = message.retain;
    if (version == ProtocolVersion::V5) {
        packet.properties = decodedOrEmpty(message.properties);
        // Received-only properties must not go back out [MQTT-3.3.4-6].
        packet.properties.remove(PropertyId::SubscriptionIdentifier);
        packet.properties.remove(PropertyId::TopicAlias);
    }
    return packet;
}

PublishHistoryEntry OutgoingMessage::historyEntry(const PublishPacket &packet, qint64 profileId,
                                                  ProtocolVersion version, qint64 usedUs)
{
    PublishHistoryEntry entry;
    entry.profileId = profileId;
    entry.topic = packet.topic;
    entry.payload = packet.payload;
    entry.qos = quint8(packet.qos);
    entry.retain = packet.retain;
    entry.properties = propertyBlock(packet, version);
    entry.lastUsedUs = usedUs;
    return entry;
}

PublishPacket OutgoingMessage::packet(const PublishHistoryEntry &entry)
{
    PublishPacket packet;
    packet.topic = entry.topic;
    packet.payload = entry.payload;
    packet.qos = QoS(qMin<int>(entry.qos, 2));
    packet.retain = entry.retain;
    packet.properties = decodedOrEmpty(entry.properties);
    return packet;
}

} // namespace mqttdesk
