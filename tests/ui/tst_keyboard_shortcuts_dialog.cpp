// Help > Keyboard shortcuts on a small stand-in window: rows come from the window's menus
// (grouped by menu, submenus included) and its other actions, then the fixed list of
// widget-level keys; the filter narrows them; a language change rebuilds the list; Escape
// and Close close it; its controls have accessible names.
#include "ui/dialogs/keyboard_shortcuts_dialog.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>
#include <QTreeWidget>

using namespace mqttdesk;

namespace {

QString native(const QKeySequence &keys)
{
    return keys.toString(QKeySequence::NativeText);
}

struct Window
{
    QMainWindow window;
    QAction *newAction = nullptr;
    QAction *find = nullptr;
    QAction *hidden = nullptr;

    Window()
    {
        QMenu *file = window.menuBar()->addMenu(QStringLiteral("&File"));
        newAction = file->addAction(QStringLiteral("&New connection…"));
        newAction->setShortcut(QKeySequence::New);
        file->addAction(QStringLiteral("No shortcut"));
        QMenu *sub = file->addMenu(QStringLiteral("&More"));
        find = sub->addAction(QStringLiteral("Focus &search"));
        find->setShortcuts({QKeySequence::Find, QKeySequence(Qt::Key_F1)});
        find->setEnabled(false); // listed all the same
        hidden = new QAction(QStringLiteral("Secret move"), &window);
        hidden->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
        window.addAction(hidden);
    }
};

} // namespace

class TestKeyboardShortcutsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsTheWindowsActionsGrouped()
    {
        Window w;
        KeyboardShortcutsDialog dialog(&w.window);
        const QStringList rows = dialog.visibleRows();
        const QString tab = QStringLiteral("\t");
        QVERIFY2(rows.contains(QStringLiteral("File") + tab + QStringLiteral("New connection") +
                               tab + native(QKeySequence::New)),
                 qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.contains(QStringLiteral("File\tFocus search\t") + native(QKeySequence::Find) +
                               QStringLiteral(", ") + native(QKeySequence(Qt::Key_F1))),
                 qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.contains(QStringLiteral("Window\tSecret move\t") +
                               native(QKeySequence(Qt::CTRL | Qt::Key_PageDown))),
                 qPrintable(rows.join(u'\n')));
        // Actions without a shortcut are left out.
        for (const QString &row : rows)
            QVERIFY2(!row.contains(QStringLiteral("No shortcut")), qPrintable(row));
        // The fixed widget-level keys follow the window's.
        QVERIFY(rows.contains(QStringLiteral("Publish bar\tSend the message\t") +
                              native(QKeySequence(Qt::CTRL | Qt::Key_Return)) +
                              QStringLiteral(", ") +
                              native(QKeySequence(Qt::CTRL | Qt::Key_Enter))));
        QVERIFY(rows.indexOf(QRegularExpression(QStringLiteral("^Stream\t.*"))) >
                rows.indexOf(QRegularExpression(QStringLiteral("^Window\t.*"))));
        // The groups are top-level rows, in menu bar order.
        QCOMPARE(dialog.tree()->topLevelItem(0)->text(0), QStringLiteral("File"));
        QCOMPARE(dialog.tree()->topLevelItem(1)->text(0), QStringLiteral("Window"));
        QCOMPARE(dialog.tree()->columnCount(), 2);
    }

    void filterNarrowsTheRows()
    {
        Window w;
        KeyboardShortcutsDialog dialog(&w.window);
        const int all = dialog.visibleRows().size();
        dialog.filterEdit()->setText(native(QKeySequence::New));
        QStringList rows = dialog.visibleRows();
        QVERIFY(!rows.isEmpty());
        QVERIFY(rows.size() < all);
        for (const QString &row : rows)
            QVERIFY2(row.contains(native(QKeySequence::New), Qt::CaseInsensitive), qPrintable(row));
        // Words each match, in any column; a group's name shows the whole group.
        dialog.filterEdit()->setText(QStringLiteral("send publish"));
        rows = dialog.visibleRows();
        QVERIFY(!rows.isEmpty());
        for (const QString &row : rows)
            QVERIFY2(row.contains(QStringLiteral("Send"), Qt::CaseInsensitive), qPrintable(row));
        dialog.filterEdit()->setText(QStringLiteral("nothing matches this"));
        QVERIFY(dialog.visibleRows().isEmpty());
        for (int g = 0; g < dialog.tree()->topLevelItemCount(); ++g)
            QVERIFY(dialog.tree()->topLevelItem(g)->isHidden());
        dialog.filterEdit()->clear();
        QCOMPARE(dialog.visibleRows().size(), all);
    }

    void rebuildsOnLanguageChange()
    {
        Window w;
        KeyboardShortcutsDialog dialog(&w.window);
        w.newAction->setText(QStringLiteral("&Neue Verbindung…"));
        w.newAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&dialog, &change);
        const QString expected = QStringLiteral("File\tNeue Verbindung\t") +
                                 native(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
        QTRY_VERIFY2(dialog.visibleRows().contains(expected),
                     qPrintable(dialog.visibleRows().join(u'\n')));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Keyboard shortcuts"));
    }

    void keyboardAndAccessibility()
    {
        Window w;
        KeyboardShortcutsDialog dialog(&w.window);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        // The filter has the focus: typing filters at once.
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(dialog.filterEdit()));
        QTest::keyClicks(dialog.filterEdit(), QStringLiteral("secret"));
        QCOMPARE(dialog.visibleRows().size(), 1);
        // Enter in the filter does not close it; Tab reaches the list, then Close.
        QTest::keyClick(dialog.filterEdit(), Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QTest::keyClick(dialog.filterEdit(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(dialog.tree()));
        QTest::keyClick(dialog.tree(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(dialog.closeButton()));
        for (QWidget *widget :
             {static_cast<QWidget *>(dialog.filterEdit()), static_cast<QWidget *>(dialog.tree()),
              static_cast<QWidget *>(dialog.closeButton())}) {
            QAccessibleInterface *a = QAccessible::queryAccessibleInterface(widget);
            QVERIFY(a);
            QVERIFY2(!a->text(QAccessible::Name).isEmpty(), widget->metaObject()->className());
        }
        QVERIFY(dialog.tree()->editTriggers() == QAbstractItemView::NoEditTriggers);
        // Space on the Close button closes it; so does Escape.
        QTest::keyClick(dialog.closeButton(), Qt::Key_Space);
        QTRY_VERIFY(!dialog.isVisible());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!dialog.isVisible());
    }
};

QTEST_MAIN(TestKeyboardShortcutsDialog)
#include "tst_keyboard_shortcuts_dialog.moc"
