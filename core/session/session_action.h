#pragma once

#include "core/protocol/packet_trace_entry.h"
#include "core/protocol/packet_type.h"
#include "core/protocol/packets.h"
#include "core/protocol/properties.h"
#include "core/protocol/reason_code.h"
#include "core/session/connack_info.h"
#include "core/session/session_error.h"
#include "core/session/session_state.h"
#include "core/session/session_timer.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>
#include <variant>
#include <vector>

namespace mqttdesk {

// The outputs of Session::handle(), to be carried out in order by the shell.

// Open the transport; answer with TransportOpened or TransportClosed{error}.
struct OpenTransport
{};

// Write these bytes (one whole encoded packet) to the transport.
struct SendBytes
{
    QByteArray bytes;
    PacketType packet = PacketType::Publish;
};

// Close the transport (after writing what was sent). Answer every CloseTransport with
// exactly one TransportClosed, even when the transport was still opening: the session
// counts them to tell the old transport's end from a new attempt's failure.
struct CloseTransport
{};

// A received application message: topic already resolved from any Topic Alias (the
// alias property is removed), acked by the session already as its QoS requires.
struct DeliverMessage
{
    PublishPacket message;
    QList<quint32> subscriptionIdentifiers; // 5.0, from the PUBLISH
    // 1, 2, 3, ... over the session's life: MessagesStored names deliveries by it.
    quint64 sequence = 0;
    // 5.0: the Topic Alias the PUBLISH carried, 0 for none. The topic is already resolved
    // and the property removed; this is for showing it (mosquitto_sub's %A).
    quint16 topicAlias = 0;
};

enum class PublishStatus : quint8
{
    Queued,       // not sent yet (offline, or the Receive Maximum window is full)
    Sent,         // QoS 0 written: final
    Acknowledged, // QoS 1 PUBACK < 0x80: final
    Received,     // QoS 2 PUBREC < 0x80 (PUBREL sent): not final
    Completed,    // QoS 2 PUBCOMP: final
    Failed,       // final; error set
};

struct PublishOutcome
{
    quint64 token = 0;
    PublishStatus status = PublishStatus::Sent;
    quint16 packetId = 0;
    ReasonCode reasonCode = ReasonCode::Success; // from the ack, when there is one
    Properties properties;                       // of the ack (reason string, user props)
    std::optional<SessionError> error;           // set when Failed

    bool isFinal() const
    {
        return status != PublishStatus::Queued && status != PublishStatus::Received;
    }
};

// SUBACK: one reason code per filter, in order (3.x: 0, 1, 2 or 0x80 mapped onto
// ReasonCode). `resubscribe` = sent by the session after a reconnect without session.
// On a local refusal (error set) nothing was sent and reasonCodes is empty.
struct SubscribeResult
{
    quint64 token = 0;
    QList<Subscription> subscriptions;
    QList<ReasonCode> reasonCodes;
    Properties properties;
    bool resubscribe = false;
    std::optional<SessionError> error;
};

// UNSUBACK: per-filter reason codes in 5.0; in 3.x all Success.
struct UnsubscribeResult
{
    quint64 token = 0;
    QList<QString> filters;
    QList<ReasonCode> reasonCodes;
    Properties properties;
    std::optional<SessionError> error;
};

// CONNACK accepted: the session is Connected.
struct Connected
{
    ConnackInfo info;
};

struct StateChanged
{
    SessionState state = SessionState::Disconnected;
};

struct StartTimer
{
    SessionTimer timer = SessionTimer::KeepAlive;
    qint64 durationMs = 0;
};

struct StopTimer
{
    SessionTimer timer = SessionTimer::KeepAlive;
};

// An automatic reconnect is due in `delayMs` (the Reconnect timer runs): the attempt-th
// since the last accepted connection or user connect (1, 2, ...). Comes right before
// StateChanged{ReconnectWaiting}, so a shell can show "reconnecting in N s (attempt k)".
struct ReconnectScheduled
{
    qint64 delayMs = 0;
    int attempt = 0;
};

// A connection-level error (the connection is closed or could not be made, or the
// options are invalid). Errors of a request come only in its own result
// (PublishOutcome, SubscribeResult, UnsubscribeResult), never twice.
struct ErrorOccurred
{
    SessionError error;
};

// The server sent DISCONNECT (5.0) with this reason; the connection is closing.
struct ServerDisconnected
{
    ReasonCode reasonCode = ReasonCode::NormalDisconnection;
    std::optional<QString> reasonString;
    std::optional<QString> serverReference;
    Properties properties;
};

// 5.0 AUTH from the server for a method the session does not handle itself: answer
// with AuthContinueRequested.
struct AuthChallenge
{
    ReasonCode reasonCode = ReasonCode::ContinueAuthentication;
    QString authenticationMethod;
    QByteArray authenticationData;
    Properties properties;
};

enum class LogLevel : quint8
{
    Debug,
    Info,
    Warning,
};

// A line for the connection log. Never contains a password or authentication secret.
struct LogLine
{
    LogLevel level = LogLevel::Debug;
    QString text;
};

// The answer to PingRequested: the PINGRESP arrived (error unset), or why not. The
// session's clock counts milliseconds, so roundTripUs is the shell's to fill in (from
// writing the PINGREQ to reading the PINGRESP); -1 when unknown.
struct PingOutcome
{
    quint64 token = 0;
    qint64 roundTripUs = -1;
    std::optional<SessionError> error;
};

// SessionOptions::tracePackets: a packet went out (right after its SendBytes) or came in
// (before the actions it causes), so a shell that stamps it where it carries it out gets the
// time of the write or of the read.
struct PacketTraced
{
    PacketTraceEntry entry;
};

using SessionAction =
    std::variant<OpenTransport, SendBytes, CloseTransport, DeliverMessage, PublishOutcome,
                 SubscribeResult, UnsubscribeResult, Connected, StateChanged, StartTimer, StopTimer,
                 ErrorOccurred, ServerDisconnected, AuthChallenge, LogLine, ReconnectScheduled,
                 PingOutcome, PacketTraced>;

using SessionActions = std::vector<SessionAction>;

} // namespace mqttdesk
