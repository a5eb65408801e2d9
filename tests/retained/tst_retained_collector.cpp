#include "core/retained/retained_collector.h"
#include "tests/retained/retained_test_broker.h"

#include <QTest>

using namespace mqttdesk;

class TstRetainedCollector : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void collectsExactlyTheRetained_data();
    void collectsExactlyTheRetained();
    void emptyFilterResult();

private:
    TestBroker m_broker;
    quint16 m_port = 0;
};

void TstRetainedCollector::initTestCase()
{
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
    m_port = m_broker.port(TestBroker::Listener::Plain);
    QVERIFY(publishRetained(m_port, QStringLiteral("ret/"), 50));
    // Retained outside the filter: must not appear.
    QVERIFY(publishRetained(m_port, QStringLiteral("other/"), 3));
}

void TstRetainedCollector::collectsExactlyTheRetained_data()
{
    QTest::addColumn<ProtocolVersion>("version");
    QTest::newRow("3.1.1") << ProtocolVersion::V311;
    QTest::newRow("5.0") << ProtocolVersion::V5;
}

void TstRetainedCollector::collectsExactlyTheRetained()
{
    QFETCH(ProtocolVersion, version);
    auto thread = connectedThread(m_port, version);
    QVERIFY(thread);
    Connection *connection = thread->connection();

    // The user's own subscription on the same connection, to everything: its messages
    // (the retained ones of other/ included) must not mix into the collection.
    int userMessages = 0;
    // Queued from the connection's thread: a batch still on its way at the end of the test
    // goes with `context` instead of reaching this local later.
    QObject context;
    connect(connection, &Connection::messagesReceived, &context,
            [&](const MessageBatch &batch) { userMessages += int(batch.size()); });
    Subscription everything;
    everything.filter = QStringLiteral("#");
    connection->subscribe({everything}, version == ProtocolVersion::V5 ? std::optional<quint32>(7)
                                                                       : std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(userMessages >= 53, 15000);

    RetainedCollector collector(connection);
    std::optional<RetainedSnapshot> snapshot;
    QString error;
    QList<int> progress;
    connect(&collector, &RetainedCollector::finished, this,
            [&](const RetainedSnapshot &s) { snapshot = s; });
    connect(&collector, &RetainedCollector::failed, this, [&](const QString &e) { error = e; });
    connect(&collector, &RetainedCollector::progress, this, [&](int n) { progress.append(n); });
    RetainedCollector::Options options;
    options.filter = QStringLiteral("ret/#");
    options.version = version;
    options.quietMs = 500;
    options.name = QStringLiteral("test");
    options.broker = QStringLiteral("127.0.0.1:%1").arg(m_port);
    collector.start(options);
    // Live (not retained) messages while collecting: under the filter, new and existing topics.
    QCOMPARE(MosquittoPub::publish(m_port, QStringLiteral("ret/live"), "live").exitCode, 0);
    QCOMPARE(MosquittoPub::publish(m_port, QStringLiteral("ret/0"), "live-0").exitCode, 0);

    QTRY_VERIFY_WITH_TIMEOUT(snapshot || !error.isEmpty(), 30000);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(snapshot->topics.size(), 50);
    for (int i = 0; i < 50; ++i) {
        const QString topic = QStringLiteral("ret/%1").arg(i);
        QVERIFY2(snapshot->topics.contains(topic), qPrintable(topic));
        QCOMPARE(snapshot->topics.value(topic).payload, "value-" + QByteArray::number(i));
        QCOMPARE(snapshot->topics.value(topic).qos, QoS::AtLeastOnce);
    }
    QCOMPARE(snapshot->filter, QStringLiteral("ret/#"));
    QCOMPARE(snapshot->name, QStringLiteral("test"));
    QVERIFY(snapshot->takenAt.isValid());
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last(), 50);
    QVERIFY(!collector.isRunning());

    // The retained value of ret/0 is still the retained one (the live publish did not
    // replace it); restore nothing else.
    connection->disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), SessionState::Disconnected, 10000);
}

void TstRetainedCollector::emptyFilterResult()
{
    auto thread = connectedThread(m_port, ProtocolVersion::V5);
    QVERIFY(thread);
    RetainedCollector collector(thread->connection());
    std::optional<RetainedSnapshot> snapshot;
    connect(&collector, &RetainedCollector::finished, this,
            [&](const RetainedSnapshot &s) { snapshot = s; });
    RetainedCollector::Options options;
    options.filter = QStringLiteral("nothing/here/#");
    options.version = ProtocolVersion::V5;
    options.quietMs = 200;
    collector.start(options);
    QTRY_VERIFY_WITH_TIMEOUT(snapshot.has_value(), 10000);
    QVERIFY(snapshot->topics.isEmpty());
}

QTEST_GUILESS_MAIN(TstRetainedCollector)
#include "tst_retained_collector.moc"
