#include "core/retained/retained_diff_model.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace mqttdesk;

// RetainedDiffModel: one row per difference, in topic order, with previews, whole values and
// a summary; valid under QAbstractItemModelTester through resets.
class TestRetainedDiffModel : public QObject
{
    Q_OBJECT
private slots:
    void rowsValuesAndSummary();
    void binaryAndLongValues();
};

namespace {

RetainedValue value(const QByteArray &payload)
{
    RetainedValue v;
    v.payload = payload;
    return v;
}

} // namespace

void TestRetainedDiffModel::rowsValuesAndSummary()
{
    RetainedSnapshot a;
    a.topics.insert(QStringLiteral("plant/same"), value("1"));
    a.topics.insert(QStringLiteral("plant/gone"), value("old"));
    a.topics.insert(QStringLiteral("plant/changed"), value("{\"v\":1}"));
    RetainedSnapshot b;
    b.topics.insert(QStringLiteral("plant/same"), value("1"));
    b.topics.insert(QStringLiteral("plant/new"), value("hello"));
    b.topics.insert(QStringLiteral("plant/changed"), value("{\"v\":2}"));

    RetainedDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setDiff(RetainedDiff::compare(a, b));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(RetainedDiffModel::ColumnCount));

    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.data(model.index(row, column), role);
    };
    QCOMPARE(cell(0, RetainedDiffModel::TopicColumn).toString(), QStringLiteral("plant/changed"));
    QCOMPARE(cell(0, RetainedDiffModel::ChangeColumn).toString(), QStringLiteral("changed"));
    QCOMPARE(cell(0, RetainedDiffModel::BeforeColumn).toString(), QStringLiteral("{\"v\":1}"));
    QCOMPARE(cell(0, RetainedDiffModel::AfterColumn).toString(), QStringLiteral("{\"v\":2}"));
    QVERIFY(cell(0, RetainedDiffModel::DetailsColumn).toString().contains(QStringLiteral("v")));
    QCOMPARE(cell(1, RetainedDiffModel::TopicColumn).toString(), QStringLiteral("plant/gone"));
    QCOMPARE(cell(1, 0, RetainedDiffModel::KindRole).toInt(), int(RetainedChange::Kind::Removed));
    QCOMPARE(cell(1, RetainedDiffModel::AfterColumn).toString(), QString());
    QCOMPARE(cell(2, RetainedDiffModel::TopicColumn).toString(), QStringLiteral("plant/new"));
    QCOMPARE(cell(2, 0, RetainedDiffModel::KindRole).toInt(), int(RetainedChange::Kind::Added));
    QCOMPARE(cell(2, 0, RetainedDiffModel::AfterTextRole).toString(), QStringLiteral("hello"));
    QCOMPARE(model.summary(), QStringLiteral("Added: 1, removed: 1, changed: 1; unchanged: 1."));

    model.setDiff(RetainedDiff::compare(a, a));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.summary(), QStringLiteral("No differences; unchanged: 3."));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestRetainedDiffModel::binaryAndLongValues()
{
    RetainedSnapshot a;
    RetainedSnapshot b;
    b.topics.insert(QStringLiteral("bin"), value(QByteArray("\xff\xfe\x00\x01", 4)));
    b.topics.insert(QStringLiteral("long"), value(QByteArray(5000, 'x') + "\nend"));
    RetainedDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(RetainedDiff::compare(a, b));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0, RetainedDiffModel::AfterColumn)).toString(),
             QStringLiteral("base64:") +
                 QString::fromLatin1(QByteArray("\xff\xfe\x00\x01", 4).toBase64()));
    const QString preview = model.data(model.index(1, RetainedDiffModel::AfterColumn)).toString();
    QVERIFY(preview.size() <= 161);
    QVERIFY(!preview.contains(QLatin1Char('\n')));
    QCOMPARE(model.data(model.index(1, 0), RetainedDiffModel::AfterTextRole).toString().size(),
             5004);
}

QTEST_GUILESS_MAIN(TestRetainedDiffModel)
#include "tst_retained_diff_model.moc"
