#pragma once

#include "core/transport/transport.h"
#include "core/transport/transport_options.h"

#include <memory>

namespace mqttdesk {

// Picks the transport for TransportOptions::kind.
class TransportFactory
{
public:
    static std::unique_ptr<Transport> create(const TransportOptions &options,
                                             QObject *parent = nullptr);
};

} // namespace mqttdesk
