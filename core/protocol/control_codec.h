#pragma once

#include "core/protocol/packets.h"
#include "core/protocol/wire_reader.h"
#include "core/protocol/wire_writer.h"

namespace mqttdesk {

// PINGREQ, PINGRESP, DISCONNECT and AUTH bodies. Internal to the codec.
class ControlCodec
{
public:
    static bool decodeEmpty(WireReader &r);
    // DISCONNECT and AUTH share one shape in 5.0: optional Reason Code, optional
    // properties; the empty form means the success code (§3.14.2.1, §3.15.2.1).
    static void encodeReasonAndProperties(WireWriter &w, ReasonCode code,
                                          const Properties &properties, ProtocolVersion version);
    static bool decodeReasonAndProperties(WireReader &r, ReasonCode &code, Properties &properties);
};

} // namespace mqttdesk
