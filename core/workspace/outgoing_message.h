#pragma once

#include "core/protocol/packets.h"
#include "core/protocol/protocol_version.h"
#include "core/session/session_action.h"
#include "core/storage/publish_history_store.h"
#include "core/storage/stored_message.h"

namespace mqttdesk {

// The one place where a message we publish changes form: the packet the user built, the
// history row it becomes, the publish-history entry it is remembered by, and back (resend,
// the publish bar's history). Properties travel as the raw MQTT 5 block; under 3.1.1 there
// are none.
class OutgoingMessage
{
public:
    // The history row of a message being published now: stage Queued until the session
    // says more (publishState()).
    static StoredMessage stored(const PublishPacket &packet, qint64 profileId,
                                ProtocolVersion version, qint64 timeUs);
    // How far the publish got, as MessageWriter::updateOutgoing() takes it.
    static StoredMessage publishState(const PublishOutcome &outcome, QoS qos);

    // A stored message (received or sent) as a packet to publish again. Properties that
    // only a server may send are dropped [MQTT-3.3.4-6]; under 3.1.1 there are none.
    static PublishPacket packet(const StoredMessage &message, ProtocolVersion version);

    static PublishHistoryEntry historyEntry(const PublishPacket &packet, qint64 profileId,
                                            ProtocolVersion version, qint64 usedUs);
    static PublishPacket packet(const PublishHistoryEntry &entry);
};

} // namespace mqttdesk
