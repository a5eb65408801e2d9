#pragma once

#include "core/protocol/packet_type.h"

#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// Why a packet value cannot be put on the wire for a protocol version. Found before
// any byte is sent, so it is a bug or a bad user input, never a peer's fault.
struct EncodeError
{
    enum class Kind : quint8
    {
        NotInVersion,         // e.g. AUTH, properties or reason codes before 5.0
        ZeroPacketIdentifier, // QoS>0 PUBLISH, SUBSCRIBE, ... with id 0
        InvalidQoS,           // QoS value above 2
        StringTooLong,        // a string or binary field above 65,535 bytes
        InvalidString,        // U+0000 or an unpaired surrogate in a string
        WildcardInTopicName,  // '+' or '#' in a PUBLISH topic [MQTT-3.3.2-2]
        EmptyTopicName,       // empty topic without a Topic Alias
        PropertyNotAllowed,   // property not allowed in this packet
        DuplicateProperty,    // single-value property given twice
        InvalidPropertyValue, // value out of range for its property
        InvalidReasonCode,    // reason code not allowed in this packet/version
        InvalidFlags,         // Will QoS/Retain without a Will, etc.
        NoTopicFilters,       // SUBSCRIBE/UNSUBSCRIBE without filters
        PacketTooLarge,       // above 268,435,455 bytes of Remaining Length
    };

    Kind kind = Kind::NotInVersion;
    PacketType packet = PacketType::Connect;
    QString rule;   // spec statement, e.g. "MQTT-3.3.2-2"
    QString detail; // e.g. the property name

    static QString kindName(Kind kind);
    // Human-readable, translated.
    QString message() const;

    bool operator==(const EncodeError &) const = default;
};

} // namespace mqttdesk
