#include "core/storage/stored_message.h"

#include <cstring>

namespace mqttdesk {

int StoredMessage::flags() const
{
    int f = (direction == Direction::Outgoing ? FlagOutgoing : 0) | ((qos & 3) << FlagQosShift);
    if (retain)
        f |= FlagRetain;
    if (dup)
        f |= FlagDup;
    if (payload.size() > kLargePayloadThreshold)
        f |= FlagLarge;
    // A large text payload is searchable too (its text is read from message_blobs).
    if (!payload.isEmpty() && isValidUtf8(payload))
        f |= FlagText;
    return f;
}

void StoredMessage::applyFlags(int f)
{
    direction = (f & FlagOutgoing) ? Direction::Outgoing : Direction::Incoming;
    qos = static_cast<quint8>((f >> FlagQosShift) & 3);
    retain = f & FlagRetain;
    dup = f & FlagDup;
}

bool isValidUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const auto *end = p + bytes.size();
    while (p < end) {
        // ASCII runs (most payloads) eight bytes at a time.
        while (end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, sizeof word);
            if (word & 0x8080808080808080ULL)
                break;
            p += 8;
        }
        if (p >= end)
            break;
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        quint32 cp = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        static constexpr quint32 kMinimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMinimum[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += extra + 1;
    }
    return true;
}

} // namespace mqttdesk
