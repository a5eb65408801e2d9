#include "core/profile/connection_profile.h"
#include "core/profile/profile_json.h"
#include "core/storage/data_directory.h"
#include "core/storage/database.h"
#include "core/storage/profile_store.h"
#include "tests/cli/cli_broker.h"
#include "tests/cli/cli_process.h"
#include "tests/cli/test_proxy.h"
#include "tests/fixture/mosquitto_sub.h"
#include "tests/fixture/test_pki.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace mqttdesk;

using Listener = TestBroker::Listener;

// How the CLI reaches a broker: through a SOCKS5 or HTTP CONNECT proxy, with --capath and
// --tls-version, over ws:// and wss:// URLs with --ws-path, and with a connection saved by
// the app (--profile); SSLKEYLOGFILE writes the TLS key log.
class TstCliNetwork : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void socks5Proxy();
    void socks5ProxyWrongPassword();
    void httpConnectProxy();
    void caPath();
    void encryptedKeyAndInsecure();
    void sslKeyLogFile();
    void tlsVersion_data();
    void tlsVersion();
    void webSocketUrls_data();
    void webSocketUrls();

    void savedProfile_data();
    void savedProfile();
    void savedProfileFromEnvironment();
    void savedProfileErrors_data();
    void savedProfileErrors();

private:
    // pub through `extraArgs` to the plain listener; true when mosquitto_sub got it.
    bool publishReaches(const QStringList &connectArgs, const QByteArray &message);
    // A profile saved the way the app saves it, in the data directory of this test.
    void saveProfile(const ConnectionProfile &profile);
    void saveProfiles();

    CliBroker m_broker;
    QTemporaryDir m_dataDir;
};

void TstCliNetwork::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
    saveProfiles();
    QVERIFY(!QTest::currentTestFailed());
}

void TstCliNetwork::cleanupTestCase()
{
    m_broker.stop();
}

bool TstCliNetwork::publishReaches(const QStringList &connectArgs, const QByteArray &message)
{
    const QString topic = m_broker.uniqueTopic("network");
    MosquittoSub receiver;
    if (!receiver.start(m_broker.port(Listener::Plain), topic))
        return false;
    const CliProcess::Result r = CliProcess::run(
        QStringList{QStringLiteral("pub"), QStringLiteral("-t"), topic, QStringLiteral("-m"),
                    QString::fromUtf8(message), QStringLiteral("-q"), QStringLiteral("1")} +
        connectArgs);
    if (r.exitCode != 0) {
        qWarning("pub failed (%d): %s", r.exitCode, r.err.constData());
        return false;
    }
    return receiver.waitForMessages(1, 20000) && receiver.messages().first().payload == message;
}

void TstCliNetwork::socks5Proxy()
{
    TestProxy proxy(TestProxy::Kind::Socks5);
    QVERIFY2(proxy.start(QStringLiteral("proxy-user"), QStringLiteral("proxy-secret")),
             qPrintable(proxy.errorString()));
    QVERIFY(publishReaches(
        m_broker.connectArgs(Listener::Plain)
            << QStringLiteral("--proxy")
            << proxy.url(QStringLiteral("proxy-user"), QStringLiteral("proxy-secret")),
        "through socks5"));
    // sub and conn take the same way.
    const CliProcess::Result c = CliProcess::run(
        QStringList{QStringLiteral("conn"), QStringLiteral("--proxy"),
                    proxy.url(QStringLiteral("proxy-user"), QStringLiteral("proxy-secret"))} +
        m_broker.connectArgs(Listener::Tls));
    QVERIFY2(c.exitCode == 0, c.err.constData());
    QVERIFY2(c.out.contains("over TLS"), c.out.constData());
}

void TstCliNetwork::socks5ProxyWrongPassword()
{
    // The proxy is really in the path: it turns away a wrong password.
    TestProxy proxy(TestProxy::Kind::Socks5);
    QVERIFY2(proxy.start(QStringLiteral("proxy-user"), QStringLiteral("proxy-secret")),
             qPrintable(proxy.errorString()));
    const CliProcess::Result r = CliProcess::run(
        QStringList{QStringLiteral("conn"), QStringLiteral("--proxy"),
                    proxy.url(QStringLiteral("proxy-user"), QStringLiteral("wrong"))} +
        m_broker.connectArgs(Listener::Plain));
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.toLower().contains("proxy"), r.err.constData());
}

void TstCliNetwork::httpConnectProxy()
{
    TestProxy proxy(TestProxy::Kind::HttpConnect);
    QVERIFY2(proxy.start(), qPrintable(proxy.errorString()));
    QVERIFY(publishReaches(m_broker.connectArgs(Listener::Plain)
                               << QStringLiteral("--proxy") << proxy.url(),
                           "through http connect"));
    const QByteArray request =
        "CONNECT 127.0.0.1:" + QByteArray::number(m_broker.port(Listener::Plain));
    QTRY_VERIFY2(proxy.output().contains(request), proxy.output().constData());
    // WebSocket through the proxy too.
    const CliProcess::Result c = CliProcess::run(
        QStringList{QStringLiteral("conn"), QStringLiteral("--proxy"), proxy.url()} +
        m_broker.connectArgs(Listener::Ws));
    QVERIFY2(c.exitCode == 0, c.err.constData());
    QVERIFY2(c.out.contains("over WebSocket"), c.out.constData());
}

void TstCliNetwork::caPath()
{
    // A directory with the CA alone; the server certificate verifies against it.
    QTemporaryDir dir;
    QVERIFY(QFile::copy(TestPki::instance().caCert(), dir.filePath(QStringLiteral("test-ca.pem"))));
    const CliProcess::Result ok =
        CliProcess::run({QStringLiteral("conn"), QStringLiteral("-h"), QStringLiteral("localhost"),
                         QStringLiteral("-p"), QString::number(m_broker.port(Listener::Tls)),
                         QStringLiteral("--capath"), dir.path()});
    QVERIFY2(ok.exitCode == 0, ok.err.constData());
    QVERIFY2(ok.out.contains("over TLS"), ok.out.constData());

    // A directory without that CA: verification fails, as it must.
    QTemporaryDir other;
    QVERIFY(QFile::copy(TestPki::instance().selfSignedCert(),
                        other.filePath(QStringLiteral("other.crt"))));
    const CliProcess::Result bad =
        CliProcess::run({QStringLiteral("conn"), QStringLiteral("-h"), QStringLiteral("localhost"),
                         QStringLiteral("-p"), QString::number(m_broker.port(Listener::Tls)),
                         QStringLiteral("--capath"), other.path()});
    QCOMPARE(bad.exitCode, 2);
    QCOMPARE(bad.err.count('\n'), 1);

    // An empty directory is an argument error.
    QTemporaryDir empty;
    const CliProcess::Result none =
        CliProcess::run({QStringLiteral("conn"), QStringLiteral("--capath"), empty.path()});
    QCOMPARE(none.exitCode, 1);
    QVERIFY2(none.err.contains("no .pem or .crt files"), none.err.constData());
}

void TstCliNetwork::encryptedKeyAndInsecure()
{
    const TestPki &pki = TestPki::instance();
    const QStringList mutual{QStringLiteral("conn"),
                             QStringLiteral("-h"),
                             QStringLiteral("localhost"),
                             QStringLiteral("-p"),
                             QString::number(m_broker.port(Listener::MutualTls)),
                             QStringLiteral("--cafile"),
                             pki.caCert(),
                             QStringLiteral("--cert"),
                             pki.clientCert(),
                             QStringLiteral("--key"),
                             pki.clientKeyEncrypted()};
    const CliProcess::Result ok =
        CliProcess::run(mutual + QStringList{QStringLiteral("--keypass"),
                                             QString::fromLatin1(TestPki::clientKeyPassphrase())});
    QVERIFY2(ok.exitCode == 0, ok.err.constData());
    // A wrong passphrase is found before connecting.
    const CliProcess::Result wrong =
        CliProcess::run(mutual + QStringList{QStringLiteral("--keypass"), QStringLiteral("nope")});
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.err.contains("client-encrypted.key"), wrong.err.constData());

    // --insecure: a self-signed server is accepted only when asked for.
    const QStringList selfSigned{QStringLiteral("conn"), QStringLiteral("-h"),
                                 QStringLiteral("localhost"), QStringLiteral("-p"),
                                 QString::number(m_broker.port(Listener::SelfSigned))};
    const CliProcess::Result insecure =
        CliProcess::run(selfSigned + QStringList{QStringLiteral("--insecure")});
    QVERIFY2(insecure.exitCode == 0, insecure.err.constData());
    QVERIFY2(insecure.out.contains("over TLS"), insecure.out.constData());
    const CliProcess::Result verified =
        CliProcess::run(selfSigned + QStringList{QStringLiteral("--cafile"), pki.caCert()});
    QCOMPARE(verified.exitCode, 2);
}

void TstCliNetwork::sslKeyLogFile()
{
    QTemporaryDir dir;
    const auto unset = qScopeGuard([] { qunsetenv("SSLKEYLOGFILE"); });
    const QString file = dir.filePath(QStringLiteral("keys.log"));
    qputenv("SSLKEYLOGFILE", QFile::encodeName(file));
    const CliProcess::Result r =
        CliProcess::run(QStringList{QStringLiteral("conn")} + m_broker.connectArgs(Listener::Tls));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    QFile keys(file);
    QVERIFY(keys.open(QIODevice::ReadOnly));
    // TLS 1.3 by default; CLIENT_RANDOM would be TLS 1.2. Either is what Wireshark reads.
    static const QRegularExpression kLine(
        QStringLiteral("^(CLIENT_RANDOM|CLIENT_HANDSHAKE_TRAFFIC_SECRET) [0-9a-f]{64} [0-9a-f]+$"),
        QRegularExpression::MultilineOption);
    const QString text = QString::fromLatin1(keys.readAll());
    QVERIFY2(kLine.match(text).hasMatch(), qPrintable(text));
    struct stat info = {};
    QCOMPARE(::stat(QFile::encodeName(file).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0600));

    // A file that cannot be written: one warning on stderr, and the connection still works.
    const QString missing = dir.filePath(QStringLiteral("missing/keys.log"));
    qputenv("SSLKEYLOGFILE", QFile::encodeName(missing));
    const CliProcess::Result warned =
        CliProcess::run(QStringList{QStringLiteral("conn")} + m_broker.connectArgs(Listener::Tls));
    QVERIFY2(warned.exitCode == 0, warned.err.constData());
    QVERIFY2(warned.out.contains("over TLS"), warned.out.constData());
    QCOMPARE(warned.err.count('\n'), 1);
    QVERIFY2(warned.err.startsWith("mqttdesk-cli: warning: ") &&
                 warned.err.contains(QFile::encodeName(missing)),
             warned.err.constData());
}

void TstCliNetwork::tlsVersion_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("tlsv1.2") << QStringLiteral("tlsv1.2");
    QTest::newRow("tlsv1.3") << QStringLiteral("tlsv1.3");
}

void TstCliNetwork::tlsVersion()
{
    QFETCH(QString, version);
    const CliProcess::Result r = CliProcess::run(
        QStringList{QStringLiteral("conn"), QStringLiteral("--tls-version"), version} +
        m_broker.connectArgs(Listener::Tls));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("over TLS"), r.out.constData());
    // --tls-version alone means TLS, as in mosquitto_pub: published over the TLS listener.
    QVERIFY(publishReaches(QStringList{QStringLiteral("--tls-version"), version} +
                               m_broker.connectArgs(Listener::MutualTls),
                           "tls " + version.toUtf8()));
}

void TstCliNetwork::webSocketUrls_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    const QString ws = QString::number(m_broker.port(Listener::Ws));
    const QString wss = QString::number(m_broker.port(Listener::Wss));
    const QString ca = TestPki::instance().caCert();
    QTest::newRow("ws:// with path")
        << QStringList{QStringLiteral("-L"), QStringLiteral("ws://127.0.0.1:%1/mqtt").arg(ws)}
        << QStringLiteral("ws://127.0.0.1:%1/mqtt").arg(ws);
    QTest::newRow("ws:// and --ws-path")
        << QStringList{QStringLiteral("-L"), QStringLiteral("ws://127.0.0.1:%1").arg(ws),
                       QStringLiteral("--ws-path"), QStringLiteral("/custom/path")}
        << QStringLiteral("ws://127.0.0.1:%1/custom/path").arg(ws);
    QTest::newRow("--ws-path overrides the URL's")
        << QStringList{QStringLiteral("-L"), QStringLiteral("ws://127.0.0.1:%1/mqtt").arg(ws),
                       QStringLiteral("--ws-path"), QStringLiteral("other")}
        << QStringLiteral("ws://127.0.0.1:%1/other").arg(ws);
    QTest::newRow("wss:// with --ws-path")
        << QStringList{QStringLiteral("-L"),        QStringLiteral("wss://localhost:%1").arg(wss),
                       QStringLiteral("--ws-path"), QStringLiteral("/mqtt"),
                       QStringLiteral("--cafile"),  ca}
        << QStringLiteral("wss://localhost:%1/mqtt").arg(wss);
    QTest::newRow("ws:// with user and password")
        << QStringList{QStringLiteral("-L"), QStringLiteral("ws://u:p@127.0.0.1:%1/mqtt").arg(ws)}
        << QStringLiteral("ws://127.0.0.1:%1/mqtt").arg(ws);
    QTest::newRow("mqtts:// URL")
        << QStringList{QStringLiteral("-L"),
                       QStringLiteral("mqtts://localhost:%1").arg(m_broker.port(Listener::Tls)),
                       QStringLiteral("--cafile"), ca}
        << QStringLiteral("mqtts://localhost:%1").arg(m_broker.port(Listener::Tls));
}

void TstCliNetwork::webSocketUrls()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    const CliProcess::Result r = CliProcess::run(QStringList{QStringLiteral("conn")} + args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains(expected.toUtf8()), r.out.constData());
    QVERIFY(publishReaches(args, QByteArray("url ") + QTest::currentDataTag()));
}

void TstCliNetwork::saveProfile(const ConnectionProfile &profile)
{
    const QString dir = m_dataDir.path();
    Database database(DataDirectory::databasePath(dir));
    QVERIFY(!database.open().isError());
    StoredProfile stored;
    stored.uuid = profile.id.toString(QUuid::WithoutBraces);
    stored.folder = profile.folder;
    stored.name = profile.name;
    stored.data = ProfileJson::toJson(profile);
    StorageError error;
    QVERIFY(ProfileStore(database.connection()).create(stored, &error) > 0);
    QVERIFY(!error.isError());
}

void TstCliNetwork::saveProfiles()
{
    // What the app stores when the user agreed to keep the password in the profile.
    ConnectionProfile plainStored;
    plainStored.name = QStringLiteral("lab password");
    plainStored.host = TestBroker::host();
    plainStored.port = m_broker.port(Listener::Password);
    plainStored.protocolVersion = ProtocolVersion::V5;
    plainStored.username = TestBroker::username();
    plainStored.password = Secret{true, TestBroker::password()};
    plainStored.secretStorage = SecretStorageMode::PlainConsented;
    saveProfile(plainStored);
    // Its password in the system keychain (the default).
    ConnectionProfile keychain = plainStored;
    keychain.id = QUuid::createUuid();
    keychain.name = QStringLiteral("lab keychain");
    keychain.password = Secret{true, {}};
    keychain.secretStorage = SecretStorageMode::Keychain;
    saveProfile(keychain);
    ConnectionProfile tls;
    tls.name = QStringLiteral("lab tls");
    tls.folder = QStringLiteral("team");
    tls.scheme = TransportScheme::Mqtts;
    tls.host = QStringLiteral("localhost");
    tls.port = m_broker.port(Listener::Tls);
    tls.tls.useSystemCa = false;
    tls.tls.caFiles = {TestPki::instance().caCert()};
    saveProfile(tls);
    // The same name in two folders.
    for (const char *folder : {"site a", "site b"}) {
        ConnectionProfile twin = plainStored;
        twin.id = QUuid::createUuid();
        twin.name = QStringLiteral("twin");
        twin.folder = QLatin1String(folder);
        saveProfile(twin);
    }
}

void TstCliNetwork::savedProfile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("extraArgs");
    QTest::newRow("password, plain storage") << QStringLiteral("lab password") << QStringList{};
    QTest::newRow("keychain password given with -P")
        << QStringLiteral("lab keychain")
        << QStringList{QStringLiteral("-P"), TestBroker::password()};
    QTest::newRow("in a folder") << QStringLiteral("team/lab tls") << QStringList{};
    QTest::newRow("flags override it")
        << QStringLiteral("lab password")
        << QStringList{QStringLiteral("-V"), QStringLiteral("mqttv311")};
}

void TstCliNetwork::savedProfile()
{
    QFETCH(QString, name);
    QFETCH(QStringList, extraArgs);
    const QString topic = m_broker.uniqueTopic("profile");
    const QString id = QStringLiteral("cli-profile");
    const qsizetype from = m_broker.logSize();
    QProcess sub;
    CliProcess::start(sub, QStringList{QStringLiteral("sub"), QStringLiteral("--data-dir"),
                                       m_dataDir.path(), QStringLiteral("--profile"), name,
                                       QStringLiteral("-i"), id, QStringLiteral("-t"), topic,
                                       QStringLiteral("-C"), QStringLiteral("1")} +
                               extraArgs);
    QVERIFY(sub.waitForStarted());
    QVERIFY2(m_broker.waitSubscribed(id, topic, 0, from), sub.readAllStandardError().constData());
    const CliProcess::Result pub = CliProcess::run(
        QStringList{QStringLiteral("pub"), QStringLiteral("-t"), topic, QStringLiteral("-m"),
                    QStringLiteral("from the app's profile")} +
        m_broker.connectArgs(Listener::Plain));
    QVERIFY2(pub.exitCode == 0, pub.err.constData());
    QVERIFY(sub.waitForFinished(20000));
    QVERIFY2(sub.exitCode() == 0, sub.readAllStandardError().constData());
    QCOMPARE(sub.readAllStandardOutput(), QByteArray("from the app's profile\n"));
    // The profile's version, unless a flag says otherwise.
    const char *level = extraArgs.contains(QStringLiteral("mqttv311")) ? "(p2" : "(p5";
    QVERIFY(m_broker.broker().waitForLog(" as " + id.toUtf8() + ' ' + level, 5000, from));
}

void TstCliNetwork::savedProfileFromEnvironment()
{
    // MQTTDESK_DATA_DIR instead of --data-dir.
    QProcess conn;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QLatin1String(DataDirectory::environmentVariable()), m_dataDir.path());
    conn.setProcessEnvironment(env);
    CliProcess::start(conn, {QStringLiteral("conn"), QStringLiteral("--profile"),
                             QStringLiteral("lab password")});
    QVERIFY(conn.waitForFinished(30000));
    QVERIFY2(conn.exitCode() == 0, conn.readAllStandardError().constData());
    QVERIFY(conn.readAllStandardOutput().contains("with MQTT 5"));
}

void TstCliNetwork::savedProfileErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown name") << QStringLiteral("nope")
                                  << QStringLiteral("no saved connection named 'nope'");
    QTest::newRow("same name in two folders")
        << QStringLiteral("twin") << QStringLiteral("2 saved connections are named 'twin'");
    // No keychain answers in a test run (or it has no such entry): said, not guessed.
    QTest::newRow("keychain password not available")
        << QStringLiteral("lab keychain") << QStringLiteral("'lab keychain'");
}

void TstCliNetwork::savedProfileErrors()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const CliProcess::Result r =
        CliProcess::run({QStringLiteral("conn"), QStringLiteral("--data-dir"), m_dataDir.path(),
                         QStringLiteral("--profile"), name});
    QVERIFY2(r.exitCode == 1, r.err.constData());
    QVERIFY2(r.err.contains(expected.toUtf8()), r.err.constData());
    QVERIFY2(r.err.startsWith("mqttdesk-cli: --profile: "), r.err.constData());
    QVERIFY(r.err.contains("--help' for the list of options"));
    QCOMPARE(r.err.count('\n'), 2); // the error on one line, and the usage hint
}

QTEST_GUILESS_MAIN(TstCliNetwork)
#include "tst_cli_network.moc"
