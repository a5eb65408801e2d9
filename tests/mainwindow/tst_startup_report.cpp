#include "tests/stream/stream_test_support.h"
#include "ui/mainwindow/startup_report.h"
#include "ui/stream/message_stream_model.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

using namespace mqttdesk;

// StartupReport (scripts/bench-startup): milestones are stamped at the first paint after they
// are reached, the report comes once every one is in, and a stream milestone waits for the
// stream's rows.
class TestStartupReport : public QObject
{
    Q_OBJECT
private slots:
    void reportsMilestonesInOrderOncePainted()
    {
        QWidget window;
        window.resize(320, 200);
        StartupReport report(&window, {QStringLiteral("a"), QStringLiteral("b")}, 0);
        QSignalSpy finished(&report, &StartupReport::finished);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        report.reach(QStringLiteral("a"));
        report.reach(QStringLiteral("a"));       // again: ignored
        report.reach(QStringLiteral("unknown")); // not a milestone: ignored
        report.note(QStringLiteral("extra"), 7);
        // "a" is painted, "b" is still missing: no report yet.
        QCoreApplication::processEvents();
        QCOMPARE(finished.count(), 0);
        report.reach(QStringLiteral("b"));
        QVERIFY(finished.wait(5000));
        const QJsonObject r = finished.at(0).at(0).toJsonObject();
        const qint64 painted = qint64(r.value(QStringLiteral("firstPaintEpochMs")).toDouble());
        const qint64 a = qint64(r.value(QStringLiteral("aEpochMs")).toDouble());
        const qint64 b = qint64(r.value(QStringLiteral("bEpochMs")).toDouble());
        QVERIFY(painted > 0);
        QVERIFY(painted <= a);
        QVERIFY(a <= b);
        QCOMPARE(r.value(QStringLiteral("extra")).toInt(), 7);
        QVERIFY(!r.contains(QStringLiteral("unknownEpochMs")));
        QVERIFY(r.value(QStringLiteral("idleRssKb")).toDouble() > 0);
        QVERIFY(r.value(QStringLiteral("peakRssKb")).toDouble() >=
                r.value(QStringLiteral("idleRssKb")).toDouble());
    }

    // With rows, and with none: reached once the first page has loaded, with its row count.
    void streamMilestoneWaitsForTheFirstPage_data()
    {
        QTest::addColumn<int>("messages");
        QTest::newRow("30 messages") << 30;
        QTest::newRow("empty history") << 0;
    }

    void streamMilestoneWaitsForTheFirstPage()
    {
        QFETCH(int, messages);
        StreamTestStore store;
        QVERIFY(store.isReady());
        QVERIFY(store.ensureProfile(1));
        QList<StoredMessage> stored;
        for (int i = 0; i < messages; ++i) {
            stored.append(
                StreamTestStore::message(QStringLiteral("t/%1").arg(i), QByteArray::number(i)));
        }
        QVERIFY(store.store(stored));
        const std::unique_ptr<MessageHistory> history = store.history(1);
        QVERIFY(history);

        QWidget window;
        window.resize(320, 200);
        // A background reader, as in the app: the first page lands on a later turn.
        auto *model = new MessageStreamModel(history.get(), store.path(), &window);
        StartupReport report(&window, {QStringLiteral("history")}, 0);
        QSignalSpy finished(&report, &StartupReport::finished);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        report.reachWhenStreamLoaded(QStringLiteral("history"));
        QVERIFY(finished.wait(10000));
        const QJsonObject r = finished.at(0).at(0).toJsonObject();
        QCOMPARE(model->rowCount(), messages);
        QCOMPARE(r.value(QStringLiteral("historyRows")).toInt(), messages);
        QVERIFY(r.value(QStringLiteral("historyEpochMs")).toDouble() >=
                r.value(QStringLiteral("firstPaintEpochMs")).toDouble());
    }
};

QTEST_MAIN(TestStartupReport)
#include "tst_startup_report.moc"
