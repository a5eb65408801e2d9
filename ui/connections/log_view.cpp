#include "ui/connections/log_view.h"

#include "ui/connections/log_model.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QTreeView>

namespace mqttdesk {

LogView::LogView(LogModel *model, QWidget *parent)
    : QDockWidget(tr("Log"), parent)
    , m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("logDock"));
    m_view->setModel(model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAccessibleName(tr("Application log"));
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

} // namespace mqttdesk
