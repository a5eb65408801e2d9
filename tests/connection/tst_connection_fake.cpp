// The connection against FakeBroker, for what mosquitto will not do: a small Receive
// Maximum, server topic aliases, Server Keep Alive, DISCONNECT with a reason, AUTH,
// PUBREC >= 0x80, duplicate QoS 2 delivery, resends after a reconnect, batching.

#include "tests/connection/client_probe.h"
#include "tests/connection/fake_broker.h"
#include "tests/connection/test_settings.h"

#include <QTest>

#include <functional>
#include <mutex>

using namespace mqttdesk;
using V = ProtocolVersion;

Q_DECLARE_METATYPE(mqttdesk::ProtocolVersion)

namespace {

void addVersions(bool v3 = true)
{
    QTest::addColumn<ProtocolVersion>("version");
    if (v3) {
        QTest::newRow("3.1") << V::V31;
        QTest::newRow("3.1.1") << V::V311;
    }
    QTest::newRow("5.0") << V::V5;
}

PublishPacket message(const QString &topic, const QByteArray &payload, QoS qos,
                      quint16 packetId = 0)
{
    PublishPacket p;
    p.topic = topic;
    p.payload = payload;
    p.qos = qos;
    p.packetId = packetId;
    return p;
}

} // namespace

class TstConnectionFake : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeBroker> m_broker;

    std::unique_ptr<ClientProbe> client(ProtocolVersion version,
                                        const std::function<void(ConnectionSettings &)> &tweak = {})
    {
        ConnectionSettings s = TestSettings::forPort(m_broker->port(), version);
        if (tweak)
            tweak(s);
        return std::make_unique<ClientProbe>(s);
    }

private slots:
    void init()
    {
        m_broker = std::make_unique<FakeBroker>();
        QVERIFY(m_broker->listen());
    }
    void cleanup()
    {
        if (m_broker->clientError())
            QFAIL(qPrintable(QStringLiteral("our client sent an invalid packet: ") +
                             m_broker->clientError()->message()));
        m_broker.reset();
    }

    void connectSendsOptionsAndReportsConnack_data() { addVersions(); }
    void connectSendsOptionsAndReportsConnack()
    {
        QFETCH(ProtocolVersion, version);
        auto c = client(version, [](ConnectionSettings &s) {
            s.session.keepAliveSeconds = 17;
            s.session.username = QStringLiteral("alice");
            s.session.password = QByteArrayLiteral("secret");
            s.session.will = Will{QStringLiteral("will/t"), "bye", QoS::AtLeastOnce, true, {}};
        });
        QVERIFY2(c->connectAndWait(), c->describe());
        const auto connect = m_broker->waitFor(PacketType::Connect);
        QVERIFY(connect);
        const auto &p = FakeBroker::as<ConnectPacket>(*connect);
        QCOMPARE(p.protocolVersion, version);
        QCOMPARE(p.keepAlive, quint16(17));
        QCOMPARE(p.username, std::optional<QString>(QStringLiteral("alice")));
        QCOMPARE(p.password, std::optional<QByteArray>("secret"));
        QVERIFY(p.will);
        QCOMPARE(p.will->topic, QStringLiteral("will/t"));
        QCOMPARE(c->connection()->state(), SessionState::Connected);
        QCOMPARE(c->connacks().size(), 1);
        QVERIFY(!c->connacks().first().sessionPresent);
        // The log shows the attempt and never the password.
        const QByteArray log = c->describe();
        QVERIFY2(log.contains("127.0.0.1"), log);
        QVERIFY2(!log.contains("secret"), log);
    }

    void connackRefusalIsReported_data() { addVersions(); }
    void connackRefusalIsReported()
    {
        QFETCH(ProtocolVersion, version);
        m_broker->behaviour().connack.reasonCode = ReasonCode::NotAuthorized;
        auto c = client(version);
        QVERIFY(!c->connectAndWait());
        QVERIFY(c->waitForState(SessionState::Disconnected));
        QCOMPARE(c->errors().size(), 1);
        const ConnectionError &e = c->errors().first();
        QCOMPARE(ConnectionError::kindName(e.kind), QStringLiteral("Refused"));
        QCOMPARE(e.reasonCode(), std::optional<ReasonCode>(ReasonCode::NotAuthorized));
        QVERIFY2(e.message.contains(QStringLiteral("authori"), Qt::CaseInsensitive),
                 qPrintable(e.message));
    }

    void smallReceiveMaximumQueuesPublishes()
    {
        m_broker->behaviour().connack.properties.setReceiveMaximum(2);
        m_broker->behaviour().autoPublishAcks = false;
        auto c = client(V::V5);
        QVERIFY2(c->connectAndWait(), c->describe());
        QList<quint64> tokens;
        for (int i = 0; i < 5; ++i)
            tokens.append(c->publish(
                message(QStringLiteral("rm/t"), QByteArray::number(i), QoS::AtLeastOnce)));
        QVERIFY2(m_broker->waitFor(PacketType::Publish, 2), c->describe());
        // The window is full: the others wait [MQTT-3.3.4-7], and a PINGREQ-free check:
        // a SUBSCRIBE still goes out while the window is full [MQTT-3.3.4-8].
        QVERIFY(c->subscribeAndWait(QStringLiteral("x"), QoS::AtMostOnce));
        QCOMPARE(m_broker->countOf(PacketType::Publish), 2);
        QVERIFY(c->outcomesFor(tokens[4]).size() >= 1);
        QCOMPARE(c->outcomesFor(tokens[4]).first().status, PublishStatus::Queued);
        for (int acked = 0; acked < 5; ++acked) {
            const auto publish = m_broker->waitFor(PacketType::Publish, acked + 1);
            QVERIFY(publish);
            const auto &p = FakeBroker::as<PublishPacket>(*publish);
            QCOMPARE(p.payload, QByteArray::number(acked)); // in order [MQTT-4.6.0-1]
            QVERIFY(m_broker->countOf(PacketType::Publish) <= acked + 2);
            m_broker->send(PubackPacket{p.packetId, ReasonCode::Success, {}});
        }
        for (quint64 token : tokens) {
            const auto outcome = c->waitForOutcome(token);
            QVERIFY(outcome);
            QCOMPARE(outcome->status, PublishStatus::Acknowledged);
        }
    }

    void serverTopicAliasesAreResolved()
    {
        auto c = client(V::V5, [](ConnectionSettings &s) { s.session.topicAliasMaximum = 4; });
        QVERIFY2(c->connectAndWait(), c->describe());
        const auto connect = m_broker->waitFor(PacketType::Connect);
        QCOMPARE(FakeBroker::as<ConnectPacket>(*connect).properties.topicAliasMaximum(),
                 std::optional<quint16>(4));
        PublishPacket first = message(QStringLiteral("alias/long/topic"), "1", QoS::AtMostOnce);
        first.properties.setTopicAlias(3);
        PublishPacket second = message(QString(), "2", QoS::AtLeastOnce, 5);
        second.properties.setTopicAlias(3);
        QVERIFY(m_broker->send(first));
        QVERIFY(m_broker->send(second));
        QVERIFY(c->waitForMessages(2));
        for (const ReceivedMessage &m : c->messages()) {
            QCOMPARE(m.message.topic, QStringLiteral("alias/long/topic"));
            QVERIFY(!m.message.properties.topicAlias());
            QCOMPARE(m.topicAlias, quint16(3));
        }
        QVERIFY(m_broker->waitFor(PacketType::Puback));
    }

    void serverKeepAliveReplacesOurs()
    {
        m_broker->behaviour().connack.properties.setServerKeepAlive(1);
        auto c = client(V::V5, [](ConnectionSettings &s) { s.session.keepAliveSeconds = 60; });
        QVERIFY2(c->connectAndWait(), c->describe());
        QCOMPARE(c->connacks().first().keepAliveSeconds, quint16(1));
        // With our 60 s there would be no PINGREQ within the test [MQTT-3.1.2-21].
        QVERIFY(m_broker->waitFor(PacketType::Pingreq, 2, 5000));
        QCOMPARE(c->connection()->state(), SessionState::Connected);
    }

    void deadConnectionIsDetected_data() { addVersions(); }
    void deadConnectionIsDetected()
    {
        QFETCH(ProtocolVersion, version);
        m_broker->behaviour().autoPingresp = false;
        auto c = client(version, [](ConnectionSettings &s) { s.session.keepAliveSeconds = 1; });
        QVERIFY2(c->connectAndWait(), c->describe());
        QVERIFY(m_broker->waitFor(PacketType::Pingreq));
        QVERIFY(c->waitForError(5000));
        QCOMPARE(ConnectionError::kindName(c->errors().first().kind), QStringLiteral("Timeout"));
        QVERIFY(c->waitForState(SessionState::Disconnected));
    }

    void serverDisconnectWithReason()
    {
        auto c = client(V::V5);
        QVERIFY2(c->connectAndWait(), c->describe());
        DisconnectPacket d;
        d.reasonCode = ReasonCode::ServerShuttingDown;
        d.properties.setReasonString(QStringLiteral("maintenance window"));
        d.properties.setServerReference(QStringLiteral("other.example:1883"));
        QVERIFY(m_broker->send(d));
        QVERIFY(QTest::qWaitFor([&] { return !c->serverDisconnects().isEmpty(); }, 5000));
        const ServerDisconnected &info = c->serverDisconnects().first();
        QCOMPARE(info.reasonCode, ReasonCode::ServerShuttingDown);
        QCOMPARE(info.reasonString, std::optional<QString>(QStringLiteral("maintenance window")));
        QCOMPARE(info.serverReference,
                 std::optional<QString>(QStringLiteral("other.example:1883")));
        QVERIFY(c->waitForState(SessionState::Disconnected));
        QVERIFY(c->waitForError());
        QCOMPARE(ConnectionError::kindName(c->errors().first().kind),
                 QStringLiteral("ServerDisconnected"));
        QVERIFY2(c->errors().first().message.contains(QStringLiteral("maintenance window")),
                 qPrintable(c->errors().first().message));
    }

    void clientDisconnectWithReason()
    {
        auto c = client(V::V5);
        QVERIFY2(c->connectAndWait(), c->describe());
        QVERIFY(c->disconnectAndWait(ReasonCode::DisconnectWithWillMessage));
        const auto d = m_broker->waitFor(PacketType::Disconnect);
        QVERIFY(d);
        QCOMPARE(FakeBroker::as<DisconnectPacket>(*d).reasonCode,
                 ReasonCode::DisconnectWithWillMessage);
        QVERIFY(m_broker->waitForClosed(1));
        QVERIFY(c->errors().isEmpty());
    }

    void authExchangeWithCustomMethod()
    {
        m_broker->behaviour().connack.properties.setAuthenticationMethod(QStringLiteral("TOKEN"));
        m_broker->setPacketHook([this](const Packet &p) {
            if (const auto *connect = std::get_if<ConnectPacket>(&p)) {
                AuthPacket challenge;
                challenge.reasonCode = ReasonCode::ContinueAuthentication;
                challenge.properties.setAuthenticationMethod(QStringLiteral("TOKEN"));
                challenge.properties.setAuthenticationData(
                    "nonce:" + *connect->properties.authenticationData());
                m_broker->send(challenge);
                return true;
            }
            if (const auto *auth = std::get_if<AuthPacket>(&p)) {
                if (auth->properties.authenticationData() == QByteArray("answer:nonce:hello"))
                    m_broker->send(m_broker->behaviour().connack);
                else
                    m_broker->send(ConnackPacket{false, ReasonCode::NotAuthorized, {}});
                return true;
            }
            return false;
        });
        auto c = client(V::V5, [](ConnectionSettings &s) {
            s.session.authenticationMethod = QStringLiteral("TOKEN");
            s.session.authenticationData = "hello";
        });
        connect(c->connection(), &Connection::authChallenge, this,
                [&c](const AuthChallenge &challenge) {
                    c->connection()->continueAuthentication(ReasonCode::ContinueAuthentication,
                                                            "answer:" +
                                                                challenge.authenticationData);
                });
        QVERIFY2(c->connectAndWait(), c->describe());
        QCOMPARE(c->authChallenges().size(), 1);
        QCOMPARE(c->authChallenges().first().authenticationMethod, QStringLiteral("TOKEN"));
        const auto auth = m_broker->waitFor(PacketType::Auth);
        QCOMPARE(FakeBroker::as<AuthPacket>(*auth).properties.authenticationMethod(),
                 std::optional<QString>(QStringLiteral("TOKEN"))); // [MQTT-4.12.0-5]
    }

    void pubrecFailureEndsTheFlow()
    {
        m_broker->behaviour().pubrecReason = ReasonCode::QuotaExceeded;
        auto c = client(V::V5);
        QVERIFY2(c->connectAndWait(), c->describe());
        const auto outcome =
            c->publishAndWait(message(QStringLiteral("q2/t"), "x", QoS::ExactlyOnce));
        QVERIFY(outcome);
        QCOMPARE(outcome->status, PublishStatus::Failed);
        QVERIFY2(outcome->reasonCode == ReasonCode::QuotaExceeded, c->describe());
        QVERIFY(outcome->error);
        // No PUBREL after a failed PUBREC [MQTT-4.4.0-2]; the connection goes on.
        m_broker->behaviour().pubrecReason = ReasonCode::Success;
        const auto next = c->publishAndWait(message(QStringLiteral("q2/t"), "y", QoS::ExactlyOnce));
        QVERIFY(next);
        QCOMPARE(next->status, PublishStatus::Completed);
        QCOMPARE(m_broker->countOf(PacketType::Pubrel), 1);
        QCOMPARE(c->connection()->state(), SessionState::Connected);
    }

    void duplicateQos2IsDeliveredOnce_data() { addVersions(); }
    void duplicateQos2IsDeliveredOnce()
    {
        QFETCH(ProtocolVersion, version);
        m_broker->behaviour().autoPubrel = false;
        auto c = client(version);
        QVERIFY2(c->connectAndWait(), c->describe());
        PublishPacket p = message(QStringLiteral("dup/t"), "once", QoS::ExactlyOnce, 7);
        QVERIFY(m_broker->send(p));
        QVERIFY(m_broker->waitFor(PacketType::Pubrec, 1));
        p.dup = true;
        QVERIFY(m_broker->send(p)); // the server did not see our PUBREC: it resends
        QVERIFY(m_broker->waitFor(PacketType::Pubrec, 2)); // [MQTT-4.3.3-10]
        QVERIFY(m_broker->send(PubrelPacket{7, ReasonCode::Success, {}}));
        const auto comp = m_broker->waitFor(PacketType::Pubcomp);
        QVERIFY(comp);
        QCOMPARE(FakeBroker::as<PubcompPacket>(*comp).packetId, quint16(7));
        // After PUBCOMP the same id is a new message [MQTT-4.3.3-12].
        p.dup = false;
        p.payload = "again";
        QVERIFY(m_broker->send(p));
        QVERIFY(c->waitForMessages(2));
        QCOMPARE(c->messages().at(0).message.payload, QByteArray("once"));
        QCOMPARE(c->messages().at(1).message.payload, QByteArray("again"));
        QCOMPARE(c->messages().size(), 2);
    }

    void inboundQos2OnceAcrossReconnect_data() { addVersions(); }
    void inboundQos2OnceAcrossReconnect()
    {
        QFETCH(ProtocolVersion, version);
        m_broker->behaviour().autoPubrel = false;
        auto c = client(version, [](ConnectionSettings &s) {
            s.session.cleanStart = false;
            s.session.sessionExpiryInterval = 300;
            s.session.reconnect.enabled = true;
        });
        QVERIFY2(c->connectAndWait(), c->describe());
        PublishPacket p = message(QStringLiteral("dup/r"), "exactly-once", QoS::ExactlyOnce, 9);
        QVERIFY(m_broker->send(p));
        QVERIFY(m_broker->waitFor(PacketType::Pubrec));
        QVERIFY(c->waitForMessages(1));
        // The connection drops before PUBREL; the server resumes the session and resends.
        m_broker->behaviour().connack.sessionPresent = true;
        m_broker->abortClient();
        QVERIFY2(c->waitForConnectedCount(2), c->describe());
        p.dup = true;
        QVERIFY(m_broker->send(p));
        QVERIFY(m_broker->waitFor(PacketType::Pubrec, 2));
        QVERIFY(m_broker->send(PubrelPacket{9, ReasonCode::Success, {}}));
        QVERIFY(m_broker->waitFor(PacketType::Pubcomp));
        QVERIFY2(c->messages().size() == 1, c->describe());
    }

    void unackedPublishIsResentWithDup_data() { addVersions(); }
    void unackedPublishIsResentWithDup()
    {
        QFETCH(ProtocolVersion, version);
        m_broker->behaviour().autoPublishAcks = false;
        auto c = client(version, [](ConnectionSettings &s) {
            s.session.cleanStart = false;
            s.session.sessionExpiryInterval = 300;
            s.session.reconnect.enabled = true;
        });
        QVERIFY2(c->connectAndWait(), c->describe());
        const quint64 q1 = c->publish(message(QStringLiteral("re/1"), "one", QoS::AtLeastOnce));
        const quint64 q2 = c->publish(message(QStringLiteral("re/2"), "two", QoS::ExactlyOnce));
        QVERIFY2(m_broker->waitFor(PacketType::Publish, 2), c->describe());
        const auto first =
            FakeBroker::as<PublishPacket>(m_broker->receivedOfType(PacketType::Publish)[1]);
        // Only the QoS 2 message gets as far as PUBREC: then PUBREL is what is resent.
        QVERIFY(m_broker->send(PubrecPacket{first.packetId, ReasonCode::Success, {}}));
        QVERIFY(m_broker->waitFor(PacketType::Pubrel));
        m_broker->behaviour().connack.sessionPresent = true;
        m_broker->behaviour().autoPublishAcks = true;
        m_broker->abortClient();
        QVERIFY2(c->waitForConnectedCount(2), c->describe());
        QVERIFY(m_broker->waitFor(PacketType::Publish, 3));
        QVERIFY(m_broker->waitFor(PacketType::Pubrel, 2));
        const auto resent =
            FakeBroker::as<PublishPacket>(m_broker->receivedOfType(PacketType::Publish)[2]);
        QCOMPARE(resent.topic, QStringLiteral("re/1"));
        QVERIFY(resent.dup);                                 // [MQTT-4.4.0-1]
        QCOMPARE(m_broker->countOf(PacketType::Publish), 3); // never the QoS 2 PUBLISH again
        QCOMPARE(c->waitForOutcome(q1)->status, PublishStatus::Acknowledged);
        QCOMPARE(c->waitForOutcome(q2)->status, PublishStatus::Completed);
    }

    void unknownPubrecIsAnswered_data() { addVersions(); }
    void unknownPubrecIsAnswered()
    {
        QFETCH(ProtocolVersion, version);
        auto c = client(version);
        QVERIFY2(c->connectAndWait(), c->describe());
        QVERIFY(m_broker->send(PubrecPacket{997, ReasonCode::Success, {}}));
        // A PUBREC for an unknown id gets its PUBREL (5.0: Packet Identifier not found), and
        // the connection goes on. (Other acks of unknown ids: tst_connection_malformed.)
        QVERIFY(m_broker->waitFor(PacketType::Pubrel));
        const auto outcome = c->publishAndWait(message(QStringLiteral("t"), "x", QoS::AtLeastOnce));
        QVERIFY(outcome);
        QVERIFY2(outcome->status == PublishStatus::Acknowledged,
                 qPrintable(outcome->error ? outcome->error->message : QString()));
        QVERIFY2(c->errors().isEmpty(), c->describe());
    }

    void oversizedPublishIsRefusedLocally()
    {
        m_broker->behaviour().connack.properties.setMaximumPacketSize(64);
        auto c = client(V::V5);
        QVERIFY2(c->connectAndWait(), c->describe());
        const auto outcome = c->publishAndWait(
            message(QStringLiteral("big"), QByteArray(200, 'x'), QoS::AtLeastOnce));
        QVERIFY(outcome);
        QCOMPARE(outcome->status, PublishStatus::Failed);
        QVERIFY(outcome->error);
        QVERIFY2(outcome->error->kind == SessionError::Kind::PacketTooLarge,
                 qPrintable(outcome->error->message));
        QVERIFY(!outcome->error->message.isEmpty());
        QCOMPARE(m_broker->countOf(PacketType::Publish), 0);
        QCOMPARE(c->connection()->state(), SessionState::Connected);
    }

    void floodArrivesInBatches()
    {
        auto c = client(V::V311, [](ConnectionSettings &s) { s.batchMaxMessages = 256; });
        QVERIFY2(c->connectAndWait(), c->describe());
        const int count = 5000;
        QByteArray flood;
        for (int i = 0; i < count; ++i)
            flood +=
                encode(message(QStringLiteral("flood/t"), QByteArray::number(i), QoS::AtMostOnce),
                       V::V311);
        QVERIFY(m_broker->sendRaw(flood));
        QVERIFY(c->waitForMessages(count));
        QCOMPARE(c->messages().size(), count);
        for (int i = 0; i < count; ++i)
            QCOMPARE(c->messages().at(i).message.payload, QByteArray::number(i));
        QVERIFY2(c->batchCount() <= count / 256 + 50, qPrintable(QString::number(c->batchCount())));
        QVERIFY(c->messages().first().receivedUs > 0);
    }

    void largePayloadFloodArrivesWhole()
    {
        // 64 KiB payloads sent in one write: the connection feeds the session in slices,
        // frames span them, and every payload arrives whole and in order. A batch is handed
        // over once it holds batchMaxBytes of payload (here 4 messages), not a thousand
        // messages later.
        auto c = client(V::V5, [](ConnectionSettings &s) { s.batchMaxBytes = 200 * 1024; });
        QVERIFY2(c->connectAndWait(), c->describe());
        const int count = 40;
        QByteArray flood;
        for (int i = 0; i < count; ++i)
            flood += encode(message(QStringLiteral("big/%1").arg(i),
                                    QByteArray(64 * 1024 + i, char('a' + i % 26)), QoS::AtMostOnce),
                            V::V5);
        QVERIFY(m_broker->sendRaw(flood));
        QVERIFY(c->waitForMessages(count));
        for (int i = 0; i < count; ++i) {
            QCOMPARE(c->messages().at(i).message.topic, QStringLiteral("big/%1").arg(i));
            QVERIFY(c->messages().at(i).message.payload ==
                    QByteArray(64 * 1024 + i, char('a' + i % 26)));
        }
        QVERIFY2(c->batchCount() >= count / 4, qPrintable(QString::number(c->batchCount())));
    }

    void packetLogLinesFollowTheSetting()
    {
        // On by default when logMessage() has a receiver (the probe has one); off on request.
        auto countPacketLines = [](const ClientProbe &probe) {
            int n = 0;
            for (const ConnectionLogEntry &e : probe.log())
                n += e.text.contains(QStringLiteral("<- PUBLISH")) ? 1 : 0;
            return n;
        };
        auto on = client(V::V311);
        QVERIFY2(on->connectAndWait(), on->describe());
        QVERIFY(m_broker->send(message(QStringLiteral("p"), "x", QoS::AtMostOnce)));
        QVERIFY(on->waitForMessages(1));
        QTRY_COMPARE(countPacketLines(*on), 1);
        QVERIFY(on->disconnectAndWait());

        auto off = client(V::V311);
        off->connection()->setPacketLogging(false);
        QVERIFY2(off->connectAndWait(), off->describe());
        QVERIFY(m_broker->send(message(QStringLiteral("p"), "x", QoS::AtMostOnce)));
        QVERIFY(off->waitForMessages(1));
        QCOMPARE(countPacketLines(*off), 0);
        QVERIFY(!off->log().isEmpty()); // the other lines still come
    }

    void everyMessageSinkSeesEveryBatch()
    {
        struct CountingSink : MessageSink
        {
            std::atomic<int> messages{0};
            std::atomic<int> batches{0};
            void consume(const MessageBatch &batch) override
            {
                messages += int(batch.size());
                ++batches;
            }
        };
        // Storage, statistics and charts each take the same batches: a fan-out, in order.
        auto first = std::make_shared<CountingSink>();
        auto second = std::make_shared<CountingSink>();
        auto c = client(V::V5);
        c->connection()->addMessageSink(first);
        c->connection()->addMessageSink(second);
        c->connection()->addMessageSink(second); // twice is once
        QVERIFY2(c->connectAndWait(), c->describe());
        for (int i = 0; i < 10; ++i)
            QVERIFY(m_broker->send(message(QStringLiteral("s"), "x", QoS::AtMostOnce)));
        QVERIFY(c->waitForMessages(10));
        QCOMPARE(first->messages.load(), 10);
        QCOMPARE(second->messages.load(), 10);
        QCOMPARE(first->batches.load(), second->batches.load());

        // A removed sink gets nothing more; the other one goes on.
        c->connection()->removeMessageSink(second);
        for (int i = 0; i < 5; ++i)
            QVERIFY(m_broker->send(message(QStringLiteral("s"), "y", QoS::AtMostOnce)));
        QVERIFY(c->waitForMessages(15));
        QCOMPARE(first->messages.load(), 15);
        QCOMPARE(second->messages.load(), 10);
    }

    void acknowledgementsWaitForTheDurableSinkAmongSeveral()
    {
        // A plain consumer first, then one that stores: PUBACK waits for the second's commit.
        struct PlainSink : MessageSink
        {
            std::atomic<int> messages{0};
            void consume(const MessageBatch &batch) override { messages += int(batch.size()); }
        };
        struct DurableSink : MessageSink
        {
            std::mutex lock;
            quint64 lastSequence = 0;
            StoredListener listener;
            void consume(const MessageBatch &batch) override
            {
                std::lock_guard guard(lock);
                for (const ReceivedMessage &m : batch)
                    lastSequence = qMax(lastSequence, m.sequence);
            }
            bool reportsStored() const override { return true; }
            void setStoredListener(StoredListener l) override
            {
                std::lock_guard guard(lock);
                listener = std::move(l);
            }
            bool commit()
            {
                std::lock_guard guard(lock);
                if (!listener || lastSequence == 0)
                    return false;
                listener(lastSequence, {});
                return true;
            }
        };
        auto plain = std::make_shared<PlainSink>();
        auto durable = std::make_shared<DurableSink>();
        auto c =
            client(V::V311, [](ConnectionSettings &s) { s.session.acknowledgeAfterStore = true; });
        c->connection()->addMessageSink(plain);
        c->connection()->addMessageSink(durable);
        QVERIFY2(c->connectAndWait(), c->describe());
        QVERIFY(m_broker->send(message(QStringLiteral("d"), "1", QoS::AtLeastOnce, 7)));
        QVERIFY(c->waitForMessages(1));
        QTRY_COMPARE(plain->messages.load(), 1);
        // Not committed yet: no PUBACK. A PINGREQ round trip proves the client has read on.
        QVERIFY(c->subscribeAndWait(QStringLiteral("x"), QoS::AtMostOnce));
        QCOMPARE(m_broker->countOf(PacketType::Puback), 0);
        QTRY_VERIFY(durable->commit());
        const auto puback = m_broker->waitFor(PacketType::Puback);
        QVERIFY(puback);
        QCOMPARE(FakeBroker::as<PubackPacket>(*puback).packetId, quint16(7));

        // Without its durable sink the connection acknowledges at once again.
        c->connection()->removeMessageSink(durable);
        QVERIFY(m_broker->send(message(QStringLiteral("d"), "2", QoS::AtLeastOnce, 8)));
        QVERIFY(m_broker->waitFor(PacketType::Puback, 2));
        QTRY_COMPARE(plain->messages.load(), 2);
    }
};

QTEST_GUILESS_MAIN(TstConnectionFake)
#include "tst_connection_fake.moc"
