// DatabaseQuarantine: which open errors are damage, and moving a damaged history aside with
// its -wal and -shm files under a name that never overwrites an earlier one.
#include "core/storage/database_quarantine.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

namespace {

bool write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TstDatabaseQuarantine : public QObject
{
    Q_OBJECT
private slots:
    void onlyADamagedFileIsDamage()
    {
        using K = StorageError::Kind;
        for (K kind : {K::NotADatabase, K::Corrupt})
            QVERIFY(DatabaseQuarantine::isDamage(StorageError{kind, {}, {}}));
        // Moving these aside would hide readable data or not help at all.
        for (K kind : {K::None, K::OpenFailed, K::SchemaTooNew, K::MigrationFailed, K::DiskFull,
                       K::ReadOnly, K::IoError, K::Busy})
            QVERIFY(!DatabaseQuarantine::isDamage(StorageError{kind, {}, {}}));
    }

    void theDatabaseAndItsSideFilesMoveTogether()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mqttdesk.db"));
        QVERIFY(write(path, "damaged"));
        QVERIFY(write(path + QStringLiteral("-wal"), "wal"));
        QVERIFY(write(path + QStringLiteral("-shm"), "shm"));
        QString why;
        const std::optional<QString> moved = DatabaseQuarantine::moveAside(path, &why);
        QVERIFY2(moved, qPrintable(why));
        QVERIFY(moved->startsWith(path + QStringLiteral(".damaged-")));
        QCOMPARE(read(*moved), QByteArray("damaged"));
        QCOMPARE(read(*moved + QStringLiteral("-wal")), QByteArray("wal"));
        QCOMPARE(read(*moved + QStringLiteral("-shm")), QByteArray("shm"));
        // Nothing is left where a new database will be created.
        for (const char *name : {"", "-wal", "-shm"})
            QVERIFY(!QFile::exists(path + QLatin1String(name)));
    }

    void anEarlierMoveIsNeverOverwritten()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mqttdesk.db"));
        const QDateTime when(QDate(2026, 12, 7), QTime(4, 30, 0), Qt::UTC);
        const QString first = DatabaseQuarantine::asidePath(path, when);
        QCOMPARE(first, path + QStringLiteral(".damaged-20261207-043000"));
        QVERIFY(write(first, "one"));
        const QString second = DatabaseQuarantine::asidePath(path, when);
        QCOMPARE(second, first + QStringLiteral("-2"));
        // A side file alone also takes the name.
        QVERIFY(write(second + QStringLiteral("-wal"), "wal"));
        QCOMPARE(DatabaseQuarantine::asidePath(path, when), first + QStringLiteral("-3"));
    }

    void aFileThatCannotMoveIsNamed()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("nothing-here.db"));
        QString why;
        QVERIFY(!DatabaseQuarantine::moveAside(missing, &why));
        QVERIFY2(why.contains(missing), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TstDatabaseQuarantine)
#include "tst_database_quarantine.moc"
