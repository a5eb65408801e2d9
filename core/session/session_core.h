#pragma once

#include "core/protocol/frame_reader.h"
#include "core/protocol/packets.h"
#include "core/protocol/topic_name_cache.h"
#include "core/session/auth_flow.h"
#include "core/session/connack_info.h"
#include "core/session/keep_alive.h"
#include "core/session/message_traffic.h"
#include "core/session/packet_id_allocator.h"
#include "core/session/reconnect_policy.h"
#include "core/session/session_action.h"
#include "core/session/session_event.h"
#include "core/session/session_link.h"
#include "core/session/session_options.h"
#include "core/session/subscription_traffic.h"

#include <QString>
#include <QtGlobal>

#include <bitset>
#include <deque>
#include <optional>
#include <random>

namespace mqttdesk {

// The state machine behind Session: dispatches events, owns the flows, and collects
// the actions of one handle() call. See session.h for the contract.
class SessionCore final : public SessionLink
{
public:
    SessionCore(SessionOptions options, quint64 randomSeed);

    // Appends the actions to `out` (see Session::handle()).
    void handle(const SessionEvent &event, qint64 nowMs, SessionActions &out);

    const SessionOptions &options() const { return m_options; }
    void setOptions(const SessionOptions &options);
    SessionState state() const { return m_state; }
    const std::optional<ConnackInfo> &connackInfo() const { return m_connack; }
    QString clientId() const { return m_clientId; }
    int inFlightCount() const { return m_traffic.inFlightCount(); }
    int queuedCount() const { return m_traffic.queuedCount(); }
    QList<Subscription> activeSubscriptions() const
    {
        return m_subscriptions.activeSubscriptions();
    }

    // SessionLink
    std::optional<SessionError> send(const Packet &packet) override;
    void emitAction(SessionAction action) override { m_out->push_back(std::move(action)); }
    void log(LogLevel level, const QString &text) override { emitAction(LogLine{level, text}); }
    void reportError(const SessionError &error) override;
    void failConnection(const SessionError &error) override;
    void failAuthentication(const SessionError &error, bool sendDisconnect) override;
    const SessionOptions &sessionOptions() const override { return m_options; }
    const ConnackInfo *server() const override;
    bool isConnectionPending() const override;
    bool isTransportOpen() const override { return m_link == Link::Open; }

private:
    enum class Link : quint8
    {
        None,    // no transport
        Opening, // OpenTransport emitted
        Open,    // TransportOpened received
    };

    // Events.
    void onConnectRequested();
    void onTransportOpened();
    void onBytesReceived(QByteArrayView data);
    void readFrames();
    void onTimerFired(SessionTimer timer);
    void onTransportClosed(const TransportClosed &event);
    void onDisconnectRequested(const DisconnectRequested &request);

    // Packets from the server.
    void onPacket(Packet &packet);
    void onConnack(const ConnackPacket &packet);
    void onPingresp();
    // PINGREQ on request (PingRequested): one at a time, after any keep alive PINGREQ.
    void onPingRequested(quint64 token);
    void sendRequestedPing();
    void failRequestedPings(const SessionError &error);
    void onServerDisconnect(const DisconnectPacket &packet);

    // Connection life.
    void startAttempt();
    // Ends the connection: CloseTransport, stop timers, settle session state, then
    // reconnect (if allowed and `retryable`) or stop.
    void endConnection(bool retryable);
    void closeTransport();
    void scheduleReconnectOrStop(bool retryable);
    void discardSessionState();
    bool sessionPersists() const;

    // Output.
    void setState(SessionState state);
    void startTimer(SessionTimer timer, qint64 durationMs);
    void stopTimer(SessionTimer timer);

    ProtocolVersion version() const { return m_options.version; }
    bool isV5() const { return m_options.version == ProtocolVersion::V5; }

    SessionOptions m_options;
    std::mt19937_64 m_random;
    // Where actions go: the caller's list during handle(); `m_spare` otherwise, so an
    // action emitted outside handle() (there should be none) is dropped, not a crash.
    SessionActions *m_out = &m_spare;
    SessionActions m_spare;
    qint64 m_now = 0;
    // Packet log lines (SessionOptions::logPackets), limited per second.
    static constexpr int kPacketLinesPerSecond = 200;
    bool packetLineAllowed();
    qint64 m_packetLineWindowMs = -1000000;
    int m_packetLinesInWindow = 0;
    qint64 m_packetLinesSuppressed = 0;

    SessionState m_state = SessionState::Disconnected;
    Link m_link = Link::None;
    int m_closesPending = 0; // CloseTransport not yet answered by TransportClosed
    std::bitset<4> m_timers; // running timers, by SessionTimer value

    FrameReader m_reader;
    TopicNameCache m_topicNames;   // the reader's recent Topic Names, shared, not re-read
    PacketIdAllocator m_packetIds; // one space for PUBLISH and SUBSCRIBE/UNSUBSCRIBE
    MessageTraffic m_traffic;
    SubscriptionTraffic m_subscriptions;
    AuthFlow m_auth;
    KeepAlive m_keepAlive;
    std::deque<quint64> m_pingRequests;         // PingRequested tokens not sent yet
    std::optional<quint64> m_requestedPingSent; // the outstanding PINGREQ is this request's
    ReconnectPolicy m_reconnect;

    std::optional<ConnackInfo> m_connack; // of the current connection
    bool m_connackReceived = false;
    QString m_clientId;
    bool m_sentCleanStart = true;
    quint32 m_sentSessionExpiry = 0;
    bool m_hasLocalSession = false;
    bool m_everConnected = false;
    bool m_userStopped = true;  // the user disconnected (or never connected)
    bool m_isReconnect = false; // the current attempt is an automatic reconnect
};

} // namespace mqttdesk
