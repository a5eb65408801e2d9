// A test suite's "profile" connections in the app: SuiteProfileResolver finds the saved
// connection by name or folder/name in a real catalog (SQLite in a temporary directory) and
// loads its password from the keychain (an in-memory one); Connection > Run test suite… then
// runs a suite on that saved connection against the real mosquitto fixture's password
// listener, used as saved rather than replaced by the shown connection; an unknown or
// ambiguous name fails that connection's step with the names to choose from.
#include "core/profile/connection_profile.h"
#include "core/profile/secret_consent.h"
#include "core/suite/suite_result.h"
#include "core/workspace/profile_catalog.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"
#include "tests/mainwindow/memory_secret_store.h"
#include "ui/connections/secrets_runner.h"
#include "ui/suite/suite_profile_resolver.h"
#include "ui/suite/suite_run_dialog.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <optional>

using namespace mqttdesk;

namespace {

class NoPlainStorage : public SecretConsent
{
public:
    bool allowPlainStorage(const ConnectionProfile &, const QString &) override { return false; }
};

} // namespace

class TestSuiteProfileResolver : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
        QVERIFY(m_dir.isValid());
        m_catalog = std::make_unique<ProfileCatalog>(m_dir.filePath(QStringLiteral("desk.db")));
        bool opened = false;
        m_catalog->open([&](const StorageError &error) {
            QVERIFY2(!error.isError(), qPrintable(error.message));
            opened = true;
        });
        QTRY_VERIFY(opened);
        m_secrets = std::make_unique<SecretsRunner>(&m_store, &m_consent);
        const quint16 port = m_broker.port(TestBroker::Listener::Password);
        QVERIFY(save(profile(QStringLiteral("Lab"), QStringLiteral("Plant"), port)));
        QVERIFY(save(profile(QStringLiteral("Twin"), QStringLiteral("A"), port)));
        QVERIFY(save(profile(QStringLiteral("Twin"), QStringLiteral("B"), port)));
        // The password went to the keychain, not into the saved profile.
        QVERIFY(!m_store.values.isEmpty());
    }

    void namesBecomeSettingsWithTheirSecrets()
    {
        SuiteProfileResolver resolver(m_catalog.get(), m_secrets.get());
        std::optional<SuiteProfileResolver::Results> results;
        resolver.resolve({QStringLiteral("Lab"), QStringLiteral("Plant/Lab"),
                          QStringLiteral("Twin"), QStringLiteral("A/Twin"), QStringLiteral("nope")},
                         [&](const SuiteProfileResolver::Results &r) { results = r; });
        QTRY_VERIFY(results.has_value());
        QCOMPARE(results->size(), 5);
        for (const QString &name : {QStringLiteral("Lab"), QStringLiteral("Plant/Lab")}) {
            const auto &lab = results->value(name);
            QVERIFY2(lab.settings, qPrintable(lab.error));
            QCOMPARE(lab.settings->transport.port, m_broker.port(TestBroker::Listener::Password));
            QCOMPARE(lab.settings->session.username, TestBroker::username());
            QCOMPARE(lab.settings->session.password.value_or(QByteArray()),
                     TestBroker::password().toUtf8());
        }
        QVERIFY(results->value(QStringLiteral("A/Twin")).settings);
        const auto twin = results->value(QStringLiteral("Twin"));
        QVERIFY(!twin.settings);
        QVERIFY2(twin.error.contains(QStringLiteral("2 saved connections are named 'Twin'")) &&
                     twin.error.contains(QStringLiteral("'A/Twin'")) &&
                     twin.error.contains(QStringLiteral("'B/Twin'")),
                 qPrintable(twin.error));
        const auto nope = results->value(QStringLiteral("nope"));
        QVERIFY(!nope.settings);
        QVERIFY2(nope.error.contains(QStringLiteral("no saved connection named 'nope'")) &&
                     nope.error.contains(QStringLiteral("'Plant/Lab'")),
                 qPrintable(nope.error));
    }

    // The shown connection points nowhere (port 1): the suite passes only if its saved
    // connection is used as saved, with the password from the keychain.
    void aSuiteRunsOnASavedConnection()
    {
        SuiteProfileResolver resolver(m_catalog.get(), m_secrets.get());
        SuiteRunDialog dialog(nowhere(), QStringLiteral("Nowhere"));
        dialog.setProfileResolver(&resolver);
        QSignalSpy finished(&dialog, &SuiteRunDialog::runFinished);
        QVERIFY(dialog.run(writeSuite(QStringLiteral("Plant/Lab"))));
        QVERIFY(dialog.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QVERIFY2(dialog.result().passed(), qPrintable(dialog.statusText()));
        QCOMPARE(dialog.resultsView()->topLevelItem(0)->data(1, Qt::UserRole).toInt(),
                 int(SuiteStatus::Passed));
    }

    void anAmbiguousNameFailsItsConnection()
    {
        SuiteProfileResolver resolver(m_catalog.get(), m_secrets.get());
        SuiteRunDialog dialog(nowhere(), QStringLiteral("Nowhere"));
        dialog.setProfileResolver(&resolver);
        QSignalSpy finished(&dialog, &SuiteRunDialog::runFinished);
        QVERIFY(dialog.run(writeSuite(QStringLiteral("Twin"))));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QVERIFY(!dialog.result().passed());
        const QTreeWidgetItem *connect = dialog.resultsView()->topLevelItem(0)->child(0);
        QVERIFY(connect);
        QCOMPARE(connect->data(1, Qt::UserRole).toInt(), int(SuiteStatus::Error));
        QVERIFY2(connect->text(2).contains(QStringLiteral("'A/Twin'")),
                 qPrintable(connect->text(2)));
    }

    // Stop while the saved connections are read: nothing runs, and the answer is ignored.
    void stoppingBeforeTheStartRunsNothing()
    {
        SuiteProfileResolver resolver(m_catalog.get(), m_secrets.get());
        SuiteRunDialog dialog(nowhere(), QStringLiteral("Nowhere"));
        dialog.setProfileResolver(&resolver);
        QSignalSpy finished(&dialog, &SuiteRunDialog::runFinished);
        QVERIFY(dialog.run(writeSuite(QStringLiteral("Plant/Lab"))));
        QVERIFY(dialog.isRunning());
        dialog.runButton()->click();
        QVERIFY(!dialog.isRunning());
        // The catalog's answer arrives on a later turn; a second request after it proves so.
        std::optional<SuiteProfileResolver::Results> later;
        resolver.resolve({QStringLiteral("Lab")},
                         [&](const SuiteProfileResolver::Results &r) { later = r; });
        QTRY_VERIFY(later.has_value());
        QVERIFY(!dialog.isRunning());
        QCOMPARE(finished.size(), 0);
        QCOMPARE(dialog.resultsView()->topLevelItemCount(), 0);
    }

private:
    ConnectionProfile profile(const QString &name, const QString &folder, quint16 port) const
    {
        ConnectionProfile p;
        p.name = name;
        p.folder = folder;
        p.host = TestBroker::host();
        p.port = port;
        p.username = TestBroker::username();
        p.password = {true, TestBroker::password()};
        p.reconnect.enabled = false;
        return p;
    }

    bool save(const ConnectionProfile &profile)
    {
        qint64 id = 0;
        bool done = false;
        m_secrets->save(profile, [&](const ConnectionProfile &saved, const QString &) {
            m_catalog->create(saved, [&](qint64 created, const StorageError &) {
                id = created;
                done = true;
            });
        });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            return false;
        return id > 0;
    }

    ConnectionSettings nowhere() const
    {
        ConnectionSettings s = TestSettings::forPort(1, ProtocolVersion::V5);
        s.transport.host = TestBroker::host();
        return s;
    }

    QString writeSuite(const QString &profileName)
    {
        const QString path = m_dir.filePath(QStringLiteral("saved-%1.suite.json").arg(++m_suites));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write("{\"format\":\"mqttdesk-suite\",\"version\":1,\"name\":\"saved\","
                   "\"connections\":{\"lab\":{\"profile\":\"" +
                   profileName.toUtf8() +
                   "\"}},"
                   "\"tests\":[{\"name\":\"round trip on the saved connection\",\"steps\":["
                   "{\"type\":\"connect\"},"
                   "{\"type\":\"subscribe\",\"filter\":\"mqttdesk-saved/${run}/t\",\"qos\":1},"
                   "{\"type\":\"publish\",\"topic\":\"mqttdesk-saved/${run}/t\","
                   "\"payload\":\"hello\",\"qos\":1},"
                   "{\"type\":\"expect\",\"filter\":\"mqttdesk-saved/${run}/t\","
                   "\"payload\":\"hello\",\"timeout_ms\":5000},"
                   "{\"type\":\"disconnect\"}]}]}");
        return path;
    }

    TestBroker m_broker;
    QTemporaryDir m_dir;
    MemorySecretStore m_store;
    NoPlainStorage m_consent;
    std::unique_ptr<ProfileCatalog> m_catalog;
    std::unique_ptr<SecretsRunner> m_secrets;
    int m_suites = 0;
};

QTEST_MAIN(TestSuiteProfileResolver)
#include "tst_suite_profile_resolver.moc"
