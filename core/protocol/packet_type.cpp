#include "core/protocol/packet_type.h"

namespace mqttdesk {

QString packetTypeName(PacketType type)
{
    switch (type) {
    case PacketType::Connect:
        return QStringLiteral("CONNECT");
    case PacketType::Connack:
        return QStringLiteral("CONNACK");
    case PacketType::Publish:
        return QStringLiteral("PUBLISH");
    case PacketType::Puback:
        return QStringLiteral("PUBACK");
    case PacketType::Pubrec:
        return QStringLiteral("PUBREC");
    case PacketType::Pubrel:
        return QStringLiteral("PUBREL");
    case PacketType::Pubcomp:
        return QStringLiteral("PUBCOMP");
    case PacketType::Subscribe:
        return QStringLiteral("SUBSCRIBE");
    case PacketType::Suback:
        return QStringLiteral("SUBACK");
    case PacketType::Unsubscribe:
        return QStringLiteral("UNSUBSCRIBE");
    case PacketType::Unsuback:
        return QStringLiteral("UNSUBACK");
    case PacketType::Pingreq:
        return QStringLiteral("PINGREQ");
    case PacketType::Pingresp:
        return QStringLiteral("PINGRESP");
    case PacketType::Disconnect:
        return QStringLiteral("DISCONNECT");
    case PacketType::Auth:
        return QStringLiteral("AUTH");
    }
    return QStringLiteral("UNKNOWN");
}

std::optional<PacketType> packetTypeFromHeader(quint8 fixedHeaderByte)
{
    const quint8 nibble = fixedHeaderByte >> 4;
    if (nibble == 0)
        return std::nullopt;
    return static_cast<PacketType>(nibble);
}

} // namespace mqttdesk
