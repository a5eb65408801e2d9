// Every kind of invalid packet a server can send, once per protocol version: the client
// closes the connection cleanly (5.0: DISCONNECT 0x81 / 0x82 or the specific code first)
// and reports a Protocol error naming the violated rule.

#include "core/protocol/frame_reader.h"
#include "tests/connection/client_probe.h"
#include "tests/connection/fake_broker.h"
#include "tests/connection/malformed_packets.h"
#include "tests/connection/test_settings.h"

#include <QTest>

using namespace mqttdesk;
using V = ProtocolVersion;

Q_DECLARE_METATYPE(mqttdesk::ProtocolVersion)
Q_DECLARE_METATYPE(std::optional<mqttdesk::ReasonCode>)

namespace {

// What must happen after the server sent `bytes`.
struct Expectation
{
    QString rule;
    // 5.0: the reason code of our DISCONNECT; nothing = 0x81 or 0x82.
    std::optional<ReasonCode> disconnectReason;
};

const char *versionTag(V v)
{
    switch (v) {
    case V::V31:
        return "3.1";
    case V::V311:
        return "3.1.1";
    case V::V5:
        return "5.0";
    }
    return "";
}

PublishPacket publish(const QString &topic, QoS qos, quint16 id)
{
    PublishPacket p;
    p.topic = topic;
    p.payload = "x";
    p.qos = qos;
    p.packetId = id;
    return p;
}

} // namespace

class TstConnectionMalformed : public QObject
{
    Q_OBJECT

private:
    void expectCleanProtocolClose(FakeBroker &broker, ClientProbe &client, ProtocolVersion version,
                                  const QString &rule, std::optional<ReasonCode> reason)
    {
        QVERIFY2(client.waitForError(5000), client.describe());
        QVERIFY(client.waitForState(SessionState::Disconnected, 5000));
        const ConnectionError &e = client.errors().first();
        QCOMPARE(ConnectionError::kindName(e.kind), QStringLiteral("Protocol"));
        QCOMPARE(e.rule(), rule);
        QVERIFY2(e.message.contains(rule), qPrintable(e.message)); // named for the user too
        QVERIFY(broker.waitForClosed(1, 5000));
        const QList<Packet> disconnects = broker.receivedOfType(PacketType::Disconnect);
        if (version == V::V5) {
            QCOMPARE(disconnects.size(), 1); // DISCONNECT, then close [MQTT-4.13.1-1]
            const ReasonCode sent =
                FakeBroker::as<DisconnectPacket>(disconnects.first()).reasonCode;
            if (reason)
                QCOMPARE(int(sent), int(*reason));
            else
                QVERIFY2(sent == ReasonCode::MalformedPacket || sent == ReasonCode::ProtocolError,
                         qPrintable(reasonCodeText(sent, PacketType::Disconnect)));
        } else {
            QCOMPARE(disconnects.size(), 0); // 3.x: just close [MQTT-4.8.0-1]
        }
        QCOMPARE(client.connection()->state(), SessionState::Disconnected);
    }

private slots:
    // The catalogue itself: each entry fails in the codec with the stated kind and rule.
    void catalogueMatchesTheCodec_data()
    {
        QTest::addColumn<ProtocolVersion>("version");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("kind");
        for (const MalformedPacket &m : MalformedPackets::all()) {
            for (V v : {V::V31, V::V311, V::V5}) {
                if (m.bytes(v).isEmpty() || !m.kind)
                    continue;
                QTest::addRow("%s %s", versionTag(v), qPrintable(m.name))
                    << v << m.bytes(v) << m.rule(v) << int(*m.kind);
            }
        }
    }
    void catalogueMatchesTheCodec()
    {
        QFETCH(ProtocolVersion, version);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, rule);
        QFETCH(int, kind);
        FrameReader reader;
        reader.append(bytes);
        std::optional<DecodeError> error = reader.error();
        while (const auto frame = reader.next()) {
            const DecodeResult r = decode(*frame, version);
            if (!r.ok()) {
                error = r.error();
                break;
            }
        }
        if (!error)
            error = reader.error();
        QVERIFY2(error, "decodes without error");
        QCOMPARE(DecodeError::kindName(error->kind),
                 DecodeError::kindName(static_cast<DecodeError::Kind>(kind)));
        QCOMPARE(error->rule, rule);
    }

    void malformedPacketClosesCleanly_data()
    {
        QTest::addColumn<ProtocolVersion>("version");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("rule");
        for (const MalformedPacket &m : MalformedPackets::all()) {
            for (V v : {V::V31, V::V311, V::V5}) {
                if (!m.bytes(v).isEmpty())
                    QTest::addRow("%s %s", versionTag(v), qPrintable(m.name))
                        << v << m.bytes(v) << m.rule(v);
            }
        }
    }
    void malformedPacketClosesCleanly()
    {
        QFETCH(ProtocolVersion, version);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, rule);
        FakeBroker broker;
        QVERIFY(broker.listen());
        ClientProbe client(TestSettings::forPort(broker.port(), version));
        QVERIFY2(client.connectAndWait(), client.describe());
        QVERIFY(broker.sendRaw(bytes));
        expectCleanProtocolClose(broker, client, version, rule, std::nullopt);
        QVERIFY(!broker.clientError());
    }

    // Packets that decode but break a rule of the exchange.
    void protocolViolationClosesCleanly_data()
    {
        QTest::addColumn<ProtocolVersion>("version");
        QTest::addColumn<int>("scenario");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<std::optional<ReasonCode>>("reason");
        const std::optional<ReasonCode> any;
        for (V v : {V::V31, V::V311, V::V5}) {
            const bool v5 = v == V::V5;
            QTest::addRow("%s PUBLISH before CONNACK", versionTag(v))
                << v << 0 << QStringLiteral("MQTT-3.2.0-1") << any;
            QTest::addRow("%s second CONNACK", versionTag(v))
                << v << 1 << QStringLiteral("MQTT-3.2.0-2") << any;
            QTest::addRow("%s SUBSCRIBE from the server", versionTag(v))
                << v << 2 << (v5 ? QStringLiteral("5.0 §2.1.2") : QStringLiteral("MQTT-4.8.0-1"))
                << any;
            QTest::addRow("%s PINGREQ from the server", versionTag(v))
                << v << 3 << (v5 ? QStringLiteral("5.0 §2.1.2") : QStringLiteral("MQTT-4.8.0-1"))
                << any;
            QTest::addRow("%s SUBACK with too few codes", versionTag(v))
                << v << 4 << (v5 ? QStringLiteral("MQTT-3.8.4-6") : QStringLiteral("MQTT-3.8.4-5"))
                << any;
            // Acks whose id nothing of ours waits for (a SUBACK of the wrong id used to be
            // ignored, and the subscribe then hung until the server hung up).
            const QString pubAck =
                v5 ? QStringLiteral("MQTT-2.2.1-5") : QStringLiteral("MQTT-2.3.1-6");
            const QString subAck =
                v5 ? QStringLiteral("MQTT-2.2.1-6") : QStringLiteral("MQTT-2.3.1-7");
            QTest::addRow("%s SUBACK with the wrong id", versionTag(v)) << v << 13 << subAck << any;
            QTest::addRow("%s UNSUBACK with the wrong id", versionTag(v))
                << v << 14 << subAck << any;
            QTest::addRow("%s PUBACK with the wrong id", versionTag(v)) << v << 15 << pubAck << any;
            QTest::addRow("%s PUBCOMP for nothing in flight", versionTag(v))
                << v << 16 << pubAck << any;
            if (v != V::V31) // 3.1 has no Session Present flag
                QTest::addRow("%s Session Present after a clean start", versionTag(v))
                    << v << 5
                    << (v5 ? QStringLiteral("MQTT-3.2.2-2") : QStringLiteral("MQTT-3.2.2-1"))
                    << any;
        }
        const auto alias = std::optional<ReasonCode>(ReasonCode::TopicAliasInvalid);
        QTest::newRow("5.0 Topic Alias above our maximum")
            << V::V5 << 6 << QStringLiteral("MQTT-3.1.2-26") << alias;
        QTest::newRow("5.0 Topic Alias while we allow none")
            << V::V5 << 7 << QStringLiteral("MQTT-3.1.2-27") << alias;
        QTest::newRow("5.0 unknown Topic Alias with an empty topic")
            << V::V5 << 8 << QStringLiteral("5.0 §3.3.2.3.4") << any;
        QTest::newRow("5.0 more QoS 2 in flight than our Receive Maximum")
            << V::V5 << 9 << QStringLiteral("MQTT-3.3.4-9")
            << std::optional<ReasonCode>(ReasonCode::ReceiveMaximumExceeded);
        QTest::newRow("5.0 AUTH without enhanced authentication")
            << V::V5 << 10 << QStringLiteral("MQTT-4.12.0-6") << any;
        QTest::newRow("5.0 UNSUBACK with too few codes")
            << V::V5 << 11 << QStringLiteral("MQTT-3.11.3-1") << any;
        QTest::newRow("5.0 packet above our Maximum Packet Size")
            << V::V5 << 12 << QStringLiteral("MQTT-3.1.2-24")
            << std::optional<ReasonCode>(ReasonCode::PacketTooLarge);
    }
    void protocolViolationClosesCleanly()
    {
        QFETCH(ProtocolVersion, version);
        QFETCH(int, scenario);
        QFETCH(QString, rule);
        QFETCH(std::optional<ReasonCode>, reason);
        FakeBroker broker;
        QVERIFY(broker.listen());
        ConnectionSettings settings = TestSettings::forPort(broker.port(), version);
        settings.session.topicAliasMaximum = scenario == 7 ? 0 : 2;
        if (scenario == 9)
            settings.session.receiveMaximum = 1;
        if (scenario == 12)
            settings.session.maximumPacketSize = 128;
        if (scenario == 0)
            broker.behaviour().autoConnack = false;
        if (scenario == 4 || scenario == 11 || scenario == 13 || scenario == 14) {
            broker.behaviour().autoSuback = false;
            broker.behaviour().autoUnsuback = false;
        }
        if (scenario == 15)
            broker.behaviour().autoPublishAcks = false;
        if (scenario == 5)
            broker.behaviour().connack.sessionPresent = true;
        if (scenario == 9)
            broker.behaviour().autoPubrel = false;
        ClientProbe client(settings);
        if (scenario == 0 || scenario == 5) {
            client.connection()->connectToBroker();
            QVERIFY(broker.waitFor(PacketType::Connect));
            if (scenario == 0)
                QVERIFY(broker.send(publish(QStringLiteral("early"), QoS::AtMostOnce, 0)));
            expectCleanProtocolClose(broker, client, version, rule, reason);
            return;
        }
        QVERIFY2(client.connectAndWait(), client.describe());
        switch (scenario) {
        case 1:
            QVERIFY(broker.send(ConnackPacket{}));
            break;
        case 2: {
            SubscribePacket s;
            s.packetId = 1;
            s.subscriptions = {Subscription{QStringLiteral("#"), {}}};
            QVERIFY(broker.send(s));
            break;
        }
        case 3:
            QVERIFY(broker.send(PingreqPacket{}));
            break;
        case 4:
        case 11: {
            Subscription a{QStringLiteral("a"), {}};
            Subscription b{QStringLiteral("b"), {}};
            if (scenario == 4)
                client.connection()->subscribe({a, b});
            else
                client.connection()->unsubscribe({QStringLiteral("a"), QStringLiteral("b")});
            const auto request =
                broker.waitFor(scenario == 4 ? PacketType::Subscribe : PacketType::Unsubscribe);
            QVERIFY(request);
            if (scenario == 4) {
                const quint16 id = FakeBroker::as<SubscribePacket>(*request).packetId;
                QVERIFY(broker.send(SubackPacket{id, {ReasonCode::GrantedQoS0}, {}}));
            } else {
                const quint16 id = FakeBroker::as<UnsubscribePacket>(*request).packetId;
                QVERIFY(broker.send(UnsubackPacket{id, {ReasonCode::Success}, {}}));
            }
            break;
        }
        case 13:
        case 14: {
            if (scenario == 13)
                client.connection()->subscribe({Subscription{QStringLiteral("a"), {}}});
            else
                client.connection()->unsubscribe({QStringLiteral("a")});
            const auto request =
                broker.waitFor(scenario == 13 ? PacketType::Subscribe : PacketType::Unsubscribe);
            QVERIFY(request);
            const quint16 id = scenario == 13
                                   ? FakeBroker::as<SubscribePacket>(*request).packetId
                                   : FakeBroker::as<UnsubscribePacket>(*request).packetId;
            const quint16 wrong = id == 0xFFFF ? 1 : id + 1;
            if (scenario == 13)
                QVERIFY(broker.send(SubackPacket{wrong, {ReasonCode::GrantedQoS0}, {}}));
            else
                QVERIFY(broker.send(UnsubackPacket{wrong,
                                                   version == V::V5 ? QList{ReasonCode::Success}
                                                                    : QList<ReasonCode>{},
                                                   {}}));
            break;
        }
        case 15: {
            client.connection()->publish(publish(QStringLiteral("a"), QoS::AtLeastOnce, 0));
            const auto request = broker.waitFor(PacketType::Publish);
            QVERIFY(request);
            const quint16 id = FakeBroker::as<PublishPacket>(*request).packetId;
            QVERIFY(broker.send(
                PubackPacket{quint16(id == 0xFFFF ? 1 : id + 1), ReasonCode::Success, {}}));
            break;
        }
        case 16:
            QVERIFY(broker.send(PubcompPacket{998, ReasonCode::Success, {}}));
            break;
        case 6:
        case 7: {
            PublishPacket p = publish(QStringLiteral("a"), QoS::AtMostOnce, 0);
            p.properties.setTopicAlias(3);
            QVERIFY(broker.send(p));
            break;
        }
        case 8: {
            PublishPacket p = publish(QString(), QoS::AtMostOnce, 0);
            p.properties.setTopicAlias(1);
            QVERIFY(broker.send(p));
            break;
        }
        case 9:
            QVERIFY(broker.send(publish(QStringLiteral("a"), QoS::ExactlyOnce, 1)));
            QVERIFY(broker.send(publish(QStringLiteral("a"), QoS::ExactlyOnce, 2)));
            break;
        case 10: {
            AuthPacket a;
            a.reasonCode = ReasonCode::ContinueAuthentication;
            a.properties.setAuthenticationMethod(QStringLiteral("X"));
            QVERIFY(broker.send(a));
            break;
        }
        case 12:
            QVERIFY(broker.send(publish(QStringLiteral("big"), QoS::AtMostOnce, 0)));
            QVERIFY(broker.sendRaw(encode(
                [] {
                    PublishPacket p = publish(QStringLiteral("big"), QoS::AtMostOnce, 0);
                    p.payload = QByteArray(300, 'x');
                    return p;
                }(),
                V::V5)));
            break;
        default:
            QFAIL("unknown scenario");
        }
        expectCleanProtocolClose(broker, client, version, rule, reason);
    }
};

QTEST_GUILESS_MAIN(TstConnectionMalformed)
#include "tst_connection_malformed.moc"
