#include "core/session/session_core.h"

#include "core/protocol/codec.h"
#include "core/protocol/overloaded.h"
#include "core/session/connect_builder.h"
#include "core/session/packet_summary.h"
#include "core/session/reason_policy.h"
#include "core/session/request_validator.h"

#include <QCoreApplication>

#include <utility>

namespace mqttdesk {

namespace {} // namespace

SessionCore::SessionCore(SessionOptions options, quint64 randomSeed)
    : m_options(std::move(options))
    , m_random(randomSeed)
    , m_traffic(*this, m_packetIds)
    , m_subscriptions(*this, m_packetIds)
    , m_auth(*this, [this] { return AuthFlow::randomNonce(m_random); })
    , m_reconnect(randomSeed ^ 0x9E3779B97F4A7C15ull)
{
    m_reconnect.setOptions(m_options.reconnect);
}

void SessionCore::setOptions(const SessionOptions &options)
{
    m_options = options;
    m_reconnect.setOptions(options.reconnect);
}

void SessionCore::handle(const SessionEvent &event, qint64 nowMs, SessionActions &out)
{
    m_now = nowMs;
    m_out = &out;
    std::visit(Overloaded{
                   [this](const ConnectRequested &) { onConnectRequested(); },
                   [this](const TransportOpened &) { onTransportOpened(); },
                   [this](const BytesReceived &e) { onBytesReceived(e.data); },
                   [this](const TimerFired &e) { onTimerFired(e.timer); },
                   [this](const TransportClosed &e) { onTransportClosed(e); },
                   [this](const SubscribeRequested &e) { m_subscriptions.subscribe(e); },
                   [this](const UnsubscribeRequested &e) { m_subscriptions.unsubscribe(e); },
                   [this](const PublishRequested &e) { m_traffic.publish(e); },
                   [this](const DisconnectRequested &e) { onDisconnectRequested(e); },
                   [this](const AuthContinueRequested &e) { m_auth.requestContinue(e); },
                   [this](const MessagesStored &e) { m_traffic.onMessagesStored(e); },
                   [this](const PingRequested &e) { onPingRequested(e.token); },
               },
               event);
    m_out = &m_spare;
    m_spare.clear();
}

// ---- output helpers ---------------------------------------------------------------

void SessionCore::setState(SessionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    emitAction(StateChanged{state});
}

void SessionCore::startTimer(SessionTimer timer, qint64 durationMs)
{
    m_timers.set(size_t(timer));
    emitAction(StartTimer{timer, durationMs});
}

void SessionCore::stopTimer(SessionTimer timer)
{
    if (!m_timers.test(size_t(timer)))
        return;
    m_timers.reset(size_t(timer));
    emitAction(StopTimer{timer});
}

void SessionCore::reportError(const SessionError &error)
{
    log(LogLevel::Warning, error.toString());
    emitAction(ErrorOccurred{error});
}

// ---- connection life --------------------------------------------------------------

void SessionCore::onConnectRequested()
{
    if (m_state == SessionState::Connecting || m_state == SessionState::Connected) {
        log(LogLevel::Debug,
            QStringLiteral("connect ignored: already %1").arg(sessionStateName(m_state)));
        return;
    }
    if (const std::optional<SessionError> error = ConnectBuilder::validate(m_options)) {
        reportError(*error);
        return;
    }
    stopTimer(SessionTimer::Reconnect);
    m_userStopped = false;
    m_isReconnect = false;
    m_reconnect.reset();
    startAttempt();
}

void SessionCore::startAttempt()
{
    // Clean Start: a user connect takes the option; an automatic reconnect resumes
    // the session it has (5.0) — 3.x CleanSession 1 never keeps one.
    bool cleanStart = m_options.cleanStart;
    if (m_isReconnect && isV5() && m_hasLocalSession)
        cleanStart = false;
    // 5.0 without local state: either the server's session from an earlier run is
    // adopted (Session Present 1 then resumes it), or a new one is started, since a
    // client with no session state must not accept a resumed one [MQTT-3.2.2-4].
    if (!cleanStart && isV5() && !m_hasLocalSession && !m_options.adoptServerSession)
        cleanStart = true;
    if (cleanStart)
        discardSessionState(); // [MQTT-3.1.2-4 / MQTT-3.1.2-6]
    m_sentCleanStart = cleanStart;

    if (!m_options.clientId.isEmpty())
        m_clientId = m_options.clientId;
    else if (!(m_hasLocalSession && !m_clientId.isEmpty()))
        m_clientId = ConnectBuilder::effectiveClientId(m_options, cleanStart, m_random);

    setState(SessionState::Connecting);
    m_link = Link::Opening;
    m_connack.reset();
    m_connackReceived = false;
    m_reader.reset();
    // 5.0 also tells the server (so it does not send larger packets, [MQTT-3.1.2-24]); 3.x
    // cannot, and holds the same bound locally: a larger packet closes the connection before
    // its body is buffered.
    m_reader.setMaximumPacketSize(m_options.maximumPacketSize
                                      ? *m_options.maximumPacketSize
                                      : FrameReader::kMaximumPossiblePacketSize);
    if (m_options.connectTimeoutMs > 0)
        startTimer(SessionTimer::ConnectTimeout, m_options.connectTimeoutMs);
    emitAction(OpenTransport{});
}

void SessionCore::onTransportOpened()
{
    if (m_link != Link::Opening) {
        log(LogLevel::Debug, QStringLiteral("transport opened unexpectedly; ignored"));
        return;
    }
    m_link = Link::Open;
    const AuthFlow::ConnectData auth = m_auth.beginConnection();
    const ConnectPacket connect = ConnectBuilder::build(m_options, m_clientId, m_sentCleanStart,
                                                        auth.authenticationData, auth.sendPassword);
    m_sentSessionExpiry = connect.properties.sessionExpiryInterval().value_or(0);
    // CONNECT first on every connection [MQTT-3.1.0-1].
    send(connect);
}

void SessionCore::onTransportClosed(const TransportClosed &event)
{
    if (m_closesPending > 0) {
        --m_closesPending; // the answer to our CloseTransport
        if (m_state == SessionState::Disconnecting)
            setState(SessionState::Disconnected);
        return;
    }
    if (m_link == Link::None) {
        log(LogLevel::Debug, QStringLiteral("transport closed while not connected; ignored"));
        return;
    }
    const bool opened = m_link == Link::Open;
    m_link = Link::None;
    QString message;
    if (!opened) {
        message =
            QCoreApplication::translate("mqttdesk::Session", "Could not connect: %1")
                .arg(event.reason.isEmpty()
                         ? QCoreApplication::translate("mqttdesk::Session", "the transport failed.")
                         : event.reason);
    } else if (m_connackReceived) {
        message =
            QCoreApplication::translate("mqttdesk::Session", "The connection was lost: %1")
                .arg(event.reason.isEmpty()
                         ? QCoreApplication::translate("mqttdesk::Session", "the server closed it.")
                         : event.reason);
    } else {
        message =
            QCoreApplication::translate("mqttdesk::Session",
                                        "The server closed the connection before accepting it (no "
                                        "CONNACK): %1")
                .arg(event.reason.isEmpty()
                         ? QCoreApplication::translate("mqttdesk::Session", "no reason given.")
                         : event.reason);
    }
    reportError(SessionError::make(SessionError::Kind::TransportClosed, message));
    endConnection(!event.permanent);
}

void SessionCore::closeTransport()
{
    if (m_link == Link::None)
        return;
    m_link = Link::None;
    ++m_closesPending;
    emitAction(CloseTransport{});
}

void SessionCore::endConnection(bool retryable)
{
    closeTransport();
    stopTimer(SessionTimer::ConnectTimeout);
    stopTimer(SessionTimer::KeepAlive);
    stopTimer(SessionTimer::PingResponse);
    m_keepAlive.stop();
    failRequestedPings(SessionError::make(
        SessionError::Kind::NotConnected,
        QCoreApplication::translate("mqttdesk::Session",
                                    "The connection ended before the server answered the "
                                    "PINGREQ.")));
    m_auth.endConnection();
    m_connackReceived = false;
    m_subscriptions.endConnection();
    m_traffic.endConnection();
    // A session that does not outlive the connection ends here [MQTT-3.1.2-23].
    if (!m_hasLocalSession)
        discardSessionState();
    scheduleReconnectOrStop(retryable);
}

bool SessionCore::sessionPersists() const
{
    if (!isV5())
        return !m_sentCleanStart; // 3.x CleanSession 0 [MQTT-3.1.2-4 (3.1.1)]
    const quint32 expiry = m_connack && m_connack->sessionExpiryInterval
                               ? *m_connack->sessionExpiryInterval
                               : m_sentSessionExpiry;
    return expiry > 0; // [MQTT-3.1.2-23]
}

void SessionCore::discardSessionState()
{
    m_traffic.discardSessionState();
    m_hasLocalSession = false;
}

void SessionCore::scheduleReconnectOrStop(bool retryable)
{
    const ReconnectOptions &r = m_options.reconnect;
    const bool allowed =
        r.enabled && retryable && !m_userStopped && (m_everConnected || r.retryFirstConnect);
    if (!allowed) {
        // Say why a loop the user turned on ends here: the error was just reported.
        if (r.enabled && !retryable && !m_userStopped)
            log(LogLevel::Info, QStringLiteral("not reconnecting: trying again with the same "
                                               "settings cannot fix this error"));
        if (m_state != SessionState::Disconnecting)
            setState(SessionState::Disconnected);
        return;
    }
    const qint64 delay = m_reconnect.nextDelayMs();
    log(LogLevel::Info,
        QStringLiteral("reconnecting in %1 ms (attempt %2)").arg(delay).arg(m_reconnect.attempt()));
    startTimer(SessionTimer::Reconnect, delay);
    emitAction(ReconnectScheduled{delay, m_reconnect.attempt()});
    setState(SessionState::ReconnectWaiting);
}

void SessionCore::failConnection(const SessionError &error)
{
    reportError(error);
    // 5.0 §4.13: tell the server why before closing; 3.x just closes [MQTT-4.8.0-1].
    if (isV5() && m_link == Link::Open) {
        DisconnectPacket disconnect;
        const ReasonCode code = error.reasonCode.value_or(ReasonCode::ProtocolError);
        disconnect.reasonCode =
            ReasonPolicy::isClientDisconnectCode(code) ? code : ReasonCode::ProtocolError;
        send(disconnect);
    }
    endConnection(true);
}

void SessionCore::failAuthentication(const SessionError &error, bool sendDisconnect)
{
    reportError(error);
    if (sendDisconnect && m_link == Link::Open) {
        DisconnectPacket disconnect;
        disconnect.reasonCode = ReasonCode::UnspecifiedError;
        send(disconnect);
    }
    endConnection(false);
}

void SessionCore::onTimerFired(SessionTimer timer)
{
    m_timers.reset(size_t(timer));
    switch (timer) {
    case SessionTimer::Reconnect:
        if (m_state != SessionState::ReconnectWaiting)
            return;
        m_isReconnect = true;
        startAttempt();
        return;
    case SessionTimer::ConnectTimeout:
        if (m_state != SessionState::Connecting)
            return;
        reportError(SessionError::make(
            SessionError::Kind::ConnectTimeout,
            QCoreApplication::translate("mqttdesk::Session",
                                        "The server did not accept the connection "
                                        "within %1 seconds. Check the host, port "
                                        "and transport (TLS, WebSocket).")
                .arg(double(m_options.connectTimeoutMs) / 1000.0)));
        endConnection(true);
        return;
    case SessionTimer::KeepAlive:
        if (m_state != SessionState::Connected || !m_keepAlive.isActive())
            return;
        if (m_keepAlive.pingDue(m_now)) {
            send(PingreqPacket{});
            startTimer(SessionTimer::PingResponse, m_keepAlive.pingSent(m_now));
        }
        startTimer(SessionTimer::KeepAlive, m_keepAlive.nextCheckMs(m_now));
        return;
    case SessionTimer::PingResponse:
        if (m_state != SessionState::Connected || !m_keepAlive.pingOutstanding())
            return;
        // No PINGRESP in reasonable time: the connection is dead (5.0 §3.1.2.10).
        reportError(SessionError::make(
            SessionError::Kind::KeepAliveTimeout,
            QCoreApplication::translate("mqttdesk::Session",
                                        "The server stopped answering (no PINGRESP "
                                        "within %1 seconds); the connection is "
                                        "considered dead.")
                .arg(double(m_keepAlive.periodMs()) / 2000.0),
            QStringLiteral("MQTT-3.1.2-20")));
        endConnection(true);
        return;
    }
}

// ---- bytes in ---------------------------------------------------------------------

void SessionCore::onBytesReceived(QByteArrayView data)
{
    if (m_link != Link::Open) {
        log(LogLevel::Debug,
            QStringLiteral("%1 bytes received while not connected; ignored").arg(data.size()));
        return;
    }
    // Borrowed, not copied: whole frames are decoded straight from the caller's bytes;
    // only a partial frame at the end is kept (releaseInput) for the next chunk.
    m_reader.borrow(data);
    readFrames();
    m_reader.releaseInput();
}

void SessionCore::readFrames()
{
    while (m_link == Link::Open) {
        std::optional<Frame> frame = m_reader.next();
        if (!frame) {
            if (m_reader.hasError()) {
                const DecodeError &error = *m_reader.error();
                failConnection(
                    error.kind == DecodeError::Kind::PacketTooLarge && !isV5()
                        ? SessionError::aboveOwnPacketLimit(error, m_reader.maximumPacketSize())
                        : SessionError::malformed(error));
            }
            return;
        }
        const qint64 wireSize = frame->packetSize(); // before the frame is moved from
        // By rvalue: a large frame's own buffer becomes the payload without a copy.
        DecodeResult decoded = decode(std::move(*frame), version(), &m_topicNames);
        if (!decoded) {
            failConnection(SessionError::malformed(decoded.error()));
            return;
        }
        m_keepAlive.packetReceived(m_now);
        if (m_options.logPackets &&
            packetLineAllowed()) // formatting lines costs more than the packet
            log(LogLevel::Debug, QStringLiteral("<- ") + PacketSummary::describe(decoded.value()));
        if (m_options.tracePackets)
            emitAction(PacketTraced{
                PacketTraceEntry::of(decoded.value(), PacketDirection::Received, wireSize, m_now)});
        onPacket(decoded.value());
    }
}

void SessionCore::onPacket(Packet &packet)
{
    const PacketType type = packetTypeOf(packet);
    if (!m_connackReceived && type != PacketType::Connack && type != PacketType::Auth &&
        type != PacketType::Disconnect) {
        failConnection(SessionError::protocolViolation(
            QStringLiteral("MQTT-3.2.0-1"),
            QCoreApplication::translate("mqttdesk::Session", "it sent %1 before CONNACK")
                .arg(packetTypeName(type))));
        return;
    }
    std::visit(Overloaded{
                   [this](const ConnackPacket &p) { onConnack(p); },
                   [this](PublishPacket &p) { m_traffic.onPublish(p); },
                   [this](const PubackPacket &p) { m_traffic.onPuback(p); },
                   [this](const PubrecPacket &p) { m_traffic.onPubrec(p); },
                   [this](const PubrelPacket &p) { m_traffic.onPubrel(p); },
                   [this](const PubcompPacket &p) { m_traffic.onPubcomp(p); },
                   [this](const SubackPacket &p) { m_subscriptions.onSuback(p); },
                   [this](const UnsubackPacket &p) { m_subscriptions.onUnsuback(p); },
                   [this](const PingrespPacket &) { onPingresp(); },
                   [this](const DisconnectPacket &p) { onServerDisconnect(p); },
                   [this](const AuthPacket &p) { m_auth.onAuth(p); },
                   [this, type](const auto &) {
                       // CONNECT, SUBSCRIBE, UNSUBSCRIBE, PINGREQ go client -> server only.
                       failConnection(SessionError::protocolViolation(
                           isV5() ? QStringLiteral("5.0 §2.1.2") : QStringLiteral("MQTT-4.8.0-1"),
                           QCoreApplication::translate("mqttdesk::Session",
                                                       "it sent %1, which only a client may send")
                               .arg(packetTypeName(type))));
                   },
               },
               packet);
}

// ---- packets of the connection life -----------------------------------------------

void SessionCore::onConnack(const ConnackPacket &packet)
{
    if (m_connackReceived) {
        failConnection(SessionError::protocolViolation(
            QStringLiteral("MQTT-3.2.0-2"),
            QCoreApplication::translate("mqttdesk::Session", "it sent a second CONNACK")));
        return;
    }
    stopTimer(SessionTimer::ConnectTimeout);
    ConnackInfo info = ConnackInfo::fromPacket(packet);
    // 3.1 has no Session Present flag: a server keeps the session we asked it to keep.
    if (version() == ProtocolVersion::V31)
        info.sessionPresent = !m_sentCleanStart && m_hasLocalSession;
    m_connack = info;
    if (!isSuccess(info.reasonCode)) {
        // A refusal closes the connection [MQTT-4.13.2-1].
        reportError(SessionError::make(SessionError::Kind::ConnectionRefused,
                                       ReasonPolicy::refusalMessage(info), {}, info.reasonCode));
        endConnection(!ReasonPolicy::isPermanentRefusal(info.reasonCode));
        return;
    }
    if (isV5()) {
        const std::optional<QString> &method = info.authenticationMethod;
        if (m_options.authenticationMethod.isEmpty() ? method.has_value()
                                                     : method != m_options.authenticationMethod) {
            failConnection(SessionError::protocolViolation(
                QStringLiteral("MQTT-4.12.0-5"),
                QCoreApplication::translate("mqttdesk::Session",
                                            "its CONNACK names the authentication "
                                            "method \"%1\" but we asked for \"%2\"")
                    .arg(method.value_or(QString()), m_options.authenticationMethod)));
            return;
        }
    }
    if (info.sessionPresent) {
        if (m_sentCleanStart) {
            // With Clean Start 1 the server must answer Session Present 0.
            failConnection(SessionError::protocolViolation(
                isV5() ? QStringLiteral("MQTT-3.2.2-2") : QStringLiteral("MQTT-3.2.2-1"),
                QCoreApplication::translate("mqttdesk::Session",
                                            "it claims a session is present although "
                                            "we asked for a clean start")));
            return;
        }
        // Clean Start 0 and Session Present 1: the session is resumed, including one kept
        // from an earlier run (adoptServerSession; startAttempt() sent Clean Start 1 when
        // adopting is off).
    } else if (m_hasLocalSession) {
        log(LogLevel::Info, QStringLiteral("server has no session: local session state "
                                           "discarded [MQTT-3.2.2-5]"));
        discardSessionState();
    }
    if (!m_auth.acceptConnack(info))
        return;

    m_connackReceived = true;
    if (info.assignedClientIdentifier)
        m_clientId = *info.assignedClientIdentifier;
    info.clientId = m_clientId;
    // The server's keep alive replaces ours [MQTT-3.2.2-21].
    info.keepAliveSeconds = info.serverKeepAlive.value_or(m_options.keepAliveSeconds);
    m_connack = info;
    m_hasLocalSession = sessionPersists();
    m_everConnected = true;
    m_reconnect.reset();
    setState(SessionState::Connected);
    emitAction(Connected{info});
    m_keepAlive.start(info.keepAliveSeconds, m_now);
    if (m_keepAlive.isActive())
        startTimer(SessionTimer::KeepAlive, m_keepAlive.nextCheckMs(m_now));
    // SUBSCRIBE (resubscriptions, then requests made while connecting) before the PUBLISH
    // of a resumed session and the queue.
    m_subscriptions.beginConnection(info);
    m_traffic.beginConnection(info);
}

void SessionCore::onPingresp()
{
    if (!m_keepAlive.pingResponse(m_now))
        log(LogLevel::Debug, QStringLiteral("PINGRESP without PINGREQ ignored"));
    stopTimer(SessionTimer::PingResponse);
    if (const std::optional<quint64> token = std::exchange(m_requestedPingSent, std::nullopt))
        emitAction(PingOutcome{*token, -1, std::nullopt});
    sendRequestedPing();
}

void SessionCore::onPingRequested(quint64 token)
{
    if (m_state != SessionState::Connected || !m_connackReceived) {
        emitAction(PingOutcome{
            token, -1,
            SessionError::make(SessionError::Kind::NotConnected,
                               QCoreApplication::translate("mqttdesk::Session",
                                                           "Not connected: connect first, then "
                                                           "ping."))});
        return;
    }
    m_pingRequests.push_back(token);
    sendRequestedPing();
}

void SessionCore::sendRequestedPing()
{
    // A PINGRESP carries nothing to say which PINGREQ it answers: one at a time, so that
    // the answer (and the shell's round-trip time) belongs to this request.
    if (m_pingRequests.empty() || m_keepAlive.pingOutstanding() ||
        m_state != SessionState::Connected)
        return;
    const quint64 token = m_pingRequests.front();
    m_pingRequests.pop_front();
    if (std::optional<SessionError> error = send(PingreqPacket{})) {
        emitAction(PingOutcome{token, -1, std::move(error)});
        return;
    }
    m_requestedPingSent = token;
    const qint64 deadline = m_keepAlive.pingSent(m_now);
    // Keep alive 0 turns the mechanism off (§3.1.2.10), so no answer is due in any time:
    // the requester decides how long to wait.
    if (m_keepAlive.isActive())
        startTimer(SessionTimer::PingResponse, deadline);
}

void SessionCore::failRequestedPings(const SessionError &error)
{
    if (const std::optional<quint64> token = std::exchange(m_requestedPingSent, std::nullopt))
        emitAction(PingOutcome{*token, -1, error});
    while (!m_pingRequests.empty()) {
        emitAction(PingOutcome{m_pingRequests.front(), -1, error});
        m_pingRequests.pop_front();
    }
}

void SessionCore::onServerDisconnect(const DisconnectPacket &packet)
{
    ServerDisconnected notice;
    notice.reasonCode = packet.reasonCode;
    notice.reasonString = packet.properties.reasonString();
    notice.serverReference = packet.properties.serverReference();
    notice.properties = packet.properties;
    emitAction(notice);

    reportError(SessionError::make(SessionError::Kind::ServerDisconnected,
                                   ReasonPolicy::serverDisconnectMessage(packet), {},
                                   packet.reasonCode));
    // The server closes after DISCONNECT; so do we, without answering.
    endConnection(!ReasonPolicy::isPermanentDisconnect(packet.reasonCode));
}

// ---- user requests of the connection life -----------------------------------------

void SessionCore::onDisconnectRequested(const DisconnectRequested &request)
{
    m_userStopped = true;
    stopTimer(SessionTimer::Reconnect);
    m_subscriptions.forgetSubscriptions();
    switch (m_state) {
    case SessionState::Connected: {
        DisconnectPacket disconnect;
        if (isV5()) {
            disconnect.reasonCode = request.reasonCode;
            disconnect.properties = request.properties;
            if (!ReasonPolicy::isClientDisconnectCode(request.reasonCode)) {
                log(LogLevel::Warning,
                    QStringLiteral("DISCONNECT reason 0x%1 is not for "
                                   "clients; sent 0x00 [MQTT-3.14.2-1]")
                        .arg(quint8(request.reasonCode), 2, 16, QLatin1Char('0')));
                disconnect.reasonCode = ReasonCode::NormalDisconnection;
            }
            const std::optional<quint32> expiry = disconnect.properties.sessionExpiryInterval();
            if (expiry && *expiry > 0 && m_sentSessionExpiry == 0) {
                // 5.0 §3.14.2.2.2: a session that expires at once cannot be extended here.
                log(LogLevel::Warning, QStringLiteral("Session Expiry Interval dropped from "
                                                      "DISCONNECT: CONNECT sent 0 "
                                                      "(5.0 §3.14.2.2.2)"));
                disconnect.properties.remove(PropertyId::SessionExpiryInterval);
            } else if (expiry) {
                m_hasLocalSession = *expiry > 0;
            }
        }
        send(disconnect);
        // Nothing after DISCONNECT; close [MQTT-3.14.4-1, MQTT-3.14.4-2].
        setState(SessionState::Disconnecting);
        endConnection(false);
        return;
    }
    case SessionState::Connecting:
        endConnection(false);
        setState(SessionState::Disconnected);
        return;
    case SessionState::ReconnectWaiting:
        setState(SessionState::Disconnected);
        return;
    case SessionState::Disconnected:
    case SessionState::Disconnecting:
        log(LogLevel::Debug, QStringLiteral("disconnect ignored: not connected"));
        return;
    }
}

// ---- SessionLink ------------------------------------------------------------------

std::optional<SessionError> SessionCore::send(const Packet &packet)
{
    if (m_link != Link::Open) {
        return SessionError::make(
            SessionError::Kind::NotConnected,
            QCoreApplication::translate("mqttdesk::Session", "Not connected."));
    }
    const EncodeResult encoded = tryEncode(packet, version());
    if (!encoded) {
        const SessionError error = SessionError::fromEncodeError(encoded.error());
        log(LogLevel::Warning, error.toString());
        return error;
    }
    const PacketType type = packetTypeOf(packet);
    if (m_connackReceived) {
        if (std::optional<SessionError> error =
                RequestValidator::checkSize(encoded.value().size(), type, server()))
            return error;
    }
    if (m_options.logPackets && packetLineAllowed())
        log(LogLevel::Debug, QStringLiteral("-> ") + PacketSummary::describe(packet));
    m_keepAlive.packetSent(m_now);
    emitAction(SendBytes{encoded.value(), type});
    if (m_options.tracePackets)
        emitAction(PacketTraced{
            PacketTraceEntry::of(packet, PacketDirection::Sent, encoded.value().size(), m_now)});
    return std::nullopt;
}

const ConnackInfo *SessionCore::server() const
{
    if (m_link != Link::Open || !m_connackReceived || !m_connack)
        return nullptr;
    return &*m_connack;
}

bool SessionCore::isConnectionPending() const
{
    return m_state == SessionState::Connecting || m_state == SessionState::ReconnectWaiting;
}

bool SessionCore::packetLineAllowed()
{
    // At most kPacketLinesPerSecond packet lines a second: during a flood a line per packet
    // would keep the log's receiver (the GUI thread) busy long after the flood ended, and
    // a 5,000-row log shows the last fraction of a second anyway. The rest is counted.
    if (m_now - m_packetLineWindowMs >= 1000) {
        if (m_packetLinesSuppressed > 0) {
            log(LogLevel::Debug,
                QStringLiteral("... %1 more packets not logged (at most %2 lines a second)")
                    .arg(m_packetLinesSuppressed)
                    .arg(kPacketLinesPerSecond));
        }
        m_packetLineWindowMs = m_now;
        m_packetLinesInWindow = 0;
        m_packetLinesSuppressed = 0;
    }
    if (m_packetLinesInWindow < kPacketLinesPerSecond) {
        ++m_packetLinesInWindow;
        return true;
    }
    ++m_packetLinesSuppressed;
    return false;
}

} // namespace mqttdesk
