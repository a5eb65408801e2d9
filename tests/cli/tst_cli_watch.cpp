// mqttdesk-cli watch against the real mosquitto: a payload rule fires and clears, each as one
// JSON line (and a retained change seen through Retain As Published); Ctrl-C (SIGTERM) ends it
// with 0; --fail-fast ends it with 6 at the first alert; a rule's action is published and a
// subscriber gets it; the broker going away fires a connection-lost rule and its return
// clears it; a broken rule file is a named error with its line, exit 1.
#include "tests/cli/cli_broker.h"
#include "tests/cli/cli_process.h"
#include "tests/fixture/mosquitto_pub.h"
#include "tests/fixture/mosquitto_sub.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

// The alert lines printed so far (read from the process into `out`).
QList<QJsonObject> alerts(QProcess &process, QByteArray &out)
{
    out += process.readAllStandardOutput();
    QList<QJsonObject> lines;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    return lines;
}

QString writeRules(const QTemporaryDir &dir, const QByteArray &rules)
{
    const QString path = dir.filePath(u"rules.json"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write("{\"format\": \"mqttdesk-alert-rules\", \"version\": 1, \"rules\": [" + rules +
               "]}");
    return path;
}

} // namespace

class TstCliWatch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void payloadRuleFiresAndClears()
    {
        const quint16 port = m_broker.port(CliBroker::Listener::Plain);
        const QString root = m_broker.uniqueTopic("watch");
        QTemporaryDir dir;
        // A retained reference before the watch starts.
        QCOMPARE(MosquittoPub::publish(port, root + u"/config"_s, "v1", {u"-r"_s}).exitCode, 0);
        const QString rules = writeRules(
            dir,
            (u"{\"name\": \"Hot\", \"kind\": \"payload\", \"topic\": \"%1/+/temp\", "
             "\"path\": \"$.t\", \"op\": \">\", \"threshold\": 30}, "
             "{\"name\": \"Config\", \"kind\": \"retainedChanged\", \"topic\": \"%1/config\"}"_s)
                .arg(root)
                .toUtf8());

        QProcess watch;
        CliProcess::start(watch, QStringList{u"watch"_s, u"--rules"_s, rules, u"-V"_s, u"mqttv5"_s,
                                             u"-i"_s, u"cli-watch"_s} +
                                     m_broker.connectArgs(CliBroker::Listener::Plain));
        QVERIFY(watch.waitForStarted());
        QVERIFY(m_broker.waitSubscribed(u"cli-watch"_s, root + u"/+/temp"_s));
        QVERIFY(m_broker.waitSubscribed(u"cli-watch"_s, root + u"/config"_s));
        QCOMPARE(MosquittoPub::publish(port, root + u"/a/temp"_s, "{\"t\": 25}").exitCode, 0);
        QCOMPARE(MosquittoPub::publish(port, root + u"/a/temp"_s, "{\"t\": 31.5}").exitCode, 0);
        QByteArray out;
        QTRY_COMPARE_WITH_TIMEOUT(alerts(watch, out).size(), 1, 15000);
        const QJsonObject fired = alerts(watch, out).at(0);
        QCOMPARE(fired.value(u"event"_s).toString(), u"fired"_s);
        QCOMPARE(fired.value(u"rule"_s).toString(), u"Hot"_s);
        QCOMPARE(fired.value(u"kind"_s).toString(), u"payload"_s);
        QCOMPARE(fired.value(u"topic"_s).toString(), root + u"/a/temp"_s);
        QCOMPARE(fired.value(u"value"_s).toString(), u"31.5"_s);
        QVERIFY(fired.value(u"sequence"_s).toInteger() >= 2);

        QCOMPARE(MosquittoPub::publish(port, root + u"/a/temp"_s, "{\"t\": 20}").exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(alerts(watch, out).size(), 2, 15000);
        QCOMPARE(alerts(watch, out).at(1).value(u"event"_s).toString(), u"cleared"_s);

        // A live retained publish arrives flagged (Retain As Published) and differs.
        QCOMPARE(MosquittoPub::publish(port, root + u"/config"_s, "v2", {u"-r"_s}).exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(alerts(watch, out).size(), 3, 15000);
        const QJsonObject changed = alerts(watch, out).at(2);
        QCOMPARE(changed.value(u"rule"_s).toString(), u"Config"_s);
        QCOMPARE(changed.value(u"value"_s).toString(), u"v2"_s);

        watch.terminate(); // SIGTERM, as Ctrl-C
        QVERIFY(watch.waitForFinished(15000));
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.exitCode(), 0);
        QCOMPARE(MosquittoPub::publish(port, root + u"/config"_s, QByteArray(), {u"-r"_s}).exitCode,
                 0);
    }

    void failFastEndsWithItsExitStatus()
    {
        const quint16 port = m_broker.port(CliBroker::Listener::Plain);
        const QString root = m_broker.uniqueTopic("fast");
        QTemporaryDir dir;
        const QString rules = writeRules(
            dir, (u"{\"name\": \"Errors\", \"kind\": \"payload\", \"topic\": \"%1/log\", "
                  "\"regex\": \"ERROR\"}"_s)
                     .arg(root)
                     .toUtf8());
        QProcess watch;
        CliProcess::start(watch, QStringList{u"watch"_s, u"--rules"_s, rules, u"--fail-fast"_s,
                                             u"-i"_s, u"cli-fast"_s} +
                                     m_broker.connectArgs(CliBroker::Listener::Plain));
        QVERIFY(watch.waitForStarted());
        QVERIFY(m_broker.waitSubscribed(u"cli-fast"_s, root + u"/log"_s));
        QCOMPARE(MosquittoPub::publish(port, root + u"/log"_s, "INFO fine").exitCode, 0);
        QCOMPARE(MosquittoPub::publish(port, root + u"/log"_s, "ERROR disk full").exitCode, 0);
        QVERIFY(watch.waitForFinished(15000));
        QCOMPARE(watch.exitCode(), 6);
        QByteArray out;
        const QList<QJsonObject> lines = alerts(watch, out);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.at(0).value(u"value"_s).toString(), u"ERROR disk full"_s);
    }

    void actionIsPublished()
    {
        const quint16 port = m_broker.port(CliBroker::Listener::Plain);
        const QString root = m_broker.uniqueTopic("act");
        QTemporaryDir dir;
        const QString rules = writeRules(
            dir, (u"{\"name\": \"Low\", \"kind\": \"payload\", \"topic\": \"%1/level\", "
                  "\"op\": \"<\", \"threshold\": 10, \"action\": {\"topic\": \"%1/alerts/{rule}\", "
                  "\"payload\": \"{\\\"topic\\\":\\\"{topic}\\\",\\\"level\\\":{value}}\", "
                  "\"qos\": 1}}"_s)
                     .arg(root)
                     .toUtf8());
        MosquittoSub alertsSub;
        QVERIFY(alertsSub.start(port, root + u"/alerts/#"_s, {u"-q"_s, u"1"_s}));
        QProcess watch;
        CliProcess::start(watch,
                          QStringList{u"watch"_s, u"--rules"_s, rules, u"-i"_s, u"cli-act"_s} +
                              m_broker.connectArgs(CliBroker::Listener::Plain));
        QVERIFY(watch.waitForStarted());
        QVERIFY(m_broker.waitSubscribed(u"cli-act"_s, root + u"/level"_s));
        QCOMPARE(MosquittoPub::publish(port, root + u"/level"_s, "7").exitCode, 0);
        QVERIFY2(alertsSub.waitForMessages(1), alertsSub.output().constData());
        QCOMPARE(alertsSub.messages().at(0).topic, root + u"/alerts/Low"_s);
        QCOMPARE(alertsSub.messages().at(0).payload,
                 (u"{\"topic\":\"%1/level\",\"level\":7}"_s).arg(root).toUtf8());
        QByteArray out;
        QTRY_COMPARE_WITH_TIMEOUT(alerts(watch, out).size(), 1, 15000);
        QCOMPARE(
            alerts(watch, out).at(0).value(u"action"_s).toObject().value(u"topic"_s).toString(),
            root + u"/alerts/Low"_s);
        watch.terminate();
        QVERIFY(watch.waitForFinished(15000));
        QCOMPARE(watch.exitCode(), 0);
    }

    void badRuleFileIsANamedError()
    {
        QTemporaryDir dir;
        const QString rules = writeRules(
            dir, "{\"name\": \"A\", \"kind\": \"payload\",\n \"topic\": \"a\", \"op\": \">\", "
                 "\"treshold\": 1}");
        const CliProcess::Result r =
            CliProcess::run(QStringList{u"watch"_s, u"--rules"_s, rules} +
                            m_broker.connectArgs(CliBroker::Listener::Plain));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Line 2, rules[0].treshold"), r.err.constData());
        const CliProcess::Result none =
            CliProcess::run(QStringList{u"watch"_s, u"-t"_s, u"a"_s} +
                            m_broker.connectArgs(CliBroker::Listener::Plain));
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains("--rules"), none.err.constData());
    }

    // Last: it restarts the broker.
    void connectionLostFiresAndClears()
    {
        QTemporaryDir dir;
        const QString topic = m_broker.uniqueTopic("lost");
        // The silence rule makes watch subscribe: once the broker logs it, watch is connected.
        const QString rules =
            writeRules(dir, (u"{\"name\": \"Broker lost\", \"kind\": \"connectionLost\"}, "
                             "{\"name\": \"Quiet\", \"kind\": \"silence\", \"topic\": \"%1\", "
                             "\"seconds\": 3600}"_s)
                                .arg(topic)
                                .toUtf8());
        QProcess watch;
        CliProcess::start(watch,
                          QStringList{u"watch"_s, u"--rules"_s, rules, u"-i"_s, u"cli-lost"_s} +
                              m_broker.connectArgs(CliBroker::Listener::Plain));
        QVERIFY(watch.waitForStarted());
        QVERIFY(m_broker.waitSubscribed(u"cli-lost"_s, topic));
        QVERIFY(m_broker.broker().restart());
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT(alerts(watch, out).size() >= 2, 30000);
        const QList<QJsonObject> lines = alerts(watch, out);
        QCOMPARE(lines.at(0).value(u"event"_s).toString(), u"fired"_s);
        QCOMPARE(lines.at(0).value(u"kind"_s).toString(), u"connectionLost"_s);
        QVERIFY(!lines.at(0).value(u"value"_s).toString().isEmpty());
        QCOMPARE(lines.at(1).value(u"event"_s).toString(), u"cleared"_s);
        QCOMPARE(watch.state(), QProcess::Running); // it reconnected
        watch.terminate();
        QVERIFY(watch.waitForFinished(15000));
        QCOMPARE(watch.exitCode(), 0);
    }

private:
    CliBroker m_broker;
};

QTEST_GUILESS_MAIN(TstCliWatch)
#include "tst_cli_watch.moc"
