#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// The built-in decoders as an enum, for the code that still stores one (subscriptions, the
// stream's per-row choice, the publish bar and the CLI). Each value names the decoder of the
// same id in DecoderRegistry, which is where the list, the names and the order live. Auto
// picks one from the bytes (see PayloadDetector).
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

// Translated name for menus: "Text", "JSON", "Hex", ... (the decoder's name).
QString payloadFormatName(PayloadFormat format);

// Stable, untranslated key for settings and profiles, which is the decoder's id: "auto",
// "text", "json", "hex", "base64", "cbor", "msgpack".
QString payloadFormatKey(PayloadFormat format);
// The value whose key this is; nothing for other keys, including decoders the enum has no
// value for.
std::optional<PayloadFormat> payloadFormatFromKey(QStringView key);

} // namespace mqttdesk
