#include "core/protocol/utf8_length.h"

#include <QChar>

#include <limits>

namespace mqttdesk {

namespace {

struct Utf8Walk
{
    qsizetype index = 0; // where the walk stopped, in UTF-16 code units
    qsizetype bytes = 0; // the UTF-8 bytes of text[0, index)
};

// Walks `text` from its start, character by character, until the UTF-8 bytes counted
// reach `stopAt` or the text ends.
Utf8Walk walk(QStringView text, qsizetype stopAt)
{
    Utf8Walk at;
    const qsizetype size = text.size();
    while (at.index < size && at.bytes < stopAt) {
        const char16_t c = text[at.index].unicode();
        if (c < 0x80) {
            at.bytes += 1;
        } else if (c < 0x800) {
            at.bytes += 2;
        } else if (QChar::isHighSurrogate(c) && at.index + 1 < size &&
                   QChar::isLowSurrogate(text[at.index + 1].unicode())) {
            at.bytes += 4;
            ++at.index;
        } else {
            at.bytes += 3;
        }
        ++at.index;
    }
    return at;
}

} // namespace

qsizetype utf8ByteCount(QStringView text)
{
    return walk(text, std::numeric_limits<qsizetype>::max()).bytes;
}

qsizetype utf16IndexAtUtf8Byte(QStringView text, qsizetype byteOffset)
{
    return walk(text, byteOffset).index;
}

} // namespace mqttdesk
