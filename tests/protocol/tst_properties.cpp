// Properties (order, absent vs zero, repeatable pairs, the per-packet table), the bare
// property block codec, reason code texts and packet type names.

#include "core/protocol/codec.h"
#include "core/protocol/properties.h"
#include "core/protocol/reason_code.h"
#include "tests/protocol/support/wire.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

class TestProperties : public QObject
{
    Q_OBJECT

private slots:
    void absentIsNotZero();
    void keepsOrderAndReplacesInPlace();
    void userPropertiesRepeatInOrder();
    void tableCoversEveryProperty();
    void allowedPerPacket();
    void bareBlockRoundTrip();
    void bareBlockErrors();
    void reasonCodeTexts();
    void reasonCodesPerPacket();
    void connectReturnCodes();
    void packetTypeNames();
};

void TestProperties::absentIsNotZero()
{
    Properties p;
    QVERIFY(p.isEmpty());
    QVERIFY(!p.retainAvailable());
    QVERIFY(!p.sessionExpiryInterval());
    p.setRetainAvailable(0);
    p.setSessionExpiryInterval(0);
    QCOMPARE(p.retainAvailable(), std::optional<quint8>(0));
    QCOMPARE(p.sessionExpiryInterval(), std::optional<quint32>(0));
    QVERIFY(!p.receiveMaximum());
    const PropertiesResult back =
        decodeProperties(encodeProperties(p, PropertyContext::Connack), PropertyContext::Connack);
    QVERIFY(back.ok());
    QCOMPARE(back.value().retainAvailable(), std::optional<quint8>(0));
    QVERIFY(!back.value().receiveMaximum());
}

void TestProperties::keepsOrderAndReplacesInPlace()
{
    Properties p;
    p.setContentType(QStringLiteral("a"));
    p.addUserProperty(QStringLiteral("k"), QStringLiteral("v"));
    p.setMessageExpiryInterval(5);
    p.setContentType(QStringLiteral("b")); // replaces, keeps the first position
    QCOMPARE(p.size(), 3);
    QCOMPARE(p.items()[0].id, PropertyId::ContentType);
    QCOMPARE(p.contentType(), std::optional<QString>(QStringLiteral("b")));
    QCOMPARE(p.items()[2].id, PropertyId::MessageExpiryInterval);
    p.remove(PropertyId::ContentType);
    QVERIFY(!p.contains(PropertyId::ContentType));
    QCOMPARE(p.size(), 2);
}

void TestProperties::userPropertiesRepeatInOrder()
{
    Properties p;
    p.addUserProperty(QStringLiteral("b"), QStringLiteral("1"));
    p.addUserProperty(QStringLiteral("a"), QStringLiteral("2"));
    p.addUserProperty(QStringLiteral("b"), QStringLiteral("3"));
    p.addSubscriptionIdentifier(1);
    p.addSubscriptionIdentifier(268435455);
    const QList<StringPair> expected = {{QStringLiteral("b"), QStringLiteral("1")},
                                        {QStringLiteral("a"), QStringLiteral("2")},
                                        {QStringLiteral("b"), QStringLiteral("3")}};
    QVERIFY(p.userProperties() == expected);
    const PropertiesResult back = decodeProperties(encodeProperties(p));
    QVERIFY(back.ok());
    QVERIFY(back.value() == p);
    QCOMPARE(back.value().subscriptionIdentifiers(), (QList<quint32>{1, 268435455}));
}

void TestProperties::tableCoversEveryProperty()
{
    int known = 0;
    for (quint32 id = 0; id < 0x80; ++id) {
        if (!isKnownPropertyId(id))
            continue;
        ++known;
        const auto pid = static_cast<PropertyId>(id);
        QVERIFY(!propertyName(pid).startsWith(QStringLiteral("0x")));
        bool somewhere = false;
        for (int c = 0; c <= int(PropertyContext::Auth); ++c)
            somewhere |= isPropertyAllowed(pid, static_cast<PropertyContext>(c));
        QVERIFY2(somewhere, qPrintable(propertyName(pid)));
    }
    QCOMPARE(known, 27); // every MQTT 5.0 property
    QCOMPARE(propertyType(PropertyId::SubscriptionIdentifier), PropertyType::VariableByteInteger);
    QCOMPARE(propertyType(PropertyId::UserProperty), PropertyType::Utf8StringPair);
    QCOMPARE(propertyType(PropertyId::ServerKeepAlive), PropertyType::TwoByteInteger);
}

void TestProperties::allowedPerPacket()
{
    QVERIFY(isPropertyAllowed(PropertyId::WillDelayInterval, PropertyContext::Will));
    QVERIFY(!isPropertyAllowed(PropertyId::WillDelayInterval, PropertyContext::Connect));
    QVERIFY(isPropertyAllowed(PropertyId::TopicAlias, PropertyContext::Publish));
    QVERIFY(!isPropertyAllowed(PropertyId::TopicAlias, PropertyContext::Will));
    QVERIFY(isPropertyAllowed(PropertyId::ReasonString, PropertyContext::Puback));
    QVERIFY(!isPropertyAllowed(PropertyId::ReasonString, PropertyContext::Publish));
    QVERIFY(isPropertyAllowed(PropertyId::UserProperty, PropertyContext::Unsubscribe));
    QVERIFY(!isPropertyAllowed(PropertyId::ReasonString, PropertyContext::Unsubscribe));
    QVERIFY(!isPropertyAllowed(PropertyId::UserProperty, PropertyContext::Pingreq));
    QVERIFY(isPropertyRepeatable(PropertyId::SubscriptionIdentifier, PropertyContext::Publish));
    QVERIFY(!isPropertyRepeatable(PropertyId::SubscriptionIdentifier, PropertyContext::Subscribe));
    QVERIFY(isPropertyRepeatable(PropertyId::UserProperty, PropertyContext::Connect));
    QVERIFY(!isPropertyRepeatable(PropertyId::ContentType, PropertyContext::Publish));
}

void TestProperties::bareBlockRoundTrip()
{
    Properties p;
    p.setPayloadFormatIndicator(1);
    p.setCorrelationData(QByteArray("\x00\xFF", 2));
    p.setResponseTopic(QStringLiteral("reply/1"));
    const QByteArray block = encodeProperties(p);
    QCOMPARE(toHex(block), toHex(wire("11 | 01 01 | 09 00 02 00 FF | 08 00 07 'reply/1'")));
    const PropertiesResult back = decodeProperties(block);
    QVERIFY(back.ok());
    QVERIFY(back.value() == p);
}

void TestProperties::bareBlockErrors()
{
    const PropertiesResult trailing = decodeProperties(wire("02 01 01 FF"));
    QVERIFY(!trailing.ok());
    QCOMPARE(trailing.error().kind, DecodeError::Kind::TrailingBytes);
    const PropertiesResult context = decodeProperties(wire("02 01 01"), PropertyContext::Connack);
    QVERIFY(!context.ok());
    QCOMPARE(context.error().kind, DecodeError::Kind::PropertyNotAllowed);
    Properties bad;
    bad.setTopicAlias(0);
    QVERIFY(encodeProperties(bad).isEmpty());
}

void TestProperties::reasonCodeTexts()
{
    QCOMPARE(reasonCodeText(ReasonCode::NotAuthorized), QStringLiteral("0x87 Not authorized"));
    QCOMPARE(reasonCodeText(ReasonCode::Success, PacketType::Puback),
             QStringLiteral("0x00 Success"));
    QCOMPARE(reasonCodeText(ReasonCode::NormalDisconnection, PacketType::Disconnect),
             QStringLiteral("0x00 Normal disconnection"));
    QCOMPARE(reasonCodeText(ReasonCode::GrantedQoS0, PacketType::Suback),
             QStringLiteral("0x00 Granted QoS 0"));
    QCOMPARE(reasonCodeText(ReasonCode::WildcardSubscriptionsNotSupported),
             QStringLiteral("0xA2 Wildcard Subscriptions not supported"));
    for (int v = 0; v < 256; ++v) {
        if (isKnownReasonCode(quint8(v)))
            QVERIFY(
                !reasonCodeText(static_cast<ReasonCode>(v)).contains(QStringLiteral("Unknown")));
    }
    QCOMPARE(reasonCodeText(static_cast<ReasonCode>(0x03)),
             QStringLiteral("0x03 Unknown reason code"));
}

void TestProperties::reasonCodesPerPacket()
{
    QVERIFY(isReasonCodeAllowed(PacketType::Auth, ReasonCode::ContinueAuthentication));
    QVERIFY(!isReasonCodeAllowed(PacketType::Auth, ReasonCode::NotAuthorized));
    QVERIFY(isReasonCodeAllowed(PacketType::Pubrel, ReasonCode::PacketIdentifierNotFound));
    QVERIFY(!isReasonCodeAllowed(PacketType::Puback, ReasonCode::PacketIdentifierNotFound));
    QVERIFY(isReasonCodeAllowed(PacketType::Disconnect, ReasonCode::DisconnectWithWillMessage));
    QVERIFY(isReasonCodeAllowed(PacketType::Suback, ReasonCode::GrantedQoS2));
    QVERIFY(!isReasonCodeAllowed(PacketType::Connack, ReasonCode::GrantedQoS2));
    QVERIFY(isSuccess(ReasonCode::NoMatchingSubscribers));
    QVERIFY(!isSuccess(ReasonCode::UnspecifiedError));
}

void TestProperties::connectReturnCodes()
{
    for (quint8 rc = 0; rc <= 5; ++rc) {
        const std::optional<ReasonCode> code = connectReturnCodeToReasonCode(rc);
        QVERIFY(code);
        QCOMPARE(reasonCodeToConnectReturnCode(*code),
                 std::optional<ConnectReturnCode>(ConnectReturnCode(rc)));
    }
    QVERIFY(!connectReturnCodeToReasonCode(6));
    QVERIFY(!reasonCodeToConnectReturnCode(ReasonCode::Banned));
    QCOMPARE(connectReturnCodeText(ConnectReturnCode::NotAuthorized),
             QStringLiteral("0x05 Connection refused: not authorized"));
}

void TestProperties::packetTypeNames()
{
    QCOMPARE(packetTypeName(PacketType::Connect), QStringLiteral("CONNECT"));
    QCOMPARE(packetTypeName(PacketType::Auth), QStringLiteral("AUTH"));
    QCOMPARE(packetTypeFromHeader(0x30), std::optional<PacketType>(PacketType::Publish));
    QVERIFY(!packetTypeFromHeader(0x0F));
    QCOMPARE(packetTypeOf(Packet(UnsubackPacket{})), PacketType::Unsuback);
}

QTEST_GUILESS_MAIN(TestProperties)
#include "tst_properties.moc"
