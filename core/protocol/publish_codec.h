#pragma once

#include "core/protocol/packets.h"
#include "core/protocol/wire_reader.h"
#include "core/protocol/wire_writer.h"

namespace mqttdesk {

// PUBLISH and its acknowledgements (PUBACK, PUBREC, PUBREL, PUBCOMP). Internal.
class PublishCodec
{
public:
    // The fixed header flags of a PUBLISH: DUP, QoS, RETAIN (5.0 §3.3.1).
    static quint8 publishFlags(const PublishPacket &p);
    static void encodePublish(WireWriter &w, const PublishPacket &p, ProtocolVersion version);
    // `storage`, when given, owns the body `r` reads; the payload then takes it over
    // instead of copying (see FrameReader's large frames).
    static bool decodePublish(WireReader &r, quint8 flags, Packet &out,
                              QByteArray *storage = nullptr);

    template<typename Ack>
    static void encodeAck(WireWriter &w, const Ack &p, ProtocolVersion version);
    template<typename Ack>
    static bool decodeAck(WireReader &r, Packet &out);

private:
    static void encodeAckFields(WireWriter &w, quint16 packetId, ReasonCode code,
                                const Properties &properties, ProtocolVersion version);
    static bool decodeAckFields(WireReader &r, quint16 &packetId, ReasonCode &code,
                                Properties &properties);
};

template<typename Ack>
void PublishCodec::encodeAck(WireWriter &w, const Ack &p, ProtocolVersion version)
{
    encodeAckFields(w, p.packetId, p.reasonCode, p.properties, version);
}

template<typename Ack>
bool PublishCodec::decodeAck(WireReader &r, Packet &out)
{
    Ack p;
    if (!decodeAckFields(r, p.packetId, p.reasonCode, p.properties))
        return false;
    out = std::move(p);
    return true;
}

} // namespace mqttdesk
