#include "core/storage/chart_panel_store.h"
#include "core/storage/database.h"
#include "core/storage/profile_store.h"
#include "core/storage/schema_migrations.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

// Chart panels per profile in a real SQLite file: kept in order as the JSON they were given,
// going with their profile, copied with it, and added to a file of the previous version.
class TestChartPanelStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void saveLoadAndReplace();
    void profilesKeepTheirOwnPanels();
    void deletingTheProfileRemovesItsPanels();
    void duplicatingTheProfileCopiesItsPanels();
    void handEditedRowsThatAreNotObjectsAreLeftOut();
    void migratesAnExistingFileFromThePreviousVersion();

private:
    qint64 createProfile(const QString &name)
    {
        StoredProfile p;
        p.name = name;
        return ProfileStore(m_db->connection()).create(p);
    }
    qint64 count(const QString &sql) { return m_db->connection().scalar(sql).toLongLong(); }
    static QList<QJsonObject> samplePanels()
    {
        QJsonObject series{{u"filter"_s, u"plant/+/temp"_s}, {u"path"_s, u"$.v"_s}};
        return {QJsonObject{{u"version"_s, 1},
                            {u"title"_s, u"Temperatures · 温度"_s},
                            {u"series"_s, QJsonArray{series}}},
                QJsonObject{{u"version"_s, 1}, {u"title"_s, u"Empty"_s}}};
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestChartPanelStore::init()
{
    m_db.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(m_dir->filePath(u"charts.sqlite"_s));
    QVERIFY(!m_db->open().isError());
}

void TestChartPanelStore::saveLoadAndReplace()
{
    const qint64 profile = createProfile(u"A"_s);
    ChartPanelStore store(m_db->connection());
    StorageError error;
    QVERIFY(store.load(profile, &error).isEmpty());
    QVERIFY(!error.isError());
    error = store.save(profile, samplePanels());
    QVERIFY2(!error.isError(), qPrintable(error.detail));
    QCOMPARE(store.load(profile, &error), samplePanels());
    QVERIFY(!error.isError());
    // Saving again replaces the whole list, order included.
    const QList<QJsonObject> replaced{samplePanels().at(1), samplePanels().at(0)};
    QVERIFY(!store.save(profile, replaced).isError());
    QCOMPARE(store.load(profile), replaced);
    QCOMPARE(count(u"SELECT count(*) FROM chart_panels"_s), 2);
    QVERIFY(!store.save(profile, {}).isError());
    QVERIFY(store.load(profile).isEmpty());
}

void TestChartPanelStore::profilesKeepTheirOwnPanels()
{
    const qint64 a = createProfile(u"A"_s);
    const qint64 b = createProfile(u"B"_s);
    ChartPanelStore store(m_db->connection());
    const QList<QJsonObject> other{QJsonObject{{u"title"_s, u"B's"_s}}};
    QVERIFY(!store.save(a, samplePanels()).isError());
    QVERIFY(!store.save(b, other).isError());
    QCOMPARE(store.load(a), samplePanels());
    QCOMPARE(store.load(b), other);
    // A profile that does not exist cannot have panels.
    QVERIFY(store.save(9999, other).isError());
    QVERIFY(store.load(9999).isEmpty());
}

void TestChartPanelStore::deletingTheProfileRemovesItsPanels()
{
    const qint64 a = createProfile(u"A"_s);
    const qint64 keep = createProfile(u"Keep"_s);
    ChartPanelStore store(m_db->connection());
    QVERIFY(!store.save(a, samplePanels()).isError());
    QVERIFY(!store.save(keep, samplePanels()).isError());
    QVERIFY(!ProfileStore(m_db->connection()).remove(a).isError());
    QVERIFY(store.load(a).isEmpty());
    QCOMPARE(count(u"SELECT count(*) FROM chart_panels WHERE profile_id = %1"_s.arg(a)), 0);
    QCOMPARE(store.load(keep), samplePanels());
}

void TestChartPanelStore::duplicatingTheProfileCopiesItsPanels()
{
    const qint64 a = createProfile(u"A"_s);
    ChartPanelStore store(m_db->connection());
    QVERIFY(!store.save(a, samplePanels()).isError());
    const qint64 copy = ProfileStore(m_db->connection()).duplicate(a, u"A copy"_s);
    QVERIFY(copy > 0);
    QCOMPARE(store.load(copy), samplePanels());
    QVERIFY(!store.save(copy, {}).isError()); // the copy's own
    QCOMPARE(store.load(a), samplePanels());
}

void TestChartPanelStore::handEditedRowsThatAreNotObjectsAreLeftOut()
{
    const qint64 a = createProfile(u"A"_s);
    QVERIFY(
        !m_db->connection()
             .exec(u"INSERT INTO chart_panels(profile_id, position, body) VALUES"
                   " (%1, 0, 'not json'), (%1, 1, '[1,2]'), (%1, 2, '{\"title\":\"ok\"}')"_s.arg(a))
             .isError());
    const QList<QJsonObject> loaded = ChartPanelStore(m_db->connection()).load(a);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().value(u"title"_s).toString(), u"ok"_s);
}

void TestChartPanelStore::migratesAnExistingFileFromThePreviousVersion()
{
    const int previous = 9; // the version before chart panels (10)
    const QString path = m_dir->filePath(u"old.sqlite"_s);
    {
        Database old(path);
        QVERIFY(!old.open(previous).isError());
        QCOMPARE(old.schemaVersion(), previous);
        QVERIFY(!old.connection()
                     .exec(u"INSERT INTO profiles(id, uuid, name, data) VALUES"
                           " (7, 'u-7', 'Home', '{\"host\":\"127.0.0.1\"}')"_s)
                     .isError());
        QCOMPARE(old.connection()
                     .scalar(u"SELECT count(*) FROM sqlite_schema WHERE name = 'chart_panels'"_s)
                     .toInt(),
                 0);
    }
    Database db(path);
    const StorageError error = db.open();
    QVERIFY2(!error.isError(), qPrintable(error.detail));
    QCOMPARE(db.schemaVersion(), SchemaMigrations::latestVersion());
    QVERIFY(db.checkIntegrity());
    QCOMPARE(ProfileStore(db.connection()).load(7)->name, u"Home"_s);
    ChartPanelStore store(db.connection());
    QVERIFY(store.load(7).isEmpty());
    QVERIFY(!store.save(7, samplePanels()).isError());
    QCOMPARE(store.load(7), samplePanels());
}

QTEST_GUILESS_MAIN(TestChartPanelStore)
#include "tst_chart_panel_store.moc"
