#include "core/storage/data_directory.h"
#include "core/storage/database.h"
#include "core/storage/message_writer.h"
#include "core/storage/schema_migrations.h"
#include "tests/support/enum_names.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace mqttdesk;
using namespace mqttdesk::test;

class TestDatabase : public QObject
{
    Q_OBJECT
private slots:
    void dataDirectoryPrecedence();
    void dataDirectoryDatabasePath();
    void dataDirectoryErrorKinds();
    void storageErrorKinds();
    void freshFileIsWalAtLatestVersion();
    void migratesFromEveryEarlierVersion_data();
    void migratesFromEveryEarlierVersion();
    void failedMigrationLeavesPreviousVersion();
    void newerSchemaIsRejected();
    void foreignFileIsRejected();
    void directoryPathIsRejected();
    void eachThreadHasItsOwnConnection();

private:
    static qint64 scalar(const Database &db, const QString &sql)
    {
        QSqlQuery query(db.connection().database());
        if (!query.exec(sql) || !query.next())
            qFatal("query failed: %s", qPrintable(query.lastError().text()));
        return query.value(0).toLongLong();
    }
    static void exec(const Database &db, const QString &sql)
    {
        const StorageError error = db.connection().exec(sql);
        QVERIFY2(!error.isError(), qPrintable(sql + QLatin1Char(' ') + error.detail));
    }
};

void TestDatabase::dataDirectoryPrecedence()
{
    const QByteArray saved = qgetenv(DataDirectory::environmentVariable());
    qunsetenv(DataDirectory::environmentVariable());
    QStandardPaths::setTestModeEnabled(true);

    const auto platform = DataDirectory::resolve();
    QCOMPARE(platform.source, DataDirectory::Source::Platform);
    QCOMPARE(platform.path,
             QDir::cleanPath(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));

    qputenv(DataDirectory::environmentVariable(), "/tmp/mqttdesk-env-dir/");
    const auto env = DataDirectory::resolve();
    QCOMPARE(env.source, DataDirectory::Source::Environment);
    QCOMPARE(env.path, QStringLiteral("/tmp/mqttdesk-env-dir"));

    const auto cli = DataDirectory::resolve(QStringLiteral("/tmp/cli-dir/sub/.."));
    QCOMPARE(cli.source, DataDirectory::Source::CommandLine);
    QCOMPARE(cli.path, QStringLiteral("/tmp/cli-dir"));

    const auto relative = DataDirectory::resolve(QStringLiteral("rel"));
    QCOMPARE(relative.path, QDir::current().absoluteFilePath(QStringLiteral("rel")));

    if (saved.isNull())
        qunsetenv(DataDirectory::environmentVariable());
    else
        qputenv(DataDirectory::environmentVariable(), saved);
}

void TestDatabase::dataDirectoryDatabasePath()
{
    QTemporaryDir dir;
    const QString nested = dir.filePath(QStringLiteral("a/b"));
    QVERIFY(!DataDirectory::ensureExists(nested).isError());
    QVERIFY(QFileInfo(nested).isDir());
    QVERIFY(!DataDirectory::ensureExists(nested).isError()); // there already
    QCOMPARE(DataDirectory::databasePath(nested), nested + QStringLiteral("/mqttdesk.sqlite"));

    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString below = blocker.fileName() + QStringLiteral("/sub");
    const DataDirectoryError cannot = DataDirectory::ensureExists(below);
    QCOMPARE(cannot.kind, DataDirectoryError::Kind::CreateFailed);
    QCOMPARE(cannot.path, below);
    QVERIFY(cannot.message().contains(below));
    const DataDirectoryError file = DataDirectory::ensureExists(blocker.fileName());
    QCOMPARE(file.kind, DataDirectoryError::Kind::NotADirectory);
    QVERIFY(file.message().contains(blocker.fileName()));
}

void TestDatabase::dataDirectoryErrorKinds()
{
    using K = DataDirectoryError::Kind;
    checkEnumNames(K::None, K::LockFailed, &DataDirectoryError::kindName,
                   QStringLiteral("Unknown"));
    QCOMPARE(DataDirectoryError::kindName(K::CreateFailed), QStringLiteral("CreateFailed"));
    checkEnumTexts(K::CreateFailed, K::LockFailed, [](K kind) {
        return DataDirectoryError{kind, QStringLiteral("/data")}.message();
    });
    QVERIFY(DataDirectoryError{}.message().isEmpty());
}

void TestDatabase::storageErrorKinds()
{
    using K = StorageError::Kind;
    checkEnumNames(K::None, K::QueryFailed, &StorageError::kindName, QStringLiteral("Unknown"));
    QCOMPARE(StorageError::kindName(K::DiskFull), QStringLiteral("DiskFull"));
    checkEnumTexts(K::OpenFailed, K::QueryFailed, [](K kind) {
        return StorageError::describe(kind, QStringLiteral("/data/mqttdesk.sqlite"));
    });
    QVERIFY(StorageError::describe(K::None, QStringLiteral("/data")).isEmpty());
}

void TestDatabase::freshFileIsWalAtLatestVersion()
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("fresh.sqlite")));
    const StorageError error = db.open();
    QVERIFY2(!error.isError(), qPrintable(error.detail));
    QCOMPARE(db.schemaVersion(), SchemaMigrations::latestVersion());
    QCOMPARE(db.connection().scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
             QStringLiteral("wal"));
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA synchronous")), 1); // NORMAL
    QVERIFY(db.checkIntegrity());
    // Reopening an up-to-date file changes nothing.
    Database again(db.path());
    QVERIFY(!again.open().isError());
    QCOMPARE(again.schemaVersion(), SchemaMigrations::latestVersion());
}

void TestDatabase::migratesFromEveryEarlierVersion_data()
{
    QTest::addColumn<int>("fromVersion");
    for (int v = 0; v < SchemaMigrations::latestVersion(); ++v)
        QTest::addRow("from v%d", v) << v;
}

// Builds a file at an earlier version, fills what that version has, migrates to the latest
// and checks that everything is still there and the new parts work on the old rows.
void TestDatabase::migratesFromEveryEarlierVersion()
{
    QFETCH(int, fromVersion);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    {
        Database old(path);
        QVERIFY(!old.open(fromVersion).isError());
        QCOMPARE(old.schemaVersion(), fromVersion);
        if (fromVersion >= 1) {
            exec(old, QStringLiteral("INSERT INTO profiles(id, uuid, name, data) VALUES"
                                     " (7, 'u-7', 'Home', '{\"host\":\"127.0.0.1\"}')"));
            exec(old, QStringLiteral("INSERT INTO subscriptions(profile_id, filter, qos)"
                                     " VALUES (7, 'home/#', 1)"));
        }
        if (fromVersion >= 2) {
            exec(old, QStringLiteral("INSERT INTO topics(id, profile_id, name)"
                                     " VALUES (1, 7, 'home/kitchen')"));
            // flags 32: text; one binary message (flags 0) that must stay out of the index.
            exec(old, QStringLiteral(
                          "INSERT INTO messages(id, profile_id, topic_id, flags, time_us, size,"
                          " payload) VALUES (1, 7, 1, 32, 10, 12, CAST('kettle boils' AS BLOB)),"
                          " (2, 7, 1, 0, 11, 2, x'00ff')"));
            exec(old, QStringLiteral("INSERT INTO profile_counters VALUES (7, 2, 2, 0, 14)"));
        }
        if (fromVersion == 3) // version 3 wrote the full-text entry with the row
            exec(old, QStringLiteral("INSERT INTO message_fts(rowid, payload)"
                                     " VALUES (1, CAST('kettle boils' AS BLOB))"));
        if (fromVersion >= 4) {
            // From version 4 the indexer fills the read indexes and records how far it got.
            exec(old, QStringLiteral("INSERT INTO message_profiles VALUES (7, 1), (7, 2)"));
            exec(old, QStringLiteral("INSERT INTO message_times VALUES (7, 10, 1), (7, 11, 2)"));
            exec(old, QStringLiteral("INSERT INTO message_topics VALUES (1, 1), (1, 2)"));
            exec(old, QStringLiteral("INSERT INTO message_fts(rowid, payload)"
                                     " VALUES (1, CAST('kettle boils' AS BLOB))"));
            exec(old, QStringLiteral("UPDATE message_index_state SET indexed_upto = 2"));
        }
    }
    Database db(path);
    const StorageError error = db.open();
    QVERIFY2(!error.isError(), qPrintable(error.detail));
    QCOMPARE(db.schemaVersion(), SchemaMigrations::latestVersion());
    QVERIFY(db.checkIntegrity());
    if (fromVersion >= 1) {
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM profiles WHERE uuid = 'u-7'")), 1);
        QCOMPARE(scalar(db, QStringLiteral("SELECT qos FROM subscriptions WHERE profile_id = 7")),
                 1);
    }
    if (fromVersion >= 2) {
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM messages")), 2);
        QCOMPARE(scalar(db, QStringLiteral("SELECT stored FROM profile_counters")), 2);
        // The version 3 backfill indexed the old text row.
        QCOMPARE(scalar(db, QStringLiteral(
                                "SELECT rowid FROM message_fts WHERE message_fts MATCH 'kettle'")),
                 1);
        // Version 4 moved the old rows into the deferred indexes and marked them indexed (or
        // the indexer had done so).
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM message_profiles")), 2);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM message_times")), 2);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM message_topics")), 2);
    }
    QCOMPARE(scalar(db, QStringLiteral("SELECT indexed_upto FROM message_index_state")),
             fromVersion >= 2 ? 2 : 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                                       " AND name LIKE 'messages_%'")),
             0);
    // Version 5 added the decoding rules, none yet.
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM decoding_rules")), 0);
    // The migrated file takes new history through the writer, full-text index included.
    exec(db, QStringLiteral("INSERT INTO profiles(uuid, name) VALUES ('new', 'New')"));
    MessageWriter writer(path);
    writer.start();
    StoredMessage message;
    message.profileId = 7;
    message.topic = QStringLiteral("home/kitchen");
    message.payload = "hello after upgrade";
    QVERIFY(writer.enqueue(message));
    QVERIFY(writer.waitUntilIndexed(30000));
    QCOMPARE(writer.counters(7).stored, fromVersion >= 2 ? 3 : 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM message_profiles")),
             fromVersion >= 2 ? 3 : 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM message_fts WHERE message_fts"
                                       " MATCH 'hello'")),
             1);
    // Version 7: a large text payload (in message_blobs) is searchable by its words, and
    // the index agrees with its content, the view of every text payload.
    message.payload = QByteArray("lorem ipsum ").repeated(7000) + "magnetar";
    QVERIFY(message.payload.size() > StoredMessage::kLargePayloadThreshold);
    QVERIFY(writer.enqueue(message));
    QVERIFY(writer.waitUntilIndexed(30000));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM message_blobs")), 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM message_fts WHERE message_fts"
                                       " MATCH 'magnetar'")),
             1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM message_fts WHERE message_fts"
                                       " MATCH 'kettle'")),
             fromVersion >= 2 ? 1 : 0);
    exec(db, QStringLiteral("INSERT INTO message_fts(message_fts) VALUES ('integrity-check')"));
}

void TestDatabase::failedMigrationLeavesPreviousVersion()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.sqlite"));
    {
        Database old(path);
        QVERIFY(!old.open(1).isError());
        // A stray table that makes step 2 fail half-way.
        exec(old, QStringLiteral("CREATE TABLE messages_blob_clash (x)"));
        exec(old, QStringLiteral("CREATE TABLE message_blobs (x)"));
    }
    Database db(path);
    const StorageError error = db.open();
    QCOMPARE(error.kind, StorageError::Kind::MigrationFailed);
    QVERIFY(error.message.contains(path));
    QCOMPARE(db.schemaVersion(), 1);
    // The step ran in one transaction: nothing of it is left.
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name IN"
                                       " ('topics', 'messages')")),
             0);
}

void TestDatabase::newerSchemaIsRejected()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    {
        Database db(path);
        QVERIFY(!db.open().isError());
        exec(db,
             QStringLiteral("PRAGMA user_version = %1").arg(SchemaMigrations::latestVersion() + 1));
    }
    Database db(path);
    const StorageError error = db.open();
    QCOMPARE(error.kind, StorageError::Kind::SchemaTooNew);
    QVERIFY(error.message.contains(QStringLiteral("newer version")));
}

void TestDatabase::foreignFileIsRejected()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    Database db(path);
    const StorageError error = db.open();
    QCOMPARE(error.kind, StorageError::Kind::NotADatabase);
    QVERIFY(error.message.contains(path));
}

void TestDatabase::directoryPathIsRejected()
{
    QTemporaryDir dir;
    Database db(dir.path());
    const StorageError error = db.open();
    QCOMPARE(error.kind, StorageError::Kind::OpenFailed);
    QVERIFY(error.message.contains(dir.path()));
    QVERIFY(error.stopsWriting());
}

void TestDatabase::eachThreadHasItsOwnConnection()
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("threads.sqlite")));
    QVERIFY(!db.open().isError());
    exec(db, QStringLiteral("INSERT INTO profiles(uuid, name) VALUES ('a', 'A')"));
    QString otherName;
    qint64 seen = -1;
    QThread *thread = QThread::create([&] {
        DatabaseConnection own(db.path(), QStringLiteral("test"));
        otherName = own.name();
        seen = own.scalar(QStringLiteral("SELECT count(*) FROM profiles")).toLongLong();
    });
    thread->start();
    QVERIFY(thread->wait(30000));
    delete thread;
    QCOMPARE(seen, 1);
    QVERIFY(otherName != db.connection().name());
    QVERIFY(!QSqlDatabase::contains(otherName)); // removed when it went out of scope
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
