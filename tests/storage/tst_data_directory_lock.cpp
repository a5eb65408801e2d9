#include "core/storage/data_directory_lock.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

// One writer per data directory: a second lock is refused with the holder named, a lock
// that is let go (or whose process died) is free again, and a folder that cannot hold a
// lock file says so.
class TestDataDirectoryLock : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void secondLockIsRefusedWithTheHolder();
    void lockIsFreeAfterUnlockAndDestruction();
    void lockOfADeadProcessIsTakenOver();
    void lockInAFolderThatCannotHoldItFails();

private:
    QTemporaryDir m_dir;
};

void TestDataDirectoryLock::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestDataDirectoryLock::secondLockIsRefusedWithTheHolder()
{
    DataDirectoryLock first(m_dir.path());
    QCOMPARE(first.tryLock().kind, DataDirectoryError::Kind::None);
    QVERIFY(first.isLocked());
    QVERIFY(QFileInfo::exists(DataDirectoryLock::lockPath(m_dir.path())));
    // Taking it again is no error.
    QCOMPARE(first.tryLock().kind, DataDirectoryError::Kind::None);

    DataDirectoryLock second(m_dir.path());
    const DataDirectoryError refused = second.tryLock();
    QCOMPARE(refused.kind, DataDirectoryError::Kind::InUse);
    QVERIFY(!second.isLocked());
    QCOMPARE(refused.path, m_dir.path());
    QCOMPARE(refused.holderPid, QCoreApplication::applicationPid());
    // QLockFile records the executable's name: "mqttdesk" for the app.
    const QString self = QFileInfo(QCoreApplication::applicationFilePath()).fileName();
    QCOMPARE(refused.holder, self);
    // The message names the folder, the program, its process and what to do.
    const QString text = refused.message();
    QVERIFY2(text.contains(m_dir.path()), qPrintable(text));
    QVERIFY2(text.contains(self), qPrintable(text));
    QVERIFY2(text.contains(QString::number(QCoreApplication::applicationPid())), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("--data-dir")), qPrintable(text));
    // The app is named as users know it.
    const QString byApp =
        DataDirectoryError{DataDirectoryError::Kind::InUse, QStringLiteral("/data"),
                           QStringLiteral("mqttdesk"), 42}
            .message();
    QVERIFY2(byApp.contains(QStringLiteral("MQTT Desk (process 42)")), qPrintable(byApp));
}

void TestDataDirectoryLock::lockIsFreeAfterUnlockAndDestruction()
{
    {
        DataDirectoryLock first(m_dir.path());
        QCOMPARE(first.tryLock().kind, DataDirectoryError::Kind::None);
        first.unlock();
        QVERIFY(!first.isLocked());
        DataDirectoryLock second(m_dir.path());
        QCOMPARE(second.tryLock().kind, DataDirectoryError::Kind::None);
    } // destroyed while locked: the lock goes with it
    QVERIFY(!QFileInfo::exists(DataDirectoryLock::lockPath(m_dir.path())));
    DataDirectoryLock third(m_dir.path());
    QCOMPARE(third.tryLock().kind, DataDirectoryError::Kind::None);
}

void TestDataDirectoryLock::lockOfADeadProcessIsTakenOver()
{
    // A lock file as QLockFile writes it (pid, application, host), left by a process that
    // no longer runs: pid 2^22 + 1 is above Linux's pid_max limit, so it never runs.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        DataDirectoryLock probe(dir.path());
        QCOMPARE(probe.tryLock().kind, DataDirectoryError::Kind::None);
        QFile file(DataDirectoryLock::lockPath(dir.path()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().split('\n');
        file.close();
        probe.unlock();
        QVERIFY(lines.size() >= 3);
        lines[0] = QByteArray::number((1 << 22) + 1);
        QFile stale(DataDirectoryLock::lockPath(dir.path()));
        QVERIFY(stale.open(QIODevice::WriteOnly | QIODevice::Truncate));
        stale.write(lines.join('\n'));
    }
    DataDirectoryLock taker(dir.path());
    QCOMPARE(taker.tryLock().kind, DataDirectoryError::Kind::None);
}

void TestDataDirectoryLock::lockInAFolderThatCannotHoldItFails()
{
    // A "folder" that is a file: no lock file can be made in it (as in a folder the user
    // may not write, which root, who runs CI, could write all the same).
    QFile blocker(m_dir.filePath(QStringLiteral("not-a-folder")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    DataDirectoryLock lock(blocker.fileName());
    const DataDirectoryError error = lock.tryLock();
    QCOMPARE(error.kind, DataDirectoryError::Kind::LockFailed);
    QVERIFY(!lock.isLocked());
    QVERIFY(error.message().contains(blocker.fileName()));
}

QTEST_GUILESS_MAIN(TestDataDirectoryLock)
#include "tst_data_directory_lock.moc"
