#include "core/protocol/subscribe_codec.h"

#include "core/protocol/property_codec.h"

namespace mqttdesk {

namespace {

// Subscription Options bits (5.0 §3.8.3.1); 3.x uses only the QoS bits.
constexpr quint8 kQoSMask = 0x03;
constexpr quint8 kNoLocal = 0x04;
constexpr quint8 kRetainAsPublished = 0x08;
constexpr quint8 kRetainHandlingShift = 4;

bool writePacketId(WireWriter &w, quint16 id)
{
    if (id == 0) {
        w.fail(EncodeError::Kind::ZeroPacketIdentifier, QStringLiteral("MQTT-2.2.1-3"));
        return false;
    }
    w.writeUInt16(id);
    return true;
}

bool readPacketId(WireReader &r, quint16 &id)
{
    if (!r.readUInt16(id))
        return false;
    if (id == 0)
        return r.fail(DecodeError::Kind::ZeroPacketIdentifier,
                      r.rule("MQTT-2.2.1-3", "MQTT-2.3.1-1"), QString(), 0);
    return true;
}

bool propertiesOutsideV5(WireWriter &w, const Properties &properties, ProtocolVersion version)
{
    if (version != ProtocolVersion::V5 && !properties.isEmpty()) {
        w.fail(EncodeError::Kind::NotInVersion, QStringLiteral("3.1.1 §3"),
               QStringLiteral("properties"));
        return true;
    }
    return false;
}

} // namespace

void SubscribeCodec::encodeSubscribe(WireWriter &w, const SubscribePacket &p,
                                     ProtocolVersion version)
{
    const bool v5 = version == ProtocolVersion::V5;
    if (p.subscriptions.isEmpty()) {
        w.fail(EncodeError::Kind::NoTopicFilters, QStringLiteral("MQTT-3.8.3-2"));
        return;
    }
    if (propertiesOutsideV5(w, p.properties, version) || !writePacketId(w, p.packetId))
        return;
    if (v5)
        PropertyCodec::write(w, p.properties, PropertyContext::Subscribe);
    for (const Subscription &s : p.subscriptions) {
        const SubscriptionOptions &o = s.options;
        if (static_cast<quint8>(o.qos) > 2) {
            w.fail(EncodeError::Kind::InvalidQoS, QStringLiteral("MQTT-3.8.3-5"));
            return;
        }
        if (static_cast<quint8>(o.retainHandling) > 2) {
            w.fail(EncodeError::Kind::InvalidFlags, QStringLiteral("5.0 §3.8.3.1"));
            return;
        }
        quint8 options = static_cast<quint8>(o.qos);
        if (v5) {
            if (o.noLocal)
                options |= kNoLocal;
            if (o.retainAsPublished)
                options |= kRetainAsPublished;
            options |= quint8(static_cast<quint8>(o.retainHandling) << kRetainHandlingShift);
        } else if (o.noLocal || o.retainAsPublished ||
                   o.retainHandling != RetainHandling::SendOnSubscribe) {
            w.fail(EncodeError::Kind::NotInVersion, QStringLiteral("MQTT-3-8.3-4"),
                   QStringLiteral("subscription options"));
            return;
        }
        w.writeString(s.filter);
        w.writeByte(options);
    }
}

bool SubscribeCodec::decodeSubscribe(WireReader &r, Packet &out)
{
    SubscribePacket p;
    const bool v5 = r.isV5();
    if (!readPacketId(r, p.packetId))
        return false;
    if (v5 && !PropertyCodec::read(r, PropertyContext::Subscribe, p.properties))
        return false;
    while (!r.atEnd()) {
        Subscription s;
        if (!r.readString(s.filter))
            return false;
        const qsizetype at = r.offset();
        quint8 options = 0;
        if (!r.readByte(options))
            return false;
        if ((options & kQoSMask) == 3)
            return r.fail(DecodeError::Kind::InvalidQoS, r.rule("MQTT-3.8.3-5", "MQTT-3-8.3-4"),
                          QString(), at);
        const quint8 reserved = v5 ? 0xC0 : 0xFC;
        if (options & reserved)
            return r.fail(DecodeError::Kind::InvalidSubscriptionOptions,
                          r.rule("MQTT-3.8.3-5", "MQTT-3-8.3-4"), QString(), at);
        s.options.qos = static_cast<QoS>(options & kQoSMask);
        if (v5) {
            const quint8 retainHandling = (options >> kRetainHandlingShift) & 0x03;
            if (retainHandling == 3)
                return r.fail(DecodeError::Kind::InvalidSubscriptionOptions,
                              QStringLiteral("5.0 §3.8.3.1"), QStringLiteral("Retain Handling 3"),
                              at);
            s.options.noLocal = options & kNoLocal;
            s.options.retainAsPublished = options & kRetainAsPublished;
            s.options.retainHandling = static_cast<RetainHandling>(retainHandling);
        }
        p.subscriptions.append(std::move(s));
    }
    if (p.subscriptions.isEmpty())
        return r.fail(DecodeError::Kind::NoTopicFilters, r.rule("MQTT-3.8.3-2", "MQTT-3.8.3-3"));
    out = std::move(p);
    return true;
}

void SubscribeCodec::encodeSuback(WireWriter &w, const SubackPacket &p, ProtocolVersion version)
{
    if (propertiesOutsideV5(w, p.properties, version) || !writePacketId(w, p.packetId))
        return;
    if (version == ProtocolVersion::V5)
        PropertyCodec::write(w, p.properties, PropertyContext::Suback);
    for (ReasonCode code : p.reasonCodes) {
        // 3.x return codes: 0x00, 0x01, 0x02 and 0x80 only [MQTT-3.9.3-2].
        if (version != ProtocolVersion::V5 && static_cast<quint8>(code) > 2 &&
            code != ReasonCode::UnspecifiedError) {
            w.fail(EncodeError::Kind::InvalidReasonCode, QStringLiteral("MQTT-3.9.3-2"),
                   reasonCodeText(code, PacketType::Suback));
            return;
        }
        w.writeReasonCode(code);
    }
}

bool SubscribeCodec::decodeSuback(WireReader &r, Packet &out)
{
    SubackPacket p;
    if (!readPacketId(r, p.packetId))
        return false;
    if (r.isV5() && !PropertyCodec::read(r, PropertyContext::Suback, p.properties))
        return false;
    while (!r.atEnd()) {
        const qsizetype at = r.offset();
        ReasonCode code = ReasonCode::Success;
        if (!r.readReasonCode(code))
            return false;
        if (!r.isV5() && static_cast<quint8>(code) > 2 && code != ReasonCode::UnspecifiedError)
            return r.fail(DecodeError::Kind::InvalidReasonCode, QStringLiteral("MQTT-3.9.3-2"),
                          reasonCodeText(code, PacketType::Suback), at);
        p.reasonCodes.append(code);
    }
    if (p.reasonCodes.isEmpty())
        return r.fail(DecodeError::Kind::NoReasonCodes, QStringLiteral("MQTT-3.9.3-1"));
    out = std::move(p);
    return true;
}

void SubscribeCodec::encodeUnsubscribe(WireWriter &w, const UnsubscribePacket &p,
                                       ProtocolVersion version)
{
    if (p.filters.isEmpty()) {
        w.fail(EncodeError::Kind::NoTopicFilters, QStringLiteral("MQTT-3.10.3-2"));
        return;
    }
    if (propertiesOutsideV5(w, p.properties, version) || !writePacketId(w, p.packetId))
        return;
    if (version == ProtocolVersion::V5)
        PropertyCodec::write(w, p.properties, PropertyContext::Unsubscribe);
    for (const QString &filter : p.filters)
        w.writeString(filter);
}

bool SubscribeCodec::decodeUnsubscribe(WireReader &r, Packet &out)
{
    UnsubscribePacket p;
    if (!readPacketId(r, p.packetId))
        return false;
    if (r.isV5() && !PropertyCodec::read(r, PropertyContext::Unsubscribe, p.properties))
        return false;
    while (!r.atEnd()) {
        QString filter;
        if (!r.readString(filter))
            return false;
        p.filters.append(std::move(filter));
    }
    if (p.filters.isEmpty())
        return r.fail(DecodeError::Kind::NoTopicFilters, QStringLiteral("MQTT-3.10.3-2"));
    out = std::move(p);
    return true;
}

void SubscribeCodec::encodeUnsuback(WireWriter &w, const UnsubackPacket &p, ProtocolVersion version)
{
    if (version != ProtocolVersion::V5 && !p.reasonCodes.isEmpty()) {
        w.fail(EncodeError::Kind::NotInVersion, QStringLiteral("3.1.1 §3.11"),
               QStringLiteral("reason codes"));
        return;
    }
    if (propertiesOutsideV5(w, p.properties, version) || !writePacketId(w, p.packetId))
        return;
    if (version != ProtocolVersion::V5)
        return;
    PropertyCodec::write(w, p.properties, PropertyContext::Unsuback);
    for (ReasonCode code : p.reasonCodes)
        w.writeReasonCode(code);
}

bool SubscribeCodec::decodeUnsuback(WireReader &r, Packet &out)
{
    UnsubackPacket p;
    if (!readPacketId(r, p.packetId))
        return false;
    if (r.isV5()) {
        if (!PropertyCodec::read(r, PropertyContext::Unsuback, p.properties))
            return false;
        while (!r.atEnd()) {
            ReasonCode code = ReasonCode::Success;
            if (!r.readReasonCode(code))
                return false;
            p.reasonCodes.append(code);
        }
        // One Reason Code per Topic Filter [MQTT-3.11.3-1].
        if (p.reasonCodes.isEmpty())
            return r.fail(DecodeError::Kind::NoReasonCodes, QStringLiteral("MQTT-3.11.3-1"));
    }
    if (!r.expectEnd())
        return false;
    out = std::move(p);
    return true;
}

} // namespace mqttdesk
