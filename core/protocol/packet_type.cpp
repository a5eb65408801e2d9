#include "core/protocol/packet_type.h"

#include "core/enum_name.h"

#include <string_view>

namespace mqttdesk {

namespace {

// From CONNECT (1) to AUTH (15); type 0 is reserved.
constexpr std::string_view kNames[] = {
    "CONNECT",  "CONNACK", "PUBLISH",   "PUBACK",     "PUBREC",
    "PUBREL",   "PUBCOMP", "SUBSCRIBE", "SUBACK",     "UNSUBSCRIBE",
    "UNSUBACK", "PINGREQ", "PINGRESP",  "DISCONNECT", "AUTH",
};

} // namespace

QString packetTypeName(PacketType type)
{
    return enumName<PacketType::Connect, PacketType::Auth>(kNames, type, QStringLiteral("UNKNOWN"));
}

std::optional<PacketType> packetTypeFromHeader(quint8 fixedHeaderByte)
{
    const quint8 nibble = fixedHeaderByte >> 4;
    if (nibble == 0)
        return std::nullopt;
    return static_cast<PacketType>(nibble);
}

} // namespace mqttdesk
