#include "tests/cli/cli_broker.h"
#include "tests/cli/cli_process.h"
#include "tests/fixture/mosquitto_sub.h"

#include <QRegularExpression>
#include <QTest>

using namespace mqttdesk;

using Listener = TestBroker::Listener;

// bench pub|sub|conn against the real broker: what they send arrives, and what they print
// (a live line each second, a summary with msg/s, latency percentiles and errors).
class TstCliBench : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void benchPub_data();
    void benchPub();
    void benchPubPrintsLiveLines();
    void benchSub();
    void benchConn();

private:
    QStringList plain() const { return m_broker.connectArgs(Listener::Plain); }

    CliBroker m_broker;
};

namespace {

// "Summary: 100 messages published in 0.412 s: 243 msg/s, 0 errors"
const QRegularExpression kSummary(
    QStringLiteral("Summary: (\\d+) messages (\\w+) in [0-9.]+ s: (\\d+) msg/s, (\\d+) errors\\n"));
// "QoS 1 round-trip latency: p50 0.512 ms, p90 0.9 ms, p99 1.2 ms, max 3.1 ms (100 samples)"
const QRegularExpression kLatency(
    QStringLiteral("(.+) latency: p50 [0-9.]+ ms, p90 [0-9.]+ ms, p99 [0-9.]+ ms, max [0-9.]+ ms "
                   "\\((\\d+) samples\\)\\n"));
// "1.0 s  85210 msg/s  1022520 messages published  0 errors"
const QRegularExpression
    kLive(QStringLiteral("(?m)^[0-9.]+ s  \\d+ msg/s  \\d+ messages \\w+  \\d+ errors$"));

} // namespace

void TstCliBench::initTestCase()
{
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

void TstCliBench::cleanupTestCase()
{
    m_broker.stop();
}

void TstCliBench::benchPub_data()
{
    QTest::addColumn<int>("qos");
    QTest::addColumn<QString>("version");
    // Arrays, not pointers: at -O3 GCC cannot see that pointers from an initializer_list are
    // never null and fails the build with -Werror=format-overflow on addRow's %s.
    static constexpr char kVersions[][9] = {"mqttv311", "mqttv5"};
    for (const auto &version : kVersions) {
        for (int qos = 0; qos < 3; ++qos)
            QTest::addRow("qos %d %s", qos, version) << qos << QString::fromLatin1(version);
    }
}

void TstCliBench::benchPub()
{
    QFETCH(int, qos);
    QFETCH(QString, version);
    const int clients = 3;
    const int perClient = 40;
    const QString base = m_broker.uniqueTopic("bench-pub");
    MosquittoSub receiver;
    QVERIFY(receiver.start(m_broker.port(Listener::Plain), base + QStringLiteral("/#"),
                           {QStringLiteral("-q"), QStringLiteral("2")}));
    const CliProcess::Result r = CliProcess::run(
        QStringList{QStringLiteral("bench"), QStringLiteral("pub"), QStringLiteral("-t"),
                    base + QStringLiteral("/%c"), QStringLiteral("--clients"),
                    QString::number(clients), QStringLiteral("-C"), QString::number(perClient),
                    QStringLiteral("-q"), QString::number(qos), QStringLiteral("-S"),
                    QStringLiteral("64"), QStringLiteral("-i"),
                    QStringLiteral("cli-bench-pub-q%1-%2-").arg(qos).arg(version),
                    QStringLiteral("-V"), version} +
        plain());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    const QString out = QString::fromUtf8(r.out);
    const QRegularExpressionMatch summary = kSummary.match(out);
    QVERIFY2(summary.hasMatch(), qPrintable(out));
    QCOMPARE(summary.captured(1).toInt(), clients * perClient);
    QCOMPARE(summary.captured(2), QStringLiteral("published"));
    QCOMPARE(summary.captured(4).toInt(), 0);
    const QRegularExpressionMatch latency = kLatency.match(out);
    if (qos == 0) {
        QVERIFY2(!latency.hasMatch(), qPrintable(out)); // nothing comes back at QoS 0
    } else {
        QVERIFY2(latency.hasMatch(), qPrintable(out));
        QCOMPARE(latency.captured(1), QStringLiteral("QoS %1 round-trip").arg(qos));
        QCOMPARE(latency.captured(2).toInt(), clients * perClient);
    }

    // Every message reached the broker, on the topic of its client, with the payload size.
    QVERIFY(receiver.waitForMessages(clients * perClient, 30000));
    QList<int> perTopic(clients, 0);
    for (const MosquittoSub::Message &m : receiver.messages()) {
        QCOMPARE(m.payload.size(), 64);
        const int client = m.topic.section(QLatin1Char('/'), -1).toInt();
        QVERIFY2(client >= 0 && client < clients, qPrintable(m.topic));
        ++perTopic[client];
    }
    QCOMPARE(perTopic, QList<int>(clients, perClient));
}

void TstCliBench::benchPubPrintsLiveLines()
{
    // 20 messages a second for 40 messages: at least two seconds, so at least one live line.
    const CliProcess::Result r = CliProcess::run(
        QStringList{QStringLiteral("bench"), QStringLiteral("pub"), QStringLiteral("-t"),
                    m_broker.uniqueTopic("bench-live"), QStringLiteral("-C"), QStringLiteral("40"),
                    QStringLiteral("--rate"), QStringLiteral("20"), QStringLiteral("-q"),
                    QStringLiteral("1")} +
        plain());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(kLive.match(out).hasMatch(), qPrintable(out));
    const QRegularExpressionMatch summary = kSummary.match(out);
    QVERIFY2(summary.hasMatch(), qPrintable(out));
    QCOMPARE(summary.captured(1).toInt(), 40);
    // The live lines come before the summary.
    QVERIFY(kLive.match(out).capturedStart() < summary.capturedStart());
}

void TstCliBench::benchSub()
{
    const int clients = 3;
    const int messages = 15;
    const QString topic = m_broker.uniqueTopic("bench-sub");
    const QString prefix = QStringLiteral("cli-bench-sub-");
    const qsizetype from = m_broker.logSize();
    QProcess bench;
    CliProcess::start(bench, QStringList{QStringLiteral("bench"), QStringLiteral("sub"),
                                         QStringLiteral("-t"), topic, QStringLiteral("--clients"),
                                         QString::number(clients), QStringLiteral("-C"),
                                         QString::number(clients * messages), QStringLiteral("-q"),
                                         QStringLiteral("1"), QStringLiteral("-i"), prefix} +
                                 plain());
    QVERIFY(bench.waitForStarted());
    for (int i = 0; i < clients; ++i)
        QVERIFY(m_broker.waitSubscribed(prefix + QString::number(i), topic, 1, from));
    const CliProcess::Result p = CliProcess::run(
        QStringList{QStringLiteral("pub"), QStringLiteral("-t"), topic, QStringLiteral("-m"),
                    QStringLiteral("load"), QStringLiteral("-q"), QStringLiteral("1"),
                    QStringLiteral("--repeat"), QString::number(messages)} +
        plain());
    QVERIFY2(p.exitCode == 0, p.err.constData());
    QVERIFY(bench.waitForFinished(30000));
    QCOMPARE(bench.exitCode(), 0);
    const QString out = QString::fromUtf8(bench.readAllStandardOutput());
    const QRegularExpressionMatch summary = kSummary.match(out);
    QVERIFY2(summary.hasMatch(), qPrintable(out));
    QCOMPARE(summary.captured(1).toInt(), clients * messages);
    QCOMPARE(summary.captured(2), QStringLiteral("received"));
    QCOMPARE(summary.captured(4).toInt(), 0);
}

void TstCliBench::benchConn()
{
    const int clients = 5;
    const qsizetype from = m_broker.logSize();
    const CliProcess::Result r = CliProcess::run(
        QStringList{QStringLiteral("bench"), QStringLiteral("conn"), QStringLiteral("--clients"),
                    QString::number(clients), QStringLiteral("--interval"), QStringLiteral("10"),
                    QStringLiteral("-i"), QStringLiteral("cli-bench-conn-"), QStringLiteral("-V"),
                    QStringLiteral("5")} +
        plain());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString out = QString::fromUtf8(r.out);
    const QRegularExpressionMatch summary = kSummary.match(out);
    QVERIFY2(summary.hasMatch(), qPrintable(out));
    QCOMPARE(summary.captured(1).toInt(), clients);
    QCOMPARE(summary.captured(2), QStringLiteral("connected"));
    QCOMPARE(summary.captured(4).toInt(), 0);
    const QRegularExpressionMatch latency = kLatency.match(out);
    QVERIFY2(latency.hasMatch(), qPrintable(out));
    QCOMPARE(latency.captured(1), QStringLiteral("Connect"));
    QCOMPARE(latency.captured(2).toInt(), clients);
    // Each client really connected, and said goodbye.
    for (int i = 0; i < clients; ++i) {
        const QByteArray id = "cli-bench-conn-" + QByteArray::number(i);
        QVERIFY2(m_broker.broker().waitForLog(" as " + id + " (p5", 10000, from), id.constData());
        QVERIFY2(m_broker.broker().waitForLog("Client " + id + " disconnected", 10000, from),
                 id.constData());
    }
}

QTEST_GUILESS_MAIN(TstCliBench)
#include "tst_cli_bench.moc"
