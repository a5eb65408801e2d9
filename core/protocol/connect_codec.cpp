#include "core/protocol/connect_codec.h"

#include "core/protocol/property_codec.h"

namespace mqttdesk {

namespace {

// Connect Flags (5.0 §3.1.2.3, 3.1.1 §3.1.2.3).
constexpr quint8 kReserved = 0x01;
constexpr quint8 kCleanStart = 0x02;
constexpr quint8 kWill = 0x04;
constexpr quint8 kWillQoSShift = 3;
constexpr quint8 kWillRetain = 0x20;
constexpr quint8 kPassword = 0x40;
constexpr quint8 kUserName = 0x80;

bool hasWildcard(const QString &topic)
{
    return topic.contains(QLatin1Char('+')) || topic.contains(QLatin1Char('#'));
}

} // namespace

void ConnectCodec::encodeConnect(WireWriter &w, const ConnectPacket &p, ProtocolVersion version)
{
    const bool v5 = version == ProtocolVersion::V5;
    if (!v5 && (!p.properties.isEmpty() || (p.will && !p.will->properties.isEmpty()))) {
        w.fail(EncodeError::Kind::NotInVersion, QStringLiteral("3.1.1 §3.1"),
               QStringLiteral("properties"));
        return;
    }
    // 3.x: a Password needs a User Name [MQTT-3.1.2-22].
    if (!v5 && p.password && !p.username) {
        w.fail(EncodeError::Kind::InvalidFlags, QStringLiteral("MQTT-3.1.2-22"));
        return;
    }
    quint8 flags = 0;
    if (p.cleanStart)
        flags |= kCleanStart;
    if (p.will) {
        if (static_cast<quint8>(p.will->qos) > 2) {
            w.fail(EncodeError::Kind::InvalidQoS, QStringLiteral("MQTT-3.1.2-12"));
            return;
        }
        if (hasWildcard(p.will->topic)) {
            w.fail(EncodeError::Kind::WildcardInTopicName, QStringLiteral("MQTT-3.3.2-2"));
            return;
        }
        flags |= kWill | quint8(static_cast<quint8>(p.will->qos) << kWillQoSShift);
        if (p.will->retain)
            flags |= kWillRetain;
    }
    if (p.username)
        flags |= kUserName;
    if (p.password)
        flags |= kPassword;

    // [MQTT-3.1.2-1]; 3.1 names itself "MQIsdp".
    w.writeString(version == ProtocolVersion::V31 ? QStringLiteral("MQIsdp")
                                                  : QStringLiteral("MQTT"));
    w.writeByte(static_cast<quint8>(version));
    w.writeByte(flags);
    w.writeUInt16(p.keepAlive);
    if (v5)
        PropertyCodec::write(w, p.properties, PropertyContext::Connect);
    // Payload order [MQTT-3.1.3-1].
    w.writeString(p.clientId);
    if (p.will) {
        if (v5)
            PropertyCodec::write(w, p.will->properties, PropertyContext::Will);
        w.writeString(p.will->topic);
        w.writeBinary(p.will->payload);
    }
    if (p.username)
        w.writeString(*p.username);
    if (p.password)
        w.writeBinary(*p.password);
}

bool ConnectCodec::decodeConnect(WireReader &r, Packet &out)
{
    ConnectPacket p;
    const qsizetype nameAt = r.offset();
    QString name;
    if (!r.readString(name))
        return false;
    const qsizetype levelAt = r.offset();
    quint8 level = 0;
    if (!r.readByte(level))
        return false;
    if (name == QLatin1String("MQIsdp")) {
        if (level != 3)
            return r.fail(DecodeError::Kind::UnsupportedProtocolVersion,
                          QStringLiteral("MQTT-3.1.2-2"), QString::number(level), levelAt);
        p.protocolVersion = ProtocolVersion::V31;
    } else if (name == QLatin1String("MQTT")) {
        if (level != 4 && level != 5)
            return r.fail(DecodeError::Kind::UnsupportedProtocolVersion,
                          QStringLiteral("MQTT-3.1.2-2"), QString::number(level), levelAt);
        p.protocolVersion = static_cast<ProtocolVersion>(level);
    } else {
        return r.fail(DecodeError::Kind::InvalidProtocolName, QStringLiteral("MQTT-3.1.2-1"), name,
                      nameAt);
    }
    r.setVersion(p.protocolVersion);
    const bool v5 = r.isV5();

    const qsizetype flagsAt = r.offset();
    quint8 flags = 0;
    if (!r.readByte(flags))
        return false;
    if (flags & kReserved)
        return r.fail(DecodeError::Kind::InvalidConnectFlags, QStringLiteral("MQTT-3.1.2-3"),
                      QString(), flagsAt);
    const quint8 willQoS = (flags >> kWillQoSShift) & 0x03;
    if (willQoS == 3)
        return r.fail(DecodeError::Kind::InvalidQoS, r.rule("MQTT-3.1.2-12", "MQTT-3.1.2-14"),
                      QString(), flagsAt);
    const bool willFlag = flags & kWill;
    if (!willFlag && (willQoS != 0 || (flags & kWillRetain)))
        return r.fail(DecodeError::Kind::InvalidConnectFlags,
                      r.rule("MQTT-3.1.2-11", "MQTT-3.1.2-13"), QString(), flagsAt);
    if (!v5 && (flags & kPassword) && !(flags & kUserName))
        return r.fail(DecodeError::Kind::InvalidConnectFlags, QStringLiteral("MQTT-3.1.2-22"),
                      QString(), flagsAt);
    p.cleanStart = flags & kCleanStart;
    if (!r.readUInt16(p.keepAlive))
        return false;
    if (v5 && !PropertyCodec::read(r, PropertyContext::Connect, p.properties))
        return false;
    if (!r.readString(p.clientId))
        return false;
    if (willFlag) {
        Will will;
        will.qos = static_cast<QoS>(willQoS);
        will.retain = flags & kWillRetain;
        if (v5 && !PropertyCodec::read(r, PropertyContext::Will, will.properties))
            return false;
        if (!r.readTopicName(will.topic) || !r.readBinary(will.payload))
            return false;
        p.will = std::move(will);
    }
    if (flags & kUserName) {
        QString user;
        if (!r.readString(user))
            return false;
        p.username = std::move(user);
    }
    if (flags & kPassword) {
        QByteArray password;
        if (!r.readBinary(password))
            return false;
        p.password = std::move(password);
    }
    if (!r.expectEnd())
        return false;
    out = std::move(p);
    return true;
}

void ConnectCodec::encodeConnack(WireWriter &w, const ConnackPacket &p, ProtocolVersion version)
{
    // 3.1 has no Session Present flag (the byte is reserved there).
    const bool sessionPresent = version != ProtocolVersion::V31 && p.sessionPresent;
    w.writeByte(sessionPresent ? 0x01 : 0x00);
    if (version == ProtocolVersion::V5) {
        w.writeReasonCode(p.reasonCode);
        PropertyCodec::write(w, p.properties, PropertyContext::Connack);
        return;
    }
    const std::optional<ConnectReturnCode> rc = reasonCodeToConnectReturnCode(p.reasonCode);
    if (!rc) {
        w.fail(EncodeError::Kind::InvalidReasonCode, QStringLiteral("3.1.1 §3.2.2.3"),
               reasonCodeText(p.reasonCode, PacketType::Connack));
        return;
    }
    if (!p.properties.isEmpty()) {
        w.fail(EncodeError::Kind::NotInVersion, QStringLiteral("3.1.1 §3.2"),
               QStringLiteral("properties"));
        return;
    }
    w.writeByte(static_cast<quint8>(*rc));
}

bool ConnectCodec::decodeConnack(WireReader &r, Packet &out)
{
    ConnackPacket p;
    const qsizetype flagsAt = r.offset();
    quint8 flags = 0;
    if (!r.readByte(flags))
        return false;
    if (r.version() != ProtocolVersion::V31) {
        // Bits 7-1 are reserved [MQTT-3.2.2-1 (3.1.1)]; 5.0 §3.2.2.1 likewise.
        if (flags & 0xFE)
            return r.fail(DecodeError::Kind::InvalidConnackFlags,
                          r.rule("5.0 §3.2.2.1", "MQTT-3.2.2-1"), QString(), flagsAt);
        p.sessionPresent = flags & 0x01;
    }
    const qsizetype codeAt = r.offset();
    if (r.isV5()) {
        if (!r.readReasonCode(p.reasonCode))
            return false;
        if (!PropertyCodec::read(r, PropertyContext::Connack, p.properties))
            return false;
    } else {
        quint8 raw = 0;
        if (!r.readByte(raw))
            return false;
        const std::optional<ReasonCode> code = connectReturnCodeToReasonCode(raw);
        if (!code)
            return r.fail(DecodeError::Kind::InvalidReasonCode, QStringLiteral("3.1.1 §3.2.2.3"),
                          QString::number(raw), codeAt);
        p.reasonCode = *code;
    }
    // A refusal never comes with Session Present [MQTT-3.2.2-6 (5.0), MQTT-3.2.2-4 (3.1.1)].
    if (p.sessionPresent && !isSuccess(p.reasonCode))
        return r.fail(DecodeError::Kind::InvalidConnackFlags,
                      r.rule("MQTT-3.2.2-6", "MQTT-3.2.2-4"), QString(), flagsAt);
    if (!r.expectEnd())
        return false;
    out = std::move(p);
    return true;
}

} // namespace mqttdesk
