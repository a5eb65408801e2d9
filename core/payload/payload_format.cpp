#include "core/payload/payload_format.h"

#include <QCoreApplication>

namespace mqttdesk {

namespace {

constexpr PayloadFormat AllFormats[] = {
    PayloadFormat::Auto,   PayloadFormat::Text, PayloadFormat::Json,        PayloadFormat::Hex,
    PayloadFormat::Base64, PayloadFormat::Cbor, PayloadFormat::MessagePack,
};

} // namespace

QString payloadFormatName(PayloadFormat format)
{
    switch (format) {
    case PayloadFormat::Auto:
        return QCoreApplication::translate("PayloadFormat", "Auto");
    case PayloadFormat::Text:
        return QCoreApplication::translate("PayloadFormat", "Text");
    case PayloadFormat::Json:
        return QCoreApplication::translate("PayloadFormat", "JSON");
    case PayloadFormat::Hex:
        return QCoreApplication::translate("PayloadFormat", "Hex");
    case PayloadFormat::Base64:
        return QCoreApplication::translate("PayloadFormat", "Base64");
    case PayloadFormat::Cbor:
        return QCoreApplication::translate("PayloadFormat", "CBOR");
    case PayloadFormat::MessagePack:
        return QCoreApplication::translate("PayloadFormat", "MessagePack");
    }
    return QString();
}

QString payloadFormatKey(PayloadFormat format)
{
    switch (format) {
    case PayloadFormat::Auto:
        return QStringLiteral("auto");
    case PayloadFormat::Text:
        return QStringLiteral("text");
    case PayloadFormat::Json:
        return QStringLiteral("json");
    case PayloadFormat::Hex:
        return QStringLiteral("hex");
    case PayloadFormat::Base64:
        return QStringLiteral("base64");
    case PayloadFormat::Cbor:
        return QStringLiteral("cbor");
    case PayloadFormat::MessagePack:
        return QStringLiteral("msgpack");
    }
    return QString();
}

std::optional<PayloadFormat> payloadFormatFromKey(QStringView key)
{
    for (const PayloadFormat format : AllFormats) {
        if (key == payloadFormatKey(format))
            return format;
    }
    return std::nullopt;
}

} // namespace mqttdesk
