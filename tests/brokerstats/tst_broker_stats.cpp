// BrokerStats, the pure $SYS model: mosquitto and EMQX topic samples to typed values,
// counter rates with an injected clock, uptime and version parsing, unknown topics, bounds.

#include "core/brokerstats/broker_stats.h"

#include <QTest>

using namespace mqttdesk;
using Rate = BrokerStats::Rate;

namespace {
constexpr qint64 kSecond = 1000 * 1000;
}

class TstBrokerStats : public QObject
{
    Q_OBJECT

private slots:
    void mosquittoValues()
    {
        BrokerStats s;
        QCOMPARE(s.flavour(), BrokerStats::Flavour::Unknown);
        s.apply(QStringLiteral("$SYS/broker/version"), "mosquitto version 2.0.11", 0);
        s.apply(QStringLiteral("$SYS/broker/uptime"), "1234 seconds", 0);
        s.apply(QStringLiteral("$SYS/broker/clients/connected"), "3", 0);
        s.apply(QStringLiteral("$SYS/broker/clients/total"), "7", 0);
        s.apply(QStringLiteral("$SYS/broker/subscriptions/count"), "12", 0);
        s.apply(QStringLiteral("$SYS/broker/retained messages/count"), "40", 0);
        s.apply(QStringLiteral("$SYS/broker/heap/current"), "65536", 0);
        s.apply(QStringLiteral("$SYS/broker/heap/maximum"), "131072", 0);
        s.apply(QStringLiteral("$SYS/broker/messages/received"), "100", 0);
        s.apply(QStringLiteral("$SYS/broker/clients/maximum"), "4", 0);
        s.apply(QStringLiteral("$SYS/broker/load/messages/received/5min"), "30.5", 0);
        s.apply(QStringLiteral("$SYS/broker/load/messages/received/15min"), "12.25", 0);
        QCOMPARE(s.flavour(), BrokerStats::Flavour::Mosquitto);
        QCOMPARE(s.clientsMaximum, std::optional<qint64>(4));
        QCOMPARE(s.load5, std::optional<double>(30.5));
        QCOMPARE(s.load15, std::optional<double>(12.25));
        QVERIFY(!s.load1);
        QCOMPARE(s.version, std::optional<QString>(QStringLiteral("2.0.11")));
        QCOMPARE(s.uptimeSeconds, std::optional<qint64>(1234));
        QCOMPARE(s.clientsConnected, std::optional<qint64>(3));
        QCOMPARE(s.clientsTotal, std::optional<qint64>(7));
        QCOMPARE(s.subscriptions, std::optional<qint64>(12));
        QCOMPARE(s.retained, std::optional<qint64>(40));
        QCOMPARE(s.heapCurrent, std::optional<qint64>(65536));
        QCOMPARE(s.heapMaximum, std::optional<qint64>(131072));
        QCOMPARE(s.total(Rate::MessagesReceived), std::optional<qint64>(100));
        QVERIFY(!s.rate(Rate::MessagesReceived)); // one sample: no rate yet
        QVERIFY(!s.total(Rate::BytesSent));
    }

    void emqxValues()
    {
        BrokerStats s;
        s.apply(QStringLiteral("$SYS/brokers"), "emqx@127.0.0.1", 0);
        s.apply(QStringLiteral("$SYS/brokers/emqx@127.0.0.1/version"), "5.3.0", 0);
        s.apply(QStringLiteral("$SYS/brokers/emqx@127.0.0.1/uptime"),
                "1 days, 2 hours, 3 minutes, 4 seconds", 0);
        s.apply(QStringLiteral("$SYS/brokers/emqx@127.0.0.1/sysdescr"), "EMQX", 0);
        s.apply(QStringLiteral("$SYS/brokers/emqx@127.0.0.1/stats/connections/count"), "5", 0);
        s.apply(QStringLiteral("$SYS/brokers/emqx@127.0.0.1/stats/subscriptions/count"), "9", 0);
        s.apply(QStringLiteral("$SYS/brokers/emqx@127.0.0.1/stats/retained/count"), "2", 0);
        s.apply(QStringLiteral("$SYS/brokers/emqx@127.0.0.1/stats/connections/max"), "8", 0);
        QCOMPARE(s.clientsMaximum, std::optional<qint64>(8));
        s.apply(QStringLiteral("$SYS/brokers/emqx@127.0.0.1/metrics/bytes/sent"), "1000", 0);
        s.apply(QStringLiteral("$SYS/brokers/emqx@127.0.0.1/metrics/bytes/sent"), "3000",
                2 * kSecond);
        // Another node of the cluster does not overwrite the first one's values.
        s.apply(QStringLiteral("$SYS/brokers/emqx@10.0.0.2/stats/connections/count"), "99", 0);
        QCOMPARE(s.flavour(), BrokerStats::Flavour::Emqx);
        QCOMPARE(s.node(), QStringLiteral("emqx@127.0.0.1"));
        QCOMPARE(s.version, std::optional<QString>(QStringLiteral("5.3.0")));
        QCOMPARE(s.uptimeSeconds, std::optional<qint64>(86400 + 2 * 3600 + 3 * 60 + 4));
        QCOMPARE(s.clientsConnected, std::optional<qint64>(5));
        QCOMPARE(s.subscriptions, std::optional<qint64>(9));
        QCOMPARE(s.retained, std::optional<qint64>(2));
        QCOMPARE(s.rate(Rate::BytesSent), std::optional<double>(1000.0));
    }

    void counterRates()
    {
        BrokerStats s;
        const QString topic = QStringLiteral("$SYS/broker/messages/sent");
        s.apply(topic, "10", 1 * kSecond);
        s.apply(topic, "30", 3 * kSecond); // 20 in 2 s
        QCOMPARE(s.rate(Rate::MessagesSent), std::optional<double>(10.0));
        s.apply(topic, "30", 4 * kSecond);
        QCOMPARE(s.rate(Rate::MessagesSent), std::optional<double>(0.0));
        QCOMPARE(s.history(Rate::MessagesSent).size(), size_t(2));
        // The broker restarted: the counter went down. No negative rate, no point.
        s.apply(topic, "5", 5 * kSecond);
        QCOMPARE(s.history(Rate::MessagesSent).size(), size_t(2));
        s.apply(topic, "15", 6 * kSecond);
        QCOMPARE(s.rate(Rate::MessagesSent), std::optional<double>(10.0));
        QCOMPARE(s.history(Rate::MessagesSent).back().atUs, 6 * kSecond);
    }

    void brokerLoadWins()
    {
        BrokerStats s;
        s.apply(QStringLiteral("$SYS/broker/bytes/received"), "0", 0);
        s.apply(QStringLiteral("$SYS/broker/bytes/received"), "1000", kSecond);
        s.apply(QStringLiteral("$SYS/broker/load/bytes/received/1min"), "600.0", kSecond);
        QCOMPARE(s.rate(Rate::BytesReceived), std::optional<double>(10.0)); // per minute / 60
        s.apply(QStringLiteral("$SYS/broker/bytes/received"), "9000", 2 * kSecond);
        QCOMPARE(s.rate(Rate::BytesReceived), std::optional<double>(10.0));
        QCOMPARE(s.history(Rate::BytesReceived).size(), size_t(1));
        QCOMPARE(s.total(Rate::BytesReceived), std::optional<qint64>(9000));
    }

    void historyIsBounded()
    {
        BrokerStats s(100, 60 * kSecond);
        const QString topic = QStringLiteral("$SYS/broker/bytes/sent");
        for (int i = 0; i <= 600; ++i)
            s.apply(topic, QByteArray::number(i * 10), qint64(i) * kSecond);
        const auto &h = s.history(Rate::BytesSent);
        QCOMPARE(h.back().atUs, 600 * kSecond);
        QVERIFY(h.front().atUs >= 540 * kSecond);
        QVERIFY(h.size() <= 61);
        QCOMPARE(h.back().perSecond, 10.0);
    }

    void uptimeParsing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("mosquitto") << QStringLiteral("1234 seconds") << qint64(1234);
        QTest::newRow("plain") << QStringLiteral(" 42 ") << qint64(42);
        QTest::newRow("emqx") << QStringLiteral("2 hours, 1 minutes, 5 seconds") << qint64(7265);
        QTest::newRow("days") << QStringLiteral("3 days") << qint64(3 * 86400);
        QTest::newRow("garbage") << QStringLiteral("soon") << qint64(-1);
        QTest::newRow("empty") << QString() << qint64(-1);
    }
    void uptimeParsing()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        const std::optional<qint64> parsed = BrokerStats::parseUptime(text);
        if (seconds < 0)
            QVERIFY(!parsed);
        else
            QCOMPARE(parsed, std::optional<qint64>(seconds));
    }

    void versionParsing()
    {
        QCOMPARE(BrokerStats::parseVersion(QStringLiteral("mosquitto version 2.0.11")),
                 QStringLiteral("2.0.11"));
        QCOMPARE(BrokerStats::parseVersion(QStringLiteral(" 4.4.19\n")), QStringLiteral("4.4.19"));
    }

    void unknownTopicsKept()
    {
        BrokerStats s;
        s.apply(QStringLiteral("$SYS/hivemq/whatever"), "1", 0);
        s.apply(QStringLiteral("$SYS/broker/clients/connected"), "2", 0);
        s.apply(QStringLiteral("$SYS/hivemq/whatever"), "3", kSecond);
        s.apply(QStringLiteral("not/sys"), "4", kSecond);
        QCOMPARE(s.topics().size(), 2);
        QCOMPARE(s.topics().at(0).topic, QStringLiteral("$SYS/hivemq/whatever"));
        QCOMPARE(s.topics().at(0).value, QStringLiteral("3"));
        QCOMPARE(s.topics().at(0).atUs, kSecond);
        QCOMPARE(s.topics().at(1).value, QStringLiteral("2"));
    }

    void topicsBounded()
    {
        BrokerStats s(10);
        for (int i = 0; i < 25; ++i)
            s.apply(QStringLiteral("$SYS/x/%1").arg(i), "v", 0);
        QCOMPARE(s.topics().size(), 10);
        QCOMPARE(s.droppedTopics(), qint64(15));
        s.apply(QStringLiteral("$SYS/x/3"), "w", 1); // known topics still update
        QCOMPARE(s.topics().at(3).value, QStringLiteral("w"));
        s.clear();
        QVERIFY(!s.hasAny());
        QCOMPARE(s.flavour(), BrokerStats::Flavour::Unknown);
    }
};

QTEST_GUILESS_MAIN(TstBrokerStats)
#include "tst_broker_stats.moc"
