#pragma once

#include "core/protocol/packet_trace_entry.h"

#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// A traced packet as PacketTrace keeps it: the entry, its number in the trace, and how it
// links to the packets around it. A flow is a request and its answers: PUBLISH QoS 1 and
// PUBACK; PUBLISH QoS 2, PUBREC, PUBREL and PUBCOMP; SUBSCRIBE and SUBACK; UNSUBSCRIBE and
// UNSUBACK; PINGREQ and PINGRESP; CONNECT (with any AUTH exchange) and CONNACK; a
// re-authentication's AUTH packets. Either side may start one (the server's QoS 2 PUBLISH
// and our PUBREC, its PUBREL and our PUBCOMP).
struct PacketTraceRecord
{
    PacketTraceEntry entry;
    quint64 seq = 0; // 0, 1, 2, ... in the order the packets went, across the ring's drops
    // The packet this one answers (the previous step of its flow), -1 for none.
    qint64 answersSeq = -1;
    // The first packet of this one's flow (its own seq for the first), -1 for none.
    qint64 flowSeq = -1;
    // Microseconds since the packet it answers: the server's (or our) time to answer.
    qint64 stepRttUs = -1;
    // Microseconds from the flow's first packet to its last, once the flow ended: set on the
    // first packet and on the last.
    qint64 flowRttUs = -1;
    bool flowEnd = false; // this packet ends its flow
    // The topic (or filters) of the flow's first packet: an acknowledgement's topic.
    QString flowTopic;

    bool operator==(const PacketTraceRecord &) const = default;
};

} // namespace mqttdesk
