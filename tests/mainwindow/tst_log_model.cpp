#include "ui/connections/log_model.h"

#include <QAbstractItemModelTester>
#include <QTest>

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
};

QTEST_MAIN(TestLogModel)
#include "tst_log_model.moc"
