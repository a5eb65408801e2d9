// The import conflict dialog: it names the clash (same connection, or same name) with what
// tells the two apart, answers Replace / Keep both / Skip from its buttons and their
// mnemonics, treats Escape as Skip, and offers "apply to all" only when more clashes follow.
#include "ui/dialogs/import_conflict_dialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace mqttdesk;

namespace {

using Choice = ImportPlan::Choice;

ImportPlan::Item clash(ImportPlan::Clash kind, const QString &name, const QString &savedName)
{
    ImportPlan::Item item;
    item.profile.name = name;
    item.profile.host = QStringLiteral("broker.local");
    item.profile.port = 1884;
    item.profile.clientId = QStringLiteral("desk-file");
    item.clash = kind;
    item.existing.key = 3;
    item.existing.profile.name = savedName;
    item.existing.profile.host = QStringLiteral("broker.local");
    item.existing.profile.port = 1883;
    return item;
}

QString labelText(const QDialog &dialog, const char *name)
{
    const QLabel *label = dialog.findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QString();
}

} // namespace

class TestImportConflictDialog : public QObject
{
    Q_OBJECT
private slots:
    void namesTheClash()
    {
        ImportConflictDialog dialog;
        dialog.setConflict(
            clash(ImportPlan::Clash::SameName, QStringLiteral("Plant"), QStringLiteral("Plant")),
            0);
        QCOMPARE(dialog.message(), QStringLiteral("A connection named “Plant” already exists."));
        const QString details = labelText(dialog, "details");
        QVERIFY2(details.contains(QStringLiteral("broker.local:1884, client ID “desk-file”")),
                 qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("broker.local:1883, no fixed client ID")),
                 qPrintable(details));

        dialog.setConflict(
            clash(ImportPlan::Clash::SameId, QStringLiteral("Plant"), QStringLiteral("Plant here")),
            0);
        QVERIFY2(dialog.message().contains(QStringLiteral("saved here as “Plant here”")),
                 qPrintable(dialog.message()));
        dialog.setConflict(
            clash(ImportPlan::Clash::SameId, QStringLiteral("Plant"), QStringLiteral("Plant")), 0);
        QVERIFY2(dialog.message().contains(QStringLiteral("the same connection")),
                 qPrintable(dialog.message()));
    }

    void buttonsAnswer_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<Choice>("choice");
        QTest::addColumn<int>("result");
        QTest::newRow("replace") << "replace" << Choice::Replace << int(QDialog::Accepted);
        QTest::newRow("keep both") << "keepBoth" << Choice::KeepBoth << int(QDialog::Accepted);
        QTest::newRow("skip") << "skip" << Choice::Skip << int(QDialog::Rejected);
    }

    void buttonsAnswer()
    {
        QFETCH(QString, button);
        QFETCH(Choice, choice);
        QFETCH(int, result);
        ImportConflictDialog dialog;
        dialog.setConflict(
            clash(ImportPlan::Clash::SameName, QStringLiteral("A"), QStringLiteral("A")), 0);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QPushButton *pushed = dialog.findChild<QPushButton *>(button);
        QVERIFY(pushed);
        QVERIFY(!pushed->text().isEmpty());
        QTest::mouseClick(pushed, Qt::LeftButton);
        QCOMPARE(dialog.choice(), choice);
        QCOMPARE(dialog.result(), result);
        QVERIFY(!dialog.isVisible());
    }

    void keyboard()
    {
        ImportConflictDialog dialog;
        dialog.setConflict(
            clash(ImportPlan::Clash::SameName, QStringLiteral("A"), QStringLiteral("A")), 2);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        // Skip is the default and has the focus: Enter changes nothing.
        QVERIFY(dialog.skipButton()->isDefault());
        QTRY_VERIFY(dialog.skipButton()->hasFocus());
        // Tab reaches the "for all" box, Space ticks it.
        QWidget *focus = dialog.skipButton();
        for (int i = 0; i < 4 && focus != dialog.applyToAllBox(); ++i) {
            QTest::keyClick(focus, Qt::Key_Tab);
            focus = QApplication::focusWidget();
        }
        QCOMPARE(focus, dialog.applyToAllBox());
        QTest::keyClick(focus, Qt::Key_Space);
        QVERIFY(dialog.applyToAll());
        // Alt+K is Keep both (a mnemonic animates the click: it lands a moment later).
        QTest::keyClick(&dialog, Qt::Key_K, Qt::AltModifier);
        QTRY_COMPARE(dialog.choice(), Choice::KeepBoth);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.applyToAll());

        // Escape: skip.
        dialog.setConflict(
            clash(ImportPlan::Clash::SameName, QStringLiteral("B"), QStringLiteral("B")), 1);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.choice(), Choice::Skip);
        QVERIFY(!dialog.applyToAll()); // a new question starts unticked

        // Enter: the default, skip.
        dialog.setConflict(
            clash(ImportPlan::Clash::SameName, QStringLiteral("C"), QStringLiteral("C")), 0);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTest::keyClick(dialog.skipButton(), Qt::Key_Return);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.choice(), Choice::Skip);
    }

    void applyToAllOnlyWhenMoreFollow()
    {
        ImportConflictDialog dialog;
        dialog.setConflict(
            clash(ImportPlan::Clash::SameName, QStringLiteral("A"), QStringLiteral("A")), 0);
        QVERIFY(dialog.applyToAllBox()->isHidden());
        QVERIFY(!dialog.applyToAll());
        dialog.setConflict(
            clash(ImportPlan::Clash::SameName, QStringLiteral("A"), QStringLiteral("A")), 3);
        QVERIFY(!dialog.applyToAllBox()->isHidden());
        QVERIFY(dialog.applyToAllBox()->text().contains(QStringLiteral("3 more")));
        QVERIFY(!dialog.applyToAllBox()->accessibleName().isEmpty());
        dialog.applyToAllBox()->setChecked(true);
        QVERIFY(dialog.applyToAll());
    }

    void everyControlIsNamed()
    {
        ImportConflictDialog dialog;
        dialog.setConflict(
            clash(ImportPlan::Clash::SameName, QStringLiteral("A"), QStringLiteral("A")), 1);
        for (QPushButton *b :
             {dialog.replaceButton(), dialog.keepBothButton(), dialog.skipButton()}) {
            QVERIFY(b->text().contains(QLatin1Char('&'))); // a mnemonic
            QVERIFY(!b->toolTip().isEmpty());
        }
        QVERIFY(dialog.applyToAllBox()->text().contains(QLatin1Char('&')));
        QVERIFY(!dialog.windowTitle().isEmpty());
    }
};

QTEST_MAIN(TestImportConflictDialog)
#include "tst_import_conflict_dialog.moc"
