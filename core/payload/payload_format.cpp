#include "core/payload/payload_format.h"

#include "core/payload/decoder_registry.h"

namespace mqttdesk {

QString payloadFormatName(PayloadFormat format)
{
    return DecoderRegistry::instance().name(payloadFormatKey(format));
}

QString payloadFormatKey(PayloadFormat format)
{
    switch (format) {
    case PayloadFormat::Auto:
        return DecoderRegistry::AutoId.toString();
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
    // The enum's values run from 0 without gaps; payloadFormatKey() names each of them and
    // nothing past the last.
    for (quint8 value = 0;; ++value) {
        const QString candidate = payloadFormatKey(PayloadFormat(value));
        if (candidate.isEmpty())
            return std::nullopt;
        if (key == candidate)
            return PayloadFormat(value);
    }
}

} // namespace mqttdesk
