#pragma once

#include "core/protocol/packets.h"
#include "core/protocol/properties.h"
#include "core/protocol/reason_code.h"
#include "core/session/session_timer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>
#include <variant>

namespace mqttdesk {

// The inputs of Session::handle(). The time of each event is passed to handle() as a
// monotonic millisecond clock value.

// The user wants to connect (with the session's current options).
struct ConnectRequested
{};

// The transport asked for by OpenTransport is open: the session sends CONNECT.
struct TransportOpened
{};

// Bytes read from the transport, any chunking. Only needs to live during handle().
struct BytesReceived
{
    QByteArrayView data;
};

struct TimerFired
{
    SessionTimer timer;
};

// The transport closed or failed to open. `reason` is the transport's human-readable
// cause (empty for an orderly close we asked for); `error` = it was a failure;
// `permanent` = a failure that retrying with the same settings cannot fix (a certificate
// that fails verification, an unreadable key file, a wrong passphrase): no automatic
// reconnect follows it.
struct TransportClosed
{
    QString reason;
    bool error = false;
    bool permanent = false;
};

// SUBSCRIBE with one or more filters [MQTT-3.8.3-2]. The token comes back in the
// SubscribeResult. subscriptionIdentifier and userProperties are 5.0 only.
struct SubscribeRequested
{
    quint64 token = 0;
    QList<Subscription> subscriptions;
    std::optional<quint32> subscriptionIdentifier;
    QList<StringPair> userProperties;
};

struct UnsubscribeRequested
{
    quint64 token = 0;
    QList<QString> filters;
    QList<StringPair> userProperties;
};

// A message to publish: topic, payload, qos, retain and 5.0 properties of `message`
// are used (packetId, dup and any Topic Alias are the session's business). The token
// comes back in every PublishOutcome for this message.
struct PublishRequested
{
    quint64 token = 0;
    PublishPacket message;
};

// The user disconnects: DISCONNECT with this reason and properties (5.0: Session
// Expiry Interval, Reason String, User Property), then close. Stops auto-reconnect.
struct DisconnectRequested
{
    ReasonCode reasonCode = ReasonCode::NormalDisconnection;
    Properties properties;
};

// 5.0 enhanced authentication with a method the session does not handle itself: the
// answer to an AuthChallenge (ContinueAuthentication), or a re-authentication
// (ReAuthenticate) while connected. The method is added by the session [MQTT-4.12.0-5].
struct AuthContinueRequested
{
    ReasonCode reasonCode = ReasonCode::ContinueAuthentication;
    QByteArray authenticationData;
    Properties properties;
};

// Store before acknowledging (SessionOptions::acknowledgeAfterStore): every delivered
// message with DeliverMessage::sequence <= throughSequence is stored, except `refused`
// ones (never stored: they are not acknowledged, so the server sends them again after a
// reconnect). The held PUBACK/PUBREC go out now, or when the server resends the message.
struct MessagesStored
{
    quint64 throughSequence = 0;
    QList<quint64> refused;
};

// A PINGREQ on request (a round-trip measurement, or "is the server still there"), while
// connected. Answered by one PingOutcome with the token: when the PINGRESP arrives, or
// with an error (not connected, or the connection ended first). A keep alive PINGREQ that
// is still unanswered goes first: at most one PINGREQ is outstanding, since a PINGRESP
// does not say which PINGREQ it answers.
struct PingRequested
{
    quint64 token = 0;
};

using SessionEvent =
    std::variant<ConnectRequested, TransportOpened, BytesReceived, TimerFired, TransportClosed,
                 SubscribeRequested, UnsubscribeRequested, PublishRequested, DisconnectRequested,
                 AuthContinueRequested, MessagesStored, PingRequested>;

} // namespace mqttdesk
