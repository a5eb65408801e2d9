#pragma once

#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// The classic hex dump: an offset, the bytes in hex and their ASCII, '.' for anything not
// printable. 16 bytes per line (split 8 + 8), or 8 or 4 where the view is too narrow for
// that, so that the ASCII column always stays in sight:
//   00000000  48 65 6c 6c 6f 0a 00 ff  ...                      |Hello...|
//   00000000  48 65 6c 6c 6f 0a 00 ff  |Hello...|
//   00000000  48 65 6c 6c  |Hell|
// Every line has the same layout; the hex part of a last, shorter line is padded with
// spaces, so its ASCII column starts where the others do.
class HexDump
{
public:
    static constexpr int kBytesPerLine = 16;
    static constexpr int kMinBytesPerLine = 4;
    // Characters per 16-byte line including the line feed, with an 8-digit offset.
    static constexpr int kLineLength = 79;

    // Characters of a line of `bytesPerLine` bytes (16, 8 or 4) including the line feed, with
    // an 8-digit offset: offset, two spaces, "xx " per byte (and one more space between the
    // two halves of 16), " |", the ASCII, "|".
    static constexpr int lineLength(int bytesPerLine)
    {
        return 8 + 2 + 3 * bytesPerLine + (bytesPerLine > 8 ? 1 : 0) + 2 + bytesPerLine + 2;
    }
    // The most bytes per line, of 16, 8 and 4, whose line fits in `columns` characters (the
    // line feed not counted); 4 when none does.
    static int bytesPerLineFor(int columns);
    // 16, 8 or 4: the supported count at most `bytesPerLine` (4 for anything smaller).
    static int supportedBytesPerLine(int bytesPerLine);

    // Dumps at most `maxBytes` bytes (all when negative), `bytesPerLine` a line (see
    // supportedBytesPerLine()).
    static QString render(QByteArrayView bytes, qsizetype maxBytes = -1,
                          int bytesPerLine = kBytesPerLine);
};

static_assert(HexDump::lineLength(HexDump::kBytesPerLine) == HexDump::kLineLength);

} // namespace mqttdesk
