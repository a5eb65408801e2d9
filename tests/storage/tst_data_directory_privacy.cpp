#include "core/storage/data_directory.h"
#include "core/storage/data_directory_lock.h"
#include "core/storage/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

// The data directory holds what the user's devices send: a folder the app creates is
// 0700, and the database, its WAL and shared-memory files and the lock are 0600, also when
// an older version left them readable by others.
class TestDataDirectoryPrivacy : public QObject
{
    Q_OBJECT
private slots:
    void createdFolderIsPrivate();
    void chosenFolderKeepsItsMode();
    void everyFileIsPrivate();
    void olderFilesAreTightened();

private:
    static constexpr QFile::Permissions kOthers = QFile::ReadGroup | QFile::WriteGroup |
                                                  QFile::ExeGroup | QFile::ReadOther |
                                                  QFile::WriteOther | QFile::ExeOther;
};

void TestDataDirectoryPrivacy::createdFolderIsPrivate()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString path = root.filePath(QStringLiteral("a/b/mqttdesk"));
    QVERIFY(!DataDirectory::ensureExists(path).isError());
    const QFile::Permissions mode = QFileInfo(path).permissions();
    QVERIFY(mode & QFile::ReadOwner && mode & QFile::WriteOwner && mode & QFile::ExeOwner);
    QCOMPARE(mode & kOthers, QFile::Permissions());
}

void TestDataDirectoryPrivacy::chosenFolderKeepsItsMode()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QFile::Permissions open =
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup;
    QVERIFY(QFile::setPermissions(root.path(), open));
    QVERIFY(!DataDirectory::ensureExists(root.path()).isError());
    QCOMPARE(QFileInfo(root.path()).permissions() & kOthers, QFile::ReadGroup | QFile::ExeGroup);
}

void TestDataDirectoryPrivacy::everyFileIsPrivate()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString dir = root.filePath(QStringLiteral("data"));
    QVERIFY(!DataDirectory::ensureExists(dir).isError());
    DataDirectoryLock lock(dir);
    QVERIFY(!lock.tryLock().isError());
    Database database(DataDirectory::databasePath(dir));
    QVERIFY(!database.open().isError()); // creates, migrates: the WAL and -shm exist now

    const QFileInfoList files = QDir(dir).entryInfoList(QDir::Files | QDir::Hidden);
    QStringList names;
    for (const QFileInfo &file : files) {
        names << file.fileName();
        QVERIFY2((file.permissions() & kOthers) == QFile::Permissions(),
                 qPrintable(file.fileName()));
    }
    QVERIFY2(names.contains(QStringLiteral("mqttdesk.sqlite")), qPrintable(names.join(u',')));
    QVERIFY2(names.contains(QStringLiteral("mqttdesk.sqlite-wal")), qPrintable(names.join(u',')));
    QVERIFY2(names.contains(QStringLiteral("mqttdesk.lock")), qPrintable(names.join(u',')));
}

void TestDataDirectoryPrivacy::olderFilesAreTightened()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = DataDirectory::databasePath(dir.path());
    {
        Database database(path);
        QVERIFY(!database.open().isError());
    }
    const QFile::Permissions readable =
        QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
    QVERIFY(QFile::setPermissions(path, readable));
    QCOMPARE(QFileInfo(path).permissions() & kOthers, QFile::ReadGroup | QFile::ReadOther);
    Database again(path);
    QVERIFY(!again.open().isError());
    QCOMPARE(QFileInfo(path).permissions() & kOthers, QFile::Permissions());
}

QTEST_GUILESS_MAIN(TestDataDirectoryPrivacy)
#include "tst_data_directory_privacy.moc"
