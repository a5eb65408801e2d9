#pragma once

#include "core/payload/payload_format.h"
#include "core/payload/payload_hint.h"

#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// Picks a display format for raw payload bytes (the Auto format): the decoder of
// DecoderRegistry::instance() most confident about them. For the built-in decoders that is,
// in order: a content type that the bytes confirm; JSON (an object or array); printable
// UTF-8 text; one whole CBOR map/array; one whole MessagePack map/array; otherwise hex.
// Binary formats are only claimed when the bytes parse completely, so random binary stays hex.
//
// Cost is bounded: JSON is fully parsed only up to kFullJsonCheckLimit bytes (beyond that its
// shape and a prefix are checked), text checks look at a prefix, and CBOR/MessagePack are only
// tried up to kBinaryCheckLimit bytes (their check is one allocation-free pass).
class PayloadDetector
{
public:
    static constexpr qsizetype kFullJsonCheckLimit = 256 * 1024;
    static constexpr qsizetype kTextPrefix = 64 * 1024;
    static constexpr qsizetype kBinaryCheckLimit = 4 * 1024 * 1024;

    // Hex for a decoder the enum has no value for.
    static PayloadFormat detect(QByteArrayView bytes, const PayloadHint &hint = {});

    // Whether the bytes are (or, past kFullJsonCheckLimit, look like) one JSON object or array.
    static bool looksLikeJson(QByteArrayView bytes);

    // The hint's content type without parameters, lower-cased: "Application/JSON;
    // charset=utf-8" -> "application/json".
    static QString mediaType(const PayloadHint &hint);
};

} // namespace mqttdesk
