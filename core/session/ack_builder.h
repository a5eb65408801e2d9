#pragma once

#include <QtGlobal>

namespace mqttdesk {

// An acknowledgement (PubackPacket, PubrecPacket, PubrelPacket, PubcompPacket) for
// `packetId`, with reason code Success and no properties.
template<typename Ack>
Ack ack(quint16 packetId)
{
    Ack packet;
    packet.packetId = packetId;
    return packet;
}

} // namespace mqttdesk
