#pragma once

#include <QStringView>
#include <QtGlobal>

namespace mqttdesk {

// UTF-8 lengths of UTF-16 text, counted as QString::toUtf8() encodes it: a surrogate pair
// takes 4 bytes and a lone surrogate 3 (toUtf8() writes a replacement character for it).

// The number of bytes `text` takes in UTF-8.
qsizetype utf8ByteCount(QStringView text);

// The index in `text` of the first character whose UTF-8 encoding starts at byte
// `byteOffset` or later (never the low half of a surrogate pair), or text.size() when there
// is none.
qsizetype utf16IndexAtUtf8Byte(QStringView text, qsizetype byteOffset);

} // namespace mqttdesk
