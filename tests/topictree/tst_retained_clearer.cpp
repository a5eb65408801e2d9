// RetainedClearer against the real mosquitto fixture: 50 retained topics cleared at QoS 1 and
// a fresh subscriber gets none of them any more; an invalid topic is a named failure and the
// others are still cleared; cancel stops what was not sent and reports what was.
#include "core/connection/connection.h"
#include "core/connection/connection_thread.h"
#include "core/retained/retained_clearer.h"
#include "tests/fixture/mosquitto_pub.h"
#include "tests/fixture/mosquitto_sub.h"
#include "tests/fixture/test_broker.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace mqttdesk;

namespace {
constexpr int kWait = 20000;
}

class TestRetainedClearer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void clearsAndTheBrokerKeepsNone_data();
    void clearsAndTheBrokerKeepsNone();
    void invalidTopicIsANamedFailure();
    void cancelStopsWhatIsNotSent();

private:
    QStringList publishRetained(const QString &prefix, int count);
    QStringList retainedUnder(const QString &prefix);

    TestBroker m_broker;
    std::unique_ptr<ConnectionThread> m_thread;
};

void TestRetainedClearer::initTestCase()
{
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

void TestRetainedClearer::cleanupTestCase()
{
    m_broker.stop();
}

void TestRetainedClearer::init()
{
    ConnectionSettings s;
    s.transport.kind = TransportOptions::Kind::Tcp;
    s.transport.host = QStringLiteral("127.0.0.1");
    s.transport.port = m_broker.port(TestBroker::Listener::Plain);
    s.session.version = ProtocolVersion::V5;
    s.session.clientId =
        QStringLiteral("clearer-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    s.session.reconnect.enabled = false;
    m_thread = std::make_unique<ConnectionThread>(s);
    m_thread->connection()->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(m_thread->connection()->state(), SessionState::Connected, kWait);
}

void TestRetainedClearer::cleanup()
{
    m_thread.reset();
}

QStringList TestRetainedClearer::publishRetained(const QString &prefix, int count)
{
    // One mosquitto_pub reads the messages line by line: -l publishes each line to the topic,
    // so each topic gets its own run.
    QStringList topics;
    for (int i = 0; i < count; ++i) {
        const QString topic = QStringLiteral("%1/%2").arg(prefix).arg(i);
        if (MosquittoPub::publish(m_broker.port(TestBroker::Listener::Plain), topic, "kept",
                                  {QStringLiteral("-r"), QStringLiteral("-q"), QStringLiteral("1")})
                .exitCode != 0)
            return {};
        topics << topic;
    }
    return topics;
}

QStringList TestRetainedClearer::retainedUnder(const QString &prefix)
{
    // Retained messages come right after SUBACK, before anything published later: a live
    // sentinel ends the wait.
    MosquittoSub sub;
    if (!sub.start(m_broker.port(TestBroker::Listener::Plain), prefix + QStringLiteral("/#")))
        return {QStringLiteral("mosquitto_sub did not start")};
    const QString sentinel = prefix + QStringLiteral("/sentinel");
    MosquittoPub::publish(m_broker.port(TestBroker::Listener::Plain), sentinel, "live");
    const bool seen = QTest::qWaitFor(
        [&] {
            for (const auto &m : sub.messages())
                if (m.topic == sentinel)
                    return true;
            return false;
        },
        kWait);
    if (!seen)
        return {QStringLiteral("no sentinel")};
    QStringList retained;
    for (const auto &m : sub.messages())
        if (m.topic != sentinel)
            retained << m.topic;
    return retained;
}

void TestRetainedClearer::clearsAndTheBrokerKeepsNone_data()
{
    QTest::addColumn<int>("qos");
    QTest::newRow("QoS 0") << 0;
    QTest::newRow("QoS 1") << 1;
    QTest::newRow("QoS 2") << 2;
}

void TestRetainedClearer::clearsAndTheBrokerKeepsNone()
{
    QFETCH(int, qos);
    const QString prefix = QStringLiteral("clear%1").arg(qos);
    const QStringList topics = publishRetained(prefix, 50);
    QCOMPARE(topics.size(), 50);
    QCOMPARE(retainedUnder(prefix).size(), 50);
    RetainedClearer clearer(m_thread->connection());
    QSignalSpy progress(&clearer, &RetainedClearer::progress);
    QSignalSpy finished(&clearer, &RetainedClearer::finished);
    clearer.start(topics, quint8(qos));
    QVERIFY(finished.wait(kWait));
    const auto result = finished.first().at(0).value<RetainedClearer::Result>();
    QCOMPARE(result.cleared, 50);
    QCOMPARE(result.total, 50);
    QVERIFY(result.failures.isEmpty());
    QVERIFY(!result.canceled);
    QCOMPARE(progress.size(), 50);
    QCOMPARE(progress.last().at(0).toInt(), 50);
    QCOMPARE(retainedUnder(prefix), QStringList());
}

void TestRetainedClearer::invalidTopicIsANamedFailure()
{
    const QStringList topics = publishRetained(QStringLiteral("mixed"), 3);
    RetainedClearer clearer(m_thread->connection());
    QSignalSpy finished(&clearer, &RetainedClearer::finished);
    clearer.start(topics + QStringList{QStringLiteral("bad/+/topic")}, 1);
    QVERIFY(finished.wait(kWait));
    const auto result = finished.first().at(0).value<RetainedClearer::Result>();
    QCOMPARE(result.cleared, 3);
    QCOMPARE(result.failures.size(), 1);
    QCOMPARE(result.failures[0].topic, QStringLiteral("bad/+/topic"));
    QVERIFY(!result.failures[0].reason.isEmpty());
    QCOMPARE(retainedUnder(QStringLiteral("mixed")), QStringList());
}

void TestRetainedClearer::cancelStopsWhatIsNotSent()
{
    QStringList topics;
    for (int i = 0; i < 200; ++i)
        topics << QStringLiteral("never-retained/%1").arg(i);
    RetainedClearer clearer(m_thread->connection());
    QSignalSpy finished(&clearer, &RetainedClearer::finished);
    clearer.start(topics, 1);
    clearer.cancel(); // RetainedClearer::kInFlight were handed to the connection already
    QVERIFY(finished.wait(kWait));
    const auto result = finished.first().at(0).value<RetainedClearer::Result>();
    QVERIFY(result.canceled);
    QCOMPARE(result.cleared, RetainedClearer::kInFlight);
    QCOMPARE(result.total, 200);
    QVERIFY(!clearer.isRunning());
}

QTEST_GUILESS_MAIN(TestRetainedClearer)
#include "tst_retained_clearer.moc"
