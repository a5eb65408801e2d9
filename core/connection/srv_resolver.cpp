#include "core/connection/srv_resolver.h"

namespace mqttdesk {

SrvResolver::~SrvResolver() = default;

QString SrvResolver::serviceName(const QString &domain, bool tls)
{
    QString name = domain.trimmed();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return (tls ? QStringLiteral("_secure-mqtt._tcp.") : QStringLiteral("_mqtt._tcp.")) + name;
}

} // namespace mqttdesk
