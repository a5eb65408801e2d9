// One malformed input per validation rule, each expecting a specific DecodeError kind,
// the absolute stream offset where it was found and the rule it breaks.

#include "core/protocol/codec.h"
#include "core/protocol/frame_reader.h"
#include "tests/protocol/support/wire.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

Q_DECLARE_METATYPE(mqttdesk::ProtocolVersion)
Q_DECLARE_METATYPE(mqttdesk::DecodeError::Kind)

namespace {

using K = DecodeError::Kind;
using V = ProtocolVersion;

// The first error in a stream: from the reader (framing) or the decoder (contents).
std::optional<DecodeError> firstError(const QByteArray &bytes, ProtocolVersion version)
{
    FrameReader reader;
    reader.append(bytes);
    while (const std::optional<Frame> frame = reader.next()) {
        const DecodeResult result = decode(*frame, version);
        if (!result.ok())
            return result.error();
    }
    if (!reader.hasError() && reader.bufferedBytes() != 0) {
        DecodeError notFramed; // a mistake in the test's Remaining Length, not in the codec
        notFramed.rule =
            QStringLiteral("test bytes do not frame: %1 left over").arg(reader.bufferedBytes());
        return notFramed;
    }
    return reader.error();
}

} // namespace

class TestCodecMalformed : public QObject
{
    Q_OBJECT

private slots:
    void malformed_data();
    void malformed();
    void validEdgeCases_data();
    void validEdgeCases();
    void errorMessageIsReadable();
    void truncatedAtEveryLength();
};

void TestCodecMalformed::malformed_data()
{
    QTest::addColumn<ProtocolVersion>("version");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<DecodeError::Kind>("kind");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("rule");

    auto row = [](const char *name, V v, const char *bytes, K kind, int offset, const char *rule) {
        QTest::newRow(name) << v << wire(bytes) << kind << offset << QString::fromUtf8(rule);
    };

    // Packet type.
    row("type 0 reserved", V::V311, "00 00", K::InvalidPacketType, 0, "3.1.1 §2.2.1");
    row("AUTH before 5.0", V::V311, "F0 00", K::InvalidPacketType, 0, "3.1.1 §2.2.1");

    // Fixed header flags.
    row("PUBACK flags 0001", V::V311, "41 02 00 0A", K::InvalidFixedHeaderFlags, 0, "MQTT-2.2.2-2");
    row("CONNACK flags 1000 (5.0)", V::V5, "28 03 00 00 00", K::InvalidFixedHeaderFlags, 0,
        "MQTT-2.1.3-1");
    row("PUBREL flags 0000", V::V311, "60 02 00 0A", K::InvalidFixedHeaderFlags, 0, "MQTT-3.6.1-1");
    row("SUBSCRIBE flags 0000", V::V311, "80 06 00 01 00 01 '#' 00", K::InvalidFixedHeaderFlags, 0,
        "MQTT-3.8.1-1");
    row("SUBSCRIBE DUP outside 3.1", V::V311, "8A 06 00 01 00 01 '#' 00",
        K::InvalidFixedHeaderFlags, 0, "MQTT-3.8.1-1");
    row("UNSUBSCRIBE flags 0011", V::V311, "A3 05 00 01 00 01 '#'", K::InvalidFixedHeaderFlags, 0,
        "MQTT-3.10.1-1");
    row("PINGRESP flags 0001", V::V31, "D1 00", K::InvalidFixedHeaderFlags, 0, "MQTT-2.2.2-2");
    row("DISCONNECT flags 0010 (5.0)", V::V5, "E2 00", K::InvalidFixedHeaderFlags, 0,
        "MQTT-3.14.1-1");
    row("AUTH flags 0001", V::V5, "F1 00", K::InvalidFixedHeaderFlags, 0, "MQTT-3.15.1-1");
    row("PUBLISH DUP with QoS 0", V::V311, "38 04 00 01 't' 'x'", K::InvalidFixedHeaderFlags, 0,
        "MQTT-3.3.1-2");

    // Variable Byte Integers: at most 4 bytes.
    row("Remaining Length of 5 bytes", V::V311, "30 FF FF FF FF 01",
        K::MalformedVariableByteInteger, 1, "5.0 §1.5.5, 3.1.1 §2.2.3");
    row("Property Length of 5 bytes", V::V5, "30 0A | 00 01 't' | FF FF FF FF 7F | 00 00",
        K::MalformedVariableByteInteger, 5, "5.0 §1.5.5");
    row("Subscription Identifier of 5 bytes", V::V5,
        "30 0B | 00 01 't' | 06 0B 80 80 80 80 01 | 00", K::MalformedVariableByteInteger, 7,
        "5.0 §1.5.5");

    // UTF-8 [MQTT-1.5.4-1..2] / [MQTT-1.5.3-1..2].
    row("UTF-8 invalid byte FF", V::V311, "30 04 | 00 02 'a' FF", K::InvalidUtf8, 5,
        "MQTT-1.5.3-1");
    row("UTF-8 overlong C0 80", V::V311, "30 05 | 00 03 'a' C0 80", K::InvalidUtf8, 5,
        "MQTT-1.5.3-1");
    row("UTF-8 overlong E0 80 80", V::V5, "30 06 | 00 03 E0 80 80 | 00", K::InvalidUtf8, 5,
        "MQTT-1.5.4-1");
    row("UTF-8 above U+10FFFF", V::V5, "30 07 | 00 04 F4 90 80 80 | 00", K::InvalidUtf8, 5,
        "MQTT-1.5.4-1");
    row("UTF-8 cut sequence", V::V5, "30 05 | 00 02 E2 82 | 00", K::InvalidUtf8, 4, "MQTT-1.5.4-1");
    row("UTF-8 lone continuation", V::V5, "30 05 | 00 02 'a' 80 | 00", K::InvalidUtf8, 5,
        "MQTT-1.5.4-1");
    row("UTF-8 surrogate U+D800", V::V5, "30 06 | 00 03 ED A0 80 | 00", K::SurrogateInString, 4,
        "MQTT-1.5.4-1");
    row("UTF-8 surrogate U+DFFF (3.1.1)", V::V311, "30 05 | 00 03 ED BF BF", K::SurrogateInString,
        4, "MQTT-1.5.3-1");
    row("U+0000 in topic", V::V5, "30 06 | 00 03 'a' 00 'b' | 00", K::NullCharacterInString, 5,
        "MQTT-1.5.4-2");
    row("U+0000 in client id (3.1.1)", V::V311, "10 0E | 00 04 'MQTT' 04 02 00 3C | 00 02 'c' 00",
        K::NullCharacterInString, 15, "MQTT-1.5.3-2");
    row("invalid UTF-8 in User Property", V::V5,
        "30 0D | 00 01 't' | 07 26 00 01 FF 00 01 'v' | 00 00", K::InvalidUtf8, 9, "MQTT-1.5.4-1");

    // Packet Identifier != 0.
    row("PUBLISH QoS 1 id 0", V::V311, "32 06 | 00 01 't' | 00 00 | 'x'", K::ZeroPacketIdentifier,
        5, "MQTT-2.3.1-1");
    row("PUBLISH QoS 2 id 0 (5.0)", V::V5, "34 06 | 00 01 't' | 00 00 | 00",
        K::ZeroPacketIdentifier, 5, "MQTT-2.2.1-3");
    row("PUBACK id 0", V::V311, "40 02 00 00", K::ZeroPacketIdentifier, 2, "MQTT-2.3.1-1");
    row("PUBREC id 0", V::V5, "50 02 00 00", K::ZeroPacketIdentifier, 2, "MQTT-2.2.1-3");
    row("PUBREL id 0", V::V31, "62 02 00 00", K::ZeroPacketIdentifier, 2, "MQTT-2.3.1-1");
    row("PUBCOMP id 0", V::V5, "70 02 00 00", K::ZeroPacketIdentifier, 2, "MQTT-2.2.1-3");
    row("SUBSCRIBE id 0", V::V311, "82 06 00 00 00 01 '#' 00", K::ZeroPacketIdentifier, 2,
        "MQTT-2.3.1-1");
    row("SUBACK id 0", V::V311, "90 03 00 00 00", K::ZeroPacketIdentifier, 2, "MQTT-2.3.1-1");
    row("UNSUBSCRIBE id 0", V::V5, "A2 06 00 00 00 00 01 '#'", K::ZeroPacketIdentifier, 2,
        "MQTT-2.2.1-3");
    row("UNSUBACK id 0", V::V311, "B0 02 00 00", K::ZeroPacketIdentifier, 2, "MQTT-2.3.1-1");

    // Properties: allowed once, allowed in this packet, known, in range (5.0 §2.2.2.2).
    row("Content Type twice", V::V5, "30 0E | 00 01 't' | 09 03 00 02 'ab' 03 00 01 'c' | 00",
        K::DuplicateProperty, 11, "5.0 §2.2.2.2");
    row("Subscription Identifier twice in SUBSCRIBE", V::V5,
        "82 0B | 00 01 | 04 0B 01 0B 02 | 00 01 '#' 00", K::DuplicateProperty, 7, "5.0 §2.2.2.2");
    row("Session Expiry Interval in PUBLISH", V::V5, "30 09 | 00 01 't' | 05 11 00 00 00 0A",
        K::PropertyNotAllowed, 6, "5.0 §2.2.2.2");
    row("Will Delay Interval in CONNECT properties", V::V5,
        "10 12 | 00 04 'MQTT' 05 02 00 3C | 05 18 00 00 00 05 | 00 00", K::PropertyNotAllowed, 13,
        "5.0 §2.2.2.2");
    row("Topic Alias in Will properties", V::V5,
        "10 16 | 00 04 'MQTT' 05 06 00 3C | 00 | 00 00 | 03 23 00 01 | 00 01 't' 00 00",
        K::PropertyNotAllowed, 16, "5.0 §2.2.2.2");
    row("Reason String in PUBLISH", V::V5, "30 08 | 00 01 't' | 04 1F 00 01 'x'",
        K::PropertyNotAllowed, 6, "5.0 §2.2.2.2");
    row("unknown property 0x05", V::V5, "30 06 | 00 01 't' | 02 05 00", K::UnknownProperty, 6,
        "5.0 §2.2.2.2");
    row("Topic Alias 0", V::V5, "30 07 | 00 01 't' | 03 23 00 00", K::InvalidPropertyValue, 6,
        "MQTT-3.3.2-8");
    row("Payload Format Indicator 2", V::V5, "30 06 | 00 01 't' | 02 01 02",
        K::InvalidPropertyValue, 6, "5.0 §3.3.2.3.2");
    row("Receive Maximum 0", V::V5, "20 06 | 00 00 | 03 21 00 00", K::InvalidPropertyValue, 5,
        "5.0 §3.1.2.11.3");
    row("Maximum QoS 2", V::V5, "20 05 | 00 00 | 02 24 02", K::InvalidPropertyValue, 5,
        "5.0 §3.2.2.3.4");
    row("Maximum Packet Size 0", V::V5, "20 08 | 00 00 | 05 27 00 00 00 00",
        K::InvalidPropertyValue, 5, "5.0 §3.1.2.11.4");
    row("Subscription Identifier 0", V::V5, "82 08 | 00 01 | 02 0B 00 | 00 01 '#' 00",
        K::InvalidPropertyValue, 5, "5.0 §3.8.2.1.2");
    row("Property Length beyond the packet", V::V5, "30 05 | 00 01 't' | 09 01", K::TruncatedPacket,
        5, "5.0 §2.2.2.1");
    row("property crosses Property Length", V::V5, "30 0A | 00 01 't' | 02 02 00 00 00 3C 'x'",
        K::TruncatedPacket, 6, "5.0 §2.2.2.1");

    // QoS 3.
    row("PUBLISH QoS 3", V::V311, "36 06 | 00 01 't' | 00 01 | 'x'", K::InvalidQoS, 0,
        "MQTT-3.3.1-4");
    row("SUBSCRIBE requested QoS 3", V::V311, "82 06 | 00 01 | 00 01 '#' 03", K::InvalidQoS, 7,
        "MQTT-3-8.3-4");
    row("SUBSCRIBE QoS 3 (5.0)", V::V5, "82 07 | 00 01 | 00 | 00 01 '#' 03", K::InvalidQoS, 8,
        "MQTT-3.8.3-5");
    row("CONNECT Will QoS 3", V::V311, "10 0C | 00 04 'MQTT' 04 1E 00 3C | 00 00", K::InvalidQoS, 9,
        "MQTT-3.1.2-14");

    // Wildcards in a Topic Name [MQTT-3.3.2-2].
    row("PUBLISH topic with +", V::V311, "30 05 | 00 03 'a/+'", K::WildcardInTopicName, 6,
        "MQTT-3.3.2-2");
    row("PUBLISH topic with #", V::V5, "30 06 | 00 03 'a/#' | 00", K::WildcardInTopicName, 6,
        "MQTT-3.3.2-2");
    row("Will Topic with #", V::V311,
        "10 15 | 00 04 'MQTT' 04 06 00 3C | 00 01 'c' | 00 03 'a/#' | 00 01 'x'",
        K::WildcardInTopicName, 19, "MQTT-3.3.2-2");

    // Topic Name present.
    row("PUBLISH empty topic (3.1.1)", V::V311, "30 02 | 00 00", K::EmptyTopicName, 2,
        "MQTT-4.7.3-1");
    row("PUBLISH empty topic without alias (5.0)", V::V5, "30 03 | 00 00 | 00", K::EmptyTopicName,
        2, "5.0 §3.3.2.1");

    // CONNECT.
    row("CONNECT protocol name MQTX", V::V311, "10 0C | 00 04 'MQTX' 04 02 00 3C | 00 00",
        K::InvalidProtocolName, 2, "MQTT-3.1.2-1");
    row("CONNECT MQTT level 3", V::V311, "10 0C | 00 04 'MQTT' 03 02 00 3C | 00 00",
        K::UnsupportedProtocolVersion, 8, "MQTT-3.1.2-2");
    row("CONNECT MQTT level 6", V::V5, "10 0C | 00 04 'MQTT' 06 02 00 3C | 00 00",
        K::UnsupportedProtocolVersion, 8, "MQTT-3.1.2-2");
    row("CONNECT reserved flag", V::V311, "10 0C | 00 04 'MQTT' 04 03 00 3C | 00 00",
        K::InvalidConnectFlags, 9, "MQTT-3.1.2-3");
    row("CONNECT Will Retain without Will", V::V311, "10 0C | 00 04 'MQTT' 04 22 00 3C | 00 00",
        K::InvalidConnectFlags, 9, "MQTT-3.1.2-13");
    row("CONNECT Will QoS without Will (5.0)", V::V5,
        "10 0D | 00 04 'MQTT' 05 0A 00 3C | 00 | 00 00", K::InvalidConnectFlags, 9,
        "MQTT-3.1.2-11");
    row("CONNECT Password without User Name (3.1.1)", V::V311,
        "10 10 | 00 04 'MQTT' 04 42 00 3C | 00 00 | 00 02 'pw'", K::InvalidConnectFlags, 9,
        "MQTT-3.1.2-22");
    row("CONNECT missing User Name", V::V311, "10 0C | 00 04 'MQTT' 04 82 00 3C | 00 00",
        K::TruncatedPacket, 14, "3.1.1 §2.2.3 Remaining Length");

    // CONNACK.
    row("CONNACK reserved flag bit", V::V311, "20 02 | 02 00", K::InvalidConnackFlags, 2,
        "MQTT-3.2.2-1");
    row("CONNACK Session Present on refusal", V::V311, "20 02 | 01 05", K::InvalidConnackFlags, 2,
        "MQTT-3.2.2-4");
    row("CONNACK return code 6", V::V311, "20 02 | 00 06", K::InvalidReasonCode, 3,
        "3.1.1 §3.2.2.3");
    row("CONNACK reason 0x10 (5.0)", V::V5, "20 03 | 00 10 | 00", K::InvalidReasonCode, 3,
        "5.0 §3.2.2.2");

    // Reason codes per packet.
    row("PUBACK reason 0x92", V::V5, "40 04 | 00 01 | 92 | 00", K::InvalidReasonCode, 4,
        "MQTT-3.4.2-1");
    row("PUBREL reason 0x10", V::V5, "62 04 | 00 01 | 10 | 00", K::InvalidReasonCode, 4,
        "MQTT-3.6.2-1");
    row("SUBACK reason 0x11", V::V5, "90 04 | 00 01 | 00 | 11", K::InvalidReasonCode, 5,
        "MQTT-3.9.3-2");
    row("SUBACK 3.1.1 return code 0x87", V::V311, "90 03 | 00 01 | 87", K::InvalidReasonCode, 4,
        "MQTT-3.9.3-2");
    row("UNSUBACK reason 0x01", V::V5, "B0 04 | 00 01 | 00 | 01", K::InvalidReasonCode, 5,
        "MQTT-3.11.3-2");
    row("DISCONNECT reason 0x84", V::V5, "E0 01 | 84", K::InvalidReasonCode, 2, "MQTT-3.14.2-1");
    row("AUTH reason 0x87", V::V5, "F0 01 | 87", K::InvalidReasonCode, 2, "MQTT-3.15.2-1");
    row("undefined reason 0x03", V::V5, "E0 01 | 03", K::InvalidReasonCode, 2, "MQTT-3.14.2-1");

    // Subscription options and lists.
    row("SUBSCRIBE reserved option bits (3.1.1)", V::V311, "82 06 | 00 01 | 00 01 '#' 04",
        K::InvalidSubscriptionOptions, 7, "MQTT-3-8.3-4");
    row("SUBSCRIBE reserved option bits (5.0)", V::V5, "82 07 | 00 01 | 00 | 00 01 '#' 40",
        K::InvalidSubscriptionOptions, 8, "MQTT-3.8.3-5");
    row("SUBSCRIBE Retain Handling 3", V::V5, "82 07 | 00 01 | 00 | 00 01 '#' 30",
        K::InvalidSubscriptionOptions, 8, "5.0 §3.8.3.1");
    row("SUBSCRIBE without filters", V::V311, "82 02 | 00 01", K::NoTopicFilters, 4,
        "MQTT-3.8.3-3");
    row("UNSUBSCRIBE without filters", V::V5, "A2 03 | 00 01 | 00", K::NoTopicFilters, 5,
        "MQTT-3.10.3-2");
    row("SUBACK without codes", V::V311, "90 02 | 00 01", K::NoReasonCodes, 4, "MQTT-3.9.3-1");
    row("UNSUBACK without codes (5.0)", V::V5, "B0 03 | 00 01 | 00", K::NoReasonCodes, 5,
        "MQTT-3.11.3-1");

    // Lengths.
    row("PINGREQ with a body", V::V311, "C0 01 | 00", K::TrailingBytes, 2,
        "3.1.1 §2.2.3 Remaining Length");
    row("PUBACK with a reason code in 3.1.1", V::V311, "40 03 | 00 0A 00", K::TrailingBytes, 4,
        "3.1.1 §2.2.3 Remaining Length");
    row("DISCONNECT with a body in 3.1", V::V31, "E0 01 | 00", K::TrailingBytes, 2,
        "3.1.1 §2.2.3 Remaining Length");
    row("topic longer than the packet", V::V311, "30 03 | 00 05 'a'", K::TruncatedPacket, 4,
        "3.1.1 §2.2.3 Remaining Length");
    row("PUBACK cut after one byte", V::V5, "40 01 | 00", K::TruncatedPacket, 2,
        "5.0 §2.1.4 Remaining Length");
}

void TestCodecMalformed::malformed()
{
    QFETCH(ProtocolVersion, version);
    QFETCH(QByteArray, bytes);
    QFETCH(DecodeError::Kind, kind);
    QFETCH(int, offset);
    QFETCH(QString, rule);
    const std::optional<DecodeError> error = firstError(bytes, version);
    QVERIFY2(error, "decoded without error");
    QCOMPARE(DecodeError::kindName(error->kind), DecodeError::kindName(kind));
    QCOMPARE(error->offset, qint64(offset));
    QCOMPARE(error->rule, rule);
    QVERIFY(!error->message().isEmpty());
}

void TestCodecMalformed::validEdgeCases_data()
{
    QTest::addColumn<ProtocolVersion>("version");
    QTest::addColumn<QByteArray>("bytes");
    // 5.0 drops the 3.1.1 rule that a Password needs a User Name.
    QTest::newRow("Password without User Name (5.0)")
        << V::V5 << wire("10 11 | 00 04 'MQTT' 05 42 00 3C | 00 | 00 00 | 00 02 'pw'");
    // Code points just inside the limits: U+D7FF, U+E000, U+10FFFF, U+FEFF.
    QTest::newRow("UTF-8 edges") << V::V311
                                 << wire(
                                        "30 10 | 00 0E ED 9F BF EE 80 80 F4 8F BF BF EF BB BF 'a'");
    QTest::newRow("User Property repeated") << V::V5
                                            << wire("30 12 | 00 01 't' | 0E 26 00 01 'a' 00 01 'b' "
                                                    "26 00 01 'a' 00 01 'b'");
    QTest::newRow("Subscription Identifier repeated in PUBLISH")
        << V::V5 << wire("30 08 | 00 01 't' | 04 0B 01 0B 02");
    QTest::newRow("3.1 SUBACK 0x80") << V::V31 << wire("90 03 00 01 80");
}

void TestCodecMalformed::validEdgeCases()
{
    QFETCH(ProtocolVersion, version);
    QFETCH(QByteArray, bytes);
    const std::optional<DecodeError> error = firstError(bytes, version);
    QVERIFY2(!error, error ? qPrintable(error->message()) : "");
}

void TestCodecMalformed::errorMessageIsReadable()
{
    const std::optional<DecodeError> error = firstError(wire("30 05 | 00 03 'a/+'"), V::V311);
    QVERIFY(error);
    const QString message = error->message();
    QVERIFY2(message.contains(QStringLiteral("PUBLISH")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("wildcard")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("byte 6")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("MQTT-3.3.2-2")), qPrintable(message));
    QCOMPARE(error->packet, std::optional<PacketType>(PacketType::Publish));
    QVERIFY(!error->isProtocolError());
    const std::optional<DecodeError> duplicate =
        firstError(wire("30 0C | 00 01 't' | 08 03 00 01 'a' 03 00 01 'b'"), V::V5);
    QVERIFY(duplicate);
    QVERIFY(duplicate->isProtocolError()); // 5.0 §2.2.2.2: Protocol Error, not Malformed
}

void TestCodecMalformed::truncatedAtEveryLength()
{
    // A CONNECT cut at every length (with a matching Remaining Length) never decodes
    // and never crashes; the error is always a value.
    const QByteArray full =
        wire("10 29 | 00 04 'MQTT' 05 CE 00 0A | 05 11 00 00 00 0A | 00 02 'id' "
             "| 00 | 00 03 'w/t' | 00 03 'bye' | 00 04 'user' | 00 02 'pw'");
    const QByteArray body = full.mid(2);
    QVERIFY(decode(0x10, body, V::V5).ok());
    for (qsizetype n = 0; n < body.size(); ++n) {
        const DecodeResult result = decode(0x10, QByteArrayView(body).first(n), V::V5);
        QVERIFY2(!result.ok(), qPrintable(QString::number(n)));
        QVERIFY(result.error().offset <= n);
    }
}

QTEST_GUILESS_MAIN(TestCodecMalformed)
#include "tst_codec_malformed.moc"
