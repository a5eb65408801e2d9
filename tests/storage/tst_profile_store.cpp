#include "core/storage/database.h"
#include "core/storage/message_writer.h"
#include "core/storage/profile_store.h"
#include "core/storage/publish_history_store.h"
#include "core/storage/subscription_store.h"
#include "support/message_factory.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

class TestProfileStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void createLoadAndSave();
    void foldersAndOrder();
    void duplicateCopiesSubscriptionsNotHistory();
    void removeTakesEverythingWithIt();
    void removeStopsTheWriterForThatProfile();

private:
    StoredProfile make(const QString &name, const QString &folder = {})
    {
        StoredProfile p;
        p.name = name;
        p.folder = folder;
        p.data = QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                             {QStringLiteral("port"), 1883},
                             {QStringLiteral("name"), name}};
        return p;
    }
    qint64 count(const QString &sql) { return m_db->connection().scalar(sql).toLongLong(); }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestProfileStore::init()
{
    m_db.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("p.sqlite")));
    QVERIFY(!m_db->open().isError());
}

void TestProfileStore::createLoadAndSave()
{
    ProfileStore store(m_db->connection());
    StorageError error;
    const qint64 id = store.create(make(QStringLiteral("Home")), &error);
    QVERIFY2(id > 0, qPrintable(error.detail));
    std::optional<StoredProfile> loaded = store.load(id);
    QVERIFY(loaded);
    QCOMPARE(loaded->name, QStringLiteral("Home"));
    QCOMPARE(loaded->data, make(QStringLiteral("Home")).data);
    QCOMPARE(loaded->uuid.size(), 36);
    QCOMPARE(store.loadByUuid(loaded->uuid)->id, id);

    loaded->data.insert(QStringLiteral("port"), 8883);
    QVERIFY(!store.save(*loaded).isError());
    QVERIFY(!store.rename(id, QStringLiteral("Home TLS")).isError());
    const std::optional<StoredProfile> again = store.load(id);
    QCOMPARE(again->name, QStringLiteral("Home TLS"));
    QCOMPARE(again->data.value(QStringLiteral("port")).toInt(), 8883);
    QVERIFY(!store.load(9999));

    // The uuid is unique: a clash is a typed error, not a crash.
    StoredProfile clash = make(QStringLiteral("Clash"));
    clash.uuid = loaded->uuid;
    QCOMPARE(store.create(clash, &error), 0);
    QCOMPARE(error.kind, StorageError::Kind::QueryFailed);
}

void TestProfileStore::foldersAndOrder()
{
    ProfileStore store(m_db->connection());
    const qint64 a = store.create(make(QStringLiteral("A")));
    const qint64 b = store.create(make(QStringLiteral("B")));
    const qint64 c = store.create(make(QStringLiteral("C")));
    const qint64 w = store.create(make(QStringLiteral("W"), QStringLiteral("Work")));
    QCOMPARE(store.folders(), (QStringList{QString(), QStringLiteral("Work")}));
    const auto names = [&] {
        QStringList result;
        for (const StoredProfile &p : store.list())
            result << p.folder + QLatin1Char(':') + p.name;
        return result;
    };
    QCOMPARE(names(), (QStringList{QStringLiteral(":A"), QStringLiteral(":B"), QStringLiteral(":C"),
                                   QStringLiteral("Work:W")}));
    QVERIFY(!store.reorder(QString(), {c, a, b}).isError());
    QCOMPARE(names(), (QStringList{QStringLiteral(":C"), QStringLiteral(":A"), QStringLiteral(":B"),
                                   QStringLiteral("Work:W")}));
    QVERIFY(!store.moveToFolder(c, QStringLiteral("Work")).isError());
    QCOMPARE(names(), (QStringList{QStringLiteral(":A"), QStringLiteral(":B"),
                                   QStringLiteral("Work:W"), QStringLiteral("Work:C")}));
    QCOMPARE(store.load(w)->position, 0);
    QCOMPARE(store.load(c)->position, 1);
}

void TestProfileStore::duplicateCopiesSubscriptionsNotHistory()
{
    ProfileStore store(m_db->connection());
    SubscriptionStore subscriptions(m_db->connection());
    const qint64 a = store.create(make(QStringLiteral("A")));
    const qint64 b = store.create(make(QStringLiteral("B")));
    StoredSubscription s;
    s.profileId = a;
    s.filter = QStringLiteral("home/#");
    s.qos = 1;
    s.options = QJsonObject{{QStringLiteral("noLocal"), true}};
    s.colour = QStringLiteral("#ff0000");
    QVERIFY(subscriptions.add(s) > 0);
    {
        MessageWriter writer(m_db->path());
        writer.start();
        writer.enqueue(test::makeMessage(a, QStringLiteral("home/x"), "1"));
        QVERIFY(writer.waitUntilIdle(30000));
    }
    StorageError error;
    const qint64 copy = store.duplicate(a, QStringLiteral("A copy"), &error);
    QVERIFY2(copy > 0, qPrintable(error.detail));
    const std::optional<StoredProfile> duplicated = store.load(copy);
    QCOMPARE(duplicated->data, store.load(a)->data);
    QVERIFY(duplicated->uuid != store.load(a)->uuid);
    QCOMPARE(duplicated->position, store.load(a)->position + 1); // right after the original
    QCOMPARE(store.load(b)->position, duplicated->position + 1);
    const QList<StoredSubscription> copied = subscriptions.list(copy);
    QCOMPARE(copied.size(), 1);
    QCOMPARE(copied.first().filter, s.filter);
    QCOMPARE(copied.first().options, s.options);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE profile_id = %1").arg(copy)),
             0);
}

void TestProfileStore::removeTakesEverythingWithIt()
{
    ProfileStore store(m_db->connection());
    const qint64 a = store.create(make(QStringLiteral("A")));
    const qint64 keep = store.create(make(QStringLiteral("Keep")));
    SubscriptionStore subscriptions(m_db->connection());
    PublishHistoryStore published(m_db->connection());
    for (qint64 profile : {a, keep}) {
        StoredSubscription s;
        s.profileId = profile;
        s.filter = QStringLiteral("t/#");
        subscriptions.add(s);
        PublishHistoryEntry entry;
        entry.profileId = profile;
        entry.topic = QStringLiteral("t/1");
        entry.payload = "p";
        entry.lastUsedUs = 1;
        QVERIFY(published.record(entry) > 0);
    }
    {
        MessageWriter writer(m_db->path());
        writer.start();
        for (int i = 0; i < 100; ++i) {
            writer.enqueue(test::makeMessage(a, QStringLiteral("t/1"), "text payload"));
            writer.enqueue(test::makeMessage(keep, QStringLiteral("t/1"), "text payload"));
        }
        writer.enqueue(test::makeMessage(a, QStringLiteral("t/big"), QByteArray(70000, 'b')));
        // A large text payload (kept in message_blobs) is in the full-text index too.
        writer.enqueue(
            test::makeMessage(keep, QStringLiteral("t/big"), QByteArray(70000, 'k') + " magnetar"));
        writer.setRetention(a, RetentionPolicy{1000, 0, 0});
        QVERIFY(writer.waitUntilIndexed(30000));
    }
    QVERIFY(!store.remove(a).isError());
    QVERIFY(!store.load(a));
    QCOMPARE(subscriptions.list(a).size(), 0);
    QCOMPARE(published.list(a).size(), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE profile_id = %1").arg(a)),
             0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM topics WHERE profile_id = %1").arg(a)), 0);
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM profile_counters WHERE profile_id = %1").arg(a)),
        0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM retention WHERE profile_id = %1").arg(a)),
             0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM message_blobs")), 1); // keep's
    // The other profile is untouched, and the full-text index matches the rows exactly.
    QCOMPARE(subscriptions.list(keep).size(), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE profile_id = %1").arg(keep)),
             101);
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM message_fts WHERE message_fts MATCH 'text'")),
        100);
    QCOMPARE(count(QStringLiteral(
                 "SELECT count(*) FROM message_fts WHERE message_fts MATCH 'magnetar'")),
             1);
    QVERIFY(!m_db->connection()
                 .exec(QStringLiteral(
                     "INSERT INTO message_fts(message_fts) VALUES ('integrity-check')"))
                 .isError());
}

void TestProfileStore::removeStopsTheWriterForThatProfile()
{
    ProfileStore store(m_db->connection());
    const qint64 a = store.create(make(QStringLiteral("A")));
    const qint64 keep = store.create(make(QStringLiteral("Keep")));
    MessageWriter writer(m_db->path());
    writer.start();
    for (int i = 0; i < 2000; ++i) {
        writer.enqueue(test::makeMessage(a, QStringLiteral("t/1"), "text payload"));
        writer.enqueue(test::makeMessage(keep, QStringLiteral("t/1"), "text payload"));
    }
    // Removed while the writer still holds (some of) its messages in the queue.
    QVERIFY(!store.remove(a, &writer).isError());
    QVERIFY(!writer.enqueue(test::makeMessage(a, QStringLiteral("t/1"), "late")));
    QVERIFY(writer.enqueue(test::makeMessage(keep, QStringLiteral("t/1"), "text payload")));
    QVERIFY2(writer.waitUntilIndexed(30000), qPrintable(writer.lastError().detail));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE profile_id = %1").arg(a)),
             0);
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM profile_counters WHERE profile_id = %1").arg(a)),
        0);
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM message_profiles WHERE profile_id = %1").arg(a)),
        0);
    QCOMPARE(writer.counters(a).received, 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE profile_id = %1").arg(keep)),
             2001);
    QVERIFY(!m_db->connection()
                 .exec(QStringLiteral(
                     "INSERT INTO message_fts(message_fts) VALUES ('integrity-check')"))
                 .isError());
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profile_store.moc"
