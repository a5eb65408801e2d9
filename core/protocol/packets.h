#pragma once

#include "core/protocol/packet_type.h"
#include "core/protocol/properties.h"
#include "core/protocol/protocol_version.h"
#include "core/protocol/qos.h"
#include "core/protocol/reason_code.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>
#include <variant>

namespace mqttdesk {

// Plain values for the 15 MQTT control packets. Fields a version does not have are
// ignored when encoding for it (and must be empty/default: the encoder reports
// properties or a non-default reason code it cannot put on the wire).

// The Will Message carried by CONNECT.
struct Will
{
    QString topic;
    QByteArray payload;
    QoS qos = QoS::AtMostOnce;
    bool retain = false;
    Properties properties; // 5.0 Will Properties
    bool operator==(const Will &) const = default;
};

struct ConnectPacket
{
    // Set by decode from the protocol name/level on the wire. encode() writes the
    // version it is given and ignores this field.
    ProtocolVersion protocolVersion = ProtocolVersion::V311;
    QString clientId;
    bool cleanStart = true; // CleanSession in 3.x
    quint16 keepAlive = 60; // seconds, 0 = off
    std::optional<Will> will;
    std::optional<QString> username;    // User Name Flag = has_value()
    std::optional<QByteArray> password; // Password Flag = has_value()
    Properties properties;
    bool operator==(const ConnectPacket &) const = default;
};

struct ConnackPacket
{
    bool sessionPresent = false; // always false in 3.1, which has no such flag
    // 5.0 Reason Code; in 3.x the return code is mapped (connectReturnCodeToReasonCode).
    ReasonCode reasonCode = ReasonCode::Success;
    Properties properties;
    bool operator==(const ConnackPacket &) const = default;
};

struct PublishPacket
{
    QString topic; // may be empty in 5.0 when a Topic Alias is set
    QByteArray payload;
    QoS qos = QoS::AtMostOnce;
    bool retain = false;
    bool dup = false;
    quint16 packetId = 0; // only on the wire for QoS 1 and 2, then != 0
    Properties properties;
    bool operator==(const PublishPacket &) const = default;
};

// PUBACK, PUBREC, PUBREL and PUBCOMP share one shape. In 5.0 a Success code without
// properties is sent in the short form (packet id only, 5.0 §3.4.2.1).
struct PubackPacket
{
    quint16 packetId = 0;
    ReasonCode reasonCode = ReasonCode::Success;
    Properties properties;
    bool operator==(const PubackPacket &) const = default;
};
struct PubrecPacket
{
    quint16 packetId = 0;
    ReasonCode reasonCode = ReasonCode::Success;
    Properties properties;
    bool operator==(const PubrecPacket &) const = default;
};
struct PubrelPacket
{
    quint16 packetId = 0;
    ReasonCode reasonCode = ReasonCode::Success;
    Properties properties;
    bool operator==(const PubrelPacket &) const = default;
};
struct PubcompPacket
{
    quint16 packetId = 0;
    ReasonCode reasonCode = ReasonCode::Success;
    Properties properties;
    bool operator==(const PubcompPacket &) const = default;
};

// 5.0 §3.8.3.1: 0 = send retained on subscribe, 1 = only if new, 2 = never.
enum class RetainHandling : quint8
{
    SendOnSubscribe = 0,
    SendIfNew = 1,
    DoNotSend = 2,
};

// The options byte; 3.x only has the QoS.
struct SubscriptionOptions
{
    QoS qos = QoS::AtMostOnce;
    bool noLocal = false;
    bool retainAsPublished = false;
    RetainHandling retainHandling = RetainHandling::SendOnSubscribe;
    bool operator==(const SubscriptionOptions &) const = default;
};

struct Subscription
{
    QString filter;
    SubscriptionOptions options;
    bool operator==(const Subscription &) const = default;
};

struct SubscribePacket
{
    quint16 packetId = 0;
    QList<Subscription> subscriptions; // at least one [MQTT-3.8.3-2]
    Properties properties;
    bool operator==(const SubscribePacket &) const = default;
};

struct SubackPacket
{
    quint16 packetId = 0;
    // One per filter, in order. 3.x return codes 0, 1, 2 and 0x80 map onto the same
    // values (GrantedQoS0..2, UnspecifiedError).
    QList<ReasonCode> reasonCodes;
    Properties properties;
    bool operator==(const SubackPacket &) const = default;
};

struct UnsubscribePacket
{
    quint16 packetId = 0;
    QList<QString> filters; // at least one [MQTT-3.10.3-2]
    Properties properties;
    bool operator==(const UnsubscribePacket &) const = default;
};

struct UnsubackPacket
{
    quint16 packetId = 0;
    QList<ReasonCode> reasonCodes; // 5.0 only; empty in 3.x
    Properties properties;
    bool operator==(const UnsubackPacket &) const = default;
};

struct PingreqPacket
{
    bool operator==(const PingreqPacket &) const = default;
};

struct PingrespPacket
{
    bool operator==(const PingrespPacket &) const = default;
};

// In 5.0 Normal disconnection without properties is sent as the empty form.
struct DisconnectPacket
{
    ReasonCode reasonCode = ReasonCode::NormalDisconnection;
    Properties properties;
    bool operator==(const DisconnectPacket &) const = default;
};

// 5.0 only. Success without properties is sent as the empty form.
struct AuthPacket
{
    ReasonCode reasonCode = ReasonCode::Success;
    Properties properties;
    bool operator==(const AuthPacket &) const = default;
};

// The alternatives are in packet-type order: index() + 1 is the PacketType value.
using Packet =
    std::variant<ConnectPacket, ConnackPacket, PublishPacket, PubackPacket, PubrecPacket,
                 PubrelPacket, PubcompPacket, SubscribePacket, SubackPacket, UnsubscribePacket,
                 UnsubackPacket, PingreqPacket, PingrespPacket, DisconnectPacket, AuthPacket>;

inline PacketType packetTypeOf(const Packet &packet)
{
    return static_cast<PacketType>(packet.index() + 1);
}

} // namespace mqttdesk
