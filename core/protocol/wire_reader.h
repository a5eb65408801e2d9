#pragma once

#include "core/protocol/decode_error.h"
#include "core/protocol/packet_type.h"
#include "core/protocol/protocol_version.h"
#include "core/protocol/reason_code.h"
#include "core/protocol/topic_name_cache.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// Reads the MQTT data types (5.0 §1.5) from one packet body. Every read checks the
// bounds; the first failure is kept as a DecodeError and later reads fail too, so a
// decoder can bail out with `if (!r.readX(...)) return false;`. Internal to the codec.
class WireReader
{
public:
    WireReader(QByteArrayView data, PacketType packet, ProtocolVersion version);

    qsizetype offset() const { return m_pos; }
    qsizetype remaining() const { return m_data.size() - m_pos; }
    bool atEnd() const { return m_pos >= m_data.size(); }
    PacketType packet() const { return m_packet; }
    ProtocolVersion version() const { return m_version; }
    bool isV5() const { return m_version == ProtocolVersion::V5; }
    void setVersion(ProtocolVersion version) { m_version = version; }
    // Topic Names are looked up in, and kept in, `cache` (may be null).
    void setTopicNameCache(TopicNameCache *cache) { m_topicNames = cache; }

    bool readByte(quint8 &value);
    bool readUInt16(quint16 &value);
    bool readUInt32(quint32 &value);
    bool readVariableByteInteger(quint32 &value);
    // A UTF-8 Encoded String, validated [MQTT-1.5.4-1..3]; U+FEFF is kept.
    bool readString(QString &value);
    // A Topic Name: a string without '+' or '#' [MQTT-3.3.2-2]. Through the topic name
    // cache, if one was set.
    bool readTopicName(QString &value);
    bool readBinary(QByteArray &value);
    // `size` raw bytes as a view into the body (no copy).
    bool readBytes(qsizetype size, QByteArrayView &value);
    // A 5.0 Reason Code that must be allowed in this packet (5.0 §2.4).
    bool readReasonCode(ReasonCode &value);
    // The rest of the body as a view.
    QByteArrayView rest();
    // Fails with TrailingBytes unless every byte was read.
    bool expectEnd();

    // Pseudo offsets for fail(): the current offset, and the fixed header byte.
    static constexpr qsizetype kHere = -2;
    static constexpr qsizetype kFixedHeader = -1;

    // Records an error at `at` (an offset into the body, or kHere / kFixedHeader) and
    // returns false. Only the first error is kept.
    bool fail(DecodeError::Kind kind, const QString &rule, const QString &detail = QString(),
              qsizetype at = kHere);
    // Picks the rule id of the version being decoded: 5.0 or 3.1/3.1.1.
    QString rule(const char *v5, const char *v3) const;

    bool hasError() const { return m_error.has_value(); }
    const std::optional<DecodeError> &error() const { return m_error; }

private:
    bool need(qsizetype size);

    QByteArrayView m_data;
    qsizetype m_pos = 0;
    PacketType m_packet;
    ProtocolVersion m_version;
    std::optional<DecodeError> m_error;
    TopicNameCache *m_topicNames = nullptr;
};

} // namespace mqttdesk
