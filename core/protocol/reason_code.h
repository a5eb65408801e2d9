#pragma once

#include "core/protocol/packet_type.h"

#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// Every MQTT 5.0 Reason Code (5.0 §2.4). Some values carry several names, depending
// on the packet: 0x00 is Success, Normal disconnection (DISCONNECT) or Granted QoS 0
// (SUBACK). 3.1/3.1.1 CONNACK return codes and SUBACK return codes are mapped onto
// this enum by the codec (see connectReturnCodeToReasonCode()), so the session deals
// with a single type.
enum class ReasonCode : quint8
{
    Success = 0x00,
    NormalDisconnection = 0x00,
    GrantedQoS0 = 0x00,
    GrantedQoS1 = 0x01,
    GrantedQoS2 = 0x02,
    DisconnectWithWillMessage = 0x04,
    NoMatchingSubscribers = 0x10,
    NoSubscriptionExisted = 0x11,
    ContinueAuthentication = 0x18,
    ReAuthenticate = 0x19,
    UnspecifiedError = 0x80,
    MalformedPacket = 0x81,
    ProtocolError = 0x82,
    ImplementationSpecificError = 0x83,
    UnsupportedProtocolVersion = 0x84,
    ClientIdentifierNotValid = 0x85,
    BadUserNameOrPassword = 0x86,
    NotAuthorized = 0x87,
    ServerUnavailable = 0x88,
    ServerBusy = 0x89,
    Banned = 0x8A,
    ServerShuttingDown = 0x8B,
    BadAuthenticationMethod = 0x8C,
    KeepAliveTimeout = 0x8D,
    SessionTakenOver = 0x8E,
    TopicFilterInvalid = 0x8F,
    TopicNameInvalid = 0x90,
    PacketIdentifierInUse = 0x91,
    PacketIdentifierNotFound = 0x92,
    ReceiveMaximumExceeded = 0x93,
    TopicAliasInvalid = 0x94,
    PacketTooLarge = 0x95,
    MessageRateTooHigh = 0x96,
    QuotaExceeded = 0x97,
    AdministrativeAction = 0x98,
    PayloadFormatInvalid = 0x99,
    RetainNotSupported = 0x9A,
    QoSNotSupported = 0x9B,
    UseAnotherServer = 0x9C,
    ServerMoved = 0x9D,
    SharedSubscriptionsNotSupported = 0x9E,
    ConnectionRateExceeded = 0x9F,
    MaximumConnectTime = 0xA0,
    SubscriptionIdentifiersNotSupported = 0xA1,
    WildcardSubscriptionsNotSupported = 0xA2,
};

// The 3.1 / 3.1.1 CONNACK return codes (3.1.1 §3.2.2.3). 6..255 are reserved.
enum class ConnectReturnCode : quint8
{
    Accepted = 0x00,
    UnacceptableProtocolVersion = 0x01,
    IdentifierRejected = 0x02,
    ServerUnavailable = 0x03,
    BadUserNameOrPassword = 0x04,
    NotAuthorized = 0x05,
};

// True for codes below 0x80 (success or a non-error outcome).
constexpr bool isSuccess(ReasonCode code)
{
    return static_cast<quint8>(code) < 0x80;
}

// Human-readable text with the hex value first, e.g. "0x87 Not authorized".
// `packet` picks the name for values that have several (0x00..0x02).
QString reasonCodeText(ReasonCode code, PacketType packet = PacketType::Connack);
QString connectReturnCodeText(ConnectReturnCode code);

// Whether `code` is defined at all, and whether it is one of the codes 5.0 allows in
// `packet` (CONNACK, PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK, UNSUBACK, DISCONNECT, AUTH).
bool isKnownReasonCode(quint8 value);
bool isReasonCodeAllowed(PacketType packet, ReasonCode code);

// 3.x CONNACK return code <-> 5.0 Reason Code: 0<->0x00, 1<->0x84, 2<->0x85, 3<->0x88,
// 4<->0x86, 5<->0x87. Nothing when there is no counterpart.
std::optional<ReasonCode> connectReturnCodeToReasonCode(quint8 returnCode);
std::optional<ConnectReturnCode> reasonCodeToConnectReturnCode(ReasonCode code);

} // namespace mqttdesk
