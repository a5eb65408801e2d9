#include "core/payload/message_pack_reader.h"

#include "core/payload/json_text_writer.h"
#include "core/payload/utf8_scan.h"

#include <QByteArray>

#include <cstring>

namespace mqttdesk {

MessagePackReader::MessagePackReader(QByteArrayView bytes, JsonTextWriter *out)
    : m_bytes(bytes)
    , m_out(out)
{}

DecodedJson MessagePackReader::toJson(QByteArrayView bytes, qsizetype maxChars)
{
    JsonTextWriter writer(maxChars);
    MessagePackReader reader(bytes, &writer);
    DecodedJson result;
    if (!reader.readItem(0)) {
        result.error = reader.m_error;
    } else if (writer.isFull()) {
        result.truncated = true;
    } else if (reader.m_pos != bytes.size()) {
        // Bytes after the first item: not one MessagePack value.
        reader.fail(PayloadErrorCode::MalformedMessagePack);
        result.error = reader.m_error;
    }
    result.json = writer.text();
    return result;
}

bool MessagePackReader::isWellFormed(QByteArrayView bytes, bool containerOnly)
{
    if (bytes.isEmpty())
        return false;
    if (containerOnly) {
        const uchar lead = uchar(bytes[0]);
        const bool container = (lead >= 0x80 && lead <= 0x9f) || (lead >= 0xdc && lead <= 0xdf);
        if (!container)
            return false;
    }
    MessagePackReader reader(bytes, nullptr);
    return reader.readItem(0) && reader.m_pos == bytes.size();
}

bool MessagePackReader::stopped() const
{
    return m_out && m_out->isFull() && !m_readWholeItem;
}

bool MessagePackReader::fail(PayloadErrorCode code)
{
    if (!m_error)
        m_error = PayloadError{code, m_pos, 0, 0, QString()};
    return false;
}

bool MessagePackReader::need(quint64 count) const
{
    return count <= quint64(m_bytes.size() - m_pos);
}

quint64 MessagePackReader::readBigEndian(int size)
{
    quint64 value = 0;
    for (int i = 0; i < size; ++i)
        value = (value << 8) | uchar(m_bytes[m_pos++]);
    return value;
}

bool MessagePackReader::readItem(int depth)
{
    if (stopped())
        return true;
    if (depth > kMaximumDepth)
        return fail(PayloadErrorCode::NestingTooDeep);
    if (!need(1))
        return fail(PayloadErrorCode::MalformedMessagePack);
    const uchar lead = uchar(m_bytes[m_pos++]);

    if (lead <= 0x7f) { // positive fixint
        if (m_out)
            m_out->integer(lead);
        return true;
    }
    if (lead <= 0x8f)
        return readMap(lead & 0x0f, depth);
    if (lead <= 0x9f)
        return readArray(lead & 0x0f, depth);
    if (lead <= 0xbf)
        return readString(lead & 0x1f, false);
    if (lead >= 0xe0) { // negative fixint
        if (m_out)
            m_out->integer(qint8(lead));
        return true;
    }

    // Lengths and counts of the sized forms: 1, 2 or 4 big-endian bytes.
    auto sized = [this](int size, quint64 *value) {
        if (!need(size))
            return fail(PayloadErrorCode::MalformedMessagePack);
        *value = readBigEndian(size);
        return true;
    };
    quint64 n = 0;
    switch (lead) {
    case 0xc0:
        if (m_out)
            m_out->null();
        return true;
    case 0xc1: // never used
        --m_pos;
        return fail(PayloadErrorCode::MalformedMessagePack);
    case 0xc2:
    case 0xc3:
        if (m_out)
            m_out->boolean(lead == 0xc3);
        return true;
    case 0xc4:
    case 0xc5:
    case 0xc6:
        return sized(1 << (lead - 0xc4), &n) && readBinary(qsizetype(qMin<quint64>(n, 1ull << 62)));
    case 0xc7:
    case 0xc8:
    case 0xc9:
        return sized(1 << (lead - 0xc7), &n) && readExt(qsizetype(qMin<quint64>(n, 1ull << 62)));
    case 0xca: {
        if (!sized(4, &n))
            return false;
        float f;
        const quint32 bits = quint32(n);
        std::memcpy(&f, &bits, sizeof f);
        if (m_out)
            m_out->number(double(f));
        return true;
    }
    case 0xcb: {
        if (!sized(8, &n))
            return false;
        double d;
        std::memcpy(&d, &n, sizeof d);
        if (m_out)
            m_out->number(d);
        return true;
    }
    case 0xcc:
    case 0xcd:
    case 0xce:
    case 0xcf:
        if (!sized(1 << (lead - 0xcc), &n))
            return false;
        if (m_out)
            m_out->unsignedInteger(n);
        return true;
    case 0xd0:
    case 0xd1:
    case 0xd2:
    case 0xd3: {
        const int size = 1 << (lead - 0xd0);
        if (!sized(size, &n))
            return false;
        // Sign-extend from `size` bytes.
        const int shift = 64 - 8 * size;
        const qint64 value = qint64(n << shift) >> shift;
        if (m_out)
            m_out->integer(value);
        return true;
    }
    case 0xd4:
    case 0xd5:
    case 0xd6:
    case 0xd7:
    case 0xd8:
        return readExt(qsizetype(1) << (lead - 0xd4));
    case 0xd9:
    case 0xda:
    case 0xdb:
        return sized(1 << (lead - 0xd9), &n) &&
               readString(qsizetype(qMin<quint64>(n, 1ull << 62)), false);
    case 0xdc:
    case 0xdd:
        return sized(2 << (lead - 0xdc), &n) && readArray(n, depth);
    case 0xde:
    case 0xdf:
        return sized(2 << (lead - 0xde), &n) && readMap(n, depth);
    default:
        break;
    }
    return fail(PayloadErrorCode::MalformedMessagePack);
}

bool MessagePackReader::readString(qsizetype length, bool asKey)
{
    if (!need(quint64(length)))
        return fail(PayloadErrorCode::MalformedMessagePack);
    const QByteArrayView raw = m_bytes.sliced(m_pos, length);
    if (!m_out) {
        // Checking only: a MessagePack str must be UTF-8; be strict so that random binary is
        // not taken for MessagePack.
        if (!Utf8Scan::scan(raw).isValid())
            return fail(PayloadErrorCode::MalformedMessagePack);
        m_pos += length;
        return true;
    }
    m_pos += length;
    const QString text = QString::fromUtf8(raw);
    if (asKey)
        m_out->key(text);
    else
        m_out->string(text);
    return true;
}

bool MessagePackReader::readBinary(qsizetype length)
{
    if (!need(quint64(length)))
        return fail(PayloadErrorCode::MalformedMessagePack);
    if (m_out)
        m_out->string(QString::fromLatin1(m_bytes.sliced(m_pos, length).toByteArray().toBase64()));
    m_pos += length;
    return true;
}

bool MessagePackReader::readExt(qsizetype length)
{
    if (!need(quint64(length) + 1))
        return fail(PayloadErrorCode::MalformedMessagePack);
    const qint8 type = qint8(m_bytes[m_pos++]);
    if (m_out) {
        m_out->beginObject();
        m_out->key(u"ext");
        m_out->integer(type);
        m_out->key(u"data");
        m_out->string(QString::fromLatin1(m_bytes.sliced(m_pos, length).toByteArray().toBase64()));
        m_out->endObject();
    }
    m_pos += length;
    return true;
}

bool MessagePackReader::readArray(quint64 count, int depth)
{
    // Every element takes at least one byte: refuse impossible counts before looping.
    if (!need(count))
        return fail(PayloadErrorCode::MalformedMessagePack);
    if (m_out)
        m_out->beginArray();
    for (quint64 i = 0; i < count && !stopped(); ++i) {
        if (!readItem(depth + 1))
            return false;
    }
    if (m_out)
        m_out->endArray();
    return true;
}

bool MessagePackReader::readMap(quint64 count, int depth)
{
    if (count > quint64(m_bytes.size()) || !need(count * 2))
        return fail(PayloadErrorCode::MalformedMessagePack);
    if (m_out)
        m_out->beginObject();
    for (quint64 i = 0; i < count && !stopped(); ++i) {
        if (!readKey(depth + 1) || !readItem(depth + 1))
            return false;
    }
    if (m_out)
        m_out->endObject();
    return true;
}

bool MessagePackReader::readKey(int depth)
{
    if (!need(1))
        return fail(PayloadErrorCode::MalformedMessagePack);
    const uchar lead = uchar(m_bytes[m_pos]);
    if (lead >= 0xa0 && lead <= 0xbf) {
        ++m_pos;
        return readString(lead & 0x1f, true);
    }
    if (lead >= 0xd9 && lead <= 0xdb) {
        ++m_pos;
        const int size = 1 << (lead - 0xd9);
        if (!need(size))
            return fail(PayloadErrorCode::MalformedMessagePack);
        const quint64 length = readBigEndian(size);
        return readString(qsizetype(qMin<quint64>(length, 1ull << 62)), true);
    }
    if (!m_out)
        return readItem(depth);
    // JSON keys are strings: use the compact JSON text of any other key, cut at 1024
    // characters: keys that are maps of maps quote each other, and unbounded that doubles
    // the escapes at every level (130 bytes of CBOR asked for 2 GB; found by fuzz_payload).
    JsonTextWriter keyText(1024, true);
    MessagePackReader keyReader(m_bytes, &keyText);
    keyReader.m_readWholeItem = true;
    keyReader.m_pos = m_pos;
    const bool ok = keyReader.readItem(depth);
    m_pos = keyReader.m_pos;
    if (!ok) {
        m_error = keyReader.m_error;
        return false;
    }
    m_out->key(keyText.text());
    return true;
}

} // namespace mqttdesk
