#include "ui/connections/log_model.h"
#include "ui/connections/log_view.h"

#include <QAbstractItemModelTester>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace mqttdesk;

class TestLogModel : public QObject
{
    Q_OBJECT
private slots:
    void appendsTimestampedLines()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime ts(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
        model.append(ts, LogModel::Level::Info, QStringLiteral("Local"),
                     QStringLiteral("Connected"));
        model.append(ts, LogModel::Level::Warning, QStringLiteral("Local"),
                     QStringLiteral("Reconnect attempt 1 in 1000 ms"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.index(0, LogModel::TimeColumn).data().toString(),
                 ts.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
        QCOMPARE(model.index(1, LogModel::MessageColumn).data().toString(),
                 QStringLiteral("Reconnect attempt 1 in 1000 ms"));
        QVERIFY(model.index(1, 0).data(Qt::ForegroundRole).isValid());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void boundedCapacity()
    {
        LogModel model(nullptr, 3);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < 5; ++i)
            model.append({}, LogModel::Level::Info, QStringLiteral("c"), QString::number(i));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, LogModel::MessageColumn).data().toString(), QStringLiteral("2"));
        QCOMPARE(model.index(2, LogModel::MessageColumn).data().toString(), QStringLiteral("4"));
    }

    void neverShowsSecrets()
    {
        LogModel model;
        model.addSecret(QStringLiteral("hunter2"));
        model.addSecret(QString()); // ignored
        model.append({}, LogModel::Level::Warning, QStringLiteral("c"),
                     QStringLiteral("server said: bad password hunter2"));
        const QString shown = model.index(0, LogModel::MessageColumn).data().toString();
        QVERIFY(!shown.contains(QStringLiteral("hunter2")));
        QVERIFY(shown.startsWith(QStringLiteral("server said: bad password")));
    }

    // A burst of lines (a packet log during a flood) is followed with one scroll, not one per
    // line: each scroll lays out every row, and per line that kept the GUI thread busy long
    // after the burst.
    void viewFollowsABurstWithOneScroll()
    {
        LogModel model(nullptr, 500);
        LogView dock(&model);
        dock.resize(640, 240);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QScrollBar *bar = dock.view()->verticalScrollBar();
        QSignalSpy scrolled(bar, &QScrollBar::valueChanged);
        for (int i = 0; i < 2000; ++i)
            model.append({}, LogModel::Level::Debug, QStringLiteral("c"), QString::number(i));
        // The newest line is shown ...
        QTRY_VERIFY(bar->maximum() > 0 && bar->value() == bar->maximum());
        const QRect last = dock.view()->visualRect(model.index(model.rowCount() - 1, 0));
        QVERIFY(dock.view()->viewport()->rect().contains(last.center()));
        // ... after one scroll for the whole burst.
        QVERIFY2(scrolled.count() <= 2, qPrintable(QString::number(scrolled.count())));

        // Scrolled up by the user: new lines do not pull the view down.
        bar->setValue(0);
        model.append({}, LogModel::Level::Info, QStringLiteral("c"), QStringLiteral("later"));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.append({}, LogModel::Level::Info, QStringLiteral("c"), QStringLiteral("later 2"));
        QCOMPARE(inserted.count(), 1);
        // A queued scroll would have run before this queued timeout.
        QTimer after;
        after.setSingleShot(true);
        QSignalSpy done(&after, &QTimer::timeout);
        after.start(0);
        QVERIFY(done.wait());
        QCOMPARE(bar->value(), 0);
    }
};

QTEST_MAIN(TestLogModel)
#include "tst_log_model.moc"
