#include "core/profile/connection_profile.h"
#include "core/profile/profile_json.h"
#include "core/storage/data_directory.h"
#include "core/storage/data_directory_lock.h"
#include "core/storage/database.h"
#include "core/storage/message_query.h"
#include "core/storage/profile_store.h"
#include "tests/cli/cli_broker.h"
#include "tests/cli/cli_process.h"
#include "tests/fixture/mosquitto_pub.h"

#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

using Listener = TestBroker::Listener;

// mqttdesk-cli sub --store: what it prints is in the saved connection's history, stored
// by the app's own sink and writer, and the data directory has one writer at a time (the
// app, or one --store run; a run that was killed leaves nothing in the way).
class TstCliStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void storesEverythingItPrints();
    void refusedWhileTheDirectoryIsLocked();
    void killedRunLeavesTheDirectoryFree();
    void appAndCliShareOneDirectory();

private:
    // A data directory with one saved connection ("store", MQTT 5.0, the plain listener).
    qint64 makeDataDir(QTemporaryDir &dir);
    QStringList subArgs(const QTemporaryDir &dir, const QString &topic) const;
    // The stored messages of `profileId`, oldest first.
    StoredMessageList stored(const QTemporaryDir &dir, qint64 profileId);
    // A retained message on `topic`, so that a sub -C 1 gets it at once.
    void retain(const QString &topic, const QByteArray &payload);

    CliBroker m_broker;
};

void TstCliStore::initTestCase()
{
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

void TstCliStore::cleanupTestCase()
{
    m_broker.stop();
}

qint64 TstCliStore::makeDataDir(QTemporaryDir &dir)
{
    if (!dir.isValid())
        return 0;
    ConnectionProfile profile;
    profile.name = QStringLiteral("store");
    profile.host = TestBroker::host();
    profile.port = m_broker.port(Listener::Plain);
    profile.protocolVersion = ProtocolVersion::V5;
    Database database(DataDirectory::databasePath(dir.path()));
    if (database.open().isError())
        return 0;
    StoredProfile s;
    s.uuid = profile.id.toString(QUuid::WithoutBraces);
    s.name = profile.name;
    s.data = ProfileJson::toJson(profile);
    StorageError error;
    return ProfileStore(database.connection()).create(s, &error);
}

QStringList TstCliStore::subArgs(const QTemporaryDir &dir, const QString &topic) const
{
    return {QStringLiteral("sub"),
            QStringLiteral("--data-dir"),
            dir.path(),
            QStringLiteral("--profile"),
            QStringLiteral("store"),
            QStringLiteral("--store"),
            QStringLiteral("-t"),
            topic};
}

StoredMessageList TstCliStore::stored(const QTemporaryDir &dir, qint64 profileId)
{
    Database database(DataDirectory::databasePath(dir.path()));
    if (database.open().isError())
        return {};
    MessageFilter filter;
    filter.profileId = profileId;
    PageRequest request;
    request.limit = 10000;
    StorageError error;
    StoredMessageList messages =
        MessageQuery(database.connection()).fetch(filter, request, &error).messages;
    std::sort(messages.begin(), messages.end(),
              [](const StoredMessage &a, const StoredMessage &b) { return a.id < b.id; });
    return messages;
}

void TstCliStore::retain(const QString &topic, const QByteArray &payload)
{
    const MosquittoPub::Result r =
        MosquittoPub::publish(m_broker.port(Listener::Plain), topic, payload,
                              {QStringLiteral("-r"), QStringLiteral("-q"), QStringLiteral("1")});
    QVERIFY2(r.finished && r.exitCode == 0, r.output.constData());
}

void TstCliStore::storesEverythingItPrints()
{
    QTemporaryDir dir;
    const qint64 profileId = makeDataDir(dir);
    QVERIFY(profileId > 0);
    const QString topic = m_broker.uniqueTopic("store");
    constexpr int kLines = 300;
    const QString id = QStringLiteral("cli-store");
    const qsizetype from = m_broker.logSize();
    QProcess sub;
    CliProcess::start(sub, subArgs(dir, topic + QStringLiteral("/#"))
                               << QStringLiteral("-q") << QStringLiteral("1")
                               << QStringLiteral("-i") << id << QStringLiteral("-C")
                               << QString::number(kLines + 1));
    QVERIFY(sub.waitForStarted());
    QVERIFY2(m_broker.waitSubscribed(id, topic + QStringLiteral("/#"), 1, from),
             sub.readAllStandardError().constData());

    // Two independent publishers: ours (-l, a line each, QoS 1), and mosquitto_pub with a
    // user property (MQTT 5.0), which must be kept whole.
    QByteArray lines;
    QSet<QByteArray> expected;
    for (int i = 0; i < kLines; ++i) {
        const QByteArray line = "line " + QByteArray::number(i);
        lines += line + '\n';
        expected.insert(line);
    }
    const CliProcess::Result pub = CliProcess::run(
        QStringList{QStringLiteral("pub"), QStringLiteral("-t"), topic + QStringLiteral("/lines"),
                    QStringLiteral("-l"), QStringLiteral("-q"), QStringLiteral("1")} +
            m_broker.connectArgs(Listener::Plain),
        lines);
    QVERIFY2(pub.exitCode == 0, pub.err.constData());
    const MosquittoPub::Result other = MosquittoPub::publish(
        m_broker.port(Listener::Plain), topic + QStringLiteral("/props"), "with a property",
        {QStringLiteral("-V"), QStringLiteral("5"), QStringLiteral("-q"), QStringLiteral("2"),
         QStringLiteral("-D"), QStringLiteral("publish"), QStringLiteral("user-property"),
         QStringLiteral("origin"), QStringLiteral("mosquitto_pub")});
    QVERIFY2(other.finished && other.exitCode == 0, other.output.constData());

    QVERIFY(sub.waitForFinished(60000));
    QCOMPARE(sub.exitStatus(), QProcess::NormalExit);
    const QByteArray err = sub.readAllStandardError();
    QVERIFY2(sub.exitCode() == 0, err.constData());
    QCOMPARE(sub.readAllStandardOutput().count('\n'), kLines + 1);

    // Everything printed is in the history, under the saved connection, as received.
    const StoredMessageList messages = stored(dir, profileId);
    QCOMPARE(messages.size(), kLines + 1);
    QSet<QByteArray> lineRows;
    for (const StoredMessage &m : messages) {
        QCOMPARE(m.profileId, profileId);
        QCOMPARE(m.direction, StoredMessage::Direction::Incoming);
        if (m.topic == topic + QStringLiteral("/props")) {
            QCOMPARE(m.payload, QByteArray("with a property"));
            QCOMPARE(int(m.qos), 1); // sent at 2, delivered at the subscription's 1
            QVERIFY(m.properties.contains("origin"));
            QVERIFY(m.properties.contains("mosquitto_pub"));
            continue;
        }
        QCOMPARE(m.topic, topic + QStringLiteral("/lines"));
        QCOMPARE(int(m.qos), 1);
        lineRows.insert(m.payload);
    }
    QCOMPARE(lineRows, expected);
    // The lines arrive (and are stored) in the order they were sent.
    for (int i = 0; i < kLines; ++i)
        QCOMPARE(messages.at(i).payload, "line " + QByteArray::number(i));
    // The lock is let go with the run.
    QVERIFY(!QFileInfo::exists(DataDirectoryLock::lockPath(dir.path())));
}

void TstCliStore::refusedWhileTheDirectoryIsLocked()
{
    QTemporaryDir dir;
    const qint64 profileId = makeDataDir(dir);
    QVERIFY(profileId > 0);
    const QString topic = m_broker.uniqueTopic("locked");
    retain(topic, "retained");

    DataDirectoryLock lock(dir.path());
    QCOMPARE(lock.tryLock().kind, DataDirectoryError::Kind::None);
    const CliProcess::Result refused =
        CliProcess::run(subArgs(dir, topic) << QStringLiteral("-C") << QStringLiteral("1"));
    QCOMPARE(refused.exitCode, 5);
    QCOMPARE(refused.out, QByteArray());
    // One line: who holds the folder, and what to do.
    QCOMPARE(refused.err.count('\n'), 1);
    QVERIFY2(refused.err.contains("--store: "), refused.err.constData());
    QVERIFY2(refused.err.contains(QByteArray::number(QCoreApplication::applicationPid())),
             refused.err.constData());
    QVERIFY2(refused.err.contains(dir.path().toUtf8()), refused.err.constData());
    QVERIFY(stored(dir, profileId).isEmpty());
    // Printing without --store needs no lock.
    const CliProcess::Result printing = CliProcess::run(
        QStringList{QStringLiteral("sub"), QStringLiteral("--data-dir"), dir.path(),
                    QStringLiteral("--profile"), QStringLiteral("store"), QStringLiteral("-t"),
                    topic, QStringLiteral("-C"), QStringLiteral("1")});
    QVERIFY2(printing.exitCode == 0, printing.err.constData());
    QCOMPARE(printing.out, QByteArray("retained\n"));

    lock.unlock();
    const CliProcess::Result free =
        CliProcess::run(subArgs(dir, topic) << QStringLiteral("-C") << QStringLiteral("1"));
    QVERIFY2(free.exitCode == 0, free.err.constData());
    const StoredMessageList messages = stored(dir, profileId);
    QCOMPARE(messages.size(), 1);
    QVERIFY(messages.first().retain);
}

void TstCliStore::killedRunLeavesTheDirectoryFree()
{
    QTemporaryDir dir;
    const qint64 profileId = makeDataDir(dir);
    QVERIFY(profileId > 0);
    const QString topic = m_broker.uniqueTopic("killed");
    const QString id = QStringLiteral("cli-killed");
    const qsizetype from = m_broker.logSize();
    QProcess first;
    CliProcess::start(first, subArgs(dir, topic) << QStringLiteral("-i") << id);
    QVERIFY(first.waitForStarted());
    QVERIFY2(m_broker.waitSubscribed(id, topic, 0, from), first.readAllStandardError().constData());
    QVERIFY(QFileInfo::exists(DataDirectoryLock::lockPath(dir.path())));
    first.kill(); // SIGKILL: the lock file stays behind
    QVERIFY(first.waitForFinished(10000));
    QVERIFY(QFileInfo::exists(DataDirectoryLock::lockPath(dir.path())));

    retain(topic, "after the kill");
    const CliProcess::Result next =
        CliProcess::run(subArgs(dir, topic) << QStringLiteral("-C") << QStringLiteral("1"));
    QVERIFY2(next.exitCode == 0, next.err.constData());
    const StoredMessageList messages = stored(dir, profileId);
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().payload, QByteArray("after the kill"));
}

void TstCliStore::appAndCliShareOneDirectory()
{
    QTemporaryDir dir;
    const qint64 profileId = makeDataDir(dir);
    QVERIFY(profileId > 0);
    const QString topic = m_broker.uniqueTopic("app");
    retain(topic, "retained");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    const auto startApp = [&](QProcess &app) {
        app.setProcessEnvironment(env);
        app.setProgram(QStringLiteral(MQTTDESK_GUI_PATH));
        app.setArguments({QStringLiteral("--data-dir"), dir.path()});
        app.start();
    };

    QProcess app;
    startApp(app);
    QVERIFY(app.waitForStarted());
    // The app holds the folder while it runs.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(DataDirectoryLock::lockPath(dir.path())), 30000);
    const CliProcess::Result refused =
        CliProcess::run(subArgs(dir, topic) << QStringLiteral("-C") << QStringLiteral("1"));
    QCOMPARE(refused.exitCode, 5);
    const QByteArray holder = "MQTT Desk (process " + QByteArray::number(app.processId());
    QVERIFY2(refused.err.contains(holder), refused.err.constData());

    // A second app on the same folder says why it does not start (and then waits in a
    // message box, which the test closes by ending it).
    QProcess second;
    startApp(second);
    QVERIFY(second.waitForStarted());
    QByteArray secondErr;
    QTRY_VERIFY_WITH_TIMEOUT((secondErr += second.readAllStandardError()).contains("in use by"),
                             30000);
    QVERIFY2(secondErr.contains("mqttdesk: The data folder"), secondErr.constData());
    QVERIFY2(secondErr.contains(QByteArray::number(app.processId())), secondErr.constData());
    second.kill();
    QVERIFY(second.waitForFinished(10000));
    QCOMPARE(app.state(), QProcess::Running);

    app.terminate(); // SIGTERM: Qt ends without cleaning up; the stale lock is taken over
    QVERIFY(app.waitForFinished(30000));
    const CliProcess::Result after =
        CliProcess::run(subArgs(dir, topic) << QStringLiteral("-C") << QStringLiteral("1"));
    QVERIFY2(after.exitCode == 0, after.err.constData());
    QCOMPARE(stored(dir, profileId).size(), 1);
}

QTEST_GUILESS_MAIN(TstCliStore)
#include "tst_cli_store.moc"
