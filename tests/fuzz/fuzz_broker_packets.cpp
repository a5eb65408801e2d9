#include "fuzz_broker_packets.h"

#include <iterator>
#include <utility>

namespace mqttdesk::fuzz {

namespace {

int sizeOf(const std::map<quint16, int> *sizes, quint16 id)
{
    if (!sizes)
        return 0;
    const auto it = sizes->find(id);
    return it == sizes->end() ? 0 : it->second;
}

} // namespace

BrokerPackets::BrokerPackets(Input &in, ProtocolVersion version, QString authenticationMethod)
    : m_in(in)
    , m_version(version)
    , m_authenticationMethod(std::move(authenticationMethod))
{}

quint16 BrokerPackets::pickOutboundId(const BrokerTargets &targets, bool publishOnly)
{
    // Mostly an id the client has in use, so that acks find their flow.
    const quint8 choice = m_in.byte();
    if (choice < 200 && !targets.ids.empty()) {
        std::vector<quint16> ids;
        for (const auto &[id, publish] : targets.ids) {
            if (!publishOnly || publish)
                ids.push_back(id);
        }
        if (!ids.empty())
            return ids[choice % ids.size()];
    }
    return quint16(1 + choice % 8);
}

ReasonCode BrokerPackets::ackCode()
{
    static constexpr ReasonCode kCodes[] = {ReasonCode::Success, ReasonCode::NoMatchingSubscribers,
                                            ReasonCode::UnspecifiedError, ReasonCode::QuotaExceeded,
                                            ReasonCode::PacketIdentifierNotFound};
    const quint8 b = m_in.byte();
    return b < 160 ? ReasonCode::Success : kCodes[b % std::size(kCodes)];
}

std::optional<BrokerPackets::Chunked> BrokerPackets::next(const BrokerTargets &targets)
{
    const bool v5 = m_version == ProtocolVersion::V5;
    const quint8 kind = m_in.byte();
    Packet packet;
    switch (kind % 12) {
    case 0: {
        ConnackPacket p;
        const quint8 b = m_in.byte();
        p.sessionPresent = b & 1;
        if (b & 2) {
            static constexpr ReasonCode kRefusals[] = {
                ReasonCode::NotAuthorized, ReasonCode::ServerUnavailable,
                ReasonCode::BadUserNameOrPassword, ReasonCode::ServerBusy};
            p.reasonCode = kRefusals[(b >> 2) % std::size(kRefusals)];
        }
        if (v5) {
            const quint8 f = m_in.byte();
            if (f & 1)
                p.properties.setReceiveMaximum(quint16(1 + m_in.byte() % 4));
            if (f & 2)
                p.properties.setSessionExpiryInterval(m_in.byte() & 1 ? 0 : 300);
            if (f & 4)
                p.properties.setTopicAliasMaximum(m_in.byte() % 4);
            if (f & 8)
                p.properties.setMaximumQoS(m_in.byte() % 2);
            if (f & 16)
                p.properties.setRetainAvailable(0);
            if (f & 32)
                p.properties.setServerKeepAlive(m_in.byte() % 3);
            if (f & 64)
                p.properties.setMaximumPacketSize(32 + m_in.byte());
            if (!m_authenticationMethod.isEmpty() && !(f & 128))
                p.properties.setAuthenticationMethod(m_authenticationMethod);
        }
        packet = p;
        break;
    }
    case 1:
    case 2: {
        PublishPacket p;
        const quint8 b = m_in.byte();
        p.qos = QoS((b & 3) % 3);
        p.retain = b & 4;
        p.dup = b & 8;
        p.topic = topic(b >> 4);
        p.payload = m_in.bytes(8);
        if (p.qos != QoS::AtMostOnce) {
            // A few ids, so that the broker resends and reuses them.
            const quint8 id = m_in.byte();
            p.packetId = id < 128 ? m_lastInboundId : quint16(1 + id % 4);
            m_lastInboundId = p.packetId;
        }
        if (v5 && (b & 0x40)) {
            p.properties.setTopicAlias(quint16(1 + m_in.byte() % 3));
            if (b & 0x80)
                p.topic.clear();
        }
        packet = p;
        break;
    }
    case 3:
        packet =
            PubackPacket{pickOutboundId(targets, true), v5 ? ackCode() : ReasonCode::Success, {}};
        break;
    case 4:
        packet =
            PubrecPacket{pickOutboundId(targets, true), v5 ? ackCode() : ReasonCode::Success, {}};
        break;
    case 5: {
        const quint16 id = targets.inboundQos2 && m_in.byte() < 200 ? *targets.inboundQos2
                                                                    : quint16(1 + m_in.byte() % 4);
        packet = PubrelPacket{id, ReasonCode::Success, {}};
        break;
    }
    case 6:
        packet = PubcompPacket{pickOutboundId(targets, true), ReasonCode::Success, {}};
        break;
    case 7: {
        SubackPacket p;
        p.packetId = !targets.pendingSubscribe || m_in.byte() >= 220
                         ? pickOutboundId(targets, false)
                         : *targets.pendingSubscribe;
        const quint8 b = m_in.byte();
        const int count = b < 230 ? sizeOf(targets.subscribeSizes, p.packetId) : 1 + b % 3;
        for (int i = 0; i < qMax(1, count); ++i)
            p.reasonCodes.append(i % 3 == 2 ? ReasonCode::UnspecifiedError
                                            : ReasonCode(quint8(b % 3)));
        packet = p;
        break;
    }
    case 8: {
        UnsubackPacket p;
        p.packetId = !targets.pendingUnsubscribe || m_in.byte() >= 220
                         ? pickOutboundId(targets, false)
                         : *targets.pendingUnsubscribe;
        if (v5) {
            const quint8 b = m_in.byte();
            const int count = b < 230 ? sizeOf(targets.unsubscribeSizes, p.packetId) : 1 + b % 3;
            for (int i = 0; i < qMax(1, count); ++i)
                p.reasonCodes.append(i == 1 ? ReasonCode::NoSubscriptionExisted
                                            : ReasonCode::Success);
        }
        packet = p;
        break;
    }
    case 9:
        packet = PingrespPacket{};
        break;
    case 10: {
        DisconnectPacket p;
        if (v5 && m_in.flag())
            p.reasonCode = ReasonCode::ServerShuttingDown;
        packet = p;
        break;
    }
    case 11: {
        AuthPacket p;
        const quint8 b = m_in.byte();
        static constexpr ReasonCode kAuthCodes[] = {
            ReasonCode::ContinueAuthentication, ReasonCode::Success, ReasonCode::ReAuthenticate};
        p.reasonCode = kAuthCodes[b % 3];
        p.properties.setAuthenticationMethod(((b & 4) || m_authenticationMethod.isEmpty())
                                                 ? QStringLiteral("X-OTHER")
                                                 : m_authenticationMethod);
        p.properties.setAuthenticationData(m_in.bytes(40));
        packet = p;
        break;
    }
    }
    const EncodeResult encoded = tryEncode(packet, m_version);
    if (!encoded)
        return std::nullopt; // e.g. AUTH before 5.0
    return Chunked{encoded.value(), qsizetype((kind >> 4) & 7)};
}

} // namespace mqttdesk::fuzz
