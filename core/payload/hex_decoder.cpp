#include "core/payload/hex_decoder.h"

#include "core/payload/hex_dump.h"

#include <QCoreApplication>

namespace mqttdesk {

QString HexDecoder::id() const
{
    return QStringLiteral("hex");
}

QString HexDecoder::name() const
{
    return QCoreApplication::translate("PayloadFormat", "Hex");
}

int HexDecoder::detect(QByteArrayView, const PayloadHint &) const
{
    return kConfidence;
}

RenderedPayload HexDecoder::render(QByteArrayView bytes, const RenderOptions &options) const
{
    return renderHex(bytes, options.maxChars);
}

RenderedPayload HexDecoder::renderHex(QByteArrayView bytes, qsizetype maxChars)
{
    RenderedPayload out;
    out.decoder = QStringLiteral("hex");
    const qsizetype take =
        maxChars < 0 ? bytes.size()
                     : qMax<qsizetype>(HexDump::kBytesPerLine,
                                       maxChars / HexDump::kLineLength * HexDump::kBytesPerLine);
    out.text = HexDump::render(bytes, take);
    out.truncated = take < bytes.size();
    return out;
}

} // namespace mqttdesk
