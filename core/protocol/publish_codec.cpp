#include "core/protocol/publish_codec.h"

#include "core/protocol/property_codec.h"

namespace mqttdesk {

namespace {

QString zeroIdRule(const WireReader &r)
{
    return r.rule("MQTT-2.2.1-3", "MQTT-2.3.1-1");
}

PropertyContext ackContext(PacketType type)
{
    return propertyContextFor(type);
}

} // namespace

quint8 PublishCodec::publishFlags(const PublishPacket &p)
{
    quint8 flags = quint8((static_cast<quint8>(p.qos) & 0x03) << 1);
    if (p.dup)
        flags |= 0x08;
    if (p.retain)
        flags |= 0x01;
    return flags;
}

void PublishCodec::encodePublish(WireWriter &w, const PublishPacket &p, ProtocolVersion version)
{
    const bool v5 = version == ProtocolVersion::V5;
    if (static_cast<quint8>(p.qos) > 2) {
        w.fail(EncodeError::Kind::InvalidQoS, QStringLiteral("MQTT-3.3.1-4"));
        return;
    }
    if (p.qos == QoS::AtMostOnce && p.dup) {
        w.fail(EncodeError::Kind::InvalidFlags, QStringLiteral("MQTT-3.3.1-2"));
        return;
    }
    if (p.topic.contains(QLatin1Char('+')) || p.topic.contains(QLatin1Char('#'))) {
        w.fail(EncodeError::Kind::WildcardInTopicName, QStringLiteral("MQTT-3.3.2-2"));
        return;
    }
    // An empty Topic Name needs a Topic Alias (5.0 §3.3.2.1); 3.x has no aliases.
    if (p.topic.isEmpty() && !(v5 && p.properties.topicAlias())) {
        w.fail(EncodeError::Kind::EmptyTopicName,
               v5 ? QStringLiteral("5.0 §3.3.2.1") : QStringLiteral("MQTT-4.7.3-1"));
        return;
    }
    if (!v5 && !p.properties.isEmpty()) {
        w.fail(EncodeError::Kind::NotInVersion, QStringLiteral("3.1.1 §3.3"),
               QStringLiteral("properties"));
        return;
    }
    w.writeString(p.topic);
    if (p.qos != QoS::AtMostOnce) {
        if (p.packetId == 0) {
            w.fail(EncodeError::Kind::ZeroPacketIdentifier, QStringLiteral("MQTT-2.2.1-3"));
            return;
        }
        w.writeUInt16(p.packetId);
    }
    if (v5)
        PropertyCodec::write(w, p.properties, PropertyContext::Publish);
    w.writeBytes(p.payload);
}

bool PublishCodec::decodePublish(WireReader &r, quint8 flags, Packet &out, QByteArray *storage)
{
    PublishPacket p;
    const quint8 qos = (flags >> 1) & 0x03;
    if (qos == 3)
        return r.fail(DecodeError::Kind::InvalidQoS, QStringLiteral("MQTT-3.3.1-4"), QString(),
                      WireReader::kFixedHeader);
    p.qos = static_cast<QoS>(qos);
    p.dup = flags & 0x08;
    p.retain = flags & 0x01;
    if (p.dup && p.qos == QoS::AtMostOnce)
        return r.fail(DecodeError::Kind::InvalidFixedHeaderFlags, QStringLiteral("MQTT-3.3.1-2"),
                      QString(), WireReader::kFixedHeader);
    const qsizetype topicAt = r.offset();
    if (!r.readTopicName(p.topic))
        return false;
    if (p.qos != QoS::AtMostOnce) {
        const qsizetype idAt = r.offset();
        if (!r.readUInt16(p.packetId))
            return false;
        if (p.packetId == 0)
            return r.fail(DecodeError::Kind::ZeroPacketIdentifier, zeroIdRule(r), QString(), idAt);
    }
    if (r.isV5() && !PropertyCodec::read(r, PropertyContext::Publish, p.properties))
        return false;
    if (p.topic.isEmpty() && !(r.isV5() && p.properties.topicAlias()))
        return r.fail(DecodeError::Kind::EmptyTopicName, r.rule("5.0 §3.3.2.1", "MQTT-4.7.3-1"),
                      QString(), topicAt);
    const QByteArrayView rest = r.rest();
    if (storage && !rest.isEmpty() && storage->isDetached() &&
        rest.data() + rest.size() == storage->constData() + storage->size()) {
        // The payload is the tail of a buffer we own: drop the front (Qt 6 moves the
        // begin pointer) instead of copying.
        QByteArray payload = std::move(*storage);
        payload.remove(0, payload.size() - rest.size());
        p.payload = std::move(payload);
    } else {
        // The one copy of the payload on its way in.
        p.payload = rest.toByteArray();
    }
    out = std::move(p);
    return true;
}

void PublishCodec::encodeAckFields(WireWriter &w, quint16 packetId, ReasonCode code,
                                   const Properties &properties, ProtocolVersion version)
{
    if (packetId == 0) {
        w.fail(EncodeError::Kind::ZeroPacketIdentifier, QStringLiteral("MQTT-2.2.1-3"));
        return;
    }
    w.writeUInt16(packetId);
    if (version != ProtocolVersion::V5) {
        if (code != ReasonCode::Success || !properties.isEmpty())
            w.fail(EncodeError::Kind::NotInVersion, QStringLiteral("3.1.1 §3.4"),
                   QStringLiteral("reason code or properties"));
        return;
    }
    // 5.0 §3.4.2.1: Success without properties may drop Reason Code and Property Length.
    if (code == ReasonCode::Success && properties.isEmpty())
        return;
    w.writeReasonCode(code);
    PropertyCodec::write(w, properties, ackContext(w.packet()));
}

bool PublishCodec::decodeAckFields(WireReader &r, quint16 &packetId, ReasonCode &code,
                                   Properties &properties)
{
    if (!r.readUInt16(packetId))
        return false;
    if (packetId == 0)
        return r.fail(DecodeError::Kind::ZeroPacketIdentifier, zeroIdRule(r), QString(), 0);
    if (r.isV5()) {
        // Remaining Length 2: Success, no properties; 3: no Property Length (§3.4.2.1).
        if (!r.atEnd() && !r.readReasonCode(code))
            return false;
        if (!r.atEnd() && !PropertyCodec::read(r, ackContext(r.packet()), properties))
            return false;
    }
    return r.expectEnd();
}

} // namespace mqttdesk
