#include "core/protocol/wire_reader.h"

namespace mqttdesk {

namespace {

struct Utf8Check
{
    DecodeError::Kind kind;
    qsizetype at; // -1 = valid
};

// Unicode 3.9 Table 3-7 (well-formed byte sequences), plus MQTT's extra bans on
// U+0000 and on surrogates, which get their own kinds for clearer messages.
Utf8Check checkUtf8(const unsigned char *s, qsizetype n)
{
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            if (c == 0)
                return {DecodeError::Kind::NullCharacterInString, i};
            ++i;
            continue;
        }
        int len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c == 0xE0) {
            len = 3;
            lo = 0xA0;
        } else if (c == 0xED) {
            len = 3;
            // ED A0..BF xx would be U+D800..U+DFFF.
            if (i + 1 < n && s[i + 1] >= 0xA0 && s[i + 1] <= 0xBF)
                return {DecodeError::Kind::SurrogateInString, i};
            hi = 0x9F;
        } else if (c >= 0xE1 && c <= 0xEF) {
            len = 3;
        } else if (c == 0xF0) {
            len = 4;
            lo = 0x90;
        } else if (c >= 0xF1 && c <= 0xF3) {
            len = 4;
        } else if (c == 0xF4) {
            len = 4;
            hi = 0x8F;
        } else {
            return {DecodeError::Kind::InvalidUtf8, i};
        }
        if (i + len > n)
            return {DecodeError::Kind::InvalidUtf8, i};
        if (s[i + 1] < lo || s[i + 1] > hi)
            return {DecodeError::Kind::InvalidUtf8, i + 1};
        for (int k = 2; k < len; ++k) {
            if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                return {DecodeError::Kind::InvalidUtf8, i + k};
        }
        i += len;
    }
    return {DecodeError::Kind::InvalidUtf8, -1};
}

} // namespace

WireReader::WireReader(QByteArrayView data, PacketType packet, ProtocolVersion version)
    : m_data(data)
    , m_packet(packet)
    , m_version(version)
{}

QString WireReader::rule(const char *v5, const char *v3) const
{
    return QString::fromUtf8(m_version == ProtocolVersion::V5 ? v5 : v3);
}

bool WireReader::fail(DecodeError::Kind kind, const QString &rule, const QString &detail,
                      qsizetype at)
{
    if (!m_error) {
        DecodeError e;
        e.kind = kind;
        e.offset = at == kHere ? m_pos : at;
        e.rule = rule;
        e.packet = m_packet;
        e.detail = detail;
        m_error = std::move(e);
    }
    return false;
}

bool WireReader::need(qsizetype size)
{
    if (m_error)
        return false;
    if (remaining() < size)
        return fail(DecodeError::Kind::TruncatedPacket,
                    rule("5.0 §2.1.4 Remaining Length", "3.1.1 §2.2.3 Remaining Length"));
    return true;
}

bool WireReader::readByte(quint8 &value)
{
    if (!need(1))
        return false;
    value = quint8(m_data[m_pos]);
    m_pos += 1;
    return true;
}

bool WireReader::readUInt16(quint16 &value)
{
    if (!need(2))
        return false;
    const auto *p = reinterpret_cast<const unsigned char *>(m_data.data()) + m_pos;
    value = quint16((p[0] << 8) | p[1]);
    m_pos += 2;
    return true;
}

bool WireReader::readUInt32(quint32 &value)
{
    if (!need(4))
        return false;
    const auto *p = reinterpret_cast<const unsigned char *>(m_data.data()) + m_pos;
    value = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
    m_pos += 4;
    return true;
}

bool WireReader::readVariableByteInteger(quint32 &value)
{
    const qsizetype start = m_pos;
    quint32 result = 0;
    for (int i = 0; i < 4; ++i) {
        quint8 b = 0;
        if (!readByte(b))
            return false;
        result |= quint32(b & 0x7F) << (7 * i);
        if ((b & 0x80) == 0) {
            value = result;
            return true;
        }
    }
    // 5.0 §1.5.5: at most four bytes; a fifth continuation byte is Malformed.
    return fail(DecodeError::Kind::MalformedVariableByteInteger, rule("5.0 §1.5.5", "3.1.1 §2.2.3"),
                QString(), start);
}

bool WireReader::readString(QString &value)
{
    quint16 length = 0;
    if (!readUInt16(length))
        return false;
    if (!need(length))
        return false;
    const auto *p = reinterpret_cast<const unsigned char *>(m_data.data()) + m_pos;
    const Utf8Check check = checkUtf8(p, length);
    if (check.at >= 0) {
        const char *id = check.kind == DecodeError::Kind::NullCharacterInString
                             ? (isV5() ? "MQTT-1.5.4-2" : "MQTT-1.5.3-2")
                             : (isV5() ? "MQTT-1.5.4-1" : "MQTT-1.5.3-1");
        return fail(check.kind, QLatin1String(id), QString(), m_pos + check.at);
    }
    // QString::fromUtf8 drops a leading BOM, but U+FEFF must be kept [MQTT-1.5.4-3].
    qsizetype skip = 0;
    while (length - skip >= 3 && p[skip] == 0xEF && p[skip + 1] == 0xBB && p[skip + 2] == 0xBF)
        skip += 3;
    value = QString::fromUtf8(reinterpret_cast<const char *>(p) + skip, length - skip);
    if (skip)
        value.prepend(QString(skip / 3, QChar(0xFEFF)));
    m_pos += length;
    return true;
}

bool WireReader::readBinary(QByteArray &value)
{
    quint16 length = 0;
    if (!readUInt16(length))
        return false;
    QByteArrayView view;
    if (!readBytes(length, view))
        return false;
    value = view.toByteArray();
    return true;
}

bool WireReader::readBytes(qsizetype size, QByteArrayView &value)
{
    if (!need(size))
        return false;
    value = m_data.sliced(m_pos, size);
    m_pos += size;
    return true;
}

QByteArrayView WireReader::rest()
{
    QByteArrayView view = m_data.sliced(m_pos);
    m_pos = m_data.size();
    return view;
}

bool WireReader::expectEnd()
{
    if (m_error)
        return false;
    if (!atEnd())
        return fail(DecodeError::Kind::TrailingBytes,
                    rule("5.0 §2.1.4 Remaining Length", "3.1.1 §2.2.3 Remaining Length"));
    return true;
}

} // namespace mqttdesk

#include "core/protocol/wire_writer.h"

namespace mqttdesk {

bool WireReader::readReasonCode(ReasonCode &value)
{
    const qsizetype at = m_pos;
    quint8 raw = 0;
    if (!readByte(raw))
        return false;
    const auto code = static_cast<ReasonCode>(raw);
    if (!isReasonCodeAllowed(m_packet, code))
        return fail(DecodeError::Kind::InvalidReasonCode, WireWriter::reasonCodeRule(m_packet),
                    QStringLiteral("0x%1").arg(raw, 2, 16, QLatin1Char('0')), at);
    value = code;
    return true;
}

} // namespace mqttdesk

namespace mqttdesk {

bool WireReader::readTopicName(QString &value)
{
    if (m_topicNames && remaining() >= 2) {
        const auto *p = reinterpret_cast<const unsigned char *>(m_data.data()) + m_pos;
        const qsizetype length = (qsizetype(p[0]) << 8) | p[1];
        if (remaining() - 2 >= length) {
            if (const QString *known = m_topicNames->find(m_data.sliced(m_pos + 2, length))) {
                value = *known; // these bytes passed every check below before
                m_pos += 2 + length;
                return true;
            }
        }
    }
    const qsizetype start = m_pos + 2;
    if (!readString(value))
        return false;
    // '+' and '#' are ASCII, so they never occur inside a multi-byte UTF-8 sequence.
    const QByteArrayView raw = m_data.sliced(start, m_pos - start);
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] == '+' || raw[i] == '#')
            return fail(DecodeError::Kind::WildcardInTopicName, QStringLiteral("MQTT-3.3.2-2"),
                        QString(), start + i);
    }
    if (m_topicNames)
        m_topicNames->keep(raw, value);
    return true;
}

} // namespace mqttdesk
