#pragma once

#include "core/payload/decoded_json.h"

#include <QByteArrayView>
#include <QtGlobal>

namespace mqttdesk {

class JsonTextWriter;

// A small, bounds-checked MessagePack decoder (https://msgpack.org spec): nil, bool, ints,
// floats, str, bin (as Base64), array, map, ext (as {"ext": type, "data": Base64}). It never
// reads past the end, refuses nesting deeper than kMaximumDepth and rejects a count that the
// remaining bytes cannot hold before looping over it.
class MessagePackReader
{
public:
    static constexpr int kMaximumDepth = 200;

    // Decodes the one item that must span all of `bytes` into indented JSON text, at most
    // `maxChars` characters of it (all when negative).
    static DecodedJson toJson(QByteArrayView bytes, qsizetype maxChars = -1);

    // True when `bytes` are exactly one well-formed item with valid UTF-8 strings; with
    // `containerOnly`, the item must also be a map or an array. Builds nothing.
    static bool isWellFormed(QByteArrayView bytes, bool containerOnly = false);

private:
    MessagePackReader(QByteArrayView bytes, JsonTextWriter *out);

    bool readItem(int depth);
    bool readString(qsizetype length, bool asKey);
    bool readBinary(qsizetype length);
    bool readExt(qsizetype length);
    bool readArray(quint64 count, int depth);
    bool readMap(quint64 count, int depth);
    bool readKey(int depth);
    bool need(quint64 count) const;
    quint64 readBigEndian(int size); // call need(size) first
    bool fail(PayloadErrorCode code);
    bool stopped() const;

    QByteArrayView m_bytes;
    qsizetype m_pos = 0;
    JsonTextWriter *m_out; // null when only checking
    std::optional<PayloadError> m_error;
    // A map key's reader reads its whole item even once its (capped) text is full, so that
    // the reader of the map goes on after it.
    bool m_readWholeItem = false;
};

} // namespace mqttdesk
