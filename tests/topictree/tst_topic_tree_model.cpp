// TopicTreeModel under QAbstractItemModelTester while batches of random topics stream in:
// rows inserted per parent, dataChanged only for rows under expanded levels, tick() for the
// rate and age columns of the rows in sight, indexForTopic, the retained topics under a
// level, the texts of empty levels, ages and values, and a reset on clear().
#include "core/topictree/topic_tree_filter_proxy.h"
#include "core/topictree/topic_tree_model.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace mqttdesk;

namespace {

constexpr qint64 kSecond = 1000000;
constexpr qint64 kT0 = 1'800'000'000 * kSecond;

TopicUpdate update(const QString &topic, qint64 us, const QByteArray &payload = "v",
                   std::optional<bool> retained = {})
{
    TopicUpdate u;
    u.topic = topic;
    u.add(us, payload, 0, retained.has_value());
    u.retainedHeld = retained;
    return u;
}

} // namespace

class TestTopicTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void streamsUnderTheModelTester();
    void insertsOncePerParent();
    void noDataChangedForCollapsedLevels();
    void tickRefreshesRowsInSight();
    void findsTopicsAndRetained();
    void texts();
    void valuesFollowTheStreamFormat();
    void updatesReachTheViewAtMostOncePerInterval();
    void filteredProxyShowsNewSubtrees();
};

void TestTopicTreeModel::streamsUnderTheModelTester()
{
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QRandomGenerator random(16);
    qint64 total = 0;
    for (int batch = 0; batch < 50; ++batch) {
        TopicUpdates updates;
        for (int i = 0; i < 40; ++i) {
            QString topic = QStringLiteral("r%1").arg(random.bounded(4));
            const int depth = random.bounded(1, 5);
            for (int d = 0; d < depth; ++d)
                topic += QStringLiteral("/%1").arg(random.bounded(6));
            if (random.bounded(10) == 0)
                topic += QLatin1Char('/'); // an empty last level now and then
            updates << update(topic, kT0 + batch * kSecond);
            ++total;
        }
        model.apply(updates, kT0 + batch * kSecond);
        if (batch % 7 == 0 && model.rowCount() > 0)
            model.setExpanded(model.index(0, 0), true);
        model.tick(kT0 + batch * kSecond);
    }
    qint64 counted = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        counted += model.index(row, 0).data(TopicTreeModel::MessagesRole).toLongLong();
    QCOMPARE(counted, total);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestTopicTreeModel::insertsOncePerParent()
{
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    TopicUpdates updates;
    for (int i = 0; i < 30; ++i)
        updates << update(QStringLiteral("p/%1").arg(i), kT0);
    updates << update(QStringLiteral("q/x"), kT0);
    model.apply(updates, kT0);
    // The roots (p, q) in one insertion, p's 30 children in one, q's child in one.
    QCOMPARE(inserted.size(), 3);
    QCOMPARE(inserted[0].at(1).toInt(), 0);
    QCOMPARE(inserted[0].at(2).toInt(), 1);
    const QModelIndex p = model.indexForTopic(QStringLiteral("p"));
    QCOMPARE(model.rowCount(p), 30);
    QCOMPARE(model.index(29, 0, p).data().toString(), QStringLiteral("29"));
    // Later children of a level: one insertion per parent, after its existing rows.
    inserted.clear();
    updates.clear();
    for (int i = 30; i < 40; ++i)
        updates << update(QStringLiteral("p/%1").arg(i), kT0);
    updates << update(QStringLiteral("q/y"), kT0);
    model.apply(updates, kT0);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted[0].at(0).value<QModelIndex>(), p);
    QCOMPARE(inserted[0].at(1).toInt(), 30);
    QCOMPARE(inserted[0].at(2).toInt(), 39);
    QCOMPARE(model.rowCount(p), 40);
}

void TestTopicTreeModel::noDataChangedForCollapsedLevels()
{
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.apply({update(QStringLiteral("a/b/c"), kT0), update(QStringLiteral("x/y"), kT0)}, kT0);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // A flood under collapsed levels: only the root's row (a) is told.
    TopicUpdates flood;
    for (int i = 0; i < 100; ++i)
        flood << update(QStringLiteral("a/b/c"), kT0 + i);
    model.apply(flood, kT0 + kSecond);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0].at(0).toModelIndex(), model.indexForTopic(QStringLiteral("a")));
    // Expanded: their rows too, one signal per parent.
    changed.clear();
    model.setExpanded(model.indexForTopic(QStringLiteral("a")), true);
    model.setExpanded(model.indexForTopic(QStringLiteral("a/b")), true);
    model.apply({update(QStringLiteral("a/b/c"), kT0 + 2 * kSecond)}, kT0 + 2 * kSecond);
    QCOMPARE(changed.size(), 3);
    model.setExpanded(model.indexForTopic(QStringLiteral("a/b")), false);
    changed.clear();
    model.apply({update(QStringLiteral("a/b/c"), kT0 + 3 * kSecond)}, kT0 + 3 * kSecond);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(model.indexForTopic(QStringLiteral("a/b/c"))
                 .data(TopicTreeModel::OwnMessagesRole)
                 .toLongLong(),
             103);
}

void TestTopicTreeModel::tickRefreshesRowsInSight()
{
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    TopicUpdates updates;
    for (int i = 0; i < 20; ++i)
        updates << update(QStringLiteral("s/t"), kT0);
    model.apply(updates, kT0);
    const QModelIndex s = model.indexForTopic(QStringLiteral("s"), TopicTreeModel::RateColumn);
    QCOMPARE(s.data().toString(), QLocale().toString(2.0, 'f', 1));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.tick(kT0 + 20 * kSecond);
    QCOMPARE(changed.size(), 1); // the root's rows only: nothing is expanded
    QCOMPARE(changed[0].at(0).toModelIndex().column(), int(TopicTreeModel::RateColumn));
    QCOMPARE(changed[0].at(1).toModelIndex().column(), int(TopicTreeModel::LastActivityColumn));
    QCOMPARE(s.data().toString(), QString()); // no rate any more
    QCOMPARE(model.indexForTopic(QStringLiteral("s"), TopicTreeModel::LastActivityColumn)
                 .data()
                 .toString(),
             TopicTreeModel::ageText(20 * kSecond));
}

void TestTopicTreeModel::findsTopicsAndRetained()
{
    TopicTreeModel model;
    model.apply({update(QStringLiteral("dev/1/state"), kT0, "on", true),
                 update(QStringLiteral("dev/2/state"), kT0, "on", true),
                 update(QStringLiteral("dev/3/state"), kT0, "live"),
                 update(QStringLiteral("other"), kT0, "x", true)},
                kT0);
    const QModelIndex dev = model.indexForTopic(QStringLiteral("dev"));
    QVERIFY(dev.isValid());
    QCOMPARE(dev.data(TopicTreeModel::TopicRole).toString(), QStringLiteral("dev"));
    QCOMPARE(model.retainedTopicsUnder(dev),
             (QStringList{QStringLiteral("dev/1/state"), QStringLiteral("dev/2/state")}));
    QCOMPARE(model.retainedTopicsUnder({}).size(), 3);
    QVERIFY(!model.indexForTopic(QStringLiteral("dev/9")).isValid());
    QCOMPARE(model.indexForTopic(QStringLiteral("dev/1/state"), TopicTreeModel::RetainedColumn)
                 .data()
                 .toString(),
             QStringLiteral("R"));
    model.markRetainedCleared({QStringLiteral("dev/1/state")});
    QCOMPARE(model.retainedTopicsUnder(dev), QStringList{QStringLiteral("dev/2/state")});
}

void TestTopicTreeModel::texts()
{
    TopicTreeModel model;
    model.apply({update(QStringLiteral("a//b"), kT0, "{\"t\": 21.5,\n \"ok\": true}"),
                 update(QStringLiteral("bin"), kT0, QByteArray("\x00\x01\xff", 3))},
                kT0);
    QCOMPARE(model.indexForTopic(QStringLiteral("a/")).data().toString(),
             TopicTreeModel::emptyLevelText());
    QVERIFY(!TopicTreeModel::emptyLevelText().isEmpty());
    QCOMPARE(
        model.indexForTopic(QStringLiteral("a//b"), TopicTreeModel::ValueColumn).data().toString(),
        QStringLiteral("{\"t\": 21.5, \"ok\": true}"));
    QCOMPARE(
        model.indexForTopic(QStringLiteral("bin"), TopicTreeModel::ValueColumn).data().toString(),
        QStringLiteral("00 01 ff"));
    // A multi-byte character cut by the preview is still text.
    QByteArray cut = QByteArray(TopicUpdate::kPreviewBytes - 1, 'a') + "\xe2\x82";
    QVERIFY(TopicTreeModel::valueText(cut, 400).endsWith(QStringLiteral("…")));
    QVERIFY(TopicTreeModel::valueText(cut, 400).startsWith(QStringLiteral("aaa")));
    QCOMPARE(TopicTreeModel::valueText({}, 0), QStringLiteral("(empty)"));
    QCOMPARE(TopicTreeModel::ageText(5 * kSecond), QStringLiteral("5 s"));
    QCOMPARE(TopicTreeModel::ageText(125 * kSecond), QStringLiteral("2 min"));
    QCOMPARE(TopicTreeModel::ageText(7300 * kSecond), QStringLiteral("2 h"));
    QCOMPARE(TopicTreeModel::ageText(3 * 86400 * kSecond), QStringLiteral("3 d"));
    QCOMPARE(model.headerData(TopicTreeModel::TopicColumn, Qt::Horizontal).toString(),
             QStringLiteral("Topic"));
}

void TestTopicTreeModel::valuesFollowTheStreamFormat()
{
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // A CBOR map {"t": 21} (a1 61 74 15), text shown as hex, JSON on one line, and a CBOR
    // payload cut by the preview (the decoder cannot read it: hex, as without a format).
    const QByteArray cbor("\xa1\x61\x74\x15", 4);
    QByteArray cutCbor("\xbf", 1);
    for (int i = 0; i < 200; ++i)
        cutCbor += QByteArray("\x61\x6b\x19\x01\x00", 5);
    model.apply({update(QStringLiteral("cbor"), kT0, cbor),
                 update(QStringLiteral("hex"), kT0, "AB"),
                 update(QStringLiteral("json"), kT0, "{\n  \"a\": 1\n}"),
                 update(QStringLiteral("cut"), kT0, cutCbor)},
                kT0);
    const auto value = [&model](const QString &topic) {
        return model.indexForTopic(topic, TopicTreeModel::ValueColumn).data().toString();
    };
    QCOMPARE(value(QStringLiteral("hex")), QStringLiteral("AB"));
    QVERIFY(!value(QStringLiteral("cbor")).contains(QStringLiteral("\"t\"")));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setFormatResolver([](const QString &topic) {
        if (topic == QLatin1String("cbor") || topic == QLatin1String("cut"))
            return PayloadFormat::Cbor;
        if (topic == QLatin1String("hex"))
            return PayloadFormat::Hex;
        if (topic == QLatin1String("json"))
            return PayloadFormat::Json;
        return PayloadFormat::Auto;
    });
    // The rows in sight are drawn again.
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), int(TopicTreeModel::ValueColumn));
    QCOMPARE(changed.first().at(1).toModelIndex().row(), model.rowCount() - 1);

    QVERIFY2(value(QStringLiteral("cbor")).contains(QStringLiteral("\"t\"")) &&
                 value(QStringLiteral("cbor")).contains(QStringLiteral("21")),
             qPrintable(value(QStringLiteral("cbor"))));
    QVERIFY2(value(QStringLiteral("hex")).contains(QStringLiteral("41 42")),
             qPrintable(value(QStringLiteral("hex"))));
    QVERIFY(!value(QStringLiteral("hex")).contains(QLatin1Char('\n')));
    QVERIFY2(value(QStringLiteral("json")).contains(QStringLiteral("\"a\": 1")),
             qPrintable(value(QStringLiteral("json"))));
    QVERIFY(!value(QStringLiteral("json")).contains(QLatin1Char('\n')));
    QVERIFY(value(QStringLiteral("cut")).endsWith(QStringLiteral("…")));
    QCOMPARE(model.indexForTopic(QStringLiteral("hex"), TopicTreeModel::ValueColumn)
                 .data(Qt::ToolTipRole)
                 .toString(),
             value(QStringLiteral("hex")));

    model.setFormatResolver({});
    QCOMPARE(value(QStringLiteral("hex")), QStringLiteral("AB"));
}

void TestTopicTreeModel::updatesReachTheViewAtMostOncePerInterval()
{
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUpdateInterval(200);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // The first batch is shown at once.
    model.apply({update(QStringLiteral("a/1"), kT0)}, kT0);
    QVERIFY(model.indexForTopic(QStringLiteral("a/1")).isValid());
    const int insertsBefore = int(inserted.size());
    // The next ones within the interval wait, then come as one insertion per parent.
    for (int i = 2; i <= 40; ++i)
        model.apply({update(QStringLiteral("a/%1").arg(i), kT0 + i),
                     update(QStringLiteral("b/%1").arg(i), kT0 + i),
                     update(QStringLiteral("a/1"), kT0 + i)},
                    kT0 + i);
    QVERIFY(!model.indexForTopic(QStringLiteral("a/2")).isValid());
    QCOMPARE(inserted.size(), insertsBefore);
    QCOMPARE(model.rowCount(), 1);
    const qsizetype changesBefore = changed.size();
    QTRY_VERIFY(model.indexForTopic(QStringLiteral("a/40")).isValid());
    // "b" at the top, then a's 39 and b's 39 new children: three insertions.
    QCOMPARE(inserted.size(), insertsBefore + 3);
    QCOMPARE(model.rowCount(model.indexForTopic(QStringLiteral("a"))), 40);
    QCOMPARE(model.indexForTopic(QStringLiteral("a/1")).data(TopicTreeModel::OwnMessagesRole),
             QVariant(qint64(40)));
    // a/1's many changes were told once (only top-level rows are in sight here).
    QCOMPARE(changed.size(), changesBefore + 1);
    // flush() shows what waits at once.
    model.apply({update(QStringLiteral("c"), kT0 + 50)}, kT0 + 50);
    model.flush();
    QVERIFY(model.indexForTopic(QStringLiteral("c")).isValid());
    // clear() drops what waits.
    model.apply({update(QStringLiteral("d"), kT0 + 60)}, kT0 + 60);
    model.clear();
    model.flush();
    QCOMPARE(model.rowCount(), 0);
}

void TestTopicTreeModel::filteredProxyShowsNewSubtrees()
{
    // A new subtree arrives at its top with its levels in place: a filter that matches deep
    // inside it shows it, with its ancestors, as it arrives.
    TopicTreeModel model;
    TopicTreeFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.apply({update(QStringLiteral("plant/a/temp"), kT0)}, kT0);
    proxy.setFilterText(QStringLiteral("+/+/+/humidity"));
    QCOMPARE(proxy.rowCount(), 0);
    model.apply({update(QStringLiteral("plant/b/c/humidity"), kT0 + 1),
                 update(QStringLiteral("site/x/y/humidity"), kT0 + 1),
                 update(QStringLiteral("site/x/y/other"), kT0 + 1)},
                kT0 + 1);
    QCOMPARE(proxy.rowCount(), 2);
    const QModelIndex plant = proxy.index(0, 0);
    QCOMPARE(plant.data().toString(), QStringLiteral("plant"));
    QCOMPARE(proxy.rowCount(plant), 1); // b, not a
    const QModelIndex site = proxy.index(1, 0);
    const QModelIndex y = proxy.index(0, 0, proxy.index(0, 0, site));
    QCOMPARE(proxy.rowCount(y), 1); // humidity, not other
    QCOMPARE(proxy.index(0, 0, y).data().toString(), QStringLiteral("humidity"));
}

QTEST_GUILESS_MAIN(TestTopicTreeModel)
#include "tst_topic_tree_model.moc"
