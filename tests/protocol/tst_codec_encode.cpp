// Packets that cannot go on the wire are refused with a typed EncodeError, before any
// byte is written; encode() then returns an empty array.

#include "core/protocol/codec.h"
#include "tests/protocol/support/wire.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

Q_DECLARE_METATYPE(mqttdesk::ProtocolVersion)
Q_DECLARE_METATYPE(mqttdesk::EncodeError::Kind)
Q_DECLARE_METATYPE(mqttdesk::Packet)

namespace {

using K = EncodeError::Kind;
using V = ProtocolVersion;

PublishPacket publish(const QString &topic, QoS qos = QoS::AtMostOnce, quint16 id = 0)
{
    PublishPacket p;
    p.topic = topic;
    p.qos = qos;
    p.packetId = id;
    return p;
}

} // namespace

class TestCodecEncode : public QObject
{
    Q_OBJECT

private slots:
    void refused_data();
    void refused();
    void propertyLengthZeroIsAlwaysWritten();
    void shortFormsForSuccess();
    void connectUsesTheGivenVersion();
};

void TestCodecEncode::refused_data()
{
    QTest::addColumn<V>("version");
    QTest::addColumn<Packet>("packet");
    QTest::addColumn<K>("kind");

    QTest::newRow("AUTH in 3.1.1") << V::V311 << Packet(AuthPacket{}) << K::NotInVersion;
    QTest::newRow("PUBLISH QoS 1 id 0")
        << V::V5 << Packet(publish(QStringLiteral("t"), QoS::AtLeastOnce))
        << K::ZeroPacketIdentifier;
    QTest::newRow("PUBACK id 0") << V::V311 << Packet(PubackPacket{}) << K::ZeroPacketIdentifier;
    SubscribePacket sub0;
    sub0.subscriptions = {{QStringLiteral("#"), {}}};
    QTest::newRow("SUBSCRIBE id 0") << V::V311 << Packet(sub0) << K::ZeroPacketIdentifier;
    QTest::newRow("PUBLISH QoS 3")
        << V::V311 << Packet(publish(QStringLiteral("t"), static_cast<QoS>(3), 1)) << K::InvalidQoS;
    PublishPacket dup = publish(QStringLiteral("t"));
    dup.dup = true;
    QTest::newRow("DUP on QoS 0") << V::V311 << Packet(dup) << K::InvalidFlags;
    QTest::newRow("wildcard + in topic")
        << V::V311 << Packet(publish(QStringLiteral("a/+"))) << K::WildcardInTopicName;
    QTest::newRow("wildcard # in topic")
        << V::V5 << Packet(publish(QStringLiteral("#"))) << K::WildcardInTopicName;
    QTest::newRow("empty topic (3.1.1)")
        << V::V311 << Packet(publish(QString())) << K::EmptyTopicName;
    QTest::newRow("empty topic without alias (5.0)")
        << V::V5 << Packet(publish(QString())) << K::EmptyTopicName;
    PublishPacket withProps = publish(QStringLiteral("t"));
    withProps.properties.setContentType(QStringLiteral("text/plain"));
    QTest::newRow("properties in 3.1.1") << V::V311 << Packet(withProps) << K::NotInVersion;
    PublishPacket notAllowed = publish(QStringLiteral("t"));
    notAllowed.properties.setSessionExpiryInterval(1);
    QTest::newRow("Session Expiry in PUBLISH")
        << V::V5 << Packet(notAllowed) << K::PropertyNotAllowed;
    PublishPacket twice = publish(QStringLiteral("t"));
    twice.properties.append({PropertyId::ContentType, QStringLiteral("a")});
    twice.properties.append({PropertyId::ContentType, QStringLiteral("b")});
    QTest::newRow("Content Type twice") << V::V5 << Packet(twice) << K::DuplicateProperty;
    PublishPacket alias0 = publish(QStringLiteral("t"));
    alias0.properties.setTopicAlias(0);
    QTest::newRow("Topic Alias 0") << V::V5 << Packet(alias0) << K::InvalidPropertyValue;
    PublishPacket wrongType = publish(QStringLiteral("t"));
    wrongType.properties.append({PropertyId::ContentType, quint32(5)});
    QTest::newRow("Content Type as a number")
        << V::V5 << Packet(wrongType) << K::InvalidPropertyValue;
    PublishPacket byteTooBig = publish(QStringLiteral("t"));
    byteTooBig.properties.append({PropertyId::PayloadFormatIndicator, quint32(256)});
    QTest::newRow("byte property out of range")
        << V::V5 << Packet(byteTooBig) << K::InvalidPropertyValue;
    QTest::newRow("PUBACK reason 0x92")
        << V::V5 << Packet(PubackPacket{1, ReasonCode::PacketIdentifierNotFound, {}})
        << K::InvalidReasonCode;
    QTest::newRow("CONNACK 0x97 in 3.1.1")
        << V::V311 << Packet(ConnackPacket{false, ReasonCode::QuotaExceeded, {}})
        << K::InvalidReasonCode;
    QTest::newRow("SUBACK 0x87 in 3.1.1")
        << V::V311 << Packet(SubackPacket{1, {ReasonCode::NotAuthorized}, {}})
        << K::InvalidReasonCode;
    QTest::newRow("PUBACK reason in 3.1.1")
        << V::V311 << Packet(PubackPacket{1, ReasonCode::NoMatchingSubscribers, {}})
        << K::NotInVersion;
    QTest::newRow("DISCONNECT reason in 3.1")
        << V::V31 << Packet(DisconnectPacket{ReasonCode::ServerBusy, {}}) << K::NotInVersion;
    QTest::newRow("U+0000 in topic")
        << V::V311 << Packet(publish(QStringLiteral("a") + QChar(0))) << K::InvalidString;
    QTest::newRow("unpaired surrogate")
        << V::V5 << Packet(publish(QString(QChar(0xD800)))) << K::InvalidString;
    QTest::newRow("topic over 65,535 bytes")
        << V::V311 << Packet(publish(QString(70000, QLatin1Char('a')))) << K::StringTooLong;
    SubscribePacket none;
    none.packetId = 1;
    QTest::newRow("SUBSCRIBE without filters") << V::V5 << Packet(none) << K::NoTopicFilters;
    UnsubscribePacket unsubNone;
    unsubNone.packetId = 1;
    QTest::newRow("UNSUBSCRIBE without filters")
        << V::V311 << Packet(unsubNone) << K::NoTopicFilters;
    SubscribePacket noLocal;
    noLocal.packetId = 1;
    noLocal.subscriptions = {{QStringLiteral("#"), {QoS::AtMostOnce, true}}};
    QTest::newRow("No Local in 3.1.1") << V::V311 << Packet(noLocal) << K::NotInVersion;
    ConnectPacket passwordOnly;
    passwordOnly.password = QByteArray("pw");
    QTest::newRow("Password without User Name (3.1.1)")
        << V::V311 << Packet(passwordOnly) << K::InvalidFlags;
    ConnectPacket willWildcard;
    willWildcard.will = Will{QStringLiteral("a/#"), {}, QoS::AtMostOnce, false, {}};
    QTest::newRow("Will Topic with #") << V::V311 << Packet(willWildcard) << K::WildcardInTopicName;
    UnsubackPacket codes3{1, {ReasonCode::Success}, {}};
    QTest::newRow("UNSUBACK codes in 3.1.1") << V::V311 << Packet(codes3) << K::NotInVersion;
}

void TestCodecEncode::refused()
{
    QFETCH(V, version);
    QFETCH(Packet, packet);
    QFETCH(K, kind);
    const EncodeResult result = tryEncode(packet, version);
    QVERIFY(!result.ok());
    QCOMPARE(EncodeError::kindName(result.error().kind), EncodeError::kindName(kind));
    QCOMPARE(result.error().packet, packetTypeOf(packet));
    QVERIFY(result.error().message().contains(packetTypeName(packetTypeOf(packet))));
    QVERIFY(encode(packet, version).isEmpty());
}

void TestCodecEncode::propertyLengthZeroIsAlwaysWritten()
{
    // [MQTT-2.2.2-1]: no properties is still a Property Length of 0.
    QCOMPARE(toHex(encode(publish(QStringLiteral("t")), V::V5)), toHex(wire("30 04 00 01 't' 00")));
    SubscribePacket sub;
    sub.packetId = 1;
    sub.subscriptions = {{QStringLiteral("#"), {}}};
    QCOMPARE(toHex(encode(sub, V::V5)), toHex(wire("82 07 00 01 00 00 01 '#' 00")));
    QCOMPARE(toHex(encode(PubackPacket{1, ReasonCode::UnspecifiedError, {}}, V::V5)),
             toHex(wire("40 04 00 01 80 00")));
    QCOMPARE(toHex(encodeProperties(Properties())), toHex(wire("00")));
}

void TestCodecEncode::shortFormsForSuccess()
{
    // 5.0 §3.4.2.1, §3.14.2.1, §3.15.2.1: success without properties may be shortened.
    QCOMPARE(toHex(encode(PubrelPacket{3, ReasonCode::Success, {}}, V::V5)),
             toHex(wire("62 02 00 03")));
    QCOMPARE(toHex(encode(DisconnectPacket{}, V::V5)), toHex(wire("E0 00")));
    QCOMPARE(toHex(encode(AuthPacket{}, V::V5)), toHex(wire("F0 00")));
}

void TestCodecEncode::connectUsesTheGivenVersion()
{
    ConnectPacket p; // protocolVersion says 3.1.1; the argument wins
    p.clientId = QStringLiteral("c");
    const QByteArray bytes = encode(p, V::V31);
    QVERIFY(bytes.contains("MQIsdp"));
    const DecodeResult back = decode(quint8(bytes[0]), QByteArrayView(bytes).sliced(2), V::V5);
    QVERIFY(back.ok());
    QCOMPARE(std::get<ConnectPacket>(back.value()).protocolVersion, V::V31);
}

QTEST_GUILESS_MAIN(TestCodecEncode)
#include "tst_codec_encode.moc"
