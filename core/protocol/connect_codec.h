#pragma once

#include "core/protocol/packets.h"
#include "core/protocol/wire_reader.h"
#include "core/protocol/wire_writer.h"

namespace mqttdesk {

// CONNECT and CONNACK bodies for 3.1, 3.1.1 and 5.0. Internal to the codec.
class ConnectCodec
{
public:
    static void encodeConnect(WireWriter &w, const ConnectPacket &p, ProtocolVersion version);
    // Reads the protocol name and level first and switches `r` to that version.
    static bool decodeConnect(WireReader &r, Packet &out);
    static void encodeConnack(WireWriter &w, const ConnackPacket &p, ProtocolVersion version);
    static bool decodeConnack(WireReader &r, Packet &out);
};

} // namespace mqttdesk
