#include "tests/cli/cli_broker.h"
#include "tests/cli/cli_process.h"
#include "tests/fixture/mosquitto_pub.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

// mqttdesk-cli retained snapshot | diff | clear against the real mosquitto.
class TstCliRetained : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void snapshotDiffClear_data();
    void snapshotDiffClear();

private:
    CliBroker m_broker;
};

namespace {

QString failure(const CliProcess::Result &r)
{
    return QString::fromLocal8Bit("exit %1\nout: %2\nerr: %3")
        .arg(r.exitCode)
        .arg(QString::fromLocal8Bit(r.out), QString::fromLocal8Bit(r.err));
}

} // namespace

void TstCliRetained::initTestCase()
{
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

void TstCliRetained::snapshotDiffClear_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("3.1.1") << u"mqttv311"_s;
    QTest::newRow("5.0") << u"mqttv5"_s;
}

void TstCliRetained::snapshotDiffClear()
{
    QFETCH(QString, version);
    const quint16 port = m_broker.port(CliBroker::Listener::Plain);
    const QString root = m_broker.uniqueTopic("retained");
    const QString filter = root + u"/#"_s;
    for (int i = 0; i < 5; ++i)
        QCOMPARE(MosquittoPub::publish(port, root + u"/%1"_s.arg(i),
                                       QByteArray("v") + QByteArray::number(i),
                                       {u"-r"_s, u"-q"_s, u"1"_s})
                     .exitCode,
                 0);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileA = dir.filePath(u"a.json"_s);
    QStringList connection = m_broker.connectArgs(CliBroker::Listener::Plain);
    connection << u"-V"_s << version << u"--quiet-ms"_s << u"300"_s;

    // snapshot: the five topics, and the count printed.
    auto r = CliProcess::run(QStringList{u"retained"_s, u"snapshot"_s, u"-t"_s, filter, u"-o"_s,
                                         fileA, u"--name"_s, u"before"_s} +
                             connection);
    QVERIFY2(r.exitCode == 0, qPrintable(failure(r)));
    QVERIFY2(r.out.startsWith("5 retained topic"), qPrintable(failure(r)));

    // diff with the live broker: equal -> 0.
    r = CliProcess::run(QStringList{u"retained"_s, u"diff"_s, fileA, u"live"_s} + connection);
    QVERIFY2(r.exitCode == 0, qPrintable(failure(r)));
    QVERIFY2(r.out.contains("0 added, 0 removed, 0 changed, 5 unchanged"), qPrintable(failure(r)));

    // One retained value changes -> 1, the change listed.
    QCOMPARE(
        MosquittoPub::publish(port, root + u"/3"_s, "changed", {u"-r"_s, u"-q"_s, u"1"_s}).exitCode,
        0);
    r = CliProcess::run(QStringList{u"retained"_s, u"diff"_s, fileA, u"live"_s} + connection);
    QVERIFY2(r.exitCode == 1, qPrintable(failure(r)));
    QVERIFY2(r.out.contains(QString(u"changed  "_s + root + u"/3\n"_s).toUtf8()),
             qPrintable(failure(r)));
    QVERIFY2(r.out.contains("    - v3\n    + changed\n"), qPrintable(failure(r)));
    QVERIFY2(r.out.contains("0 added, 0 removed, 1 changed, 4 unchanged"), qPrintable(failure(r)));

    // Two files, CSV.
    const QString fileB = dir.filePath(u"b.json"_s);
    r = CliProcess::run(QStringList{u"retained"_s, u"snapshot"_s, u"-t"_s, filter, u"-o"_s, fileB} +
                        connection);
    QVERIFY2(r.exitCode == 0, qPrintable(failure(r)));
    r = CliProcess::run({u"retained"_s, u"diff"_s, fileA, fileB, u"-F"_s, u"csv"_s});
    QVERIFY2(r.exitCode == 1, qPrintable(failure(r)));
    QCOMPARE(r.out, QString(u"topic,change,payload A,payload B\r\n"_s + root +
                            u"/3,changed,v3,changed\r\n"_s)
                        .toUtf8());
    r = CliProcess::run({u"retained"_s, u"diff"_s, fileA, dir.filePath(u"missing.json"_s)});
    QVERIFY2(r.exitCode == 2, qPrintable(failure(r)));

    // clear without a terminal and without --yes: refused, nothing cleared.
    r = CliProcess::run(QStringList{u"retained"_s, u"clear"_s, u"-t"_s, filter} + connection,
                        "y\n");
    QVERIFY2(r.exitCode == 2, qPrintable(failure(r)));
    QVERIFY2(r.err.contains("--yes"), qPrintable(failure(r)));

    // clear --yes: all five gone.
    r = CliProcess::run(
        QStringList{u"retained"_s, u"clear"_s, u"-t"_s, filter, u"--yes"_s, u"-q"_s, u"1"_s} +
        connection);
    QVERIFY2(r.exitCode == 0, qPrintable(failure(r)));
    QVERIFY2(r.out.contains("cleared 5 of 5"), qPrintable(failure(r)));
    r = CliProcess::run(QStringList{u"retained"_s, u"snapshot"_s, u"-t"_s, filter, u"-o"_s, fileB} +
                        connection);
    QVERIFY2(r.exitCode == 0, qPrintable(failure(r)));
    QVERIFY2(r.out.startsWith("0 retained topic"), qPrintable(failure(r)));
}

QTEST_GUILESS_MAIN(TstCliRetained)
#include "tst_cli_retained.moc"
