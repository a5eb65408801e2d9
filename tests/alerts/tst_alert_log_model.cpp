// AlertLogModel under QAbstractItemModelTester: a batch of events is one insertion at the
// end; the log is bounded (the oldest rows go first, a batch larger than the log keeps its
// newest); the columns, the roles a view uses to show the message in its stream, and clear.
#include "core/alerts/alert_log_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace mqttdesk;

namespace {

AlertEvent alertEvent(int n, AlertEvent::Type type = AlertEvent::Type::Fired)
{
    AlertEvent e;
    e.type = type;
    e.timeMs = 1'700'000'000'000 + n;
    e.ruleName = QStringLiteral("Rule %1").arg(n);
    e.filter = QStringLiteral("plant/+/temp");
    e.topic = QStringLiteral("plant/%1/temp").arg(n);
    e.value = QString::number(n);
    e.sequence = quint64(n + 1);
    return e;
}

QList<AlertEvent> events(int from, int count)
{
    QList<AlertEvent> out;
    for (int i = from; i < from + count; ++i)
        out.append(alertEvent(i));
    return out;
}

} // namespace

class TestAlertLogModel : public QObject
{
    Q_OBJECT
private slots:
    void batchIsOneInsertion()
    {
        AlertLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.append(1, QStringLiteral("Plant"), events(0, 5));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 4);
        model.append(2, QStringLiteral("Lab"), events(5, 3));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 5);
        QCOMPARE(model.rowCount(), 8);
        model.append(2, QStringLiteral("Lab"), {}); // nothing: no signal
        QCOMPARE(inserted.size(), 2);
    }

    void columnsAndRoles()
    {
        AlertLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        AlertEvent fired = alertEvent(1);
        fired.messageTimeUs = 1'700'000'000'123'456;
        fired.publish = PublishPacket();
        AlertEvent silence = alertEvent(2, AlertEvent::Type::Cleared);
        silence.topic.clear();
        silence.kind = AlertKind::Silence;
        silence.actionError = QStringLiteral("no topic");
        model.append(42, QStringLiteral("Plant"), {fired, silence});
        QCOMPARE(model.columnCount(), int(AlertLogModel::ColumnCount));
        const auto text = [&](int row, int column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(text(0, AlertLogModel::ConnectionColumn), QStringLiteral("Plant"));
        QCOMPARE(text(0, AlertLogModel::RuleColumn), QStringLiteral("Rule 1"));
        QCOMPARE(text(0, AlertLogModel::EventColumn), QStringLiteral("Fired"));
        QCOMPARE(text(0, AlertLogModel::TopicColumn), QStringLiteral("plant/1/temp"));
        QCOMPARE(text(0, AlertLogModel::ValueColumn), QStringLiteral("1"));
        QCOMPARE(text(0, AlertLogModel::TimeColumn),
                 QDateTime::fromMSecsSinceEpoch(fired.timeMs)
                     .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
        QCOMPARE(text(1, AlertLogModel::EventColumn), QStringLiteral("Cleared"));
        // No message behind it: the rule's filter says what went quiet.
        QCOMPARE(text(1, AlertLogModel::TopicColumn), QStringLiteral("plant/+/temp"));
        QVERIFY(model.index(1, AlertLogModel::EventColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("no topic")));

        const QModelIndex first = model.index(0, 0);
        QCOMPARE(first.data(AlertLogModel::ProfileIdRole).toLongLong(), 42);
        QCOMPARE(first.data(AlertLogModel::FiredRole).toBool(), true);
        QCOMPARE(model.index(1, 0).data(AlertLogModel::FiredRole).toBool(), false);
        // The message's own received time (ms), so that the stream finds that message.
        QCOMPARE(first.data(AlertLogModel::StreamTimeRole).toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC));
        QCOMPARE(model.index(1, 0).data(AlertLogModel::StreamTimeRole).toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(silence.timeMs, Qt::UTC));
        QVERIFY(!model.entries().at(0).event.publish); // not kept
        QCOMPARE(model.headerData(AlertLogModel::RuleColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Rule"));
    }

    void boundedDropsTheOldest()
    {
        AlertLogModel model(nullptr, 10);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.append(1, QStringLiteral("A"), events(0, 8));
        QVERIFY(removed.isEmpty());
        model.append(1, QStringLiteral("A"), events(8, 5)); // 13: the first 3 go
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(removed.at(0).at(2).toInt(), 2);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.entries().first().event.ruleName, QStringLiteral("Rule 3"));
        QCOMPARE(model.entries().last().event.ruleName, QStringLiteral("Rule 12"));

        // A batch larger than the log: only its newest rows stay.
        model.append(2, QStringLiteral("B"), events(100, 25));
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.entries().first().event.ruleName, QStringLiteral("Rule 115"));
        QCOMPARE(model.entries().last().event.ruleName, QStringLiteral("Rule 124"));
        QCOMPARE(model.entries().first().connectionName, QStringLiteral("B"));

        // One at a time at the bound: one row out, one in.
        model.append(3, QStringLiteral("C"), events(200, 1));
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.entries().last().event.ruleName, QStringLiteral("Rule 200"));
        QCOMPARE(model.entries().first().event.ruleName, QStringLiteral("Rule 116"));
    }

    void defaultBoundIsTenThousand()
    {
        AlertLogModel model;
        QCOMPARE(model.capacity(), 10000);
        model.append(1, QStringLiteral("A"), events(0, 10000));
        model.append(1, QStringLiteral("A"), events(10000, 1));
        QCOMPARE(model.rowCount(), 10000);
        QCOMPARE(model.entries().first().event.ruleName, QStringLiteral("Rule 1"));
    }

    void clearEmpties()
    {
        AlertLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(1, QStringLiteral("A"), events(0, 3));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.size(), 1);
        model.clear(); // already empty: nothing
        QCOMPARE(reset.size(), 1);
        model.append(1, QStringLiteral("A"), events(3, 2));
        QCOMPARE(model.rowCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestAlertLogModel)
#include "tst_alert_log_model.moc"
