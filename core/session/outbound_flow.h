#pragma once

#include "core/protocol/packets.h"
#include "core/session/packet_id_allocator.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <deque>
#include <optional>

namespace mqttdesk {

// One outbound QoS 1/2 message sent at least once and not yet completed. `message`
// keeps the full topic (aliases are per connection) and its packet id.
struct OutboundEntry
{
    enum class Stage : quint8
    {
        AwaitPuback,  // QoS 1 sent [MQTT-4.3.2-3]
        AwaitPubrec,  // QoS 2 sent [MQTT-4.3.3-3]
        AwaitPubcomp, // QoS 2 PUBREL sent [MQTT-4.3.3-5]
    };
    quint64 token = 0;
    PublishPacket message;
    Stage stage = Stage::AwaitPuback;
    bool onWire = false; // sent on this connection: counts against the window
};

// A message waiting to be sent for the first time.
struct QueuedMessage
{
    quint64 token = 0;
    PublishPacket message;
};

// The outbound QoS 1/2 flows: packet ids, the in-flight window (the server's Receive
// Maximum, 5.0 §4.9), the queue behind it, the resends of a resumed session and the
// outbound Topic Aliases of the current connection.
class OutboundFlow
{
public:
    explicit OutboundFlow(PacketIdAllocator &ids);

    // A new connection: `window` QoS>0 PUBLISH may be unacknowledged [MQTT-3.3.4-7];
    // `aliasMaximum` > 0 enables outbound aliases up to it [MQTT-3.3.2-9].
    void beginConnection(quint16 window, quint16 aliasMaximum);
    // The connection is gone: nothing is on the wire, the alias map is dropped
    // [MQTT-3.3.2-7].
    void endConnection();

    void enqueue(quint64 token, const PublishPacket &message);
    int queuedCount() const { return int(m_queue.size()); }
    int inFlightCount() const { return int(m_inFlight.size()); }
    const std::deque<QueuedMessage> &queue() const { return m_queue; }

    // What to put on the wire next, in order: PUBRELs of a resumed session (never held
    // back by the window [MQTT-3.3.4-8]), unacknowledged PUBLISH again with DUP=1
    // [MQTT-4.4.0-1, MQTT-4.6.0-1], then queued messages with a fresh id. Nothing when
    // the window is full or no id is free.
    struct Next
    {
        quint64 token = 0;
        Packet packet;
        bool fresh = false;  // a queued message sent for the first time
        bool resend = false; // PUBLISH with DUP=1 or PUBREL of a resumed session
    };
    std::optional<Next> takeNext();

    // The entry behind a packet id, if any.
    const OutboundEntry *find(quint16 packetId) const;

    // PUBACK: the completed entry (id freed, window slot back) or nothing if unknown.
    std::optional<OutboundEntry> onPuback(quint16 packetId);
    // PUBREC < 0x80: the entry moves on to PUBREL [MQTT-4.3.3-4]; >= 0x80 ends it
    // [MQTT-4.4.0-2]. Nothing if unknown.
    std::optional<OutboundEntry> onPubrec(quint16 packetId, bool success);
    std::optional<OutboundEntry> onPubcomp(quint16 packetId);
    // Drops an entry that cannot be sent (e.g. too large for this server).
    std::optional<OutboundEntry> abandon(quint16 packetId);

    // The session was not resumed: every in-flight entry is dropped [MQTT-3.2.2-5].
    QList<OutboundEntry> discardInFlight();
    // The queue, emptied.
    QList<QueuedMessage> takeQueue();

    // The PUBLISH to write for `message` on this connection: topic replaced by an alias
    // once the server knows it, alias set up on first use [MQTT-3.3.2-8, MQTT-3.3.2-9].
    PublishPacket withTopicAlias(const PublishPacket &message);
    bool aliasesEnabled() const { return m_aliasMaximum > 0; }

private:
    std::optional<OutboundEntry> complete(std::deque<OutboundEntry>::iterator it);
    std::deque<OutboundEntry>::iterator findEntry(quint16 packetId);

    PacketIdAllocator &m_ids;
    std::deque<OutboundEntry> m_inFlight; // original send order
    std::deque<QueuedMessage> m_queue;
    int m_window = 65535;
    int m_onWire = 0;
    quint16 m_aliasMaximum = 0;
    QHash<QString, quint16> m_aliases;
};

} // namespace mqttdesk
