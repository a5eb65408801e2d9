#pragma once

#include "core/payload/payload_error.h"
#include "core/payload/payload_format.h"

#include <QByteArray>
#include <QStringView>

#include <optional>

namespace mqttdesk {

struct EncodedPayload
{
    QByteArray bytes;
    std::optional<PayloadError> error; // with a character offset, line and column in the text

    bool isOk() const { return !error; }
};

// Turns the text of the publish bar's payload editor into the bytes to send. Text (and Auto):
// UTF-8. JSON: checked, then sent as typed (UTF-8, not reformatted). Hex: pairs of digits,
// whitespace ignored. Base64: standard or URL alphabet, whitespace ignored. CBOR and
// MessagePack cannot be typed: UnsupportedEncoding.
class PayloadEncoder
{
public:
    static EncodedPayload encode(QStringView text, PayloadFormat format);

private:
    static EncodedPayload encodeJson(QStringView text);
    static EncodedPayload encodeHex(QStringView text);
    static EncodedPayload encodeBase64(QStringView text);
};

} // namespace mqttdesk
