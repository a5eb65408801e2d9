#include "core/transport/transport_options.h"

#include <iterator>
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
static_assert(std::size(kKindNames) == std::size_t(TransportOptions::Kind::SecureWebSocket) + 1,
              "one name per TransportOptions::Kind");

} // namespace

QString TransportOptions::kindName(Kind kind)
{
    const auto index = std::size_t(kind);
    if (index >= std::size(kKindNames))
        return {};
    return QString::fromLatin1(kKindNames[index].data(), qsizetype(kKindNames[index].size()));
}

} // namespace mqttdesk
