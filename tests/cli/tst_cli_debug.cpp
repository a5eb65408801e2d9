// mqttdesk-cli pub|sub -d against the real mosquitto: one line per packet on standard error,
// worded as mosquitto_pub -d and mosquitto_sub -d word them, each answer followed by its
// round-trip time ("rtt 0.41 ms") from the core PacketTrace; QoS 1 and 2 publishes, a QoS 2
// subscription receiving a message, and standard output left to the messages.
#include "tests/cli/cli_broker.h"
#include "tests/cli/cli_process.h"
#include "tests/fixture/mosquitto_pub.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

using namespace mqttdesk;

namespace {

QString failure(const CliProcess::Result &r)
{
    return QStringLiteral("exit %1\nout: %2\nerr: %3")
        .arg(r.exitCode)
        .arg(QString::fromLocal8Bit(r.out), QString::fromLocal8Bit(r.err));
}

QStringList lines(const QByteArray &text)
{
    return QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// The index of the first line from `from` on that matches `pattern` (anchored), or -1.
int find(const QStringList &lines, const QString &pattern, int from = 0)
{
    const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    for (int i = from; i < lines.size(); ++i) {
        if (re.match(lines.at(i)).hasMatch())
            return i;
    }
    return -1;
}

// Each pattern matches a line after the previous one's.
QString inOrder(const QStringList &lines, const QStringList &patterns)
{
    int at = 0;
    for (const QString &pattern : patterns) {
        const int found = find(lines, pattern, at);
        if (found < 0)
            return QStringLiteral("no line like /%1/ after line %2 in:\n%3")
                .arg(pattern)
                .arg(at)
                .arg(lines.join(QLatin1Char('\n')));
        at = found + 1;
    }
    return {};
}

const QString kRtt = QStringLiteral(" rtt \\d+\\.\\d\\d ms");

} // namespace

class TstCliDebug : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }
    void pubQos1();
    void pubQos2();
    void subQos2();
    void withoutDebugNothing();

private:
    CliBroker m_broker;
};

void TstCliDebug::pubQos1()
{
    const QString topic = m_broker.uniqueTopic("debug1");
    const CliProcess::Result r = CliProcess::run(
        QStringList{QStringLiteral("pub"), QStringLiteral("-d"), QStringLiteral("-V"),
                    QStringLiteral("mqttv5"), QStringLiteral("-i"), QStringLiteral("cli-dbg1"),
                    QStringLiteral("-t"), topic, QStringLiteral("-m"), QStringLiteral("hello"),
                    QStringLiteral("-q"), QStringLiteral("1")} +
        m_broker.connectArgs(CliBroker::Listener::Plain));
    QVERIFY2(r.exitCode == 0, qPrintable(failure(r)));
    QVERIFY(r.out.isEmpty());
    const QString t = QRegularExpression::escape(topic);
    const QString order = inOrder(
        lines(r.err),
        {QStringLiteral("Client cli-dbg1 sending CONNECT"),
         QStringLiteral("Client cli-dbg1 received CONNACK \\(0\\)") + kRtt,
         QStringLiteral("Client cli-dbg1 sending PUBLISH \\(d0, q1, r0, m1, '%1', \\.\\.\\. "
                        "\\(5 bytes\\)\\)")
             .arg(t),
         // 16: No matching subscribers (5.0), which mosquitto says when nobody listens.
         QStringLiteral("Client cli-dbg1 received PUBACK \\(Mid: 1, RC:(0|16)\\)") + kRtt,
         QStringLiteral("Client cli-dbg1 sending DISCONNECT")});
    QVERIFY2(order.isEmpty(), qPrintable(order));
    // A request's own line has no RTT; only answers do.
    QCOMPARE(find(lines(r.err), QStringLiteral(".*sending.* rtt .*")), -1);
}

void TstCliDebug::pubQos2()
{
    const QString topic = m_broker.uniqueTopic("debug2");
    const CliProcess::Result r = CliProcess::run(
        QStringList{QStringLiteral("pub"), QStringLiteral("--debug"), QStringLiteral("-i"),
                    QStringLiteral("cli-dbg2"), QStringLiteral("-t"), topic, QStringLiteral("-m"),
                    QStringLiteral("abc"), QStringLiteral("-q"), QStringLiteral("2"),
                    QStringLiteral("-r")} +
        m_broker.connectArgs(CliBroker::Listener::Plain));
    QVERIFY2(r.exitCode == 0, qPrintable(failure(r)));
    const QString order = inOrder(
        lines(r.err),
        {QStringLiteral("Client cli-dbg2 sending CONNECT"),
         QStringLiteral("Client cli-dbg2 sending PUBLISH \\(d0, q2, r1, m1, '%1', \\.\\.\\. "
                        "\\(3 bytes\\)\\)")
             .arg(QRegularExpression::escape(topic)),
         QStringLiteral("Client cli-dbg2 received PUBREC \\(Mid: 1\\)") + kRtt,
         QStringLiteral("Client cli-dbg2 sending PUBREL \\(m1\\)") + kRtt,
         QStringLiteral("Client cli-dbg2 received PUBCOMP \\(Mid: 1, RC:0\\)") + kRtt,
         QStringLiteral("Client cli-dbg2 sending DISCONNECT")});
    QVERIFY2(order.isEmpty(), qPrintable(order));
    // Clean up the retained message for other runs.
    QCOMPARE(MosquittoPub::publish(m_broker.port(CliBroker::Listener::Plain), topic, {},
                                   {QStringLiteral("-r")})
                 .exitCode,
             0);
}

void TstCliDebug::subQos2()
{
    const QString topic = m_broker.uniqueTopic("debugsub");
    QProcess sub;
    CliProcess::start(
        sub, QStringList{QStringLiteral("sub"), QStringLiteral("-d"), QStringLiteral("-V"),
                         QStringLiteral("mqttv5"), QStringLiteral("-i"), QStringLiteral("cli-dsub"),
                         QStringLiteral("-t"), topic, QStringLiteral("-q"), QStringLiteral("2")} +
                 m_broker.connectArgs(CliBroker::Listener::Plain));
    QVERIFY(sub.waitForStarted());
    QVERIFY(m_broker.waitSubscribed(QStringLiteral("cli-dsub"), topic, 2));
    QCOMPARE(MosquittoPub::publish(m_broker.port(CliBroker::Listener::Plain), topic, "world",
                                   {QStringLiteral("-q"), QStringLiteral("2")})
                 .exitCode,
             0);
    QByteArray err;
    // Our PUBCOMP ends the broker's QoS 2 exchange: read until it is printed.
    QTRY_VERIFY_WITH_TIMEOUT((err += sub.readAllStandardError()).contains("sending PUBCOMP"),
                             15000);
    ::kill(pid_t(sub.processId()), SIGINT);
    QVERIFY(sub.waitForFinished(15000));
    QCOMPARE(sub.exitCode(), 0);
    err += sub.readAllStandardError();
    QCOMPARE(sub.readAllStandardOutput(), QByteArray("world\n"));
    const QString t = QRegularExpression::escape(topic);
    const QString order = inOrder(
        lines(err),
        {QStringLiteral("Client cli-dsub sending CONNECT"),
         QStringLiteral("Client cli-dsub received CONNACK \\(0\\)") + kRtt,
         QStringLiteral("Client cli-dsub sending SUBSCRIBE \\(Mid: 1, Topic: %1, QoS: 2\\)").arg(t),
         QStringLiteral("Client cli-dsub received SUBACK \\(Mid: 1, RC:2\\)") + kRtt,
         QStringLiteral("Client cli-dsub received PUBLISH \\(d0, q2, r0, m\\d+, '%1', \\.\\.\\. "
                        "\\(5 bytes\\)\\)")
             .arg(t),
         QStringLiteral("Client cli-dsub sending PUBREC \\(m\\d+, rc0\\)") + kRtt,
         QStringLiteral("Client cli-dsub received PUBREL \\(Mid: \\d+\\)") + kRtt,
         QStringLiteral("Client cli-dsub sending PUBCOMP \\(m\\d+\\)") + kRtt,
         QStringLiteral("Client cli-dsub sending DISCONNECT")});
    QVERIFY2(order.isEmpty(), qPrintable(order));
}

void TstCliDebug::withoutDebugNothing()
{
    const QString topic = m_broker.uniqueTopic("nodebug");
    const CliProcess::Result r = CliProcess::run(
        QStringList{QStringLiteral("pub"), QStringLiteral("-t"), topic, QStringLiteral("-m"),
                    QStringLiteral("x"), QStringLiteral("-q"), QStringLiteral("1")} +
        m_broker.connectArgs(CliBroker::Listener::Plain));
    QVERIFY2(r.exitCode == 0, qPrintable(failure(r)));
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    // Only pub and sub take it.
    const CliProcess::Result conn =
        CliProcess::run(QStringList{QStringLiteral("conn"), QStringLiteral("-d")} +
                        m_broker.connectArgs(CliBroker::Listener::Plain));
    QCOMPARE(conn.exitCode, 1);
    QVERIFY2(conn.err.contains("-d"), conn.err.constData());
}

QTEST_GUILESS_MAIN(TstCliDebug)
#include "tst_cli_debug.moc"
