// View > Alerts: a batch of alerts shows as rows (newest at the bottom), the filter narrows
// them, Clear empties the list, Enter and a double-click ask to show the message in its
// connection's stream, the title counts the active alerts; desktop notifications are
// rate-limited per rule (an injected clock), follow the setting, and say what fired.
#include "core/alerts/alert_log_model.h"
#include "core/settings/app_settings.h"
#include "ui/alerts/alert_notifier.h"
#include "ui/alerts/alerts_panel.h"

#include <QAction>
#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace mqttdesk;

namespace {

AlertEvent fired(const QString &rule, const QString &topic, const QString &value,
                 AlertKind kind = AlertKind::Payload)
{
    AlertEvent e;
    e.type = AlertEvent::Type::Fired;
    e.timeMs = 1'700'000'000'000;
    e.ruleName = rule;
    e.kind = kind;
    e.filter = QStringLiteral("plant/+/boiler");
    e.topic = topic;
    e.value = value;
    return e;
}

AlertEvent cleared(const QString &rule, const QString &topic, const QString &value)
{
    AlertEvent e = fired(rule, topic, value);
    e.type = AlertEvent::Type::Cleared;
    return e;
}

struct Shown
{
    QString title;
    QString text;
};

} // namespace

class TestAlertsPanel : public QObject
{
    Q_OBJECT
private slots:
    void rowsFilterClearAndEmptyHint()
    {
        AlertLogModel model;
        AlertsPanel panel(&model, nullptr);
        panel.notifier()->setPresenter([](const QString &, const QString &) {});
        panel.resize(900, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *hint = panel.findChild<QLabel *>(QStringLiteral("noAlerts"));
        QVERIFY(hint->isVisible());

        panel.report(
            1, QStringLiteral("Plant"),
            {fired(QStringLiteral("Hot"), QStringLiteral("plant/b1/boiler"), QStringLiteral("93")),
             fired(QStringLiteral("Hot"), QStringLiteral("plant/b2/boiler"),
                   QStringLiteral("95"))});
        panel.report(
            2, QStringLiteral("Lab"),
            {cleared(QStringLiteral("Cold"), QStringLiteral("lab/fridge"), QStringLiteral("4"))});
        QCOMPARE(panel.view()->model()->rowCount(), 3);
        QVERIFY(!hint->isVisible());
        const QModelIndex last = panel.view()->model()->index(2, AlertLogModel::ConnectionColumn);
        QCOMPARE(last.data().toString(), QStringLiteral("Lab")); // newest at the bottom

        QTest::keyClicks(panel.filterEdit(), QStringLiteral("b2"));
        QCOMPARE(panel.view()->model()->rowCount(), 1);
        panel.filterEdit()->clear();
        QTest::keyClicks(panel.filterEdit(), QStringLiteral("lab"));
        QCOMPARE(panel.view()->model()->rowCount(), 1); // any column, any case
        panel.filterEdit()->clear();
        QCOMPARE(panel.view()->model()->rowCount(), 3);

        panel.clearButton()->click();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(hint->isVisible());
    }

    void enterAndDoubleClickAskForTheMessage()
    {
        AlertLogModel model;
        AlertsPanel panel(&model, nullptr);
        panel.notifier()->setPresenter([](const QString &, const QString &) {});
        panel.resize(900, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        AlertEvent hot =
            fired(QStringLiteral("Hot"), QStringLiteral("plant/b1/boiler"), QStringLiteral("93"));
        hot.messageTimeUs = 1'700'000'100'250'999;
        AlertEvent quiet =
            fired(QStringLiteral("Quiet"), QString(), QStringLiteral("30"), AlertKind::Silence);
        quiet.timeMs = 1'700'000'200'000;
        panel.report(7, QStringLiteral("Plant"), {hot, quiet});
        QSignalSpy requested(&panel, &AlertsPanel::messageRequested);

        QTreeView *view = panel.view();
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toLongLong(), 7);
        // The message's own time: the stream finds that message.
        QCOMPARE(requested.at(0).at(1).toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(1'700'000'100'250, Qt::UTC));

        const QRect second = view->visualRect(view->model()->index(1, 1));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, second.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, second.center());
        QTRY_COMPARE(requested.size(), 2);
        // No message behind a silence: the alert's time.
        QCOMPARE(requested.at(1).at(1).toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(quiet.timeMs, Qt::UTC));
    }

    void titleCountsActiveAlerts()
    {
        AlertLogModel model;
        AlertsPanel panel(&model, nullptr);
        QCOMPARE(panel.windowTitle(), QStringLiteral("Alerts"));
        panel.setActiveCount(1, 2);
        panel.setActiveCount(2, 1);
        QCOMPARE(panel.activeCount(), 3);
        QCOMPARE(panel.windowTitle(), QStringLiteral("Alerts (3 active)"));
        // The View menu's item keeps its own text and mnemonic.
        QCOMPARE(panel.toggleViewAction()->text(), QStringLiteral("&Alerts"));
        panel.setActiveCount(1, 0);
        QCOMPARE(panel.windowTitle(), QStringLiteral("Alerts (1 active)"));
        panel.setActiveCount(2, 0);
        QCOMPARE(panel.windowTitle(), QStringLiteral("Alerts"));
    }

    void notificationsAreRateLimitedPerRule()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.path());
        AlertNotifier notifier(&settings);
        qint64 now = 1'000'000;
        notifier.setClock([&now] { return now; });
        QList<Shown> shown;
        notifier.setPresenter([&shown](const QString &title, const QString &text) {
            shown.append({title, text});
        });
        QVERIFY(notifier.canNotify());

        // One batch, one rule on three topics: one notification that says so.
        QCOMPARE(notifier.notify(1, QStringLiteral("Plant"),
                                 {fired(QStringLiteral("Hot"), QStringLiteral("plant/b1/boiler"),
                                        QStringLiteral("93.5")),
                                  fired(QStringLiteral("Hot"), QStringLiteral("plant/b2/boiler"),
                                        QStringLiteral("95")),
                                  fired(QStringLiteral("Hot"), QStringLiteral("plant/b3/boiler"),
                                        QStringLiteral("91"))}),
                 1);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.at(0).title, QStringLiteral("Alert: Hot"));
        QVERIFY2(shown.at(0).text.contains(QStringLiteral("Plant")) &&
                     shown.at(0).text.contains(QStringLiteral("93.5")) &&
                     shown.at(0).text.contains(QStringLiteral("plant/b1/boiler")) &&
                     shown.at(0).text.contains(QStringLiteral("2 more")),
                 qPrintable(shown.at(0).text));

        // The same rule again within 10 s: not shown; another rule, or another connection's
        // rule of the same name, is.
        now += AlertNotifier::kMinIntervalMs - 1;
        const QList<AlertEvent> again{
            fired(QStringLiteral("Hot"), QStringLiteral("plant/b1/boiler"), QStringLiteral("99"))};
        QCOMPARE(notifier.notify(1, QStringLiteral("Plant"), again), 0);
        QCOMPARE(notifier.notify(2, QStringLiteral("Lab"), again), 1);
        QCOMPARE(
            notifier.notify(1, QStringLiteral("Plant"),
                            {fired(QStringLiteral("Lost"), QString(),
                                   QStringLiteral("Connection reset"), AlertKind::ConnectionLost)}),
            1);
        QVERIFY2(shown.last().text.contains(QStringLiteral("Connection reset")),
                 qPrintable(shown.last().text));
        // Cleared events are never notified.
        QCOMPARE(notifier.notify(
                     1, QStringLiteral("Plant"),
                     {cleared(QStringLiteral("Other"), QStringLiteral("t"), QStringLiteral("1"))}),
                 0);
        now += 1;
        QCOMPARE(notifier.notify(1, QStringLiteral("Plant"), again), 1);
        QCOMPARE(shown.size(), 4);

        // Switched off in the settings: nothing.
        settings.setAlertNotifications(false);
        now += AlertNotifier::kMinIntervalMs;
        QCOMPARE(notifier.notify(1, QStringLiteral("Plant"), again), 0);
        QCOMPARE(shown.size(), 4);
    }

    void notificationSwitchFollowsTheSetting()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.path());
        AlertLogModel model;
        AlertsPanel panel(&model, &settings);
        int shown = 0;
        panel.notifier()->setPresenter([&shown](const QString &, const QString &) { ++shown; });
        QVERIFY(panel.notifyBox()->isChecked());
        panel.report(1, QStringLiteral("Plant"),
                     {fired(QStringLiteral("Hot"), QStringLiteral("t"), QStringLiteral("1"))});
        QCOMPARE(shown, 1);
        panel.notifyBox()->click();
        QVERIFY(!settings.alertNotifications());
        panel.report(1, QStringLiteral("Plant"),
                     {fired(QStringLiteral("Other"), QStringLiteral("t"), QStringLiteral("1"))});
        QCOMPARE(shown, 1);
        QCOMPARE(model.rowCount(), 2); // listed all the same
        settings.setAlertNotifications(true);
        QVERIFY(panel.notifyBox()->isChecked());
    }

    void labelledAndInTabOrder()
    {
        AlertLogModel model;
        AlertsPanel panel(&model, nullptr);
        QVERIFY(!panel.view()->accessibleName().isEmpty());
        QVERIFY(!panel.filterEdit()->accessibleName().isEmpty());
        QVERIFY(!panel.filterEdit()->placeholderText().isEmpty());
        for (QToolButton *button : {panel.clearButton(), panel.rulesButton()}) {
            QVERIFY(!button->toolTip().isEmpty());
            QVERIFY(!button->accessibleName().isEmpty());
        }
        QVERIFY(!panel.notifyBox()->toolTip().isEmpty());
        // The next widget Tab goes to (the filter's clear icon takes no focus).
        const auto next = [](QWidget *w) {
            for (int i = 0; i < 20; ++i) {
                w = w->nextInFocusChain();
                if (w->focusPolicy() & Qt::TabFocus)
                    return w;
            }
            return static_cast<QWidget *>(nullptr);
        };
        QCOMPARE(next(panel.filterEdit()), panel.notifyBox());
        QCOMPARE(next(panel.notifyBox()), panel.rulesButton());
        QCOMPARE(next(panel.rulesButton()), panel.clearButton());
        QCOMPARE(next(panel.clearButton()), panel.view());
        QCOMPARE(model.headerData(AlertLogModel::TopicColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Topic"));
    }
};

QTEST_MAIN(TestAlertsPanel)
#include "tst_alerts_panel.moc"
