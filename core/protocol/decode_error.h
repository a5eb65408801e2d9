#pragma once

#include "core/protocol/packet_type.h"

#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// Why bytes received from the peer are not a valid MQTT packet. A value, never an
// exception: the decoder and FrameReader return it, the session turns it into a
// DISCONNECT (0x81 Malformed Packet / 0x82 Protocol Error) and a closed connection.
struct DecodeError
{
    enum class Kind : quint8
    {
        InvalidPacketType,            // type 0, or AUTH before 5.0
        InvalidFixedHeaderFlags,      // reserved flag bits not as tabled
        MalformedVariableByteInteger, // more than 4 bytes
        PacketTooLarge,               // above the maximum packet size
        TruncatedPacket,              // a field runs past the end of the packet
        TrailingBytes,                // bytes left after the last field
        InvalidUtf8,                  // ill-formed UTF-8 (incl. overlong, > U+10FFFF)
        SurrogateInString,            // U+D800..U+DFFF encoded in a string
        NullCharacterInString,        // U+0000 in a string
        ZeroPacketIdentifier,         // packet identifier 0 where one is required
        InvalidQoS,                   // QoS 3
        WildcardInTopicName,          // '+' or '#' in a PUBLISH topic
        EmptyTopicName,               // empty topic without a Topic Alias
        InvalidProtocolName,          // CONNECT: not "MQTT" / "MQIsdp"
        UnsupportedProtocolVersion,   // CONNECT: level other than 3, 4, 5
        InvalidConnectFlags,          // CONNECT: reserved bit, Will/credential flags
        InvalidConnackFlags,          // CONNACK: reserved acknowledge flag bits
        InvalidReasonCode,            // code unknown or not allowed in this packet
        UnknownProperty,              // property identifier not defined by 5.0
        PropertyNotAllowed,           // property defined, but not for this packet
        DuplicateProperty,            // single-value property given twice
        InvalidPropertyValue,         // e.g. Receive Maximum 0, Topic Alias 0
        InvalidSubscriptionOptions,   // reserved bits, Retain Handling 3
        NoTopicFilters,               // SUBSCRIBE/UNSUBSCRIBE without any filter
        NoReasonCodes,                // SUBACK/UNSUBACK without any code
    };

    Kind kind = Kind::TruncatedPacket;
    // Where it was found: from decode(header, body, ...) an offset into `body`; from
    // decode(Frame, ...) and FrameReader an absolute offset in the received stream.
    // From decode(header, body, ...), -1 stands for the fixed header byte.
    qint64 offset = 0;
    // The specification statement it breaks, e.g. "MQTT-1.5.4-2", or a section such
    // as "5.0 §2.2.2.2" for rules without an id. Never empty.
    QString rule;
    // The packet being decoded, when known.
    std::optional<PacketType> packet;
    // A detail filled in by the decoder (e.g. the property name); may be empty.
    QString detail;

    // A short, stable name such as "InvalidUtf8" (for logs and tests; not translated).
    static QString kindName(Kind kind);
    // Human-readable, translated: what was wrong, in which packet, at which byte and
    // which rule, e.g. "Malformed PUBLISH: the topic name contains a wildcard ('+' or
    // '#') at byte 12 (MQTT-3.3.2-2). The server sent an invalid packet."
    QString message() const;
    // True for errors 5.0 calls a Protocol Error (0x82) rather than Malformed (0x81).
    bool isProtocolError() const;

    bool operator==(const DecodeError &) const = default;
};

} // namespace mqttdesk
