#pragma once

#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// The classic hex dump: an offset, 16 bytes in hex (split 8 + 8) and their ASCII, '.' for
// anything not printable:
//   00000000  48 65 6c 6c 6f 0a 00 ff  ...                      |Hello...|
class HexDump
{
public:
    static constexpr int kBytesPerLine = 16;
    // Characters per line including the line feed, with an 8-digit offset.
    static constexpr int kLineLength = 79;

    // Dumps at most `maxBytes` bytes (all when negative).
    static QString render(QByteArrayView bytes, qsizetype maxBytes = -1);
};

} // namespace mqttdesk
