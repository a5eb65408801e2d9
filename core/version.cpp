#include "core/version.h"

namespace mqttdesk {

QString versionString()
{
    return QStringLiteral(MQTTDESK_VERSION);
}

} // namespace mqttdesk
