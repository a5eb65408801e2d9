#pragma once

#include "core/payload/json_highlighter.h"
#include "core/payload/payload_error.h"
#include "core/payload/payload_format.h"
#include "core/payload/payload_hint.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace mqttdesk {

// Payload bytes as display text.
struct RenderedPayload
{
    PayloadFormat format = PayloadFormat::Text; // what `text` shows; never Auto
    QString text;
    QList<JsonSpan> spans;  // colour spans when `text` is JSON (Json, Cbor, MessagePack)
    bool truncated = false; // a preview that does not show everything: offer "show all"
    // Set when the requested format cannot show these bytes; `text` is then the fallback
    // rendering (text or hex, named by `format`) and this says why.
    std::optional<PayloadError> error;
};

// Turns raw payload bytes into text for the stream, never touching the bytes. Text shows
// invalid UTF-8 as U+FFFD and control characters as visible symbols; JSON is re-indented
// keeping key order; hex is a dump with offsets and ASCII; CBOR and MessagePack become JSON.
class PayloadRenderer
{
public:
    static constexpr qsizetype PreviewChars = 4096;
    // JSON larger than this is not validated for a preview, only re-indented up to the limit.
    static constexpr qsizetype PreviewJsonValidationLimit = 1024 * 1024;

    // Everything (for "show all", "copy").
    static RenderedPayload render(QByteArrayView bytes, PayloadFormat format,
                                  const PayloadHint &hint = {});

    // At most about `maxChars` characters, from a bounded prefix of the bytes where the format
    // allows; `truncated` says whether anything was left out.
    static RenderedPayload preview(QByteArrayView bytes, PayloadFormat format,
                                   qsizetype maxChars = PreviewChars, const PayloadHint &hint = {});

    // Text with C0 controls and DEL shown as Unicode control pictures (U+2400..), keeping tab
    // and line feed; "\r\n" becomes "\n".
    static QString visibleText(QStringView text);

private:
    static RenderedPayload renderLimited(QByteArrayView bytes, PayloadFormat format,
                                         qsizetype maxChars, const PayloadHint &hint);
};

} // namespace mqttdesk
