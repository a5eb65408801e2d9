#include "tests/fixture/test_broker.h"
#include "tests/mainwindow/main_window_fixture.h"
#include "tests/support/scripted_prompts.h"
#include "ui/connections/connection_controller.h"
#include "ui/connections/connection_list_model.h"
#include "ui/connections/connection_sidebar.h"
#include "ui/connections/connection_workspace.h"
#include "ui/mainwindow/connection_actions.h"
#include "ui/stream/connection_view.h"
#include "ui/subscriptions/subscription_list_model.h"
#include "ui/subscriptions/subscription_panel.h"

#include <QAction>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <ctime>

using namespace mqttdesk;

namespace {

// CPU time the calling thread has used, in ns.
qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// The GUI thread's share of one CPU while its event loop runs for `ms` (waits on a timer).
double guiCpuPercent(int ms)
{
    QTimer window;
    window.setSingleShot(true);
    QSignalSpy done(&window, &QTimer::timeout);
    QElapsedTimer wall;
    const qint64 cpuStart = threadCpuNs();
    wall.start();
    window.start(ms);
    if (!done.wait(ms * 20))
        return 100;
    return 100.0 * double(threadCpuNs() - cpuStart) / double(qMax<qint64>(1, wall.nsecsElapsed()));
}

} // namespace

// The app during and after a flood, with View > Log packets on and the log shown (the
// costliest setup): the GUI thread's work stays small per message, and once everything is
// stored the GUI goes quiet instead of working off a backlog for minutes.
// MQTTDESK_FLOOD_MESSAGES sets the flood's size (default 20,000).
class TestMainWindowIdle : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void guiGoesIdleAfterAFlood()
    {
        const int wanted = qEnvironmentVariableIntValue("MQTTDESK_FLOOD_MESSAGES");
        const int messages = wanted > 0 ? wanted : 20000;
        MainWindowFixture f;
        MainWindow *w = f.window();
        w->resize(1280, 800);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        auto *logPackets = w->findChild<QAction *>(QStringLiteral("logPacketsAction"));
        QVERIFY(logPackets);
        logPackets->setChecked(true);
        auto *logDock = w->findChild<QDockWidget *>(QStringLiteral("logDock"));
        QVERIFY(logDock);
        logDock->show();

        const quint16 port = m_broker.port(TestBroker::Listener::Plain);
        const qint64 id =
            f.createThroughDialog(MainWindowFixture::profile(QStringLiteral("Flood"), port));
        QVERIFY(id != 0);
        w->sidebar()->select(id);
        QVERIFY(w->actions()->connectAction->isEnabled());
        w->actions()->connectAction->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(w->connectionModel()->status(id),
                                  ConnectionListModel::Status::Connected, 15000);
        ConnectionController *controller = w->workspace()->controller(id);
        QVERIFY(controller);
        ConnectionView *view = controller->view();
        view->subscriptionPanel()->filterEdit()->setText(QStringLiteral("flood/#"));
        QVERIFY(view->subscriptionPanel()->addFromForm());
        QTRY_COMPARE_WITH_TIMEOUT(view->subscriptions()->at(0).state,
                                  SubscriptionEntry::State::Active, 15000);

        const qint64 cpuBefore = threadCpuNs();
        QProcess pub;
        pub.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        pub.start(QStringLiteral("mosquitto_pub"),
                  {QStringLiteral("-h"), TestBroker::host(), QStringLiteral("-p"),
                   QString::number(port), QStringLiteral("-t"), QStringLiteral("flood/a"),
                   QStringLiteral("-q"), QStringLiteral("0"), QStringLiteral("-l")});
        QVERIFY(pub.waitForStarted(10000));
        QByteArray lines;
        for (int i = 0; i < messages; ++i)
            lines += "flood payload " + QByteArray::number(i) + " abcdefghijklmnopqrstuvwxyz\n";
        pub.write(lines);
        pub.closeWriteChannel();
        QTRY_COMPARE_WITH_TIMEOUT(pub.state(), QProcess::NotRunning, 120000);
        QTRY_COMPARE_WITH_TIMEOUT(controller->stored(), qint64(messages), 120000);

        // A log line per packet laid the whole log out again for each line: ~150 µs of GUI
        // time per message, minutes of work behind a flood of a million.
        const double usPerMessage = double(threadCpuNs() - cpuBefore) / 1000.0 / messages;
        qInfo("GUI thread: %.1f us of CPU per message", usPerMessage);
        QVERIFY2(usPerMessage < 40, qPrintable(QString::number(usPerMessage)));

        // Then quiet: nothing left to work off, no timer that keeps polling.
        double cpu = 100;
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 30000) {
            cpu = guiCpuPercent(1000);
            if (cpu < 10)
                break;
        }
        qInfo("GUI thread after the flood: %.1f%% CPU", cpu);
        QVERIFY2(cpu < 10, qPrintable(QString::number(cpu)));
        w->actions()->disconnectAction->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(w->connectionModel()->status(id),
                                  ConnectionListModel::Status::Disconnected, 15000);
    }

private:
    TestBroker m_broker;
    ScriptedPrompts m_prompts; // nothing may open a modal box
};

QTEST_MAIN(TestMainWindowIdle)
#include "tst_main_window_idle.moc"
