#pragma once

#include "core/protocol/packets.h"

#include <QString>

namespace mqttdesk {

// One-line descriptions of packets for the connection log, e.g.
// "PUBLISH id=3 qos=1 topic=a/b (12 bytes)". Never includes a password or
// authentication data.
class PacketSummary
{
public:
    static QString describe(const Packet &packet);
};

} // namespace mqttdesk
