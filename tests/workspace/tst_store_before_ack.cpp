// Store before acknowledging, proven with a real kill: a subscriber (the app's receive
// path: Connection -> StoringMessageSink -> MessageWriter, in a child process) with a
// persistent session is killed with SIGKILL in the middle of a flood of numbered QoS 1
// messages, started again on the same history, and resumes its session. Afterwards the
// history holds every number exactly once: nothing acknowledged was lost (acks wait for
// the commit), and the redeliveries of messages stored but not yet acknowledged at the
// kill are recognised (DUP, packet id, topic and payload) and not stored twice.
//
// MQTTDESK_KILL_MESSAGES sets the flood size (default 20,000; scripts/bench-kill uses
// 100,000). The seed of the kill point is printed, MQTTDESK_KILL_SEED repeats one.
// MQTTDESK_KILL_ACK_AT_ONCE=1 acknowledges on arrival instead (the old behaviour): the
// figures are printed for scripts/bench-kill and nothing is asserted about them.

#include "core/storage/database.h"
#include "tests/connection/client_probe.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using V = ProtocolVersion;

Q_DECLARE_METATYPE(mqttdesk::ProtocolVersion)

namespace {

// The child process and what it printed.
class Subscriber
{
public:
    void start(const QStringList &args)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral(MQTTDESK_DURABLE_SUBSCRIBER), args);
    }
    bool started() { return m_process.waitForStarted(10000); }
    void read()
    {
        m_buffer += m_process.readAllStandardOutput();
        qsizetype end = 0;
        while ((end = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(end);
            m_buffer.remove(0, end + 1);
            if (line.startsWith("stored "))
                m_stored = qMax(m_stored, line.mid(7).toLongLong());
            else if (line.startsWith("skipped "))
                m_skipped = line.mid(8).toLongLong();
            else if (line == "subscribed")
                m_subscribed = true;
            else if (line == "resumed")
                m_resumed = true;
            else if (line.startsWith("error "))
                m_errors.append(QString::fromUtf8(line.mid(6)));
        }
    }
    qint64 stored()
    {
        read();
        return m_stored;
    }
    bool subscribed()
    {
        read();
        return m_subscribed;
    }
    bool resumed()
    {
        read();
        return m_resumed;
    }
    qint64 skipped()
    {
        read();
        return m_skipped;
    }
    QStringList errors()
    {
        read();
        return m_errors;
    }
    bool kill()
    {
        m_process.kill(); // SIGKILL
        return m_process.waitForFinished(10000);
    }

private:
    QProcess m_process;
    QByteArray m_buffer;
    qint64 m_stored = 0;
    qint64 m_skipped = 0;
    bool m_subscribed = false;
    bool m_resumed = false;
    QStringList m_errors;
};

struct HistoryCount
{
    qint64 rows = 0;
    qint64 distinct = 0;
};

HistoryCount countHistory(const QString &path)
{
    HistoryCount count;
    const QString name = QStringLiteral("count-%1").arg(QRandomGenerator::global()->generate());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(
                    QStringLiteral("SELECT count(*), count(DISTINCT payload) FROM messages")) &&
                query.next()) {
                count.rows = query.value(0).toLongLong();
                count.distinct = query.value(1).toLongLong();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

QSet<int> numbersIn(const QString &path)
{
    QSet<int> numbers;
    const QString name = QStringLiteral("numbers");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            query.exec(QStringLiteral("SELECT payload FROM messages"));
            while (query.next())
                numbers.insert(query.value(0).toByteArray().toInt());
        }
    }
    QSqlDatabase::removeDatabase(name);
    return numbers;
}

} // namespace

class TstStoreBeforeAck : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestBroker> m_broker;

private slots:
    void initTestCase()
    {
        m_broker = std::make_unique<TestBroker>();
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    }

    void killMidFloodLosesNothing_data()
    {
        QTest::addColumn<ProtocolVersion>("version");
        QTest::newRow("3.1.1") << V::V311;
        QTest::newRow("5.0") << V::V5;
    }
    void killMidFloodLosesNothing()
    {
        QFETCH(ProtocolVersion, version);
        const int total = qEnvironmentVariableIntValue("MQTTDESK_KILL_MESSAGES") > 0
                              ? qEnvironmentVariableIntValue("MQTTDESK_KILL_MESSAGES")
                              : 20000;
        const quint32 seed = qEnvironmentVariableIsSet("MQTTDESK_KILL_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("MQTTDESK_KILL_SEED"))
                                 : QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        const qint64 killAt = total / 5 + qint64(random.bounded(total * 3 / 10));
        qInfo("flood %d, kill after %lld stored (MQTTDESK_KILL_SEED=%u)", total,
              static_cast<long long>(killAt), seed);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        const QString clientId = TestSettings::uniqueClientId(QStringLiteral("kill"));
        const QString topic = QStringLiteral("kill/") + clientId;
        const bool ackAtOnce = qEnvironmentVariableIntValue("MQTTDESK_KILL_ACK_AT_ONCE") == 1;
        QStringList args{path, QString::number(m_broker->port(TestBroker::Listener::Plain)),
                         clientId, topic + QStringLiteral("/#"),
                         version == V::V5 ? QStringLiteral("5") : QStringLiteral("4")};
        if (ackAtOnce)
            args.append(QStringLiteral("--ack-at-once"));

        Subscriber first;
        first.start(args);
        QVERIFY(first.started());
        QTRY_VERIFY2_WITH_TIMEOUT(first.subscribed(),
                                  qPrintable(first.errors().join(QLatin1Char('\n'))), 15000);

        ClientProbe publisher(
            TestSettings::forListener(*m_broker, TestBroker::Listener::Plain, version));
        QVERIFY2(publisher.connectAndWait(), publisher.describe());
        QList<quint64> tokens;
        tokens.reserve(total);
        for (int i = 0; i < total; ++i) {
            PublishPacket p;
            p.topic = topic + QStringLiteral("/n");
            p.payload = QByteArray::number(i);
            p.qos = QoS::AtLeastOnce;
            tokens.append(publisher.publish(p));
        }
        QElapsedTimer clock;
        clock.start();
        QTRY_VERIFY_WITH_TIMEOUT(first.stored() >= killAt, 120000);
        const qint64 toKillMs = clock.elapsed();
        QVERIFY(first.kill());
        const qint64 storedBeforeKill = first.stored();
        clock.restart();
        for (quint64 token : tokens) {
            const auto outcome = publisher.waitForOutcome(token, 60000);
            if (!outcome || outcome->error) // describe() only then: it is not cheap
                QFAIL(publisher.describe().constData());
        }

        qInfo("publisher done %lld ms after the kill", static_cast<long long>(clock.elapsed()));
        // The app again, on the same history: resumes and gets what the broker kept.
        Subscriber second;
        second.start(args);
        QVERIFY(second.started());
        QTRY_VERIFY2_WITH_TIMEOUT(second.resumed(),
                                  qPrintable(second.errors().join(QLatin1Char('\n'))), 15000);
        clock.restart();
        if (ackAtOnce) // messages may be lost: wait for the drain, not for all of them
            (void)QTest::qWaitFor([&] { return countHistory(path).distinct >= total; }, 20000);
        else
            QTRY_VERIFY_WITH_TIMEOUT(countHistory(path).distinct >= total, 180000);
        qInfo("%lld stored in %lld ms before the kill; the rest %lld ms after the restart",
              static_cast<long long>(killAt), static_cast<long long>(toKillMs),
              static_cast<long long>(clock.elapsed()));
        // Let a late duplicate show, if there were one: wait for the redeliveries the
        // broker had in flight to settle (the count stays put across one more commit).
        const qint64 storedNow = second.stored();
        QVERIFY(second.kill());
        QVERIFY(storedNow > 0);

        const HistoryCount count = countHistory(path);
        const QSet<int> numbers = numbersIn(path);
        qsizetype missing = 0;
        for (int i = 0; i < total; ++i)
            missing += numbers.contains(i) ? 0 : 1;
        qInfo("stored before the kill: %lld; after restart: rows %lld, distinct %lld, "
              "missing %lld, duplicates %lld, redeliveries recognised %lld",
              static_cast<long long>(storedBeforeKill), static_cast<long long>(count.rows),
              static_cast<long long>(count.distinct), static_cast<long long>(missing),
              static_cast<long long>(count.rows - count.distinct),
              static_cast<long long>(second.skipped()));
        if (ackAtOnce)
            return;
        QCOMPARE(missing, 0);
        QCOMPARE(count.distinct, qint64(total));
        QCOMPARE(count.rows, qint64(total)); // every number exactly once
        QVERIFY2(second.errors().isEmpty(), qPrintable(second.errors().join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TstStoreBeforeAck)
#include "tst_store_before_ack.moc"
