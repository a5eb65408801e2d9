#include "tests/cli/cli_broker.h"
#include "tests/cli/cli_process.h"
#include "tests/fixture/mosquitto_sub.h"

#include <QTest>

using namespace mqttdesk;

using Listener = TestBroker::Listener;

class TstCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void transports_data();
    void transports();
    void countStopsSub_data();
    void countStopsSub();
    void stdinLinesArriveInOrder();
    void retainedSkippedWithR();
    void willIsPublished();
    void userPropertiesReachSubscriber();

private:
    QStringList connectArgs(Listener listener) const { return m_broker.connectArgs(listener); }
    bool waitSubscribed(const QString &clientId, const QString &filter, int qos = 0)
    {
        return m_broker.waitSubscribed(clientId, filter, qos);
    }
    QString uniqueTopic(const char *name) { return m_broker.uniqueTopic(name); }

    CliBroker m_broker;
};

void TstCli::initTestCase()
{
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

void TstCli::cleanupTestCase()
{
    m_broker.stop();
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
    QVERIFY(waitSubscribed(id, topic, 1));
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
    QVERIFY(receiver.start(m_broker.port(Listener::Plain), willTopic));
    const QString id = QStringLiteral("cli-will");
    const QString filter = uniqueTopic("will-holder");
    QProcess holder;
    CliProcess::start(holder,
                      QStringList{QStringLiteral("sub"), QStringLiteral("-i"), id,
                                  QStringLiteral("-t"), filter, QStringLiteral("--will-topic"),
                                  willTopic, QStringLiteral("--will-payload"),
                                  QStringLiteral("gone"), QStringLiteral("--will-qos"),
                                  QStringLiteral("1"), QStringLiteral("--will-retain")} +
                          connectArgs(Listener::Plain));
    QVERIFY(holder.waitForStarted());
    QVERIFY(waitSubscribed(id, filter));
    holder.kill(); // no DISCONNECT: the broker publishes the will
    QVERIFY(holder.waitForFinished());
    QVERIFY(receiver.waitForMessages(1, 20000));
    QCOMPARE(receiver.messages().first().payload, QByteArray("gone"));
    // --will-retain: the broker kept it for later subscribers.
    const QStringList plain = connectArgs(Listener::Plain);
    const CliProcess::Result later = CliProcess::run(
        QStringList{QStringLiteral("sub"), QStringLiteral("-t"), willTopic, QStringLiteral("-C"),
                    QStringLiteral("1"), QStringLiteral("-F"), QStringLiteral("%r %q %p"),
                    QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-W"),
                    QStringLiteral("20")} +
        plain);
    QVERIFY2(later.exitCode == 0, later.err.constData());
    QCOMPARE(later.out, QByteArray("1 1 gone\n"));
    CliProcess::run(QStringList{QStringLiteral("pub"), QStringLiteral("-t"), willTopic,
                                QStringLiteral("-n"), QStringLiteral("-r")} +
                    plain);
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

QTEST_GUILESS_MAIN(TstCli)
#include "tst_cli.moc"
