#pragma once

#include "core/alerts/alert_event.h"
#include "ui/i18n/retranslator.h"

#include <QDateTime>
#include <QDockWidget>
#include <QHash>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QToolButton;
class QTreeView;

namespace mqttdesk {

class AlertLogModel;
class AlertNotifier;
class AppSettings;
class ConnectionController;

// View > Alerts: the app's alert log as a dock, like the Log. A table over AlertLogModel
// (newest at the bottom, followed while the user is at the bottom), a filter field, Clear,
// and a switch for desktop notifications. Enter or a double-click on a row shows that
// connection's stream at the alert's message (messageRequested). The title counts the alerts
// active across the open connections.
//
// It routes each connection's alerts: addConnection() takes a controller's AlertMonitor,
// whose batches go to the log and to the AlertNotifier.
class AlertsPanel : public QDockWidget
{
    Q_OBJECT
public:
    AlertsPanel(AlertLogModel *model, AppSettings *settings, QWidget *parent = nullptr);

    // Listens to the controller's AlertMonitor for as long as both live.
    void addConnection(ConnectionController *controller);
    // One connection's batch of alerts: into the log, and to the notifier.
    void report(qint64 profileId, const QString &connectionName, const QList<AlertEvent> &events);
    // A connection's count of active alerts (0 when it closed).
    void setActiveCount(qint64 profileId, int count);
    int activeCount() const;

    AlertLogModel *model() const { return m_model; }
    AlertNotifier *notifier() const { return m_notifier; }
    QTreeView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filter; }
    QCheckBox *notifyBox() const { return m_notify; }
    QToolButton *rulesButton() const { return m_rules; }
    QToolButton *clearButton() const { return m_clear; }

signals:
    // Show this connection's stream at `time` (UTC): the message behind the alert.
    void messageRequested(qint64 profileId, const QDateTime &time);
    // "Rules…": the shown connection's alert rules.
    void rulesRequested();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateTitle();
    void updateEmptyHint();
    void openRow(const QModelIndex &index);

    AlertLogModel *m_model;
    AppSettings *m_settings;
    AlertNotifier *m_notifier;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QCheckBox *m_notify;
    QToolButton *m_rules;
    QToolButton *m_clear;
    QTreeView *m_view;
    QLabel *m_empty; // over the table while it shows no row
    QHash<qint64, int> m_active;
    bool m_scrollQueued = false;
    Retranslator m_texts;
};

} // namespace mqttdesk
