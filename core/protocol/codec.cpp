#include "core/protocol/codec.h"

#include "core/protocol/connect_codec.h"
#include "core/protocol/control_codec.h"
#include "core/protocol/overloaded.h"
#include "core/protocol/property_codec.h"
#include "core/protocol/publish_codec.h"
#include "core/protocol/subscribe_codec.h"
#include "core/protocol/wire_reader.h"
#include "core/protocol/wire_writer.h"

namespace mqttdesk {

namespace {

// Room for the fixed header byte and the longest Remaining Length, filled in last.
constexpr qsizetype kHeaderRoom = 5;

// The fixed header flags each packet must carry (5.0 §2.1.3, 3.1.1 §2.2.2).
quint8 requiredFlags(PacketType type)
{
    switch (type) {
    case PacketType::Pubrel:
    case PacketType::Subscribe:
    case PacketType::Unsubscribe:
        return 0x02;
    default:
        return 0x00;
    }
}

QString flagsRule(PacketType type, ProtocolVersion version)
{
    switch (type) {
    case PacketType::Pubrel:
        return QStringLiteral("MQTT-3.6.1-1");
    case PacketType::Subscribe:
        return QStringLiteral("MQTT-3.8.1-1");
    case PacketType::Unsubscribe:
        return QStringLiteral("MQTT-3.10.1-1");
    case PacketType::Disconnect:
        if (version == ProtocolVersion::V5)
            return QStringLiteral("MQTT-3.14.1-1");
        break;
    case PacketType::Auth:
        return QStringLiteral("MQTT-3.15.1-1");
    default:
        break;
    }
    return version == ProtocolVersion::V5 ? QStringLiteral("MQTT-2.1.3-1")
                                          : QStringLiteral("MQTT-2.2.2-2");
}

bool flagsValid(PacketType type, quint8 flags, ProtocolVersion version)
{
    if (type == PacketType::Publish)
        return true; // DUP/QoS/RETAIN, checked by the PUBLISH decoder
    const quint8 required = requiredFlags(type);
    if (flags == required)
        return true;
    // 3.1 sets DUP on re-sent PUBREL, SUBSCRIBE and UNSUBSCRIBE (QoS 1 packets there).
    return version == ProtocolVersion::V31 && required == 0x02 && flags == 0x0A;
}

void encodeBody(WireWriter &w, const Packet &packet, ProtocolVersion v)
{
    std::visit(Overloaded{
                   [&](const ConnectPacket &p) { ConnectCodec::encodeConnect(w, p, v); },
                   [&](const ConnackPacket &p) { ConnectCodec::encodeConnack(w, p, v); },
                   [&](const PublishPacket &p) { PublishCodec::encodePublish(w, p, v); },
                   [&](const PubackPacket &p) { PublishCodec::encodeAck(w, p, v); },
                   [&](const PubrecPacket &p) { PublishCodec::encodeAck(w, p, v); },
                   [&](const PubrelPacket &p) { PublishCodec::encodeAck(w, p, v); },
                   [&](const PubcompPacket &p) { PublishCodec::encodeAck(w, p, v); },
                   [&](const SubscribePacket &p) { SubscribeCodec::encodeSubscribe(w, p, v); },
                   [&](const SubackPacket &p) { SubscribeCodec::encodeSuback(w, p, v); },
                   [&](const UnsubscribePacket &p) { SubscribeCodec::encodeUnsubscribe(w, p, v); },
                   [&](const UnsubackPacket &p) { SubscribeCodec::encodeUnsuback(w, p, v); },
                   [&](const PingreqPacket &) {},
                   [&](const PingrespPacket &) {},
                   [&](const DisconnectPacket &p) {
                       ControlCodec::encodeReasonAndProperties(w, p.reasonCode, p.properties, v);
                   },
                   [&](const AuthPacket &p) {
                       ControlCodec::encodeReasonAndProperties(w, p.reasonCode, p.properties, v);
                   },
               },
               packet);
}

bool decodeBody(WireReader &r, PacketType type, quint8 flags, Packet &out, QByteArray *storage)
{
    switch (type) {
    case PacketType::Connect:
        return ConnectCodec::decodeConnect(r, out);
    case PacketType::Connack:
        return ConnectCodec::decodeConnack(r, out);
    case PacketType::Publish:
        return PublishCodec::decodePublish(r, flags, out, storage);
    case PacketType::Puback:
        return PublishCodec::decodeAck<PubackPacket>(r, out);
    case PacketType::Pubrec:
        return PublishCodec::decodeAck<PubrecPacket>(r, out);
    case PacketType::Pubrel:
        return PublishCodec::decodeAck<PubrelPacket>(r, out);
    case PacketType::Pubcomp:
        return PublishCodec::decodeAck<PubcompPacket>(r, out);
    case PacketType::Subscribe:
        return SubscribeCodec::decodeSubscribe(r, out);
    case PacketType::Suback:
        return SubscribeCodec::decodeSuback(r, out);
    case PacketType::Unsubscribe:
        return SubscribeCodec::decodeUnsubscribe(r, out);
    case PacketType::Unsuback:
        return SubscribeCodec::decodeUnsuback(r, out);
    case PacketType::Pingreq:
        out = PingreqPacket{};
        return ControlCodec::decodeEmpty(r);
    case PacketType::Pingresp:
        out = PingrespPacket{};
        return ControlCodec::decodeEmpty(r);
    case PacketType::Disconnect: {
        DisconnectPacket p;
        if (!ControlCodec::decodeReasonAndProperties(r, p.reasonCode, p.properties))
            return false;
        out = std::move(p);
        return true;
    }
    case PacketType::Auth: {
        AuthPacket p;
        if (!ControlCodec::decodeReasonAndProperties(r, p.reasonCode, p.properties))
            return false;
        out = std::move(p);
        return true;
    }
    }
    return false;
}

} // namespace

EncodeResult tryEncode(const Packet &packet, ProtocolVersion version)
{
    const PacketType type = packetTypeOf(packet);
    QByteArray out;
    WireWriter w(out, type);
    if (type == PacketType::Auth && version != ProtocolVersion::V5) {
        w.fail(EncodeError::Kind::NotInVersion, QStringLiteral("5.0 §3.15"));
        return *w.error();
    }
    qsizetype estimate = kHeaderRoom + 32;
    if (const auto *publish = std::get_if<PublishPacket>(&packet))
        estimate += publish->payload.size() + publish->topic.size() * 3;
    out.reserve(estimate);
    out.resize(kHeaderRoom);
    encodeBody(w, packet, version);
    if (w.hasError())
        return *w.error();

    const qsizetype bodySize = out.size() - kHeaderRoom;
    if (bodySize > qsizetype(WireWriter::kMaximumVariableByteInteger)) {
        w.fail(EncodeError::Kind::PacketTooLarge, QStringLiteral("5.0 §2.1.4"));
        return *w.error();
    }
    quint8 flags = requiredFlags(type);
    if (const auto *publish = std::get_if<PublishPacket>(&packet))
        flags = PublishCodec::publishFlags(*publish);

    // Fixed header right-aligned in the reserved room, then drop the unused front
    // (Qt 6 moves the begin pointer; no copy).
    const int vbiSize = WireWriter::variableByteIntegerSize(quint32(bodySize));
    const qsizetype start = kHeaderRoom - 1 - vbiSize;
    out[start] = char((static_cast<quint8>(type) << 4) | flags);
    quint32 value = quint32(bodySize);
    for (int i = 0; i < vbiSize; ++i) {
        quint8 b = value & 0x7F;
        value >>= 7;
        if (value)
            b |= 0x80;
        out[start + 1 + i] = char(b);
    }
    out.remove(0, start);
    return out;
}

QByteArray encode(const Packet &packet, ProtocolVersion version)
{
    EncodeResult result = tryEncode(packet, version);
    if (!result.ok())
        return QByteArray();
    return std::move(result).value();
}

namespace {

DecodeResult decodePacket(quint8 fixedHeaderByte, QByteArrayView body, ProtocolVersion version,
                          QByteArray *storage, TopicNameCache *topicNames = nullptr)
{
    const std::optional<PacketType> type = packetTypeFromHeader(fixedHeaderByte);
    const quint8 flags = fixedHeaderByte & 0x0F;
    if (!type || (*type == PacketType::Auth && version != ProtocolVersion::V5)) {
        DecodeError e;
        e.kind = DecodeError::Kind::InvalidPacketType;
        e.offset = WireReader::kFixedHeader;
        e.rule = version == ProtocolVersion::V5 ? QStringLiteral("5.0 §2.1.2")
                                                : QStringLiteral("3.1.1 §2.2.1");
        e.packet = type;
        e.detail = QString::number(fixedHeaderByte >> 4);
        return e;
    }
    WireReader r(body, *type, version);
    r.setTopicNameCache(topicNames);
    if (!flagsValid(*type, flags, version)) {
        r.fail(DecodeError::Kind::InvalidFixedHeaderFlags, flagsRule(*type, version),
               QStringLiteral("0x%1").arg(flags, 1, 16), WireReader::kFixedHeader);
        return *r.error();
    }
    Packet packet;
    if (!decodeBody(r, *type, flags, packet, storage))
        return *r.error();
    return packet;
}

DecodeResult toStreamOffsets(DecodeResult result, const Frame &frame)
{
    if (result.ok())
        return result;
    DecodeError e = result.error();
    e.offset = e.offset == WireReader::kFixedHeader ? frame.streamOffset
                                                    : frame.bodyStreamOffset + e.offset;
    return e;
}

} // namespace

DecodeResult decode(quint8 fixedHeaderByte, QByteArrayView body, ProtocolVersion version)
{
    return decodePacket(fixedHeaderByte, body, version, nullptr);
}

DecodeResult decode(const Frame &frame, ProtocolVersion version)
{
    return toStreamOffsets(decodePacket(frame.header, frame.body, version, nullptr), frame);
}

DecodeResult decode(Frame &&frame, ProtocolVersion version, TopicNameCache *topicNames)
{
    const Frame info{frame.header, QByteArrayView(), QByteArray(), frame.streamOffset,
                     frame.bodyStreamOffset};
    QByteArray *storage = frame.storage.isEmpty() ? nullptr : &frame.storage;
    return toStreamOffsets(decodePacket(frame.header, frame.body, version, storage, topicNames),
                           info);
}

QByteArray encodeProperties(const Properties &properties, PropertyContext context)
{
    QByteArray out;
    WireWriter w(out, PacketType::Publish);
    PropertyCodec::write(w, properties, context);
    return w.hasError() ? QByteArray() : out;
}

PropertiesResult decodeProperties(QByteArrayView block, PropertyContext context)
{
    WireReader r(block, PacketType::Publish, ProtocolVersion::V5);
    Properties properties;
    if (!PropertyCodec::read(r, context, properties) || !r.expectEnd())
        return *r.error();
    return properties;
}

} // namespace mqttdesk
