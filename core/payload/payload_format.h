#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// How a payload is shown or how publish text is turned into bytes. Auto picks one from the
// bytes (see PayloadDetector).
enum class PayloadFormat : quint8
{
    Auto,
    Text,
    Json,
    Hex,
    Base64,
    Cbor,
    MessagePack,
};

// Translated name for menus: "Text", "JSON", "Hex", ...
QString payloadFormatName(PayloadFormat format);

// Stable, untranslated key for settings and profiles: "auto", "text", "json", "hex",
// "base64", "cbor", "msgpack".
QString payloadFormatKey(PayloadFormat format);
std::optional<PayloadFormat> payloadFormatFromKey(QStringView key);

} // namespace mqttdesk
