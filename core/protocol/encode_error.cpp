#include "core/protocol/encode_error.h"

#include "core/enum_name.h"

#include <QCoreApplication>

#include <string_view>

namespace mqttdesk {

namespace {

QString what(EncodeError::Kind kind)
{
    using K = EncodeError::Kind;
    switch (kind) {
    case K::NotInVersion:
        return QCoreApplication::translate("mqttdesk::EncodeError",
                                           "it uses a feature this protocol version does not have");
    case K::ZeroPacketIdentifier:
        return QCoreApplication::translate("mqttdesk::EncodeError", "its packet identifier is 0");
    case K::InvalidQoS:
        return QCoreApplication::translate("mqttdesk::EncodeError", "its QoS level is above 2");
    case K::StringTooLong:
        return QCoreApplication::translate("mqttdesk::EncodeError",
                                           "a text or binary field is longer than 65,535 bytes");
    case K::InvalidString:
        return QCoreApplication::translate("mqttdesk::EncodeError",
                                           "a text contains U+0000 or an unpaired surrogate");
    case K::WildcardInTopicName:
        return QCoreApplication::translate("mqttdesk::EncodeError",
                                           "the topic name contains a wildcard ('+' or '#')");
    case K::EmptyTopicName:
        return QCoreApplication::translate("mqttdesk::EncodeError",
                                           "the topic name is empty and no Topic Alias is set");
    case K::PropertyNotAllowed:
        return QCoreApplication::translate("mqttdesk::EncodeError",
                                           "a property is not allowed in this packet");
    case K::DuplicateProperty:
        return QCoreApplication::translate("mqttdesk::EncodeError",
                                           "a property that may appear only once is given twice");
    case K::InvalidPropertyValue:
        return QCoreApplication::translate("mqttdesk::EncodeError",
                                           "a property value is out of range");
    case K::InvalidReasonCode:
        return QCoreApplication::translate("mqttdesk::EncodeError",
                                           "the reason code is not valid in this packet");
    case K::InvalidFlags:
        return QCoreApplication::translate("mqttdesk::EncodeError", "its flags are inconsistent");
    case K::NoTopicFilters:
        return QCoreApplication::translate("mqttdesk::EncodeError", "it has no topic filter");
    case K::PacketTooLarge:
        return QCoreApplication::translate("mqttdesk::EncodeError",
                                           "it is larger than the largest possible MQTT packet");
    }
    return QCoreApplication::translate("mqttdesk::EncodeError", "it is invalid");
}

// Indexed by EncodeError::Kind, in the order of its declaration.
constexpr std::string_view kKindNames[] = {
    "NotInVersion",      "ZeroPacketIdentifier", "InvalidQoS",        "StringTooLong",
    "InvalidString",     "WildcardInTopicName",  "EmptyTopicName",    "PropertyNotAllowed",
    "DuplicateProperty", "InvalidPropertyValue", "InvalidReasonCode", "InvalidFlags",
    "NoTopicFilters",    "PacketTooLarge",
};

} // namespace

QString EncodeError::kindName(Kind kind)
{
    return enumName<Kind::NotInVersion, Kind::PacketTooLarge>(kKindNames, kind);
}

QString EncodeError::message() const
{
    QString text = QCoreApplication::translate("mqttdesk::EncodeError", "Cannot send %1: %2")
                       .arg(packetTypeName(packet), what(kind));
    if (!detail.isEmpty())
        text += QStringLiteral(" (") + detail + QLatin1Char(')');
    if (!rule.isEmpty())
        text += QStringLiteral(" [") + rule + QLatin1Char(']');
    text += QLatin1Char('.');
    return text;
}

} // namespace mqttdesk
