// Everything can be named by assistive technology: a walk over the main window (with a
// connection's view, its subscription options and publish properties open), every page of
// the connection dialog, and the stream's dialogs fails on a focusable widget whose
// accessible name (what a screen reader says, from an accessible name, a button's text or
// a buddy label) is empty. Stream rows say topic, time, QoS and the payload's first line.
#include "tests/mainwindow/main_window_fixture.h"
#include "tests/stream/stream_test_support.h"
#include "tests/support/scripted_prompts.h"
#include "ui/charts/charts_page.h"
#include "ui/connections/connection_controller.h"
#include "ui/connections/connection_sidebar.h"
#include "ui/connections/connection_workspace.h"
#include "ui/dialogs/connection_dialog.h"
#include "ui/dialogs/keyboard_shortcuts_dialog.h"
#include "ui/publish/publish_bar.h"
#include "ui/stream/connection_view.h"
#include "ui/stream/jump_to_time_dialog.h"
#include "ui/stream/message_stream_model.h"
#include "ui/stream/message_stream_view.h"
#include "ui/stream/payload_viewer_dialog.h"
#include "ui/stream/time_range_dialog.h"
#include "ui/subscriptions/subscription_panel.h"

#include <QAbstractScrollArea>
#include <QAccessible>
#include <QDockWidget>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

using namespace mqttdesk;

namespace {

// Focusable widgets of `root` a keyboard user can reach (shown, enabled or not) whose
// accessible name is empty, as "Class 'objectName' (parent class)".
QStringList unnamed(QWidget *root)
{
    QStringList out;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(root) || w->focusPolicy() == Qt::NoFocus)
            continue;
        // Parts of a composite widget are named through it (a scroll area's viewport, a
        // spin box's line edit, a combo box's list): skip what is not a control of its own.
        if (qobject_cast<QScrollBar *>(w) || w->objectName().startsWith(QLatin1String("qt_")))
            continue;
        if (auto *area = qobject_cast<QAbstractScrollArea *>(w->parentWidget());
            area && area->viewport() == w)
            continue;
        if (w->parentWidget() && w->parentWidget()->focusProxy() == w)
            continue;
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
        const QString name = a ? a->text(QAccessible::Name) : QString();
        if (name.trimmed().isEmpty())
            out << QStringLiteral("%1 '%2' in %3")
                       .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                            w->parentWidget()
                                ? QString::fromLatin1(w->parentWidget()->metaObject()->className())
                                : QString());
    }
    return out;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
private slots:
    void connectionDialogEveryPage()
    {
        ConnectionDialog dialog;
        // TLS with a client certificate: the TLS page shows all its fields.
        ConnectionProfile profile = MainWindowFixture::profile(QStringLiteral("T"), 8883);
        profile.scheme = TransportScheme::Mqtts;
        profile.tls.clientCertificatePath = QStringLiteral("/nonexistent/client.pem");
        profile.tls.clientKeyPath = QStringLiteral("/nonexistent/client.key");
        dialog.setProfile(profile);
        dialog.resize(900, 700);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTabWidget *tabs = dialog.tabs();
        QCOMPARE(tabs->count(), 4); // General, TLS, Advanced, Last will
        QStringList walked;
        for (int i = 0; i < tabs->count(); ++i) {
            if (!tabs->isTabEnabled(i))
                continue;
            walked << tabs->tabText(i);
            tabs->setCurrentIndex(i);
            const QStringList missing = unnamed(&dialog);
            QVERIFY2(missing.isEmpty(), qPrintable(tabs->tabText(i) + QStringLiteral(": ") +
                                                   missing.join(QStringLiteral("; "))));
        }
        QVERIFY2(walked.size() == tabs->count(), qPrintable(walked.join(QLatin1Char(','))));
    }

    void mainWindowWithAConnection()
    {
        ScriptedPrompts prompts;
        MainWindowFixture f;
        MainWindow *w = f.window();
        w->resize(1280, 800);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        const qint64 id = f.createThroughDialog(MainWindowFixture::profile(QStringLiteral("A"), 1));
        QVERIFY(id != 0);
        w->sidebar()->select(id);
        QTRY_VERIFY_WITH_TIMEOUT(w->workspace()->controller(id), 20000);
        ConnectionView *view = w->workspace()->controller(id)->view();
        QTRY_COMPARE(w->workspace()->stack()->currentWidget(), view);
        w->findChild<QDockWidget *>(QStringLiteral("logDock"))->show();
        for (QToolButton *toggle : view->findChildren<QToolButton *>()) {
            if (toggle->isCheckable() && !toggle->menu() &&
                (view->publishBar()->isAncestorOf(toggle) ||
                 view->subscriptionPanel()->isAncestorOf(toggle)))
                toggle->setChecked(true);
        }
        const QStringList missing = unnamed(w);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("; "))));
        // The Charts tab: its toolbar, plot, legend and status, once shown.
        view->views()->setCurrentWidget(view->chartsPage());
        QTRY_VERIFY(view->chartsPage()->chartsView());
        const QStringList chartsMissing = unnamed(w);
        QVERIFY2(chartsMissing.isEmpty(), qPrintable(chartsMissing.join(QStringLiteral("; "))));
    }

    void keyboardShortcutsDialog()
    {
        ScriptedPrompts prompts;
        MainWindowFixture f;
        KeyboardShortcutsDialog *dialog = f.window()->showKeyboardShortcuts();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const QStringList missing = unnamed(dialog);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("; "))));
        dialog->close();
    }

    void streamDialogs()
    {
        JumpToTimeDialog jump(QDateTime::currentDateTime());
        jump.show();
        QStringList missing = unnamed(&jump);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("; "))));
        TimeRangeDialog range(std::nullopt, std::nullopt);
        range.show();
        missing = unnamed(&range);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("; "))));
        PayloadViewerDialog viewer(QStringLiteral("a/b"), "{\"a\":1}", PayloadFormat::Json);
        viewer.show();
        missing = unnamed(&viewer);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("; "))));
    }

    void streamRowsSayWhatTheyShow()
    {
        StreamTestStore store;
        QVERIFY(store.isReady());
        QVERIFY(store.ensureProfile(1));
        StoredMessage m = StreamTestStore::message(QStringLiteral("plant/line1/temp"),
                                                   "{\"value\":21.5}\nsecond line");
        m.qos = 1;
        m.retain = true;
        m.dup = true;
        QVERIFY(store.store({m}));
        auto history = store.history();
        MessageStreamModel model(history.get());
        QTRY_COMPARE(model.rowCount(), 1);
        const QString said = model.index(0).data(Qt::AccessibleTextRole).toString();
        QVERIFY2(said.contains(QStringLiteral("plant/line1/temp")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("QoS 1")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("retained")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("DUP")), qPrintable(said));
        QCOMPARE(model.index(0).data(MessageStreamModel::DupRole).toBool(), true);
        QVERIFY2(said.contains(QStringLiteral("21.5")), qPrintable(said));
        QVERIFY2(!said.contains(QStringLiteral("second line")), qPrintable(said));
        const QString time = QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(m.receivedUs / 1000).time(), QLocale::LongFormat);
        QVERIFY2(said.contains(time), qPrintable(said));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
