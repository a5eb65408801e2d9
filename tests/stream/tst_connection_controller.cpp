// ConnectionController against the real mosquitto fixture: connect and disconnect with the
// status changes the sidebar shows, messages counted and stored, new settings used on the
// next connect, and errors (refused, bad password, an expired certificate with the chain the
// server sent) kept as the status until the user acts.
#include "core/profile/connection_profile.h"
#include "core/session/session_action.h"
#include "core/storage/message_writer.h"
#include "stream_test_support.h"
#include "tests/fixture/mosquitto_pub.h"
#include "tests/fixture/test_broker.h"
#include "tests/fixture/test_pki.h"
#include "ui/connections/connection_controller.h"
#include "ui/stream/connection_view.h"
#include "ui/subscriptions/subscription_list_model.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

using namespace mqttdesk;

namespace {

constexpr int kWait = 15000;
constexpr qint64 kProfile = 1;
using Status = ConnectionListModel::Status;

ConnectionProfile profileFor(const QString &name, quint16 port)
{
    ConnectionProfile p;
    p.name = name;
    p.host = TestBroker::host();
    p.port = port;
    p.clientId = QStringLiteral("desk-ctl-") + QUuid::createUuid().toString(QUuid::Id128).left(10);
    p.reconnect.enabled = false;
    return p;
}

// The statuses a spy on statusChanged saw, checking each names the controller's profile.
QList<Status> statuses(const QSignalSpy &spy)
{
    QList<Status> list;
    for (const QList<QVariant> &args : spy) {
        if (args.at(0).toLongLong() != kProfile)
            return {};
        list.append(args.at(1).value<Status>());
    }
    return list;
}

struct EmittedLine
{
    int level;
    QString source;
    QString text;
};

QList<EmittedLine> logLines(const QSignalSpy &spy)
{
    QList<EmittedLine> list;
    for (const QList<QVariant> &args : spy)
        list.append({args.at(1).toInt(), args.at(2).toString(), args.at(3).toString()});
    return list;
}

} // namespace

class TestConnectionController : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void connectAndDisconnect();
    void receivesCountsAndStores();
    void newSettingsApplyOnTheNextConnect();
    void refusedConnectionIsAnError();
    void wrongPasswordIsAnError();
    void expiredCertificateLogsTheChain();

private:
    std::unique_ptr<ConnectionController> controllerFor(const ConnectionProfile &profile);

    TestBroker m_broker;
    std::unique_ptr<StreamTestStore> m_store;
};

void TestConnectionController::initTestCase()
{
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

void TestConnectionController::cleanupTestCase()
{
    m_broker.stop();
}

void TestConnectionController::init()
{
    m_store = std::make_unique<StreamTestStore>();
    QVERIFY(m_store->isReady());
    QVERIFY(m_store->ensureProfile(kProfile));
}

void TestConnectionController::cleanup()
{
    m_store.reset();
}

std::unique_ptr<ConnectionController>
TestConnectionController::controllerFor(const ConnectionProfile &profile)
{
    ConnectionController::Options options;
    options.profileId = kProfile;
    options.writer = m_store->writer();
    options.databasePath = m_store->path();
    return std::make_unique<ConnectionController>(profile, options);
}

void TestConnectionController::connectAndDisconnect()
{
    const ConnectionProfile profile =
        profileFor(QStringLiteral("Local"), m_broker.port(TestBroker::Listener::Plain));
    auto controller = controllerFor(profile);
    QCOMPARE(controller->profileId(), kProfile);
    QCOMPARE(controller->name(), QStringLiteral("Local"));
    QVERIFY(controller->view());
    QCOMPARE(controller->status(), Status::Disconnected);
    QVERIFY(!controller->isOpen());
    QSignalSpy status(controller.get(), &ConnectionController::statusChanged);

    controller->connectToBroker();
    QCOMPARE(controller->status(), Status::Connecting); // at once, before the socket answers
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Connected, kWait);
    QVERIFY(controller->isOpen());
    QVERIFY(controller->lastError().isEmpty());
    QVERIFY(m_broker.waitForLog(QStringLiteral("as %1").arg(profile.clientId).toUtf8()));
    QCOMPARE(statuses(status), (QList<Status>{Status::Connecting, Status::Connected}));

    const qsizetype logFrom = m_broker.log().size();
    controller->disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Disconnected, kWait);
    // The status reads Disconnected from Disconnecting on (our DISCONNECT is sent); the
    // connection is closed once the transport is: a moment later under load.
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isOpen(), kWait);
    QVERIFY(controller->lastError().isEmpty()); // a disconnect the user asked for is no error
    QCOMPARE(statuses(status),
             (QList<Status>{Status::Connecting, Status::Connected, Status::Disconnected}));
    QVERIFY(m_broker.waitForLog(
        QStringLiteral("Client %1 disconnected").arg(profile.clientId).toUtf8(), kWait, logFrom));
}

void TestConnectionController::receivesCountsAndStores()
{
    const quint16 port = m_broker.port(TestBroker::Listener::Plain);
    auto controller = controllerFor(profileFor(QStringLiteral("Counter"), port));
    const QString topic = QStringLiteral("ctl/") + QUuid::createUuid().toString(QUuid::Id128);
    QJsonObject subscription;
    subscription.insert(QStringLiteral("filter"), QString(topic + QStringLiteral("/#")));
    subscription.insert(QStringLiteral("qos"), 1);
    subscription.insert(QStringLiteral("enabled"), true);
    controller->view()->restoreSubscriptions(QJsonArray{subscription});
    controller->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Connected, kWait);
    SubscriptionListModel *subscriptions = controller->view()->subscriptions();
    QCOMPARE(subscriptions->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(subscriptions->at(0).state, SubscriptionEntry::State::Active, kWait);
    QCOMPARE(controller->received(), qint64(0));

    for (int i = 0; i < 3; ++i)
        QCOMPARE(MosquittoPub::publish(port, topic + QStringLiteral("/m"), QByteArray::number(i),
                                       {QStringLiteral("-q"), QStringLiteral("1")})
                     .exitCode,
                 0);
    QTRY_COMPARE_WITH_TIMEOUT(controller->received(), qint64(3), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(controller->stored(), qint64(3), kWait);
    controller->disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Disconnected, kWait);
}

void TestConnectionController::newSettingsApplyOnTheNextConnect()
{
    ConnectionProfile profile =
        profileFor(QStringLiteral("Before"), m_broker.port(TestBroker::Listener::Plain));
    auto controller = controllerFor(profile);
    controller->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Connected, kWait);
    QVERIFY(m_broker.waitForLog(QStringLiteral("as %1").arg(profile.clientId).toUtf8()));

    // Edited while connected: the name shows at once, the client id on the next connect.
    profile.name = QStringLiteral("After");
    profile.clientId =
        QStringLiteral("desk-ctl-after-") + QString::number(QDateTime::currentMSecsSinceEpoch());
    controller->applyProfile(profile);
    QCOMPARE(controller->name(), QStringLiteral("After"));
    QCOMPARE(controller->status(), Status::Connected);
    QSignalSpy lines(controller.get(), &ConnectionController::logLine);
    controller->disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Disconnected, kWait);
    controller->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Connected, kWait);
    QVERIFY(m_broker.waitForLog(QStringLiteral("as %1").arg(profile.clientId).toUtf8()));
    // The log lines carry the new name as their source, without core's "[name] " prefix.
    QVERIFY(!lines.isEmpty());
    for (const EmittedLine &line : logLines(lines)) {
        QCOMPARE(line.source, QStringLiteral("After"));
        QVERIFY2(!line.text.startsWith(QStringLiteral("[After] ")), qPrintable(line.text));
    }
    controller->disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Disconnected, kWait);
}

void TestConnectionController::refusedConnectionIsAnError()
{
    quint16 closedPort = 0;
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        closedPort = server.serverPort();
    }
    auto controller = controllerFor(profileFor(QStringLiteral("Nobody"), closedPort));
    QSignalSpy status(controller.get(), &ConnectionController::statusChanged);
    QSignalSpy lines(controller.get(), &ConnectionController::logLine);
    controller->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Error, kWait);
    QVERIFY(!controller->lastError().isEmpty());
    // The error (queued from the connection's thread) may arrive before the state that
    // follows it: wait for the connection to settle. No retry: reconnect is off.
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isOpen(), kWait);
    QCOMPARE(statuses(status).first(), Status::Connecting);
    QCOMPARE(statuses(status).last(), Status::Error);
    // The failure is logged once as a warning, not three times (transport, session, connection).
    int warnings = 0;
    for (const EmittedLine &line : logLines(lines))
        warnings += line.level == int(LogLevel::Warning) ? 1 : 0;
    QCOMPARE(warnings, 1);

    // Trying again clears the error until the attempt fails again.
    status.clear();
    controller->connectToBroker();
    QVERIFY(!statuses(status).isEmpty());
    QCOMPARE(statuses(status).first(), Status::Connecting);
    QVERIFY(controller->lastError().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Error, kWait);
}

void TestConnectionController::wrongPasswordIsAnError()
{
    ConnectionProfile profile =
        profileFor(QStringLiteral("Locked"), m_broker.port(TestBroker::Listener::Password));
    profile.username = TestBroker::username();
    profile.password = Secret{true, QStringLiteral("not-the-password")};
    auto controller = controllerFor(profile);
    controller->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Error, kWait);
    const QString error = controller->lastError();
    QVERIFY2(error.contains(QStringLiteral("authori"), Qt::CaseInsensitive) ||
                 error.contains(QStringLiteral("password"), Qt::CaseInsensitive),
             qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isOpen(), kWait); // the state follows the error

    // With the right password the same controller connects; the error is gone.
    profile.password = Secret{true, TestBroker::password()};
    controller->applyProfile(profile);
    controller->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Connected, kWait);
    QVERIFY(controller->lastError().isEmpty());
    controller->disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Disconnected, kWait);
}

void TestConnectionController::expiredCertificateLogsTheChain()
{
    ConnectionProfile profile =
        profileFor(QStringLiteral("Expired"), m_broker.port(TestBroker::Listener::Expired));
    profile.scheme = TransportScheme::Mqtts;
    profile.tls.useSystemCa = false;
    profile.tls.caFiles = {m_broker.pki().caCert()};
    auto controller = controllerFor(profile);
    QSignalSpy lines(controller.get(), &ConnectionController::logLine);
    controller->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), Status::Error, kWait);
    QVERIFY2(controller->lastError().contains(QStringLiteral("expired"), Qt::CaseInsensitive),
             qPrintable(controller->lastError()));
    // What the server presented, so the user can see which certificate it was.
    bool chain = false;
    for (const EmittedLine &line : logLines(lines)) {
        if (line.text.startsWith(QStringLiteral("The server sent this certificate chain:"))) {
            chain = true;
            QCOMPARE(line.level, int(LogLevel::Warning));
            QCOMPARE(line.source, QStringLiteral("Expired"));
            QVERIFY2(line.text.contains(QStringLiteral("issued by")), qPrintable(line.text));
        }
    }
    QVERIFY(chain);
}

QTEST_MAIN(TestConnectionController)
#include "tst_connection_controller.moc"
