#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// The MQTT control packet type: the high nibble of the fixed header byte.
// AUTH exists only in 5.0; 0 is reserved in every version.
enum class PacketType : quint8
{
    Connect = 1,
    Connack = 2,
    Publish = 3,
    Puback = 4,
    Pubrec = 5,
    Pubrel = 6,
    Pubcomp = 7,
    Subscribe = 8,
    Suback = 9,
    Unsubscribe = 10,
    Unsuback = 11,
    Pingreq = 12,
    Pingresp = 13,
    Disconnect = 14,
    Auth = 15,
};

// "CONNECT", "PUBLISH", ... (the names used in the specifications; not translated).
QString packetTypeName(PacketType type);

// The type for a fixed header byte, or nothing for the reserved type 0.
std::optional<PacketType> packetTypeFromHeader(quint8 fixedHeaderByte);

} // namespace mqttdesk
