// SubscriptionListModel under QAbstractItemModelTester: each change (add, remove, edit,
// counts, SUBACK states, replacing every row, putting saved rows in front) announces exactly
// the rows and cells it touches, and the rows read back as changed.
#include "core/protocol/reason_code.h"
#include "core/session/session_action.h"
#include "ui/subscriptions/subscription_list_model.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace mqttdesk;

namespace {

SubscriptionEntry entry(const QString &filter, const QColor &colour = {})
{
    SubscriptionEntry e;
    e.subscription.filter = filter;
    e.colour = colour.isValid() ? colour.name() : QString();
    return e;
}

QStringList filters(const SubscriptionListModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.index(row, SubscriptionListModel::FilterColumn).data().toString();
    return list;
}

// The (first, last) rows of each rowsInserted / rowsRemoved emission.
QList<QPair<int, int>> ranges(const QSignalSpy &spy)
{
    QList<QPair<int, int>> list;
    for (const QList<QVariant> &args : spy)
        list.append({args.at(1).toInt(), args.at(2).toInt()});
    return list;
}

} // namespace

class TestSubscriptionListModel : public QObject
{
    Q_OBJECT
private slots:
    void addAppendsOneRowWithUidAndColour();
    void removeDropsThatRow();
    void editsChangeOnlyTheirCells();
    void checkAndAliasThroughSetData();
    void countsUpdateOnlyChangedRows();
    void subscribeStatesChangeWholeRows();
    void replaceAllResets();
    void prependEntriesInsertsInFrontAndKeepsRows();
};

void TestSubscriptionListModel::addAppendsOneRowWithUidAndColour()
{
    SubscriptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(SubscriptionListModel::ColumnCount));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &SubscriptionListModel::changed);
    QSignalSpy looks(&model, &SubscriptionListModel::looksChanged);

    QCOMPARE(model.add(entry(QStringLiteral("a/#"))), 0);
    QCOMPARE(model.add(entry(QStringLiteral("b/+"), QColor(Qt::red))), 1);
    QCOMPARE(ranges(inserted), (QList<QPair<int, int>>{{0, 0}, {1, 1}}));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(looks.size(), 2);
    QCOMPARE(filters(model), (QStringList{QStringLiteral("a/#"), QStringLiteral("b/+")}));
    // Unique uids; a colour from the palette when none was given, the given one otherwise.
    QVERIFY(model.at(0).uid != 0);
    QVERIFY(model.at(0).uid != model.at(1).uid);
    QCOMPARE(model.at(0).colour, SubscriptionListModel::paletteColour(0));
    QCOMPARE(model.at(1).colour, QColor(Qt::red).name());
    QCOMPARE(model.index(0, 0).data(SubscriptionListModel::UidRole).toULongLong(), model.at(0).uid);
    QCOMPARE(model.index(1, 0).data(Qt::DecorationRole).value<QColor>(), QColor(Qt::red));
    QCOMPARE(model.index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model.index(0, 0).data(SubscriptionListModel::StateRole).toInt(),
             int(SubscriptionEntry::State::Inactive));
    QCOMPARE(model.rowOfFilter(QStringLiteral("b/+")), 1);
    QCOMPARE(model.rowOfUid(model.at(1).uid), 1);
    QCOMPARE(model.lookFor(QStringLiteral("b/x")).colour, QColor(Qt::red));
}

void TestSubscriptionListModel::removeDropsThatRow()
{
    SubscriptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (const char *f : {"a", "b", "c"})
        model.add(entry(QLatin1String(f)));
    const quint64 cUid = model.at(2).uid;
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.removeAt(1);
    QCOMPARE(ranges(removed), (QList<QPair<int, int>>{{1, 1}}));
    QCOMPARE(filters(model), (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
    QCOMPARE(model.rowOfUid(cUid), 1);
    QVERIFY(!model.lookFor(QStringLiteral("b")).colour.isValid()); // no longer routed
    // Out of range: nothing happens.
    model.removeAt(-1);
    model.removeAt(2);
    QCOMPARE(removed.size(), 1);
    model.removeAt(0);
    model.removeAt(0);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(removed.size(), 3);
}

void TestSubscriptionListModel::editsChangeOnlyTheirCells()
{
    SubscriptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.add(entry(QStringLiteral("a/#")));
    model.add(entry(QStringLiteral("b/#")));
    QSignalSpy data(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy changed(&model, &SubscriptionListModel::changed);
    QSignalSpy enabled(&model, &SubscriptionListModel::enabledChanged);
    auto lastCells = [&data] {
        const QList<QVariant> args = data.last();
        const QModelIndex from = args.at(0).toModelIndex();
        const QModelIndex to = args.at(1).toModelIndex();
        return QList<int>{from.row(), from.column(), to.row(), to.column()};
    };
    using M = SubscriptionListModel;

    model.setColour(1, QColor(0x10, 0x20, 0x30));
    QCOMPARE(lastCells(), (QList<int>{1, M::FilterColumn, 1, M::FilterColumn}));
    QCOMPARE(model.index(1, 0).data(M::ColourRole).value<QColor>(), QColor(0x10, 0x20, 0x30));
    model.setColour(1, QColor()); // invalid: ignored
    QCOMPARE(data.size(), 1);

    model.setAlias(0, QStringLiteral("  Alpha  "));
    QCOMPARE(lastCells(), (QList<int>{0, M::AliasColumn, 0, M::AliasColumn}));
    QCOMPARE(model.index(0, M::AliasColumn).data().toString(), QStringLiteral("Alpha"));

    model.setFormat(0, PayloadFormat::Hex);
    QCOMPARE(lastCells(), (QList<int>{0, M::FormatColumn, 0, M::FormatColumn}));
    QCOMPARE(model.index(0, M::FormatColumn).data().toString(),
             payloadFormatName(PayloadFormat::Hex));

    model.setEnabled(0, false);
    QCOMPARE(lastCells(), (QList<int>{0, 0, 0, M::ColumnCount - 1}));
    QCOMPARE(enabled.size(), 1);
    QCOMPARE(model.index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    model.setEnabled(0, false); // unchanged: no signal
    QCOMPARE(enabled.size(), 1);
    QCOMPARE(changed.size(), 4);
    // A switched-off subscription no longer colours its topics.
    QVERIFY(!model.lookFor(QStringLiteral("a/x")).colour.isValid());

    // The stored id changes nothing visible.
    const qsizetype before = data.size();
    model.setStoredId(0, 42);
    QCOMPARE(model.at(0).storedId, qint64(42));
    QCOMPARE(data.size(), before);
}

void TestSubscriptionListModel::checkAndAliasThroughSetData()
{
    SubscriptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.add(entry(QStringLiteral("a")));
    using M = SubscriptionListModel;
    QVERIFY(model.flags(model.index(0, M::FilterColumn)).testFlag(Qt::ItemIsUserCheckable));
    QVERIFY(model.flags(model.index(0, M::AliasColumn)).testFlag(Qt::ItemIsEditable));
    QVERIFY(!model.flags(model.index(0, M::CountColumn)).testFlag(Qt::ItemIsEditable));
    QVERIFY(model.setData(model.index(0, M::FilterColumn), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!model.at(0).enabled);
    QVERIFY(model.setData(model.index(0, M::AliasColumn), QStringLiteral("A")));
    QCOMPARE(model.at(0).alias, QStringLiteral("A"));
    QVERIFY(!model.setData(model.index(0, M::CountColumn), 5));
    QVERIFY(!model.setData(QModelIndex(), QStringLiteral("x")));
}

void TestSubscriptionListModel::countsUpdateOnlyChangedRows()
{
    SubscriptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (const char *f : {"a", "b", "c", "d"})
        model.add(entry(QLatin1String(f)));
    QCOMPARE(model.countedFilters().size(), 4);
    QCOMPARE(model.countedFilters().at(2).filter, QStringLiteral("c"));
    QSignalSpy data(&model, &QAbstractItemModel::dataChanged);
    using M = SubscriptionListModel;

    model.setCounts({{model.at(1).uid, 5}, {model.at(2).uid, 7}});
    QCOMPARE(data.size(), 1);
    QCOMPARE(data.last().at(0).toModelIndex(), model.index(1, M::CountColumn));
    QCOMPARE(data.last().at(1).toModelIndex(), model.index(2, M::CountColumn));
    QCOMPARE(model.index(1, M::CountColumn).data().toLongLong(), qint64(5));
    QCOMPARE(model.index(2, M::CountColumn).data().toLongLong(), qint64(7));
    QCOMPARE(model.index(0, M::CountColumn).data().toLongLong(), qint64(0));

    // The same counts again: nothing to repaint.
    model.setCounts({{model.at(1).uid, 5}, {model.at(2).uid, 7}});
    QCOMPARE(data.size(), 1);
    // Unknown uids are ignored.
    model.setCounts({{999999, 3}});
    QCOMPARE(data.size(), 1);
    model.setCounts({{model.at(3).uid, 1}});
    QCOMPARE(data.size(), 2);
    QCOMPARE(data.last().at(0).toModelIndex(), model.index(3, M::CountColumn));
}

void TestSubscriptionListModel::subscribeStatesChangeWholeRows()
{
    SubscriptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.add(entry(QStringLiteral("ok/#")));
    model.add(entry(QStringLiteral("no/#")));
    using M = SubscriptionListModel;
    using S = SubscriptionEntry::State;
    auto state = [&model](int row) { return S(model.index(row, 0).data(M::StateRole).toInt()); };
    model.markPending(0, 11);
    model.markPending(1, 11);
    QCOMPARE(state(0), S::Pending);

    SubscribeResult result;
    result.token = 11;
    result.subscriptions = {Subscription{QStringLiteral("ok/#"), {}},
                            Subscription{QStringLiteral("no/#"), {}}};
    result.reasonCodes = {ReasonCode(0x01), ReasonCode(0x87)};
    QSignalSpy data(&model, &QAbstractItemModel::dataChanged);
    model.applySubscribeResult(result);
    QCOMPARE(data.size(), 2);
    QCOMPARE(state(0), S::Active);
    QCOMPARE(model.at(0).grantedQos, std::optional<int>(1));
    QCOMPARE(state(1), S::Refused);
    QVERIFY(model.index(1, M::StatusColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("0x87")));

    model.markInactive();
    QCOMPARE(state(0), S::Inactive);
    QCOMPARE(state(1), S::Refused); // the refusal stays visible
    QCOMPARE(data.last().at(0).toModelIndex(), model.index(0, 0));
    QCOMPARE(data.last().at(1).toModelIndex(), model.index(1, M::ColumnCount - 1));
}

void TestSubscriptionListModel::replaceAllResets()
{
    SubscriptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.add(entry(QStringLiteral("old")));
    model.markActive(0);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy looks(&model, &SubscriptionListModel::looksChanged);

    SubscriptionEntry off = entry(QStringLiteral("x/+"), QColor(Qt::blue));
    off.enabled = false;
    off.state = SubscriptionEntry::State::Active; // a restored row is never subscribed yet
    off.grantedQos = 2;
    model.loadEntries({entry(QStringLiteral("a/#")), off});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(looks.size(), 1);
    QCOMPARE(filters(model), (QStringList{QStringLiteral("a/#"), QStringLiteral("x/+")}));
    QCOMPARE(model.at(0).state, SubscriptionEntry::State::Inactive);
    QCOMPARE(model.at(1).state, SubscriptionEntry::State::Disabled);
    QVERIFY(!model.at(1).grantedQos);
    QCOMPARE(model.at(1).colour, QColor(Qt::blue).name());
    QVERIFY(!model.at(0).colour.isEmpty());
    QVERIFY(model.at(0).uid != model.at(1).uid);

    // The saved form round-trips through a reset too.
    const QJsonArray saved = model.toJson();
    SubscriptionListModel other;
    QAbstractItemModelTester otherTester(&other,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy otherReset(&other, &QAbstractItemModel::modelReset);
    other.loadJson(saved);
    QCOMPARE(otherReset.size(), 1);
    QCOMPARE(filters(other), filters(model));
    QCOMPARE(other.at(1).colour, QColor(Qt::blue).name());
    QVERIFY(!other.at(1).enabled);

    // Replacing with nothing empties the model.
    model.loadEntries({});
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.rowCount(), 0);
}

void TestSubscriptionListModel::prependEntriesInsertsInFrontAndKeepsRows()
{
    SubscriptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Added by the user while the saved ones were loading, already subscribed.
    model.add(entry(QStringLiteral("live/#")));
    model.markPending(0, 5);
    const quint64 liveUid = model.at(0).uid;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.prependEntries({entry(QStringLiteral("saved/1")), entry(QStringLiteral("saved/2"))});
    QCOMPARE(ranges(inserted), (QList<QPair<int, int>>{{0, 1}}));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(filters(model), (QStringList{QStringLiteral("saved/1"), QStringLiteral("saved/2"),
                                          QStringLiteral("live/#")}));
    // The live row kept its uid and its state.
    QCOMPARE(model.rowOfUid(liveUid), 2);
    QCOMPARE(model.at(2).state, SubscriptionEntry::State::Pending);
    QCOMPARE(model.at(2).pendingToken, quint64(5));
    // The saved rows got their own uids and colours.
    QVERIFY(model.at(0).uid != liveUid && model.at(1).uid != liveUid);
    QVERIFY(!model.at(0).colour.isEmpty());
    QVERIFY(model.at(0).colour != model.at(1).colour);

    // Nothing to put in front: no signal.
    model.prependEntries({});
    QCOMPARE(inserted.size(), 1);
    // Routing sees the new rows first.
    QCOMPARE(model.lookFor(QStringLiteral("saved/1")).colour, model.at(0).colour);
}

QTEST_MAIN(TestSubscriptionListModel)
#include "tst_subscription_list_model.moc"
