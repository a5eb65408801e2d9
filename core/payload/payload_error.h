#pragma once

#include <QString>
#include <QtGlobal>

namespace mqttdesk {

enum class PayloadErrorCode : quint8
{
    InvalidJson,          // publish text or payload is not JSON; `detail` holds the parser's reason
    OddHexDigits,         // an odd number of hex digits: `offset` is the unpaired one
    InvalidHexDigit,      // `offset` is the offending character
    InvalidBase64,        // `offset` is the offending character, or -1 for a bad length/padding
    MalformedCbor,        // `offset` is the byte where decoding stopped
    MalformedMessagePack, // `offset` is the byte where decoding stopped
    NestingTooDeep,       // more nested arrays/maps than the decoders accept
    UnsupportedEncoding,  // the format cannot be produced from text (CBOR, MessagePack, Auto)
    BadDecoderOptions,    // a decoder's settings (a rule's options) are wrong: `detail` says how
    HeaderBeyondPayload,  // the header to skip (`detail`) is longer than the payload (`offset`)
    PartialNumber,        // the bytes from `offset` do not make a whole `detail` (numeric array)
    SchemaUnavailable,    // a schema decoder (Protobuf) has no usable schema: `detail` says why
    MalformedMessage,     // not a valid schema message: `detail` says so in full, `offset` where
                          // reading stopped
    ScriptFailed,         // a decoding script threw, was stopped or returned nothing usable:
                          // `detail` says so, `line` where in the script (0 = unknown)
};

// A typed, user-facing payload error. For publish text, `offset` is a character index and
// `line`/`column` are 1-based (0 = unknown); for received bytes, `offset` is a byte offset.
struct PayloadError
{
    PayloadErrorCode code = PayloadErrorCode::InvalidJson;
    qsizetype offset = -1;
    int line = 0;
    int column = 0;
    QString detail;

    // A translated sentence: what is wrong, where, and what to do.
    QString message() const;
};

} // namespace mqttdesk
