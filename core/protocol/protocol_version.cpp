#include "core/protocol/protocol_version.h"

namespace mqttdesk {

QString protocolVersionName(ProtocolVersion version)
{
    switch (version) {
    case ProtocolVersion::V31:
        return QStringLiteral("3.1");
    case ProtocolVersion::V311:
        return QStringLiteral("3.1.1");
    case ProtocolVersion::V5:
        return QStringLiteral("5.0");
    }
    return QString();
}

std::optional<ProtocolVersion> protocolVersionFromLevel(quint8 level)
{
    switch (level) {
    case 3:
        return ProtocolVersion::V31;
    case 4:
        return ProtocolVersion::V311;
    case 5:
        return ProtocolVersion::V5;
    default:
        return std::nullopt;
    }
}

} // namespace mqttdesk
