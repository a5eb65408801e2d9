#pragma once

#include "core/protocol/packets.h"
#include "core/protocol/reason_code.h"
#include "core/session/connack_info.h"

#include <QString>

namespace mqttdesk {

// What the session makes of reason codes: which refusals and server DISCONNECTs are
// worth a reconnect, which codes a client may send, and the messages users read.
class ReasonPolicy
{
public:
    // CONNACK refusals that another attempt cannot fix (credentials, protocol, ...).
    static bool isPermanentRefusal(ReasonCode code);
    // Server DISCONNECT reasons after which reconnecting would fight or be refused again.
    static bool isPermanentDisconnect(ReasonCode code);
    // The Reason Codes a client may put in DISCONNECT [MQTT-3.14.2-1] (5.0 §3.14.2.1).
    static bool isClientDisconnectCode(ReasonCode code);
    // "The server refused the connection: 0x86 Bad user name or password. Check ..."
    static QString refusalMessage(const ConnackInfo &info);
    // "The server closed the connection: 0x8B Server shutting down. It says: ..."
    static QString serverDisconnectMessage(const DisconnectPacket &packet);
};

} // namespace mqttdesk
