#include "core/protocol/decode_error.h"

#include "core/enum_name.h"

#include <QCoreApplication>

#include <string_view>

namespace mqttdesk {

namespace {

QString what(DecodeError::Kind kind)
{
    using K = DecodeError::Kind;
    switch (kind) {
    case K::InvalidPacketType:
        return QCoreApplication::translate(
            "mqttdesk::DecodeError",
            "the packet type is reserved or not part of this protocol version");
    case K::InvalidFixedHeaderFlags:
        return QCoreApplication::translate(
            "mqttdesk::DecodeError", "the fixed header flags are invalid for this packet type");
    case K::MalformedVariableByteInteger:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "a Variable Byte Integer is longer than 4 bytes");
    case K::PacketTooLarge:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "the packet is larger than the maximum packet size");
    case K::TruncatedPacket:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "the packet ends in the middle of a field");
    case K::TrailingBytes:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "the packet has unexpected bytes after its last field");
    case K::InvalidUtf8:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "a string is not well-formed UTF-8");
    case K::SurrogateInString:
        return QCoreApplication::translate(
            "mqttdesk::DecodeError",
            "a string contains a UTF-16 surrogate code point (U+D800..U+DFFF)");
    case K::NullCharacterInString:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "a string contains the null character U+0000");
    case K::ZeroPacketIdentifier:
        return QCoreApplication::translate("mqttdesk::DecodeError", "the packet identifier is 0");
    case K::InvalidQoS:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "the QoS level is 3, which does not exist");
    case K::WildcardInTopicName:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "the topic name contains a wildcard ('+' or '#')");
    case K::EmptyTopicName:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "the topic name is empty and no Topic Alias is given");
    case K::InvalidProtocolName:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "the protocol name is neither \"MQTT\" nor \"MQIsdp\"");
    case K::UnsupportedProtocolVersion:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "the protocol level is not 3, 4 or 5");
    case K::InvalidConnectFlags:
        return QCoreApplication::translate(
            "mqttdesk::DecodeError", "the Connect Flags are inconsistent or use the reserved bit");
    case K::InvalidConnackFlags:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "the Connect Acknowledge Flags use reserved bits");
    case K::InvalidReasonCode:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "the reason code is not valid in this packet");
    case K::UnknownProperty:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "a property identifier is unknown");
    case K::PropertyNotAllowed:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "a property is not allowed in this packet");
    case K::DuplicateProperty:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "a property that may appear only once appears twice");
    case K::InvalidPropertyValue:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "a property has a value outside its allowed range");
    case K::InvalidSubscriptionOptions:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "the subscription options use reserved bits or values");
    case K::NoTopicFilters:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "the packet contains no topic filter");
    case K::NoReasonCodes:
        return QCoreApplication::translate("mqttdesk::DecodeError",
                                           "the packet contains no reason code");
    }
    return QCoreApplication::translate("mqttdesk::DecodeError", "the packet is invalid");
}

// Indexed by DecodeError::Kind, in the order of its declaration.
constexpr std::string_view kKindNames[] = {
    "InvalidPacketType",
    "InvalidFixedHeaderFlags",
    "MalformedVariableByteInteger",
    "PacketTooLarge",
    "TruncatedPacket",
    "TrailingBytes",
    "InvalidUtf8",
    "SurrogateInString",
    "NullCharacterInString",
    "ZeroPacketIdentifier",
    "InvalidQoS",
    "WildcardInTopicName",
    "EmptyTopicName",
    "InvalidProtocolName",
    "UnsupportedProtocolVersion",
    "InvalidConnectFlags",
    "InvalidConnackFlags",
    "InvalidReasonCode",
    "UnknownProperty",
    "PropertyNotAllowed",
    "DuplicateProperty",
    "InvalidPropertyValue",
    "InvalidSubscriptionOptions",
    "NoTopicFilters",
    "NoReasonCodes",
};

} // namespace

QString DecodeError::kindName(Kind kind)
{
    return enumName<Kind::InvalidPacketType, Kind::NoReasonCodes>(kKindNames, kind);
}

bool DecodeError::isProtocolError() const
{
    // 5.0 §2.2.2.2, §3.3.2.3.4, §3.8.3.1: these are Protocol Errors, the rest Malformed.
    switch (kind) {
    case Kind::DuplicateProperty:
    case Kind::InvalidPropertyValue:
    case Kind::EmptyTopicName:
    case Kind::ZeroPacketIdentifier:
    case Kind::NoTopicFilters:
    case Kind::UnsupportedProtocolVersion:
        return true;
    default:
        return false;
    }
}

QString DecodeError::message() const
{
    const QString packetName = packet
                                   ? packetTypeName(*packet)
                                   : QCoreApplication::translate("mqttdesk::DecodeError", "packet");
    QString text = QCoreApplication::translate("mqttdesk::DecodeError", "Invalid %1 received: %2")
                       .arg(packetName, what(kind));
    if (!detail.isEmpty())
        text += QStringLiteral(" (") + detail + QLatin1Char(')');
    text += QCoreApplication::translate("mqttdesk::DecodeError", " at byte %1 [%2].")
                .arg(offset)
                .arg(rule);
    text += QLatin1Char(' ') +
            QCoreApplication::translate("mqttdesk::DecodeError",
                                        "The peer does not follow the MQTT specification; "
                                        "the connection is closed. Check the broker or "
                                        "the protocol version chosen for it.");
    return text;
}

} // namespace mqttdesk
