#include "core/protocol/wire_writer.h"

namespace mqttdesk {

WireWriter::WireWriter(QByteArray &out, PacketType packet)
    : m_out(out)
    , m_packet(packet)
{}

void WireWriter::writeUInt16(quint16 value)
{
    const char bytes[2] = {char(value >> 8), char(value & 0xFF)};
    m_out.append(bytes, 2);
}

void WireWriter::writeUInt32(quint32 value)
{
    const char bytes[4] = {char(value >> 24), char((value >> 16) & 0xFF), char((value >> 8) & 0xFF),
                           char(value & 0xFF)};
    m_out.append(bytes, 4);
}

int WireWriter::variableByteIntegerSize(quint32 value)
{
    if (value < 128)
        return 1;
    if (value < 16384)
        return 2;
    if (value < 2097152)
        return 3;
    if (value <= kMaximumVariableByteInteger)
        return 4;
    return 0;
}

void WireWriter::writeVariableByteInteger(quint32 value)
{
    if (value > kMaximumVariableByteInteger) {
        fail(EncodeError::Kind::InvalidPropertyValue, QStringLiteral("5.0 §1.5.5"));
        return;
    }
    do {
        quint8 b = value & 0x7F;
        value >>= 7;
        if (value)
            b |= 0x80;
        m_out.append(char(b));
    } while (value);
}

void WireWriter::writeString(const QString &value)
{
    // U+0000 and unpaired surrogates cannot be sent [MQTT-1.5.4-1, MQTT-1.5.4-2].
    const qsizetype n = value.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = value.at(i);
        if (c.isNull()) {
            fail(EncodeError::Kind::InvalidString, QStringLiteral("MQTT-1.5.4-2"));
            return;
        }
        if (c.isHighSurrogate() && i + 1 < n && value.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate()) {
            fail(EncodeError::Kind::InvalidString, QStringLiteral("MQTT-1.5.4-1"));
            return;
        }
    }
    const QByteArray utf8 = value.toUtf8();
    if (utf8.size() > 65535) {
        fail(EncodeError::Kind::StringTooLong, QStringLiteral("MQTT-1.5.4"));
        return;
    }
    writeUInt16(quint16(utf8.size()));
    m_out.append(utf8);
}

void WireWriter::writeBinary(QByteArrayView value)
{
    if (value.size() > 65535) {
        fail(EncodeError::Kind::StringTooLong, QStringLiteral("5.0 §1.5.6"));
        return;
    }
    writeUInt16(quint16(value.size()));
    m_out.append(value);
}

void WireWriter::fail(EncodeError::Kind kind, const QString &rule, const QString &detail)
{
    if (m_error)
        return;
    EncodeError e;
    e.kind = kind;
    e.packet = m_packet;
    e.rule = rule;
    e.detail = detail;
    m_error = std::move(e);
}

} // namespace mqttdesk

namespace mqttdesk {

QString WireWriter::reasonCodeRule(PacketType packet)
{
    switch (packet) {
    case PacketType::Connack:
        return QStringLiteral("5.0 §3.2.2.2");
    case PacketType::Puback:
        return QStringLiteral("MQTT-3.4.2-1");
    case PacketType::Pubrec:
        return QStringLiteral("MQTT-3.5.2-1");
    case PacketType::Pubrel:
        return QStringLiteral("MQTT-3.6.2-1");
    case PacketType::Pubcomp:
        return QStringLiteral("MQTT-3.7.2-1");
    case PacketType::Suback:
        return QStringLiteral("MQTT-3.9.3-2");
    case PacketType::Unsuback:
        return QStringLiteral("MQTT-3.11.3-2");
    case PacketType::Disconnect:
        return QStringLiteral("MQTT-3.14.2-1");
    case PacketType::Auth:
        return QStringLiteral("MQTT-3.15.2-1");
    default:
        return QStringLiteral("5.0 §2.4");
    }
}

void WireWriter::writeReasonCode(ReasonCode code)
{
    if (!isReasonCodeAllowed(m_packet, code)) {
        fail(EncodeError::Kind::InvalidReasonCode, reasonCodeRule(m_packet),
             reasonCodeText(code, m_packet));
        return;
    }
    writeByte(static_cast<quint8>(code));
}

} // namespace mqttdesk
