#include "ui/connections/log_view.h"

#include "ui/connections/log_model.h"

#include <QAbstractButton>
#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTreeView>

namespace mqttdesk {

LogView::LogView(LogModel *model, QWidget *parent)
    : QDockWidget(parent)
    , m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("logDock"));
    m_view->setModel(model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_texts.add([this] {
        setWindowTitle(tr("Log"));
        m_view->setAccessibleName(tr("Application log"));
        // The title bar's buttons are Qt's, named once in English (Debian ships no Qt
        // catalogue for zh_CN): ours name them in the language chosen.
        if (auto *button =
                findChild<QAbstractButton *>(QStringLiteral("qt_dockwidget_floatbutton"))) {
            button->setAccessibleName(tr("Detach the log"));
            button->setToolTip(tr("Detach the log into a window of its own"));
        }
        if (auto *button =
                findChild<QAbstractButton *>(QStringLiteral("qt_dockwidget_closebutton"))) {
            button->setAccessibleName(tr("Close the log"));
            button->setToolTip(tr("Close the log (View > Log shows it again)"));
        }
    });
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(LogModel::TimeColumn, 190);
    m_view->setColumnWidth(LogModel::SourceColumn, 160);
    setWidget(m_view);
    // Follows the newest line while the user is at the bottom. Scrolling lays out every row
    // at once, so it is done once after a run of appended lines (a queued call), not per
    // line: per line, a burst of log lines kept the GUI thread busy long after it ended.
    connect(model, &LogModel::rowsInserted, this, [this] {
        if (m_scrollQueued)
            return;
        const QScrollBar *bar = m_view->verticalScrollBar();
        if (bar->value() < bar->maximum() - 2)
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
}

void LogView::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QDockWidget::changeEvent(event);
}

} // namespace mqttdesk
