#include "ui/alerts/alerts_panel.h"

#include "core/alerts/alert_log_model.h"
#include "core/alerts/alert_monitor.h"
#include "core/settings/app_settings.h"
#include "ui/alerts/alert_notifier.h"
#include "ui/connections/connection_controller.h"
#include "ui/theme/theme.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {

// Fired in the error colour, cleared in the success colour; the words say it too.
class AlertEventDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != AlertLogModel::EventColumn)
            return;
        const bool fired = index.data(AlertLogModel::FiredRole).toBool();
        option->palette.setColor(QPalette::Text, fired ? Theme::errorText(option->palette)
                                                       : Theme::successText(option->palette));
        option->font.setBold(fired);
    }
};

} // namespace

AlertsPanel::AlertsPanel(AlertLogModel *model, AppSettings *settings, QWidget *parent)
    : QDockWidget(parent)
    , m_model(model)
    , m_settings(settings)
    , m_notifier(new AlertNotifier(settings, this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("alertsDock"));
    m_proxy->setSourceModel(model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto *content = new QWidget(this);
    m_filter = new QLineEdit(content);
    m_filter->setObjectName(QStringLiteral("alertsFilter"));
    m_filter->setClearButtonEnabled(true);
    m_notify = new QCheckBox(content);
    m_notify->setObjectName(QStringLiteral("alertNotifications"));
    m_notify->setChecked(!settings || settings->alertNotifications());
    m_rules = new QToolButton(content);
    m_rules->setObjectName(QStringLiteral("alertRulesButton"));
    m_clear = new QToolButton(content);
    m_clear->setObjectName(QStringLiteral("clearAlerts"));
    m_view = new QTreeView(content);
    m_view->setObjectName(QStringLiteral("alertsView"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new AlertEventDelegate(m_view));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(AlertLogModel::TimeColumn, 190);
    m_view->setColumnWidth(AlertLogModel::ConnectionColumn, 150);
    m_view->setColumnWidth(AlertLogModel::RuleColumn, 170);
    m_view->setColumnWidth(AlertLogModel::EventColumn, 80);
    m_view->setColumnWidth(AlertLogModel::TopicColumn, 240);
    m_empty = new QLabel(m_view->viewport());
    m_empty->setObjectName(QStringLiteral("noAlerts"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setAttribute(Qt::WA_TransparentForMouseEvents);
    Theme::setTextRole(m_empty, Theme::Text::Muted);
    m_view->viewport()->installEventFilter(this);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_notify);
    bar->addWidget(m_rules);
    bar->addWidget(m_clear);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setWidget(content);
    setTabOrder(m_filter, m_notify);
    setTabOrder(m_notify, m_rules);
    setTabOrder(m_rules, m_clear);
    setTabOrder(m_clear, m_view);

    m_texts.add([this] {
        updateTitle();
        m_view->setAccessibleName(tr("Alerts"));
        m_filter->setPlaceholderText(tr("Filter by connection, rule, topic or value"));
        m_filter->setAccessibleName(tr("Filter the alerts"));
        m_notify->setText(tr("Desktop notifications"));
        m_notify->setToolTip(tr("Also show a desktop notification when a rule fires (at most "
                                "one per rule every 10 seconds)"));
        m_rules->setText(tr("Rules…"));
        m_rules->setToolTip(tr("Edit the alert rules of the shown connection"));
        m_rules->setAccessibleName(tr("Alert rules of the shown connection"));
        m_clear->setText(tr("Clear"));
        m_clear->setToolTip(tr("Empty the list of alerts (the rules keep watching)"));
        m_clear->setAccessibleName(tr("Clear the alerts"));
        m_empty->setText(tr("No alerts. Rules are set per connection with Connection > Alert "
                            "rules…; what they report is listed here."));
        // The title bar's buttons are Qt's, named once in English: ours name them.
        if (auto *button =
                findChild<QAbstractButton *>(QStringLiteral("qt_dockwidget_floatbutton"))) {
            button->setAccessibleName(tr("Detach the alerts"));
            button->setToolTip(tr("Detach the alerts into a window of their own"));
        }
        if (auto *button =
                findChild<QAbstractButton *>(QStringLiteral("qt_dockwidget_closebutton"))) {
            button->setAccessibleName(tr("Close the alerts"));
            button->setToolTip(tr("Close the alerts (View > Alerts shows them again)"));
        }
        m_model->retranslate();
    });

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_notify, &QCheckBox::toggled, this, [this](bool on) {
        if (m_settings)
            m_settings->setAlertNotifications(on);
    });
    if (m_settings)
        connect(m_settings, &AppSettings::changed, this, [this](AppSettings::Key key) {
            if (key == AppSettings::Key::AlertNotifications)
                m_notify->setChecked(m_settings->alertNotifications());
        });
    connect(m_rules, &QToolButton::clicked, this, &AlertsPanel::rulesRequested);
    connect(m_clear, &QToolButton::clicked, m_model, &AlertLogModel::clear);
    // Enter, or a double-click (the style's activation).
    connect(m_view, &QTreeView::activated, this, &AlertsPanel::openRow);
    connect(m_notifier, &AlertNotifier::clicked, this, [this] {
        show();
        raise();
        if (QWidget *top = window()) {
            top->show();
            top->raise();
            top->activateWindow();
        }
    });
    // Follows the newest alert while the user is at the bottom; once per run of insertions
    // (queued), as the Log does.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        updateEmptyHint();
        if (m_scrollQueued)
            return;
        const QScrollBar *scroll = m_view->verticalScrollBar();
        if (scroll->value() < scroll->maximum() - 2)
            return;
        m_scrollQueued = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_scrollQueued = false;
                m_view->scrollToBottom();
            },
            Qt::QueuedConnection);
    });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &AlertsPanel::updateEmptyHint);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AlertsPanel::updateEmptyHint);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &AlertsPanel::updateEmptyHint);
    updateEmptyHint();
}

void AlertsPanel::addConnection(ConnectionController *controller)
{
    AlertMonitor *monitor = controller ? controller->alertMonitor() : nullptr;
    if (!monitor)
        return;
    const qint64 id = controller->profileId();
    // The monitor's signals come from the connection's thread, queued to the panel's.
    const QPointer<ConnectionController> source(controller);
    connect(monitor, &AlertMonitor::alertsRaised, this,
            [this, id, source, name = controller->name()](const QList<AlertEvent> &events) {
                report(id, source ? source->name() : name, events);
            });
    connect(monitor, &AlertMonitor::activeCountChanged, this,
            [this, id](int count) { setActiveCount(id, count); });
    connect(controller, &QObject::destroyed, this, [this, id] { setActiveCount(id, 0); });
    setActiveCount(id, monitor->activeCount());
}

void AlertsPanel::report(qint64 profileId, const QString &connectionName,
                         const QList<AlertEvent> &events)
{
    m_model->append(profileId, connectionName, events);
    m_notifier->notify(profileId, connectionName, events);
}

void AlertsPanel::setActiveCount(qint64 profileId, int count)
{
    if (count > 0)
        m_active.insert(profileId, count);
    else
        m_active.remove(profileId);
    updateTitle();
}

int AlertsPanel::activeCount() const
{
    int total = 0;
    for (int count : m_active)
        total += count;
    return total;
}

void AlertsPanel::updateTitle()
{
    const int active = activeCount();
    setWindowTitle(active > 0 ? tr("Alerts (%n active)", nullptr, active) : tr("Alerts"));
    // The title also names the View menu's item, which keeps its own mnemonic.
    toggleViewAction()->setText(tr("&Alerts"));
}

void AlertsPanel::updateEmptyHint()
{
    m_empty->setVisible(m_proxy->rowCount() == 0 && m_model->rowCount() == 0);
    m_empty->setGeometry(m_view->viewport()->rect().adjusted(12, 12, -12, -12));
}

void AlertsPanel::openRow(const QModelIndex &index)
{
    const QModelIndex source = m_proxy->mapToSource(index);
    if (!source.isValid())
        return;
    emit messageRequested(source.data(AlertLogModel::ProfileIdRole).toLongLong(),
                          source.data(AlertLogModel::StreamTimeRole).toDateTime());
}

bool AlertsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        m_empty->setGeometry(m_view->viewport()->rect().adjusted(12, 12, -12, -12));
    return QDockWidget::eventFilter(watched, event);
}

void AlertsPanel::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QDockWidget::changeEvent(event);
}

} // namespace mqttdesk
