// The connection against the real mosquitto of tests/fixture, once per protocol version
// where a scenario applies: round trips on every listener, retained messages, the will,
// persistent sessions, keep alive, $SYS, unsubscribe, 5.0 properties and subscription
// options.

#include "tests/connection/client_probe.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"

#include <QMetaEnum>
#include <QTest>

using namespace mqttdesk;
using V = ProtocolVersion;
using Listener = TestBroker::Listener;

Q_DECLARE_METATYPE(mqttdesk::ProtocolVersion)
Q_DECLARE_METATYPE(mqttdesk::QoS)

namespace {

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

void addVersions(bool v3 = true)
{
    QTest::addColumn<ProtocolVersion>("version");
    if (v3) {
        QTest::newRow("3.1") << V::V31;
        QTest::newRow("3.1.1") << V::V311;
    }
    QTest::newRow("5.0") << V::V5;
}

PublishPacket message(const QString &topic, const QByteArray &payload, QoS qos, bool retain = false)
{
    PublishPacket p;
    p.topic = topic;
    p.payload = payload;
    p.qos = qos;
    p.retain = retain;
    return p;
}

// A topic no other test uses.
QString uniqueTopic(const QString &prefix)
{
    return prefix + QLatin1Char('/') + TestSettings::uniqueClientId(QStringLiteral("t"));
}

} // namespace

class TstConnectionBroker : public QObject
{
    Q_OBJECT

private:
    TestBroker m_broker;

    std::unique_ptr<ClientProbe> client(ProtocolVersion version,
                                        Listener listener = Listener::Plain,
                                        const std::function<void(ConnectionSettings &)> &tweak = {})
    {
        ConnectionSettings s = TestSettings::forListener(m_broker, listener, version);
        if (tweak)
            tweak(s);
        return std::make_unique<ClientProbe>(s);
    }

    std::unique_ptr<ClientProbe>
    connected(ProtocolVersion version, Listener listener = Listener::Plain,
              const std::function<void(ConnectionSettings &)> &tweak = {})
    {
        auto c = client(version, listener, tweak);
        if (!c->connectAndWait()) {
            qWarning("%s", c->describe().constData());
            return nullptr;
        }
        return c;
    }

private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void roundTrip_data()
    {
        QTest::addColumn<Listener>("listener");
        QTest::addColumn<ProtocolVersion>("version");
        QTest::addColumn<QoS>("qos");
        for (Listener l : {Listener::Plain, Listener::Password, Listener::Tls, Listener::MutualTls,
                           Listener::Ws, Listener::Wss}) {
            for (V v : {V::V31, V::V311, V::V5}) {
                for (QoS q : {QoS::AtMostOnce, QoS::AtLeastOnce, QoS::ExactlyOnce})
                    QTest::addRow("%s %s QoS %d",
                                  QMetaEnum::fromType<Listener>().valueToKey(int(l)), versionTag(v),
                                  int(q))
                        << l << v << q;
            }
        }
    }
    void roundTrip()
    {
        QFETCH(Listener, listener);
        QFETCH(ProtocolVersion, version);
        QFETCH(QoS, qos);
        auto c = connected(version, listener);
        QVERIFY(c);
        const QString topic = uniqueTopic(QStringLiteral("rt"));
        const auto sub = c->subscribeAndWait(topic, qos);
        QVERIFY(sub);
        QCOMPARE(sub->reasonCodes, QList<ReasonCode>{static_cast<ReasonCode>(qos)});
        const QByteArray payload = QByteArray("payload \x00\xff binary", 18) + topic.toUtf8();
        const auto outcome = c->publishAndWait(message(topic, payload, qos));
        QVERIFY(outcome);
        QVERIFY2(!outcome->error, qPrintable(outcome->error ? outcome->error->message : QString()));
        const PublishStatus expected = qos == QoS::AtMostOnce    ? PublishStatus::Sent
                                       : qos == QoS::AtLeastOnce ? PublishStatus::Acknowledged
                                                                 : PublishStatus::Completed;
        QCOMPARE(int(outcome->status), int(expected));
        QVERIFY2(c->waitForMessages(1), c->describe());
        const PublishPacket &got = c->messages().first().message;
        QCOMPARE(got.topic, topic);
        QCOMPARE(got.payload, payload);
        QCOMPARE(int(got.qos), int(qos));
        QVERIFY(!got.retain);
        QVERIFY(c->disconnectAndWait());
        QVERIFY2(c->errors().isEmpty(), c->describe());
    }

    void retainedSetAndCleared_data() { addVersions(); }
    void retainedSetAndCleared()
    {
        QFETCH(ProtocolVersion, version);
        const QString topic = uniqueTopic(QStringLiteral("ret"));
        auto publisher = connected(version);
        QVERIFY(publisher);
        QVERIFY(publisher->publishAndWait(message(topic, "kept", QoS::AtLeastOnce, true)));

        auto first = connected(version);
        QVERIFY(first);
        QVERIFY(first->subscribeAndWait(topic, QoS::AtLeastOnce));
        QVERIFY(first->waitForMessages(1));
        QCOMPARE(first->messages().first().message.payload, QByteArray("kept"));
        QVERIFY(first->messages().first().message.retain);

        // An empty retained message clears it [MQTT-3.3.1-10].
        QVERIFY(publisher->publishAndWait(message(topic, {}, QoS::AtLeastOnce, true)));
        auto second = connected(version);
        QVERIFY(second);
        const QString marker = topic + QStringLiteral("/marker");
        QVERIFY(second->subscribeAndWait(topic, QoS::AtLeastOnce));
        QVERIFY(second->subscribeAndWait(marker, QoS::AtLeastOnce));
        QVERIFY(second->publishAndWait(message(marker, "m", QoS::AtLeastOnce)));
        QVERIFY(second->waitForMessages(1));
        // Retained messages come with the SUBACK, before anything published later.
        QCOMPARE(second->messages().first().message.topic, marker);
        QVERIFY(second->messagesOn(topic).isEmpty());
    }

    void willAfterAbnormalClose_data() { addVersions(); }
    void willAfterAbnormalClose()
    {
        QFETCH(ProtocolVersion, version);
        const QString topic = uniqueTopic(QStringLiteral("will"));
        auto watcher = connected(version);
        QVERIFY(watcher);
        QVERIFY(watcher->subscribeAndWait(topic, QoS::AtLeastOnce));
        auto dying = connected(version, Listener::Plain, [&](ConnectionSettings &s) {
            s.session.will = Will{topic, "gone", QoS::AtLeastOnce, false, {}};
            if (version == V::V5)
                s.session.will->properties.setContentType(QStringLiteral("text/plain"));
        });
        QVERIFY(dying);
        dying->connection()->abortConnection();
        QVERIFY2(watcher->waitForMessages(1), watcher->describe());
        QCOMPARE(watcher->messages().first().message.payload, QByteArray("gone"));
        if (version == V::V5)
            QCOMPARE(watcher->messages().first().message.properties.contentType(),
                     std::optional<QString>(QStringLiteral("text/plain")));
    }

    void willOnDisconnectWithWill()
    {
        const QString topic = uniqueTopic(QStringLiteral("will"));
        auto watcher = connected(V::V5);
        QVERIFY(watcher);
        QVERIFY(watcher->subscribeAndWait(topic, QoS::AtLeastOnce));
        auto leaving = connected(V::V5, Listener::Plain, [&](ConnectionSettings &s) {
            s.session.will = Will{topic, "left", QoS::AtLeastOnce, false, {}};
        });
        QVERIFY(leaving);
        QVERIFY(leaving->disconnectAndWait(ReasonCode::DisconnectWithWillMessage));
        QVERIFY(watcher->waitForMessages(1));
        QCOMPARE(watcher->messages().first().message.payload, QByteArray("left"));
    }

    void persistentSession_data() { addVersions(); }
    void persistentSession()
    {
        QFETCH(ProtocolVersion, version);
        const QString topic = uniqueTopic(QStringLiteral("ps"));
        auto persistent = [&](ConnectionSettings &s) {
            s.session.cleanStart = false;
            s.session.sessionExpiryInterval = 300;
        };
        auto sleeper = connected(version, Listener::Plain, persistent);
        QVERIFY(sleeper);
        QVERIFY(sleeper->subscribeAndWait(topic + QStringLiteral("/#"), QoS::ExactlyOnce));
        QVERIFY(sleeper->disconnectAndWait());

        auto other = connected(version);
        QVERIFY(other);
        QVERIFY(
            other->publishAndWait(message(topic + QStringLiteral("/1"), "q1", QoS::AtLeastOnce)));
        QVERIFY(
            other->publishAndWait(message(topic + QStringLiteral("/2"), "q2", QoS::ExactlyOnce)));

        QVERIFY(sleeper->connectAndWait());
        if (version != V::V31) // 3.1 has no Session Present flag
            QVERIFY(sleeper->connacks().last().sessionPresent);
        QVERIFY2(sleeper->waitForMessages(2), sleeper->describe());
        QCOMPARE(sleeper->messagesOn(topic + QStringLiteral("/1")).size(), 1);
        QCOMPARE(sleeper->messagesOn(topic + QStringLiteral("/2")).size(), 1);
        QCOMPARE(int(sleeper->messagesOn(topic + QStringLiteral("/1")).first().message.qos), 1);
        QCOMPARE(int(sleeper->messagesOn(topic + QStringLiteral("/2")).first().message.qos), 2);
    }

    void keepAlive_data() { addVersions(); }
    void keepAlive()
    {
        QFETCH(ProtocolVersion, version);
        auto c = connected(version, Listener::Plain,
                           [](ConnectionSettings &s) { s.session.keepAliveSeconds = 1; });
        QVERIFY(c);
        // Two PINGREQ/PINGRESP rounds, and the connection stays up.
        auto pingresps = [&] {
            int n = 0;
            for (const ConnectionLogEntry &e : c->log())
                n += e.text.contains(QStringLiteral("PINGRESP")) ? 1 : 0;
            return n;
        };
        QVERIFY2(QTest::qWaitFor([&] { return pingresps() >= 2; }, 6000), c->describe());
        QCOMPARE(c->connection()->state(), SessionState::Connected);
        QVERIFY(c->errors().isEmpty());
    }

    void sysTopicsReachableButNotByHash_data() { addVersions(); }
    void sysTopicsReachableButNotByHash()
    {
        QFETCH(ProtocolVersion, version);
        auto everything = connected(version);
        QVERIFY(everything);
        QVERIFY(everything->subscribeAndWait(QStringLiteral("#"), QoS::AtMostOnce));
        auto sys = connected(version);
        QVERIFY(sys);
        QVERIFY(sys->subscribeAndWait(QStringLiteral("$SYS/#"), QoS::AtMostOnce));
        // sys_interval 1: a fresh $SYS round within a few seconds.
        QVERIFY(sys->waitForMessages(1, 5000));
        QVERIFY(sys->messages().first().message.topic.startsWith(QStringLiteral("$SYS/")));
        const int seen = int(sys->messages().size());
        QVERIFY(sys->waitForMessages(seen + 1, 5000));
        const QString marker = uniqueTopic(QStringLiteral("sys-marker"));
        QVERIFY(sys->publishAndWait(message(marker, "m", QoS::AtLeastOnce)));
        QVERIFY(QTest::qWaitFor([&] { return !everything->messagesOn(marker).isEmpty(); }, 5000));
        for (const ReceivedMessage &m : everything->messages())
            QVERIFY2(!m.message.topic.startsWith(QLatin1Char('$')),
                     qPrintable(m.message.topic)); // [MQTT-4.7.2-1]
    }

    void unsubscribe_data() { addVersions(); }
    void unsubscribe()
    {
        QFETCH(ProtocolVersion, version);
        const QString topic = uniqueTopic(QStringLiteral("uns"));
        const QString gone = topic + QStringLiteral("/gone");
        const QString kept = topic + QStringLiteral("/kept");
        auto c = connected(version);
        QVERIFY(c);
        QVERIFY(c->subscribeAndWait(
            {Subscription{gone, {QoS::AtLeastOnce}}, Subscription{kept, {QoS::AtLeastOnce}}}));
        const auto result = c->unsubscribeAndWait({gone});
        QVERIFY(result);
        QVERIFY(!result->error);
        if (version == V::V5)
            QCOMPARE(result->reasonCodes, QList<ReasonCode>{ReasonCode::Success});
        QVERIFY(c->publishAndWait(message(gone, "no", QoS::AtLeastOnce)));
        QVERIFY(c->publishAndWait(message(kept, "yes", QoS::AtLeastOnce)));
        QVERIFY(c->waitForMessages(1));
        QCOMPARE(c->messages().first().message.topic, kept);
        QVERIFY(c->messagesOn(gone).isEmpty());
    }

    void propertiesEndToEnd()
    {
        const QString topic = uniqueTopic(QStringLiteral("props"));
        auto receiver = connected(V::V5);
        auto sender = connected(V::V5);
        QVERIFY(receiver && sender);
        QVERIFY(receiver->subscribeAndWait(topic, QoS::AtLeastOnce));
        PublishPacket p = message(topic, "{\"a\":1}", QoS::AtLeastOnce);
        p.properties.setContentType(QStringLiteral("application/json"));
        p.properties.setResponseTopic(topic + QStringLiteral("/reply"));
        p.properties.setCorrelationData(QByteArray("\x01\x02corr", 6));
        p.properties.setPayloadFormatIndicator(1);
        p.properties.setMessageExpiryInterval(600);
        p.properties.addUserProperty(QStringLiteral("k"), QStringLiteral("v1"));
        p.properties.addUserProperty(QStringLiteral("k"), QStringLiteral("v2")); // repeats kept
        p.properties.addUserProperty(QStringLiteral("名前"), QStringLiteral("値"));
        QVERIFY(sender->publishAndWait(p));
        QVERIFY(receiver->waitForMessages(1));
        const Properties &got = receiver->messages().first().message.properties;
        QCOMPARE(got.contentType(), p.properties.contentType());
        QCOMPARE(got.responseTopic(), p.properties.responseTopic());
        QCOMPARE(got.correlationData(), p.properties.correlationData());
        QCOMPARE(got.payloadFormatIndicator(), std::optional<quint8>(1));
        QVERIFY(got.messageExpiryInterval() && *got.messageExpiryInterval() <= 600);
        QCOMPARE(got.userProperties(), p.properties.userProperties());
    }

    void subscriptionOptions()
    {
        const QString topic = uniqueTopic(QStringLiteral("opts"));
        auto c = connected(V::V5);
        auto other = connected(V::V5);
        QVERIFY(c && other);
        // Retained message present before the subscriptions.
        QVERIFY(other->publishAndWait(
            message(topic + QStringLiteral("/r"), "r", QoS::AtLeastOnce, true)));

        Subscription noLocal{topic + QStringLiteral("/nl"), {QoS::AtLeastOnce, true}};
        Subscription asPublished{topic + QStringLiteral("/r"),
                                 {QoS::AtLeastOnce, false, true, RetainHandling::DoNotSend}};
        QVERIFY(c->subscribeAndWait({noLocal, asPublished}));
        // No retained message despite one being there (Retain Handling 2).
        const quint64 id = c->connection()->subscribe(
            {Subscription{topic + QStringLiteral("/id"), {QoS::AtLeastOnce}}}, 42);
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const SubscribeResult &r : c->subscribeResults())
                    if (r.token == id)
                        return true;
                return false;
            },
            5000));

        QVERIFY(c->publishAndWait(message(topic + QStringLiteral("/nl"), "own", QoS::AtLeastOnce)));
        QVERIFY(other->publishAndWait(
            message(topic + QStringLiteral("/nl"), "theirs", QoS::AtLeastOnce)));
        QVERIFY(other->publishAndWait(
            message(topic + QStringLiteral("/r"), "again", QoS::AtLeastOnce, true)));
        QVERIFY(
            other->publishAndWait(message(topic + QStringLiteral("/id"), "id", QoS::AtLeastOnce)));
        QVERIFY2(c->waitForMessages(3), c->describe());
        QCOMPARE(c->messages().size(), 3);
        const auto nl = c->messagesOn(topic + QStringLiteral("/nl"));
        QCOMPARE(nl.size(), 1);
        QCOMPARE(nl.first().message.payload, QByteArray("theirs")); // No Local
        const auto r = c->messagesOn(topic + QStringLiteral("/r"));
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.first().message.payload, QByteArray("again")); // Retain Handling 2
        QVERIFY(r.first().message.retain);                        // Retain As Published
        const auto withId = c->messagesOn(topic + QStringLiteral("/id"));
        QCOMPARE(withId.size(), 1);
        QCOMPARE(withId.first().subscriptionIdentifiers, QList<quint32>{42});
        QVERIFY(other->publishAndWait(
            message(topic + QStringLiteral("/r"), {}, QoS::AtLeastOnce, true)));
    }
};

QTEST_GUILESS_MAIN(TstConnectionBroker)
#include "tst_connection_broker.moc"
