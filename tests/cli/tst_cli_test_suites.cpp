// mqttdesk-cli test against the real mosquitto: the suites of docs/examples pass (the port
// given with -p over the files' ${port}), all of them at once with --junit writing a JUnit
// file CI can read; a failing suite exits 7 and says which step failed and what came instead;
// a suite file that is not valid exits 1 with the test, step and field named, before
// anything connects.
#include "tests/cli/cli_broker.h"
#include "tests/cli/cli_process.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace mqttdesk;

class TstCliTestSuites : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void examplesPass_data();
    void examplesPass();
    void allExamplesWithJunit();
    void failingSuiteExitsNonZero();
    void invalidSuiteIsANamedError();

private:
    QString example(const char *name) const;
    QStringList broker() const;

    CliBroker m_broker;
    QString m_source;
};

namespace {

QString failure(const CliProcess::Result &r)
{
    return QStringLiteral("exit %1\nout: %2\nerr: %3")
        .arg(r.exitCode)
        .arg(QString::fromUtf8(r.out), QString::fromLocal8Bit(r.err));
}

// The attributes of the first element of each name in a JUnit file.
QHash<QString, QXmlStreamAttributes> readJunit(const QString &path, QString *error)
{
    QHash<QString, QXmlStreamAttributes> first;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return first;
    }
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement &&
            !first.contains(xml.name().toString()))
            first.insert(xml.name().toString(), xml.attributes());
    }
    if (xml.hasError())
        *error = xml.errorString();
    return first;
}

const QByteArray kFailing = R"({
  "format": "mqttdesk-suite", "version": 1, "name": "cold",
  "connections": {"main": {"host": "127.0.0.1", "port": "${port}"}},
  "tests": [
    {"name": "too cold", "steps": [
      {"type": "connect"},
      {"type": "subscribe", "filter": "cli-suite/${run}/#", "qos": 1},
      {"type": "publish", "topic": "cli-suite/${run}/t", "payload": {"temp": 12}, "qos": 1},
      {"type": "publish", "topic": "cli-suite/${run}/sync", "qos": 1},
      {"type": "expect", "filter": "cli-suite/${run}/sync"},
      {"type": "expect", "filter": "cli-suite/${run}/t", "timeout_ms": 300,
       "json": {"path": "$.temp", "op": ">", "value": 20}},
      {"type": "disconnect"}
    ]},
    {"name": "fine", "steps": [{"type": "connect"}]}
  ]})";

} // namespace

void TstCliTestSuites::initTestCase()
{
    m_source = qEnvironmentVariable("MQTTDESK_SOURCE_DIR");
    QVERIFY2(!m_source.isEmpty(), "MQTTDESK_SOURCE_DIR names the source tree");
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

QString TstCliTestSuites::example(const char *name) const
{
    return QDir(m_source).filePath(QStringLiteral("docs/examples/") + QLatin1String(name));
}

QStringList TstCliTestSuites::broker() const
{
    return {QStringLiteral("-h"), TestBroker::host(), QStringLiteral("-p"),
            QString::number(m_broker.port(CliBroker::Listener::Plain))};
}

void TstCliTestSuites::examplesPass_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("summary");
    QTest::newRow("smoke") << example("smoke.suite.json")
                           << QByteArray("Tests: 4, passed 4, failed 0, errors 0, skipped 0");
    QTest::newRow("json-telemetry")
        << example("json-telemetry.suite.json")
        << QByteArray("Tests: 3, passed 3, failed 0, errors 0, skipped 0");
    QTest::newRow("will") << example("will.suite.json")
                          << QByteArray("Tests: 3, passed 3, failed 0, errors 0, skipped 0");
}

void TstCliTestSuites::examplesPass()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, summary);
    const CliProcess::Result r =
        CliProcess::run(QStringList{QStringLiteral("test"), file} + broker());
    QVERIFY2(r.exitCode == 0, qPrintable(failure(r)));
    QVERIFY2(r.out.contains(summary), qPrintable(failure(r)));
    QVERIFY2(!r.out.contains("\xE2\x9C\x98"), qPrintable(failure(r))); // no ✘
}

void TstCliTestSuites::allExamplesWithJunit()
{
    QTemporaryDir dir;
    const QString junit = dir.filePath(QStringLiteral("results.xml"));
    const CliProcess::Result r =
        CliProcess::run(QStringList{QStringLiteral("test"), example("smoke.suite.json"),
                                    example("json-telemetry.suite.json"),
                                    example("will.suite.json"), QStringLiteral("--junit"), junit} +
                        broker());
    QVERIFY2(r.exitCode == 0, qPrintable(failure(r)));
    QVERIFY2(r.out.contains("All suites: Tests: 10, passed 10"), qPrintable(failure(r)));
    QString error;
    const QHash<QString, QXmlStreamAttributes> xml = readJunit(junit, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QXmlStreamAttributes root = xml.value(QStringLiteral("testsuites"));
    QCOMPARE(root.value(QLatin1String("tests")).toString(), QStringLiteral("10"));
    QCOMPARE(root.value(QLatin1String("failures")).toString(), QStringLiteral("0"));
    QCOMPARE(root.value(QLatin1String("errors")).toString(), QStringLiteral("0"));
    QCOMPARE(xml.value(QStringLiteral("testsuite")).value(QLatin1String("name")).toString(),
             QStringLiteral("smoke"));
    QVERIFY(xml.contains(QStringLiteral("testcase")));
    QVERIFY(!xml.contains(QStringLiteral("failure")));
}

void TstCliTestSuites::failingSuiteExitsNonZero()
{
    QTemporaryDir dir;
    const QString suite = dir.filePath(QStringLiteral("cold.suite.json"));
    QFile file(suite);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kFailing);
    file.close();
    const QString junit = dir.filePath(QStringLiteral("cold.xml"));
    // The port comes through --var here (no -p): the file's ${port}.
    const CliProcess::Result r =
        CliProcess::run({QStringLiteral("test"), suite, QStringLiteral("--var"),
                         QStringLiteral("port=%1").arg(m_broker.port(CliBroker::Listener::Plain)),
                         QStringLiteral("--junit"), junit});
    QCOMPARE(r.exitCode, 7);
    QVERIFY2(r.out.contains("\xE2\x9C\x98 6. expect"), qPrintable(failure(r)));
    QVERIFY2(r.out.contains("$.temp is 12, not > 20"), qPrintable(failure(r)));
    QVERIFY2(r.out.contains("Tests: 2, passed 1, failed 1, errors 0, skipped 0"),
             qPrintable(failure(r)));
    QString error;
    const QHash<QString, QXmlStreamAttributes> xml = readJunit(junit, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(xml.value(QStringLiteral("testsuites")).value(QLatin1String("failures")).toString(),
             QStringLiteral("1"));
    QCOMPARE(xml.value(QStringLiteral("failure")).value(QLatin1String("type")).toString(),
             QStringLiteral("expect"));
}

void TstCliTestSuites::invalidSuiteIsANamedError()
{
    QTemporaryDir dir;
    const QString suite = dir.filePath(QStringLiteral("broken.suite.json"));
    QFile file(suite);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(kFailing).replace(R"("timeout_ms": 300)", R"("timeout": 300)"));
    file.close();
    const QString junit = dir.filePath(QStringLiteral("never.xml"));
    const CliProcess::Result r =
        CliProcess::run(QStringList{QStringLiteral("test"), suite, QStringLiteral("--junit"), junit,
                                    QStringLiteral("--var"), QStringLiteral("port=1")} +
                        broker());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("test \"too cold\", step 6 (expect), \"timeout\""),
             qPrintable(failure(r)));
    QVERIFY(r.out.isEmpty()); // nothing ran
    QVERIFY(!QFile::exists(junit));

    const CliProcess::Result missing =
        CliProcess::run({QStringLiteral("test"), dir.filePath(QStringLiteral("none.json"))});
    QCOMPARE(missing.exitCode, 1);
    const CliProcess::Result none = CliProcess::run({QStringLiteral("test")});
    QCOMPARE(none.exitCode, 1);
    QVERIFY2(none.err.contains("test SUITE"), qPrintable(failure(none)));
}

QTEST_GUILESS_MAIN(TstCliTestSuites)
#include "tst_cli_test_suites.moc"
