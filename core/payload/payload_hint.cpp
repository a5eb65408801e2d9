#include "core/payload/payload_hint.h"

namespace mqttdesk {

PayloadHint PayloadHint::fromProperties(const Properties &properties)
{
    PayloadHint hint;
    if (std::optional<QString> type = properties.string(PropertyId::ContentType))
        hint.contentType = *type;
    if (std::optional<quint32> indicator = properties.integer(PropertyId::PayloadFormatIndicator))
        hint.utf8Declared = *indicator == 1;
    return hint;
}

} // namespace mqttdesk
