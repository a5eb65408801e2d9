#pragma once

#include "core/payload/json_highlighter.h"
#include "core/payload/payload_error.h"

#include <QList>
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
    // The text's highlighting when the writer kept it (JsonTextWriter::takeSpans());
    // otherwise it is found by scanning the text.
    std::optional<QList<JsonSpan>> spans;
};

} // namespace mqttdesk
