#include "core/payload/utf8_scan.h"

namespace mqttdesk {

namespace {

// The length of the sequence led by `lead`, or 0 for a byte that cannot lead one.
int sequenceLength(uchar lead)
{
    if (lead < 0x80)
        return 1;
    if (lead >= 0xc2 && lead <= 0xdf)
        return 2;
    if (lead >= 0xe0 && lead <= 0xef)
        return 3;
    if (lead >= 0xf0 && lead <= 0xf4)
        return 4;
    return 0;
}

// The allowed range of the first continuation byte, which rules out overlongs, surrogates
// and code points above U+10FFFF.
bool secondByteOk(uchar lead, uchar second)
{
    switch (lead) {
    case 0xe0:
        return second >= 0xa0 && second <= 0xbf;
    case 0xed:
        return second >= 0x80 && second <= 0x9f;
    case 0xf0:
        return second >= 0x90 && second <= 0xbf;
    case 0xf4:
        return second >= 0x80 && second <= 0x8f;
    default:
        return second >= 0x80 && second <= 0xbf;
    }
}

} // namespace

Utf8Scan Utf8Scan::scan(QByteArrayView bytes, qsizetype limit)
{
    Utf8Scan result;
    const qsizetype size = bytes.size();
    const qsizetype end = limit < 0 ? size : qMin(limit, size);
    const auto *data = reinterpret_cast<const uchar *>(bytes.data());
    qsizetype i = 0;
    while (i < end) {
        const uchar lead = data[i];
        if (lead < 0x80) {
            if (lead == 0)
                result.m_hasNul = true;
            else if ((lead < 0x20 && lead != '\t' && lead != '\n' && lead != '\r' &&
                      lead != '\f') ||
                     lead == 0x7f)
                ++result.m_controls;
            ++i;
            continue;
        }
        const int length = sequenceLength(lead);
        if (length == 0) {
            result.m_invalidAt = i;
            break;
        }
        bool ok = true;
        qsizetype k = 1;
        for (; k < length && i + k < size; ++k) {
            const uchar c = data[i + k];
            if (k == 1 ? !secondByteOk(lead, c) : (c < 0x80 || c > 0xbf)) {
                ok = false;
                break;
            }
        }
        if (!ok) {
            result.m_invalidAt = i;
            break;
        }
        if (k < length) { // the data ends inside the sequence
            result.m_invalidAt = i;
            break;
        }
        i += length;
    }
    result.m_scanned = qMin(i, size);
    return result;
}

qsizetype Utf8Scan::boundaryBefore(QByteArrayView bytes, qsizetype max)
{
    if (max >= bytes.size())
        return bytes.size();
    if (max <= 0)
        return 0;
    const auto *data = reinterpret_cast<const uchar *>(bytes.data());
    // bytes[max] starts the part we drop; back up over continuation bytes (at most 3).
    qsizetype cut = max;
    for (int back = 0; back < 3 && cut > 0 && (data[cut] & 0xc0) == 0x80; ++back)
        --cut;
    return (data[cut] & 0xc0) == 0x80 ? max : cut;
}

bool Utf8Scan::isPrintableText() const
{
    return isValid() && !m_hasNul && m_controls * 100 <= m_scanned;
}

} // namespace mqttdesk
