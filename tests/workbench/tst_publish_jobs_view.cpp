// The list of timed sends: the note while there are none, the buttons enabled by what the
// jobs do, and each one acting on the model. Jobs are real: on a connection that is not open
// (one stops at once with an error, one pauses, waiting for it) and against the mosquitto of
// tests/fixture (two jobs running until Stop all).
#include "core/publishjob/publish_job_list_model.h"
#include "tests/connection/client_probe.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"
#include "ui/workbench/publish_jobs_view.h"

#include <QAccessible>
#include <QApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QTranslator>

using namespace mqttdesk;
using namespace Qt::StringLiterals;
using State = PublishJob::State;
using Model = PublishJobListModel;

namespace {

constexpr int kTimeoutMs = 30000;

PublishJob *makeJob(Connection *connection, const QString &name, QoS qos, qint64 count,
                    int intervalMs, PublishJobOptions::OnDisconnect onDisconnect)
{
    PublishTemplate t;
    t.name = name;
    t.topic = u"view/"_s + name + u'/' + TestSettings::uniqueClientId(u"t"_s);
    t.payload = u"{{counter}}"_s;
    t.qos = qos;
    PublishJobOptions o;
    o.count = count;
    o.intervalMs = intervalMs;
    o.onDisconnect = onDisconnect;
    return new PublishJob(connection, CompiledTemplate::compile(t, {}), o);
}

bool showsEmptyNote(const PublishJobsView &view)
{
    return view.emptyLabel()->isVisible() && !view.table()->isVisible();
}

} // namespace

class TstPublishJobsView : public QObject
{
    Q_OBJECT

private:
    TestBroker m_broker;

    std::unique_ptr<ClientProbe> client()
    {
        return std::make_unique<ClientProbe>(
            TestSettings::forListener(m_broker, TestBroker::Listener::Plain, ProtocolVersion::V5));
    }

    static void select(PublishJobsView &view, int row)
    {
        view.table()->selectionModel()->select(view.table()->model()->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect |
                                                   QItemSelectionModel::Rows);
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
    }

    void emptyState()
    {
        PublishJobsView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // No model: the note, nothing to press.
        QVERIFY(showsEmptyNote(view));
        QCOMPARE(view.emptyLabel()->text(),
                 u"No timed sends. Use 'Send repeatedly…' on a template."_s);
        QVERIFY(!view.stopButton()->isEnabled());
        QVERIFY(!view.stopAllButton()->isEnabled());
        QVERIFY(!view.clearEndedButton()->isEnabled());
        // An empty model: the same.
        Model model;
        view.setModel(&model);
        QCOMPARE(view.model(), &model);
        QCOMPARE(view.table()->model(), &model);
        QVERIFY(showsEmptyNote(view));
        // Every button says what it does.
        for (QPushButton *b : {view.stopButton(), view.stopAllButton(), view.clearEndedButton()}) {
            QVERIFY2(!b->text().isEmpty(), qPrintable(b->objectName()));
            QVERIFY2(!b->toolTip().isEmpty(), qPrintable(b->objectName()));
        }
        QAccessibleInterface *table = QAccessible::queryAccessibleInterface(view.table());
        QVERIFY(table);
        QCOMPARE(table->text(QAccessible::Name), u"Timed sends"_s);
    }

    void buttonsOnAClosedConnection()
    {
        auto probe = client(); // never connected
        Model model;
        PublishJobsView view;
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        auto *failed = makeJob(probe->connection(), u"fails"_s, QoS::AtMostOnce, 10, 0,
                               PublishJobOptions::OnDisconnect::Stop);
        auto *waiting = makeJob(probe->connection(), u"waits"_s, QoS::AtLeastOnce, 10, 100,
                                PublishJobOptions::OnDisconnect::Pause);
        QCOMPARE(model.addJob(failed), 0);
        // A row: the table replaces the note.
        QVERIFY(view.table()->isVisible());
        QVERIFY(!view.emptyLabel()->isVisible());
        QCOMPARE(model.addJob(waiting), 1);
        // Added, not started: nothing to stop or clear.
        QVERIFY(!view.stopAllButton()->isEnabled());
        QVERIFY(!view.clearEndedButton()->isEnabled());

        failed->start();  // Stopped: the connection is not open
        waiting->start(); // Paused until it opens
        QCOMPARE(failed->state(), State::Stopped);
        QCOMPARE(waiting->state(), State::Paused);
        QVERIFY(view.stopAllButton()->isEnabled());
        QVERIFY(view.clearEndedButton()->isEnabled());
        QVERIFY(!view.stopButton()->isEnabled()); // nothing selected

        // The table shows the states and the error, with the whole error as a tooltip.
        const QAbstractItemModel *shown = view.table()->model();
        QCOMPARE(shown->index(0, Model::StateColumn).data().toString(), u"Stopped"_s);
        QCOMPARE(shown->index(0, Model::ErrorColumn).data(Qt::ToolTipRole).toString(),
                 u"The connection is not open."_s);
        QCOMPARE(shown->index(1, Model::StateColumn).data().toString(),
                 u"Paused — waiting for the connection"_s);

        // Selecting the ended job: nothing to stop.
        select(view, 0);
        QCOMPARE(view.selectedRows(), QList<int>{0});
        QVERIFY(!view.stopButton()->isEnabled());
        // Selecting the paused one: Stop stops it.
        select(view, 1);
        QVERIFY(view.stopButton()->isEnabled());
        QTest::mouseClick(view.stopButton(), Qt::LeftButton);
        QCOMPARE(waiting->state(), State::Stopped);
        QCOMPARE(model.activeCount(), 0);
        QVERIFY(!view.stopButton()->isEnabled());
        QVERIFY(!view.stopAllButton()->isEnabled());
        QCOMPARE(shown->index(1, Model::StateColumn).data().toString(), u"Stopped"_s);

        // Clear ended: both go, and the note comes back.
        QPointer<PublishJob> gone = waiting;
        QTest::mouseClick(view.clearEndedButton(), Qt::LeftButton);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(showsEmptyNote(view));
        QVERIFY(!view.clearEndedButton()->isEnabled());
        QTRY_VERIFY(gone.isNull());
    }

    void stopAllAgainstTheBroker()
    {
        auto probe = client();
        QVERIFY2(probe->connectAndWait(), probe->describe());
        Model model;
        PublishJobsView view;
        view.setModel(&model);
        view.resize(900, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        auto *a = makeJob(probe->connection(), u"a"_s, QoS::AtMostOnce, 0, 5,
                          PublishJobOptions::OnDisconnect::Stop);
        auto *b = makeJob(probe->connection(), u"b"_s, QoS::AtLeastOnce, 0, 5,
                          PublishJobOptions::OnDisconnect::Pause);
        model.addJob(a);
        model.addJob(b);
        a->start();
        b->start();
        QVERIFY(view.stopAllButton()->isEnabled());
        QVERIFY(!view.clearEndedButton()->isEnabled());
        // Both run, and the table counts what they send.
        const QAbstractItemModel *shown = view.table()->model();
        QTRY_VERIFY_WITH_TIMEOUT(
            shown->index(0, Model::AcknowledgedColumn).data().toString().toInt() >= 3 &&
                shown->index(1, Model::AcknowledgedColumn).data().toString().toInt() >= 3,
            kTimeoutMs);
        QCOMPARE(shown->index(1, Model::StateColumn).data().toString(), u"Running"_s);
        QVERIFY(shown->index(1, Model::RateColumn).data().toString().endsWith(u"/s"_s));
        // Selecting both enables Stop.
        view.table()->selectAll();
        QCOMPARE(view.selectedRows(), (QList<int>{0, 1}));
        QVERIFY(view.stopButton()->isEnabled());
        view.table()->clearSelection();
        QVERIFY(!view.stopButton()->isEnabled());

        QTest::mouseClick(view.stopAllButton(), Qt::LeftButton);
        QCOMPARE(a->state(), State::Stopped);
        QCOMPARE(b->state(), State::Stopped);
        QVERIFY(!view.stopAllButton()->isEnabled());
        // Clear ended once a job has nothing in flight any more (the QoS 0 one at once).
        QTRY_VERIFY_WITH_TIMEOUT(view.clearEndedButton()->isEnabled(), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(model.endedCount(), 2, kTimeoutMs);
        QCOMPARE(shown->index(1, Model::SentColumn).data().toString(),
                 QLocale().toString(b->stats().sent));
        QCOMPARE(b->stats().acknowledged, b->stats().sent);
        QTest::mouseClick(view.clearEndedButton(), Qt::LeftButton);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(showsEmptyNote(view));
        QVERIFY(probe->disconnectAndWait());
    }

    void modelGoesAway()
    {
        auto probe = client();
        PublishJobsView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        {
            Model model;
            view.setModel(&model);
            auto *job = makeJob(probe->connection(), u"p"_s, QoS::AtMostOnce, 0, 10,
                                PublishJobOptions::OnDisconnect::Pause);
            model.addJob(job);
            job->start();
            QVERIFY(view.stopAllButton()->isEnabled());
            QVERIFY(view.table()->isVisible());
        }
        QTRY_VERIFY(!view.stopAllButton()->isEnabled());
        QCOMPARE(view.model(), nullptr);
        QVERIFY(showsEmptyNote(view));
        // Another model takes its place.
        Model other;
        view.setModel(&other);
        other.addJob(makeJob(probe->connection(), u"q"_s, QoS::AtMostOnce, 1, 0,
                             PublishJobOptions::OnDisconnect::Stop));
        QVERIFY(view.table()->isVisible());
        view.setModel(nullptr);
        QVERIFY(showsEmptyNote(view));
        QCOMPARE(view.table()->model(), nullptr);
    }

    void retranslates();
};

// Translates a few texts of the view and of its model's header.
class FakeTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        const QByteArrayView c(context);
        const QByteArrayView s(source);
        if (c == "mqttdesk::PublishJobsView" && s == "Stop &all")
            return u"全部停止(&A)"_s;
        if (c == "mqttdesk::PublishJobListModel" && s == "Sent")
            return u"已发送"_s;
        return {};
    }
};

void TstPublishJobsView::retranslates()
{
    Model model;
    PublishJobsView view;
    view.setModel(&model);
    const auto header = [&] {
        return view.table()->model()->headerData(Model::SentColumn, Qt::Horizontal).toString();
    };
    QCOMPARE(view.stopAllButton()->text(), u"Stop &all"_s);
    QCOMPARE(header(), u"Sent"_s);
    int headerChanges = 0;
    connect(&model, &QAbstractItemModel::headerDataChanged, this, [&] { ++headerChanges; });
    FakeTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QTRY_COMPARE(view.stopAllButton()->text(), u"全部停止(&A)"_s);
    QCOMPARE(header(), u"已发送"_s);
    QVERIFY(headerChanges >= 1); // the header view repaints
    QCoreApplication::removeTranslator(&translator);
    QTRY_COMPARE(view.stopAllButton()->text(), u"Stop &all"_s);
}

QTEST_MAIN(TstPublishJobsView)
#include "tst_publish_jobs_view.moc"
