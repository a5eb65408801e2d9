#pragma once

#include "core/protocol/packets.h"
#include "core/protocol/protocol_version.h"
#include "core/session/connack_info.h"
#include "core/session/session_error.h"
#include "core/session/session_event.h"

#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// Checks user requests before anything is sent: what the protocol forbids a client to
// send, and (when `server` is given) what this server said it does not support.
class RequestValidator
{
public:
    // Normalises `message` for the version (3.x: properties dropped) and checks topic,
    // QoS and properties. With `server`: Maximum QoS [MQTT-3.2.2-11] and Retain
    // Available [MQTT-3.2.2-14].
    static std::optional<SessionError> checkPublish(PublishPacket &message, ProtocolVersion version,
                                                    const ConnackInfo *server);
    static std::optional<SessionError>
    checkSubscribe(SubscribeRequested &request, ProtocolVersion version, const ConnackInfo *server);
    static std::optional<SessionError> checkUnsubscribe(UnsubscribeRequested &request,
                                                        ProtocolVersion version);
    // An encoded packet against the server's Maximum Packet Size [MQTT-3.2.2-15].
    static std::optional<SessionError> checkSize(qsizetype size, PacketType packet,
                                                 const ConnackInfo *server);
};

} // namespace mqttdesk
