#include "core/inspector/payload_copy_text.h"

namespace mqttdesk {

namespace {

constexpr char kDigits[] = "0123456789abcdef";

} // namespace

std::optional<QString> PayloadCopyText::make(QByteArrayView bytes, Format format)
{
    if (bytes.size() > kMaxBytes)
        return std::nullopt;
    switch (format) {
    case Format::Hex:
        return hex(bytes);
    case Format::Base64:
        return base64(bytes);
    case Format::CArray:
        return cArray(bytes);
    }
    return std::nullopt;
}

QString PayloadCopyText::hex(QByteArrayView bytes)
{
    QString out(bytes.isEmpty() ? 0 : bytes.size() * 3 - 1, Qt::Uninitialized);
    QChar *to = out.data();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto byte = quint8(bytes[i]);
        if (i > 0)
            *to++ = u' ';
        *to++ = QLatin1Char(kDigits[byte >> 4]);
        *to++ = QLatin1Char(kDigits[byte & 0xf]);
    }
    return out;
}

QString PayloadCopyText::base64(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.toByteArray().toBase64());
}

QString PayloadCopyText::cArray(QByteArrayView bytes)
{
    // "    0x7b, " per byte, a line per kCArrayBytesPerLine bytes.
    QString out;
    out.reserve(bytes.size() * 6 + bytes.size() / kCArrayBytesPerLine * 5 + 64);
    out += u"const unsigned char payload[" + QString::number(bytes.size()) + u"] = {";
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto byte = quint8(bytes[i]);
        out += i % kCArrayBytesPerLine == 0 ? QStringView(u"\n    ") : QStringView(u" ");
        out += u"0x";
        out += QLatin1Char(kDigits[byte >> 4]);
        out += QLatin1Char(kDigits[byte & 0xf]);
        if (i + 1 < bytes.size())
            out += u',';
    }
    out += bytes.isEmpty() ? QStringView(u"};\n") : QStringView(u"\n};\n");
    return out;
}

} // namespace mqttdesk
