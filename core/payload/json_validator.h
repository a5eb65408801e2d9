#pragma once

#include "core/payload/payload_error.h"

#include <QByteArrayView>

#include <optional>

namespace mqttdesk {

// Whether UTF-8 bytes are exactly one JSON value (RFC 8259: scalars such as 42 or "on" count,
// which QJsonDocument alone refuses). The error's offset is a byte offset into `json`.
class JsonValidator
{
public:
    static std::optional<PayloadError> validate(QByteArrayView json);
};

} // namespace mqttdesk
