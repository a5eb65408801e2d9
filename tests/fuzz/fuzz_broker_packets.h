// fuzz_session's broker: each packet it sends is encoded with the codec from fuzz-chosen
// fields, and aimed mostly at what the client has in flight (the ids it uses, the QoS 2
// message awaiting PUBREL, the SUBSCRIBE awaiting SUBACK), so that acks find their flows;
// now and then at an id not in use, or with a count of reason codes that does not match.
#pragma once

#include "core/protocol/codec.h"
#include "fuzz_program.h"

#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace mqttdesk::fuzz {

// The client's state as the harness's model sees it, in id order.
struct BrokerTargets
{
    std::vector<std::pair<quint16, bool>> ids; // outbound ids in use; true for a PUBLISH
    std::optional<quint16> inboundQos2;        // a QoS 2 message delivered, not released
    std::optional<quint16> pendingSubscribe;   // a SUBSCRIBE sent, no SUBACK yet
    std::optional<quint16> pendingUnsubscribe;
    // Filters per SUBSCRIBE / UNSUBSCRIBE id: the harness's own maps, not copies (one
    // BrokerTargets is made per broker packet).
    const std::map<quint16, int> *subscribeSizes = nullptr;
    const std::map<quint16, int> *unsubscribeSizes = nullptr;
};

class BrokerPackets
{
public:
    BrokerPackets(Input &in, ProtocolVersion version, QString authenticationMethod);

    struct Chunked
    {
        QByteArray bytes;
        qsizetype split = 0; // delivered in two reads, cut here (0: in one)
    };
    // The next packet, or nothing when the chosen one cannot be encoded (AUTH before 5.0).
    std::optional<Chunked> next(const BrokerTargets &targets);

private:
    quint16 pickOutboundId(const BrokerTargets &targets, bool publishOnly);
    ReasonCode ackCode();

    Input &m_in;
    ProtocolVersion m_version;
    QString m_authenticationMethod;
    quint16 m_lastInboundId = 1;
};

} // namespace mqttdesk::fuzz
