#pragma once

#include "core/protocol/properties.h"

#include "app/cli/cli_error.h"
#include "app/cli/cli_options.h"

#include <QList>
#include <QString>

#include <optional>

namespace mqttdesk {

// The -D properties sorted by the packet they go into (mosquitto's -D command names).
struct CliProperties
{
    Properties connect;
    Properties publish;
    Properties subscribe;
    Properties unsubscribe;
    Properties disconnect;
    Properties will;

    // Builds them, checking each name, value and that the packet allows it (5.0 §2.2.2.2);
    // nothing with `error` set otherwise.
    static std::optional<CliProperties> build(const QList<CliProperty> &properties,
                                              CliError *error);
};

} // namespace mqttdesk
