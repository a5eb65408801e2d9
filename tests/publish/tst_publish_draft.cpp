// PublishDraft, headless: wire sizes against the real encoder's output around every Remaining
// Length boundary (3.1, 3.1.1 and 5.0, with and without properties), refused topics with the
// position of the fault, payload format errors with their offsets, properties the codec
// refuses, and packets over the server's Maximum Packet Size.
#include "core/payload/payload_encoder.h"
#include "core/protocol/codec.h"
#include "core/publish/publish_draft.h"

#include <QTest>

using namespace mqttdesk;

namespace {

Properties someProperties()
{
    Properties p;
    p.setInteger(PropertyId::MessageExpiryInterval, 60);
    p.setString(PropertyId::ContentType, QStringLiteral("application/json"));
    p.setInteger(PropertyId::PayloadFormatIndicator, 1);
    p.setString(PropertyId::ResponseTopic, QStringLiteral("reply/to/me"));
    p.setBinary(PropertyId::CorrelationData, QByteArrayLiteral("corr-1"));
    p.addUserProperty(QStringLiteral("k"), QStringLiteral("v"));
    p.addUserProperty(QStringLiteral("名"), QStringLiteral("值"));
    return p;
}

// Bytes of the Remaining Length for `remaining` (5.0 §1.5.5), by hand.
int vbiBytes(qint64 remaining)
{
    return remaining < 128 ? 1 : remaining < 16384 ? 2 : remaining < 2097152 ? 3 : 4;
}

} // namespace

class TstPublishDraft : public QObject
{
    Q_OBJECT
private slots:
    void wireSizeMatchesTheEncoder_data();
    void wireSizeMatchesTheEncoder();
    void wireSizeAtTheProtocolLimit();
    void invalidTopic_data();
    void invalidTopic();
    void invalidPayload_data();
    void invalidPayload();
    void invalidResponseTopic();
    void propertyTheCodecRefuses();
    void propertiesOnlyWithMqtt5();
    void overServerMaximum();
    void packetCarriesTheForm();
};

void TstPublishDraft::wireSizeMatchesTheEncoder_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<int>("qos");
    QTest::addColumn<bool>("withProperties");
    QTest::addColumn<qint64>("remaining"); // the Remaining Length to reach, -1: empty payload

    const QString topic = QStringLiteral("plant/line-1/温度");
    const struct
    {
        ProtocolVersion version;
        const char *name;
    } versions[] = {{ProtocolVersion::V31, "3.1"},
                    {ProtocolVersion::V311, "3.1.1"},
                    {ProtocolVersion::V5, "5.0"}};
    // Empty payload, then both sides of each Remaining Length boundary.
    const qint64 remainings[] = {-1, 127, 128, 16383, 16384, 2097151, 2097152};
    for (const auto &v : versions) {
        for (bool props : {false, true}) {
            if (props && v.version != ProtocolVersion::V5)
                continue;
            for (int qos : {0, 1, 2}) {
                for (qint64 r : remainings) {
                    if (qos == 2 && r > 16384) // the large rows once per QoS 0/1 are enough
                        continue;
                    QTest::addRow("%s %s qos%d remaining %lld", v.name,
                                  props ? "properties" : "no-properties", qos,
                                  static_cast<long long>(r))
                        << int(v.version) << qos << props << r;
                }
            }
        }
    }
}

void TstPublishDraft::wireSizeMatchesTheEncoder()
{
    QFETCH(int, version);
    QFETCH(int, qos);
    QFETCH(bool, withProperties);
    QFETCH(qint64, remaining);

    PublishDraft draft;
    draft.setProtocolVersion(ProtocolVersion(version));
    draft.setTopic(QStringLiteral("plant/line-1/温度"));
    draft.setQos(QoS(qos));
    draft.setRetain(true);
    if (withProperties)
        draft.setProperties(someProperties());

    // The payload that brings the packet to `remaining`: what the encoder writes for an empty
    // payload is the overhead.
    PublishPacket probe = draft.packet();
    probe.packetId = qos ? 1 : 0;
    const QByteArray empty = encode(probe, ProtocolVersion(version));
    QVERIFY(!empty.isEmpty());
    const qint64 overhead = empty.size() - 2; // type byte, 1-byte Remaining Length
    QVERIFY(overhead < 128);
    if (remaining >= 0)
        draft.setPayloadText(QString(remaining - overhead, QLatin1Char('x')));

    QVERIFY(!draft.validate());
    const std::optional<qint64> size = draft.wireSize();
    QVERIFY(size);
    PublishPacket packet = draft.packet();
    packet.packetId = qos ? 0x1234 : 0;
    const QByteArray wire = encode(packet, ProtocolVersion(version));
    QVERIFY(!wire.isEmpty());
    QCOMPARE(*size, qint64(wire.size()));
    if (remaining >= 0)
        QCOMPARE(*size, 1 + vbiBytes(remaining) + remaining);
    QCOMPARE(PublishDraft::wireSize(packet, ProtocolVersion(version)), size);
}

void TstPublishDraft::wireSizeAtTheProtocolLimit()
{
    // 2 (topic length) + 1 (topic) + 1 (property length) + payload = 268,435,455.
    PublishPacket packet;
    packet.topic = QStringLiteral("t");
    packet.payload = QByteArray(268435455 - 4, 'x');
    QCOMPARE(PublishDraft::wireSize(packet, ProtocolVersion::V5), qint64(268435460));
    packet.payload.append('x');
    QCOMPARE(PublishDraft::wireSize(packet, ProtocolVersion::V5), std::nullopt);
    // The same packet as 3.1.1 has no property length: it fits again.
    QCOMPARE(PublishDraft::wireSize(packet, ProtocolVersion::V311), qint64(268435460));
}

void TstPublishDraft::invalidTopic_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<int>("code");
    QTest::addColumn<qsizetype>("position");
    QTest::newRow("single-level wildcard")
        << QStringLiteral("a/+/b") << int(TopicErrorCode::WildcardInName) << qsizetype(2);
    QTest::newRow("multi-level wildcard")
        << QStringLiteral("a/b/#") << int(TopicErrorCode::WildcardInName) << qsizetype(4);
    QTest::newRow("empty") << QString() << int(TopicErrorCode::Empty) << qsizetype(-1);
    QTest::newRow("too long") << QString(65536, QLatin1Char('a')) << int(TopicErrorCode::TooLong)
                              << qsizetype(-1);
    QTest::newRow("too long in UTF-8")
        << QString(21846, QChar(0x6e29)) << int(TopicErrorCode::TooLong) << qsizetype(-1);
    QTest::newRow("NUL") << (QStringLiteral("ab") + QChar(0) + QStringLiteral("c"))
                         << int(TopicErrorCode::NullCharacter) << qsizetype(2);
    QTest::newRow("lone surrogate") << (QStringLiteral("a/") + QChar(0xd800))
                                    << int(TopicErrorCode::InvalidUtf16) << qsizetype(2);
}

void TstPublishDraft::invalidTopic()
{
    QFETCH(QString, topic);
    QFETCH(int, code);
    QFETCH(qsizetype, position);
    PublishDraft draft;
    draft.setTopic(topic);
    draft.setPayloadFormat(PayloadFormat::Json);
    draft.setPayloadText(QStringLiteral("{")); // also wrong, but the topic comes first
    const auto error = draft.validate();
    QVERIFY(error);
    QCOMPARE(error->kind, PublishDraftError::Kind::InvalidTopic);
    QCOMPARE(error->field, PublishField::Topic);
    QVERIFY(error->topic);
    QCOMPARE(int(error->topic->code), code);
    QCOMPARE(error->position, position);
    QCOMPARE(error->message(), Topic::validateName(topic)->message());
    QVERIFY(!error->message().isEmpty());
}

void TstPublishDraft::invalidPayload_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("code");
    QTest::addColumn<qsizetype>("offset");
    QTest::newRow("JSON, missing value")
        << int(PayloadFormat::Json) << QStringLiteral("{\"a\": 1,\n \"b\": }")
        << int(PayloadErrorCode::InvalidJson) << qsizetype(16);
    QTest::newRow("JSON, empty") << int(PayloadFormat::Json) << QString()
                                 << int(PayloadErrorCode::InvalidJson) << qsizetype(0);
    QTest::newRow("hex, bad digit") << int(PayloadFormat::Hex) << QStringLiteral("00 ff 0g")
                                    << int(PayloadErrorCode::InvalidHexDigit) << qsizetype(7);
    QTest::newRow("hex, odd digits") << int(PayloadFormat::Hex) << QStringLiteral("00 f")
                                     << int(PayloadErrorCode::OddHexDigits) << qsizetype(3);
    QTest::newRow("Base64, bad character") << int(PayloadFormat::Base64) << QStringLiteral("aGk$")
                                           << int(PayloadErrorCode::InvalidBase64) << qsizetype(3);
}

void TstPublishDraft::invalidPayload()
{
    QFETCH(int, format);
    QFETCH(QString, text);
    QFETCH(int, code);
    QFETCH(qsizetype, offset);
    PublishDraft draft;
    draft.setTopic(QStringLiteral("t"));
    draft.setPayloadFormat(PayloadFormat(format));
    draft.setPayloadText(text);
    const auto error = draft.validate();
    QVERIFY(error);
    QCOMPARE(error->kind, PublishDraftError::Kind::InvalidPayload);
    QCOMPARE(error->field, PublishField::Payload);
    QVERIFY(error->payload);
    QCOMPARE(int(error->payload->code), code);
    QCOMPARE(error->position, offset);
    const EncodedPayload expected = PayloadEncoder::encode(text, PayloadFormat(format));
    QVERIFY(expected.error);
    QCOMPARE(error->position, expected.error->offset);
    QCOMPARE(error->message(), expected.error->message());
    QCOMPARE(draft.wireSize(), std::optional<qint64>(2 + 3 + 1)); // no payload

    // Fixed, the draft is valid.
    draft.setPayloadFormat(PayloadFormat::Text);
    QVERIFY(!draft.validate());
}

void TstPublishDraft::invalidResponseTopic()
{
    PublishDraft draft;
    draft.setTopic(QStringLiteral("req"));
    Properties p;
    p.setString(PropertyId::ResponseTopic, QStringLiteral("resp/#"));
    draft.setProperties(p);
    const auto error = draft.validate();
    QVERIFY(error);
    QCOMPARE(error->kind, PublishDraftError::Kind::InvalidResponseTopic);
    QCOMPARE(error->field, PublishField::Properties);
    QCOMPARE(error->property, std::optional<PropertyId>(PropertyId::ResponseTopic));
    QCOMPARE(error->position, qsizetype(5));
    QVERIFY(error->message().contains(error->topic->message()));
}

void TstPublishDraft::propertyTheCodecRefuses()
{
    PublishDraft draft;
    draft.setTopic(QStringLiteral("t"));
    Properties p;
    p.setInteger(PropertyId::MessageExpiryInterval, 5);
    p.setString(PropertyId::ContentType, QStringLiteral("a") + QChar(0) + QStringLiteral("b"));
    draft.setProperties(p);
    auto error = draft.validate();
    QVERIFY(error);
    QCOMPARE(error->kind, PublishDraftError::Kind::InvalidProperty);
    QCOMPARE(error->field, PublishField::Properties);
    QCOMPARE(error->property, std::optional<PropertyId>(PropertyId::ContentType));
    QVERIFY(error->encode);
    QCOMPARE(error->encode->kind, EncodeError::Kind::InvalidString);
    QVERIFY(!error->message().isEmpty());
    QCOMPARE(draft.wireSize(), std::nullopt);

    Properties tooLong;
    tooLong.addUserProperty(QStringLiteral("k"), QString(65536, QLatin1Char('v')));
    draft.setProperties(tooLong);
    error = draft.validate();
    QVERIFY(error);
    QCOMPARE(error->property, std::optional<PropertyId>(PropertyId::UserProperty));
    QCOMPARE(error->encode->kind, EncodeError::Kind::StringTooLong);
}

void TstPublishDraft::propertiesOnlyWithMqtt5()
{
    PublishDraft draft;
    draft.setTopic(QStringLiteral("t"));
    draft.setPayloadText(QStringLiteral("hi"));
    Properties p;
    p.setString(PropertyId::ResponseTopic, QStringLiteral("resp/#")); // wrong in 5.0 only
    draft.setProperties(p);
    QVERIFY(draft.validate());
    for (ProtocolVersion v : {ProtocolVersion::V31, ProtocolVersion::V311}) {
        draft.setProtocolVersion(v);
        QVERIFY(!draft.validate());
        QVERIFY(draft.packet().properties.isEmpty());
        QCOMPARE(draft.wireSize(), std::optional<qint64>(2 + 3 + 2));
    }
}

void TstPublishDraft::overServerMaximum()
{
    PublishDraft draft;
    draft.setTopic(QStringLiteral("t"));
    draft.setMaximumPacketSize(100);
    // 2 (fixed header) + 3 (topic) + 1 (property length) + payload: 94 bytes fit exactly.
    draft.setPayloadText(QString(94, QLatin1Char('x')));
    QCOMPARE(draft.wireSize(), std::optional<qint64>(100));
    QVERIFY(!draft.validate());

    draft.setPayloadText(QString(95, QLatin1Char('x')));
    auto error = draft.validate();
    QVERIFY(error);
    QCOMPARE(error->kind, PublishDraftError::Kind::OverServerMaximum);
    QCOMPARE(error->field, PublishField::Payload);
    QCOMPARE(error->size, qint64(101));
    QCOMPARE(error->maximum, qint64(100));
    QVERIFY(error->message().contains(QStringLiteral("101")));
    QVERIFY(error->message().contains(QStringLiteral("100")));

    // QoS 1 adds the packet id; 3.1.1 drops the property length.
    draft.setPayloadText(QString(94, QLatin1Char('x')));
    draft.setQos(QoS::AtLeastOnce);
    error = draft.validate();
    QVERIFY(error);
    QCOMPARE(error->size, qint64(102));
    draft.setProtocolVersion(ProtocolVersion::V311);
    QCOMPARE(draft.validate()->size, qint64(101));
    draft.setMaximumPacketSize(std::nullopt);
    QVERIFY(!draft.validate());

    // The size counts the encoded bytes, not the characters typed.
    draft.setQos(QoS::AtMostOnce);
    draft.setMaximumPacketSize(10);
    draft.setPayloadFormat(PayloadFormat::Hex);
    draft.setPayloadText(QStringLiteral("00 11 22 33 44"));
    QCOMPARE(draft.wireSize(), std::optional<qint64>(2 + 3 + 5));
    QVERIFY(!draft.validate());
}

void TstPublishDraft::packetCarriesTheForm()
{
    PublishDraft draft;
    draft.setTopic(QStringLiteral("a/b"));
    draft.setQos(QoS::ExactlyOnce);
    draft.setRetain(true);
    draft.setPayloadFormat(PayloadFormat::Base64);
    draft.setPayloadText(QStringLiteral("aGk="));
    draft.setProperties(someProperties());
    QVERIFY(!draft.validate());
    const PublishPacket packet = draft.packet();
    QCOMPARE(packet.topic, QStringLiteral("a/b"));
    QCOMPARE(packet.qos, QoS::ExactlyOnce);
    QVERIFY(packet.retain);
    QVERIFY(!packet.dup);
    QCOMPARE(packet.packetId, quint16(0));
    QCOMPARE(packet.payload, QByteArrayLiteral("hi"));
    QCOMPARE(packet.properties, someProperties());
}

QTEST_APPLESS_MAIN(TstPublishDraft)
#include "tst_publish_draft.moc"
