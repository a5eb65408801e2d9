#include "tests/cli/cli_process.h"
#include "tests/fixture/mosquitto_sub.h"
#include "tests/fixture/test_broker.h"
#include "tests/fixture/test_pki.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTemporaryFile>
#include <QTest>

using namespace mqttdesk;

using Listener = TestBroker::Listener;

class TstCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void argumentErrors_data();
    void argumentErrors();
    void helpListsEveryFlag();

    void transports_data();
    void transports();
    void countStopsSub_data();
    void countStopsSub();
    void stdinLinesArriveInOrder();
    void retainedSkippedWithR();
    void willIsPublished();
    void userPropertiesReachSubscriber();

    void wrongPassword();
    void refusedPort();
    void expiredCertificate();

private:
    // Connection flags for a listener of the fixture.
    QStringList connectArgs(Listener listener) const;
    // Waits until the broker logged the SUBSCRIBE of `clientId` to `filter`.
    bool waitSubscribed(const QString &clientId, const QString &filter);
    QString uniqueTopic(const char *name);

    TestBroker *m_broker = nullptr;
    int m_topicCounter = 0;
};

void TstCli::initTestCase()
{
    QVERIFY2(TestPki::instance().ok(), qPrintable(TestPki::instance().errorString()));
    m_broker = new TestBroker(this);
    QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
}

void TstCli::cleanupTestCase()
{
    if (m_broker)
        m_broker->stop();
}

QStringList TstCli::connectArgs(Listener listener) const
{
    const QString port = QString::number(m_broker->port(listener));
    const QString ca = TestPki::instance().caCert();
    switch (listener) {
    case Listener::Tls:
        return {QStringLiteral("-h"),       QStringLiteral("localhost"),
                QStringLiteral("-p"),       port,
                QStringLiteral("--cafile"), ca};
    case Listener::MutualTls:
        return {QStringLiteral("-h"),       QStringLiteral("localhost"),
                QStringLiteral("-p"),       port,
                QStringLiteral("--cafile"), ca,
                QStringLiteral("--cert"),   TestPki::instance().clientCert(),
                QStringLiteral("--key"),    TestPki::instance().clientKey()};
    case Listener::Ws:
        return {QStringLiteral("-L"), QStringLiteral("ws://127.0.0.1:%1/mqtt").arg(port)};
    case Listener::Wss:
        return {QStringLiteral("-L"), QStringLiteral("wss://localhost:%1/mqtt").arg(port),
                QStringLiteral("--cafile"), ca};
    case Listener::Password:
        return {QStringLiteral("-h"), TestBroker::host(),
                QStringLiteral("-p"), port,
                QStringLiteral("-u"), TestBroker::username(),
                QStringLiteral("-P"), TestBroker::password()};
    default:
        return {QStringLiteral("-h"), TestBroker::host(), QStringLiteral("-p"), port};
    }
}

bool TstCli::waitSubscribed(const QString &clientId, const QString &filter)
{
    // mosquitto's `subscribe` log line: "<client id> <qos> <filter>".
    for (int qos = 0; qos < 3; ++qos) {
        const QByteArray line =
            (clientId + QLatin1Char(' ') + QString::number(qos) + QLatin1Char(' ') + filter)
                .toUtf8();
        if (m_broker->log().contains(line))
            return true;
    }
    return m_broker->waitForLog(
               (clientId + QLatin1Char(' ')).toUtf8() + '0' + ' ' + filter.toUtf8(), 15000) ||
           m_broker->log().contains((clientId + QStringLiteral(" 1 ") + filter).toUtf8());
}

QString TstCli::uniqueTopic(const char *name)
{
    return QStringLiteral("cli/%1/%2").arg(QLatin1String(name)).arg(++m_topicCounter);
}

void TstCli::argumentErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown flag") << QStringList{QStringLiteral("sub"), QStringLiteral("-t"),
                                                 QStringLiteral("a"), QStringLiteral("--bogus")}
                                  << QStringLiteral("unknown option '--bogus'");
    QTest::newRow("qos 3") << QStringList{QStringLiteral("pub"), QStringLiteral("-t"),
                                          QStringLiteral("a"),   QStringLiteral("-m"),
                                          QStringLiteral("x"),   QStringLiteral("-q"),
                                          QStringLiteral("3")}
                           << QStringLiteral("QoS must be 0, 1 or 2");
    QTest::newRow("wildcard in pub topic")
        << QStringList{QStringLiteral("pub"), QStringLiteral("-t"), QStringLiteral("a/+/b"),
                       QStringLiteral("-m"), QStringLiteral("x")}
        << QStringLiteral("wildcards");
    QTest::newRow("missing file") << QStringList{QStringLiteral("pub"), QStringLiteral("-t"),
                                                 QStringLiteral("a"), QStringLiteral("-f"),
                                                 QStringLiteral("/nonexistent/mqttdesk.bin")}
                                  << QStringLiteral("does not exist");
}

void TstCli::argumentErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    // A listener of our own: an argument error must not even open a connection.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    args << QStringLiteral("-h") << QStringLiteral("127.0.0.1") << QStringLiteral("-p")
         << QString::number(server.serverPort());
    const CliProcess::Result r = CliProcess::run(args);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(expected), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("--help' for the list of options")), qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 2); // the error line and the usage hint
    QVERIFY(!server.waitForNewConnection(100));
}

void TstCli::helpListsEveryFlag()
{
    const CliProcess::Result r = CliProcess::run({QStringLiteral("sub"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char *flag : {"-h, --host",
                             "-p, --port",
                             "-V",
                             "-C",
                             "-W",
                             "-v",
                             "-N",
                             "-R",
                             "-F",
                             "-T",
                             "-U",
                             "--will-topic",
                             "-D",
                             "--cafile",
                             "--insecure",
                             "--tls-version",
                             "-L",
                             "--ws-path",
                             "--proxy",
                             "--format",
                             "--profile",
                             "--data-dir",
                             "--line-buffered"})
        QVERIFY2(r.out.contains(flag), flag);
    const CliProcess::Result pub =
        CliProcess::run({QStringLiteral("pub"), QStringLiteral("--help")});
    for (const char *flag : {"-m", "-f", "-s", "-l", "-n", "-r", "--repeat", "--repeat-delay"})
        QVERIFY2(pub.out.contains(flag), flag);
}

void TstCli::transports_data()
{
    QTest::addColumn<Listener>("listener");
    QTest::addColumn<QString>("version");
    for (Listener l : {Listener::Plain, Listener::Password, Listener::Tls, Listener::MutualTls,
                       Listener::Ws, Listener::Wss}) {
        for (const char *v : {"mqttv31", "mqttv311", "mqttv5"}) {
            const QByteArray name =
                QByteArray(QMetaEnum::fromType<Listener>().valueToKey(int(l))) + ' ' + v;
            QTest::newRow(name.constData()) << l << QString::fromLatin1(v);
        }
    }
}

void TstCli::transports()
{
    QFETCH(Listener, listener);
    QFETCH(QString, version);
    const QStringList conn = connectArgs(listener) << QStringLiteral("-V") << version;

    const CliProcess::Result c = CliProcess::run(QStringList{QStringLiteral("conn")} + conn);
    QVERIFY2(c.exitCode == 0, c.err.constData());
    QVERIFY2(c.out.contains("Connected to"), c.out.constData());
    QVERIFY2(c.out.contains("0x00"), c.out.constData());

    // A retained message published over this transport comes back to a sub over it.
    const QString topic = uniqueTopic("transport");
    const CliProcess::Result p = CliProcess::run(
        QStringList{QStringLiteral("pub"), QStringLiteral("-t"), topic, QStringLiteral("-m"),
                    QStringLiteral("over the wire"), QStringLiteral("-r"), QStringLiteral("-q"),
                    QStringLiteral("1")} +
        conn);
    QVERIFY2(p.exitCode == 0, p.err.constData());
    const CliProcess::Result s =
        CliProcess::run(QStringList{QStringLiteral("sub"), QStringLiteral("-t"), topic,
                                    QStringLiteral("-C"), QStringLiteral("1"), QStringLiteral("-v"),
                                    QStringLiteral("-W"), QStringLiteral("20")} +
                        conn);
    QVERIFY2(s.exitCode == 0, s.err.constData());
    QCOMPARE(s.out, (topic + QStringLiteral(" over the wire\n")).toUtf8());
    // Clear the retained message.
    CliProcess::run(QStringList{QStringLiteral("pub"), QStringLiteral("-t"), topic,
                                QStringLiteral("-n"), QStringLiteral("-r")} +
                    conn);
}

void TstCli::countStopsSub_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("3.1.1") << QStringLiteral("mqttv311");
    QTest::newRow("5.0") << QStringLiteral("mqttv5");
}

void TstCli::countStopsSub()
{
    QFETCH(QString, version);
    const QString topic = uniqueTopic("count");
    const QString id = QStringLiteral("cli-count-") + version;
    QProcess sub;
    CliProcess::start(sub, QStringList{QStringLiteral("sub"), QStringLiteral("-V"), version,
                                       QStringLiteral("-i"), id, QStringLiteral("-t"), topic,
                                       QStringLiteral("-C"), QStringLiteral("3")} +
                               connectArgs(Listener::Plain));
    QVERIFY(sub.waitForStarted());
    QVERIFY(waitSubscribed(id, topic));
    const CliProcess::Result p = CliProcess::run(
        QStringList{QStringLiteral("pub"), QStringLiteral("-t"), topic, QStringLiteral("-m"),
                    QStringLiteral("m"), QStringLiteral("--repeat"), QStringLiteral("5")} +
        connectArgs(Listener::Plain));
    QCOMPARE(p.exitCode, 0);
    QVERIFY(sub.waitForFinished(20000));
    QCOMPARE(sub.exitCode(), 0);
    QCOMPARE(sub.readAllStandardOutput(), QByteArray("m\nm\nm\n"));
}

void TstCli::stdinLinesArriveInOrder()
{
    // The receiver is our own sub at QoS 1: mosquitto_sub -d (the fixture's) prints so much
    // per message that the broker's queue limit (1000 by default) drops messages for it.
    const QString topic = uniqueTopic("lines");
    const QString id = QStringLiteral("cli-lines");
    const int lines = 10000;
    QProcess sub;
    CliProcess::start(sub, QStringList{QStringLiteral("sub"), QStringLiteral("-i"), id,
                                       QStringLiteral("-t"), topic, QStringLiteral("-q"),
                                       QStringLiteral("1"), QStringLiteral("-C"),
                                       QString::number(lines)} +
                               connectArgs(Listener::Plain));
    QVERIFY(sub.waitForStarted());
    QVERIFY(waitSubscribed(id, topic));
    QByteArray input;
    for (int i = 0; i < lines; ++i)
        input += "line " + QByteArray::number(i) + '\n';
    const CliProcess::Result p = CliProcess::run(
        QStringList{QStringLiteral("pub"), QStringLiteral("-t"), topic, QStringLiteral("-l"),
                    QStringLiteral("-q"), QStringLiteral("1")} +
            connectArgs(Listener::Plain),
        input, 120000);
    QVERIFY2(p.exitCode == 0, p.err.constData());
    QVERIFY(sub.waitForFinished(120000));
    QCOMPARE(sub.exitCode(), 0);
    const QByteArray out = sub.readAllStandardOutput();
    QCOMPARE(out.count('\n'), lines);
    QCOMPARE(out, input); // complete and in order
}

void TstCli::retainedSkippedWithR()
{
    const QString topic = uniqueTopic("retained");
    const QStringList plain = connectArgs(Listener::Plain);
    QCOMPARE(CliProcess::run(QStringList{QStringLiteral("pub"), QStringLiteral("-t"), topic,
                                         QStringLiteral("-m"), QStringLiteral("old"),
                                         QStringLiteral("-r")} +
                             plain)
                 .exitCode,
             0);
    const QString id = QStringLiteral("cli-retained");
    QProcess sub;
    CliProcess::start(sub, QStringList{QStringLiteral("sub"), QStringLiteral("-R"),
                                       QStringLiteral("-i"), id, QStringLiteral("-t"), topic,
                                       QStringLiteral("-C"), QStringLiteral("1")} +
                               plain);
    QVERIFY(sub.waitForStarted());
    QVERIFY(waitSubscribed(id, topic));
    QCOMPARE(CliProcess::run(QStringList{QStringLiteral("pub"), QStringLiteral("-t"), topic,
                                         QStringLiteral("-m"), QStringLiteral("live")} +
                             plain)
                 .exitCode,
             0);
    QVERIFY(sub.waitForFinished(20000));
    QCOMPARE(sub.exitCode(), 0);
    QCOMPARE(sub.readAllStandardOutput(), QByteArray("live\n"));
    CliProcess::run(QStringList{QStringLiteral("pub"), QStringLiteral("-t"), topic,
                                QStringLiteral("-n"), QStringLiteral("-r")} +
                    plain);
}

void TstCli::willIsPublished()
{
    const QString willTopic = uniqueTopic("will");
    MosquittoSub receiver;
    QVERIFY(receiver.start(m_broker->port(Listener::Plain), willTopic));
    const QString id = QStringLiteral("cli-will");
    const QString filter = uniqueTopic("will-holder");
    QProcess holder;
    CliProcess::start(holder, QStringList{QStringLiteral("sub"), QStringLiteral("-i"), id,
                                          QStringLiteral("-t"), filter,
                                          QStringLiteral("--will-topic"), willTopic,
                                          QStringLiteral("--will-payload"), QStringLiteral("gone"),
                                          QStringLiteral("--will-qos"), QStringLiteral("1")} +
                                  connectArgs(Listener::Plain));
    QVERIFY(holder.waitForStarted());
    QVERIFY(waitSubscribed(id, filter));
    holder.kill(); // no DISCONNECT: the broker publishes the will
    QVERIFY(holder.waitForFinished());
    QVERIFY(receiver.waitForMessages(1, 20000));
    QCOMPARE(receiver.messages().first().payload, QByteArray("gone"));
}

void TstCli::userPropertiesReachSubscriber()
{
    const QString topic = uniqueTopic("props");
    const QString id = QStringLiteral("cli-props");
    const QStringList v5 =
        QStringList{QStringLiteral("-V"), QStringLiteral("mqttv5")} + connectArgs(Listener::Plain);
    QProcess sub;
    CliProcess::start(sub,
                      QStringList{QStringLiteral("sub"), QStringLiteral("-i"), id,
                                  QStringLiteral("-t"), topic, QStringLiteral("-C"),
                                  QStringLiteral("1"), QStringLiteral("-F"), QStringLiteral("%j")} +
                          v5);
    QVERIFY(sub.waitForStarted());
    QVERIFY(waitSubscribed(id, topic));
    const CliProcess::Result p = CliProcess::run(
        QStringList{QStringLiteral("pub"), QStringLiteral("-t"), topic, QStringLiteral("-m"),
                    QStringLiteral("hello"), QStringLiteral("-D"), QStringLiteral("publish"),
                    QStringLiteral("user-property"), QStringLiteral("origin"),
                    QStringLiteral("mqttdesk-cli")} +
        v5);
    QVERIFY2(p.exitCode == 0, p.err.constData());
    QVERIFY(sub.waitForFinished(20000));
    const QByteArray out = sub.readAllStandardOutput();
    QVERIFY2(out.contains("\"user-properties\":{\"origin\":\"mqttdesk-cli\"}"), out.constData());
    QVERIFY2(out.contains("\"payload\":\"hello\""), out.constData());
}

void TstCli::wrongPassword()
{
    const QStringList args{QStringLiteral("conn"),
                           QStringLiteral("-h"),
                           TestBroker::host(),
                           QStringLiteral("-p"),
                           QString::number(m_broker->port(Listener::Password)),
                           QStringLiteral("-u"),
                           TestBroker::username(),
                           QStringLiteral("-P"),
                           QStringLiteral("wrong")};
    for (const char *v : {"mqttv311", "mqttv5"}) {
        const CliProcess::Result r =
            CliProcess::run(args + QStringList{QStringLiteral("-V"), QLatin1String(v)});
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("user name and password") ||
                     r.err.contains("User Name or Password") || r.err.contains("Not authorized"),
                 r.err.constData());
    }
}

void TstCli::refusedPort()
{
    QTcpServer probe; // a port nobody listens on once the probe is closed
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    const CliProcess::Result r = CliProcess::run(
        {QStringLiteral("sub"), QStringLiteral("-t"), QStringLiteral("a"), QStringLiteral("-h"),
         QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(port)});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains("refused"), r.err.constData());
}

void TstCli::expiredCertificate()
{
    const CliProcess::Result r =
        CliProcess::run({QStringLiteral("conn"), QStringLiteral("-h"), QStringLiteral("localhost"),
                         QStringLiteral("-p"), QString::number(m_broker->port(Listener::Expired)),
                         QStringLiteral("--cafile"), TestPki::instance().caCert()});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains("expired"), r.err.constData());
}

QTEST_GUILESS_MAIN(TstCli)
#include "tst_cli.moc"
