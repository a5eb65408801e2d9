#include "tests/connection/malformed_packets.h"

namespace mqttdesk {

namespace {

using K = DecodeError::Kind;

MalformedPacket both(const char *name, const char *v3, const char *v5, const char *rule3,
                     const char *rule5, std::optional<K> kind)
{
    MalformedPacket p;
    p.name = QString::fromUtf8(name);
    if (v3)
        p.bytes3 = MalformedPackets::hex(v3);
    if (v5)
        p.bytes5 = MalformedPackets::hex(v5);
    p.rule3 = QString::fromUtf8(rule3 ? rule3 : "");
    p.rule5 = QString::fromUtf8(rule5 ? rule5 : "");
    p.kind = kind;
    return p;
}

} // namespace

QByteArray MalformedPackets::hex(const char *listing)
{
    QByteArray out;
    const QByteArray text(listing);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == ' ' || c == '|' || c == '\n')
            continue;
        if (c == '\'') {
            const qsizetype end = text.indexOf('\'', i + 1);
            Q_ASSERT(end > i);
            out.append(text.mid(i + 1, end - i - 1));
            i = end;
            continue;
        }
        Q_ASSERT(i + 1 < text.size());
        out.append(char(text.mid(i, 2).toUInt(nullptr, 16)));
        ++i;
    }
    return out;
}

QList<MalformedPacket> MalformedPackets::all()
{
    // Every kind of decoder error a server can cause, as a server-to-client packet.
    return {
        both("packet type 0", "00 00", "00 00", "3.1.1 §2.2.1", "5.0 §2.1.2", K::InvalidPacketType),
        both("AUTH before 5.0", "F0 00", nullptr, "3.1.1 §2.2.1", nullptr, K::InvalidPacketType),
        both("PUBACK flags 0001", "41 02 00 0A", "41 02 00 0A", "MQTT-2.2.2-2", "MQTT-2.1.3-1",
             K::InvalidFixedHeaderFlags),
        both("PUBREL flags 0000", "60 02 00 0A", "60 02 00 0A", "MQTT-3.6.1-1", "MQTT-3.6.1-1",
             K::InvalidFixedHeaderFlags),
        both("PINGRESP flags 0001", "D1 00", "D1 00", "MQTT-2.2.2-2", "MQTT-2.1.3-1",
             K::InvalidFixedHeaderFlags),
        both("DISCONNECT flags 0010", nullptr, "E2 00", nullptr, "MQTT-3.14.1-1",
             K::InvalidFixedHeaderFlags),
        both("AUTH flags 0001", nullptr, "F1 00", nullptr, "MQTT-3.15.1-1",
             K::InvalidFixedHeaderFlags),
        both("PUBLISH DUP with QoS 0", "38 04 00 01 't' 'x'", "38 04 00 01 't' 00", "MQTT-3.3.1-2",
             "MQTT-3.3.1-2", K::InvalidFixedHeaderFlags),
        both("Remaining Length of 5 bytes", "30 FF FF FF FF 01", "30 FF FF FF FF 01",
             "5.0 §1.5.5, 3.1.1 §2.2.3", "5.0 §1.5.5, 3.1.1 §2.2.3",
             K::MalformedVariableByteInteger),
        both("Property Length of 5 bytes", nullptr, "30 0A | 00 01 't' | FF FF FF FF 7F | 00 00",
             nullptr, "5.0 §1.5.5", K::MalformedVariableByteInteger),
        both("invalid UTF-8 in topic", "30 04 | 00 02 'a' FF", "30 05 | 00 02 'a' FF | 00",
             "MQTT-1.5.3-1", "MQTT-1.5.4-1", K::InvalidUtf8),
        both("surrogate in topic", "30 05 | 00 03 ED A0 80", "30 06 | 00 03 ED A0 80 | 00",
             "MQTT-1.5.3-1", "MQTT-1.5.4-1", K::SurrogateInString),
        both("U+0000 in topic", "30 05 | 00 03 'a' 00 'b'", "30 06 | 00 03 'a' 00 'b' | 00",
             "MQTT-1.5.3-2", "MQTT-1.5.4-2", K::NullCharacterInString),
        both("PUBLISH QoS 1 with id 0", "32 06 | 00 01 't' | 00 00 | 'x'",
             "32 06 | 00 01 't' | 00 00 | 00", "MQTT-2.3.1-1", "MQTT-2.2.1-3",
             K::ZeroPacketIdentifier),
        both("PUBACK id 0", "40 02 00 00", "40 02 00 00", "MQTT-2.3.1-1", "MQTT-2.2.1-3",
             K::ZeroPacketIdentifier),
        both("PUBREC id 0", "50 02 00 00", "50 02 00 00", "MQTT-2.3.1-1", "MQTT-2.2.1-3",
             K::ZeroPacketIdentifier),
        both("PUBREL id 0", "62 02 00 00", "62 02 00 00", "MQTT-2.3.1-1", "MQTT-2.2.1-3",
             K::ZeroPacketIdentifier),
        both("PUBCOMP id 0", "70 02 00 00", "70 02 00 00", "MQTT-2.3.1-1", "MQTT-2.2.1-3",
             K::ZeroPacketIdentifier),
        both("SUBACK id 0", "90 03 00 00 00", "90 04 00 00 00 00", "MQTT-2.3.1-1", "MQTT-2.2.1-3",
             K::ZeroPacketIdentifier),
        both("UNSUBACK id 0", "B0 02 00 00", "B0 04 00 00 00 00", "MQTT-2.3.1-1", "MQTT-2.2.1-3",
             K::ZeroPacketIdentifier),
        both("property given twice", nullptr,
             "30 0E | 00 01 't' | 09 03 00 02 'ab' 03 00 01 'c' | 00", nullptr, "5.0 §2.2.2.2",
             K::DuplicateProperty),
        both("property not allowed in PUBLISH", nullptr, "30 09 | 00 01 't' | 05 11 00 00 00 0A",
             nullptr, "5.0 §2.2.2.2", K::PropertyNotAllowed),
        both("unknown property", nullptr, "30 06 | 00 01 't' | 02 05 00", nullptr, "5.0 §2.2.2.2",
             K::UnknownProperty),
        both("Topic Alias 0", nullptr, "30 07 | 00 01 't' | 03 23 00 00", nullptr, "MQTT-3.3.2-8",
             K::InvalidPropertyValue),
        both("Payload Format Indicator 2", nullptr, "30 06 | 00 01 't' | 02 01 02", nullptr,
             "5.0 §3.3.2.3.2", K::InvalidPropertyValue),
        both("Property Length beyond the packet", nullptr, "30 05 | 00 01 't' | 09 01", nullptr,
             "5.0 §2.2.2.1", K::TruncatedPacket),
        both("PUBLISH QoS 3", "36 06 | 00 01 't' | 00 01 | 'x'", "36 06 | 00 01 't' | 00 01 | 00",
             "MQTT-3.3.1-4", "MQTT-3.3.1-4", K::InvalidQoS),
        both("wildcard in topic", "30 05 | 00 03 'a/+'", "30 06 | 00 03 'a/#' | 00", "MQTT-3.3.2-2",
             "MQTT-3.3.2-2", K::WildcardInTopicName),
        both("empty topic", "30 02 | 00 00", "30 03 | 00 00 | 00", "MQTT-4.7.3-1", "5.0 §3.3.2.1",
             K::EmptyTopicName),
        both("PUBACK reason 0x92", nullptr, "40 04 | 00 01 | 92 | 00", nullptr, "MQTT-3.4.2-1",
             K::InvalidReasonCode),
        both("SUBACK return code 0x87", "90 03 | 00 01 | 87", "90 04 | 00 01 | 00 | 11",
             "MQTT-3.9.3-2", "MQTT-3.9.3-2", K::InvalidReasonCode),
        both("DISCONNECT reason 0x84", nullptr, "E0 01 | 84", nullptr, "MQTT-3.14.2-1",
             K::InvalidReasonCode),
        both("AUTH reason 0x87", nullptr, "F0 01 | 87", nullptr, "MQTT-3.15.2-1",
             K::InvalidReasonCode),
        both("SUBACK without codes", "90 02 | 00 01", "90 03 | 00 01 | 00", "MQTT-3.9.3-1",
             "MQTT-3.9.3-1", K::NoReasonCodes),
        both("UNSUBACK without codes", nullptr, "B0 03 | 00 01 | 00", nullptr, "MQTT-3.11.3-1",
             K::NoReasonCodes),
        both("PINGRESP with a body", "D0 01 | 00", "D0 01 | 00", "3.1.1 §2.2.3 Remaining Length",
             "5.0 §2.1.4 Remaining Length", K::TrailingBytes),
        both("PUBACK with a reason code in 3.1.1", "40 03 | 00 0A 00", nullptr,
             "3.1.1 §2.2.3 Remaining Length", nullptr, K::TrailingBytes),
        both("topic longer than the packet", "30 03 | 00 05 'a'", "30 03 | 00 05 'a'",
             "3.1.1 §2.2.3 Remaining Length", "5.0 §2.1.4 Remaining Length", K::TruncatedPacket),
        both("PUBACK cut after one byte", "40 01 | 00", "40 01 | 00",
             "3.1.1 §2.2.3 Remaining Length", "5.0 §2.1.4 Remaining Length", K::TruncatedPacket),
    };
}

} // namespace mqttdesk
