// The reconnect loop as the window shows it: a server on 127.0.0.1 that closes every
// connection at once (a transient failure) with auto-reconnect on. The header counts down
// "Reconnecting in N s (attempt k)" with the last error beside it, Disconnect (the header's
// Cancel) stays enabled, and pressing it ends the loop: Disconnected, no timer left, no
// further TCP connection. An error retrying cannot fix shows "Failed: <reason>" and offers
// Connect.
#include "core/connection/connection.h"
#include "tests/mainwindow/main_window_fixture.h"
#include "tests/support/scripted_prompts.h"
#include "ui/connections/connection_controller.h"
#include "ui/connections/connection_header.h"
#include "ui/connections/connection_list_model.h"
#include "ui/connections/connection_sidebar.h"
#include "ui/connections/connection_workspace.h"
#include "ui/mainwindow/connection_actions.h"
#include "ui/mainwindow/profile_commands.h"
#include "ui/mainwindow/status_summary.h"

#include <QAction>
#include <QPushButton>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace mqttdesk;

namespace {

constexpr int kWait = 15000;
using Status = ConnectionListModel::Status;

// Accepts on 127.0.0.1, counts, and closes each connection at once: the broker went away.
class ClosingServer : public QObject
{
public:
    ClosingServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++m_accepted;
                socket->abort();
                socket->deleteLater();
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    int accepted() const { return m_accepted; }

private:
    QTcpServer m_server;
    int m_accepted = 0;
};

Status statusOf(MainWindow *w, qint64 id)
{
    return w->connectionModel()->status(id);
}

QString tooltipOf(MainWindow *w, qint64 id)
{
    return w->connectionModel()->indexOf(id).data(Qt::ToolTipRole).toString();
}

} // namespace

class TestMainWindowReconnect : public QObject
{
    Q_OBJECT
private slots:
    void cancelStopsTheReconnectLoop()
    {
        ClosingServer server;
        QVERIFY(server.listen());
        MainWindowFixture f;
        MainWindow *w = f.window();
        w->show();
        ConnectionProfile p = MainWindowFixture::profile(QStringLiteral("Flaky"), server.port());
        // A fixed 2.5 s backoff: long enough to read the countdown, short enough to see the
        // second attempt.
        p.reconnect.enabled = true;
        p.reconnect.minBackoffMs = 2500;
        p.reconnect.maxBackoffMs = 2500;
        const qint64 id = f.createThroughDialog(p);
        QVERIFY(id != 0);
        QCOMPARE(w->sidebar()->selectedProfileId(), id);
        ConnectionHeader *header = w->workspace()->header();
        QPushButton *button = header->connectButton();
        button->click();

        // The first attempt fails; the next is announced with its countdown and the reason.
        QTRY_VERIFY_WITH_TIMEOUT(header->statusText().contains(QStringLiteral("Reconnecting in ")),
                                 kWait);
        const QString waiting = header->statusText();
        QVERIFY2(waiting.contains(QStringLiteral(" s (attempt 1)")), qPrintable(waiting));
        // Beside it, why the attempt failed (closed or reset, as the timing has it).
        const QString lastError = w->workspace()->controller(id)->lastError();
        QVERIFY(!lastError.isEmpty());
        QVERIFY2(waiting.contains(lastError), qPrintable(waiting));
        QVERIFY(server.accepted() >= 1);
        // Still trying: Disconnect and the header's Cancel are offered, Connect is not.
        QCOMPARE(statusOf(w, id), Status::Connecting);
        QVERIFY(w->actions()->disconnectAction->isEnabled());
        QVERIFY(!w->actions()->connectAction->isEnabled());
        QVERIFY(button->isEnabled());
        QCOMPARE(button->text(), QStringLiteral("Cancel"));
        // The countdown runs, and the sidebar's tooltip and the status bar say the same.
        QTRY_VERIFY_WITH_TIMEOUT(
            header->statusText().contains(QStringLiteral("Reconnecting in 1 s (attempt 1)")),
            kWait);
        QTRY_VERIFY(tooltipOf(w, id).contains(QStringLiteral("Reconnecting in ")));
        QTRY_VERIFY(w->statusSummary()->text().contains(QStringLiteral("Reconnecting")));

        // It goes on by itself: the second attempt reaches the server and fails too.
        QTRY_VERIFY_WITH_TIMEOUT(header->statusText().contains(QStringLiteral("(attempt 2)")),
                                 kWait);
        QTRY_COMPARE_WITH_TIMEOUT(server.accepted(), 2, kWait);
        QVERIFY(w->actions()->disconnectAction->isEnabled());

        // Cancel: the loop ends.
        button->click();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(w, id), Status::Disconnected, kWait);
        ConnectionController *controller = w->workspace()->controller(id);
        QVERIFY(controller);
        Connection *connection = controller->connection();
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), SessionState::Disconnected, kWait);
        // No timer is left on the connection (its thread is idle and set them before it
        // reported Disconnected), so nothing can start another attempt; the session ignores
        // a Reconnect timer that fires after a cancel (tst_session_lifecycle).
        for (const QTimer *timer : connection->findChildren<QTimer *>())
            QVERIFY(!timer->isActive());
        QCOMPARE(server.accepted(), 2);
        QCOMPARE(button->text(), QStringLiteral("Connect"));
        QVERIFY(w->actions()->connectAction->isEnabled());
        QVERIFY(!w->actions()->disconnectAction->isEnabled());
        const QString stopped = header->statusText();
        QVERIFY2(stopped.contains(QStringLiteral("Disconnected")), qPrintable(stopped));
        QVERIFY2(!stopped.contains(QStringLiteral("Reconnecting")), qPrintable(stopped));
        QVERIFY(!tooltipOf(w, id).contains(QStringLiteral("Reconnecting")));
    }

    void permanentErrorShowsFailedAndOffersConnect()
    {
        // A key file that cannot be read: no attempt can work until the user fixes it.
        ClosingServer server;
        QVERIFY(server.listen());
        MainWindowFixture f;
        MainWindow *w = f.window();
        ConnectionProfile p =
            MainWindowFixture::profile(QStringLiteral("Broken key"), server.port());
        p.scheme = TransportScheme::Mqtts;
        p.tls.useSystemCa = true;
        p.tls.clientCertificatePath = f.dataDir() + QStringLiteral("/missing.crt");
        p.tls.clientKeyPath = f.dataDir() + QStringLiteral("/missing.key");
        p.reconnect.enabled = true;
        p.reconnect.minBackoffMs = 100;
        p.reconnect.maxBackoffMs = 100;
        // Saved without the dialog, which would warn about the missing files first.
        w->commands()->addProfile(p);
        QTRY_VERIFY_WITH_TIMEOUT(f.idOf(p.name) != 0, kWait);
        const qint64 id = f.idOf(p.name);
        w->sidebar()->select(id);
        QCOMPARE(w->workspace()->header()->profileId(), id);
        w->actions()->connectAction->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(w, id), Status::Error, kWait);
        ConnectionController *controller = w->workspace()->controller(id);
        QVERIFY(controller);
        QTRY_COMPARE_WITH_TIMEOUT(controller->connection()->state(), SessionState::Disconnected,
                                  kWait);
        const QString header = w->workspace()->header()->statusText();
        QVERIFY2(header.contains(QStringLiteral("Failed: ")), qPrintable(header));
        QVERIFY2(header.contains(QStringLiteral("missing.")), qPrintable(header));
        QVERIFY(tooltipOf(w, id).contains(QStringLiteral("Failed: ")));
        QCOMPARE(w->workspace()->header()->connectButton()->text(), QStringLiteral("Connect"));
        QVERIFY(w->actions()->connectAction->isEnabled());
        QVERIFY(!w->actions()->disconnectAction->isEnabled());
        for (const QTimer *timer : controller->connection()->findChildren<QTimer *>())
            QVERIFY(!timer->isActive());
        QCOMPARE(server.accepted(), 0); // the file problem comes before any connection
    }

private:
    ScriptedPrompts m_prompts; // nothing may open a modal box
};

QTEST_MAIN(TestMainWindowReconnect)
#include "tst_main_window_reconnect.moc"
