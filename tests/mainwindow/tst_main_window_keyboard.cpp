// Issue 21, keyboard: the window's shortcuts on a real MainWindow. No two window actions share
// a key, none of the keyboard actions takes a key a widget of the window handles itself, each
// names its shortcut in its tooltip and is disabled without a shown connection, and each does
// what it says when pressed with the focus anywhere in the window (QTest key clicks): focus
// the publish topic, focus the stream's search (from the Topics tab too), jump to the newest
// message (Ctrl+End, which a text field keeps for itself), compact mode, next/previous
// connection (wrapping), Help > Keyboard shortcuts listing every shortcut.
#include "core/connection/connection.h"
#include "core/publish/template_library_store.h"
#include "core/settings/app_settings.h"
#include "core/workspace/profile_catalog.h"
#include "tests/mainwindow/main_window_fixture.h"
#include "tests/support/scripted_prompts.h"
#include "ui/connections/connection_controller.h"
#include "ui/connections/connection_list_model.h"
#include "ui/connections/connection_sidebar.h"
#include "ui/connections/connection_workspace.h"
#include "ui/dialogs/connection_dialog.h"
#include "ui/dialogs/keyboard_shortcuts_dialog.h"
#include "ui/dialogs/settings_dialog.h"
#include "ui/mainwindow/connection_actions.h"
#include "ui/mainwindow/keyboard_actions.h"
#include "ui/mainwindow/profile_commands.h"
#include "ui/publish/publish_bar.h"
#include "ui/stream/connection_view.h"
#include "ui/stream/message_bubble_delegate.h"
#include "ui/stream/message_stream_view.h"
#include "ui/workbench/template_editor.h"
#include "ui/workbench/workbench_page.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QTreeView>
#include <QTreeWidget>

using namespace mqttdesk;

namespace {

QList<QAction *> keyboardActionList(KeyboardActions *k)
{
    return {k->focusPublishTopic, k->focusSearch,        k->jumpToNewest,     k->compactMode,
            k->nextConnection,    k->previousConnection, k->keyboardShortcuts};
}

// Every action of the window that reacts to a key wherever the focus is in it.
QList<QAction *> windowActions(MainWindow *w)
{
    QList<QAction *> out;
    QList<QAction *> all = w->QWidget::actions();
    all += w->findChildren<QAction *>();
    for (QAction *a : std::as_const(all)) {
        if (out.contains(a) || a->shortcuts().isEmpty())
            continue;
        if (a->shortcutContext() == Qt::WindowShortcut ||
            a->shortcutContext() == Qt::ApplicationShortcut)
            out.append(a);
    }
    return out;
}

QString name(const QAction *a)
{
    return a->objectName().isEmpty() ? a->text() : a->objectName();
}

void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClick(focus, Qt::Key(key), modifiers);
}

} // namespace

class TestMainWindowKeyboard : public QObject
{
    Q_OBJECT
private:
    // Three connections (one in a folder), the window shown and active, the second selected
    // and its view shown.
    struct Setup
    {
        ScriptedPrompts prompts;
        MainWindowFixture f;
        QList<qint64> ids;
    };

    static bool setUp(Setup &s)
    {
        MainWindow *w = s.f.window();
        w->resize(1280, 800);
        w->show();
        if (!QTest::qWaitForWindowActive(w))
            return false;
        ConnectionProfile lab = MainWindowFixture::profile(QStringLiteral("Lab one"), 1);
        lab.folder = QStringLiteral("Lab");
        for (const ConnectionProfile &p :
             {MainWindowFixture::profile(QStringLiteral("Alpha"), 1),
              MainWindowFixture::profile(QStringLiteral("Beta"), 1), lab}) {
            const qint64 id = s.f.createThroughDialog(p);
            if (id == 0)
                return false;
            s.ids.append(id);
        }
        w->sidebar()->select(s.ids.at(1));
        return QTest::qWaitFor(
            [&] {
                ConnectionController *c = w->workspace()->controller(s.ids.at(1));
                return c && w->workspace()->stack()->currentWidget() == c->view();
            },
            20000);
    }

private slots:
    void noTwoWindowActionsShareAKey()
    {
        Setup s;
        QVERIFY(setUp(s));
        MainWindow *w = s.f.window();
        const QList<QAction *> actions = windowActions(w);
        for (QAction *a : keyboardActionList(w->keyboardActions()))
            QVERIFY2(actions.contains(a), qPrintable(name(a)));
        QVERIFY(actions.contains(w->actions()->newConnection));
        // Enabled or not: the keys must not depend on the state to be unambiguous.
        QHash<QString, QString> owner;
        for (QAction *a : actions) {
            for (const QKeySequence &keys : a->shortcuts()) {
                const QString text = keys.toString(QKeySequence::PortableText);
                QVERIFY2(
                    !owner.contains(text),
                    qPrintable(
                        QStringLiteral("%1: %2 and %3").arg(text, owner.value(text), name(a))));
                owner.insert(text, name(a));
            }
        }
        // The keyboard actions leave alone the keys widgets of the window handle themselves
        // (the publish bar's and the Publish tab's Ctrl+Return, the template library's
        // Return and Delete), and the tab widgets' Ctrl+Tab.
        QSet<QString> widgetKeys{QKeySequence(Qt::CTRL | Qt::Key_Tab).toString(),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab).toString(),
                                 QKeySequence(Qt::Key_End).toString()};
        const QList<QShortcut *> shortcuts = w->findChildren<QShortcut *>();
        QVERIFY(!shortcuts.isEmpty()); // the shown connection's publish bar at least
        for (const QShortcut *shortcut : shortcuts)
            for (const QKeySequence &keys : shortcut->keys())
                widgetKeys.insert(keys.toString());
        for (QAction *a : keyboardActionList(w->keyboardActions()))
            for (const QKeySequence &keys : a->shortcuts())
                QVERIFY2(!widgetKeys.contains(keys.toString()),
                         qPrintable(name(a) + QStringLiteral(": ") + keys.toString()));
    }

    void tooltipsMenusAndDisabledWithoutAConnection()
    {
        ScriptedPrompts prompts;
        MainWindowFixture f;
        MainWindow *w = f.window();
        KeyboardActions *k = w->keyboardActions();
        QList<QAction *> inMenus;
        for (QAction *menu : w->menuBar()->actions())
            inMenus += menu->menu()->actions();
        for (QAction *a : keyboardActionList(k)) {
            QVERIFY2(!a->text().isEmpty(), qPrintable(name(a)));
            QVERIFY2(a->toolTip().contains(a->shortcut().toString(QKeySequence::NativeText)),
                     qPrintable(a->toolTip()));
            QVERIFY2(inMenus.contains(a), qPrintable(name(a)));
        }
        // No connection: nothing to focus, jump in or switch to.
        for (QAction *a : {k->focusPublishTopic, k->focusSearch, k->jumpToNewest, k->compactMode,
                           k->nextConnection, k->previousConnection})
            QVERIFY2(!a->isEnabled(), qPrintable(name(a)));
        QVERIFY(k->keyboardShortcuts->isEnabled());
        QVERIFY(!k->shownView());
        // One connection, selected: it has a view; there is no other to switch to.
        const qint64 id = f.createThroughDialog(MainWindowFixture::profile(QStringLiteral("A"), 1));
        QVERIFY(id != 0);
        QTRY_VERIFY_WITH_TIMEOUT(k->shownView(), 20000);
        for (QAction *a : {k->focusPublishTopic, k->focusSearch, k->jumpToNewest, k->compactMode})
            QVERIFY2(a->isEnabled(), qPrintable(name(a)));
        QVERIFY(!k->nextConnection->isEnabled());
        QVERIFY(f.createThroughDialog(MainWindowFixture::profile(QStringLiteral("B"), 1)) != 0);
        QTRY_VERIFY(k->nextConnection->isEnabled());
        QVERIFY(k->previousConnection->isEnabled());
    }

    // Keys a part of the window handles itself beat the window's actions on the same key:
    // Ctrl+Return sends from the publish bar and the Publish tab (not Connect); Delete and F2
    // in the template library delete and rename the template (not the connection).
    void widgetKeysWinInTheirPlace()
    {
        Setup s;
        QVERIFY(setUp(s));
        MainWindow *w = s.f.window();
        ConnectionView *view = w->keyboardActions()->shownView();
        QVERIFY(view);
        Connection *connection = w->workspace()->controller(s.ids.at(1))->connection();
        QCOMPARE(connection->state(), SessionState::Disconnected);

        PublishBar *bar = view->publishBar();
        bar->topicEdit()->setText(QStringLiteral("a/b"));
        bar->payloadEdit()->setPlainText(QStringLiteral("x"));
        bar->payloadEdit()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(bar->payloadEdit()));
        press(Qt::Key_Return, Qt::ControlModifier);
        // The bar's send ran (QoS 0 is not queued while disconnected: it says so) and the
        // window did not connect; the payload got no new line.
        QVERIFY2(bar->errorText().contains(QStringLiteral("Not connected")),
                 qPrintable(bar->errorText()));
        QCOMPARE(bar->payloadEdit()->toPlainText(), QStringLiteral("x"));
        QCOMPARE(connection->state(), SessionState::Disconnected);

        WorkbenchPage *page = view->workbenchPage();
        QVERIFY(page);
        TemplateLibraryStore *store = page->store();
        TemplateCollection collection;
        collection.name = QStringLiteral("Keys");
        PublishTemplate item;
        item.name = QStringLiteral("Ping");
        item.topic = QStringLiteral("a/ping");
        const TemplateIndex at = store->addTemplate(store->addCollection(collection), item);
        const QString id = store->library().at(at).id;
        view->views()->setCurrentWidget(page);
        QVERIFY(page->selectTemplate(id));
        page->editor()->payloadEdit()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(),
                     static_cast<QWidget *>(page->editor()->payloadEdit()));
        press(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(page->statusText().contains(QStringLiteral("Not connected")),
                 qPrintable(page->statusText()));
        QCOMPARE(connection->state(), SessionState::Disconnected);

        page->tree()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(page->tree()));
        press(Qt::Key_F2);
        // The name's in-place editor (not the connection's rename prompt).
        QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()) &&
                    page->tree()->isAncestorOf(QApplication::focusWidget()));
        QCOMPARE(s.prompts.lastText().contains(QStringLiteral("Beta")), false);
        press(Qt::Key_Escape);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(page->tree()));
        s.prompts.acceptNext(true);
        press(Qt::Key_Delete);
        QTRY_VERIFY(!store->templateById(id).has_value());
        QVERIFY2(s.prompts.last(Prompts::Kind::Question).text.contains(QStringLiteral("Ping")),
                 qPrintable(s.prompts.last(Prompts::Kind::Question).text));
        // The connection is still there.
        QVERIFY(w->workspace()->controller(s.ids.at(1)));
        QCOMPARE(w->sidebar()->selectedProfileId(), s.ids.at(1));
    }

    void focusTopicAndSearchFromAnywhere()
    {
        Setup s;
        QVERIFY(setUp(s));
        MainWindow *w = s.f.window();
        ConnectionView *view = w->keyboardActions()->shownView();
        QVERIFY(view);
        QLineEdit *topic = view->publishBar()->topicEdit();
        QLineEdit *search = view->streamView()->searchEdit();

        w->sidebar()->view()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(w->sidebar()->view()));
        press(Qt::Key_T, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(topic));

        press(Qt::Key_F, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(search));
        // The search text is selected: typing replaces it.
        QTest::keyClicks(search, QStringLiteral("alarm"));
        press(Qt::Key_T, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(topic));
        press(Qt::Key_F, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(search));
        QCOMPARE(search->selectedText(), QStringLiteral("alarm"));

        // From the Topics tab, Ctrl+F shows the stream first.
        view->showTopics(true);
        QVERIFY(view->topicsShown());
        topic->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(topic));
        press(Qt::Key_F, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(search));
        QVERIFY(!view->topicsShown());
    }

    void jumpToNewestLeavesTextEditingAlone()
    {
        Setup s;
        QVERIFY(setUp(s));
        MainWindow *w = s.f.window();
        KeyboardActions *k = w->keyboardActions();
        ConnectionView *view = k->shownView();
        QVERIFY(view);
        QSignalSpy jumps(k->jumpToNewest, &QAction::triggered);

        // A text field keeps Ctrl+End: the payload editor moves to its end, the topic field
        // (which has no binding for it) swallows it, as it always did.
        QPlainTextEdit *payload = view->publishBar()->payloadEdit();
        payload->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(payload));
        payload->setPlainText(QStringLiteral("{\n  \"temp\": 21\n}"));
        payload->moveCursor(QTextCursor::Start);
        press(Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(payload->textCursor().position(), payload->toPlainText().size());
        QLineEdit *topic = view->publishBar()->topicEdit();
        topic->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(topic));
        press(Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(jumps.count(), 0);

        // Elsewhere it jumps: from the Topics tab to the stream, following the tail again.
        view->showTopics(true);
        view->streamView()->setPaused(true);
        w->sidebar()->view()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(w->sidebar()->view()));
        press(Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(jumps.count(), 1);
        QVERIFY(!view->topicsShown());
        QVERIFY(!view->streamView()->isPaused());
        QVERIFY(view->streamView()->isAtBottom());
    }

    void compactModeFollowsTheShownStream()
    {
        Setup s;
        QVERIFY(setUp(s));
        MainWindow *w = s.f.window();
        KeyboardActions *k = w->keyboardActions();
        ConnectionView *view = k->shownView();
        QVERIFY(view);
        MessageStreamView *stream = view->streamView();
        QVERIFY(!stream->isCompact());
        QVERIFY(!k->compactMode->isChecked());
        w->sidebar()->view()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(w->sidebar()->view()));
        press(Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(stream->isCompact());
        QVERIFY(k->compactMode->isChecked());
        // The stream's own button and the action agree.
        stream->compactButton()->click();
        QVERIFY(!stream->isCompact());
        QVERIFY(!k->compactMode->isChecked());
        stream->compactButton()->click();
        QVERIFY(k->compactMode->isChecked());

        // Another connection: the mark shows its own stream's mode.
        w->sidebar()->select(s.ids.at(0));
        QTRY_VERIFY_WITH_TIMEOUT(k->shownView() && k->shownView() != view, 20000);
        QVERIFY(!k->shownView()->streamView()->isCompact());
        QVERIFY(!k->compactMode->isChecked());
        w->sidebar()->select(s.ids.at(1));
        QTRY_COMPARE(k->shownView(), view);
        QVERIFY(k->compactMode->isChecked());
    }

    void nextAndPreviousConnection()
    {
        Setup s;
        QVERIFY(setUp(s));
        MainWindow *w = s.f.window();
        const QList<qint64> order = w->keyboardActions()->profileOrder();
        QCOMPARE(order.size(), 3);
        for (qint64 id : s.ids)
            QVERIFY(order.contains(id));
        ConnectionSidebar *sidebar = w->sidebar();
        // The folder is collapsed: its connection is still reached, and shown.
        sidebar->view()->collapse(w->connectionModel()->folderIndex(QStringLiteral("Lab")));
        sidebar->select(order.at(0));

        // From the publish topic field, from the sidebar: anywhere in the window.
        ConnectionView *view = w->keyboardActions()->shownView();
        QTRY_VERIFY_WITH_TIMEOUT((view = w->keyboardActions()->shownView()), 20000);
        view->publishBar()->topicEdit()->setFocus();
        QTRY_VERIFY(QApplication::focusWidget() == view->publishBar()->topicEdit());
        press(Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(sidebar->selectedProfileId(), order.at(1));
        QTRY_COMPARE(w->workspace()->shownProfileId(), order.at(1));
        sidebar->view()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(sidebar->view()));
        press(Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(sidebar->selectedProfileId(), order.at(2));
        QVERIFY(sidebar->view()->visualRect(sidebar->view()->currentIndex()).isValid());
        // Wraps around both ways.
        press(Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(sidebar->selectedProfileId(), order.at(0));
        press(Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(sidebar->selectedProfileId(), order.at(2));
        press(Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(sidebar->selectedProfileId(), order.at(1));

        // Ctrl+Tab still switches the connection's tabs (Stream, Topics…), not connections.
        QTRY_VERIFY_WITH_TIMEOUT(w->keyboardActions()->shownView(), 20000);
        QTabWidget *tabs = w->keyboardActions()->shownView()->views();
        tabs->tabBar()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(tabs->tabBar()));
        const int tab = tabs->currentIndex();
        press(Qt::Key_Tab, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), (tab + 1) % tabs->count());
        QCOMPARE(sidebar->selectedProfileId(), order.at(1));
    }

    // Ctrl+, opens File > Settings; what is set there reaches the open stream at once (font
    // size, payload font, time format, asking before Clear history) and the next new
    // connection (reconnect, proxy and retention defaults).
    void settingsApplyLive()
    {
        Setup s;
        QVERIFY(setUp(s));
        MainWindow *w = s.f.window();
        w->sidebar()->view()->setFocus();
        press(Qt::Key_Comma, Qt::ControlModifier);
        auto *dialog = w->findChild<SettingsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(w->showSettings(), dialog); // one dialog, raised again
        dialog->close();

        AppSettings *settings = w->settings();
        auto *view = qobject_cast<ConnectionView *>(w->workspace()->stack()->currentWidget());
        QVERIFY(view);
        MessageStreamView *stream = view->streamView();
        settings->setStreamFontSize(19);
        QCOMPARE(stream->listView()->font().pointSize(), 19);
        QCOMPARE(stream->delegate()->payloadFont().pointSize(), 19);
        settings->setPayloadFont(QStringLiteral("DejaVu Sans Mono"));
        QCOMPARE(stream->delegate()->payloadFont().families().value(0),
                 QStringLiteral("DejaVu Sans Mono"));
        settings->setStreamFontSize(0);
        QVERIFY(stream->listView()->font().pointSize() != 19);

        // Not asked: cleared at once.
        QSignalSpy cleared(stream, &MessageStreamView::clearRequested);
        settings->setConfirmClearHistory(false);
        stream->requestClear();
        QCOMPARE(cleared.size(), 1);
        QCOMPARE(s.prompts.count(Prompts::Kind::Question), 0);

        settings->setReconnectMinMs(2500);
        settings->setReconnectMaxMs(30000);
        settings->setProxyKind(QStringLiteral("socks5"));
        settings->setProxyHost(QStringLiteral("127.0.0.1"));
        settings->setProxyPort(1080);
        settings->setRetentionMode(AppSettings::RetentionMode::Days);
        settings->setRetentionDays(3);
        ConnectionProfile offered;
        ProfileCommands::setDialogHook([&](ConnectionDialog *d) {
            offered = d->profile();
            d->reject();
        });
        w->actions()->newConnection->trigger();
        ProfileCommands::setDialogHook({});
        QCOMPARE(offered.reconnect.minBackoffMs, 2500);
        QCOMPARE(offered.reconnect.maxBackoffMs, 30000);
        QCOMPARE(offered.proxy.type, ProxyType::Socks5);
        QCOMPARE(offered.proxy.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(offered.proxy.port, quint16(1080));
        QCOMPARE(offered.retention.maxAgeSeconds, qint64(3 * 24 * 3600));
        QCOMPARE(offered.retention.maxMessages, qint64(0));

        // Settings > History > Apply to every connection: each stored profile gets the
        // budget, and an open connection's writer trims by it at once.
        settings->setRetentionMode(AppSettings::RetentionMode::Messages);
        settings->setRetentionMessages(500);
        QSignalSpy notices(w->commands(), &ProfileCommands::notice);
        w->commands()->applyRetentionToAll(ProfileCommands::retentionDefault(*settings));
        QVERIFY(!notices.isEmpty() || notices.wait(10000));
        QVERIFY2(notices.first().first().toString().contains(QLatin1String("3")),
                 qPrintable(notices.first().first().toString()));
        for (qint64 id : s.ids) {
            std::optional<ConnectionProfile> stored;
            w->catalog()->profile(
                id, [&stored](const std::optional<ConnectionProfile> &p, const QString &) {
                    stored = p.value_or(ConnectionProfile{});
                });
            QTRY_VERIFY(stored.has_value());
            QCOMPARE(stored->retention.maxMessages, qint64(500));
        }
    }

    void helpListsEveryShortcut()
    {
        Setup s;
        QVERIFY(setUp(s));
        MainWindow *w = s.f.window();
        w->sidebar()->view()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(w->sidebar()->view()));
        press(Qt::Key_F1);
        auto *dialog = w->findChild<KeyboardShortcutsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        const QString rows = dialog->visibleRows().join(u'\n');
        for (QAction *a : windowActions(w)) {
            const QString keys = a->shortcut().toString(QKeySequence::NativeText);
            QVERIFY2(rows.contains(QStringLiteral("\t") + keys), qPrintable(name(a) + keys));
        }
        for (const QString &keys :
             {QStringLiteral("Ctrl+N"), QStringLiteral("Ctrl+T"), QStringLiteral("Ctrl+F"),
              QStringLiteral("Ctrl+End"), QStringLiteral("Ctrl+PgDown"),
              QStringLiteral("Ctrl+PgUp"), QStringLiteral("Ctrl+Shift+C"), QStringLiteral("F1"),
              QStringLiteral("Ctrl+Return")})
            QVERIFY2(rows.contains(keys), qPrintable(keys + QStringLiteral("\n") + rows));
        QVERIFY(rows.contains(QStringLiteral("Go\tFocus publish topic\tCtrl+T")));
        // MQTTDESK_SCREENSHOT_DIR: the dialog's picture, in English and in Chinese.
        if (const QString out = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR"); !out.isEmpty()) {
            dialog->resize(640, 560);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QVERIFY(dialog->grab().save(
                QDir(out).filePath(QStringLiteral("keyboard-shortcuts-en.png"))));
            QTranslator chinese;
            QVERIFY(chinese.load(QStringLiteral(":/i18n/mqttdesk_zh_CN.qm")));
            QCoreApplication::installTranslator(&chinese);
            // The language change reaches the widgets as posted events, then their layouts.
            QCoreApplication::sendPostedEvents();
            // The list is read again once the window's actions have their new texts.
            QTRY_VERIFY(dialog->visibleRows().join(u'\n').contains(QStringLiteral("发布栏")));
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QVERIFY(dialog->grab().save(
                QDir(out).filePath(QStringLiteral("keyboard-shortcuts-zh_CN.png"))));
            QCoreApplication::removeTranslator(&chinese);
            QCoreApplication::sendPostedEvents();
        }
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTRY_VERIFY(dialog->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!dialog->isVisible());
        // Ctrl+/ opens the same dialog again.
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w));
        press(Qt::Key_Slash, Qt::ControlModifier);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(w->findChildren<KeyboardShortcutsDialog *>().size(), 1);
        dialog->close();
    }
};

QTEST_MAIN(TestMainWindowKeyboard)
#include "tst_main_window_keyboard.moc"
