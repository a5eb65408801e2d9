// libFuzzer target over the sans-I/O session: the input is a program of events, run against a
// shell model, with the session's promises checked after every step.
//
// Input: bytes 0..3 choose the options (version, clean start, Receive Maximum, in-flight
// cap, keep alive, session expiry, authentication, store before acknowledging, offline
// queue, reconnect), bytes 4..5 seed the session's randomness, then each step takes an opcode byte
// and its operands: bytes from the broker (a packet encoded with the codec from fuzz-chosen fields,
// split in two chunks or not, or raw bytes), user requests (connect, publish QoS 0/1/2, subscribe,
// unsubscribe, disconnect, ping, AUTH), the transport opening, failing or answering a
// CloseTransport, timers firing, time passing, storage reporting. At most kMaxSteps steps, then a
// user disconnect with every close answered.
//
// The shell model keeps the session's contract: one transport at a time, every
// CloseTransport answered once, timers fired only while running, at their deadline.
//
// Checked after every step (abort() on failure), from the packets the session sends
// (decoded with the codec: each must decode) and the packets it reports receiving
// (tracePackets), so that the checks follow the wire, not the session's bookkeeping:
// - a new PUBLISH (QoS > 0, DUP 0), SUBSCRIBE or UNSUBSCRIBE never takes a packet id still
//   in use [MQTT-2.2.1-3]. An id is in use from its packet until its ack is processed
//   (PUBACK, PUBREC >= 0x80 or PUBCOMP, SUBACK, UNSUBACK), the session state holding it
//   ends (Clean Start, Session Present 0, an expired session), the connection ends
//   (SUBSCRIBE, UNSUBSCRIBE), or the session reports the message final. Every release is
//   made as early as the session may make it, so a report is never the model's lag;
// - QoS > 0 PUBLISH sent on the connection and not acknowledged on it never exceed the
//   server's Receive Maximum (CONNACK; 65,535 when absent) [MQTT-4.9.0-2], nor our own
//   maximumInFlight (SessionOptions: "the effective window is min(this, server's ...)");
// - an inbound QoS 2 PUBLISH is delivered at most once until its PUBREL [MQTT-4.3.3-10]
//   (the session forgets it, and may deliver it again, when the session state ends or
//   storage refused it: MessagesStored);
// - every request (publish, subscribe, unsubscribe, ping) gets no result after its final
//   one, and none for a request never made;
// - OpenTransport only when no transport is open or opening.
// At the end, after DisconnectRequested and every CloseTransport answered: the state is
// Disconnected; every subscribe, unsubscribe and ping request has its result (the session
// fails what is waiting or pending when the user disconnects); no subscription is active
// (forgotten on a user disconnect); and the publishes without a final outcome are exactly
// the ones the session keeps for the next connection, inFlightCount() + queuedCount()
// (session.h: "The session state ... lives as long as this object, across reconnects";
// the offline queue is sent on the next connect), with nothing in flight when the session
// state did not outlive the connection [MQTT-3.1.2-23].

#include "core/protocol/codec.h"
#include "core/protocol/overloaded.h"
#include "core/session/session.h"
#include "fuzz_broker_packets.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <vector>

using namespace mqttdesk;
using fuzz::BrokerPackets;
using fuzz::BrokerTargets;
using fuzz::Input;
using fuzz::kFilters;
using fuzz::topic;

namespace {

constexpr int kMaxSteps = 2000;

bool trace()
{
    static const bool on = qEnvironmentVariableIntValue("MQTTDESK_FUZZ_TRACE") != 0;
    return on;
}

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "fuzz_session: check failed at line %d: %s\n", __LINE__,          \
                         #condition);                                                              \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

enum class IdKind : quint8
{
    Publish1,
    Publish2,
    Subscribe,
    Unsubscribe,
};

struct OutboundId
{
    IdKind kind = IdKind::Publish1;
    bool thisConnection = false; // sent on the current connection (counts against the quota)
};

enum class Request : quint8
{
    Publish,
    Subscribe,
    Unsubscribe,
    Ping,
};

struct RequestState
{
    Request kind = Request::Publish;
    bool final = false;
};

enum class Link : quint8
{
    None,
    Opening,
    Open,
};

class Harness
{
public:
    Harness(Input &in, SessionOptions options)
        : m_in(in)
        , m_options(options)
        , m_session(options, in.u16())
        , m_broker(in, options.version, options.authenticationMethod)
    {}

    void run();

private:
    // Shell.
    void handle(const SessionEvent &event);
    void carryOut(const SessionActions &actions);
    void advance(qint64 ms);
    void fireTimer(SessionTimer timer);
    void answerCloses();
    void step();
    void finish();

    // Broker.
    void receivePacket();
    void receive(const QByteArray &bytes, qsizetype split = 0);

    // The model, fed in action order.
    void onSent(const QByteArray &bytes);
    void onReceived(const PacketTraceEntry &entry);
    void onDelivered(const DeliverMessage &message);
    void result(quint64 token, Request kind, bool final);
    void connectionEnded();
    void sessionStateEnded();
    void releaseId(quint16 id);
    void checkQuota() const;

    Input &m_in;
    SessionOptions m_options;
    Session m_session;
    BrokerPackets m_broker;

    // Shell.
    qint64 m_now = 0;
    Link m_link = Link::None;
    int m_closesPending = 0; // CloseTransport not answered yet
    std::map<SessionTimer, qint64> m_timers;
    std::set<quint16> m_pendingSubscribes; // SUBSCRIBE ids sent, for SUBACKs the broker sends
    std::set<quint16> m_pendingUnsubscribes;
    std::map<quint16, int> m_subscribeSizes;   // filters per SUBSCRIBE id
    std::map<quint16, int> m_unsubscribeSizes; // filters per UNSUBSCRIBE id
    quint64 m_lastSequence = 0;
    quint64 m_nextToken = 1;

    // Model.
    std::map<quint16, OutboundId> m_ids;
    std::set<quint16> m_inboundQos2; // delivered and not released
    std::map<quint64, quint16> m_qos2BySequence;
    std::map<quint64, RequestState> m_requests;
    bool m_connected = false; // CONNACK accepted on the current connection
    quint32 m_serverReceiveMaximum = 65535;
    // Whether the session state outlives the connection: CleanSession 0 in 3.x, a Session
    // Expiry Interval > 0 in 5.0 (CONNACK's, else CONNECT's; a DISCONNECT may change it).
    bool m_sentCleanStart = true;
    quint32 m_connectExpiry = 0;
    std::optional<quint32> m_connackExpiry;
    std::optional<quint32> m_disconnectExpiry;
    bool m_persists = false;
};

// ---- shell ----------------------------------------------------------------------------

void Harness::handle(const SessionEvent &event)
{
    const SessionActions actions = m_session.handle(event, m_now);
    if (trace()) {
        // MQTTDESK_FUZZ_TRACE=1: events and actions by variant index, and the log lines.
        std::fprintf(stderr, "t=%lld event %zu:", static_cast<long long>(m_now), event.index());
        for (const SessionAction &action : actions) {
            if (const auto *line = std::get_if<LogLine>(&action))
                std::fprintf(stderr, " [%s]", qPrintable(line->text));
            else
                std::fprintf(stderr, " %zu", action.index());
        }
        std::fprintf(stderr, "\n");
    }
    carryOut(actions);
}

void Harness::carryOut(const SessionActions &actions)
{
    for (const SessionAction &action : actions) {
        std::visit(
            Overloaded{
                [this](const OpenTransport &) {
                    FUZZ_CHECK(m_link == Link::None); // one transport at a time
                    m_link = Link::Opening;
                },
                [this](const SendBytes &send) {
                    FUZZ_CHECK(m_link == Link::Open);
                    onSent(send.bytes);
                },
                [this](const CloseTransport &) {
                    FUZZ_CHECK(m_link != Link::None);
                    m_link = Link::None;
                    ++m_closesPending;
                    connectionEnded();
                },
                [this](const DeliverMessage &message) { onDelivered(message); },
                [this](const PublishOutcome &outcome) {
                    result(outcome.token, Request::Publish, outcome.isFinal());
                    if (outcome.isFinal() && outcome.packetId != 0)
                        releaseId(outcome.packetId);
                },
                [this](const SubscribeResult &r) {
                    if (!r.resubscribe)
                        result(r.token, Request::Subscribe, true);
                },
                [this](const UnsubscribeResult &r) { result(r.token, Request::Unsubscribe, true); },
                [this](const PingOutcome &r) { result(r.token, Request::Ping, true); },
                [this](const Connected &c) {
                    m_connected = true;
                    m_connackExpiry = c.info.sessionExpiryInterval;
                    m_persists = m_options.version == ProtocolVersion::V5
                                     ? m_connackExpiry.value_or(m_connectExpiry) > 0
                                     : !m_sentCleanStart;
                },
                [this](const StartTimer &t) { m_timers[t.timer] = m_now + t.durationMs; },
                [this](const StopTimer &t) { m_timers.erase(t.timer); },
                [this](const PacketTraced &t) {
                    if (t.entry.direction == PacketDirection::Received)
                        onReceived(t.entry);
                },
                [](const auto &) {},
            },
            action);
        checkQuota();
    }
}

void Harness::advance(qint64 ms)
{
    const qint64 until = m_now + ms;
    for (;;) {
        auto due = m_timers.end();
        for (auto it = m_timers.begin(); it != m_timers.end(); ++it) {
            if (it->second <= until && (due == m_timers.end() || it->second < due->second))
                due = it;
        }
        if (due == m_timers.end())
            break;
        m_now = qMax(m_now, due->second);
        fireTimer(due->first);
    }
    m_now = until;
}

void Harness::fireTimer(SessionTimer timer)
{
    m_timers.erase(timer);
    handle(TimerFired{timer});
}

void Harness::answerCloses()
{
    while (m_closesPending > 0) {
        --m_closesPending;
        handle(TransportClosed{});
    }
}

// ---- broker ---------------------------------------------------------------------------

void Harness::receive(const QByteArray &bytes, qsizetype split)
{
    if (split > 0 && split < bytes.size()) {
        handle(BytesReceived{QByteArrayView(bytes).first(split)});
        handle(BytesReceived{QByteArrayView(bytes).sliced(split)});
    } else {
        handle(BytesReceived{bytes});
    }
}

void Harness::receivePacket()
{
    BrokerTargets targets;
    for (const auto &[id, entry] : m_ids)
        targets.ids.emplace_back(id,
                                 entry.kind == IdKind::Publish1 || entry.kind == IdKind::Publish2);
    if (!m_inboundQos2.empty())
        targets.inboundQos2 = *m_inboundQos2.begin();
    if (!m_pendingSubscribes.empty())
        targets.pendingSubscribe = *m_pendingSubscribes.begin();
    if (!m_pendingUnsubscribes.empty())
        targets.pendingUnsubscribe = *m_pendingUnsubscribes.begin();
    targets.subscribeSizes = &m_subscribeSizes;
    targets.unsubscribeSizes = &m_unsubscribeSizes;
    if (const std::optional<BrokerPackets::Chunked> packet = m_broker.next(targets))
        receive(packet->bytes, packet->split);
}

// ---- the model ------------------------------------------------------------------------

void Harness::releaseId(quint16 id)
{
    m_ids.erase(id);
    m_pendingSubscribes.erase(id);
    m_pendingUnsubscribes.erase(id);
}

void Harness::checkQuota() const
{
    int onWire = 0;
    for (const auto &[id, entry] : m_ids) {
        if (entry.thisConnection &&
            (entry.kind == IdKind::Publish1 || entry.kind == IdKind::Publish2))
            ++onWire;
    }
    FUZZ_CHECK(onWire <= int(m_serverReceiveMaximum)); // [MQTT-4.9.0-2]
    FUZZ_CHECK(onWire <= qMax(1, int(m_options.maximumInFlight)));
}

void Harness::onSent(const QByteArray &bytes)
{
    // What the session sends must decode [MQTT-1.5.4-1 ...], one whole packet.
    QByteArrayView view(bytes);
    FUZZ_CHECK(view.size() >= 2);
    qsizetype length = 0;
    int shift = 0;
    qsizetype at = 1;
    for (;; ++at) {
        FUZZ_CHECK(at < view.size() && at <= 4);
        length |= qsizetype(quint8(view[at]) & 0x7F) << shift;
        shift += 7;
        if (!(quint8(view[at]) & 0x80))
            break;
    }
    FUZZ_CHECK(view.size() == at + 1 + length);
    const DecodeResult decoded = decode(quint8(view[0]), view.sliced(at + 1), m_options.version);
    if (!decoded.ok()) {
        std::fprintf(stderr, "fuzz_session: sent an undecodable packet: %s\n",
                     qPrintable(decoded.error().message()));
        std::abort();
    }
    std::visit(Overloaded{
                   [this](const ConnectPacket &p) {
                       // A new connection: its quota starts at Receive Maximum (5.0 §4.9).
                       m_serverReceiveMaximum = 65535;
                       for (auto &[id, entry] : m_ids)
                           entry.thisConnection = false;
                       m_sentCleanStart = p.cleanStart;
                       m_connectExpiry = p.properties.sessionExpiryInterval().value_or(0);
                       m_connackExpiry.reset();
                       m_disconnectExpiry.reset();
                       if (p.cleanStart) {
                           sessionStateEnded(); // [MQTT-3.1.2-4]
                           m_persists = false;
                       }
                   },
                   [this](const PublishPacket &p) {
                       if (p.qos == QoS::AtMostOnce)
                           return;
                       const IdKind kind =
                           p.qos == QoS::AtLeastOnce ? IdKind::Publish1 : IdKind::Publish2;
                       // A resend (DUP 1) keeps its id, which no other flow may have.
                       const auto it = m_ids.find(p.packetId);
                       if (it != m_ids.end() && (!p.dup || it->second.kind != kind)) {
                           std::fprintf(stderr, "fuzz_session: PUBLISH reuses id %d\n", p.packetId);
                           std::abort(); // [MQTT-2.2.1-3]
                       }
                       m_ids[p.packetId] = OutboundId{kind, true};
                   },
                   [this](const SubscribePacket &p) {
                       FUZZ_CHECK(!m_ids.count(p.packetId)); // [MQTT-2.2.1-3]
                       m_ids[p.packetId] = OutboundId{IdKind::Subscribe, false};
                       m_pendingSubscribes.insert(p.packetId);
                       m_subscribeSizes[p.packetId] = int(p.subscriptions.size());
                   },
                   [this](const UnsubscribePacket &p) {
                       FUZZ_CHECK(!m_ids.count(p.packetId)); // [MQTT-2.2.1-3]
                       m_ids[p.packetId] = OutboundId{IdKind::Unsubscribe, false};
                       m_pendingUnsubscribes.insert(p.packetId);
                       m_unsubscribeSizes[p.packetId] = int(p.filters.size());
                   },
                   [this](const DisconnectPacket &p) {
                       if (const std::optional<quint32> e = p.properties.sessionExpiryInterval())
                           m_disconnectExpiry = *e;
                   },
                   [](const auto &) {},
               },
               decoded.value());
}

void Harness::onReceived(const PacketTraceEntry &entry)
{
    if (entry.type == PacketType::Connack) {
        // A second CONNACK closes the connection [MQTT-3.2.0-2]; a refusal too.
        if (m_connected || entry.reasonCode != ReasonCode::Success)
            return;
        m_serverReceiveMaximum = entry.receiveMaximum == 0 ? 65535 : entry.receiveMaximum;
        // 3.1 has no Session Present flag: the server keeps what CleanSession 0 asked for.
        if (m_options.version != ProtocolVersion::V31 &&
            !entry.hasFlag(PacketTraceEntry::SessionPresent))
            sessionStateEnded(); // [MQTT-3.2.2-5]
        return;
    }
    if (!m_connected)
        return; // before CONNACK the session closes instead [MQTT-3.2.0-1]
    const auto it = m_ids.find(entry.packetId);
    const bool known = it != m_ids.end();
    switch (entry.type) {
    case PacketType::Puback:
        if (known && it->second.kind == IdKind::Publish1)
            releaseId(entry.packetId);
        break;
    case PacketType::Pubrec:
        if (known && it->second.kind == IdKind::Publish2 && entry.isFailure())
            releaseId(entry.packetId); // [MQTT-4.3.3-4, MQTT-4.9.0-2]
        break;
    case PacketType::Pubcomp:
        if (known && it->second.kind == IdKind::Publish2)
            releaseId(entry.packetId);
        break;
    case PacketType::Suback:
        if (known && it->second.kind == IdKind::Subscribe)
            releaseId(entry.packetId);
        break;
    case PacketType::Unsuback:
        if (known && it->second.kind == IdKind::Unsubscribe)
            releaseId(entry.packetId);
        break;
    case PacketType::Pubrel:
        m_inboundQos2.erase(entry.packetId);
        break;
    default:
        break;
    }
}

void Harness::onDelivered(const DeliverMessage &message)
{
    m_lastSequence = message.sequence;
    if (message.message.qos != QoS::ExactlyOnce)
        return;
    const quint16 id = message.message.packetId;
    if (m_inboundQos2.count(id)) {
        std::fprintf(stderr, "fuzz_session: QoS 2 PUBLISH id %d delivered twice\n", id);
        std::abort(); // [MQTT-4.3.3-10]
    }
    m_inboundQos2.insert(id);
    m_qos2BySequence[message.sequence] = id;
}

void Harness::result(quint64 token, Request kind, bool final)
{
    const auto it = m_requests.find(token);
    if (it == m_requests.end()) {
        std::fprintf(stderr, "fuzz_session: a result for token %llu never requested\n",
                     static_cast<unsigned long long>(token));
        std::abort();
    }
    FUZZ_CHECK(it->second.kind == kind);
    if (it->second.final) {
        std::fprintf(stderr, "fuzz_session: a second result for token %llu after its final one\n",
                     static_cast<unsigned long long>(token));
        std::abort();
    }
    it->second.final = final;
}

void Harness::connectionEnded()
{
    m_connected = false;
    m_serverReceiveMaximum = 65535;
    for (auto it = m_ids.begin(); it != m_ids.end();) {
        it->second.thisConnection = false;
        // SUBSCRIBE and UNSUBSCRIBE are not session state: their requests fail.
        if (it->second.kind == IdKind::Subscribe || it->second.kind == IdKind::Unsubscribe) {
            m_pendingSubscribes.erase(it->first);
            m_pendingUnsubscribes.erase(it->first);
            it = m_ids.erase(it);
        } else {
            ++it;
        }
    }
    if (m_disconnectExpiry && m_options.version == ProtocolVersion::V5)
        m_persists = *m_disconnectExpiry > 0;
    if (!m_persists)
        sessionStateEnded(); // [MQTT-3.1.2-23]
}

void Harness::sessionStateEnded()
{
    for (auto it = m_ids.begin(); it != m_ids.end();) {
        if (it->second.kind == IdKind::Publish1 || it->second.kind == IdKind::Publish2)
            it = m_ids.erase(it);
        else
            ++it;
    }
    m_inboundQos2.clear();
    m_qos2BySequence.clear();
}

// ---- the program ----------------------------------------------------------------------

void Harness::step()
{
    const quint8 op = m_in.byte();
    switch (op % 20) {
    case 0:
        handle(ConnectRequested{});
        break;
    case 1:
        if (m_link == Link::Opening) {
            m_link = Link::Open;
            handle(TransportOpened{});
        }
        break;
    case 2:
        // The transport fails or the server closes it (contract: earlier closes answered).
        answerCloses();
        if (m_link != Link::None) {
            m_link = Link::None;
            const quint8 b = m_in.byte();
            connectionEnded();
            handle(TransportClosed{QStringLiteral("reset"), true, (b & 7) == 0});
        }
        break;
    case 3:
        answerCloses();
        break;
    case 4:
    case 5:
    case 6:
    case 7:
    case 8:
        receivePacket();
        break;
    case 9:
        receive(m_in.bytes(24));
        break;
    case 10:
    case 11: {
        PublishRequested request;
        request.token = m_nextToken++;
        const quint8 b = m_in.byte();
        request.message.topic = topic(b);
        request.message.qos = QoS(((b >> 2) % 3));
        request.message.retain = b & 0x10;
        request.message.payload = m_in.bytes(8);
        m_requests[request.token] = RequestState{Request::Publish, false};
        handle(request);
        break;
    }
    case 12: {
        SubscribeRequested request;
        request.token = m_nextToken++;
        const quint8 b = m_in.byte();
        for (int i = 0; i <= b % 3; ++i) {
            Subscription s;
            s.filter = QString::fromLatin1(kFilters[(b + 3 * i + (b >> 4)) % std::size(kFilters)]);
            s.options.qos = QoS((b >> (2 + i)) % 3);
            request.subscriptions.append(s);
        }
        if (m_options.version == ProtocolVersion::V5 && (b & 0x80))
            request.subscriptionIdentifier = 1 + b % 5;
        m_requests[request.token] = RequestState{Request::Subscribe, false};
        handle(request);
        break;
    }
    case 13: {
        UnsubscribeRequested request;
        request.token = m_nextToken++;
        const quint8 b = m_in.byte();
        for (int i = 0; i <= b % 2; ++i)
            request.filters.append(QString::fromLatin1(kFilters[(b >> 2) % std::size(kFilters)]));
        m_requests[request.token] = RequestState{Request::Unsubscribe, false};
        handle(request);
        break;
    }
    case 14: {
        DisconnectRequested request;
        const quint8 b = m_in.byte();
        if (m_options.version == ProtocolVersion::V5 && (b & 1))
            request.properties.setSessionExpiryInterval(b & 2 ? 0 : 120);
        handle(request);
        break;
    }
    case 15:
        advance(m_in.u16());
        break;
    case 16: {
        // Up to the next deadline: that timer fires.
        qint64 next = -1;
        for (const auto &[timer, deadline] : m_timers)
            next = next < 0 ? deadline : qMin(next, deadline);
        if (next >= 0)
            advance(qMax<qint64>(0, next - m_now));
        break;
    }
    case 17: {
        const quint64 token = m_nextToken++;
        m_requests[token] = RequestState{Request::Ping, false};
        handle(PingRequested{token});
        break;
    }
    case 18: {
        // Storage reports: through the last delivery or one before it, maybe refusing one.
        MessagesStored stored;
        const quint8 b = m_in.byte();
        stored.throughSequence = m_lastSequence - qMin<quint64>(m_lastSequence, b % 3);
        if ((b & 8) && m_lastSequence > 0) {
            stored.refused.append(m_lastSequence - (b >> 4) % qMin<quint64>(m_lastSequence, 4));
            // A refused QoS 2 message is forgotten: the server's resend is delivered again.
            if (const auto it = m_qos2BySequence.find(stored.refused.first());
                it != m_qos2BySequence.end())
                m_inboundQos2.erase(it->second);
        }
        handle(stored);
        break;
    }
    case 19: {
        AuthContinueRequested request;
        const quint8 b = m_in.byte();
        request.reasonCode =
            b & 1 ? ReasonCode::ReAuthenticate : ReasonCode::ContinueAuthentication;
        request.authenticationData = m_in.bytes(16);
        handle(request);
        break;
    }
    }
}

void Harness::finish()
{
    handle(DisconnectRequested{});
    answerCloses();
    FUZZ_CHECK(m_link == Link::None);
    FUZZ_CHECK(m_session.state() == SessionState::Disconnected);
    int pendingPublishes = 0;
    for (const auto &[token, request] : m_requests) {
        if (request.final)
            continue;
        if (request.kind != Request::Publish) {
            std::fprintf(stderr, "fuzz_session: request %llu (kind %d) never answered\n",
                         static_cast<unsigned long long>(token), int(request.kind));
            std::abort();
        }
        ++pendingPublishes;
    }
    FUZZ_CHECK(pendingPublishes == m_session.inFlightCount() + m_session.queuedCount());
    if (!m_persists)
        FUZZ_CHECK(m_session.inFlightCount() == 0);
    FUZZ_CHECK(m_session.activeSubscriptions().isEmpty());
}

void Harness::run()
{
    for (int i = 0; i < kMaxSteps && !m_in.atEnd(); ++i)
        step();
    finish();
}

SessionOptions optionsFrom(Input &in)
{
    SessionOptions o;
    static constexpr ProtocolVersion kVersions[] = {ProtocolVersion::V31, ProtocolVersion::V311,
                                                    ProtocolVersion::V5, ProtocolVersion::V5};
    const quint8 b0 = in.byte();
    o.version = kVersions[b0 & 3];
    o.cleanStart = b0 & 4;
    o.acknowledgeAfterStore = b0 & 8;
    o.outboundTopicAliases = b0 & 16;
    o.adoptServerSession = b0 & 32;
    o.logPackets = b0 & 64;
    o.reconnect.enabled = b0 & 128;
    o.reconnect.initialDelayMs = 100;
    o.reconnect.maximumDelayMs = 2000;
    o.tracePackets = true; // the model reads what the session received
    o.clientId =
        o.version == ProtocolVersion::V31 || !(b0 & 4) ? QStringLiteral("fuzz") : QString();

    const quint8 b1 = in.byte();
    if (b1 & 7)
        o.receiveMaximum = quint16(b1 & 7);
    o.maximumInFlight = (b1 & 0x80) ? 65535 : quint16(1 + ((b1 >> 3) & 7));
    if (b1 & 0x40)
        o.topicAliasMaximum = 2;

    const quint8 b2 = in.byte();
    static constexpr quint16 kKeepAlive[] = {0, 1, 5, 60};
    o.keepAliveSeconds = kKeepAlive[b2 % 4];
    switch ((b2 >> 2) % 4) {
    case 0:
        break;
    case 1:
        o.sessionExpiryInterval = 0;
        break;
    case 2:
        o.sessionExpiryInterval = 600;
        break;
    case 3:
        o.sessionExpiryInterval = 0xFFFFFFFF;
        break;
    }
    static constexpr int kQueue[] = {1000, 0, 2, 5};
    o.offlineQueueLimit = kQueue[(b2 >> 4) % 4];
    o.connectTimeoutMs = (b2 & 0x40) ? 0 : 5000;
    o.reconnect.retryFirstConnect = b2 & 0x80;

    const quint8 b3 = in.byte();
    if (o.version == ProtocolVersion::V5) {
        switch (b3 % 4) {
        case 1:
            o.authenticationMethod = QStringLiteral("SCRAM-SHA-256");
            break;
        case 2:
            o.authenticationMethod = QStringLiteral("X-TOKEN");
            o.authenticationData = QByteArrayLiteral("token");
            break;
        default:
            break;
        }
    }
    if (b3 & 4) {
        o.username = QStringLiteral("user");
        o.password = QByteArrayLiteral("pencil");
    }
    if (b3 & 8) {
        Will will;
        will.topic = QStringLiteral("will/t");
        will.payload = QByteArrayLiteral("gone");
        will.qos = QoS((b3 >> 4) % 3);
        o.will = will;
    }
    return o;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 4)
        return 0;
    Input in(data, size);
    const SessionOptions options = optionsFrom(in);
    Harness harness(in, options);
    harness.run();
    return 0;
}
