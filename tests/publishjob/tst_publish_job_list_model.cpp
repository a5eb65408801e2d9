// PublishJobListModel under QAbstractItemModelTester, with real jobs against the mosquitto of
// tests/fixture: a 50-message job running to Finished (counts, rate, rows changed one at a
// time), stopAll() on two jobs that run until stopped, removeEnded() keeping what still runs
// or still waits for acknowledgements, jobs on a closed connection (stopped with an error, or
// paused and then resumed), a job deleted from outside, the texts.
#include "core/publishjob/publish_job_list_model.h"

#include "tests/connection/client_probe.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace mqttdesk;
using namespace Qt::StringLiterals;
using State = PublishJob::State;
using Model = PublishJobListModel;

namespace {

constexpr int kTimeoutMs = 30000;

QString uniqueTopic(const QString &prefix)
{
    return QStringLiteral("jobs/") + prefix + QLatin1Char('/') +
           TestSettings::uniqueClientId(QStringLiteral("t"));
}

CompiledTemplate compiled(const QString &name, const QString &topic, QoS qos)
{
    PublishTemplate t;
    t.name = name;
    t.topic = topic;
    t.payload = QStringLiteral("{{counter}}");
    t.qos = qos;
    return CompiledTemplate::compile(t, {});
}

PublishJobOptions
options(qint64 count, int intervalMs,
        PublishJobOptions::OnDisconnect onDisconnect = PublishJobOptions::OnDisconnect::Stop)
{
    PublishJobOptions o;
    o.count = count;
    o.intervalMs = intervalMs;
    o.onDisconnect = onDisconnect;
    return o;
}

QString cell(const Model &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

QList<int> ints(const QSignalSpy &spy)
{
    QList<int> out;
    for (const QList<QVariant> &args : spy)
        out << args.at(0).toInt();
    return out;
}

} // namespace

class TstPublishJobListModel : public QObject
{
    Q_OBJECT

private:
    TestBroker m_broker;

    std::unique_ptr<ClientProbe> client()
    {
        return std::make_unique<ClientProbe>(
            TestSettings::forListener(m_broker, TestBroker::Listener::Plain, ProtocolVersion::V5));
    }

    std::unique_ptr<ClientProbe> connected()
    {
        auto c = client();
        if (!c->connectAndWait()) {
            qWarning("%s", c->describe().constData());
            return nullptr;
        }
        return c;
    }

private slots:
    void initTestCase()
    {
        // Group separators in the counts and rates.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
    }

    void empty()
    {
        Model model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(Model::ColumnCount));
        QCOMPARE(model.activeCount(), 0);
        QCOMPARE(model.endedCount(), 0);
        QCOMPARE(model.jobAt(0), nullptr);
        QCOMPARE(model.jobAt(-1), nullptr);
        const QStringList expected{u"Template"_s, u"State"_s, u"Sent"_s,      u"Acknowledged"_s,
                                   u"Failed"_s,   u"Rate"_s,  u"Last error"_s};
        for (int c = 0; c < Model::ColumnCount; ++c)
            QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), expected.at(c));
        // Nothing to act on: no crash, no signal.
        QSignalSpy active(&model, &Model::activeCountChanged);
        model.stop(0);
        model.stopAll();
        model.removeEnded();
        QCOMPARE(active.size(), 0);
        QSignalSpy header(&model, &QAbstractItemModel::headerDataChanged);
        model.retranslate();
        QCOMPARE(header.size(), 1);
    }

    void texts()
    {
        QCOMPARE(Model::rateText(1234.4), u"1,234/s"_s);
        QCOMPARE(Model::rateText(2.54), u"2.5/s"_s);
        QCOMPARE(Model::rateText(0), u"0/s"_s);
        QCOMPARE(Model::rateText(12.5), u"13/s"_s);
        QCOMPARE(Model::stateText(State::Running), u"Running"_s);
        QCOMPARE(Model::stateText(State::Paused), u"Paused — waiting for the connection"_s);
        QCOMPARE(Model::stateText(State::Finished), u"Finished"_s);
        QCOMPARE(Model::stateText(State::Stopped), u"Stopped"_s);
    }

    void fiftyFinish()
    {
        auto probe = connected();
        QVERIFY(probe);
        Model model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy active(&model, &Model::activeCountChanged);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        auto *job = new PublishJob(
            probe->connection(),
            compiled(u"Pump speed"_s, uniqueTopic(u"fifty"_s), QoS::AtLeastOnce), options(50, 0));
        QCOMPARE(model.addJob(job), 0);
        QCOMPARE(job->parent(), &model);
        QCOMPARE(model.jobAt(0), job);
        QCOMPARE(model.rowOf(job), 0);
        QCOMPARE(inserted.size(), 1);
        // Added, not started.
        QCOMPARE(job->state(), State::Idle);
        QCOMPARE(model.activeCount(), 0);
        QCOMPARE(cell(model, 0, Model::TemplateColumn), u"Pump speed"_s);
        QVERIFY(cell(model, 0, Model::TemplateColumn, Qt::ToolTipRole).contains(u"jobs/fifty/"_s));
        QCOMPARE(cell(model, 0, Model::SentColumn), u"0"_s);
        QCOMPARE(cell(model, 0, Model::RateColumn), QString());
        // The same job again keeps its row.
        QCOMPARE(model.addJob(job), 0);
        QCOMPARE(model.rowCount(), 1);

        job->start();
        QCOMPARE(model.activeCount(), 1);
        QCOMPARE(ints(active), QList<int>{1});
        QCOMPARE(cell(model, 0, Model::StateColumn), u"Running"_s);
        QCOMPARE(model.data(model.index(0, 0), Model::ActiveRole).toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(job->state(), State::Finished, kTimeoutMs);

        QCOMPARE(ints(active), (QList<int>{1, 0}));
        QCOMPARE(model.activeCount(), 0);
        QCOMPARE(model.endedCount(), 1);
        QCOMPARE(cell(model, 0, Model::StateColumn), u"Finished"_s);
        QCOMPARE(model.data(model.index(0, 0), Model::StateRole).toInt(), int(State::Finished));
        QCOMPARE(model.data(model.index(0, 0), Model::EndedRole).toBool(), true);
        QCOMPARE(cell(model, 0, Model::SentColumn), u"50"_s);
        QCOMPARE(cell(model, 0, Model::AcknowledgedColumn), u"50"_s);
        QCOMPARE(cell(model, 0, Model::FailedColumn), u"0"_s);
        QCOMPARE(cell(model, 0, Model::ErrorColumn), QString());
        QVERIFY(!model.data(model.index(0, Model::ErrorColumn), Qt::ToolTipRole).isValid());
        QVERIFY(job->stats().rate > 0);
        QCOMPARE(cell(model, 0, Model::RateColumn), Model::rateText(job->stats().rate));
        QVERIFY(cell(model, 0, Model::RateColumn).endsWith(u"/s"_s));
        QCOMPARE(model.data(model.index(0, Model::SentColumn), Qt::TextAlignmentRole).toInt(),
                 int(Qt::AlignRight | Qt::AlignVCenter));
        QCOMPARE(job->nextCounter(), quint64(51)); // {{counter}} counted

        // Every change was one whole row.
        QVERIFY(!changed.isEmpty());
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const auto from = args.at(0).toModelIndex();
            const auto to = args.at(1).toModelIndex();
            QCOMPARE(from.row(), 0);
            QCOMPARE(to.row(), 0);
            QCOMPARE(from.column(), 0);
            QCOMPARE(to.column(), Model::ColumnCount - 1);
        }
        QVERIFY(probe->disconnectAndWait());
    }

    void stopAllStopsRunningJobs()
    {
        auto probe = connected();
        QVERIFY(probe);
        Model model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy active(&model, &Model::activeCountChanged);
        auto *qos0 = new PublishJob(probe->connection(),
                                    compiled(u"zero"_s, uniqueTopic(u"all0"_s), QoS::AtMostOnce),
                                    options(0, 5));
        auto *qos1 = new PublishJob(probe->connection(),
                                    compiled(u"one"_s, uniqueTopic(u"all1"_s), QoS::AtLeastOnce),
                                    options(0, 5));
        QCOMPARE(model.addJob(qos0), 0);
        QCOMPARE(model.addJob(qos1), 1);
        qos0->start();
        qos1->start();
        QCOMPARE(model.activeCount(), 2);
        QCOMPARE(ints(active), (QList<int>{1, 2}));
        // Both send, and the table says so.
        QTRY_VERIFY_WITH_TIMEOUT(cell(model, 0, Model::AcknowledgedColumn).toInt() >= 3 &&
                                     cell(model, 1, Model::AcknowledgedColumn).toInt() >= 3,
                                 kTimeoutMs);
        QCOMPARE(cell(model, 1, Model::StateColumn), u"Running"_s);

        model.stopAll();
        const qint64 sent0 = qos0->stats().sent;
        const qint64 sent = qos1->stats().sent;
        QCOMPARE(qos0->state(), State::Stopped);
        QCOMPARE(qos1->state(), State::Stopped);
        QCOMPARE(model.activeCount(), 0);
        QCOMPARE(active.last().at(0).toInt(), 0);
        QCOMPARE(cell(model, 0, Model::StateColumn), u"Stopped"_s);
        QCOMPARE(cell(model, 1, Model::StateColumn), u"Stopped"_s);
        // Once every message is acknowledged, both count as ended.
        QTRY_COMPARE_WITH_TIMEOUT(model.endedCount(), 2, kTimeoutMs);
        // Nothing more was sent meanwhile.
        QCOMPARE(qos0->stats().sent, sent0);
        QCOMPARE(qos1->stats().sent, sent);
        QCOMPARE(qos1->stats().acknowledged, sent);
        QCOMPARE(cell(model, 1, Model::SentColumn), QLocale().toString(sent));
        QCOMPARE(cell(model, 1, Model::AcknowledgedColumn), QLocale().toString(sent));
        QVERIFY(probe->disconnectAndWait());
    }

    void removeEnded()
    {
        auto probe = connected();
        QVERIFY(probe);
        Model model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto make = [&](const QString &name, QoS qos, const PublishJobOptions &o) {
            return new PublishJob(probe->connection(), compiled(name, uniqueTopic(name), qos), o);
        };
        QPointer<PublishJob> finished = make(u"finished"_s, QoS::AtLeastOnce, options(5, 0));
        QPointer<PublishJob> running = make(u"running"_s, QoS::AtMostOnce, options(0, 20));
        QPointer<PublishJob> idle = make(u"idle"_s, QoS::AtMostOnce, options(1, 0));
        QPointer<PublishJob> stopped = make(u"stopped"_s, QoS::AtLeastOnce, options(0, 20));
        for (PublishJob *job : {finished.get(), running.get(), idle.get(), stopped.get()})
            model.addJob(job);
        finished->start();
        running->start();
        stopped->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished->state(), State::Finished, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(stopped->stats().acknowledged > 0, kTimeoutMs);
        stopped->stop();
        QTRY_VERIFY_WITH_TIMEOUT(stopped->isSettled(), kTimeoutMs);
        QCOMPARE(model.endedCount(), 2);

        // A job stopped with messages still in flight stays until they are acknowledged:
        // start() fills the window before any acknowledgement can come back.
        QPointer<PublishJob> inFlight = make(u"inflight"_s, QoS::AtLeastOnce, options(200, 0));
        QCOMPARE(model.addJob(inFlight), 4);
        inFlight->start();
        inFlight->stop();
        QCOMPARE(inFlight->state(), State::Stopped);
        QVERIFY(inFlight->stats().inFlight > 0);
        QCOMPARE(model.data(model.index(4, 0), Model::EndedRole).toBool(), false);
        QVERIFY(cell(model, 4, Model::StateColumn, Qt::ToolTipRole).contains(u"waiting"_s));

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.removeEnded();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.jobAt(0), running.get());
        QCOMPARE(model.jobAt(1), idle.get());
        QCOMPARE(model.jobAt(2), inFlight.get());
        QCOMPARE(removed.size(), 2); // row 3, then row 0
        QCOMPARE(model.rowOf(finished), -1);
        QTRY_VERIFY(finished.isNull());
        QTRY_VERIFY(stopped.isNull());
        QCOMPARE(model.activeCount(), 1);

        // The acknowledgements come in: it ends, and goes on the next removal.
        QTRY_VERIFY_WITH_TIMEOUT(inFlight->isSettled(), kTimeoutMs);
        QCOMPARE(model.data(model.index(2, 0), Model::EndedRole).toBool(), true);
        QCOMPARE(inFlight->stats().acknowledged, inFlight->stats().sent);
        QCOMPARE(cell(model, 2, Model::AcknowledgedColumn),
                 QLocale().toString(inFlight->stats().sent));
        running->stop();
        // Its last QoS 0 message may still be on its way to the socket.
        QTRY_VERIFY_WITH_TIMEOUT(running->isSettled(), kTimeoutMs);
        model.removeEnded();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.jobAt(0), idle.get()); // never started: not ended
        QCOMPARE(cell(model, 0, Model::StateColumn), u"Not started"_s);
        QTRY_VERIFY(running.isNull());
        QTRY_VERIFY(inFlight.isNull());
        QVERIFY(probe->disconnectAndWait());
    }

    void closedConnection()
    {
        auto probe = client(); // not connected
        Model model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy active(&model, &Model::activeCountChanged);
        auto *stopping = new PublishJob(
            probe->connection(), compiled(u"stops"_s, uniqueTopic(u"closed"_s), QoS::AtMostOnce),
            options(10, 0));
        auto *pausing = new PublishJob(
            probe->connection(), compiled(u"pauses"_s, uniqueTopic(u"paused"_s), QoS::AtLeastOnce),
            options(10, 0, PublishJobOptions::OnDisconnect::Pause));
        model.addJob(stopping);
        model.addJob(pausing);
        stopping->start();
        pausing->start();

        QCOMPARE(cell(model, 0, Model::StateColumn), u"Stopped"_s);
        QCOMPARE(cell(model, 0, Model::ErrorColumn), u"The connection is not open."_s);
        QCOMPARE(cell(model, 0, Model::ErrorColumn, Qt::ToolTipRole),
                 u"The connection is not open."_s);
        QCOMPARE(cell(model, 1, Model::StateColumn), u"Paused — waiting for the connection"_s);
        QCOMPARE(cell(model, 1, Model::ErrorColumn), QString());
        QCOMPARE(model.activeCount(), 1);
        QCOMPARE(model.endedCount(), 1);
        QCOMPARE(ints(active), QList<int>{1});

        // The connection opens: the paused job runs and finishes.
        QVERIFY(probe->connectAndWait());
        QTRY_COMPARE_WITH_TIMEOUT(pausing->state(), State::Finished, kTimeoutMs);
        QCOMPARE(cell(model, 1, Model::StateColumn), u"Finished"_s);
        QCOMPARE(cell(model, 1, Model::AcknowledgedColumn), u"10"_s);
        QCOMPARE(ints(active), (QList<int>{1, 0}));
        QVERIFY(probe->disconnectAndWait());
    }

    void deletedJobLeavesItsRow()
    {
        auto probe = client();
        Model model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *a = new PublishJob(probe->connection(), compiled(u"a"_s, u"x/a"_s, QoS::AtMostOnce),
                                 options(0, 10));
        auto *b = new PublishJob(probe->connection(), compiled(u"b"_s, u"x/b"_s, QoS::AtMostOnce),
                                 options(0, 10, PublishJobOptions::OnDisconnect::Pause));
        model.addJob(a);
        model.addJob(b);
        b->start();
        QCOMPARE(model.activeCount(), 1);
        QSignalSpy active(&model, &Model::activeCountChanged);
        delete b;
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.jobAt(0), a);
        QCOMPARE(ints(active), QList<int>{0});
        // Template column: the topic when the template has no name.
        auto *unnamed =
            new PublishJob(probe->connection(),
                           compiled(QString(), u"x/unnamed"_s, QoS::AtMostOnce), options(1, 0));
        QCOMPARE(model.addJob(unnamed), 1);
        QCOMPARE(cell(model, 1, Model::TemplateColumn), u"x/unnamed"_s);
    }
};

QTEST_GUILESS_MAIN(TstPublishJobListModel)
#include "tst_publish_job_list_model.moc"
