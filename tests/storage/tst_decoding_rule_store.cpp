#include "core/storage/database.h"
#include "core/storage/decoding_rule_store.h"
#include "core/storage/profile_store.h"
#include "core/storage/schema_migrations.h"
#include "core/storage/subscription_store.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mqttdesk;

// Decoding rules per profile in a real SQLite file.
class TestDecodingRuleStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void saveLoadAndReplace();
    void profilesKeepTheirOwnRules();
    void deletingTheProfileRemovesItsRules();
    void duplicatingTheProfileCopiesItsRules();
    void handEditedRowsThatAreNotRulesAreLeftOut();
    void migratesAnExistingFileFromThePreviousVersion();

private:
    qint64 createProfile(const QString &name)
    {
        StoredProfile p;
        p.name = name;
        return ProfileStore(m_db->connection()).create(p);
    }
    qint64 count(const QString &sql) { return m_db->connection().scalar(sql).toLongLong(); }
    static DecodingRules sampleRules()
    {
        DecodingRules rules;
        rules.append({QStringLiteral("sensors/+/raw"), QStringLiteral("hex"), {}});
        rules.append({QStringLiteral("$SYS/#"), QStringLiteral("text"), {}});
        rules.append({QStringLiteral("sensors/#"), QStringLiteral("protobuf"),
                      QJsonObject{{QStringLiteral("schema"), QStringLiteral("s.proto")}}});
        return rules;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestDecodingRuleStore::init()
{
    m_db.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("rules.sqlite")));
    QVERIFY(!m_db->open().isError());
}

void TestDecodingRuleStore::saveLoadAndReplace()
{
    const qint64 profile = createProfile(QStringLiteral("A"));
    DecodingRuleStore store(m_db->connection());
    StorageError error;
    QVERIFY(store.load(profile, &error).isEmpty());
    QVERIFY(!error.isError());

    const DecodingRules rules = sampleRules();
    error = store.save(profile, rules);
    QVERIFY2(!error.isError(), qPrintable(error.detail));
    const DecodingRules loaded = store.load(profile, &error);
    QVERIFY(!error.isError());
    QVERIFY(loaded == rules);
    QCOMPARE(loaded.rules().at(2).options.value(QStringLiteral("schema")).toString(),
             QStringLiteral("s.proto"));
    QCOMPARE(loaded.match(u"sensors/a/raw")->decoder, QStringLiteral("hex"));

    // Saving again replaces the whole list, order included.
    DecodingRules replaced;
    QVERIFY(replaced.append({QStringLiteral("sensors/#"), QStringLiteral("json"), {}}));
    QVERIFY(replaced.append({QStringLiteral("sensors/+/raw"), QStringLiteral("hex"), {}}));
    QVERIFY(!store.save(profile, replaced).isError());
    QVERIFY(store.load(profile) == replaced);
    QCOMPARE(store.load(profile).match(u"sensors/a/raw")->decoder, QStringLiteral("json"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM decoding_rules")), 2);

    QVERIFY(!store.save(profile, DecodingRules()).isError());
    QVERIFY(store.load(profile).isEmpty());
}

void TestDecodingRuleStore::profilesKeepTheirOwnRules()
{
    const qint64 a = createProfile(QStringLiteral("A"));
    const qint64 b = createProfile(QStringLiteral("B"));
    DecodingRuleStore store(m_db->connection());
    DecodingRules other;
    QVERIFY(other.append({QStringLiteral("#"), QStringLiteral("hex"), {}}));
    QVERIFY(!store.save(a, sampleRules()).isError());
    QVERIFY(!store.save(b, other).isError());
    QVERIFY(!store.save(a, sampleRules()).isError());
    QVERIFY(store.load(a) == sampleRules());
    QVERIFY(store.load(b) == other);
    QVERIFY(store.load(9999).isEmpty());
    // A profile that does not exist cannot have rules.
    QVERIFY(store.save(9999, other).isError());
    QVERIFY(store.load(9999).isEmpty());
}

void TestDecodingRuleStore::deletingTheProfileRemovesItsRules()
{
    const qint64 a = createProfile(QStringLiteral("A"));
    const qint64 keep = createProfile(QStringLiteral("Keep"));
    DecodingRuleStore store(m_db->connection());
    QVERIFY(!store.save(a, sampleRules()).isError());
    QVERIFY(!store.save(keep, sampleRules()).isError());
    QVERIFY(!ProfileStore(m_db->connection()).remove(a).isError());
    QVERIFY(store.load(a).isEmpty());
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM decoding_rules WHERE profile_id = %1").arg(a)),
        0);
    QVERIFY(store.load(keep) == sampleRules());
}

void TestDecodingRuleStore::duplicatingTheProfileCopiesItsRules()
{
    const qint64 a = createProfile(QStringLiteral("A"));
    DecodingRuleStore store(m_db->connection());
    QVERIFY(!store.save(a, sampleRules()).isError());
    const qint64 copy = ProfileStore(m_db->connection()).duplicate(a, QStringLiteral("A copy"));
    QVERIFY(copy > 0);
    QVERIFY(store.load(copy) == sampleRules());
    // They are the copy's own.
    QVERIFY(!store.save(copy, DecodingRules()).isError());
    QVERIFY(store.load(a) == sampleRules());
}

void TestDecodingRuleStore::handEditedRowsThatAreNotRulesAreLeftOut()
{
    const qint64 a = createProfile(QStringLiteral("A"));
    QVERIFY(!m_db->connection()
                 .exec(QStringLiteral("INSERT INTO decoding_rules(profile_id, position, filter,"
                                      " decoder, options) VALUES (%1, 0, 'a/#/b', 'hex', '{}'),"
                                      " (%1, 1, 'a/b', 'json', 'not json'), (%1, 2, 'c', '', '{}')")
                           .arg(a))
                 .isError());
    const DecodingRules loaded = DecodingRuleStore(m_db->connection()).load(a);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.rules().at(0).filter, QStringLiteral("a/b"));
    QVERIFY(loaded.rules().at(0).options.isEmpty());
}

void TestDecodingRuleStore::migratesAnExistingFileFromThePreviousVersion()
{
    const int previous = 4; // the version before decoding rules (5)
    const QString path = m_dir->filePath(QStringLiteral("old.sqlite"));
    {
        Database old(path);
        QVERIFY(!old.open(previous).isError());
        QCOMPARE(old.schemaVersion(), previous);
        QVERIFY(!old.connection()
                     .exec(QStringLiteral("INSERT INTO profiles(id, uuid, name, data) VALUES"
                                          " (7, 'u-7', 'Home', '{\"host\":\"127.0.0.1\"}')"))
                     .isError());
        QVERIFY(!old.connection()
                     .exec(QStringLiteral("INSERT INTO subscriptions(profile_id, filter, qos,"
                                          " payload_format) VALUES (7, 'home/#', 1, 'json')"))
                     .isError());
        QCOMPARE(old.connection()
                     .scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema"
                                            " WHERE name = 'decoding_rules'"))
                     .toInt(),
                 0);
    }
    Database db(path);
    const StorageError error = db.open();
    QVERIFY2(!error.isError(), qPrintable(error.detail));
    QCOMPARE(db.schemaVersion(), SchemaMigrations::latestVersion());
    QVERIFY(db.checkIntegrity());
    // What was there is still there.
    QCOMPARE(ProfileStore(db.connection()).load(7)->name, QStringLiteral("Home"));
    const QList<StoredSubscription> subscriptions = SubscriptionStore(db.connection()).list(7);
    QCOMPARE(subscriptions.size(), 1);
    QCOMPARE(subscriptions.first().payloadFormat, QStringLiteral("json"));
    // The old profile has no rules yet and takes them now; they go with it.
    DecodingRuleStore store(db.connection());
    QVERIFY(store.load(7).isEmpty());
    QVERIFY(!store.save(7, sampleRules()).isError());
    QVERIFY(store.load(7) == sampleRules());
    QVERIFY(!ProfileStore(db.connection()).remove(7).isError());
    QVERIFY(store.load(7).isEmpty());
}

QTEST_GUILESS_MAIN(TestDecodingRuleStore)
#include "tst_decoding_rule_store.moc"
