#include "core/profile/profile_exporter.h"
#include "core/storage/data_directory.h"
#include "core/storage/database_connection.h"
#include "core/storage/sql_thread_audit.h"
#include "core/workspace/profile_catalog.h"
#include "tests/mainwindow/main_window_fixture.h"
#include "tests/support/scripted_prompts.h"
#include "ui/connections/connection_header.h"
#include "ui/connections/connection_list_model.h"
#include "ui/connections/connection_sidebar.h"
#include "ui/connections/connection_workspace.h"
#include "ui/connections/log_model.h"
#include "ui/dialogs/connection_dialog.h"
#include "ui/mainwindow/connection_actions.h"
#include "ui/mainwindow/profile_commands.h"
#include "ui/publish/publish_bar.h"
#include "ui/stream/connection_view.h"
#include "ui/stream/message_stream_view.h"

#include "core/version.h"
#include "ui/i18n/language.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

using namespace mqttdesk;

namespace {

// The sidebar's highlighted row is its current one, a connection, and the header and the
// actions are for that connection.
void verifyHighlightedIsCurrent(MainWindow *w)
{
    QTreeView *tree = w->sidebar()->view();
    const QModelIndex current = tree->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(tree->selectionModel()->selectedRows(), QModelIndexList{current});
    const qint64 id = w->connectionModel()->profileIdAt(current);
    QVERIFY(id != 0);
    QVERIFY(tree->visualRect(current).isValid()); // shown, not inside a collapsed folder
    QCOMPARE(w->workspace()->header()->profileId(), id);
    QVERIFY(w->workspace()->header()->connectButton()->isEnabled());
    QVERIFY(w->actions()->connectAction->isEnabled());
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void init() { m_prompts.emplace(); }
    void cleanup()
    {
        // Every answer a test queued was asked for.
        QCOMPARE(m_prompts->unusedAnswers(), 0);
        m_prompts.reset();
    }

    void menusAndShortcuts()
    {
        MainWindowFixture f;
        QStringList menus;
        for (QAction *a : f.window()->menuBar()->actions())
            menus << a->text().remove(QLatin1Char('&'));
        QCOMPARE(menus, (QStringList{QStringLiteral("File"), QStringLiteral("Connection"),
                                     QStringLiteral("View"), QStringLiteral("Go"),
                                     QStringLiteral("Help")}));
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
        m_prompts->nextText(QStringLiteral("Beta"));
        w->actions()->rename->trigger();
        QTRY_COMPARE(f.idOf(QStringLiteral("Beta")), copy);
        // Cancelled rename changes nothing.
        m_prompts->nextText(std::nullopt);
        w->actions()->rename->trigger();
        QCOMPARE(f.idOf(QStringLiteral("Beta")), copy);

        // Move to folder: a folder node appears with Beta under it.
        m_prompts->nextText(QStringLiteral("Lab"));
        w->actions()->moveToFolder->trigger();
        QTRY_VERIFY(w->connectionModel()->indexOf(copy).parent().isValid());
        const QModelIndex beta = w->connectionModel()->indexOf(copy);
        QVERIFY(beta.parent().isValid());
        QCOMPARE(beta.parent().data().toString(), QStringLiteral("Lab"));
        QCOMPARE(w->sidebar()->selectedProfileId(), copy);

        // Delete asks first; "no" keeps it.
        m_prompts->acceptNext(false);
        w->actions()->remove->trigger();
        QVERIFY(f.idOf(QStringLiteral("Beta")) != 0);
        m_prompts->acceptNext(true);
        w->actions()->remove->trigger();
        QTRY_COMPARE(f.idOf(QStringLiteral("Beta")), qint64(0));
        QVERIFY(m_prompts->last(Prompts::Kind::Question).text.contains(QStringLiteral("Beta")));
        QCOMPARE(w->connectionModel()->rowCount(), 1); // Alpha; the empty folder is gone

        // Everything is in the database: a new window sees the same list.
        f.reopen();
        QVERIFY(f.idOf(QStringLiteral("Alpha")) != 0);
        QCOMPARE(f.window()->connectionModel()->rowCount(), 1);
    }

    // The database cannot be opened (its path is a directory): the window says why in the
    // log, offers nothing that needs storage, and still works as a window.
    void unopenableDatabase()
    {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(DataDirectory::databasePath(dir.path())));
        MainWindowFixture f(dir.path());
        MainWindow *w = f.window();
        QVERIFY(w->isLoaded());
        QVERIFY(w->openError().isError());
        QVERIFY(!w->openError().message.isEmpty());
        bool logged = false;
        for (const LogModel::Entry &e : w->logModel()->entries())
            logged =
                logged || (e.level == LogModel::Level::Warning && e.text == w->openError().message);
        QVERIFY(logged);
        ConnectionActions *a = w->actions();
        for (QAction *action : {a->newConnection, a->importProfiles, a->exportProfiles, a->edit,
                                a->remove, a->connectAction})
            QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
        QVERIFY(!w->offerLocalBroker(18830));
        QCOMPARE(w->connectionModel()->rowCount(), 0);
    }

    // Every profile command goes through ProfileCatalog's worker: none of them, nor the
    // window's start (opening the database, reading the list) and close, runs SQL on the GUI
    // thread. Deleting closes the connection's open view first.
    void noSqlOnTheGuiThread()
    {
#ifndef MQTTDESK_SQL_AUDIT
        QSKIP("the SQL trace hook is compiled into builds with tests only (MQTTDESK_SQL_AUDIT)");
#endif
        QTemporaryDir dir;
        SqlThreadAudit::watch(QThread::currentThread());
        {
            MainWindowFixture f(dir.path());
            MainWindow *w = f.window();
            ConnectionProfile p = MainWindowFixture::profile(QStringLiteral("Audit"), 1);
            p.password = Secret{true, QStringLiteral("audit-secret")};
            const qint64 id = f.createThroughDialog(p);
            QVERIFY(id != 0);

            // Edit: another port, through the dialog.
            ProfileCommands::setDialogHook([](ConnectionDialog *dialog) {
                ConnectionProfile edited = dialog->profile();
                edited.port = 1999;
                dialog->setProfile(edited);
                dialog->saveButton()->click();
            });
            w->actions()->edit->trigger();
            QTRY_COMPARE(w->connectionModel()
                             ->indexOf(id)
                             .data(ConnectionListModel::HostPortRole)
                             .toString(),
                         QStringLiteral("127.0.0.1:1999"));
            ProfileCommands::setDialogHook({});

            w->actions()->duplicate->trigger();
            QTRY_VERIFY(f.idOf(QStringLiteral("Audit (copy)")) != 0);
            const qint64 copy = f.idOf(QStringLiteral("Audit (copy)"));
            QTRY_COMPARE(w->catalog()->pendingRequests(), 0); // the secrets went to the copy

            w->sidebar()->select(copy);
            m_prompts->nextText(QStringLiteral("Audit 2"));
            w->actions()->rename->trigger();
            QTRY_COMPARE(f.idOf(QStringLiteral("Audit 2")), copy);
            m_prompts->nextText(QStringLiteral("Audited"));
            w->actions()->moveToFolder->trigger();
            QTRY_VERIFY(w->connectionModel()->folderIndex(QStringLiteral("Audited")).isValid());
            w->sidebar()->view()->setCurrentIndex(
                w->connectionModel()->folderIndex(QStringLiteral("Audited")));
            m_prompts->nextText(QStringLiteral("Checked"));
            w->actions()->rename->trigger();
            QTRY_VERIFY(w->connectionModel()->folderIndex(QStringLiteral("Checked")).isValid());

            // Connected (nothing listens on port 1999; the view opens all the same), then
            // deleted: the view closes first.
            w->sidebar()->select(id);
            w->actions()->connectAction->trigger();
            QTRY_VERIFY(w->workspace()->controller(id) != nullptr);
            m_prompts->acceptNext(true);
            w->actions()->remove->trigger();
            QCOMPARE(w->workspace()->controller(id), nullptr);
            QTRY_COMPARE(f.idOf(QStringLiteral("Audit")), qint64(0));
            QTRY_COMPARE(w->catalog()->pendingRequests(), 0);
        }
        const int statements = SqlThreadAudit::statementCount();
        const QString seen = SqlThreadAudit::statements().join(QStringLiteral("\n  "));
        SqlThreadAudit::watch(nullptr);
        QVERIFY2(statements == 0,
                 qPrintable(QStringLiteral("%1 statement(s) on the GUI thread:\n  %2")
                                .arg(statements)
                                .arg(seen)));
        // The hook is live in this process: the same watch sees a statement run here.
        SqlThreadAudit::watch(QThread::currentThread());
        {
            DatabaseConnection control(DataDirectory::databasePath(dir.path()),
                                       QStringLiteral("audit-control"));
            control.scalar(QStringLiteral("SELECT 1"));
        }
        QVERIFY(SqlThreadAudit::statementCount() > 0);
        SqlThreadAudit::watch(nullptr);
        // The work was done all the same: a restart shows the renamed, moved copy only.
        MainWindowFixture f(dir.path());
        QCOMPARE(f.idOf(QStringLiteral("Audit")), qint64(0));
        const QModelIndex kept =
            f.window()->connectionModel()->indexOf(f.idOf(QStringLiteral("Audit 2")));
        QVERIFY(kept.isValid());
        QCOMPARE(kept.parent().data().toString(), QStringLiteral("Checked"));
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
        m_prompts->nextFile(file);
        f.window()->actions()->exportProfiles->trigger();
        QTRY_VERIFY(QFile::exists(file));

        MainWindowFixture other;
        m_prompts->nextFile(file);
        other.window()->actions()->importProfiles->trigger();
        QTRY_VERIFY(other.idOf(QStringLiteral("One")) != 0);
        QTRY_VERIFY(other.idOf(QStringLiteral("Two")) != 0);

        // A broken file imports nothing and says why.
        const QString broken = tmp.filePath(QStringLiteral("broken.json"));
        QFile out(broken);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("{ not json");
        out.close();
        m_prompts->nextFile(broken);
        other.window()->actions()->importProfiles->trigger();
        QVERIFY(m_prompts->last(Prompts::Kind::Information).text.contains(broken));
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
            // The selected connection's view is open (its history, offline): the splitter
            // knows the workspace's real minimum before the sizes are set and read.
            QTRY_VERIFY_WITH_TIMEOUT(f.window()->workspace()->controller(second), 20000);
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
        QTRY_VERIFY_WITH_TIMEOUT(f.window()->workspace()->controller(second), 20000);
        QTRY_COMPARE(f.window()->splitter()->sizes().first(), sizes.first());
    }

    // The app is killed (no close, so no saveState): it restarts on the row the user
    // chose, and the header agrees with the highlighted row.
    void selectionSurvivesAKill()
    {
        QTemporaryDir dir;
        qint64 second = 0;
        {
            MainWindowFixture f(dir.path());
            QVERIFY(f.createThroughDialog(
                        MainWindowFixture::profile(QStringLiteral("First"), 1883)) != 0);
            second =
                f.createThroughDialog(MainWindowFixture::profile(QStringLiteral("Second"), 1884));
            f.window()->sidebar()->select(f.idOf(QStringLiteral("First")));
            f.window()->sidebar()->select(second);
            // What a kill leaves behind: the settings as they are now.
            const QSettings saved(dir.filePath(QStringLiteral("mqttdesk-window.ini")),
                                  QSettings::IniFormat);
            QCOMPARE(saved.value(QStringLiteral("window/lastConnection")).toLongLong(), second);
        }
    }

    // Closed before its list arrived (the list loads on a worker thread): the saved choice
    // is not overwritten by the empty sidebar.
    void closedBeforeTheListArrived()
    {
        QTemporaryDir dir;
        qint64 second = 0;
        {
            MainWindowFixture f(dir.path());
            QVERIFY(f.createThroughDialog(
                        MainWindowFixture::profile(QStringLiteral("First"), 1883)) != 0);
            second =
                f.createThroughDialog(MainWindowFixture::profile(QStringLiteral("Second"), 1884));
            QVERIFY(second != 0);
            f.window()->sidebar()->select(second);
        }
        {
            MemorySecretStore store;
            MainWindow::Options options;
            options.dataDir = dir.path();
            options.secretStore = &store;
            MainWindow early(options);
            QVERIFY(!early.isLoaded());
            early.close();
        }
        MainWindowFixture f(dir.path());
        QCOMPARE(f.window()->sidebar()->selectedProfileId(), second);
    }

    // Nothing to restore and only folders at the top (the tree's first row is a folder): the
    // first connection becomes current and highlighted, so Connect works without clicking the
    // row again, also once the sidebar has the keyboard focus.
    void firstConnectionIsCurrentWithoutSavedChoice()
    {
        QTemporaryDir dir;
        {
            MainWindowFixture f(dir.path());
            ConnectionProfile pump = MainWindowFixture::profile(QStringLiteral("Pump"), 1883);
            pump.folder = QStringLiteral("A site");
            QVERIFY(f.createThroughDialog(pump) != 0);
            ConnectionProfile zeta = MainWindowFixture::profile(QStringLiteral("Zeta"), 1884);
            zeta.folder = QStringLiteral("B site");
            QVERIFY(f.createThroughDialog(zeta) != 0);
        }
        {
            QSettings saved(dir.filePath(QStringLiteral("mqttdesk-window.ini")),
                            QSettings::IniFormat);
            saved.remove(QStringLiteral("window/lastConnection"));
        }
        MainWindowFixture f(dir.path());
        QVERIFY(f.window()
                    ->connectionModel()
                    ->index(0, 0)
                    .data(ConnectionListModel::IsFolderRole)
                    .toBool());
        f.window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(f.window()));
        f.window()->sidebar()->view()->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(f.window()->sidebar()->view()->hasFocus());
        QCOMPARE(f.window()->sidebar()->selectedProfileId(), f.idOf(QStringLiteral("Pump")));
        verifyHighlightedIsCurrent(f.window());
    }

    // A restart with a saved choice: that row is highlighted, current, and Connect works.
    void restoredRowIsHighlightedAndCurrent()
    {
        QTemporaryDir dir;
        qint64 second = 0;
        {
            MainWindowFixture f(dir.path());
            QVERIFY(f.createThroughDialog(
                        MainWindowFixture::profile(QStringLiteral("First"), 1883)) != 0);
            ConnectionProfile p = MainWindowFixture::profile(QStringLiteral("Second"), 1884);
            p.folder = QStringLiteral("Lab");
            second = f.createThroughDialog(p);
            QVERIFY(second != 0);
            f.window()->sidebar()->select(second);
        }
        MainWindowFixture f(dir.path());
        f.window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(f.window()));
        f.window()->sidebar()->view()->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(f.window()->sidebar()->view()->hasFocus());
        QCOMPARE(f.window()->sidebar()->selectedProfileId(), second);
        verifyHighlightedIsCurrent(f.window());
    }

    // A long error is shown whole at 1280 px: wrapped, not cut ("…or allow adop").
    void headerShowsALongErrorWhole()
    {
        MainWindowFixture f;
        f.window()->resize(1280, 800);
        f.window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(f.window()));
        ConnectionHeader *header = f.window()->workspace()->header();
        const QString error = QStringLiteral(
            "The server broke the protocol: it resumes a session this client has no state for "
            "(connect with Clean Start, or allow adopting the server's session) "
            "[MQTT-3.2.2-4]; the connection was closed and will be tried again in 14 s.");
        header->show(7, QStringLiteral("Plant"), QStringLiteral("127.0.0.1:1883"),
                     ConnectionListModel::Status::Error, error);
        auto *line = header->findChild<QLabel *>(QStringLiteral("statusLine"));
        QVERIFY(line);
        QVERIFY(line->text().contains(error));
        QVERIFY(line->toolTip().contains(error));
        QVERIFY(line->wordWrap());
        // Every wrapped line fits: the label got the height its text needs at its width.
        QTRY_VERIFY(line->height() >= line->heightForWidth(line->width()));
        QVERIFY(line->heightForWidth(line->width()) > line->fontMetrics().height()); // wrapped
        QVERIFY(header->connectButton()->isVisible());
        QVERIFY(header->geometry().right() <= f.window()->width());
        if (qEnvironmentVariableIsSet("MQTTDESK_HEADER_SHOT")) // to look at it
            QVERIFY(f.window()->grab().save(qEnvironmentVariable("MQTTDESK_HEADER_SHOT")));

        // Counters beside it; "not stored" appears only when something was not stored.
        header->setCounters({12345, 12000, 11000, 0, -1, {}, {}});
        QCOMPARE(header->countersText(),
                 QStringLiteral("Received %1 · Stored %2 · Shown %3")
                     .arg(QLocale().toString(12345), QLocale().toString(12000),
                          QLocale().toString(11000)));
        QCOMPARE(header->notStoredText(), QString());
        header->setCounters({12345, 12000, -1, 345, -1, {}, {}});
        QVERIFY(header->countersText().endsWith(QStringLiteral("Shown …")));
        QCOMPARE(header->notStoredText(), QStringLiteral("Not stored: 345"));
        // A writer that fails (a full disk) is told at once, with its reason.
        header->setCounters({12345, 12000, -1, 0, -1, {}, QStringLiteral("The disk is full.")});
        QCOMPARE(header->notStoredText(), QStringLiteral("Not storing"));
        QVERIFY(header->notStoredToolTip().contains(QStringLiteral("The disk is full.")));
        QVERIFY(header->geometry().right() <= f.window()->width());
        QVERIFY(header->connectButton()->isVisible());

        // No connection shown any more: the old error does not linger in the tooltip.
        header->show(0, {}, {}, ConnectionListModel::Status::Disconnected);
        QVERIFY(line->toolTip().isEmpty());
        QVERIFY(!line->text().contains(error));
    }

    // View > Log packets is off in a new data directory, whatever another one chose, and
    // a choice is kept with its own data directory.
    void logPacketsOffByDefault()
    {
        QTemporaryDir first;
        QTemporaryDir second;
        const auto action = [](const MainWindowFixture &f) {
            return f.window()->findChild<QAction *>(QStringLiteral("logPacketsAction"));
        };
        {
            MainWindowFixture f(first.path());
            QVERIFY(action(f));
            QVERIFY(!action(f)->isChecked());
            QVERIFY(!f.window()->workspace()->packetLogging());
            action(f)->setChecked(true);
            QVERIFY(f.window()->workspace()->packetLogging());
        }
        {
            MainWindowFixture f(second.path());
            QVERIFY(!action(f)->isChecked());
            QVERIFY(!f.window()->workspace()->packetLogging());
        }
        MainWindowFixture f(first.path());
        QVERIFY(action(f)->isChecked());
        QVERIFY(f.window()->workspace()->packetLogging());
        action(f)->setChecked(false); // leave nothing behind
    }

    // A connection's "from now on" answer to a server reference is saved in its profile
    // (only that field) and survives a restart.
    void serverReferenceAnswerIsSaved()
    {
        QTemporaryDir dir;
        qint64 id = 0;
        {
            MainWindowFixture f(dir.path());
            ConnectionProfile p = MainWindowFixture::profile(QStringLiteral("Moved"), 1);
            p.keepAliveSeconds = 42;
            id = f.createThroughDialog(p);
            QVERIFY(id != 0);
            emit f.window()->workspace()->serverReferencePolicyChosen(
                id, int(ServerReferencePolicy::Always));
            QTRY_COMPARE(f.window()->catalog()->pendingRequests(), 0);
        }
        MainWindowFixture f(dir.path());
        std::optional<ConnectionProfile> stored;
        f.window()->catalog()->profile(
            id, [&stored](const std::optional<ConnectionProfile> &p, const QString &) {
                stored = p.value_or(ConnectionProfile{});
            });
        QTRY_VERIFY(stored.has_value());
        QCOMPARE(stored->name, QStringLiteral("Moved"));
        QCOMPARE(stored->serverReferencePolicy, ServerReferencePolicy::Always);
        QCOMPARE(stored->keepAliveSeconds, quint16(42));
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
    void sidebarActionsInMenuToolbarAndContextMenu()
    {
        MainWindowFixture f;
        ConnectionActions *a = f.window()->actions();
        const QList<QAction *> sidebarActions{a->newConnection,  a->edit,          a->duplicate,
                                              a->remove,         a->moveToFolder,  a->rename,
                                              a->importProfiles, a->exportProfiles};
        auto *toolbar = f.window()->findChild<QToolBar *>(QStringLiteral("connectionToolbar"));
        QVERIFY(toolbar);
        QMenu *context = a->contextMenu(f.window());
        QList<QAction *> inMenus;
        for (QAction *menu : f.window()->menuBar()->actions())
            inMenus += menu->menu()->actions();
        for (QAction *action : sidebarActions) {
            const QString name = action->objectName();
            QVERIFY2(toolbar->actions().contains(action), qPrintable(name));
            QVERIFY2(context->actions().contains(action), qPrintable(name));
            QVERIFY2(inMenus.contains(action), qPrintable(name));
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(name));
            // Icon-only in the toolbar: the tooltip names it.
            QVERIFY2(!action->toolTip().isEmpty(), qPrintable(name));
        }
        delete context;
    }

    void foldersRenameAndStayCollapsed()
    {
        QTemporaryDir dir;
        {
            MainWindowFixture f(dir.path());
            MainWindow *w = f.window();
            ConnectionProfile one = MainWindowFixture::profile(QStringLiteral("One"), 1883);
            one.folder = QStringLiteral("Lab");
            ConnectionProfile two = MainWindowFixture::profile(QStringLiteral("Two"), 1884);
            two.folder = QStringLiteral("Lab");
            QVERIFY(f.createThroughDialog(one) != 0);
            QVERIFY(f.createThroughDialog(two) != 0);
            ConnectionListModel *model = w->connectionModel();
            QVERIFY(model->folderIndex(QStringLiteral("Lab")).isValid());

            // A selected folder can be renamed (not edited or deleted).
            w->sidebar()->view()->setCurrentIndex(model->folderIndex(QStringLiteral("Lab")));
            QCOMPARE(w->sidebar()->selectedProfileId(), qint64(0));
            QVERIFY(w->actions()->rename->isEnabled());
            QVERIFY(!w->actions()->edit->isEnabled());
            m_prompts->nextText(QStringLiteral("Bench"));
            w->actions()->rename->trigger();
            QTRY_VERIFY(model->folderIndex(QStringLiteral("Bench")).isValid());
            const QModelIndex bench = model->folderIndex(QStringLiteral("Bench"));
            QVERIFY(bench.isValid());
            QVERIFY(!model->folderIndex(QStringLiteral("Lab")).isValid());
            QCOMPARE(model->rowCount(bench), 2);
            // The order inside the folder is kept.
            QCOMPARE(model->index(0, 0, bench).data().toString(), QStringLiteral("One"));
            QCOMPARE(model->index(1, 0, bench).data().toString(), QStringLiteral("Two"));

            // Collapsed stays collapsed when the list reloads (here: after a rename).
            w->sidebar()->view()->collapse(bench);
            w->sidebar()->select(f.idOf(QStringLiteral("Two")));
            m_prompts->nextText(QStringLiteral("Two b"));
            w->actions()->rename->trigger();
            QTRY_VERIFY(f.idOf(QStringLiteral("Two b")) != 0);
            QVERIFY(!w->sidebar()->view()->isExpanded(model->folderIndex(QStringLiteral("Bench"))));
            w->close();
        }
        // ... and across starts.
        MainWindowFixture f(dir.path());
        const QModelIndex bench =
            f.window()->connectionModel()->folderIndex(QStringLiteral("Bench"));
        QVERIFY(bench.isValid());
        QVERIFY(!f.window()->sidebar()->view()->isExpanded(bench));
        QCOMPARE(f.window()->sidebar()->collapsedFolders(), QStringList{QStringLiteral("Bench")});
    }

    void tabOrderSidebarHeaderStreamPublish()
    {
        MainWindowFixture f;
        MainWindow *w = f.window();
        // A port nobody listens on: the connection's view opens, the attempt fails at once.
        quint16 closedPort = 0;
        {
            QTcpServer server;
            QVERIFY(server.listen(QHostAddress::LocalHost));
            closedPort = server.serverPort();
        }
        ConnectionProfile p = MainWindowFixture::profile(QStringLiteral("Tab"), closedPort);
        p.reconnect.enabled = false;
        const qint64 id = f.createThroughDialog(p);
        QVERIFY(id != 0);
        w->actions()->connectAction->trigger();
        QTRY_COMPARE(w->connectionModel()->status(id), ConnectionListModel::Status::Error);
        auto *view = qobject_cast<ConnectionView *>(w->workspace()->stack()->currentWidget());
        QVERIFY(view);
        w->show();
        QVERIFY(QTest::qWaitForWindowActive(w));

        QWidget *list = w->sidebar()->view();
        list->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), list);
        QTest::keyClick(list, Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(),
                     static_cast<QWidget *>(w->workspace()->header()->connectButton()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(),
                     static_cast<QWidget *>(w->workspace()->header()->editButton()));
        // Then through the conversation area: the stream before the publish bar, and only
        // then back to the sidebar.
        int stream = -1;
        int publish = -1;
        for (int step = 0; step < 60 && QApplication::focusWidget() != list; ++step) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *now = QApplication::focusWidget();
            if (stream < 0 && (view->streamView() == now || view->streamView()->isAncestorOf(now)))
                stream = step;
            if (publish < 0 && view->publishBar()->isAncestorOf(now))
                publish = step;
        }
        QCOMPARE(QApplication::focusWidget(), list);
        QVERIFY(stream >= 0);
        QVERIFY(publish >= 0);
        QVERIFY2(stream < publish, qPrintable(QStringLiteral("%1 %2").arg(stream).arg(publish)));
    }

    void retranslatesWhenTheLanguageChanges()
    {
        MainWindowFixture f;
        MainWindow *w = f.window();
        QAction *file = w->menuBar()->actions().first();
        QCOMPARE(file->text(), QStringLiteral("&File"));
        QCOMPARE(w->actions()->newConnection->text(), QStringLiteral("&New connection…"));
        QVERIFY(w->languageMenu());

        Language::install(*qApp, QStringLiteral("zh_CN"));
        const QString chinese = QCoreApplication::translate("mqttdesk::MainWindow", "&File");
        QVERIFY(chinese != QStringLiteral("&File"));
        QTRY_COMPARE(file->text(), chinese);
        QVERIFY(w->actions()->newConnection->text() != QStringLiteral("&New connection…"));

        Language::install(*qApp, QStringLiteral("en"));
        QTRY_COMPARE(file->text(), QStringLiteral("&File"));
        QCOMPARE(w->actions()->newConnection->text(), QStringLiteral("&New connection…"));
    }

    void aboutShowsVersionAndQtVersion()
    {
        MainWindowFixture f;
        QAction *about = nullptr;
        for (QAction *a : f.window()->menuBar()->actions().last()->menu()->actions())
            if (a->text().contains(QStringLiteral("About MQTT Desk")))
                about = a;
        QVERIFY(about);
        about->trigger();
        QCOMPARE(m_prompts->count(Prompts::Kind::About), 1);
        QCOMPARE(m_prompts->last(Prompts::Kind::About).parent, f.window());
        const QString text = m_prompts->last(Prompts::Kind::About).text;
        QVERIFY2(text.contains(versionString()), qPrintable(text));
        QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
    }

private:
    std::optional<ScriptedPrompts> m_prompts;
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
