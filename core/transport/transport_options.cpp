#include "core/transport/transport_options.h"

#include "core/enum_name.h"

#include <string_view>

namespace mqttdesk {

namespace {

// Indexed by TransportOptions::Kind.
constexpr std::string_view kKindNames[] = {
    "TCP",
    "TLS",
    "WebSocket",
    "secure WebSocket",
};

} // namespace

QString TransportOptions::kindName(Kind kind)
{
    return enumName<Kind::Tcp, Kind::SecureWebSocket>(kKindNames, kind, QString());
}

} // namespace mqttdesk
