#include "core/storage/database.h"
#include "core/storage/profile_store.h"
#include "core/storage/retained_snapshot_store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

// RetainedSnapshotStore: snapshots per profile, newest first, bodies only on load, and
// gone with their profile.
class TestRetainedSnapshotStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void addListLoadRenameRemove();
    void perProfileAndGoneWithProfile();

private:
    StoredRetainedSnapshot snapshot(qint64 profile, const QString &name, qint64 ms)
    {
        StoredRetainedSnapshot s;
        s.profileId = profile;
        s.name = name;
        s.filter = QStringLiteral("plant/#");
        s.broker = QStringLiteral("127.0.0.1:1883");
        s.takenAtMs = ms;
        s.topicCount = 3;
        s.body = "{\"format\":\"mqttdesk-retained-snapshot\"," + name.toUtf8() + "}";
        return s;
    }
    qint64 profile(const QString &name)
    {
        StoredProfile p;
        p.name = name;
        return ProfileStore(m_db->connection()).create(p);
    }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestRetainedSnapshotStore::init()
{
    m_db.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("snap.sqlite")));
    QVERIFY(!m_db->open().isError());
}

void TestRetainedSnapshotStore::addListLoadRenameRemove()
{
    const qint64 p = profile(QStringLiteral("P"));
    RetainedSnapshotStore store(m_db->connection());
    StorageError error;
    const qint64 older = store.add(snapshot(p, QStringLiteral("before deploy"), 1000), &error);
    QVERIFY2(older > 0, qPrintable(error.message));
    const qint64 newer = store.add(snapshot(p, QStringLiteral("after deploy"), 2000), &error);
    QVERIFY(newer > older);

    const QList<StoredRetainedSnapshot> listed = store.list(p, &error);
    QVERIFY(!error.isError());
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed[0].id, newer); // newest first
    QCOMPARE(listed[0].name, QStringLiteral("after deploy"));
    QCOMPARE(listed[0].filter, QStringLiteral("plant/#"));
    QCOMPARE(listed[0].broker, QStringLiteral("127.0.0.1:1883"));
    QCOMPARE(listed[0].takenAtMs, 2000);
    QCOMPARE(listed[0].topicCount, 3);
    QVERIFY(listed[0].body.isEmpty()); // the list does not read bodies

    const StoredRetainedSnapshot loaded = store.load(older, &error);
    StoredRetainedSnapshot expected = snapshot(p, QStringLiteral("before deploy"), 1000);
    expected.id = older;
    QCOMPARE(loaded, expected); // with its body
    QCOMPARE(store.load(newer + 100).id, 0);

    QVERIFY(!store.rename(older, QStringLiteral("baseline")).isError());
    QCOMPARE(store.load(older).name, QStringLiteral("baseline"));
    QVERIFY(!store.remove(newer).isError());
    QCOMPARE(store.list(p).size(), 1);
    QCOMPARE(store.list(p).at(0).id, older);
}

void TestRetainedSnapshotStore::perProfileAndGoneWithProfile()
{
    const qint64 a = profile(QStringLiteral("staging"));
    const qint64 b = profile(QStringLiteral("production"));
    RetainedSnapshotStore store(m_db->connection());
    QVERIFY(store.add(snapshot(a, QStringLiteral("s1"), 1)) > 0);
    QVERIFY(store.add(snapshot(b, QStringLiteral("p1"), 2)) > 0);
    QVERIFY(store.add(snapshot(b, QStringLiteral("p2"), 3)) > 0);
    QCOMPARE(store.list(a).size(), 1);
    QCOMPARE(store.list(b).size(), 2);

    QVERIFY(!ProfileStore(m_db->connection()).remove(b).isError());
    QCOMPARE(store.list(b).size(), 0);
    QCOMPARE(store.list(a).size(), 1);
}

QTEST_GUILESS_MAIN(TestRetainedSnapshotStore)
#include "tst_retained_snapshot_store.moc"
