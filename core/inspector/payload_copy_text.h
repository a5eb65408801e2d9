#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace mqttdesk {

// A payload's bytes as text to paste elsewhere: hex pairs (what `xxd -r -p` reads back),
// Base64, or a C array for firmware tests. The bytes are never altered; a payload above
// kMaxBytes is refused (its text would be several times its size in the clipboard), and the
// caller offers "Save payload as…" instead.
class PayloadCopyText
{
public:
    enum class Format
    {
        Hex,
        Base64,
        CArray,
    };

    static constexpr qsizetype kMaxBytes = 16 * 1024 * 1024;
    static constexpr int kCArrayBytesPerLine = 12;

    // Empty when the payload is larger than kMaxBytes.
    static std::optional<QString> make(QByteArrayView bytes, Format format);
    static QString hex(QByteArrayView bytes);
    static QString base64(QByteArrayView bytes);
    static QString cArray(QByteArrayView bytes);
};

} // namespace mqttdesk
