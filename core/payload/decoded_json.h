#pragma once

#include "core/payload/payload_error.h"

#include <QString>

#include <optional>

namespace mqttdesk {

// A binary payload (CBOR, MessagePack) turned into JSON text. When `truncated` is set the text
// stopped at the size limit and the rest of the payload was not looked at.
struct DecodedJson
{
    QString json;
    bool truncated = false;
    std::optional<PayloadError> error;
};

} // namespace mqttdesk
