// MosquittoPubCommand: the command line for "Copy as mosquitto_pub command", checked as text
// and by running it: each command goes through /bin/sh to the real mosquitto_pub against the
// fixture's broker, and a subscriber must receive the very bytes, topic, QoS, retain flag and
// MQTT 5 properties of the original message.
#include "core/protocol/codec.h"
#include "core/storage/stored_message.h"
#include "core/workspace/mosquitto_pub_command.h"
#include "tests/fixture/mosquitto_sub.h"
#include "tests/fixture/test_broker.h"

#include <QProcess>
#include <QTest>

using namespace mqttdesk;

class TestMosquittoPubCommand : public QObject
{
    Q_OBJECT
private slots:
    void quoting();
    void plainTextOrStdin();
    void flagsFromTheSettings();
    void runsAndDeliversTheSameMessage_data();
    void runsAndDeliversTheSameMessage();
};

namespace {
StoredMessage message(const QString &topic, const QByteArray &payload, int qos = 0,
                      bool retain = false)
{
    StoredMessage m;
    m.topic = topic;
    m.payload = payload;
    m.payloadSize = payload.size();
    m.qos = quint8(qos);
    m.retain = retain;
    return m;
}
} // namespace

void TestMosquittoPubCommand::quoting()
{
    QCOMPARE(MosquittoPubCommand::quote(QStringLiteral("a b")), QStringLiteral("'a b'"));
    QCOMPARE(MosquittoPubCommand::quote(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
    QCOMPARE(MosquittoPubCommand::quote(QString()), QStringLiteral("''"));
}

void TestMosquittoPubCommand::plainTextOrStdin()
{
    QVERIFY(MosquittoPubCommand::isPlainText("21.5"));
    QVERIFY(MosquittoPubCommand::isPlainText("line\n\tnext °C"));
    QVERIFY(!MosquittoPubCommand::isPlainText(QByteArray("a\0b", 3)));
    QVERIFY(!MosquittoPubCommand::isPlainText("\x1b[0m"));
    QVERIFY(!MosquittoPubCommand::isPlainText("abc\xc3\x28"));
    ConnectionSettings settings;
    QCOMPARE(MosquittoPubCommand::build(settings, message(QStringLiteral("t"), {}), {}),
             QStringLiteral("mosquitto_pub -h '127.0.0.1' -p 1883 -V mqttv311 -t 't' -n"));
    QCOMPARE(MosquittoPubCommand::build(settings, message(QStringLiteral("t"), {}),
                                        QByteArray("\x00%\\'\xff", 5)),
             QStringLiteral("printf '\\000\\045\\134\\047\\377' | mosquitto_pub -h '127.0.0.1' "
                            "-p 1883 -V mqttv311 -t 't' -s"));
}

void TestMosquittoPubCommand::flagsFromTheSettings()
{
    ConnectionSettings settings;
    settings.transport.kind = TransportOptions::Kind::Tls;
    settings.transport.host = QStringLiteral("broker");
    settings.transport.port = 8883;
    settings.transport.tls.caFiles = {QStringLiteral("/etc/ca one.pem")};
    settings.transport.tls.clientCertificateFile = QStringLiteral("/c.pem");
    settings.transport.tls.clientKeyFile = QStringLiteral("/k.pem");
    settings.transport.tls.keyPassphrase = "pass-phrase";
    settings.session.version = ProtocolVersion::V5;
    settings.session.username = QStringLiteral("o'neil");
    settings.session.password = QByteArrayLiteral("pw-secret");
    const QString command = MosquittoPubCommand::build(
        settings, message(QStringLiteral("a/b"), "on", 2, true), QByteArrayLiteral("on"));
    QCOMPARE(command, QStringLiteral("mosquitto_pub -h 'broker' -p 8883 -V mqttv5 --cafile "
                                     "'/etc/ca one.pem' --cert '/c.pem' --key '/k.pem' -u "
                                     "'o'\\''neil' -t 'a/b' -q 2 -r -m 'on'"));
    QVERIFY(!command.contains(QStringLiteral("secret")));
    QVERIFY(!command.contains(QStringLiteral("pass-phrase")));
    // mosquitto_pub speaks no WebSocket: the port is the user's to give.
    settings.transport.kind = TransportOptions::Kind::WebSocket;
    settings.transport.port = 8080;
    QVERIFY(!MosquittoPubCommand::build(settings, message(QStringLiteral("a"), "x"), "x")
                 .contains(QStringLiteral("8080")));
}

void TestMosquittoPubCommand::runsAndDeliversTheSameMessage_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("qos");
    QTest::addColumn<bool>("retain");
    QTest::addColumn<bool>("withProperties");
    QTest::addRow("text") << QByteArray("21.5 °C") << 1 << false << false;
    QTest::addRow("quotes and shell")
        << QByteArray("it's $HOME `id` \"x\" \\n %s") << 0 << false << false;
    QTest::addRow("multi-line json") << QByteArray("{\n  \"a\": [1, 2]\n}") << 2 << true << true;
    QByteArray binary;
    for (int i = 0; i < 256; ++i)
        binary += char(i);
    QTest::addRow("every byte") << binary << 1 << false << true;
    QTest::addRow("empty") << QByteArray() << 0 << false << false;
}

void TestMosquittoPubCommand::runsAndDeliversTheSameMessage()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, qos);
    QFETCH(bool, retain);
    QFETCH(bool, withProperties);
    TestBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    const quint16 port = broker.port(TestBroker::Listener::Plain);
    ConnectionSettings settings;
    settings.transport.port = port;
    settings.session.version = ProtocolVersion::V5;
    StoredMessage m = message(QStringLiteral("copy/it's here"), payload, qos, retain);
    if (withProperties) {
        Properties p;
        p.setString(PropertyId::ContentType, QStringLiteral("application/x-test"));
        p.setString(PropertyId::ResponseTopic, QStringLiteral("reply/to"));
        p.addUserProperty(QStringLiteral("site"), QStringLiteral("plant 3"));
        m.properties = encodeProperties(p);
    }
    const QString command = MosquittoPubCommand::build(settings, m, payload);

    // The fixture's marker line, then %q QoS, %r retain (kept by --retain-as-published),
    // %C content type, %R response topic, %P user properties; and the payload in hex.
    MosquittoSub sub;
    QVERIFY(
        sub.start(port, QStringLiteral("copy/#"),
                  {QStringLiteral("-V"), QStringLiteral("mqttv5"), QStringLiteral("-q"),
                   QStringLiteral("2"), QStringLiteral("--retain-as-published"),
                   QStringLiteral("-F"), QStringLiteral("MQTTDESK-MSG\t%t|%q|%r|%C|%R|%P\t%x")}));
    QProcess shell;
    shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    QVERIFY(shell.waitForFinished(15000));
    QVERIFY2(shell.exitCode() == 0,
             qPrintable(command + QLatin1Char('\n') +
                        QString::fromLocal8Bit(shell.readAllStandardError())));
    QVERIFY2(sub.waitForMessages(1), sub.output().constData());
    QString expected = QStringLiteral("copy/it's here|%1|%2|").arg(qos).arg(retain ? 1 : 0);
    expected += withProperties ? QStringLiteral("application/x-test|reply/to|site:plant 3")
                               : QStringLiteral("||");
    QCOMPARE(sub.messages().first().topic, expected);
    QCOMPARE(sub.messages().first().payload, payload);
}

QTEST_MAIN(TestMosquittoPubCommand)
#include "tst_mosquitto_pub_command.moc"
