#include "core/profile/keychain_secret_store.h"
#include "core/profile/profile_secrets.h"
#include "core/profile/secret_consent.h"
#include "tests/profile/sample_profiles.h"

#include <QHash>
#include <QJsonDocument>
#include <QMetaObject>
#include <QSignalSpy>
#include <QTest>

using namespace mqttdesk;

namespace {

// An in-memory keychain, or one that is not there at all (as on CI without a
// secret service). Answers asynchronously, like QtKeychain.
class FakeSecretStore : public SecretStore
{
public:
    bool available = true;
    // What an unavailable keychain says (QtKeychain often says no more than this).
    QString unavailableText = QStringLiteral("No keychain service available");
    QHash<QString, QString> entries;

    void read(quint64 request, const QString &key) override
    {
        answer(request,
               !available              ? Status::Unavailable
               : entries.contains(key) ? Status::Ok
                                       : Status::NotFound,
               entries.value(key));
    }
    void write(quint64 request, const QString &key, const QString &secret) override
    {
        if (available)
            entries.insert(key, secret);
        answer(request, available ? Status::Ok : Status::Unavailable, {});
    }
    void remove(quint64 request, const QString &key) override
    {
        const bool had = entries.remove(key) > 0;
        answer(request, !available ? Status::Unavailable : had ? Status::Ok : Status::NotFound, {});
    }

private:
    void answer(quint64 request, Status status, const QString &secret)
    {
        const QString text = status == Status::Unavailable ? unavailableText : QString();
        QMetaObject::invokeMethod(
            this, [=, this] { Q_EMIT finished(request, status, secret, text); },
            Qt::QueuedConnection);
    }
};

class FakeConsent : public SecretConsent
{
public:
    bool answer = false;
    int asked = 0;
    QString lastReason;
    bool allowPlainStorage(const ConnectionProfile &, const QString &reason) override
    {
        ++asked;
        lastReason = reason;
        return answer;
    }
};

ConnectionProfile keychainProfile()
{
    ConnectionProfile p = test::fullProfile();
    p.secretStorage = SecretStorageMode::Keychain;
    return p;
}

} // namespace

class TestProfileSecrets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void savesToKeychainAndLoadsBack()
    {
        FakeSecretStore store;
        FakeConsent consent;
        ProfileSecrets secrets(&store, &consent);
        QSignalSpy saved(&secrets, &ProfileSecrets::saved);
        const ConnectionProfile profile = keychainProfile();
        secrets.save(profile);
        QVERIFY(saved.wait());
        QCOMPARE(consent.asked, 0);
        QCOMPARE(saved.first().at(1).toString(), QString());
        const auto stored = saved.first().at(0).value<ConnectionProfile>();
        QCOMPARE(stored.secretStorage, SecretStorageMode::Keychain);
        QCOMPARE(store.entries.value(SecretStore::keyFor(profile.id, SecretRole::Password)),
                 QStringLiteral("s3cret"));
        QCOMPARE(store.entries.size(), 4);
        // What gets persisted has no clear text.
        const QByteArray json = QJsonDocument(stored.toJson()).toJson();
        QVERIFY(!json.contains("s3cret"));

        // Reload from the persisted form: the values come back from the keychain.
        const auto persisted = ConnectionProfile::fromJson(stored.toJson(), nullptr);
        QVERIFY(persisted);
        QSignalSpy loaded(&secrets, &ProfileSecrets::loaded);
        secrets.load(*persisted);
        QVERIFY(loaded.wait());
        QCOMPARE(loaded.first().at(0).value<ConnectionProfile>(), profile);
        QCOMPARE(loaded.first().at(1).toStringList(), QStringList());
    }

    void unsetSecretsAreRemoved()
    {
        FakeSecretStore store;
        FakeConsent consent;
        ProfileSecrets secrets(&store, &consent);
        ConnectionProfile profile = keychainProfile();
        QSignalSpy saved(&secrets, &ProfileSecrets::saved);
        secrets.save(profile);
        QVERIFY(saved.wait());
        profile.proxy.password = {};
        secrets.save(profile);
        QVERIFY(saved.wait());
        QVERIFY(
            !store.entries.contains(SecretStore::keyFor(profile.id, SecretRole::ProxyPassword)));
        QSignalSpy forgotten(&secrets, &ProfileSecrets::forgotten);
        secrets.forget(profile);
        QVERIFY(forgotten.wait());
        QVERIFY(store.entries.isEmpty());
    }

    void noKeychainAndConsentStoresPlainMarked()
    {
        FakeSecretStore store;
        store.available = false;
        FakeConsent consent;
        consent.answer = true;
        ProfileSecrets secrets(&store, &consent);
        QSignalSpy saved(&secrets, &ProfileSecrets::saved);
        secrets.save(keychainProfile());
        QVERIFY(saved.wait());
        QCOMPARE(consent.asked, 1);
        QVERIFY(consent.lastReason.contains(QStringLiteral("No keychain service available")));
        const auto stored = saved.first().at(0).value<ConnectionProfile>();
        QCOMPARE(stored.secretStorage, SecretStorageMode::PlainConsented);
        QVERIFY(saved.first().at(1).toString().contains(QStringLiteral("unencrypted")));
        // Marked in the profile, and the values travel with it.
        const QJsonObject json = stored.toJson();
        QCOMPARE(json.value(QStringLiteral("secretStorage")).toString(),
                 QStringLiteral("plain-consented"));
        QVERIFY(QJsonDocument(json).toJson().contains("s3cret"));
        // Loading a consented profile never asks the keychain.
        QSignalSpy loaded(&secrets, &ProfileSecrets::loaded);
        secrets.load(*ConnectionProfile::fromJson(json, nullptr));
        QVERIFY(loaded.wait());
        QCOMPARE(loaded.first().at(0).value<ConnectionProfile>().password.value,
                 QStringLiteral("s3cret"));
    }

    void consentSaysWhyInWords_data()
    {
        QTest::addColumn<QString>("backendText");
        QTest::addColumn<bool>("backendTextShown");
        QTest::newRow("unknown error") << QStringLiteral("Unknown error") << false;
        QTest::newRow("nothing") << QString() << false;
        QTest::newRow("a real text")
            << QStringLiteral("The name org.freedesktop.secrets was not provided") << true;
    }

    void consentSaysWhyInWords()
    {
        QFETCH(QString, backendText);
        QFETCH(bool, backendTextShown);
        FakeSecretStore store;
        store.available = false;
        store.unavailableText = backendText;
        FakeConsent consent;
        ProfileSecrets secrets(&store, &consent);
        QSignalSpy saved(&secrets, &ProfileSecrets::saved);
        secrets.save(keychainProfile());
        QVERIFY(saved.wait());
        QCOMPARE(consent.asked, 1);
        // What is missing, in words, never a bare "Unknown error".
        QVERIFY2(consent.lastReason.contains(QStringLiteral("Secret Service")),
                 qPrintable(consent.lastReason));
        QVERIFY2(!consent.lastReason.contains(QStringLiteral("Unknown error")),
                 qPrintable(consent.lastReason));
        if (backendTextShown)
            QVERIFY2(consent.lastReason.contains(backendText), qPrintable(consent.lastReason));
        QCOMPARE(SecretStore::describeFailure(SecretStore::Status::Denied, {}).isEmpty(), false);
        QVERIFY(
            SecretStore::describeFailure(SecretStore::Status::Ok, QStringLiteral("x")).isEmpty());
    }

    void noKeychainAndRefusalStoresNothing()
    {
        FakeSecretStore store;
        store.available = false;
        FakeConsent consent;
        consent.answer = false;
        ProfileSecrets secrets(&store, &consent);
        QSignalSpy saved(&secrets, &ProfileSecrets::saved);
        secrets.save(keychainProfile());
        QVERIFY(saved.wait());
        QCOMPARE(consent.asked, 1);
        const auto stored = saved.first().at(0).value<ConnectionProfile>();
        QCOMPARE(stored.secretStorage, SecretStorageMode::Keychain);
        QVERIFY(!stored.password.isSet);
        QVERIFY(saved.first().at(1).toString().startsWith(QStringLiteral("Not saved: password")));
        QVERIFY(!QJsonDocument(stored.toJson()).toJson().contains("s3cret"));
    }

    void missingKeychainEntryIsReported()
    {
        FakeSecretStore store;
        ProfileSecrets secrets(&store, nullptr);
        ConnectionProfile profile;
        profile.password.isSet = true;
        QSignalSpy loaded(&secrets, &ProfileSecrets::loaded);
        secrets.load(profile);
        QVERIFY(loaded.wait());
        QCOMPARE(loaded.first().at(1).toStringList(),
                 QStringList{QStringLiteral(
                     "The password is no longer in the system keychain; enter it again.")});
    }

    void realKeychainAnswers()
    {
        // Whatever this machine has (a secret service, or none as on CI), the
        // job must answer with a status rather than hang.
        KeychainSecretStore store(QStringLiteral("MQTT Desk test"));
        QSignalSpy finished(&store, &SecretStore::finished);
        store.read(1, QStringLiteral("mqttdesk-test/never-written"));
        QVERIFY(finished.wait(30000));
        const auto status = finished.first().at(1).value<SecretStore::Status>();
        QVERIFY(status != SecretStore::Status::Ok);
    }
};

QTEST_GUILESS_MAIN(TestProfileSecrets)
#include "tst_profile_secrets.moc"
