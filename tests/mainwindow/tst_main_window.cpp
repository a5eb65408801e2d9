#include "core/profile/profile_exporter.h"
#include "tests/mainwindow/main_window_fixture.h"
#include "ui/connections/connection_header.h"
#include "ui/connections/connection_list_model.h"
#include "ui/connections/connection_sidebar.h"
#include "ui/connections/connection_workspace.h"
#include "ui/connections/sidebar_prompts.h"
#include "ui/mainwindow/connection_actions.h"

#include <QAction>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenuBar>
#include <QPushButton>
#include <QSplitter>
#include <QTest>

using namespace mqttdesk;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void init() { SidebarPrompts::setQuiet(true); }

    void menusAndShortcuts()
    {
        MainWindowFixture f;
        QStringList menus;
        for (QAction *a : f.window()->menuBar()->actions())
            menus << a->text().remove(QLatin1Char('&'));
        QCOMPARE(menus, (QStringList{QStringLiteral("File"), QStringLiteral("Connection"),
                                     QStringLiteral("View"), QStringLiteral("Help")}));
        ConnectionActions *a = f.window()->actions();
        QCOMPARE(a->newConnection->shortcut(), QKeySequence(QKeySequence::New));
        QVERIFY(!a->rename->shortcut().isEmpty());
        // Nothing selected: only new/import/export apply.
        QVERIFY(a->newConnection->isEnabled());
        QVERIFY(!a->edit->isEnabled());
        QVERIFY(!a->remove->isEnabled());
        QVERIFY(!f.window()->workspace()->header()->connectButton()->isEnabled());
    }

    void newDuplicateRenameMoveDelete()
    {
        MainWindowFixture f;
        MainWindow *w = f.window();
        ConnectionProfile p = MainWindowFixture::profile(QStringLiteral("Alpha"), 1883);
        p.password = Secret{true, QStringLiteral("s3cret")};
        p.username = QStringLiteral("user");
        const qint64 alpha = f.createThroughDialog(p);
        QVERIFY(alpha != 0);
        QCOMPARE(w->sidebar()->selectedProfileId(), alpha);
        QCOMPARE(w->workspace()->header()->profileId(), alpha);
        QVERIFY(w->actions()->edit->isEnabled());

        // Duplicate: a copy right after the original.
        w->actions()->duplicate->trigger();
        QTRY_VERIFY(f.idOf(QStringLiteral("Alpha (copy)")) != 0);
        const qint64 copy = f.idOf(QStringLiteral("Alpha (copy)"));
        QVERIFY(copy != alpha);

        // Rename through the prompt seam.
        w->sidebar()->select(copy);
        SidebarPrompts::setNextText(QStringLiteral("Beta"));
        w->actions()->rename->trigger();
        QCOMPARE(f.idOf(QStringLiteral("Beta")), copy);
        // Cancelled rename changes nothing.
        SidebarPrompts::setNextText(std::nullopt);
        w->actions()->rename->trigger();
        QCOMPARE(f.idOf(QStringLiteral("Beta")), copy);

        // Move to folder: a folder node appears with Beta under it.
        SidebarPrompts::setNextText(QStringLiteral("Lab"));
        w->actions()->moveToFolder->trigger();
        const QModelIndex beta = w->connectionModel()->indexOf(copy);
        QVERIFY(beta.parent().isValid());
        QCOMPARE(beta.parent().data().toString(), QStringLiteral("Lab"));
        QCOMPARE(w->sidebar()->selectedProfileId(), copy);

        // Delete asks first; "no" keeps it.
        SidebarPrompts::setNextConfirmation(false);
        w->actions()->remove->trigger();
        QVERIFY(f.idOf(QStringLiteral("Beta")) != 0);
        SidebarPrompts::setNextConfirmation(true);
        w->actions()->remove->trigger();
        QCOMPARE(f.idOf(QStringLiteral("Beta")), qint64(0));
        QVERIFY(SidebarPrompts::lastMessage().contains(QStringLiteral("Beta")));
        QCOMPARE(w->connectionModel()->rowCount(), 1); // Alpha; the empty folder is gone

        // Everything is in the database: a new window sees the same list.
        f.reopen();
        QVERIFY(f.idOf(QStringLiteral("Alpha")) != 0);
        QCOMPARE(f.window()->connectionModel()->rowCount(), 1);
    }

    void exportAndImport()
    {
        QTemporaryDir tmp;
        MainWindowFixture f;
        QVERIFY(f.createThroughDialog(MainWindowFixture::profile(QStringLiteral("One"), 1883)) !=
                0);
        QVERIFY(f.createThroughDialog(MainWindowFixture::profile(QStringLiteral("Two"), 1884)) !=
                0);
        const QString file = tmp.filePath(QStringLiteral("export.json"));
        SidebarPrompts::setNextFileName(file);
        f.window()->actions()->exportProfiles->trigger();
        QVERIFY(QFile::exists(file));

        MainWindowFixture other;
        SidebarPrompts::setNextFileName(file);
        other.window()->actions()->importProfiles->trigger();
        QTRY_VERIFY(other.idOf(QStringLiteral("One")) != 0);
        QTRY_VERIFY(other.idOf(QStringLiteral("Two")) != 0);

        // A broken file imports nothing and says why.
        const QString broken = tmp.filePath(QStringLiteral("broken.json"));
        QFile out(broken);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("{ not json");
        out.close();
        SidebarPrompts::setNextFileName(broken);
        other.window()->actions()->importProfiles->trigger();
        QVERIFY(SidebarPrompts::lastMessage().contains(broken));
        QCOMPARE(other.window()->connectionModel()->rowCount(), 2);
    }

    void windowStateRestored()
    {
        QTemporaryDir dir;
        qint64 second = 0;
        QList<int> sizes;
        {
            MainWindowFixture f(dir.path());
            QVERIFY(f.createThroughDialog(
                        MainWindowFixture::profile(QStringLiteral("First"), 1883)) != 0);
            second =
                f.createThroughDialog(MainWindowFixture::profile(QStringLiteral("Second"), 1884));
            QVERIFY(second != 0);
            f.window()->sidebar()->select(f.idOf(QStringLiteral("First")));
            f.window()->sidebar()->select(second);
            f.window()->resize(1100, 700);
            f.window()->show();
            QVERIFY(QTest::qWaitForWindowExposed(f.window()));
            f.window()->splitter()->setSizes({333, 700});
            sizes = f.window()->splitter()->sizes();
            f.window()->close();
        }
        MainWindowFixture f(dir.path());
        f.window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(f.window()));
        QCOMPARE(f.window()->sidebar()->selectedProfileId(), second);
        QCOMPARE(f.window()->workspace()->header()->profileId(), second);
        QCOMPARE(f.window()->size(), QSize(1100, 700));
        QCOMPARE(f.window()->splitter()->sizes().first(), sizes.first());
    }

    void firstStartOffersLocalBroker()
    {
        QTemporaryDir dir;
        {
            MainWindowFixture f(dir.path());
            QVERIFY(f.window()->offerLocalBroker(18830));
            QTRY_VERIFY(f.idOf(QStringLiteral("Local broker")) != 0);
            const QModelIndex index =
                f.window()->connectionModel()->indexOf(f.idOf(QStringLiteral("Local broker")));
            QCOMPARE(index.data(ConnectionListModel::HostPortRole).toString(),
                     QStringLiteral("127.0.0.1:18830"));
        }
        // Only once: not again, not after the user deleted it.
        MainWindowFixture f(dir.path());
        QVERIFY(!f.window()->offerLocalBroker(18830));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
