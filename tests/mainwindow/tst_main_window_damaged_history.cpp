// The app starting on a damaged history file (here: not an SQLite database at all): it asks
// whether to move the file aside. Accepted, the file is kept under a new name and the app runs
// on a new, empty history (a connection can be created and is kept); declined, the app runs
// without history and says why in the log. It never crashes and never deletes the file.
#include "core/storage/data_directory.h"
#include "tests/mainwindow/main_window_fixture.h"
#include "tests/support/scripted_prompts.h"
#include "ui/connections/log_model.h"
#include "ui/mainwindow/connection_actions.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

namespace {

const QByteArray kGarbage = QByteArray("this is no SQLite file ").repeated(400);

QString damagedDataDir(const QTemporaryDir &dir)
{
    QFile file(DataDirectory::databasePath(dir.path()));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(kGarbage);
    return dir.path();
}

QStringList asideFiles(const QString &dataDir)
{
    return QDir(dataDir).entryList({QStringLiteral("*.damaged-*")}, QDir::Files);
}

bool logContains(const LogModel *log, const QString &text)
{
    for (const LogModel::Entry &entry : log->entries()) {
        if (entry.text.contains(text))
            return true;
    }
    return false;
}

} // namespace

class TstMainWindowDamagedHistory : public QObject
{
    Q_OBJECT
private slots:
    void movedAsideTheAppStartsFresh()
    {
        QTemporaryDir dir;
        const QString dataDir = damagedDataDir(dir);
        QVERIFY(!dataDir.isEmpty());
        ScriptedPrompts prompts;
        prompts.acceptNext(true);
        MainWindowFixture fixture(dataDir);
        MainWindow *window = fixture.window();
        QTRY_VERIFY(window->isLoaded());
        QCOMPARE(prompts.requests().size(), 1);
        const Prompts::Request &asked = prompts.requests().first();
        QVERIFY(asked.text.contains(DataDirectory::databasePath(dataDir)));
        QVERIFY(asked.warning);
        QVERIFY(!window->openError().isError());
        QVERIFY(window->actions()->newConnection->isEnabled());

        const QStringList aside = asideFiles(dataDir);
        QCOMPARE(aside.size(), 1);
        QFile kept(QDir(dataDir).filePath(aside.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), kGarbage);
        QVERIFY(logContains(window->logModel(), aside.first()));

        // The new history works: a connection is saved and is there after a restart, with
        // no question asked again.
        QVERIFY(fixture.createThroughDialog(
                    MainWindowFixture::profile(QStringLiteral("Fresh"), 1883)) > 0);
        fixture.reopen();
        QVERIFY(fixture.idOf(QStringLiteral("Fresh")) > 0);
        QCOMPARE(prompts.requests().size(), 1);
    }

    void declinedTheAppRunsWithoutHistory()
    {
        QTemporaryDir dir;
        const QString dataDir = damagedDataDir(dir);
        QVERIFY(!dataDir.isEmpty());
        ScriptedPrompts prompts;
        prompts.acceptNext(false);
        MainWindowFixture fixture(dataDir);
        MainWindow *window = fixture.window();
        QTRY_VERIFY(window->isLoaded());
        QCOMPARE(prompts.requests().size(), 1);
        QCOMPARE(window->openError().kind, StorageError::Kind::NotADatabase);
        QVERIFY(!window->actions()->newConnection->isEnabled());
        QVERIFY(logContains(window->logModel(), DataDirectory::databasePath(dataDir)));
        // Untouched.
        QVERIFY(asideFiles(dataDir).isEmpty());
        QFile file(DataDirectory::databasePath(dataDir));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), kGarbage);
    }
};

QTEST_MAIN(TstMainWindowDamagedHistory)
#include "tst_main_window_damaged_history.moc"
