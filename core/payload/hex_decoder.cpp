#include "core/payload/hex_decoder.h"

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
    return renderHex(bytes, options.maxChars, options.hexBytesPerLine);
}

RenderedPayload HexDecoder::renderHex(QByteArrayView bytes, qsizetype maxChars, int bytesPerLine)
{
    RenderedPayload out;
    out.decoder = QStringLiteral("hex");
    const int perLine = HexDump::supportedBytesPerLine(bytesPerLine);
    const qsizetype take =
        maxChars < 0 ? bytes.size()
                     : qMax<qsizetype>(perLine, maxChars / HexDump::lineLength(perLine) * perLine);
    out.text = HexDump::render(bytes, take, perLine);
    out.truncated = take < bytes.size();
    return out;
}

} // namespace mqttdesk
