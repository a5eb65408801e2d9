#pragma once

#include "core/protocol/packets.h"
#include "core/protocol/properties.h"
#include "core/protocol/protocol_version.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// Automatic reconnection after an unexpected loss of the connection: exponential
// backoff (initialDelayMs * multiplier^attempt, capped at maximumDelayMs), then
// jitter draws the actual delay uniformly from [delay * (1 - jitter), delay], never
// below initialDelayMs. A user DisconnectRequested stops it.
struct ReconnectOptions
{
    bool enabled = false;
    qint64 initialDelayMs = 1000;
    qint64 maximumDelayMs = 60000;
    double multiplier = 2.0;
    double jitter = 0.25; // 0 = none, 1 = anywhere between the floor and the delay
    // Also retry when the very first connection attempt fails (transport error,
    // timeout); a CONNACK refusal for bad credentials/authorisation/protocol never retries.
    bool retryFirstConnect = true;
};

// Everything the session needs to connect. Fields that exist only in 5.0 are ignored
// (not sent) for 3.1 and 3.1.1.
struct SessionOptions
{
    ProtocolVersion version = ProtocolVersion::V311;

    // Empty: 5.0 lets the server assign one; 3.1.1 allows it only with clean session;
    // otherwise (and always in 3.1, which needs 1..23 characters) the session generates
    // one ("mqttdesk-" + random hex) [MQTT-3.1.3-7 / 3.1 §3.1].
    QString clientId;
    bool cleanStart = true;        // CleanSession in 3.x
    quint16 keepAliveSeconds = 60; // 0 = off
    std::optional<QString> username;
    std::optional<QByteArray> password; // never logged
    std::optional<Will> will;           // 5.0 will properties (incl. will delay) inside

    // 5.0 CONNECT properties. Absent = not sent (the spec default applies).
    std::optional<quint32> sessionExpiryInterval;
    std::optional<quint16> receiveMaximum;    // inbound QoS>0 window we allow
    std::optional<quint32> maximumPacketSize; // also the FrameReader limit
    quint16 topicAliasMaximum = 0;            // inbound aliases we accept (0 = none)
    bool requestResponseInformation = false;
    bool requestProblemInformation = true;
    QList<StringPair> userProperties;

    // 5.0 enhanced authentication. "SCRAM-SHA-1", "SCRAM-SHA-256" and "SCRAM-SHA-512"
    // are handled by the session itself from username/password (the password is then
    // not sent in CONNECT); any other method is passed through: AuthChallenge actions
    // out, AuthContinueRequested events in.
    QString authenticationMethod;
    QByteArray authenticationData;

    // Use outbound Topic Aliases when the server allows them (5.0).
    bool outboundTopicAliases = false;
    // Our own cap on outbound QoS>0 messages in flight; with 5.0 the effective window is
    // min(this, server's Receive Maximum).
    quint16 maximumInFlight = 65535;
    // 3.x servers announce no Receive Maximum; this is the window then (min with the cap
    // above). 20 is mosquitto's default max_inflight_messages (and libmosquitto's own window):
    // beyond it mosquitto refuses a QoS 1/2 message, with a 3.1.1 PUBACK that cannot say so
    // (the message is acknowledged and dropped), and closes the connection.
    quint16 maximumInFlightWithoutReceiveMaximum = 20;
    // QoS 1/2 messages published while not connected are queued up to this many and
    // sent on (re)connect; beyond it, or when 0, they are refused.
    int offlineQueueLimit = 1000;

    qint64 connectTimeoutMs = 30000;
    ReconnectOptions reconnect;

    // Log every packet sent and received ("-> PUBLISH ...") as a Debug LogLine. Off by
    // default: formatting a line per packet costs more than handling the packet.
    bool logPackets = false;
    // A PacketTraced action for every packet sent and received (the packet inspector). Off
    // by default; like logPackets it may change while connected. No text is formatted.
    bool tracePackets = false;

    // 5.0, Clean Start 0 on the first connection of this Session object: true takes the
    // session the server kept from an earlier run as ours (the application's history is
    // that session's state), so Session Present 1 resumes it and its queued messages are
    // delivered. false starts a new session instead (Clean Start 1), as [MQTT-3.2.2-4]
    // asks of a client with no session state; later reconnects resume it.
    bool adoptServerSession = true;

    // Store before acknowledging: a received QoS 1 or 2 PUBLISH is acknowledged (PUBACK,
    // PUBREC) only after the shell reports it stored (MessagesStored), so a crash never
    // loses a message the server was told we have. The shell sets this only when it has
    // storage that reports commits.
    bool acknowledgeAfterStore = false;
};

} // namespace mqttdesk
