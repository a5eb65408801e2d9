#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// The protocol level byte of CONNECT. 3.1 names itself "MQIsdp", the others "MQTT".
enum class ProtocolVersion : quint8
{
    V31 = 3,
    V311 = 4,
    V5 = 5,
};

// "3.1", "3.1.1" or "5.0".
QString protocolVersionName(ProtocolVersion version);

// The version for a CONNECT protocol level, or nothing for an unknown level.
std::optional<ProtocolVersion> protocolVersionFromLevel(quint8 level);

} // namespace mqttdesk
