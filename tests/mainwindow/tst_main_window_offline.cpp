// A connection's stored history is there without a connection: selecting a profile that is
// not connected opens its view over the local history, which can be read, filtered and
// searched; connecting later uses the same view (and its secrets), nothing is opened twice.
#include "tests/mainwindow/main_window_fixture.h"
#include "tests/stream/stream_test_support.h"
#include "tests/support/scripted_prompts.h"
#include "ui/connections/connection_controller.h"
#include "ui/connections/connection_header.h"
#include "ui/connections/connection_list_model.h"
#include "ui/connections/connection_sidebar.h"
#include "ui/connections/connection_workspace.h"
#include "ui/mainwindow/profile_commands.h"
#include "ui/stream/connection_view.h"
#include "ui/stream/message_stream_model.h"
#include "ui/stream/message_stream_view.h"

#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

namespace {
constexpr int kWait = 20000;
}

class TestMainWindowOffline : public QObject
{
    Q_OBJECT
private slots:
    void historyIsReadableWhileDisconnected()
    {
        ScriptedPrompts prompts;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        qint64 id = 0;
        qint64 other = 0;
        {
            MainWindowFixture f(dir.path());
            // Port 1: nothing listens there; this test never connects.
            id = f.createThroughDialog(MainWindowFixture::profile(QStringLiteral("Plant"), 1));
            other = f.createThroughDialog(MainWindowFixture::profile(QStringLiteral("Other"), 1));
            QVERIFY(id != 0 && other != 0);
        }
        // What an earlier session stored (the app is closed: one writer per data dir).
        {
            StreamTestStore store(dir.path());
            QVERIFY(store.isReady());
            QList<StoredMessage> messages;
            for (int i = 0; i < 30; ++i)
                messages << StreamTestStore::message(
                    QStringLiteral("plant/line%1/temp").arg(i % 3),
                    i == 17 ? QByteArray("{\"alarm\":\"overheat\"}")
                            : "{\"value\":" + QByteArray::number(i) + "}",
                    StoredMessage::Direction::Incoming, id);
            QVERIFY(store.store(messages));
        }

        MainWindowFixture f(dir.path());
        MainWindow *w = f.window();
        w->resize(1280, 800);
        w->show();
        w->sidebar()->select(id);
        // The view opens without connecting, over the stored rows.
        QTRY_VERIFY_WITH_TIMEOUT(w->workspace()->controller(id), kWait);
        ConnectionController *controller = w->workspace()->controller(id);
        QCOMPARE(w->connectionModel()->status(id), ConnectionListModel::Status::Disconnected);
        QVERIFY(!controller->isOpen());
        QTRY_COMPARE(w->workspace()->stack()->currentWidget(), controller->view());
        MessageStreamView *stream = controller->view()->streamView();
        MessageStreamModel *model = stream->model();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == 30, kWait);
        QCOMPARE(w->workspace()->header()->connectButton()->text(), QStringLiteral("Connect"));

        // Filtered and searched offline.
        stream->topicFilterEdit()->setText(QStringLiteral("plant/line2/#"));
        stream->applyFilter();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == 10, kWait);
        stream->topicFilterEdit()->clear();
        stream->searchEdit()->setText(QStringLiteral("overheat"));
        stream->applyFilter();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == 1, kWait);
        QCOMPARE(model->rowAt(0)->message.topic, QStringLiteral("plant/line2/temp"));

        // Another profile: its own (empty) view; back again: the same view, kept.
        w->sidebar()->select(other);
        QTRY_VERIFY_WITH_TIMEOUT(w->workspace()->controller(other), kWait);
        QTRY_COMPARE(w->workspace()->stack()->currentWidget(),
                     w->workspace()->controller(other)->view());
        w->sidebar()->select(id);
        QTRY_COMPARE(w->workspace()->stack()->currentWidget(), controller->view());
        QCOMPARE(w->workspace()->controller(id), controller);
        QCOMPARE(model->rowCount(), 1);

        // Connecting uses the same controller (nothing listens: an error, not a second view).
        w->commands()->connectProfile(id);
        QTRY_COMPARE_WITH_TIMEOUT(w->connectionModel()->status(id),
                                  ConnectionListModel::Status::Error, kWait);
        QCOMPARE(w->workspace()->controller(id), controller);
        QCOMPARE(w->workspace()->controllers().size(), 2);
    }
};

QTEST_MAIN(TestMainWindowOffline)
#include "tst_main_window_offline.moc"
