// Which broker addresses a connection tries, in what order: the main address and its
// fallbacks (in order, at random with a seeded generator), DNS SRV answers ordered by
// priority and weight (RFC 2782) through a fake resolver (records, an empty answer,
// NXDOMAIN), and where a round starts after the last one ended. No sockets.

#include "core/connection/broker_address_list.h"
#include "core/connection/broker_failover.h"
#include "core/connection/connection_settings.h"
#include "core/connection/srv_record_order.h"
#include "tests/connection/fake_srv_resolver.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace mqttdesk;
using Kind = TransportOptions::Kind;
using Source = BrokerAddress::Source;
using Order = BrokerAddressList::Order;

namespace {

QStringList strings(std::initializer_list<const char *> texts)
{
    QStringList out;
    for (const char *text : texts)
        out << QString::fromUtf8(text);
    return out;
}

BrokerAddress address(const QString &host, quint16 port, Source source = Source::Fallback,
                      Kind kind = Kind::Tcp)
{
    return BrokerAddress{host, port, kind, source};
}

QStringList hostPorts(const QList<BrokerAddress> &addresses)
{
    QStringList out;
    for (const BrokerAddress &a : addresses)
        out << a.hostPort();
    return out;
}

QStringList targets(const QList<SrvRecord> &records)
{
    QStringList out;
    for (const SrvRecord &r : records)
        out << r.target;
    return out;
}

ConnectionSettings settings(const QString &host, quint16 port,
                            const QList<BrokerAddress> &fallbacks = {},
                            Order order = Order::InOrder, bool srv = false)
{
    ConnectionSettings s;
    s.transport.host = host;
    s.transport.port = port;
    s.fallbacks = fallbacks;
    s.fallbackOrder = order;
    s.srvLookup = srv;
    return s;
}

struct Logged
{
    LogLevel level;
    QString text;
};

// A BrokerFailover with its log collected and a round's outcome waited for.
struct Harness
{
    QList<Logged> log;
    BrokerFailover failover{[this](LogLevel level, const QString &text) {
        log.append({level, text});
    }};
    std::optional<QString> ready; // set when the round is known: its error, or empty

    bool round(int timeoutMs = 5000)
    {
        ready.reset();
        failover.beginRound([this](const QString &error) { ready = error; });
        return QTest::qWaitFor([this] { return ready.has_value(); }, timeoutMs);
    }
    QString logText() const
    {
        QStringList lines;
        for (const Logged &l : log)
            lines << l.text;
        return lines.join(QLatin1Char('\n'));
    }
};

} // namespace

class TstBrokerFailover : public QObject
{
    Q_OBJECT

private slots:
    void hostPortBracketsIpv6()
    {
        QCOMPARE(address(QStringLiteral("broker.example"), 1883).hostPort(),
                 QStringLiteral("broker.example:1883"));
        QCOMPARE(address(QStringLiteral("::1"), 8883).hostPort(), QStringLiteral("[::1]:8883"));
    }

    void inOrderKeepsMainThenFallbacksOnce()
    {
        QRandomGenerator random(1);
        const QList<BrokerAddress> list = BrokerAddressList::arrange(
            address(QStringLiteral("a"), 1, Source::Main),
            {address(QStringLiteral("b"), 2), address(QStringLiteral("A"), 1),
             address(QStringLiteral("c"), 3),
             address(QStringLiteral("b"), 2, Source::Fallback, Kind::Tls)},
            Order::InOrder, random);
        // "A":1 is "a":1 again (host names are case-insensitive); b over TLS is another place.
        QCOMPARE(hostPorts(list), strings({"a:1", "b:2", "c:3", "b:2"}));
        QCOMPARE(list.first().source, Source::Main);
        QCOMPARE(list.last().kind, Kind::Tls);
    }

    void randomIsASeededPermutation()
    {
        const BrokerAddress main = address(QStringLiteral("m"), 1, Source::Main);
        QList<BrokerAddress> fallbacks;
        for (int i = 2; i <= 6; ++i)
            fallbacks << address(QStringLiteral("h%1").arg(i), quint16(i));
        QRandomGenerator first(42);
        QRandomGenerator again(42);
        const QStringList one =
            hostPorts(BrokerAddressList::arrange(main, fallbacks, Order::Random, first));
        const QStringList two =
            hostPorts(BrokerAddressList::arrange(main, fallbacks, Order::Random, again));
        QCOMPARE(one, two); // the same seed, the same order
        QStringList sorted = one;
        sorted.sort();
        QCOMPARE(sorted, strings({"h2:2", "h3:3", "h4:4", "h5:5", "h6:6", "m:1"}));
        // Over many seeds every address comes first sometimes: a shuffle, not a rotation.
        QSet<QString> firsts;
        for (quint32 seed = 0; seed < 200; ++seed) {
            QRandomGenerator random(seed);
            firsts.insert(
                BrokerAddressList::arrange(main, fallbacks, Order::Random, random).first().host);
        }
        QCOMPARE(firsts.size(), 6);
    }

    void listWrapsFromItsStartAndEnds()
    {
        BrokerAddressList list;
        list.reset({address(QStringLiteral("a"), 1), address(QStringLiteral("b"), 2),
                    address(QStringLiteral("c"), 3)},
                   2);
        QCOMPARE(list.current().host, QStringLiteral("c"));
        QCOMPARE(list.attempt(), 1);
        QVERIFY(list.advance());
        QCOMPARE(list.current().host, QStringLiteral("a"));
        QVERIFY(list.advance());
        QCOMPARE(list.current().host, QStringLiteral("b"));
        QCOMPARE(list.attempt(), 3);
        QVERIFY(!list.advance());
    }

    void srvOrderIsPriorityFirst()
    {
        QRandomGenerator random(7);
        const QList<SrvRecord> ordered =
            SrvRecordOrder::arrange({{QStringLiteral("late"), 1883, 20, 100},
                                     {QStringLiteral("early"), 1883, 5, 1},
                                     {QStringLiteral("middle"), 1883, 10, 0}},
                                    random);
        QCOMPARE(targets(ordered), strings({"early", "middle", "late"}));
    }

    void srvWeightsShareTheFirstPlace()
    {
        // RFC 2782: zero-weight records first, then a draw from 0 to the sum of the weights
        // (here 4) picks the first record whose running sum reaches it: "zero" for 0,
        // "light" (1) for 1, "heavy" (4) for 2, 3 and 4.
        QRandomGenerator random(2026);
        int heavyFirst = 0;
        int zeroFirst = 0;
        constexpr int kRuns = 4000;
        for (int i = 0; i < kRuns; ++i) {
            const QList<SrvRecord> ordered =
                SrvRecordOrder::arrange({{QStringLiteral("light"), 1, 0, 1},
                                         {QStringLiteral("heavy"), 2, 0, 3},
                                         {QStringLiteral("zero"), 3, 0, 0}},
                                        random);
            QCOMPARE(ordered.size(), 3);
            heavyFirst += ordered.first().target == QLatin1String("heavy");
            zeroFirst += ordered.first().target == QLatin1String("zero");
        }
        QVERIFY2(qAbs(heavyFirst - kRuns * 3 / 5) < kRuns / 20,
                 qPrintable(QString::number(heavyFirst)));
        QVERIFY2(qAbs(zeroFirst - kRuns / 5) < kRuns / 20, qPrintable(QString::number(zeroFirst)));
    }

    void srvDotMeansNoService()
    {
        QRandomGenerator random(1);
        QVERIFY(SrvRecordOrder::arrange({{QStringLiteral("."), 0, 0, 0}}, random).isEmpty());
    }

    void serviceNameFollowsTls()
    {
        QCOMPARE(SrvResolver::serviceName(QStringLiteral("example.com."), false),
                 QStringLiteral("_mqtt._tcp.example.com"));
        QCOMPARE(SrvResolver::serviceName(QStringLiteral("example.com"), true),
                 QStringLiteral("_secure-mqtt._tcp.example.com"));
    }

    void roundWithoutSrvIsAtOnce()
    {
        Harness h;
        h.failover.setSettings(
            settings(QStringLiteral("main"), 1883, {address(QStringLiteral("backup"), 1884)}));
        bool called = false;
        h.failover.beginRound([&called](const QString &error) {
            QVERIFY(error.isEmpty());
            called = true;
        });
        QVERIFY(called);
        QCOMPARE(hostPorts(h.failover.list().addresses()), strings({"main:1883", "backup:1884"}));
        QCOMPARE(h.failover.list().current().source, Source::Main);
        QVERIFY(h.failover.advance());
        QCOMPARE(h.failover.list().current().source, Source::Fallback);
        QVERIFY(!h.failover.advance());
    }

    void nextRoundStartsAfterAnAddressThatFailedLate()
    {
        Harness h;
        h.failover.setSettings(
            settings(QStringLiteral("a"), 1,
                     {address(QStringLiteral("b"), 2), address(QStringLiteral("c"), 3)}));
        QVERIFY(h.round());
        QCOMPARE(h.failover.list().current().host, QStringLiteral("a"));
        // "a" opened but failed later (refused, no CONNACK): the next round tries "b" first.
        QVERIFY(h.round());
        QCOMPARE(h.failover.list().current().host, QStringLiteral("b"));
        // Accepted: after a loss the preferred address comes first again.
        h.failover.accepted();
        QVERIFY(h.round());
        QCOMPARE(h.failover.list().current().host, QStringLiteral("a"));
        // Every address failed: the next round starts at the first.
        QVERIFY(h.failover.advance());
        QVERIFY(h.failover.advance());
        QVERIFY(!h.failover.advance());
        QVERIFY(h.round());
        QCOMPARE(h.failover.list().current().host, QStringLiteral("a"));
        // A user connect starts at the first too.
        QVERIFY(h.round());
        h.failover.restart();
        QVERIFY(h.round());
        QCOMPARE(h.failover.list().current().host, QStringLiteral("a"));
    }

    void followedReferenceReplacesTheAddresses()
    {
        Harness h;
        h.failover.setSettings(settings(QStringLiteral("a"), 1));
        h.failover.follow({address(QStringLiteral("elsewhere"), 9, Source::ServerReference)});
        QVERIFY(h.round());
        QCOMPARE(hostPorts(h.failover.list().addresses()), strings({"elsewhere:9"}));
        h.failover.restart();
        QVERIFY(h.round());
        QCOMPARE(hostPorts(h.failover.list().addresses()), strings({"a:1"}));
    }

    void srvRecordsByPriorityThenFallbacks()
    {
        Harness h;
        auto resolver = std::make_shared<FakeSrvResolver>();
        resolver->setRecords(QStringLiteral("_mqtt._tcp.example.com"),
                             {{QStringLiteral("second.example.com."), 1884, 20, 10},
                              {QStringLiteral("first.example.com."), 1883, 10, 10}});
        h.failover.setResolver(resolver);
        h.failover.setSettings(settings(QStringLiteral("example.com"), 0,
                                        {address(QStringLiteral("backup"), 1999)}, Order::InOrder,
                                        true));
        QVERIFY(h.round());
        QVERIFY2(h.ready->isEmpty(), qPrintable(*h.ready));
        QCOMPARE(resolver->lookups(), strings({"_mqtt._tcp.example.com"}));
        QCOMPARE(hostPorts(h.failover.list().addresses()),
                 strings({"first.example.com:1883", "second.example.com:1884", "backup:1999"}));
        QCOMPARE(h.failover.list().current().source, Source::Srv);
        // The log shows the records as DNS gave them.
        QVERIFY2(h.logText().contains(QLatin1String("second.example.com.:1884 (priority 20, "
                                                    "weight 10)")),
                 qPrintable(h.logText()));
    }

    void srvOverTlsAsksTheSecureService()
    {
        Harness h;
        auto resolver = std::make_shared<FakeSrvResolver>();
        resolver->setRecords(QStringLiteral("_secure-mqtt._tcp.example.com"),
                             {{QStringLiteral("tls.example.com"), 8883, 0, 0}});
        h.failover.setResolver(resolver);
        ConnectionSettings s = settings(QStringLiteral("example.com"), 0, {}, Order::InOrder, true);
        s.transport.kind = Kind::Tls;
        h.failover.setSettings(s);
        QVERIFY(h.round());
        QCOMPARE(hostPorts(h.failover.list().addresses()), strings({"tls.example.com:8883"}));
        QCOMPARE(h.failover.list().current().kind, Kind::Tls);
    }

    void srvEmptyAnswerLeavesTheFallbacks()
    {
        Harness h;
        auto resolver = std::make_shared<FakeSrvResolver>();
        resolver->setRecords(QStringLiteral("_mqtt._tcp.example.com"), {});
        h.failover.setResolver(resolver);
        h.failover.setSettings(settings(QStringLiteral("example.com"), 0,
                                        {address(QStringLiteral("backup"), 1999)}, Order::InOrder,
                                        true));
        QVERIFY(h.round());
        QVERIFY(h.ready->isEmpty());
        QCOMPARE(hostPorts(h.failover.list().addresses()), strings({"backup:1999"}));
        QVERIFY2(h.logText().contains(QLatin1String("found no records")), qPrintable(h.logText()));

        // Without fallbacks the round has nothing to try, and says why.
        h.failover.setSettings(
            settings(QStringLiteral("example.com"), 0, {}, Order::InOrder, true));
        QVERIFY(h.round());
        QVERIFY2(h.ready->contains(QLatin1String("found no broker")), qPrintable(*h.ready));
        QVERIFY(h.failover.list().isEmpty());
    }

    void srvNxdomainIsAnErrorInWords()
    {
        Harness h;
        auto resolver = std::make_shared<FakeSrvResolver>(); // knows no name: NXDOMAIN
        h.failover.setResolver(resolver);
        h.failover.setSettings(
            settings(QStringLiteral("nowhere.example"), 0, {}, Order::InOrder, true));
        QVERIFY(h.round());
        QVERIFY2(h.ready->contains(QLatin1String("NXDOMAIN")), qPrintable(*h.ready));
        QVERIFY(h.failover.list().isEmpty());
        bool warned = false;
        for (const Logged &line : h.log)
            warned = warned || (line.level == LogLevel::Warning &&
                                line.text.contains(QLatin1String("_mqtt._tcp.nowhere.example")) &&
                                line.text.contains(QLatin1String("NXDOMAIN")));
        QVERIFY2(warned, qPrintable(h.logText()));
    }

    void cancelledLookupNeverAnswers()
    {
        Harness h;
        auto resolver = std::make_shared<FakeSrvResolver>();
        resolver->setRecords(QStringLiteral("_mqtt._tcp.example.com"),
                             {{QStringLiteral("b.example.com"), 1883, 0, 0}});
        h.failover.setResolver(resolver);
        h.failover.setSettings(
            settings(QStringLiteral("example.com"), 0, {}, Order::InOrder, true));
        bool called = false;
        h.failover.beginRound([&called](const QString &) { called = true; });
        QVERIFY(h.failover.isLookingUp());
        QVERIFY(h.failover.cancelLookup());
        QVERIFY(!h.failover.isLookingUp());
        // The fake answers in order on the event loop: once the next round's answer is in,
        // the cancelled one's would have come before it.
        QVERIFY(h.round());
        QVERIFY(h.ready->isEmpty());
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TstBrokerFailover)
#include "tst_broker_failover.moc"
