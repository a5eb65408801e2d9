#include "core/retained/retained_diff.h"
#include "core/retained/retained_snapshot_taker.h"
#include "tests/retained/retained_test_broker.h"

#include <QTcpServer>
#include <QTest>

using namespace mqttdesk;

// RetainedSnapshotTaker against the real broker: a snapshot over a connection of its own,
// which leaves the user's connection, its client id and its subscriptions alone; two
// snapshots diffed after a change; a named error when the broker cannot be reached.
class TstRetainedSnapshotTaker : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void snapshotLeavesTheUserConnectionAlone_data();
    void snapshotLeavesTheUserConnectionAlone();
    void twoSnapshotsDiffAfterAChange();
    void unreachableBrokerFails();

private:
    std::optional<RetainedSnapshot> take(const ConnectionSettings &settings, const QString &filter,
                                         QString *error = nullptr);
    ConnectionSettings settings(ProtocolVersion version) const
    {
        ConnectionSettings s;
        s.transport.port = m_port;
        s.session.version = version;
        s.session.clientId = QStringLiteral("user-client");
        return s;
    }
    TestBroker m_broker;
    quint16 m_port = 0;
};

void TstRetainedSnapshotTaker::initTestCase()
{
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
    m_port = m_broker.port(TestBroker::Listener::Plain);
    QVERIFY(publishRetained(m_port, QStringLiteral("snap/a/"), 20));
    QVERIFY(publishRetained(m_port, QStringLiteral("outside/"), 2));
}

std::optional<RetainedSnapshot> TstRetainedSnapshotTaker::take(const ConnectionSettings &settings,
                                                               const QString &filter,
                                                               QString *error)
{
    RetainedSnapshotTaker taker;
    QSignalSpy finished(&taker, &RetainedSnapshotTaker::finished);
    QSignalSpy failed(&taker, &RetainedSnapshotTaker::failed);
    RetainedSnapshotTaker::Options options;
    options.filter = filter;
    options.name = QStringLiteral("test");
    options.quietMs = 300;
    taker.start(settings, options);
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 20000))
        return std::nullopt;
    if (!failed.isEmpty()) {
        if (error)
            *error = failed.at(0).at(0).toString();
        return std::nullopt;
    }
    return finished.at(0).at(0).value<RetainedSnapshot>();
}

void TstRetainedSnapshotTaker::snapshotLeavesTheUserConnectionAlone_data()
{
    QTest::addColumn<ProtocolVersion>("version");
    QTest::newRow("3.1.1") << ProtocolVersion::V311;
    QTest::newRow("5.0") << ProtocolVersion::V5;
}

void TstRetainedSnapshotTaker::snapshotLeavesTheUserConnectionAlone()
{
    QFETCH(ProtocolVersion, version);
    // The user's connection, subscribed to the very filter the snapshot takes.
    ConnectionThread user(settings(version));
    Connection *connection = user.connection();
    QSignalSpy connected(connection, &Connection::connected);
    connection->connectToBroker();
    QVERIFY(!connected.isEmpty() || connected.wait(15000));
    int received = 0;
    // Queued from the connection's thread: a batch still on its way at the end of the test
    // goes with `context` instead of reaching this local later.
    QObject context;
    connect(connection, &Connection::messagesReceived, &context,
            [&](const MessageBatch &batch) { received += int(batch.size()); });
    Subscription sub;
    sub.filter = QStringLiteral("snap/#");
    connection->subscribe({sub}, std::nullopt);
    QTRY_COMPARE_WITH_TIMEOUT(received, 20, 15000);

    QString error;
    const std::optional<RetainedSnapshot> snapshot =
        take(settings(version), QStringLiteral("snap/#"), &error);
    QVERIFY2(snapshot, qPrintable(error));
    QCOMPARE(snapshot->topics.size(), 20);
    QCOMPARE(snapshot->topics.value(QStringLiteral("snap/a/7")).payload, QByteArray("value-7"));
    QCOMPARE(snapshot->filter, QStringLiteral("snap/#"));
    QCOMPARE(snapshot->broker, QStringLiteral("127.0.0.1:%1").arg(m_port));

    // The user's connection is still up (its client id was not taken over), received none
    // of the snapshot's retained messages, and its subscription still works.
    QCOMPARE(connection->state(), SessionState::Connected);
    QCOMPARE(received, 20);
    QVERIFY(MosquittoPub::publish(m_port, QStringLiteral("snap/live"), "x").exitCode == 0);
    QTRY_COMPARE_WITH_TIMEOUT(received, 21, 15000);
}

void TstRetainedSnapshotTaker::twoSnapshotsDiffAfterAChange()
{
    const auto before = take(settings(ProtocolVersion::V5), QStringLiteral("diff/#"));
    QVERIFY(before);
    QCOMPARE(before->topics.size(), 0);
    QVERIFY(publishRetained(m_port, QStringLiteral("diff/"), 3)); // diff/0 diff/1 diff/2
    const auto middle = take(settings(ProtocolVersion::V5), QStringLiteral("diff/#"));
    QVERIFY(middle);
    QCOMPARE(middle->topics.size(), 3);

    // One added, one removed (cleared), one changed.
    QCOMPARE(MosquittoPub::publish(m_port, QStringLiteral("diff/3"), "new", {QStringLiteral("-r")})
                 .exitCode,
             0);
    QCOMPARE(
        MosquittoPub::run({QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                           QString::number(m_port), QStringLiteral("-t"), QStringLiteral("diff/0"),
                           QStringLiteral("-r"), QStringLiteral("-n")})
            .exitCode,
        0);
    QCOMPARE(
        MosquittoPub::publish(m_port, QStringLiteral("diff/1"), "changed", {QStringLiteral("-r")})
            .exitCode,
        0);
    const auto after = take(settings(ProtocolVersion::V311), QStringLiteral("diff/#"));
    QVERIFY(after);
    const RetainedDiff diff = RetainedDiff::compare(*middle, *after);
    QCOMPARE(diff.changes.size(), 3);
    QCOMPARE(diff.changes[0].topic, QStringLiteral("diff/0"));
    QCOMPARE(diff.changes[0].kind, RetainedChange::Kind::Removed);
    QCOMPARE(diff.changes[1].topic, QStringLiteral("diff/1"));
    QCOMPARE(diff.changes[1].kind, RetainedChange::Kind::Changed);
    QCOMPARE(diff.changes[2].topic, QStringLiteral("diff/3"));
    QCOMPARE(diff.changes[2].kind, RetainedChange::Kind::Added);
    QCOMPARE(diff.unchanged, 1);
}

void TstRetainedSnapshotTaker::unreachableBrokerFails()
{
    ConnectionSettings s = settings(ProtocolVersion::V311);
    QTcpServer probe; // a port nobody listens on any more
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    s.transport.port = probe.serverPort();
    probe.close();
    QString error;
    QVERIFY(!take(s, QStringLiteral("#"), &error));
    QVERIFY2(!error.isEmpty(), "a reason is named");
}

QTEST_GUILESS_MAIN(TstRetainedSnapshotTaker)
#include "tst_retained_snapshot_taker.moc"
