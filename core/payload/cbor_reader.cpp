#include "core/payload/cbor_reader.h"

#include "core/payload/json_text_writer.h"

#include <QByteArray>
#include <QCborStreamReader>

#include <limits>

namespace mqttdesk {

CborReader::CborReader(JsonTextWriter *out, qsizetype size)
    : m_out(out)
    , m_size(size)
{}

// After the last item at top level the reader reports "end of file" while looking for the
// next one; that is the normal end, not an error.
bool CborReader::readerOk(QCborStreamReader &reader) const
{
    const QCborError error = reader.lastError();
    return error == QCborError::NoError ||
           (error == QCborError::EndOfFile && reader.containerDepth() == 0 &&
            reader.currentOffset() == m_size);
}

DecodedJson CborReader::toJson(QByteArrayView bytes, qsizetype maxChars)
{
    DecodedJson result;
    JsonTextWriter writer(maxChars);
    CborReader decoder(&writer, bytes.size());
    const QByteArray data = QByteArray::fromRawData(bytes.data(), bytes.size());
    QCborStreamReader reader(data);
    if (!decoder.readItem(reader, 0)) {
        result.error = decoder.m_error;
    } else if (writer.isFull()) {
        result.truncated = true;
    } else if (reader.currentOffset() != bytes.size()) {
        decoder.fail(reader, PayloadErrorCode::MalformedCbor);
        result.error = decoder.m_error;
    }
    result.json = writer.text();
    return result;
}

bool CborReader::isWellFormed(QByteArrayView bytes, bool containerOnly)
{
    if (bytes.isEmpty())
        return false;
    const QByteArray data = QByteArray::fromRawData(bytes.data(), bytes.size());
    QCborStreamReader reader(data);
    if (containerOnly) {
        // Look through tags for the map or array they wrap.
        for (int i = 0; i < 8 && reader.isTag(); ++i)
            reader.next();
        if (!reader.isArray() && !reader.isMap())
            return false;
        reader.reset();
    }
    CborReader decoder(nullptr, bytes.size());
    return decoder.readItem(reader, 0) && reader.currentOffset() == bytes.size();
}

bool CborReader::stopped() const
{
    return m_out && m_out->isFull() && !m_readWholeItem;
}

bool CborReader::fail(QCborStreamReader &reader, PayloadErrorCode code)
{
    if (!m_error)
        m_error = PayloadError{code, reader.currentOffset(), 0, 0, QString()};
    return false;
}

bool CborReader::readItem(QCborStreamReader &reader, int depth)
{
    if (stopped())
        return true;
    if (depth > kMaximumDepth)
        return fail(reader, PayloadErrorCode::NestingTooDeep);
    if (!readerOk(reader))
        return fail(reader, PayloadErrorCode::MalformedCbor);

    switch (reader.type()) {
    case QCborStreamReader::UnsignedInteger:
        if (m_out)
            m_out->unsignedInteger(reader.toUnsignedInteger());
        reader.next();
        break;
    case QCborStreamReader::NegativeInteger: {
        // Qt gives the magnitude n of the value -n, from 1 to 2^64 (2^64 wraps to 0).
        const quint64 n = quint64(reader.toNegativeInteger());
        if (m_out) {
            if (n == 0)
                m_out->rawValue(u"-18446744073709551616");
            else if (n - 1 <= quint64(std::numeric_limits<qint64>::max()))
                m_out->integer(-qint64(n - 1) - 1);
            else
                m_out->rawValue(QString(QStringLiteral("-") + QString::number(n)));
        }
        reader.next();
        break;
    }
    case QCborStreamReader::ByteArray:
        return readBytes(reader);
    case QCborStreamReader::String:
        return readString(reader, false);
    case QCborStreamReader::Array:
    case QCborStreamReader::Map:
        return readContainer(reader, depth);
    case QCborStreamReader::Tag: {
        const quint64 tag = quint64(reader.toTag());
        reader.next();
        if (m_out) {
            m_out->beginObject();
            m_out->key(u"tag");
            m_out->unsignedInteger(tag);
            m_out->key(u"value");
        }
        if (!readItem(reader, depth + 1))
            return false;
        if (m_out)
            m_out->endObject();
        break;
    }
    case QCborStreamReader::SimpleType: {
        const QCborSimpleType simple = reader.toSimpleType();
        reader.next();
        if (!m_out)
            break;
        switch (simple) {
        case QCborSimpleType::False:
            m_out->boolean(false);
            break;
        case QCborSimpleType::True:
            m_out->boolean(true);
            break;
        case QCborSimpleType::Null:
            m_out->null();
            break;
        case QCborSimpleType::Undefined:
            m_out->string(u"undefined");
            break;
        default:
            m_out->string(QString(QStringLiteral("simple(") + QString::number(quint8(simple)) +
                                  QStringLiteral(")")));
            break;
        }
        break;
    }
    case QCborStreamReader::Float16:
        if (m_out)
            m_out->number(double(float(reader.toFloat16())));
        reader.next();
        break;
    case QCborStreamReader::Float:
        if (m_out)
            m_out->number(double(reader.toFloat()));
        reader.next();
        break;
    case QCborStreamReader::Double:
        if (m_out)
            m_out->number(reader.toDouble());
        reader.next();
        break;
    case QCborStreamReader::Invalid:
        return fail(reader, PayloadErrorCode::MalformedCbor);
    }
    return readerOk(reader) || fail(reader, PayloadErrorCode::MalformedCbor);
}

bool CborReader::readContainer(QCborStreamReader &reader, int depth)
{
    const bool map = reader.isMap();
    if (!reader.enterContainer())
        return fail(reader, PayloadErrorCode::MalformedCbor);
    if (m_out)
        map ? m_out->beginObject() : m_out->beginArray();
    // Each element consumes input or sets an error, so this ends within the data's size.
    while (reader.lastError() == QCborError::NoError && reader.hasNext()) {
        if (stopped())
            return true;
        if (map && !readKey(reader, depth + 1))
            return false;
        if (!readItem(reader, depth + 1))
            return false;
    }
    if (stopped())
        return true;
    if (reader.lastError() != QCborError::NoError || !reader.leaveContainer())
        return fail(reader, PayloadErrorCode::MalformedCbor);
    if (m_out)
        map ? m_out->endObject() : m_out->endArray();
    return readerOk(reader) || fail(reader, PayloadErrorCode::MalformedCbor);
}

bool CborReader::readKey(QCborStreamReader &reader, int depth)
{
    if (reader.isString())
        return readString(reader, true);
    if (!m_out)
        return readItem(reader, depth);
    // JSON keys are strings: use the compact JSON text of any other key, cut at 1024
    // characters: keys that are maps of maps quote each other, and unbounded that doubles
    // the escapes at every level (130 bytes of CBOR asked for 2 GB; found by fuzz_payload).
    JsonTextWriter keyText(1024, true);
    CborReader keyReader(&keyText, m_size);
    keyReader.m_readWholeItem = true;
    if (!keyReader.readItem(reader, depth)) {
        m_error = keyReader.m_error;
        return false;
    }
    m_out->key(keyText.text());
    return true;
}

bool CborReader::readString(QCborStreamReader &reader, bool asKey)
{
    QString text;
    auto chunk = reader.readString();
    while (chunk.status == QCborStreamReader::Ok) {
        if (m_out)
            text += chunk.data;
        chunk = reader.readString();
    }
    if (chunk.status == QCborStreamReader::Error)
        return fail(reader, PayloadErrorCode::MalformedCbor);
    if (m_out)
        asKey ? m_out->key(text) : m_out->string(text);
    return readerOk(reader) || fail(reader, PayloadErrorCode::MalformedCbor);
}

bool CborReader::readBytes(QCborStreamReader &reader)
{
    QByteArray bytes;
    auto chunk = reader.readByteArray();
    while (chunk.status == QCborStreamReader::Ok) {
        if (m_out)
            bytes += chunk.data;
        chunk = reader.readByteArray();
    }
    if (chunk.status == QCborStreamReader::Error)
        return fail(reader, PayloadErrorCode::MalformedCbor);
    if (m_out)
        m_out->string(QString::fromLatin1(bytes.toBase64()));
    return readerOk(reader) || fail(reader, PayloadErrorCode::MalformedCbor);
}

} // namespace mqttdesk
