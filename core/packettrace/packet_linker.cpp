#include "core/packettrace/packet_linker.h"

namespace mqttdesk {

PacketLinker::Step PacketLinker::start(const PacketTraceRecord &record, PacketType expect)
{
    const qint64 t = record.entry.timestampUs();
    return Step{record.seq, t, record.seq, t, expect, record.entry.topic};
}

std::optional<PacketLinker::FlowEnd> PacketLinker::answer(PacketTraceRecord &record,
                                                          const Step &step, bool ends)
{
    const qint64 t = record.entry.timestampUs();
    record.answersSeq = qint64(step.seq);
    record.flowSeq = qint64(step.flowSeq);
    record.flowTopic = step.topic;
    // Stamps of one clock; a shell without one (-1) gives the session's milliseconds.
    record.stepRttUs = qMax(qint64(0), t - step.timeUs);
    if (!ends)
        return std::nullopt;
    record.flowEnd = true;
    record.flowRttUs = qMax(qint64(0), t - step.flowStartUs);
    return FlowEnd{step.flowSeq, record.flowRttUs};
}

void PacketLinker::advance(Step &step, const PacketTraceRecord &record, PacketType expect)
{
    step.seq = record.seq;
    step.timeUs = record.entry.timestampUs();
    step.expect = expect;
}

std::optional<PacketLinker::FlowEnd> PacketLinker::link(PacketTraceRecord &record)
{
    const PacketTraceEntry &e = record.entry;
    const bool sent = e.direction == PacketDirection::Sent;
    const auto begin = [&record](PacketType expect) {
        record.flowSeq = qint64(record.seq);
        record.flowTopic = record.entry.topic;
        return start(record, expect);
    };
    switch (e.type) {
    case PacketType::Connect:
        if (sent) {
            record.flowSeq = qint64(record.seq);
            onConnect(record);
        }
        return std::nullopt;
    case PacketType::Connack:
        return sent ? std::nullopt : linkConnack(record);
    case PacketType::Auth:
        return linkAuth(record);
    case PacketType::Publish:
        if (e.qos == QoS::AtMostOnce)
            return std::nullopt;
        return linkPublishStep(record, sent ? m_outbound : m_inbound);
    case PacketType::Puback:
    case PacketType::Pubrec:
    case PacketType::Pubcomp:
        // The receiver of the PUBLISH answers with these.
        return linkPublishStep(record, sent ? m_inbound : m_outbound);
    case PacketType::Pubrel:
        // ... and the sender of the PUBLISH releases it.
        return linkPublishStep(record, sent ? m_outbound : m_inbound);
    case PacketType::Subscribe:
        if (sent)
            m_subscribe.insert(e.packetId, begin(PacketType::Suback));
        return std::nullopt;
    case PacketType::Unsubscribe:
        if (sent)
            m_unsubscribe.insert(e.packetId, begin(PacketType::Unsuback));
        return std::nullopt;
    case PacketType::Suback:
    case PacketType::Unsuback: {
        QHash<quint16, Step> &flows = e.type == PacketType::Suback ? m_subscribe : m_unsubscribe;
        const auto it = flows.constFind(e.packetId);
        if (sent || it == flows.cend())
            return std::nullopt;
        const Step step = *it;
        flows.erase(it);
        return answer(record, step, true);
    }
    case PacketType::Pingreq:
        if (sent)
            m_ping = begin(PacketType::Pingresp);
        return std::nullopt;
    case PacketType::Pingresp: {
        if (sent || !m_ping)
            return std::nullopt;
        const Step step = *m_ping;
        m_ping.reset();
        return answer(record, step, true);
    }
    case PacketType::Disconnect:
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<PacketLinker::FlowEnd> PacketLinker::linkPublishStep(PacketTraceRecord &record,
                                                                   QHash<quint16, Step> &flows)
{
    const PacketTraceEntry &e = record.entry;
    const auto it = flows.find(e.packetId);
    if (e.type == PacketType::Publish) {
        const PacketType expect =
            e.qos == QoS::AtLeastOnce ? PacketType::Puback : PacketType::Pubrec;
        if (it != flows.end() && e.hasFlag(PacketTraceEntry::Dup)) {
            // Sent again (a reconnect): the same flow, its answer now due to this copy.
            record.flowSeq = qint64(it->flowSeq);
            record.flowTopic = it->topic;
            advance(*it, record, expect);
            return std::nullopt;
        }
        record.flowSeq = qint64(record.seq);
        record.flowTopic = e.topic;
        flows.insert(e.packetId, start(record, expect));
        return std::nullopt;
    }
    if (it == flows.end())
        return std::nullopt;
    if (e.type == PacketType::Pubrel && it->expect == PacketType::Pubcomp) {
        // A PUBREL sent again after a reconnect [MQTT-4.4.0-1]: the PUBCOMP answers it.
        record.flowSeq = qint64(it->flowSeq);
        record.flowTopic = it->topic;
        advance(*it, record, PacketType::Pubcomp);
        return std::nullopt;
    }
    if (e.type != it->expect)
        return std::nullopt;
    switch (e.type) {
    case PacketType::Pubrec:
        // A PUBREC of 0x80 or more ends the QoS 2 flow: no PUBREL follows (5.0 §4.3.3).
        if (!e.isFailure()) {
            const std::optional<FlowEnd> none = answer(record, *it, false);
            advance(*it, record, PacketType::Pubrel);
            return none;
        }
        break;
    case PacketType::Pubrel:
        answer(record, *it, false);
        advance(*it, record, PacketType::Pubcomp);
        return std::nullopt;
    default: // PUBACK, PUBCOMP
        break;
    }
    const Step step = *it;
    flows.erase(it);
    return answer(record, step, true);
}

void PacketLinker::onConnect(const PacketTraceRecord &record)
{
    // A new connection: what waited for an answer on the last one gets none.
    m_ping.reset();
    m_subscribe.clear();
    m_unsubscribe.clear();
    m_authPending.reset();
    // Without a session, nothing of the old one is sent again [MQTT-3.1.2-4].
    if (record.entry.hasFlag(PacketTraceEntry::CleanStart)) {
        m_outbound.clear();
        m_inbound.clear();
    }
    m_connect = start(record, PacketType::Connack);
    m_authSent = m_connect;
}

std::optional<PacketLinker::FlowEnd> PacketLinker::linkConnack(PacketTraceRecord &record)
{
    const quint16 serverMaximum = record.entry.receiveMaximum;
    m_receiveMaximum = serverMaximum > 0 ? serverMaximum : kDefaultReceiveMaximum;
    if (!m_connect)
        return std::nullopt;
    // The CONNACK answers the last packet we sent (the CONNECT, or our last AUTH of an
    // enhanced authentication); the flow began with the CONNECT.
    const Step last = m_authSent.value_or(*m_connect);
    m_connect.reset();
    m_authSent.reset();
    m_authPending.reset();
    return answer(record, last, true);
}

std::optional<PacketLinker::FlowEnd> PacketLinker::linkAuth(PacketTraceRecord &record)
{
    const PacketTraceEntry &e = record.entry;
    if (e.direction == PacketDirection::Received) {
        if (!m_authSent) {
            // Not an answer to anything we sent: the start of an exchange.
            record.flowSeq = qint64(record.seq);
            m_authPending = start(record, PacketType::Auth);
            return std::nullopt;
        }
        Step step = *m_authSent;
        m_authSent.reset();
        // A re-authentication ends with the server's AUTH Success; while connecting, the
        // CONNACK ends it.
        const bool ends = !m_connect && e.reasonCode == ReasonCode::Success;
        const std::optional<FlowEnd> end = answer(record, step, ends);
        if (!ends) {
            advance(step, record, PacketType::Auth);
            m_authPending = step;
        }
        return end;
    }
    const PacketType next = m_connect ? PacketType::Connack : PacketType::Auth;
    if (m_authPending) {
        Step step = *m_authPending;
        m_authPending.reset();
        answer(record, step, false);
        advance(step, record, next);
        m_authSent = step;
        return std::nullopt;
    }
    // Our AUTH 0x19 Re-authenticate: a new exchange.
    record.flowSeq = qint64(record.seq);
    m_authSent = start(record, next);
    return std::nullopt;
}

void PacketLinker::reset()
{
    forgetFlows();
    m_receiveMaximum = kDefaultReceiveMaximum;
}

void PacketLinker::forgetFlows()
{
    m_outbound.clear();
    m_inbound.clear();
    m_subscribe.clear();
    m_unsubscribe.clear();
    m_ping.reset();
    m_connect.reset();
    m_authSent.reset();
    m_authPending.reset();
}

} // namespace mqttdesk
