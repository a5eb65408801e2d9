#include "core/retained/retained_clearer.h"
#include "core/retained/retained_collector.h"
#include "tests/retained/retained_test_broker.h"

#include <QTest>

using namespace mqttdesk;

class TstRetainedClearer : public QObject
{
    Q_OBJECT
private slots:
    void clearsFifty_data();
    void clearsFifty();
};

namespace {

std::optional<RetainedSnapshot> collect(Connection *connection, ProtocolVersion version,
                                        const QString &filter)
{
    RetainedCollector collector(connection);
    std::optional<RetainedSnapshot> snapshot;
    bool failed = false;
    QObject::connect(&collector, &RetainedCollector::finished,
                     [&](const RetainedSnapshot &s) { snapshot = s; });
    QObject::connect(&collector, &RetainedCollector::failed,
                     [&](const QString &) { failed = true; });
    RetainedCollector::Options options;
    options.filter = filter;
    options.version = version;
    options.quietMs = 300;
    collector.start(options);
    if (!QTest::qWaitFor([&] { return snapshot.has_value() || failed; }, 30000))
        return std::nullopt;
    return snapshot;
}

} // namespace

void TstRetainedClearer::clearsFifty_data()
{
    QTest::addColumn<ProtocolVersion>("version");
    QTest::addColumn<QoS>("qos");
    QTest::addColumn<int>("inFlight");
    QTest::newRow("3.1.1 qos 1") << ProtocolVersion::V311 << QoS::AtLeastOnce << 8;
    QTest::newRow("5.0 qos 0") << ProtocolVersion::V5 << QoS::AtMostOnce << 64;
    QTest::newRow("5.0 qos 2") << ProtocolVersion::V5 << QoS::ExactlyOnce << 5;
}

void TstRetainedClearer::clearsFifty()
{
    QFETCH(ProtocolVersion, version);
    QFETCH(QoS, qos);
    QFETCH(int, inFlight);
    TestBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    const quint16 port = broker.port(TestBroker::Listener::Plain);
    QVERIFY(publishRetained(port, QStringLiteral("clr/"), 50));
    QVERIFY(publishRetained(port, QStringLiteral("keep/"), 2));

    auto thread = connectedThread(port, version);
    QVERIFY(thread);
    Connection *connection = thread->connection();
    const auto before = collect(connection, version, QStringLiteral("clr/#"));
    QVERIFY(before);
    QCOMPARE(before->topics.size(), 50);

    RetainedClearer clearer(connection);
    clearer.setMaxInFlight(inFlight);
    std::optional<RetainedClearer::Result> result;
    QList<QPair<int, int>> progress;
    connect(&clearer, &RetainedClearer::finished, this,
            [&](const RetainedClearer::Result &r) { result = r; });
    connect(&clearer, &RetainedClearer::progress, this, [&](int done, int total) {
        progress.append({done, total});
    });
    clearer.start(before->topics.keys(), qos);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
    QCOMPARE(result->total, 50);
    QCOMPARE(result->cleared, 50);
    QVERIFY(result->failures.isEmpty());
    QCOMPARE(progress.size(), 50);
    QCOMPARE(progress.last(), qMakePair(50, 50));
    QVERIFY(!clearer.isRunning());

    // A fresh look, on a connection of its own: nothing retained under clr/, keep/ intact.
    auto fresh = connectedThread(port, version);
    QVERIFY(fresh);
    const auto after = collect(fresh->connection(), version, QStringLiteral("#"));
    QVERIFY(after);
    QCOMPARE(after->topics.keys(),
             (QStringList{QStringLiteral("keep/0"), QStringLiteral("keep/1")}));
}

QTEST_GUILESS_MAIN(TstRetainedClearer)
#include "tst_retained_clearer.moc"
