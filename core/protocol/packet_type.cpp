#include "core/protocol/packet_type.h"

#include <iterator>
#include <string_view>

namespace mqttdesk {

namespace {

// Indexed by the packet type minus 1 (type 0 is reserved).
constexpr std::string_view kNames[] = {
    "CONNECT",  "CONNACK", "PUBLISH",   "PUBACK",     "PUBREC",
    "PUBREL",   "PUBCOMP", "SUBSCRIBE", "SUBACK",     "UNSUBSCRIBE",
    "UNSUBACK", "PINGREQ", "PINGRESP",  "DISCONNECT", "AUTH",
};
static_assert(std::size(kNames) == std::size_t(PacketType::Auth), "one name per PacketType");

} // namespace

QString packetTypeName(PacketType type)
{
    const auto index = std::size_t(type) - 1;
    if (index >= std::size(kNames))
        return QStringLiteral("UNKNOWN");
    return QString::fromLatin1(kNames[index].data(), qsizetype(kNames[index].size()));
}

std::optional<PacketType> packetTypeFromHeader(quint8 fixedHeaderByte)
{
    const quint8 nibble = fixedHeaderByte >> 4;
    if (nibble == 0)
        return std::nullopt;
    return static_cast<PacketType>(nibble);
}

} // namespace mqttdesk
