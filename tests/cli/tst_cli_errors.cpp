#include "app/cli/cli_flag_table.h"
#include "tests/cli/cli_broker.h"
#include "tests/cli/cli_process.h"
#include "tests/fixture/test_pki.h"

#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

using Listener = TestBroker::Listener;

// Argument errors, the --help of every command, and the exit status and one-line error of
// each way a connection can fail.
class TstCliErrors : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void argumentErrors_data();
    void argumentErrors();
    void helpListsEveryFlag_data();
    void helpListsEveryFlag();
    void topLevelHelpAndVersion();

    void connectionErrors_data();
    void connectionErrors();

private:
    CliBroker m_broker;
    QTemporaryDir m_tmp;
};

namespace {

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// The option names of a --help text: "  -h, --host <host>   broker host" gives -h, --host.
QSet<QString> optionsIn(const QByteArray &help)
{
    QSet<QString> names;
    for (const QString &line : QString::fromUtf8(help).split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1String("  -")))
            continue;
        bool inValue = false;
        for (QString token : line.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (inValue) {
                inValue = !token.endsWith(QLatin1Char('>'));
                continue;
            }
            if (token.startsWith(QLatin1Char('<'))) {
                inValue = !token.endsWith(QLatin1Char('>'));
                continue;
            }
            if (!token.startsWith(QLatin1Char('-')))
                break; // the description
            if (token.endsWith(QLatin1Char(',')))
                token.chop(1);
            names.insert(token);
        }
    }
    return names;
}

} // namespace

void TstCliErrors::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    // A CA file that exists but holds no certificate.
    QFile garbage(m_tmp.filePath(QStringLiteral("garbage-ca.pem")));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("this is not a certificate\n");
    garbage.close();
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

void TstCliErrors::cleanupTestCase()
{
    m_broker.stop();
}

void TstCliErrors::argumentErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    const QString noDatabase = m_tmp.filePath(QStringLiteral("empty-data-dir"));
    QTest::newRow("unknown flag") << words("sub -t a --bogus") << "unknown option '--bogus'";
    QTest::newRow("qos 3") << words("pub -t a -m x -q 3") << "QoS must be 0, 1 or 2";
    QTest::newRow("will qos 3") << words("sub -t a --will-topic w --will-qos 3")
                                << "QoS must be 0, 1 or 2";
    QTest::newRow("wildcard in pub topic") << words("pub -t a/+/b -m x") << "wildcards";
    QTest::newRow("wildcard in bench pub topic") << words("bench pub -t a/# -C 1") << "wildcards";
    QTest::newRow("missing file") << words("pub -t a -f /nonexistent/mqttdesk.bin")
                                  << "does not exist";
    QTest::newRow("missing cafile")
        << words("sub -t a --cafile /nonexistent/ca.crt") << "does not exist";
    QTest::newRow("unusable ca file")
        << (words("sub -t a --cafile") << m_tmp.filePath(QStringLiteral("garbage-ca.pem")))
        << "garbage-ca.pem` is not a certificate";
    QTest::newRow("key of another certificate")
        << (words("sub -t a --cert") << TestPki::instance().clientCert() << QStringLiteral("--key")
                                     << TestPki::instance().unrelatedKey())
        << "public keys differ";
    QTest::newRow("cafile is a directory") << words("sub -t a --cafile /tmp") << "not a file";
    QTest::newRow("missing capath")
        << words("sub -t a --capath /nonexistent/certs") << "does not exist";
    QTest::newRow("cert without key")
        << (words("sub -t a --cert") << TestPki::instance().clientCert())
        << "must be given together";
    QTest::newRow("unknown command") << words("subscribe -t a") << "unknown command 'subscribe'";
    QTest::newRow("flag of another command")
        << words("pub -t a -m x -C 1") << "unknown option '-C'";
    QTest::newRow("missing value") << words("sub -t") << "-t needs a value";
    QTest::newRow("bad version") << words("conn -V 4") << "unknown MQTT version '4'";
    QTest::newRow("bad port") << words("conn -p 70000") << "port must be a number";
    QTest::newRow("bad tls version")
        << words("conn --tls-version tlsv1.0") << "use tlsv1.2 or tlsv1.3";
    QTest::newRow("bad format") << words("sub -t a --format yaml") << "text, json, hex or base64";
    QTest::newRow("bad -F field") << words("sub -t a -F [%5k]") << "-F: unknown field '%5k'";
    QTest::newRow("two messages") << words("pub -t a -m x -n") << "only one of -m";
    QTest::newRow("no message") << words("pub -t a") << "pub needs a message";
    QTest::newRow("no topic") << words("sub -C 1") << "needs at least one topic";
    QTest::newRow("only -U") << words("sub -U a") << "needs at least one topic";
    QTest::newRow("properties need 5.0")
        << words("pub -t a -m x -D publish user-property k v") << "need MQTT 5";
    QTest::newRow("unknown property")
        << words("pub -V 5 -t a -m x -D publish colour red") << "unknown property 'colour'";
    QTest::newRow("bad -L url") << words("sub -t a -L ftp://127.0.0.1/x") << "is not a mqtt://";
    QTest::newRow("bad proxy url")
        << words("sub -t a --proxy ftp://127.0.0.1:1") << "is not a socks5://";
    QTest::newRow("bench without topic") << words("bench sub --clients 2") << "exactly one topic";
    QTest::newRow("profile without database")
        << (words("conn --profile lab --data-dir") << noDatabase)
        << "there are no saved connections in";
}

void TstCliErrors::argumentErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    // A listener of our own: an argument error must not even open a connection.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    // Right after the command, so that a flag at the end still lacks its value.
    if (!args.contains(QStringLiteral("-L"))) {
        const qsizetype at = args.first() == QLatin1String("bench") ? 2 : 1;
        args.insert(at, QString::number(server.serverPort()));
        args.insert(at, QStringLiteral("-p"));
        args.insert(at, QStringLiteral("127.0.0.1"));
        args.insert(at, QStringLiteral("-h"));
    }
    const CliProcess::Result r = CliProcess::run(args);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(expected), qPrintable(err));
    QVERIFY2(err.startsWith(QLatin1String("mqttdesk-cli: ")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("--help' for the list of options")), qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 2); // the error line and the usage hint
    QVERIFY(!server.hasPendingConnections());
    QVERIFY(!server.waitForNewConnection(100));
}

void TstCliErrors::helpListsEveryFlag_data()
{
    QTest::addColumn<int>("command");
    QTest::addColumn<QStringList>("issueFlags");
    // The flags issue 4 names for each command (mosquitto_pub / mosquitto_sub's where they
    // exist, and ours).
    const QStringList connection = words(
        "-h -p -V -i -u -P -k -c -x --will-topic --will-payload --will-qos --will-retain -D "
        "--cafile --capath --cert --key --keypass --insecure --tls-version -L --ws-path --proxy "
        "--profile --data-dir --help");
    const QStringList bench = words("-t -q --clients -W");
    QTest::newRow("conn") << int(CliCommand::Conn) << connection;
    QTest::newRow("pub") << int(CliCommand::Pub)
                         << connection + words("-t -q -r -m -f -s -l -n --repeat --repeat-delay");
    QTest::newRow("sub") << int(CliCommand::Sub)
                         << connection + words("-t -q -C -W -v -N -R -F -T -U --format "
                                               "--line-buffered");
    QTest::newRow("bench pub") << int(CliCommand::BenchPub)
                               << connection + bench + words("-C -r --rate -S --interval");
    QTest::newRow("bench sub") << int(CliCommand::BenchSub)
                               << connection + bench + words("-C --interval");
    QTest::newRow("bench conn") << int(CliCommand::BenchConn)
                                << connection + words("--clients --interval -W");
}

void TstCliErrors::helpListsEveryFlag()
{
    QFETCH(int, command);
    QFETCH(QStringList, issueFlags);
    const CliCommand c = CliCommand(command);
    const QStringList args = CliFlagTable::commandName(c).split(QLatin1Char(' '))
                             << QStringLiteral("--help");
    const CliProcess::Result r = CliProcess::run(args);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    QVERIFY(r.out.startsWith(
        QByteArray("Usage: mqttdesk-cli " + CliFlagTable::commandName(c).toUtf8())));
    const QSet<QString> listed = optionsIn(r.out);
    for (const QString &flag : issueFlags)
        QVERIFY2(listed.contains(flag), qPrintable(flag + QStringLiteral(" missing from --help")));
    // Every flag the command accepts is documented, and none it refuses.
    for (const CliFlag &flag : CliFlagTable::flags()) {
        for (const char *name : {flag.shortName, flag.longName}) {
            if (!name)
                continue;
            const QString n = QLatin1String(name);
            QVERIFY2(listed.contains(n) == CliFlagTable::accepts(flag, c), qPrintable(n));
        }
    }
}

void TstCliErrors::topLevelHelpAndVersion()
{
    const CliProcess::Result help = CliProcess::run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *command : {"conn", "pub", "sub", "bench pub", "bench sub", "bench conn"})
        QVERIFY2(help.out.contains(QByteArray(QByteArray("  ") + command + ' ')), command);
    QVERIFY(help.out.contains("Exit status"));
    const CliProcess::Result version = CliProcess::run({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("mqttdesk-cli "));
}

void TstCliErrors::connectionErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected"); // a regular expression, case-insensitive

    const QString password = QString::number(m_broker.port(Listener::Password));
    for (const char *v : {"mqttv31", "mqttv311", "mqttv5"}) {
        QTest::newRow(qPrintable(QStringLiteral("wrong password %1").arg(QLatin1String(v))))
            << (words("conn -h 127.0.0.1 -u")
                << TestBroker::username() << QStringLiteral("-P") << QStringLiteral("wrong")
                << QStringLiteral("-p") << password << QStringLiteral("-V") << QLatin1String(v))
            << 3 << "user name or password|not authori[sz]ed";
    }
    QTest::newRow("no credentials")
        << (words("sub -t a -h 127.0.0.1 -p") << password) << 3 << "not authori[sz]ed";

    QTcpServer probe; // a port nobody listens on once the probe is closed
    probe.listen(QHostAddress::LocalHost);
    const QString closed = QString::number(probe.serverPort());
    probe.close();
    QTest::newRow("refused port") << (words("sub -t a -h 127.0.0.1 -p") << closed) << 2
                                  << "refused";
    QTest::newRow("refused port, bench")
        << (words("bench conn --clients 3 -h 127.0.0.1 -p") << closed) << 2 << "refused";
    // .invalid never resolves (RFC 6761): no query leaves the machine with an answer.
    QTest::newRow("unknown host") << words("pub -t a -m x -h mqttdesk-test.invalid -p 1883") << 2
                                  << "mqttdesk-test\\.invalid.*not found|not found.*mqttdesk-test";
    QTest::newRow("expired certificate")
        << words("conn") + m_broker.connectArgs(Listener::Expired) << 2 << "expired";
    QTest::newRow("wrong host certificate")
        << words("conn") + m_broker.connectArgs(Listener::WrongHost) << 2 << "localhost";
    QTest::newRow("self-signed certificate")
        << words("conn") + m_broker.connectArgs(Listener::SelfSigned) << 2 << "self.signed";
    QTest::newRow("untrusted certificate")
        << (words("conn -h localhost --cafile")
            << TestPki::instance().selfSignedCert() << QStringLiteral("-p")
            << QString::number(m_broker.port(Listener::Tls)))
        << 2 << "certificate";
}

void TstCliErrors::connectionErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    const CliProcess::Result r = CliProcess::run(args);
    QVERIFY(r.finished);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(r.exitCode == exitCode,
             qPrintable(QString::number(r.exitCode) + QLatin1Char(' ') + err));
    QVERIFY2(err.startsWith(QLatin1String("mqttdesk-cli: ")), qPrintable(err));
    QVERIFY(r.out.isEmpty() || args.first() == QLatin1String("bench"));
    // One line that names the cause.
    QVERIFY2(err.count(QLatin1Char('\n')) == 1, qPrintable(err));
    QVERIFY2(err.contains(QRegularExpression(expected, QRegularExpression::CaseInsensitiveOption)),
             qPrintable(err));
}

QTEST_GUILESS_MAIN(TstCliErrors)
#include "tst_cli_errors.moc"
