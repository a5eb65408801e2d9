#pragma once

#include "core/protocol/encode_error.h"
#include "core/protocol/packet_type.h"
#include "core/protocol/reason_code.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// Appends the MQTT data types (5.0 §1.5) to a byte array. Strings are checked before
// they are written; the first problem is kept as an EncodeError. Internal to the codec,
// except variableByteIntegerSize(): the one count of Remaining Length bytes (PublishDraft
// sizes packets with it).
class WireWriter
{
public:
    WireWriter(QByteArray &out, PacketType packet);

    void writeByte(quint8 value) { m_out.append(char(value)); }
    void writeUInt16(quint16 value);
    void writeUInt32(quint32 value);
    // Fewest bytes [MQTT-1.5.5-1]; values above 268,435,455 are an error.
    void writeVariableByteInteger(quint32 value);
    void writeString(const QString &value);
    void writeBinary(QByteArrayView value);
    void writeBytes(QByteArrayView value) { m_out.append(value); }
    // A 5.0 Reason Code, checked against the codes allowed in this packet.
    void writeReasonCode(ReasonCode code);

    // Keeps only the first error.
    void fail(EncodeError::Kind kind, const QString &rule, const QString &detail = QString());
    bool hasError() const { return m_error.has_value(); }
    const std::optional<EncodeError> &error() const { return m_error; }
    PacketType packet() const { return m_packet; }

    // The rule naming which reason codes `packet` may carry.
    static QString reasonCodeRule(PacketType packet);
    // Bytes a Variable Byte Integer takes (1..4); 0 if too large.
    static int variableByteIntegerSize(quint32 value);
    static constexpr quint32 kMaximumVariableByteInteger = 268435455;

private:
    QByteArray &m_out;
    PacketType m_packet;
    std::optional<EncodeError> m_error;
};

} // namespace mqttdesk
