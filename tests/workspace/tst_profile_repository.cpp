// ProfileRepository over a real SQLite database: the one way the app and the CLI turn saved
// rows into ConnectionProfile values (placement columns win over the JSON), and its edits.
#include "core/profile/connection_profile.h"
#include "core/storage/database.h"
#include "core/workspace/profile_repository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

class TstProfileRepository : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("p.sqlite")));
        QVERIFY(!m_db->open().isError());
        m_repo = std::make_unique<ProfileRepository>(m_db->connection());
    }
    void cleanup()
    {
        m_repo.reset();
        m_db.reset();
        m_dir.reset();
    }

    void createReadAndSave()
    {
        ConnectionProfile p;
        p.name = QStringLiteral("Plant");
        p.folder = QStringLiteral("site/a");
        p.host = QStringLiteral("broker.local");
        StorageError error;
        const qint64 id = m_repo->create(p, &error);
        QVERIFY2(id > 0, qPrintable(error.message));
        auto read = m_repo->profile(id);
        QVERIFY(read);
        QCOMPARE(read->name, QStringLiteral("Plant"));
        QCOMPARE(read->folder, QStringLiteral("site/a"));
        QCOMPARE(read->host, QStringLiteral("broker.local"));
        QCOMPARE(read->id, p.id);

        read->host = QStringLiteral("other.local");
        read->folder = QStringLiteral("site/b");
        QVERIFY(!m_repo->save(id, *read).isError());
        const QList<StoredProfile> listed = m_repo->list();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().folder, QStringLiteral("site/b")); // moved with the save
        auto again = ProfileRepository::fromStored(listed.first());
        QVERIFY(again);
        QCOMPARE(again->host, QStringLiteral("other.local"));
    }

    void placementColumnsWinOverTheJson()
    {
        ConnectionProfile p;
        p.name = QStringLiteral("Json name");
        const qint64 id = m_repo->create(p);
        StoredProfile stored = m_repo->list().first();
        stored.name = QStringLiteral("Column name");
        stored.folder = QStringLiteral("f");
        auto profile = ProfileRepository::fromStored(stored);
        QVERIFY(profile);
        QCOMPARE(profile->name, QStringLiteral("Column name"));
        QCOMPARE(profile->folder, QStringLiteral("f"));
        QVERIFY(!m_repo->rename(id, QStringLiteral("Renamed")).isError());
        QCOMPARE(m_repo->profile(id)->name, QStringLiteral("Renamed"));
    }

    void unreadableAndMissingSayWhy()
    {
        StoredProfile broken;
        broken.name = QStringLiteral("broken");
        broken.data.insert(QStringLiteral("kFormatVersion"), 999);
        QString error;
        QVERIFY(!ProfileRepository::fromStored(broken, &error));
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(!m_repo->profile(4242, &error));
        QVERIFY(!error.isEmpty());
    }

    void duplicateGetsItsOwnIdentity()
    {
        ConnectionProfile p;
        p.name = QStringLiteral("One");
        const qint64 id = m_repo->create(p);
        const qint64 copy = m_repo->duplicate(id, QStringLiteral("Two"));
        QVERIFY(copy > 0 && copy != id);
        QCOMPARE(m_repo->profile(copy)->name, QStringLiteral("Two"));
        QVERIFY(m_repo->profile(copy)->id != m_repo->profile(id)->id);
    }

    void foldersMoveAndMerge()
    {
        ConnectionProfile a;
        a.name = QStringLiteral("a");
        a.folder = QStringLiteral("old");
        ConnectionProfile b;
        b.name = QStringLiteral("b");
        b.folder = QStringLiteral("old");
        const qint64 ia = m_repo->create(a);
        const qint64 ib = m_repo->create(b);
        QVERIFY(!m_repo->renameFolder(QStringLiteral("old"), QStringLiteral("new")).isError());
        QCOMPARE(m_repo->profile(ia)->folder, QStringLiteral("new"));
        QCOMPARE(m_repo->profile(ib)->folder, QStringLiteral("new"));
        QVERIFY(!m_repo->moveToFolder(ia, QString()).isError());
        QCOMPARE(m_repo->profile(ia)->folder, QString());
        QVERIFY(!m_repo->remove(ib).isError());
        QVERIFY(!m_repo->profile(ib));
        QCOMPARE(m_repo->list().size(), 1);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ProfileRepository> m_repo;
};

QTEST_GUILESS_MAIN(TstProfileRepository)
#include "tst_profile_repository.moc"
