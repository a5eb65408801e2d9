#pragma once

#include "core/protocol/decode_error.h"
#include "core/protocol/encode_error.h"
#include "core/protocol/packet_type.h"
#include "core/protocol/reason_code.h"

#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// Every error the session reports, as a value: what kind, which specification rule
// (when one applies, e.g. "MQTT-3.3.2-2" or "5.0 §3.3.2.3.4"), an optional MQTT reason
// code, and a translated sentence saying what happened and what to do.
struct SessionError
{
    enum class Kind : quint8
    {
        // The server broke the protocol; the connection is closed.
        MalformedPacket,   // bytes that do not decode (DecodeError inside)
        ProtocolViolation, // a decoded packet that breaks a rule

        // Connection life.
        ConnectionRefused,    // CONNACK >= 0x80 (reasonCode set)
        ConnectTimeout,       // no CONNACK in time
        KeepAliveTimeout,     // no PINGRESP in time: dead connection
        TransportClosed,      // the transport closed unexpectedly
        ServerDisconnected,   // the server sent DISCONNECT (reasonCode set)
        AuthenticationFailed, // enhanced authentication failed locally (e.g. SCRAM proof)

        // A user request the session refuses (nothing is sent).
        InvalidOptions,      // e.g. 3.1 client id longer than 23 characters
        InvalidRequest,      // bad topic, filter, QoS, property ...
        NotConnected,        // QoS 0 publish / subscribe while offline
        QoSNotSupported,     // above the server's Maximum QoS [MQTT-3.2.2-11]
        RetainNotSupported,  // Retain Available 0 [MQTT-3.2.2-14]
        PacketTooLarge,      // above the server's Maximum Packet Size [MQTT-3.2.2-15]; or
                             // received (3.x) above our own limit, which closes the connection
        FeatureNotSupported, // wildcard/shared/subscription ids unavailable on the server
        OfflineQueueFull,    // offline queue at its limit (or disabled)
        PacketIdsExhausted,  // all 65,535 packet identifiers are in use

        // Outcomes of a request.
        RejectedByServer, // PUBACK/PUBREC/SUBACK/UNSUBACK reason code >= 0x80
        SessionLost,      // in-flight message discarded: the server had no session [MQTT-3.2.2-5]
        Cancelled,        // dropped because the user disconnected
    };

    Kind kind = Kind::ProtocolViolation;
    QString rule;                           // may be empty
    std::optional<ReasonCode> reasonCode;   // the code received, or the one we sent
    QString message;                        // translated, never empty
    std::optional<DecodeError> decodeError; // for MalformedPacket

    static QString kindName(Kind kind); // "ProtocolViolation" ... (not translated)

    // Builders with consistent messages.
    static SessionError malformed(const DecodeError &error);
    static SessionError protocolViolation(const QString &rule, const QString &what,
                                          ReasonCode sent = ReasonCode::ProtocolError);
    // An ack (PUBACK, PUBCOMP, SUBACK, UNSUBACK) whose packet id nothing of ours waits for:
    // the server's session state is not ours [MQTT-2.2.1-5/6] (3.x: [MQTT-2.3.1-6/7]).
    static SessionError unknownPacketId(PacketType ack, quint16 packetId, bool v5);
    static SessionError fromEncodeError(const EncodeError &error);
    // 3.x: a received packet above the connection's own Maximum Packet Size. The server was
    // never told the limit (only 5.0 can), so it broke no rule: the user's limit is too low.
    static SessionError aboveOwnPacketLimit(const DecodeError &error, quint32 limit);
    static SessionError make(Kind kind, const QString &message, const QString &rule = {},
                             std::optional<ReasonCode> reasonCode = std::nullopt);

    // "[MQTT-3.3.2-2] message" style text for logs.
    QString toString() const;

    bool operator==(const SessionError &) const = default;
};

} // namespace mqttdesk
