// The JSON tree widget: parsed off the GUI thread, searched through keys and values with
// next/previous, copy value and copy path from the keyboard, a named error for text that
// is not JSON, and every input named for assistive technology.
#include "ui/inspector/json_tree_view.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace mqttdesk {

class TestJsonTreeView : public QObject
{
    Q_OBJECT
private slots:
    void showsAndCopies();
    void searchesWithNextAndPrevious();
    void notJson();
    void inputsAreNamed();
    void chartThisOnNumbers();
};

namespace {

const QByteArray kReading = R"({"device":"pump-7","sensors":[{"name":"temp","value":21.5},)"
                            R"({"name":"pressure","value":1013}],"site":{"name":"north hall"}})";

bool load(JsonTreeView &view, const QByteArray &json)
{
    QSignalSpy loaded(&view, &JsonTreeView::loaded);
    view.setJson(json);
    return loaded.wait() && view.isLoaded();
}

} // namespace

void TestJsonTreeView::showsAndCopies()
{
    JsonTreeView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(load(view, kReading));
    QVERIFY(view.parseError().isEmpty());
    QCOMPARE(view.model()->rowCount(), 3);
    // The first level is open.
    QVERIFY(view.tree()->isExpanded(view.model()->index(1, 0)));

    const QModelIndex value = view.model()->index(1, 0, view.model()->index(1, 0));
    view.tree()->setCurrentIndex(value);
    view.tree()->setFocus();
    QTest::keySequence(view.tree(), QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(), uR"({"name":"pressure","value":1013})"_s);
    QTest::keyClick(view.tree(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QApplication::clipboard()->text(), u"$.sensors[1]"_s);
    view.tree()->setCurrentIndex(view.model()->index(0, 2));
    view.copyValue();
    QCOMPARE(QApplication::clipboard()->text(), u"pump-7"_s);
}

void TestJsonTreeView::searchesWithNextAndPrevious()
{
    JsonTreeView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(load(view, kReading));
    QSignalSpy searched(&view, &JsonTreeView::searched);
    QTest::keyClicks(view.searchField(), u"name"_s);
    QVERIFY(searched.wait());
    // Three keys called "name", the first one current and its parents opened.
    QCOMPARE(view.hitCount(), 3);
    QCOMPARE(view.currentHit(), 0);
    QCOMPARE(view.model()->path(view.tree()->currentIndex()), u"$.sensors[0].name"_s);
    QTest::keyClick(view.searchField(), Qt::Key_Return);
    QCOMPARE(view.model()->path(view.tree()->currentIndex()), u"$.sensors[1].name"_s);
    view.findNext();
    QCOMPARE(view.model()->path(view.tree()->currentIndex()), u"$.site.name"_s);
    QVERIFY(view.tree()->isExpanded(view.model()->index(2, 0)));
    view.findNext(); // wraps round
    QCOMPARE(view.currentHit(), 0);
    view.findPrevious();
    QCOMPARE(view.currentHit(), 2);
    // A value matches too, by its text; nothing matches shows no hit.
    view.searchField()->setText(u"HALL"_s);
    QVERIFY(searched.wait());
    QCOMPARE(view.hitCount(), 1);
    QCOMPARE(view.model()->path(view.tree()->currentIndex()), u"$.site.name"_s);
    view.searchField()->setText(u"nowhere"_s);
    QVERIFY(searched.wait());
    QCOMPARE(view.hitCount(), 0);
    QCOMPARE(view.currentHit(), -1);
}

void TestJsonTreeView::notJson()
{
    JsonTreeView view;
    QSignalSpy loaded(&view, &JsonTreeView::loaded);
    view.setJson(R"({"device":"pump-7","value":)");
    QVERIFY(loaded.wait());
    QCOMPARE(loaded.first().first().toBool(), false);
    QCOMPARE(view.parseError(), u"Not JSON at byte 27: the text ends where a value should be."_s);
    QCOMPARE(view.model()->rowCount(), 0);
    // A second document replaces the first; one set before the first parse ends wins.
    view.setJson(R"([1,2)");
    view.setJson(R"([1,2,3])");
    QTRY_COMPARE(view.model()->rowCount(), 3);
    QVERIFY(view.parseError().isEmpty());
}

void TestJsonTreeView::inputsAreNamed()
{
    JsonTreeView view;
    const auto labels = view.findChildren<QLabel *>();
    QSet<QWidget *> buddies;
    for (const QLabel *label : labels)
        if (label->buddy())
            buddies.insert(label->buddy());
    QVERIFY(buddies.contains(view.searchField()));
    QVERIFY(!view.tree()->accessibleName().isEmpty());
    for (const QToolButton *button : view.findChildren<QToolButton *>()) {
        if (button->parent() != &view)
            continue; // the line edit's own clear button
        QVERIFY2(!button->text().isEmpty() && !button->toolTip().isEmpty(),
                 qPrintable(button->text()));
    }
}

void TestJsonTreeView::chartThisOnNumbers()
{
    JsonTreeView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(load(view, R"({"device":"pump-7","temp":"21.5","on":true,"sensors":[{"v":3}]})"));
    auto chartAction = [&view](const QModelIndex &index) {
        QMenu *menu = view.contextMenuFor(index);
        QAction *action = menu->findChild<QAction *>(u"chartThis"_s);
        menu->deleteLater();
        return action;
    };
    const JsonTreeModel *model = view.model();
    const QModelIndex temp = model->index(1, 0);
    // Off until whoever shows the tree can chart.
    QVERIFY(!view.isChartable());
    QVERIFY(!chartAction(temp));
    view.setChartable(true);
    // A number sent as a string, true/false (1/0) and a number are offered; words and
    // containers are not.
    QVERIFY(view.canChart(temp));
    QVERIFY(view.canChart(model->index(2, 0)));
    QVERIFY(!view.canChart(model->index(0, 0)));
    QVERIFY(!view.canChart(model->index(3, 0)));
    QVERIFY(!chartAction(model->index(0, 0)));
    QVERIFY(!chartAction(model->index(3, 0)));
    QSignalSpy requested(&view, &JsonTreeView::chartRequested);
    QAction *action = chartAction(temp);
    QVERIFY(action);
    QCOMPARE(action->text(), u"C&hart this"_s);
    action->trigger();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.takeFirst().first().toString(), u"$.temp"_s);
    // Deeper down: the path Copy path gives.
    const QModelIndex v = model->index(0, 0, model->index(0, 0, model->index(3, 0)));
    QVERIFY(view.canChart(v));
    chartAction(v)->trigger();
    QCOMPARE(requested.takeFirst().first().toString(), u"$.sensors[0].v"_s);
}

} // namespace mqttdesk

QTEST_MAIN(mqttdesk::TestJsonTreeView)
#include "tst_json_tree_view.moc"
