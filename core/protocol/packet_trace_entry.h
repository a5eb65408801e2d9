#pragma once

#include "core/protocol/packet_type.h"
#include "core/protocol/packets.h"
#include "core/protocol/qos.h"
#include "core/protocol/reason_code.h"

#include <QList>
#include <QString>
#include <QtGlobal>

namespace mqttdesk {

enum class PacketDirection : quint8
{
    Sent,
    Received,
};

// One control packet as the packet inspector lists it: what it is, what it answers by (its
// packet id), how it went (reason codes) and when. Built by the session when
// SessionOptions::tracePackets is on, for every packet sent and received. Nothing is
// formatted here and the payload is not kept (only its size), so that tracing a flood costs
// a few field copies per packet: strings are Qt's shared ones, not copied.
struct PacketTraceEntry
{
    enum Flag : quint8
    {
        Dup = 0x01,            // PUBLISH
        Retain = 0x02,         // PUBLISH
        SessionPresent = 0x04, // CONNACK
        CleanStart = 0x08,     // CONNECT (Clean Session in 3.x)
    };

    qint64 timeMs = 0;       // the session's clock (monotonic milliseconds)
    qint64 timeUs = -1;      // the shell's monotonic clock in microseconds, for RTTs; -1: unset
    qint64 wireSize = 0;     // the whole packet on the wire, fixed header included
    qint64 payloadSize = -1; // PUBLISH: the payload's bytes; -1 for other packets
    // PUBLISH: the topic (empty when only a Topic Alias names it); SUBSCRIBE and
    // UNSUBSCRIBE: the filters, joined by ", ".
    QString topic;
    // CONNECT: the client id sent; CONNACK: the Assigned Client Identifier (5.0), if any.
    QString clientId;
    QString reasonString;          // 5.0 Reason String property, empty when absent
    QList<ReasonCode> reasonCodes; // SUBACK, UNSUBACK (5.0): one per filter, in order
    int propertyCount = 0;         // 5.0 properties of the packet (not of the Will)
    PacketDirection direction = PacketDirection::Sent;
    PacketType type = PacketType::Publish;
    QoS qos = QoS::AtMostOnce; // PUBLISH; SUBSCRIBE: the highest QoS asked for
    quint8 flags = 0;          // Flag bits
    bool hasReasonCode = false;
    ReasonCode reasonCode = ReasonCode::Success; // CONNACK, PUBACK..PUBCOMP, DISCONNECT, AUTH
    quint16 packetId = 0;                        // 0: the packet has none
    quint16 topicAlias = 0;                      // PUBLISH (5.0): its Topic Alias, 0 for none
    // CONNACK (5.0): the server's Receive Maximum; 0 when absent (65535 then applies,
    // 5.0 §3.2.2.3.3).
    quint16 receiveMaximum = 0;

    // The entry of `packet`, `wireSize` bytes on the wire, at `timeMs` of the session clock.
    static PacketTraceEntry of(const Packet &packet, PacketDirection direction, qint64 wireSize,
                               qint64 timeMs);

    bool hasFlag(Flag flag) const { return (flags & flag) != 0; }
    // A reason code of 0x80 or above: the server (or we) refused or failed it.
    bool isFailure() const;
    // The reason codes of the packet: reasonCodes, or the single reasonCode.
    QList<ReasonCode> allReasonCodes() const;
    // The time to compute round trips with: timeUs, else timeMs in microseconds.
    qint64 timestampUs() const { return timeUs >= 0 ? timeUs : timeMs * 1000; }

    bool operator==(const PacketTraceEntry &) const = default;
};

} // namespace mqttdesk
