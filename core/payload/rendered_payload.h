#pragma once

#include "core/payload/json_highlighter.h"
#include "core/payload/payload_error.h"
#include "core/payload/payload_format.h"

#include <QList>
#include <QString>

#include <optional>

namespace mqttdesk {

// Payload bytes as display text.
struct RenderedPayload
{
    // The id of the decoder whose rendering `text` is (never "auto"): the one asked for, or
    // "text"/"hex" when that one could not show the bytes.
    QString decoder;
    // The same as a PayloadFormat, for the callers that still use the enum; never Auto. Text
    // for a decoder the enum has no value for.
    PayloadFormat format = PayloadFormat::Text;
    QString text;
    QList<JsonSpan> spans;  // colour spans when `text` is JSON (Json, Cbor, MessagePack)
    bool truncated = false; // a preview that does not show everything: offer "show all"
    // Set when the requested decoder cannot show these bytes; `text` is then the fallback
    // rendering (text or hex, named by `decoder`) and this says why.
    std::optional<PayloadError> error;
};

} // namespace mqttdesk
