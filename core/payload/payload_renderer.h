#pragma once

#include "core/payload/hex_dump.h"
#include "core/payload/payload_format.h"
#include "core/payload/payload_hint.h"
#include "core/payload/rendered_payload.h"

#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace mqttdesk {

// Turns raw payload bytes into text for the stream, never touching the bytes. Text shows
// invalid UTF-8 as U+FFFD and control characters as visible symbols; JSON is re-indented
// keeping key order; hex is a dump with offsets and ASCII; CBOR and MessagePack become JSON.
// The rendering is the decoder's of the same id in DecoderRegistry::instance().
class PayloadRenderer
{
public:
    static constexpr qsizetype PreviewChars = 4096;
    // JSON larger than this is not validated for a preview, only re-indented up to the limit.
    static constexpr qsizetype kPreviewJsonValidationLimit = 1024 * 1024;

    // Everything (for "show all", "copy").
    static RenderedPayload render(QByteArrayView bytes, PayloadFormat format,
                                  const PayloadHint &hint = {});

    // At most about `maxChars` characters, from a bounded prefix of the bytes where the format
    // allows; `truncated` says whether anything was left out. A hex dump shows
    // `hexBytesPerLine` bytes a line (RenderOptions::hexBytesPerLine).
    static RenderedPayload preview(QByteArrayView bytes, PayloadFormat format,
                                   qsizetype maxChars = PreviewChars, const PayloadHint &hint = {},
                                   int hexBytesPerLine = HexDump::kBytesPerLine);

    // Text with C0 controls and DEL shown as Unicode control pictures (U+2400..), keeping tab
    // and line feed; "\r\n" becomes "\n".
    static QString visibleText(QStringView text);

private:
    static RenderedPayload renderLimited(QByteArrayView bytes, PayloadFormat format,
                                         qsizetype maxChars, const PayloadHint &hint,
                                         int hexBytesPerLine);
};

} // namespace mqttdesk
