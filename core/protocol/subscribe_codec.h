#pragma once

#include "core/protocol/packets.h"
#include "core/protocol/wire_reader.h"
#include "core/protocol/wire_writer.h"

namespace mqttdesk {

// SUBSCRIBE, SUBACK, UNSUBSCRIBE and UNSUBACK bodies. Internal to the codec.
class SubscribeCodec
{
public:
    static void encodeSubscribe(WireWriter &w, const SubscribePacket &p, ProtocolVersion version);
    static bool decodeSubscribe(WireReader &r, Packet &out);
    static void encodeSuback(WireWriter &w, const SubackPacket &p, ProtocolVersion version);
    static bool decodeSuback(WireReader &r, Packet &out);
    static void encodeUnsubscribe(WireWriter &w, const UnsubscribePacket &p,
                                  ProtocolVersion version);
    static bool decodeUnsubscribe(WireReader &r, Packet &out);
    static void encodeUnsuback(WireWriter &w, const UnsubackPacket &p, ProtocolVersion version);
    static bool decodeUnsuback(WireReader &r, Packet &out);
};

} // namespace mqttdesk
