#pragma once

#include <QStringView>
#include <QtGlobal>

namespace mqttdesk {

// UTF-8 lengths of UTF-16 text: as QString::toUtf8() encodes it, except that a lone
// surrogate counts 3 bytes, the size of a replacement character (Qt 6.4's toUtf8() writes
// '?' for it), so the count is never below what is sent.

// The number of bytes `text` takes in UTF-8.
qsizetype utf8ByteCount(QStringView text);

// The index in `text` of the first character whose UTF-8 encoding starts at byte
// `byteOffset` or later (never the low half of a surrogate pair), or text.size() when there
// is none.
qsizetype utf16IndexAtUtf8Byte(QStringView text, qsizetype byteOffset);

} // namespace mqttdesk
