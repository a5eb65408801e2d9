// Failover as the window shows it, with real processes on loopback: a profile whose main
// address is a closed port and whose fallback is the live mosquitto ends up connected to
// the fallback, and the header and the log say so; a server reference (FakeBroker
// refusing with 0x9C and naming the mosquitto) asks the user once, is followed, and an
// "always" answer is saved in the stored profile; "never" stays disconnected unasked.

#include "core/profile/connection_profile.h"
#include "core/storage/message_writer.h"
#include "core/workspace/profile_catalog.h"
#include "stream_test_support.h"
#include "tests/connection/fake_broker.h"
#include "tests/fixture/test_broker.h"
#include "tests/support/scripted_prompts.h"
#include "ui/connections/connection_controller.h"
#include "ui/connections/connection_header.h"
#include "ui/connections/connection_workspace.h"

#include <QDir>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace mqttdesk;

namespace {

constexpr int kWait = 15000;
using Status = ConnectionListModel::Status;

quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

ConnectionProfile profileFor(const QString &name, quint16 port)
{
    ConnectionProfile p;
    p.name = name;
    p.host = TestBroker::host();
    p.port = port;
    p.clientId = QStringLiteral("desk-fo-") + QUuid::createUuid().toString(QUuid::Id128).left(10);
    p.reconnect.enabled = false;
    return p;
}

QStringList texts(const QSignalSpy &logLines)
{
    QStringList out;
    for (const QList<QVariant> &args : logLines)
        out << args.at(3).toString();
    return out;
}

} // namespace

class TestConnectionWorkspaceFailover : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }
    void cleanupTestCase() { m_broker.stop(); }
    void init()
    {
        m_store = std::make_unique<StreamTestStore>();
        QVERIFY(m_store->isReady());
    }
    void cleanup() { m_store.reset(); }

    void fallbackIsShownInTheHeader()
    {
        const quint16 closed = closedPort();
        ConnectionProfile profile = profileFor(QStringLiteral("Cluster"), closed);
        const quint16 live = m_broker.port(TestBroker::Listener::Plain);
        profile.fallbackBrokers = {{TestBroker::host(), live, TransportScheme::Mqtt}};
        const qint64 id = create(profile);
        QVERIFY(id > 0);

        ConnectionWorkspace workspace(m_store->writer(), m_store->path());
        QSignalSpy log(&workspace, &ConnectionWorkspace::logLine);
        ConnectionController *controller = workspace.open(id, profile);
        const QString mainAddress = QStringLiteral("127.0.0.1:%1").arg(closed);
        workspace.showProfile(id, profile.name, mainAddress, controller->status());
        controller->connectToBroker();
        QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Connected, kWait);
        const QString liveAddress = QStringLiteral("127.0.0.1:%1 (fallback)").arg(live);
        QCOMPARE(controller->brokerAddress(), liveAddress);
        QTRY_VERIFY2(workspace.header()->statusText().startsWith(liveAddress),
                     qPrintable(workspace.header()->statusText()));
        QVERIFY(workspace.header()->statusText().contains(QLatin1String("Connected")));
        // The log's lines come from the connection's thread, queued: the one that says
        // "Connected" may follow the status the controller reports.
        const QString connected = QStringLiteral("Connected to 127.0.0.1:%1 (fallback)").arg(live);
        QTRY_VERIFY2(texts(log).join(QLatin1Char('\n')).contains(connected),
                     qPrintable(texts(log).join(QLatin1Char('\n'))));
        const QString all = texts(log).join(QLatin1Char('\n'));
        QVERIFY2(all.contains(mainAddress + QStringLiteral(" failed")), qPrintable(all));

        controller->disconnectFromBroker();
        QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Disconnected, kWait);
        // Offline, the header names the profile's own address again.
        QVERIFY2(workspace.header()->statusText().startsWith(mainAddress),
                 qPrintable(workspace.header()->statusText()));
    }

    // The history's writer fails (a full disk) and later stores again: the log says both,
    // and the header says "Not storing" with the reason at once, before anything is refused.
    void storageFailureIsToldAndClears()
    {
        ConnectionProfile profile = profileFor(QStringLiteral("Plant"), closedPort());
        const qint64 id = create(profile);
        QVERIFY(id > 0);
        ConnectionWorkspace workspace(m_store->writer(), m_store->path());
        QSignalSpy log(&workspace, &ConnectionWorkspace::logLine);
        ConnectionController *controller = workspace.open(id, profile);
        workspace.showProfile(id, profile.name, QString(), controller->status());
        workspace.updateCounters();
        QCOMPARE(workspace.header()->notStoredText(), QString());

        const StorageError full = StorageError::make(StorageError::Kind::DiskFull, m_store->path());
        emit m_store->writer()->storingFailed(full);
        QCOMPARE(workspace.header()->notStoredText(), QStringLiteral("Not storing"));
        QVERIFY2(workspace.header()->notStoredToolTip().contains(full.message),
                 qPrintable(workspace.header()->notStoredToolTip()));
        QString all = texts(log).join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("no longer stored")) && all.contains(full.message),
                 qPrintable(all));
        if (const QString dir = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR"); !dir.isEmpty()) {
            workspace.resize(1280, 300);
            workspace.show();
            QVERIFY(QTest::qWaitForWindowExposed(&workspace));
            QVERIFY(QDir().mkpath(dir));
            QVERIFY(
                workspace.grab().save(QDir(dir).filePath(QStringLiteral("history-failing.png"))));
        }

        emit m_store->writer()->storingResumed();
        QCOMPARE(workspace.header()->notStoredText(), QString());
        all = texts(log).join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("stored again")), qPrintable(all));
    }

    void serverReferenceAskedOnceFollowedAndRemembered()
    {
        FakeBroker fake;
        QVERIFY(fake.listen());
        const quint16 live = m_broker.port(TestBroker::Listener::Plain);
        ConnackPacket refusal{false, ReasonCode::UseAnotherServer, {}};
        refusal.properties.setServerReference(QStringLiteral("127.0.0.1:%1").arg(live));
        fake.behaviour().connack = refusal;
        ConnectionProfile profile = profileFor(QStringLiteral("Redirected"), fake.port());
        profile.protocolVersion = ProtocolVersion::V5;
        const qint64 id = create(profile);
        QVERIFY(id > 0);

        ScriptedPrompts prompts;
        prompts.acceptNextAndRemember(true);
        ConnectionWorkspace workspace(m_store->writer(), m_store->path());
        QSignalSpy chosen(&workspace, &ConnectionWorkspace::serverReferencePolicyChosen);
        ConnectionController *controller = workspace.open(id, profile);
        workspace.showProfile(id, profile.name, QString(), controller->status());
        controller->connectToBroker();
        QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Connected, kWait);
        QCOMPARE(prompts.count(Prompts::Kind::Question), 1);
        QCOMPARE(controller->brokerAddress(),
                 QStringLiteral("127.0.0.1:%1 (server reference)").arg(live));
        QTRY_VERIFY(workspace.header()->statusText().contains(QLatin1String("server reference")));
        QCOMPARE(controller->serverReferencePolicy(), int(ServerReferencePolicy::Always));

        // "From now on" goes to whoever keeps the profiles (the main window's ProfileCommands:
        // tst_main_window_broker checks it is saved).
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().at(0).toLongLong(), id);
        QCOMPARE(chosen.first().at(1).toInt(), int(ServerReferencePolicy::Always));

        // The next refusal is followed without asking.
        controller->disconnectFromBroker();
        QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Disconnected, kWait);
        controller->connectToBroker();
        QTRY_COMPARE_WITH_TIMEOUT(fake.connectionCount(), 2, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Connected, kWait);
        QCOMPARE(prompts.count(Prompts::Kind::Question), 1);
        controller->disconnectFromBroker();
        QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Disconnected, kWait);
    }

    void neverStaysDisconnected()
    {
        FakeBroker fake;
        QVERIFY(fake.listen());
        ConnackPacket refusal{false, ReasonCode::ServerMoved, {}};
        refusal.properties.setServerReference(
            QStringLiteral("127.0.0.1:%1").arg(m_broker.port(TestBroker::Listener::Plain)));
        fake.behaviour().connack = refusal;
        ConnectionProfile profile = profileFor(QStringLiteral("Stay"), fake.port());
        profile.protocolVersion = ProtocolVersion::V5;
        profile.serverReferencePolicy = ServerReferencePolicy::Never;
        const qint64 id = create(profile);
        QVERIFY(id > 0);
        ScriptedPrompts prompts;
        ConnectionWorkspace workspace(m_store->writer(), m_store->path());
        QSignalSpy log(&workspace, &ConnectionWorkspace::logLine);
        ConnectionController *controller = workspace.open(id, profile);
        controller->connectToBroker();
        QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Error, kWait);
        QTRY_VERIFY2(texts(log).join(QLatin1Char('\n')).contains(QLatin1String("Not going to")),
                     qPrintable(texts(log).join(QLatin1Char('\n'))));
        QCOMPARE(prompts.requests().size(), 0);
        QVERIFY2(controller->lastError().contains(QLatin1String("suggests the server")),
                 qPrintable(controller->lastError()));
    }

private:
    qint64 create(const ConnectionProfile &profile)
    {
        ProfileCatalog catalog(m_store->path());
        std::optional<qint64> id;
        catalog.create(profile, [&id](qint64 created, const StorageError &) { id = created; });
        if (!QTest::qWaitFor([&id] { return id.has_value(); }, kWait))
            return 0;
        return *id;
    }
    TestBroker m_broker;
    std::unique_ptr<StreamTestStore> m_store;
};

QTEST_MAIN(TestConnectionWorkspaceFailover)
#include "tst_connection_workspace_failover.moc"
