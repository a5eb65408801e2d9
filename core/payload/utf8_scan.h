#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace mqttdesk {

// What a strict UTF-8 check (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF)
// found in some bytes, and how "text-like" they are.
class Utf8Scan
{
public:
    // Scans at most `limit` bytes (all when negative).
    static Utf8Scan scan(QByteArrayView bytes, qsizetype limit = -1);

    // The largest n <= max such that bytes[0, n) does not end inside a multi-byte sequence,
    // so a preview cut there shows no replacement character at its end.
    static qsizetype boundaryBefore(QByteArrayView bytes, qsizetype max);

    // True when every scanned byte is valid UTF-8; a sequence cut by the scan limit (not by
    // the end of the data) still counts as valid.
    bool isValid() const { return m_invalidAt < 0; }
    // The offset of the first invalid byte, or -1.
    qsizetype invalidAt() const { return m_invalidAt; }
    qsizetype scanned() const { return m_scanned; }
    // C0 controls other than tab, line feed, carriage return and form feed, plus DEL.
    qsizetype controlCount() const { return m_controls; }
    bool hasNul() const { return m_hasNul; }

    // Valid UTF-8 that reads as text: no NUL and at most 1 control character in 100.
    bool isPrintableText() const;

private:
    qsizetype m_invalidAt = -1;
    qsizetype m_scanned = 0;
    qsizetype m_controls = 0;
    bool m_hasNul = false;
};

} // namespace mqttdesk
