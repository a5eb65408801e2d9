#include "core/inspector/image_sniffer.h"

namespace mqttdesk {

std::optional<ImageSniffer::Kind> ImageSniffer::kindFromMagic(QByteArrayView bytes)
{
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return Kind::Png;
    if (bytes.startsWith("\xff\xd8\xff"))
        return Kind::Jpeg;
    if (bytes.startsWith("GIF87a") || bytes.startsWith("GIF89a"))
        return Kind::Gif;
    // RIFF <size, 4 bytes> WEBP
    if (bytes.size() >= 12 && bytes.startsWith("RIFF") && bytes.sliced(8, 4) == "WEBP")
        return Kind::WebP;
    // "BM", then the file size, two reserved words and the pixel offset; a header of at
    // least 14 + 12 bytes keeps text that starts with "BM" out.
    if (bytes.size() >= 26 && bytes.startsWith("BM") && bytes[6] == 0 && bytes[7] == 0 &&
        bytes[8] == 0 && bytes[9] == 0)
        return Kind::Bmp;
    return std::nullopt;
}

std::optional<ImageSniffer::Kind> ImageSniffer::kindFromContentType(QStringView contentType)
{
    // "image/png; charset=..." is not a thing, but parameters are allowed by RFC 2045.
    const QStringView type = contentType.left(contentType.indexOf(u';')).trimmed();
    if (type.compare(u"image/png", Qt::CaseInsensitive) == 0)
        return Kind::Png;
    if (type.compare(u"image/jpeg", Qt::CaseInsensitive) == 0 ||
        type.compare(u"image/jpg", Qt::CaseInsensitive) == 0)
        return Kind::Jpeg;
    if (type.compare(u"image/gif", Qt::CaseInsensitive) == 0)
        return Kind::Gif;
    if (type.compare(u"image/webp", Qt::CaseInsensitive) == 0)
        return Kind::WebP;
    if (type.compare(u"image/bmp", Qt::CaseInsensitive) == 0 ||
        type.compare(u"image/x-bmp", Qt::CaseInsensitive) == 0)
        return Kind::Bmp;
    return std::nullopt;
}

std::optional<ImageSniffer::Kind> ImageSniffer::kindOf(QByteArrayView bytes,
                                                       QStringView contentType)
{
    if (const auto kind = kindFromMagic(bytes))
        return kind;
    return kindFromContentType(contentType);
}

QByteArray ImageSniffer::readerFormat(Kind kind)
{
    switch (kind) {
    case Kind::Png:
        return QByteArrayLiteral("png");
    case Kind::Jpeg:
        return QByteArrayLiteral("jpeg");
    case Kind::Gif:
        return QByteArrayLiteral("gif");
    case Kind::WebP:
        return QByteArrayLiteral("webp");
    case Kind::Bmp:
        return QByteArrayLiteral("bmp");
    }
    return {};
}

QString ImageSniffer::name(Kind kind)
{
    switch (kind) {
    case Kind::Png:
        return QStringLiteral("PNG");
    case Kind::Jpeg:
        return QStringLiteral("JPEG");
    case Kind::Gif:
        return QStringLiteral("GIF");
    case Kind::WebP:
        return QStringLiteral("WebP");
    case Kind::Bmp:
        return QStringLiteral("BMP");
    }
    return {};
}

} // namespace mqttdesk
