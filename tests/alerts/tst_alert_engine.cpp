// AlertEngine against an injected clock: each kind of rule fires and clears (payload
// comparisons and regular expressions, silence, rate, retained changes, connection loss);
// state is per topic; hysteresis and cooldown keep a flapping value from flooding; a rule whose
// filter does not match a message never reads its payload; actions come as messages to publish.
#include "core/alerts/alert_engine.h"

#include <QTest>

using namespace mqttdesk;

namespace {

ReceivedMessage message(const QString &topic, const QByteArray &payload, quint64 sequence,
                        bool retain = false)
{
    ReceivedMessage m;
    m.message.topic = topic;
    m.message.payload = payload;
    m.message.retain = retain;
    m.sequence = sequence;
    return m;
}

AlertRule payloadRule(const QString &name, const QString &filter, const QString &path,
                      AlertOperator op, double threshold)
{
    AlertRule rule;
    rule.name = name;
    rule.kind = AlertKind::Payload;
    rule.filter = filter;
    rule.path = path;
    rule.op = op;
    rule.threshold = threshold;
    return rule;
}

QByteArray temperature(double t)
{
    return QByteArray("{\"t\":") + QByteArray::number(t) + '}';
}

} // namespace

class TestAlertEngine : public QObject
{
    Q_OBJECT

private:
    qint64 m_now = 0;
    quint64 m_sequence = 0;

    AlertEngine makeEngine(const QList<AlertRule> &rules)
    {
        m_now = 1'000'000;
        AlertEngine engine([this] { return m_now; });
        engine.setRules(rules);
        return engine;
    }

    QList<AlertEvent> send(AlertEngine &engine, const QString &topic, const QByteArray &payload,
                           bool retain = false)
    {
        return engine.ingest(MessageBatch{message(topic, payload, ++m_sequence, retain)});
    }

private slots:
    void payloadFiresAndClears()
    {
        AlertEngine engine =
            makeEngine({payloadRule(QStringLiteral("Hot"), QStringLiteral("plant/+/temp"),
                                    QStringLiteral("$.t"), AlertOperator::Greater, 30)});
        QVERIFY(send(engine, QStringLiteral("plant/a/temp"), temperature(25)).isEmpty());
        m_now += 500;
        QList<AlertEvent> events = send(engine, QStringLiteral("plant/a/temp"), temperature(31.5));
        QCOMPARE(events.size(), 1);
        const AlertEvent fired = events.at(0);
        QCOMPARE(fired.type, AlertEvent::Type::Fired);
        QCOMPARE(fired.ruleName, QStringLiteral("Hot"));
        QCOMPARE(fired.ruleIndex, 0);
        QCOMPARE(fired.kind, AlertKind::Payload);
        QCOMPARE(fired.filter, QStringLiteral("plant/+/temp"));
        QCOMPARE(fired.topic, QStringLiteral("plant/a/temp"));
        QCOMPARE(fired.value, QStringLiteral("31.5"));
        QCOMPARE(fired.sequence, m_sequence);
        QCOMPARE(fired.timeMs, m_now);
        QVERIFY(!fired.publish);
        QCOMPARE(engine.activeAlerts().size(), 1);

        // Still above: no second firing.
        QVERIFY(send(engine, QStringLiteral("plant/a/temp"), temperature(35)).isEmpty());
        events = send(engine, QStringLiteral("plant/a/temp"), temperature(30));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).type, AlertEvent::Type::Cleared);
        QCOMPARE(events.at(0).value, QStringLiteral("30"));
        QCOMPARE(events.at(0).sequence, m_sequence);
        QVERIFY(engine.activeAlerts().isEmpty());

        // Fires again once cleared (no cooldown).
        QCOMPARE(send(engine, QStringLiteral("plant/a/temp"), temperature(40)).size(), 1);
    }

    void stateIsPerTopic()
    {
        AlertEngine engine =
            makeEngine({payloadRule(QStringLiteral("Hot"), QStringLiteral("plant/+/temp"),
                                    QStringLiteral("$.t"), AlertOperator::Greater, 30)});
        QCOMPARE(send(engine, QStringLiteral("plant/a/temp"), temperature(31)).size(), 1);
        // Another topic that is cool does not clear the first one's alert ...
        QVERIFY(send(engine, QStringLiteral("plant/b/temp"), temperature(20)).isEmpty());
        // ... and another hot one fires on its own.
        const QList<AlertEvent> b = send(engine, QStringLiteral("plant/b/temp"), temperature(33));
        QCOMPARE(b.size(), 1);
        QCOMPARE(b.at(0).topic, QStringLiteral("plant/b/temp"));
        QCOMPARE(engine.activeAlerts().size(), 2);
    }

    void valuesThatAreNoNumbersNeitherFireNorClear()
    {
        AlertEngine engine =
            makeEngine({payloadRule(QStringLiteral("Hot"), QStringLiteral("t"),
                                    QStringLiteral("$.t"), AlertOperator::GreaterOrEqual, 30)});
        QVERIFY(send(engine, QStringLiteral("t"), "not json").isEmpty());
        QVERIFY(send(engine, QStringLiteral("t"), "{\"other\":50}").isEmpty());
        // A number in a JSON string counts, as in charts.
        QCOMPARE(send(engine, QStringLiteral("t"), "{\"t\":\"30\"}").size(), 1);
        QVERIFY(send(engine, QStringLiteral("t"), "{\"t\":\"warm\"}").isEmpty()); // no clear
        QVERIFY(send(engine, QStringLiteral("t"), "").isEmpty());
        QCOMPARE(engine.activeAlerts().size(), 1);
    }

    void wholeTextNumberTextAndRegex()
    {
        AlertRule level = payloadRule(QStringLiteral("Low"), QStringLiteral("tank/level"),
                                      QString(), AlertOperator::Less, 10);
        AlertRule state = payloadRule(QStringLiteral("Off"), QStringLiteral("pump/state"),
                                      QStringLiteral("$.state"), AlertOperator::Equal, 0);
        state.thresholdIsText = true;
        state.textThreshold = QStringLiteral("OFF");
        AlertRule log;
        log.name = QStringLiteral("Errors");
        log.filter = QStringLiteral("app/log");
        log.regex = QStringLiteral("\\b(ERROR|FATAL)\\b");
        AlertEngine engine = makeEngine({level, state, log});

        QList<AlertEvent> e = send(engine, QStringLiteral("tank/level"), " 9.5\n");
        QCOMPARE(e.size(), 1);
        QCOMPARE(e.at(0).value, QStringLiteral("9.5"));
        QCOMPARE(send(engine, QStringLiteral("tank/level"), "12").at(0).type,
                 AlertEvent::Type::Cleared);

        e = send(engine, QStringLiteral("pump/state"), "{\"state\":\"OFF\"}");
        QCOMPARE(e.size(), 1);
        QCOMPARE(e.at(0).ruleIndex, 1);
        QCOMPARE(e.at(0).value, QStringLiteral("OFF"));
        QCOMPARE(send(engine, QStringLiteral("pump/state"), "{\"state\":\"ON\"}").at(0).type,
                 AlertEvent::Type::Cleared);

        QVERIFY(send(engine, QStringLiteral("app/log"), "INFO started").isEmpty());
        e = send(engine, QStringLiteral("app/log"), "12:00 ERROR disk full");
        QCOMPARE(e.size(), 1);
        QCOMPARE(e.at(0).value, QStringLiteral("12:00 ERROR disk full"));
        QCOMPARE(send(engine, QStringLiteral("app/log"), "INFO ok").at(0).type,
                 AlertEvent::Type::Cleared);
    }

    void decoderRendersFirst()
    {
        AlertRule rule = payloadRule(QStringLiteral("Hot"), QStringLiteral("cbor/t"),
                                     QStringLiteral("$.t"), AlertOperator::Greater, 30);
        rule.decoder = QStringLiteral("cbor");
        AlertEngine engine = makeEngine({rule});
        // CBOR {"t": 42}: a1 61 74 18 2a
        const QList<AlertEvent> e =
            send(engine, QStringLiteral("cbor/t"), QByteArray::fromHex("a16174182a"));
        QCOMPARE(e.size(), 1);
        QCOMPARE(e.at(0).value, QStringLiteral("42"));
    }

    void hysteresisBand()
    {
        AlertRule rule = payloadRule(QStringLiteral("Hot"), QStringLiteral("t"),
                                     QStringLiteral("$.t"), AlertOperator::Greater, 30);
        rule.hysteresis = 2;
        AlertEngine engine = makeEngine({rule});
        QCOMPARE(send(engine, QStringLiteral("t"), temperature(31)).size(), 1);
        // Inside the band (28 < v <= 30): still active, no flapping.
        QVERIFY(send(engine, QStringLiteral("t"), temperature(29)).isEmpty());
        QVERIFY(send(engine, QStringLiteral("t"), temperature(31)).isEmpty());
        QVERIFY(send(engine, QStringLiteral("t"), temperature(28.5)).isEmpty());
        QCOMPARE(send(engine, QStringLiteral("t"), temperature(28)).at(0).type,
                 AlertEvent::Type::Cleared);
        QCOMPARE(send(engine, QStringLiteral("t"), temperature(30.5)).size(), 1);
    }

    void cooldownKeepsAFlappingValueFromFlooding()
    {
        AlertRule rule = payloadRule(QStringLiteral("Hot"), QStringLiteral("t"),
                                     QStringLiteral("$.t"), AlertOperator::Greater, 30);
        rule.cooldownSeconds = 10;
        AlertEngine engine = makeEngine({rule});
        const qint64 start = m_now;
        QCOMPARE(send(engine, QStringLiteral("t"), temperature(31)).size(), 1);
        int fired = 0;
        int cleared = 0;
        // Flapping every 500 ms for 8 s: one clear, no firing.
        for (int i = 1; i <= 16; ++i) {
            m_now = start + i * 500;
            for (const AlertEvent &e :
                 send(engine, QStringLiteral("t"), temperature(i % 2 ? 20 : 40)))
                (e.type == AlertEvent::Type::Fired ? fired : cleared)++;
            for (const AlertEvent &e : engine.tick())
                (e.type == AlertEvent::Type::Fired ? fired : cleared)++;
        }
        QCOMPARE(fired, 0);
        QCOMPARE(cleared, 1);
        // The last value (i = 16: 40) is pending: it fires once the cooldown ends.
        m_now = start + 9'999;
        QVERIFY(engine.tick().isEmpty());
        m_now = start + 10'000;
        const QList<AlertEvent> late = engine.tick();
        QCOMPARE(late.size(), 1);
        QCOMPARE(late.at(0).type, AlertEvent::Type::Fired);
        QCOMPARE(late.at(0).value, QStringLiteral("40"));
        QCOMPARE(late.at(0).timeMs, start + 10'000);
        QVERIFY(engine.tick().isEmpty());

        // A pending firing that clears before the cooldown ends is dropped.
        m_now += 100;
        QCOMPARE(send(engine, QStringLiteral("t"), temperature(20)).size(), 1); // cleared
        m_now += 100;
        QVERIFY(send(engine, QStringLiteral("t"), temperature(50)).isEmpty()); // pending
        m_now += 100;
        QVERIFY(send(engine, QStringLiteral("t"), temperature(10)).isEmpty()); // dropped
        m_now += 20'000;
        QVERIFY(engine.tick().isEmpty());
    }

    void filterThatDoesNotMatchNeverReadsThePayload()
    {
        AlertEngine engine =
            makeEngine({payloadRule(QStringLiteral("Hot"), QStringLiteral("plant/+/temp"),
                                    QStringLiteral("$.t"), AlertOperator::Greater, 30)});
        MessageBatch batch;
        for (int i = 0; i < 1000; ++i)
            batch.append(message(QStringLiteral("other/%1/temp").arg(i), temperature(99), i + 1));
        batch.append(message(QStringLiteral("plant/a/humidity"), temperature(99), 1001));
        batch.append(message(QStringLiteral("$SYS/plant/temp"), temperature(99), 1002));
        QVERIFY(engine.ingest(batch).isEmpty());
        QCOMPARE(engine.payloadsRead(), 0);
        QCOMPARE(send(engine, QStringLiteral("plant/a/temp"), temperature(99)).size(), 1);
        QCOMPARE(engine.payloadsRead(), 1);
    }

    void silenceFiresOnceAndClearsOnAMessage()
    {
        AlertRule rule;
        rule.name = QStringLiteral("Quiet");
        rule.kind = AlertKind::Silence;
        rule.filter = QStringLiteral("sensors/#");
        rule.silenceSeconds = 5;
        AlertEngine engine = makeEngine({rule});
        const qint64 start = m_now;
        m_now = start + 4'999;
        QVERIFY(engine.tick().isEmpty());
        m_now = start + 5'000;
        QList<AlertEvent> e = engine.tick();
        QCOMPARE(e.size(), 1);
        QCOMPARE(e.at(0).type, AlertEvent::Type::Fired);
        QCOMPARE(e.at(0).value, QStringLiteral("5"));
        QVERIFY(e.at(0).topic.isEmpty());
        QCOMPARE(e.at(0).sequence, quint64(0));
        m_now = start + 8'000;
        QVERIFY(engine.tick().isEmpty()); // fires once
        // A message elsewhere does not count.
        QVERIFY(send(engine, QStringLiteral("other"), "x").isEmpty());
        e = send(engine, QStringLiteral("sensors/a"), "x");
        QCOMPARE(e.size(), 1);
        QCOMPARE(e.at(0).type, AlertEvent::Type::Cleared);
        QCOMPARE(e.at(0).topic, QStringLiteral("sensors/a"));
        QCOMPARE(e.at(0).sequence, m_sequence);
        // Counted from the last message again.
        m_now = start + 12'999;
        QVERIFY(engine.tick().isEmpty());
        m_now = start + 13'000;
        QCOMPARE(engine.tick().size(), 1);

        // While the connection is down a silence is not reported; it counts from the
        // reconnection.
        QVERIFY(send(engine, QStringLiteral("sensors/a"), "x").size() == 1); // cleared
        QVERIFY(engine.connectionUp().isEmpty());
        QVERIFY(engine.connectionDown().isEmpty());
        m_now += 60'000;
        QVERIFY(engine.tick().isEmpty());
        QVERIFY(engine.connectionUp().isEmpty());
        m_now += 4'000;
        QVERIFY(engine.tick().isEmpty());
        m_now += 1'000;
        QCOMPARE(engine.tick().size(), 1);
    }

    void rateAboveAndBelow()
    {
        AlertRule flood;
        flood.name = QStringLiteral("Flood");
        flood.kind = AlertKind::Rate;
        flood.filter = QStringLiteral("f/#");
        flood.op = AlertOperator::Greater;
        flood.threshold = 5;
        flood.windowSeconds = 2;
        AlertRule dead = flood;
        dead.name = QStringLiteral("Dead");
        dead.op = AlertOperator::Less;
        dead.threshold = 1;
        m_now = 0;
        AlertEngine engine([this] { return m_now; });
        m_now = 10'500; // mid-second: the window starts with second 11
        engine.setRules({flood, dead});

        auto burst = [&](int count) {
            MessageBatch batch;
            for (int i = 0; i < count; ++i)
                batch.append(message(QStringLiteral("f/x"), "1", ++m_sequence));
            return engine.ingest(batch);
        };
        // Seconds 11 and 12: 8 and 6 messages, 7/s.
        m_now = 11'100;
        QVERIFY(burst(8).isEmpty());
        QVERIFY(engine.tick().isEmpty());
        m_now = 12'100;
        QVERIFY(burst(6).isEmpty());
        QVERIFY(engine.tick().isEmpty()); // the window is not full yet
        m_now = 13'000;
        QList<AlertEvent> e = engine.tick();
        QCOMPARE(e.size(), 1);
        QCOMPARE(e.at(0).ruleName, QStringLiteral("Flood"));
        QCOMPARE(e.at(0).type, AlertEvent::Type::Fired);
        QCOMPARE(e.at(0).value, QStringLiteral("7"));
        QVERIFY(e.at(0).topic.isEmpty());
        m_now = 13'500;
        QVERIFY(engine.tick().isEmpty()); // judged once per second

        // Seconds 13 and 14 quiet: the flood clears at 14 (3/s), the dead rule fires at 15.
        m_now = 14'000;
        e = engine.tick();
        QCOMPARE(e.size(), 1);
        QCOMPARE(e.at(0).type, AlertEvent::Type::Cleared);
        QCOMPARE(e.at(0).value, QStringLiteral("3"));
        m_now = 15'000;
        e = engine.tick();
        QCOMPARE(e.size(), 1);
        QCOMPARE(e.at(0).ruleName, QStringLiteral("Dead"));
        QCOMPARE(e.at(0).type, AlertEvent::Type::Fired);
        QCOMPARE(e.at(0).value, QStringLiteral("0"));
        m_now = 15'200;
        QVERIFY(burst(2).isEmpty());
        m_now = 16'000;
        e = engine.tick(); // seconds 14, 15: 2 messages, 1/s: no longer below 1
        QCOMPARE(e.size(), 1);
        QCOMPARE(e.at(0).ruleName, QStringLiteral("Dead"));
        QCOMPARE(e.at(0).type, AlertEvent::Type::Cleared);
        QCOMPARE(e.at(0).value, QStringLiteral("1"));
    }

    void retainedChanged()
    {
        AlertRule rule;
        rule.name = QStringLiteral("Config");
        rule.kind = AlertKind::RetainedChanged;
        rule.filter = QStringLiteral("config/#");
        AlertEngine engine = makeEngine({rule});
        // The first retained payload of a topic is the reference.
        QVERIFY(send(engine, QStringLiteral("config/a"), "v1", true).isEmpty());
        QVERIFY(send(engine, QStringLiteral("config/a"), "v1", true).isEmpty());
        // Live (not retained) messages do not count.
        QVERIFY(send(engine, QStringLiteral("config/a"), "v9", false).isEmpty());
        QVERIFY(send(engine, QStringLiteral("config/b"), "v2", true).isEmpty());
        QList<AlertEvent> e = send(engine, QStringLiteral("config/a"), "v2", true);
        QCOMPARE(e.size(), 1);
        QCOMPARE(e.at(0).type, AlertEvent::Type::Fired);
        QCOMPARE(e.at(0).kind, AlertKind::RetainedChanged);
        QCOMPARE(e.at(0).topic, QStringLiteral("config/a"));
        QCOMPARE(e.at(0).value, QStringLiteral("v2"));
        QCOMPARE(e.at(0).sequence, m_sequence);
        // A change is a moment: nothing stays active, and the next change fires again.
        QVERIFY(engine.activeAlerts().isEmpty());
        QVERIFY(send(engine, QStringLiteral("config/a"), "v2", true).isEmpty());
        QCOMPARE(send(engine, QStringLiteral("config/a"), "v3", true).size(), 1);
        QCOMPARE(send(engine, QStringLiteral("config/b"), "v3", true).size(), 1);
    }

    void connectionLost()
    {
        AlertRule rule;
        rule.name = QStringLiteral("Down");
        rule.kind = AlertKind::ConnectionLost;
        AlertEngine engine = makeEngine({rule});
        QVERIFY(engine.filters().isEmpty());
        // Never up: nothing was lost.
        QVERIFY(engine.connectionDown(QStringLiteral("refused")).isEmpty());
        QVERIFY(engine.connectionUp().isEmpty());
        QList<AlertEvent> e = engine.connectionDown(QStringLiteral("Connection reset"));
        QCOMPARE(e.size(), 1);
        QCOMPARE(e.at(0).type, AlertEvent::Type::Fired);
        QCOMPARE(e.at(0).kind, AlertKind::ConnectionLost);
        QCOMPARE(e.at(0).value, QStringLiteral("Connection reset"));
        QVERIFY(e.at(0).filter.isEmpty());
        QVERIFY(engine.connectionDown().isEmpty());
        QCOMPARE(engine.activeAlerts().size(), 1);
        e = engine.connectionUp();
        QCOMPARE(e.size(), 1);
        QCOMPARE(e.at(0).type, AlertEvent::Type::Cleared);
        QVERIFY(engine.activeAlerts().isEmpty());
    }

    // The user's disconnect: nothing was lost, so a connection-lost rule does not fire, and a
    // silence is not counted until the connection is up again.
    void closedOnPurposeFiresNothing()
    {
        AlertRule lost;
        lost.name = QStringLiteral("Down");
        lost.kind = AlertKind::ConnectionLost;
        AlertRule quiet;
        quiet.name = QStringLiteral("Quiet");
        quiet.kind = AlertKind::Silence;
        quiet.filter = QStringLiteral("s/#");
        quiet.silenceSeconds = 5;
        AlertEngine engine = makeEngine({lost, quiet});
        engine.connectionClosed(); // not open yet
        m_now += 60'000;
        QVERIFY(engine.tick().isEmpty());
        QVERIFY(engine.connectionUp().isEmpty());
        engine.connectionClosed();
        QVERIFY(engine.activeAlerts().isEmpty());
        m_now += 60'000;
        QVERIFY(engine.tick().isEmpty());
        QVERIFY(engine.connectionDown(QStringLiteral("gone")).isEmpty()); // down already
        QVERIFY(engine.connectionUp().isEmpty());
        m_now += 5'000;
        QCOMPARE(engine.tick().size(), 1);
    }

    // An event names the received time of its message, for finding it in the history.
    void eventCarriesTheMessageTime()
    {
        AlertEngine engine =
            makeEngine({payloadRule(QStringLiteral("Hot"), QStringLiteral("t"),
                                    QStringLiteral("$.t"), AlertOperator::Greater, 30)});
        ReceivedMessage m = message(QStringLiteral("t"), temperature(31), ++m_sequence);
        m.receivedUs = 1'700'000'000'123'456;
        const QList<AlertEvent> events = engine.ingest(MessageBatch{m});
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).messageTimeUs, m.receivedUs);
        QCOMPARE(events.at(0).sequence, m_sequence);
    }

    void actionIsTheMessageToPublish()
    {
        AlertRule rule = payloadRule(QStringLiteral("Hot"), QStringLiteral("plant/+/temp"),
                                     QStringLiteral("$.t"), AlertOperator::Greater, 30);
        rule.action.topic = QStringLiteral("alerts/{rule}");
        rule.action.payload =
            QStringLiteral("{\"topic\":\"{topic}\",\"t\":{value},\"e\":\"{event}\","
                           "\"keep\":\"{other}\"}");
        rule.action.qos = QoS::AtLeastOnce;
        rule.action.retain = true;
        AlertRule bad = payloadRule(QStringLiteral("Bad"), QStringLiteral("w"), QString(),
                                    AlertOperator::Equal, 0);
        bad.thresholdIsText = true;
        bad.textThreshold = QStringLiteral("a+b");
        bad.action.topic = QStringLiteral("alerts/{value}");
        AlertEngine engine = makeEngine({rule, bad});
        QList<AlertEvent> e = send(engine, QStringLiteral("plant/a/temp"), temperature(31));
        QCOMPARE(e.size(), 1);
        QVERIFY(e.at(0).publish);
        QCOMPARE(e.at(0).publish->topic, QStringLiteral("alerts/Hot"));
        QCOMPARE(e.at(0).publish->payload,
                 QByteArray("{\"topic\":\"plant/a/temp\",\"t\":31,\"e\":\"fired\",\"keep\":"
                            "\"{other}\"}"));
        QCOMPARE(e.at(0).publish->qos, QoS::AtLeastOnce);
        QVERIFY(e.at(0).publish->retain);
        // Clearing publishes nothing.
        e = send(engine, QStringLiteral("plant/a/temp"), temperature(20));
        QCOMPARE(e.size(), 1);
        QVERIFY(!e.at(0).publish);
        // A topic that expands to a wildcard is not sent, and says why.
        e = send(engine, QStringLiteral("w"), "a+b");
        QCOMPARE(e.size(), 1);
        QVERIFY(!e.at(0).publish);
        QVERIFY(!e.at(0).actionError.isEmpty());
    }

    void disabledAndInvalidRulesNeverFire()
    {
        AlertRule off = payloadRule(QStringLiteral("Off"), QStringLiteral("t"), QString(),
                                    AlertOperator::Greater, 0);
        off.enabled = false;
        AlertRule broken = payloadRule(QStringLiteral("Broken"), QStringLiteral("t/#/x"), QString(),
                                       AlertOperator::Greater, 0);
        AlertRule badRegex = payloadRule(QStringLiteral("Regex"), QStringLiteral("t"), QString(),
                                         AlertOperator::Greater, 0);
        badRegex.regex = QStringLiteral("(");
        AlertRule on = payloadRule(QStringLiteral("On"), QStringLiteral("t"), QString(),
                                   AlertOperator::Greater, 0);
        AlertRule same = on;
        same.name = QStringLiteral("Same filter");
        AlertEngine engine = makeEngine({off, broken, badRegex, on, same});
        QCOMPARE(engine.filters(), QStringList{QStringLiteral("t")});
        const QList<AlertEvent> e = send(engine, QStringLiteral("t"), "5");
        QCOMPARE(e.size(), 2);
        QCOMPARE(e.at(0).ruleIndex, 3);
        QCOMPARE(e.at(1).ruleIndex, 4);
    }

    void eventAsJson()
    {
        AlertEvent e;
        e.type = AlertEvent::Type::Cleared;
        e.timeMs = 1'700'000'000'123;
        e.ruleIndex = 2;
        e.ruleName = QStringLiteral("Hot");
        e.filter = QStringLiteral("a/+");
        e.topic = QStringLiteral("a/b");
        e.value = QStringLiteral("29");
        e.sequence = 17;
        const QJsonObject json = e.toJson();
        QCOMPARE(json.value(QStringLiteral("event")).toString(), QStringLiteral("cleared"));
        QCOMPARE(json.value(QStringLiteral("time")).toString(),
                 QStringLiteral("2023-11-14T22:13:20.123Z"));
        QCOMPARE(json.value(QStringLiteral("rule")).toString(), QStringLiteral("Hot"));
        QCOMPARE(json.value(QStringLiteral("ruleIndex")).toInt(), 2);
        QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("payload"));
        QCOMPARE(json.value(QStringLiteral("sequence")).toInteger(), 17);
        QVERIFY(!json.contains(QStringLiteral("action")));
    }
};

QTEST_GUILESS_MAIN(TestAlertEngine)
#include "tst_alert_engine.moc"
