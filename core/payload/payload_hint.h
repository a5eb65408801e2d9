#pragma once

#include "core/protocol/properties.h"

#include <QString>

#include <optional>

namespace mqttdesk {

// What the MQTT 5 PUBLISH says about its payload, when it says anything.
struct PayloadHint
{
    QString contentType;              // Content Type property, e.g. "application/json"
    std::optional<bool> utf8Declared; // Payload Format Indicator: true = UTF-8 text

    // From a message's MQTT 5 properties.
    static PayloadHint fromProperties(const Properties &properties);
};

} // namespace mqttdesk
