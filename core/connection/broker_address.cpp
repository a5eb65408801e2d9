#include "core/connection/broker_address.h"

namespace mqttdesk {

QString BrokerAddress::hostPort() const
{
    const bool ipv6 = host.contains(QLatin1Char(':')) && !host.startsWith(QLatin1Char('['));
    return ipv6 ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                : QStringLiteral("%1:%2").arg(host).arg(port);
}

QString BrokerAddress::sourceName(Source source)
{
    switch (source) {
    case Source::Main:
        return QStringLiteral("main");
    case Source::Fallback:
        return QStringLiteral("fallback");
    case Source::Srv:
        return QStringLiteral("DNS SRV");
    case Source::ServerReference:
        return QStringLiteral("server reference");
    }
    return {};
}

} // namespace mqttdesk
