// mqttdesk-cli probe against the real mosquitto: the default output is an aligned table
// with every line, a progress line per check on standard error; --json parses and has the
// report's keys (the 64 KiB limit reached, the pings asked for); --markdown is a document;
// exit status 2 when nothing answers, 3 when every version is refused, 1 for bad options.
#include "tests/cli/cli_broker.h"
#include "tests/cli/cli_process.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

QString failure(const CliProcess::Result &r)
{
    return QString::fromLocal8Bit("exit %1\nout: %2\nerr: %3")
        .arg(r.exitCode)
        .arg(QString::fromLocal8Bit(r.out), QString::fromLocal8Bit(r.err));
}

// Short runs: a small payload search, a few pings.
const QStringList kQuick{u"--max-payload"_s, u"65536"_s, u"--pings"_s, u"3"_s};

} // namespace

class TstCliProbe : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void printsTheTable()
    {
        const CliProcess::Result r = CliProcess::run(
            QStringList{u"probe"_s} + kQuick + m_broker.connectArgs(CliBroker::Listener::Plain));
        QVERIFY2(r.exitCode == 0, qPrintable(failure(r)));
        const QString out = QString::fromLocal8Bit(r.out);
        QVERIFY2(out.startsWith(u"Broker capability test of mqtt://"_s), qPrintable(failure(r)));
        QVERIFY2(out.contains(u"(checks with MQTT 5.0)"_s), qPrintable(failure(r)));
        // One line per check, each Supported on mosquitto, the results in one column.
        const QStringList lines = out.split(u'\n');
        qsizetype column = -1;
        int supported = 0;
        for (const QString &line : lines) {
            if (line.trimmed().startsWith(u"Check "_s))
                column = line.indexOf(u"Result"_s);
            else if (column > 0 && line.indexOf(u"Supported"_s) == column)
                ++supported;
        }
        QVERIFY2(column > 0, qPrintable(failure(r)));
        QCOMPARE(supported, 15);
        for (const QString &title :
             {u"QoS 2 round trip"_s, u"Shared subscription"_s, u"Will message"_s,
              u"Session resume"_s, u"Topic alias"_s, u"Maximum payload"_s, u"Round-trip latency"_s})
            QVERIFY2(out.contains(title), qPrintable(title));
        QVERIFY(out.contains(u"Announced in the 5.0 CONNACK:"_s));
        QVERIFY(out.contains(u"Largest payload that passed: 65536 bytes"_s));
        QVERIFY(out.contains(u"(no retained message left behind)"_s));
        // Progress, one line per check, on standard error.
        QVERIFY2(r.err.contains("[1/15] Connect with MQTT 3.1: Supported"), qPrintable(failure(r)));
        QVERIFY2(r.err.contains("[15/15] Round-trip latency: Supported"), qPrintable(failure(r)));
    }

    void json()
    {
        const CliProcess::Result r =
            CliProcess::run(QStringList{u"probe"_s, u"--json"_s, u"--quiet"_s} + kQuick +
                            m_broker.connectArgs(CliBroker::Listener::Plain));
        QVERIFY2(r.exitCode == 0, qPrintable(failure(r)));
        QVERIFY2(r.err.isEmpty(), qPrintable(failure(r)));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject o = doc.object();
        for (const char *key : {"broker", "topic_prefix", "started", "finished", "duration_ms",
                                "protocol_version", "connected", "cancelled", "checks", "announced",
                                "max_payload", "latency", "retained_not_cleared"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(u"protocol_version"_s).toString(), u"5.0"_s);
        QCOMPARE(o.value(u"connected"_s).toBool(), true);
        const QJsonArray checks = o.value(u"checks"_s).toArray();
        QCOMPARE(checks.size(), 15);
        QStringList keys;
        for (const QJsonValue &v : checks) {
            const QJsonObject line = v.toObject();
            for (const char *key :
                 {"check", "title", "outcome", "outcome_text", "reason_code", "reason", "detail"})
                QVERIFY2(line.contains(QLatin1String(key)), key);
            QCOMPARE(line.value(u"outcome"_s).toString(), u"supported"_s);
            keys << line.value(u"check"_s).toString();
        }
        QCOMPARE(keys.first(), u"connect_3_1"_s);
        QVERIFY(keys.contains(u"qos2"_s));
        QVERIFY(keys.contains(u"shared_subscription"_s));
        QCOMPARE(keys.last(), u"latency"_s);
        const QJsonObject announced = o.value(u"announced"_s).toObject();
        QCOMPARE(announced.value(u"topic_alias_maximum"_s).toObject().value(u"value"_s).toInt(),
                 10);
        QCOMPARE(announced.value(u"maximum_qos"_s).toObject().value(u"present"_s).toBool(), false);
        QCOMPARE(o.value(u"max_payload"_s).toObject().value(u"bytes"_s).toInteger(), 65536);
        QCOMPARE(o.value(u"latency"_s).toObject().value(u"samples"_s).toInt(), 3);
        QVERIFY(o.value(u"retained_not_cleared"_s).toArray().isEmpty());
    }

    void markdown()
    {
        const CliProcess::Result r =
            CliProcess::run(QStringList{u"probe"_s, u"--markdown"_s, u"--pings"_s, u"0"_s,
                                        u"--max-payload"_s, u"1024"_s} +
                            m_broker.connectArgs(CliBroker::Listener::Plain));
        QVERIFY2(r.exitCode == 0, qPrintable(failure(r)));
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.startsWith(u"# Broker capability test: mqtt://"_s), qPrintable(failure(r)));
        QVERIFY(out.contains(u"| Check | Result | Reason code | Detail |"_s));
        QVERIFY(out.contains(u"| QoS 1 round trip | **Supported** | 0x01 Granted QoS 1 |"_s));
        QVERIFY(out.contains(u"| Round-trip latency | **Skipped** |"_s)); // --pings 0
        QVERIFY(out.contains(u"## Announced in the 5.0 CONNACK"_s));
    }

    void nothingAnswers()
    {
        quint16 port = 0;
        {
            QTcpServer server;
            QVERIFY(server.listen(QHostAddress::LocalHost, 0));
            port = server.serverPort();
        }
        const CliProcess::Result r = CliProcess::run(
            QStringList{u"probe"_s, u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(port)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("mqttdesk-cli: No protocol version was accepted"),
                 qPrintable(failure(r)));
        QVERIFY(r.out.contains("Skipped")); // the report is printed all the same
    }

    void everyVersionRefused()
    {
        // The listener that wants a password, given none.
        const CliProcess::Result r = CliProcess::run(
            QStringList{u"probe"_s, u"--json"_s, u"-h"_s, TestBroker::host(), u"-p"_s,
                        QString::number(m_broker.port(CliBroker::Listener::Password))});
        QCOMPARE(r.exitCode, 3);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(u"connected"_s).toBool(), false);
        const QJsonObject v5 = o.value(u"checks"_s).toArray().at(2).toObject();
        QCOMPARE(v5.value(u"check"_s).toString(), u"connect_5_0"_s);
        QCOMPARE(v5.value(u"reason_code"_s).toInt(), 0x87);
    }

    void badOptions()
    {
        const QStringList conn = m_broker.connectArgs(CliBroker::Listener::Plain);
        for (const QStringList &args : {QStringList{u"probe"_s, u"--json"_s, u"--markdown"_s},
                                        QStringList{u"probe"_s, u"--pings"_s, u"-1"_s},
                                        QStringList{u"probe"_s, u"--max-payload"_s, u"lots"_s},
                                        QStringList{u"probe"_s, u"-t"_s, u"a"_s}}) {
            const CliProcess::Result r = CliProcess::run(args + conn);
            QVERIFY2(r.exitCode == 1, qPrintable(args.join(u' ') + u'\n' + failure(r)));
            QVERIFY2(r.err.startsWith("mqttdesk-cli: "), qPrintable(failure(r)));
        }
        const CliProcess::Result help = CliProcess::run({u"probe"_s, u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.startsWith("Usage: mqttdesk-cli probe"));
        for (const char *flag : {"--json", "--markdown", "--max-payload", "--pings", "--profile"})
            QVERIFY2(help.out.contains(flag), flag);
    }

private:
    CliBroker m_broker;
};

QTEST_GUILESS_MAIN(TstCliProbe)
#include "tst_cli_probe.moc"
