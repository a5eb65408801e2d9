#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

namespace mqttdesk {

// Whether a payload is a picture, by its magic bytes (a camera or a dashboard publishes
// PNG/JPEG frames without any content type) or by an MQTT 5 content type. Only says what
// the bytes claim to be: whether the picture is whole is for the image reader to find.
class ImageSniffer
{
public:
    enum class Kind
    {
        Png,
        Jpeg,
        Gif,
        WebP,
        Bmp,
    };

    // The bytes' own signature wins over the content type; the content type alone
    // ("image/png") names a kind for bytes too short or too damaged to carry one.
    static std::optional<Kind> kindOf(QByteArrayView bytes, QStringView contentType = {});
    // The kind from its signature alone.
    static std::optional<Kind> kindFromMagic(QByteArrayView bytes);
    static std::optional<Kind> kindFromContentType(QStringView contentType);
    // QImageReader's format name ("png", "jpeg", ...).
    static QByteArray readerFormat(Kind kind);
    // "PNG", "JPEG", ... for the status line.
    static QString name(Kind kind);
};

} // namespace mqttdesk
