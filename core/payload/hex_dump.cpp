#include "core/payload/hex_dump.h"

namespace mqttdesk {

int HexDump::bytesPerLineFor(int columns)
{
    for (int bytesPerLine = kBytesPerLine; bytesPerLine > kMinBytesPerLine; bytesPerLine /= 2) {
        if (columns >= lineLength(bytesPerLine) - 1)
            return bytesPerLine;
    }
    return kMinBytesPerLine;
}

int HexDump::supportedBytesPerLine(int bytesPerLine)
{
    if (bytesPerLine >= 16)
        return 16;
    return bytesPerLine >= 8 ? 8 : kMinBytesPerLine;
}

QString HexDump::render(QByteArrayView bytes, qsizetype maxBytes, int bytesPerLine)
{
    static constexpr char16_t kDigits[] = u"0123456789abcdef";
    const int perLine = supportedBytesPerLine(bytesPerLine);
    const qsizetype size = maxBytes < 0 ? bytes.size() : qMin(maxBytes, bytes.size());
    // Offsets past 4 GiB need more than eight digits.
    const int offsetDigits = bytes.size() > 0xffffffffLL ? 16 : 8;
    QString out;
    out.reserve((size / perLine + 1) * (lineLength(perLine) + offsetDigits - 8));
    for (qsizetype line = 0; line < size; line += perLine) {
        const qsizetype count = qMin<qsizetype>(perLine, size - line);
        for (int shift = (offsetDigits - 1) * 4; shift >= 0; shift -= 4)
            out.append(QChar(kDigits[(quint64(line) >> shift) & 0xf]));
        out.append(u"  ");
        for (int k = 0; k < perLine; ++k) {
            if (k == 8)
                out.append(u' ');
            if (k < count) {
                const uchar b = uchar(bytes[line + k]);
                out.append(QChar(kDigits[b >> 4]));
                out.append(QChar(kDigits[b & 0xf]));
                out.append(u' ');
            } else {
                out.append(u"   ");
            }
        }
        out.append(u" |");
        for (qsizetype k = 0; k < count; ++k) {
            const uchar b = uchar(bytes[line + k]);
            out.append(b >= 0x20 && b < 0x7f ? QChar(char16_t(b)) : QChar(u'.'));
        }
        out.append(u"|\n");
    }
    return out;
}

} // namespace mqttdesk
