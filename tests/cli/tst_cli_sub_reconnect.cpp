// mqttdesk-cli sub --reconnect against a real mosquitto (persistence true) that is killed
// (SIGKILL) and started again: with a persistent session (3.1.1 clean session 0, 5.0 session
// expiry) the QoS 1 messages published while it was away all arrive after the reconnection,
// -C counts over both connections, and stderr names the loss and the reconnection; a clean
// session is subscribed again by the session itself after Session Present 0. -W still
// ends a run that is waiting to reconnect (27). Without --reconnect a loss ends the run (2);
// with it a first connection that fails is still an error at once (2).
#include "tests/cli/cli_process.h"
#include "tests/fixture/mosquitto_pub.h"
#include "tests/fixture/test_broker.h"

#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace mqttdesk;
using namespace Qt::StringLiterals;
using Listener = TestBroker::Listener;

namespace {

// A running mqttdesk-cli whose output is collected as it comes.
struct CliRun
{
    QProcess process;
    QByteArray out;
    QByteArray err;

    void read()
    {
        out += process.readAllStandardOutput();
        err += process.readAllStandardError();
    }
    QList<QByteArray> lines()
    {
        read();
        QList<QByteArray> all = out.split('\n');
        all.removeAll(QByteArray());
        return all;
    }
    QString errText()
    {
        read();
        return QString::fromUtf8(err);
    }
    bool running() const { return process.state() != QProcess::NotRunning; }
};

} // namespace

class TstCliSubReconnect : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_broker = std::make_unique<TestBroker>(TestBroker::Options{.persistence = true});
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    }

    void firstConnectionFailsAtOnce()
    {
        QTcpServer probe; // a port nobody listens on once the probe is closed
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QString closed = QString::number(probe.serverPort());
        probe.close();
        const CliProcess::Result r = CliProcess::run({u"sub"_s, u"--reconnect"_s, u"-t"_s, u"a"_s,
                                                      u"-h"_s, TestBroker::host(), u"-p"_s, closed},
                                                     {}, 15000);
        QVERIFY(r.finished);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(r.exitCode == 2, qPrintable(QString::number(r.exitCode) + u' ' + err));
        // The usual one-line error, and no reconnecting.
        QVERIFY2(err.startsWith(u"mqttdesk-cli: "_s), qPrintable(err));
        QVERIFY2(err.count(u'\n') == 1, qPrintable(err));
        QVERIFY2(err.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(err));
        QVERIFY2(!err.contains(u"reconnect"_s), qPrintable(err));
        QVERIFY(r.out.isEmpty());
    }

    void lossEndsTheRunWithoutReconnect()
    {
        const QString id = u"cli-noreconnect"_s;
        const QString topic = u"cli/reconnect/none"_s;
        CliRun run;
        CliProcess::start(run.process,
                          QStringList{u"sub"_s, u"-q"_s, u"1"_s, u"-i"_s, id, u"-t"_s, topic} +
                              connectArgs());
        QVERIFY(run.process.waitForStarted());
        QVERIFY(waitSubscribed(id, topic, 1));
        m_broker->kill();
        QTRY_VERIFY_WITH_TIMEOUT(!run.running(), 15000);
        const QString err = run.errText();
        QVERIFY2(run.process.exitStatus() == QProcess::NormalExit && run.process.exitCode() == 2,
                 qPrintable(QString::number(run.process.exitCode()) + u' ' + err));
        QVERIFY2(err.startsWith(u"mqttdesk-cli: "_s), qPrintable(err));
        QVERIFY2(err.count(u'\n') == 1, qPrintable(err));
        QVERIFY2(!err.contains(u"reconnect"_s), qPrintable(err));
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    }

    void timeoutEndsARunWaitingToReconnect()
    {
        const QString id = u"cli-reconnect-timeout"_s;
        const QString topic = u"cli/reconnect/timeout"_s;
        CliRun run;
        // -W starts once connected and goes on while the broker is away.
        CliProcess::start(run.process, QStringList{u"sub"_s, u"--reconnect"_s, u"-W"_s, u"4"_s,
                                                   u"-i"_s, id, u"-t"_s, topic} +
                                           connectArgs());
        QVERIFY(run.process.waitForStarted());
        QVERIFY(waitSubscribed(id, topic, 0));
        m_broker->kill();
        QTRY_VERIFY_WITH_TIMEOUT(run.errText().contains(u"connection lost: "_s), 15000);
        QVERIFY(run.running());
        QTRY_VERIFY_WITH_TIMEOUT(!run.running(), 20000);
        const QString err = run.errText();
        QVERIFY2(run.process.exitStatus() == QProcess::NormalExit && run.process.exitCode() == 27,
                 qPrintable(QString::number(run.process.exitCode()) + u' ' + err));
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    }

    void persistentSessionSurvivesKill_data()
    {
        QTest::addColumn<QStringList>("sessionArgs");
        QTest::newRow("3.1.1") << QStringList{u"-V"_s, u"mqttv311"_s, u"-c"_s};
        QTest::newRow("5.0") << QStringList{u"-V"_s, u"mqttv5"_s, u"-c"_s, u"-x"_s, u"300"_s};
    }

    void persistentSessionSurvivesKill()
    {
        QFETCH(QStringList, sessionArgs);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).remove(u'.');
        const QString id = u"cli-reconnect-"_s + tag;
        const QString topic = u"cli/reconnect/keep/"_s + tag;
        const quint16 port = m_broker->port(Listener::Plain);
        auto publish = [&](int n) {
            const MosquittoPub::Result r =
                MosquittoPub::publish(port, topic, QByteArray::number(n), {u"-q"_s, u"1"_s});
            return r.finished && r.exitCode == 0;
        };

        CliRun run;
        // -C 6: three messages before the crash, three after it, counted over both connections.
        CliProcess::start(run.process,
                          QStringList{u"sub"_s, u"--reconnect"_s, u"-q"_s, u"1"_s, u"-i"_s, id,
                                      u"-t"_s, topic, u"-C"_s, u"6"_s, u"--line-buffered"_s} +
                              sessionArgs + connectArgs());
        QVERIFY(run.process.waitForStarted());
        QVERIFY(waitSubscribed(id, topic, 1));
        for (int n = 1; n <= 3; ++n)
            QVERIFY(publish(n));
        QTRY_COMPARE_WITH_TIMEOUT(run.lines().size(), 3, 15000);

        // SIGKILL keeps only what mosquitto saved (autosave_interval 1): wait until a save
        // started after the three were acknowledged, so the session and its subscription
        // survive with nothing in flight.
        QVERIFY(waitForSaves(m_broker->log().size()));
        m_broker->kill();
        QTRY_VERIFY_WITH_TIMEOUT(run.errText().contains(u"connection lost: "_s), 15000);
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
        // Published while the client is away (or just back): queued in its session.
        for (int n = 4; n <= 6; ++n)
            QVERIFY(publish(n));

        QTRY_VERIFY_WITH_TIMEOUT(!run.running(), 30000);
        const QString err = run.errText();
        QVERIFY2(run.process.exitStatus() == QProcess::NormalExit && run.process.exitCode() == 0,
                 qPrintable(QString::number(run.process.exitCode()) + u' ' + err));
        const QList<QByteArray> lines = run.lines();
        QCOMPARE(lines.size(), 6);
        QCOMPARE(QSet<QByteArray>(lines.cbegin(), lines.cend()),
                 (QSet<QByteArray>{"1", "2", "3", "4", "5", "6"}));
        // One line for the loss (and one for each failed attempt), one for the reconnection.
        static const QRegularExpression kLost(
            u"^mqttdesk-cli: connection lost: .+; reconnecting in \\d+\\.\\d s \\(attempt 1\\)$"_s,
            QRegularExpression::MultilineOption);
        QVERIFY2(err.contains(kLost), qPrintable(err));
        QVERIFY2(err.contains(u"\nmqttdesk-cli: reconnected (session present: yes)\n"_s),
                 qPrintable(err));
        QCOMPARE(err.count(u"connection lost: "_s), 1);
        QCOMPARE(err.count(u"reconnected ("_s), 1);
        for (const QString &line : err.split(u'\n', Qt::SkipEmptyParts))
            QVERIFY2(line.startsWith(u"mqttdesk-cli: "_s), qPrintable(err));
    }

    // Clean session: the broker forgets the subscription with the crash; the session (core)
    // subscribes again after Session Present 0, so what is published then arrives.
    void cleanSessionIsSubscribedAgain()
    {
        const QString id = u"cli-reconnect-clean"_s;
        const QString topic = u"cli/reconnect/clean"_s;
        const quint16 port = m_broker->port(Listener::Plain);
        CliRun run;
        CliProcess::start(run.process,
                          QStringList{u"sub"_s, u"--reconnect"_s, u"-q"_s, u"1"_s, u"-i"_s, id,
                                      u"-t"_s, topic, u"-C"_s, u"2"_s, u"--line-buffered"_s} +
                              connectArgs());
        QVERIFY(run.process.waitForStarted());
        QVERIFY(waitSubscribed(id, topic, 1));
        QCOMPARE(MosquittoPub::publish(port, topic, "1", {u"-q"_s, u"1"_s}).exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(run.lines().size(), 1, 15000);
        m_broker->kill();
        const qsizetype restarted = m_broker->log().size();
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(
            run.errText().contains(u"mqttdesk-cli: reconnected (session present: no)\n"_s), 15000);
        QVERIFY(m_broker->waitForLog((u' ' + id + u" 1 "_s + topic + u'\n').toUtf8(), 20000,
                                     restarted));
        QCOMPARE(MosquittoPub::publish(port, topic, "2", {u"-q"_s, u"1"_s}).exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT(!run.running(), 15000);
        QVERIFY2(run.process.exitStatus() == QProcess::NormalExit && run.process.exitCode() == 0,
                 qPrintable(QString::number(run.process.exitCode()) + u' ' + run.errText()));
        QCOMPARE(run.lines(), (QList<QByteArray>{"1", "2"}));
    }

private:
    QStringList connectArgs() const
    {
        return {u"-h"_s, TestBroker::host(), u"-p"_s,
                QString::number(m_broker->port(Listener::Plain))};
    }

    // mosquitto's subscribe log line: "<client id> <qos> <filter>".
    bool waitSubscribed(const QString &clientId, const QString &filter, int qos)
    {
        return m_broker->waitForLog(
            (u' ' + clientId + u' ' + QString::number(qos) + u' ' + filter + u'\n').toUtf8(),
            20000);
    }

    // Two saves of the in-memory database announced after log offset `from`: the second
    // began at least a second after the state of `from`; a client's round trip through the
    // broker's one thread then shows that its file was written.
    bool waitForSaves(qsizetype from)
    {
        const QByteArray saving = "Saving in-memory database";
        if (!m_broker->waitForLog(saving, 10000, from))
            return false;
        const qsizetype first = m_broker->log().indexOf(saving, from);
        if (!m_broker->waitForLog(saving, 10000, first + 1))
            return false;
        const MosquittoPub::Result sync =
            MosquittoPub::publish(m_broker->port(Listener::Plain), u"cli/reconnect/sync"_s, "x");
        return sync.finished && sync.exitCode == 0;
    }

    std::unique_ptr<TestBroker> m_broker;
};

QTEST_GUILESS_MAIN(TstCliSubReconnect)
#include "tst_cli_sub_reconnect.moc"
