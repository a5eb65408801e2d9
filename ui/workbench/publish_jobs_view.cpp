#include "ui/workbench/publish_jobs_view.h"

#include "core/publishjob/publish_job_list_model.h"
#include "ui/theme/theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace mqttdesk {

PublishJobsView::PublishJobsView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_stop(new QPushButton(this))
    , m_stopAll(new QPushButton(this))
    , m_clearEnded(new QPushButton(this))
{
    setObjectName(QStringLiteral("publishJobsView"));
    m_table->setObjectName(QStringLiteral("publishJobs.table"));
    m_empty->setObjectName(QStringLiteral("publishJobs.empty"));
    m_stop->setObjectName(QStringLiteral("publishJobs.stop"));
    m_stopAll->setObjectName(QStringLiteral("publishJobs.stopAll"));
    m_clearEnded->setObjectName(QStringLiteral("publishJobs.clearEnded"));

    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    // Counts and states are short: columns as wide as their contents, the error takes the rest.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(12);
    Theme::setTextRole(m_empty, Theme::Text::Muted);

    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_table);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_stop);
    buttons->addWidget(m_stopAll);
    buttons->addStretch(1);
    buttons->addWidget(m_clearEnded);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack, 1);
    layout->addLayout(buttons);

    m_texts.add([this] {
        m_empty->setText(tr("No timed sends. Use 'Send repeatedly…' on a template."));
        m_table->setAccessibleName(tr("Timed sends"));
        m_stop->setText(tr("S&top"));
        m_stop->setToolTip(tr("Stop the selected timed sends; messages already sent still "
                              "finish and are counted"));
        m_stopAll->setText(tr("Stop &all"));
        m_stopAll->setToolTip(tr("Stop every timed send of this connection"));
        m_clearEnded->setText(tr("C&lear ended"));
        m_clearEnded->setToolTip(tr("Remove the finished and stopped sends from the list"));
        if (m_model)
            m_model->retranslate();
    });

    setTabOrder(m_table, m_stop);
    setTabOrder(m_stop, m_stopAll);
    setTabOrder(m_stopAll, m_clearEnded);

    connect(m_stop, &QPushButton::clicked, this, &PublishJobsView::stopSelected);
    connect(m_stopAll, &QPushButton::clicked, this, [this] {
        if (m_model)
            m_model->stopAll();
    });
    connect(m_clearEnded, &QPushButton::clicked, this, [this] {
        if (m_model)
            m_model->removeEnded();
    });
    updateState();
}

PublishJobsView::~PublishJobsView()
{
    for (const QMetaObject::Connection &c : std::as_const(m_modelConnections))
        disconnect(c);
}

void PublishJobsView::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QWidget::changeEvent(event);
}

void PublishJobsView::setModel(PublishJobListModel *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    QItemSelectionModel *oldSelection = m_table->selectionModel();
    m_model = model;
    m_table->setModel(model);
    if (oldSelection && oldSelection != m_table->selectionModel())
        oldSelection->deleteLater();
    if (model) {
        const auto update = [this] { updateState(); };
        m_modelConnections = {
            connect(model, &QAbstractItemModel::dataChanged, this, update),
            connect(model, &QAbstractItemModel::rowsInserted, this, update),
            connect(model, &QAbstractItemModel::rowsRemoved, this, update),
            connect(model, &QAbstractItemModel::modelReset, this, update),
            connect(model, &QAbstractItemModel::layoutChanged, this, update),
            connect(model, &PublishJobListModel::activeCountChanged, this, update),
            // Queued: the model is still half gone when it says so.
            connect(model, &QObject::destroyed, this, update, Qt::QueuedConnection),
            connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                    update),
        };
        QHeaderView *header = m_table->horizontalHeader();
        header->setSectionResizeMode(PublishJobListModel::TemplateColumn, QHeaderView::Interactive);
        m_table->setColumnWidth(PublishJobListModel::TemplateColumn, 160);
        m_table->setColumnWidth(PublishJobListModel::StateColumn, 220);
        for (int column :
             {int(PublishJobListModel::SentColumn), int(PublishJobListModel::AcknowledgedColumn),
              int(PublishJobListModel::FailedColumn), int(PublishJobListModel::RateColumn)})
            m_table->setColumnWidth(column, 90);
    }
    updateState();
}

QList<int> PublishJobsView::selectedRows() const
{
    QList<int> rows;
    if (!m_model || !m_table->selectionModel())
        return rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void PublishJobsView::stopSelected()
{
    if (!m_model)
        return;
    // Stopping may change rows' data, never their order: the rows stay valid.
    const QList<PublishJob *> jobs = [this] {
        QList<PublishJob *> list;
        for (int row : selectedRows())
            list.append(m_model->jobAt(row));
        return list;
    }();
    for (PublishJob *job : jobs) {
        const int row = m_model ? m_model->rowOf(job) : -1;
        if (row >= 0)
            m_model->stop(row);
    }
}

void PublishJobsView::updateState()
{
    const bool hasRows = m_model && m_model->rowCount() > 0;
    m_stack->setCurrentWidget(hasRows ? static_cast<QWidget *>(m_table) : m_empty);
    bool selectedActive = false;
    if (m_model) {
        for (int row : selectedRows()) {
            const PublishJob *job = m_model->jobAt(row);
            selectedActive = selectedActive || (job && PublishJobListModel::isActive(job));
        }
    }
    m_stop->setEnabled(selectedActive);
    m_stopAll->setEnabled(m_model && m_model->activeCount() > 0);
    m_clearEnded->setEnabled(m_model && m_model->endedCount() > 0);
}

} // namespace mqttdesk
