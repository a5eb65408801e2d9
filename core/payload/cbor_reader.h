#pragma once

#include "core/payload/decoded_json.h"

#include <QByteArrayView>
#include <QtGlobal>

class QCborStreamReader;

namespace mqttdesk {

class JsonTextWriter;

// CBOR (RFC 8949) to JSON text over QCborStreamReader, streaming so a preview stops early.
// Byte strings become Base64, tags {"tag": n, "value": ...}, undefined and other simple
// values strings. Keys that are not strings use their compact JSON text. Nesting is limited.
class CborReader
{
public:
    static constexpr int kMaximumDepth = 200;

    // Decodes the one item that must span all of `bytes`, at most `maxChars` characters of
    // JSON (all when negative).
    static DecodedJson toJson(QByteArrayView bytes, qsizetype maxChars = -1);

    // True when `bytes` are exactly one well-formed item; with `containerOnly` it must also
    // be a map or an array (possibly tagged). Builds nothing.
    static bool isWellFormed(QByteArrayView bytes, bool containerOnly = false);

private:
    CborReader(JsonTextWriter *out, qsizetype size);

    bool readItem(QCborStreamReader &reader, int depth);
    bool readContainer(QCborStreamReader &reader, int depth);
    bool readKey(QCborStreamReader &reader, int depth);
    bool readString(QCborStreamReader &reader, bool asKey);
    bool readBytes(QCborStreamReader &reader);
    bool fail(QCborStreamReader &reader, PayloadErrorCode code);
    bool stopped() const;
    bool readerOk(QCborStreamReader &reader) const;

    JsonTextWriter *m_out; // null when only checking
    qsizetype m_size;      // of the whole input
    std::optional<PayloadError> m_error;
    // A map key's reader reads its whole item even once its (capped) text is full, so that
    // the reader of the map goes on after it.
    bool m_readWholeItem = false;
};

} // namespace mqttdesk
