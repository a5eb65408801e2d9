#pragma once

#include "core/packettrace/packet_trace_record.h"

#include <QHash>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// Links each traced packet to the one it answers, in the order the packets went, and times
// the steps and whole flows (see PacketTraceRecord). It also keeps the in-flight gauge: our
// QoS 1 and 2 PUBLISH packets still waiting for their PUBACK or PUBCOMP, against the
// server's Receive Maximum from the last CONNACK (65535 when absent, 5.0 §3.2.2.3.3; the
// client must not exceed it [MQTT-3.3.4-9]).
//
// Its state is a few entries per packet id in flight, so it keeps up with any flood and
// outlives the records a bounded trace drops.
class PacketLinker
{
public:
    static constexpr int kDefaultReceiveMaximum = 65535;

    // The flow whose first packet got its whole round-trip time from this link.
    struct FlowEnd
    {
        quint64 flowSeq = 0;
        qint64 flowRttUs = -1;
    };

    // Fills record's link fields (answersSeq, flowSeq, stepRttUs, flowRttUs, flowEnd,
    // flowTopic) from record.entry and record.seq; when it ends a flow, that flow.
    std::optional<FlowEnd> link(PacketTraceRecord &record);

    // Our QoS 1/2 messages sent and not yet completed.
    int inFlight() const { return int(m_outbound.size()); }
    int receiveMaximum() const { return m_receiveMaximum; }
    // Forgets every flow in progress and the server's Receive Maximum.
    void reset();
    // Forgets the flows in progress only (packets went by untraced: their answers may
    // never come here); the Receive Maximum stays.
    void forgetFlows();

private:
    // The last packet of a flow in progress and what must come next.
    struct Step
    {
        quint64 seq = 0;
        qint64 timeUs = 0;
        quint64 flowSeq = 0;
        qint64 flowStartUs = 0;
        PacketType expect = PacketType::Puback;
        QString topic; // the flow's
    };

    static Step start(const PacketTraceRecord &record, PacketType expect);
    // record answers `step`: linked and timed; the flow ends here when `ends`.
    static std::optional<FlowEnd> answer(PacketTraceRecord &record, const Step &step, bool ends);
    static void advance(Step &step, const PacketTraceRecord &record, PacketType expect);
    // A PUBLISH flow step (PUBLISH, PUBACK, PUBREC, PUBREL, PUBCOMP) in `flows`.
    std::optional<FlowEnd> linkPublishStep(PacketTraceRecord &record, QHash<quint16, Step> &flows);
    std::optional<FlowEnd> linkAuth(PacketTraceRecord &record);
    std::optional<FlowEnd> linkConnack(PacketTraceRecord &record);
    void onConnect(const PacketTraceRecord &record);

    // By packet id: flows we started (our PUBLISH) and the server started (its PUBLISH).
    QHash<quint16, Step> m_outbound;
    QHash<quint16, Step> m_inbound;
    QHash<quint16, Step> m_subscribe;
    QHash<quint16, Step> m_unsubscribe;
    std::optional<Step> m_ping;
    std::optional<Step> m_connect;     // CONNECT waiting for its CONNACK
    std::optional<Step> m_authSent;    // our CONNECT or AUTH waiting for the server's answer
    std::optional<Step> m_authPending; // the server's AUTH waiting for ours
    int m_receiveMaximum = kDefaultReceiveMaximum;
};

} // namespace mqttdesk
