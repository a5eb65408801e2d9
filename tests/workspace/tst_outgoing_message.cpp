#include "core/workspace/outgoing_message.h"

#include "core/protocol/codec.h"

#include <QTest>

using namespace mqttdesk;

// The one conversion of a message we publish: to its history row, its publish state, its
// publish-history entry, and back to a packet (resend).
class TestOutgoingMessage : public QObject
{
    Q_OBJECT
private slots:
    void storedAsQueuedWithItsProperties()
    {
        PublishPacket p;
        p.topic = QStringLiteral("cmd/valve");
        p.payload = QByteArray("\x00\x01open", 6);
        p.qos = QoS::ExactlyOnce;
        p.retain = true;
        p.properties.setString(PropertyId::ContentType, QStringLiteral("text/plain"));

        const StoredMessage v5 = OutgoingMessage::stored(p, 4, ProtocolVersion::V5, 1234);
        QCOMPARE(v5.direction, StoredMessage::Direction::Outgoing);
        QCOMPARE(v5.profileId, 4);
        QCOMPARE(v5.topic, p.topic);
        QCOMPARE(v5.payload, p.payload);
        QCOMPARE(v5.qos, 2);
        QVERIFY(v5.retain);
        QCOMPARE(v5.receivedUs, 1234);
        QCOMPARE(v5.publishStage, std::optional(StoredMessage::PublishStage::Queued));
        QCOMPARE(v5.properties, encodeProperties(p.properties));

        // 3.1.1 has no properties on the wire, so none are stored.
        const StoredMessage v311 = OutgoingMessage::stored(p, 4, ProtocolVersion::V311, 1);
        QVERIFY(v311.properties.isEmpty());
    }

    void publishStateFromEachOutcome()
    {
        PublishOutcome o;
        o.status = PublishStatus::Received;
        o.packetId = 77;
        StoredMessage s = OutgoingMessage::publishState(o, QoS::ExactlyOnce);
        QCOMPARE(s.publishStage, std::optional(StoredMessage::PublishStage::Received));
        QCOMPARE(s.packetId, std::optional<quint16>(77));
        QCOMPARE(s.qos, 2);
        QVERIFY(!s.publishReason);

        o.status = PublishStatus::Acknowledged;
        o.reasonCode = ReasonCode(0x10); // no matching subscribers: kept
        s = OutgoingMessage::publishState(o, QoS::AtLeastOnce);
        QCOMPARE(s.publishStage, std::optional(StoredMessage::PublishStage::Acknowledged));
        QCOMPARE(s.publishReason, std::optional<quint8>(0x10));

        o.status = PublishStatus::Failed;
        o.reasonCode = ReasonCode(0x87); // not authorized
        s = OutgoingMessage::publishState(o, QoS::AtLeastOnce);
        QCOMPARE(s.publishStage, std::optional(StoredMessage::PublishStage::Failed));
        QCOMPARE(s.publishReason, std::optional<quint8>(0x87));

        o.status = PublishStatus::Queued;
        o.packetId = 0;
        o.reasonCode = ReasonCode::Success;
        s = OutgoingMessage::publishState(o, QoS::AtMostOnce);
        QCOMPARE(s.publishStage, std::optional(StoredMessage::PublishStage::Queued));
        QVERIFY(!s.packetId);
    }

    void resendDropsServerOnlyProperties()
    {
        StoredMessage m;
        m.topic = QStringLiteral("in/x");
        m.payload = "v";
        m.qos = 1;
        Properties props;
        props.setString(PropertyId::ContentType, QStringLiteral("application/json"));
        props.addSubscriptionIdentifier(12);
        props.setTopicAlias(3);
        m.properties = encodeProperties(props);

        const PublishPacket v5 = OutgoingMessage::packet(m, ProtocolVersion::V5);
        QCOMPARE(v5.topic, m.topic);
        QCOMPARE(v5.qos, QoS::AtLeastOnce);
        QVERIFY(v5.properties.contains(PropertyId::ContentType));
        // [MQTT-3.3.4-6]: a client never sends a Subscription Identifier; the alias belongs
        // to the connection it came in on.
        QVERIFY(!v5.properties.contains(PropertyId::SubscriptionIdentifier));
        QVERIFY(!v5.properties.contains(PropertyId::TopicAlias));
        QVERIFY(OutgoingMessage::packet(m, ProtocolVersion::V311).properties.isEmpty());
    }

    void publishHistoryRoundTrip()
    {
        PublishPacket p;
        p.topic = QStringLiteral("a/b");
        p.payload = "42";
        p.qos = QoS::AtLeastOnce;
        p.properties.addUserProperty(QStringLiteral("k"), QStringLiteral("v"));
        const PublishHistoryEntry e = OutgoingMessage::historyEntry(p, 2, ProtocolVersion::V5, 99);
        QCOMPARE(e.profileId, 2);
        QCOMPARE(e.lastUsedUs, 99);
        const PublishPacket back = OutgoingMessage::packet(e);
        QCOMPARE(back.topic, p.topic);
        QCOMPARE(back.payload, p.payload);
        QCOMPARE(back.qos, p.qos);
        QCOMPARE(back.properties, p.properties);
    }
};

QTEST_GUILESS_MAIN(TestOutgoingMessage)
#include "tst_outgoing_message.moc"
