// The template collection dialog: a collection shown and read back (its templates and id
// kept), the binding ("All connections" or one profile), the variables table (added, edited,
// removed), every problem said under the table with OK disabled, keyboard only, accessible
// names and buddies, and the texts in Chinese after a language change.
#include "ui/workbench/collection_dialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

TemplateCollection sample()
{
    TemplateCollection c;
    c.id = u"c-1"_s;
    c.name = u"Plant"_s;
    c.connection = u"lab"_s;
    c.variables = {{u"device"_s, u"pump-7"_s}, {u"site"_s, u"north"_s}};
    PublishTemplate t;
    t.id = u"t-1"_s;
    t.name = u"Start"_s;
    c.templates = {t};
    return c;
}

void setCell(QTableWidget *table, int row, int column, const QString &text)
{
    table->item(row, column)->setText(text);
}

} // namespace

class TestCollectionDialog : public QObject
{
    Q_OBJECT
private slots:
    void showsAndReadsBack();
    void bindingChoices();
    void variablesAreChecked_data();
    void variablesAreChecked();
    void nameIsRequired();
    void addAndRemoveVariables();
    void keyboardOnly();
    void accessibleAndBuddies();
    void retranslates();
};

void TestCollectionDialog::showsAndReadsBack()
{
    CollectionDialog dialog;
    dialog.setConnectionNames({u"lab"_s, u"prod"_s});
    dialog.setCollection(sample());
    QCOMPARE(dialog.nameEdit()->text(), u"Plant"_s);
    QCOMPARE(dialog.connectionBox()->currentData().toString(), u"lab"_s);
    QCOMPARE(dialog.variablesTable()->rowCount(), 2);
    QVERIFY(dialog.problem().isEmpty());
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.collection(), sample());

    dialog.nameEdit()->setText(u"  Plant north "_s);
    dialog.connectionBox()->setCurrentIndex(0);
    setCell(dialog.variablesTable(), 1, 1, u"south"_s);
    TemplateCollection expected = sample();
    expected.name = u"Plant north"_s;
    expected.connection.clear();
    expected.variables[1].value = u"south"_s;
    QCOMPARE(dialog.collection(), expected);
}

void TestCollectionDialog::bindingChoices()
{
    CollectionDialog dialog;
    dialog.setConnectionNames({u"prod"_s});
    TemplateCollection c = sample();
    c.connection = u"gone-profile"_s; // bound to a name not offered: still shown and kept
    dialog.setCollection(c);
    QComboBox *box = dialog.connectionBox();
    QCOMPARE(box->count(), 3);
    QCOMPARE(box->itemData(0).toString(), QString());
    QCOMPARE(box->itemText(0), u"All connections"_s);
    QCOMPARE(box->currentData().toString(), u"gone-profile"_s);
    QVERIFY(box->currentText().contains(u"gone-profile"_s));
    QCOMPARE(dialog.collection().connection, u"gone-profile"_s);
    box->setCurrentIndex(box->findData(u"prod"_s));
    QCOMPARE(dialog.collection().connection, u"prod"_s);
}

void TestCollectionDialog::variablesAreChecked_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("problem");
    QTest::newRow("space") << u"my var"_s << u"one word"_s;
    QTest::newRow("brace") << u"a}}"_s << u"one word"_s;
    QTest::newRow("quote") << u"\"a"_s << u"one word"_s;
    QTest::newRow("built-in") << u"counter"_s << u"built-in"_s;
    QTest::newRow("twice") << u"device"_s << u"twice"_s;
    QTest::newRow("no name") << QString() << u"no name"_s;
}

void TestCollectionDialog::variablesAreChecked()
{
    QFETCH(QString, name);
    QFETCH(QString, problem);
    CollectionDialog dialog;
    dialog.setCollection(sample());
    dialog.addVariable(u"x"_s, u"value"_s);
    setCell(dialog.variablesTable(), 2, 0, name);
    QVERIFY2(dialog.problem().contains(problem), qPrintable(dialog.problem()));
    QVERIFY(!dialog.problemLabel()->isHidden());
    QCOMPARE(dialog.problemLabel()->text(), dialog.problem());
    QVERIFY(!dialog.okButton()->isEnabled());
    // Fixed: OK again.
    setCell(dialog.variablesTable(), 2, 0, u"fine_name"_s);
    QVERIFY(dialog.problem().isEmpty());
    QVERIFY(dialog.problemLabel()->isHidden());
    QVERIFY(dialog.okButton()->isEnabled());
}

void TestCollectionDialog::nameIsRequired()
{
    CollectionDialog dialog;
    dialog.setCollection(sample());
    dialog.nameEdit()->setText(u"   "_s);
    QVERIFY(dialog.problem().contains(u"name"_s));
    QVERIFY(!dialog.okButton()->isEnabled());
}

void TestCollectionDialog::addAndRemoveVariables()
{
    CollectionDialog dialog;
    dialog.setCollection(sample());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(dialog.addVariableButton(), Qt::LeftButton);
    QCOMPARE(dialog.variablesTable()->rowCount(), 3);
    // An added row left empty is no variable (and no problem).
    QVERIFY(dialog.problem().isEmpty());
    QCOMPARE(dialog.collection().variables.size(), 2);
    QVERIFY(!dialog.removeVariableButton()->isEnabled() ||
            !dialog.variablesTable()->selectedItems().isEmpty());
    dialog.variablesTable()->selectRow(0);
    QVERIFY(dialog.removeVariableButton()->isEnabled());
    QTest::mouseClick(dialog.removeVariableButton(), Qt::LeftButton);
    const QList<StringPair> left = dialog.collection().variables;
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().name, u"site"_s);
}

void TestCollectionDialog::keyboardOnly()
{
    CollectionDialog dialog;
    dialog.setConnectionNames({u"lab"_s});
    dialog.setCollection(TemplateCollection{});
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    dialog.nameEdit()->setFocus();
    QVERIFY(!dialog.okButton()->isEnabled());
    QTest::keyClicks(dialog.nameEdit(), u"Office"_s);
    QVERIFY(dialog.okButton()->isEnabled());
    // Tab to the binding, pick the connection with the arrow key.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), dialog.connectionBox());
    QTest::keyClick(dialog.connectionBox(), Qt::Key_Down);
    QCOMPARE(dialog.connectionBox()->currentData().toString(), u"lab"_s);
    // Alt+A adds a variable, its name is edited at once.
    // (A mnemonic animates the click: it lands a moment later.)
    QTest::keyClick(&dialog, Qt::Key_A, Qt::AltModifier);
    QTRY_COMPARE(dialog.variablesTable()->rowCount(), 1);
    QTRY_VERIFY(QApplication::focusWidget() &&
                dialog.variablesTable()->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClicks(QApplication::focusWidget(), u"room"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE(dialog.variablesTable()->item(0, 0)->text(), u"room"_s); // committed queued
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(accepted.count(), 1);
    const TemplateCollection c = dialog.collection();
    QCOMPARE(c.name, u"Office"_s);
    QCOMPARE(c.connection, u"lab"_s);
    QCOMPARE(c.variables.size(), 1);
    QCOMPARE(c.variables.first().name, u"room"_s);
}

void TestCollectionDialog::accessibleAndBuddies()
{
    CollectionDialog dialog;
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label == dialog.problemLabel())
            continue;
        QVERIFY2(label->buddy(), qPrintable(label->text()));
    }
    QVERIFY(!dialog.variablesTable()->accessibleName().isEmpty());
    QVERIFY(!dialog.removeVariableButton()->toolTip().isEmpty());
    QVERIFY(!dialog.windowTitle().isEmpty());
}

void TestCollectionDialog::retranslates()
{
    CollectionDialog dialog;
    dialog.setCollection(sample());
    const QString english = dialog.windowTitle();
    QTranslator translator;
    QVERIFY(translator.load(u":/i18n/mqttdesk_zh_CN.qm"_s));
    QCoreApplication::installTranslator(&translator);
    // The catalogue may not hold these texts yet (translations are done apart): the dialog
    // must at least run every text again, keeping the binding chosen.
    QCOMPARE(dialog.connectionBox()->currentData().toString(), u"lab"_s);
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(dialog.windowTitle(), english);
    QCOMPARE(dialog.connectionBox()->currentData().toString(), u"lab"_s);
    QCOMPARE(dialog.variablesTable()->horizontalHeaderItem(0)->text(), u"Name"_s);
}

QTEST_MAIN(TestCollectionDialog)
#include "tst_collection_dialog.moc"
