#include "ui/topictree/topic_tree_view.h"

#include "core/connection/connection.h"
#include "core/payload/decoder_registry.h"
#include "core/retained/retained_source.h"
#include "core/topictree/topic_tree_filter_proxy.h"
#include "core/topictree/topic_tree_model.h"
#include "core/workspace/profile_records.h"
#include "ui/charts/chart_this.h"
#include "ui/topictree/retained_clear_dialog.h"
#include "ui/topictree/retained_snapshot_dialog.h"
#include "ui/topictree/topic_detail_panel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {
constexpr int kMaxMenuDepth = 4;
// How many nodes "Chart subtree" looks through for a topic to guess from.
constexpr int kMaxSampleNodes = 500;

// The first topic (depth first) at or below `index`: its name and last payload's first bytes.
std::pair<QString, QByteArray> firstTopicBelow(const QModelIndex &index)
{
    QList<QModelIndex> stack{index};
    for (int seen = 0; !stack.isEmpty() && seen < kMaxSampleNodes; ++seen) {
        const QModelIndex node = stack.takeLast();
        if (node.data(TopicTreeModel::IsTopicRole).toBool())
            return {node.data(TopicTreeModel::TopicRole).toString(),
                    node.data(TopicTreeModel::PreviewRole).toByteArray()};
        const QAbstractItemModel *model = node.model();
        for (int row = model->rowCount(node) - 1; row >= 0; --row)
            stack << model->index(row, 0, node);
    }
    return {};
}
} // namespace

TopicTreeView::TopicTreeView(TopicTreeModel *model, HistoryReader *reader, qint64 profileId,
                             QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new TopicTreeFilterProxy(this))
    , m_profileId(profileId)
{
    m_proxy->setSourceModel(model);

    auto *filterLabel = new QLabel(this);
    m_filter = new QLineEdit(this);
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(140);
    filterLabel->setBuddy(m_filter);
    auto *sortLabel = new QLabel(this);
    m_sort = new QComboBox(this);
    m_sort->addItems({QString(), QString(), QString(), QString()});
    sortLabel->setBuddy(m_sort);
    m_expand = new QToolButton(this);
    m_expand->setPopupMode(QToolButton::InstantPopup);
    m_expandMenu = new QMenu(m_expand);
    m_expand->setMenu(m_expandMenu);
    m_count = new QLabel(this);
    m_snapshots = new QToolButton(this);
    connect(m_snapshots, &QToolButton::clicked, this, [this] { openSnapshots(); });

    auto *bar = new QHBoxLayout;
    bar->addWidget(filterLabel);
    bar->addWidget(m_filter, 1);
    bar->addWidget(sortLabel);
    bar->addWidget(m_sort);
    bar->addWidget(m_expand);
    bar->addWidget(m_count);
    bar->addWidget(m_snapshots);

    m_tree = new QTreeView(this);
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &TopicTreeView::showContextMenu);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->setColumnWidth(0, 260);
    for (int column = 1; column < model->columnCount() - 1; ++column)
        m_tree->setColumnWidth(column, 90);

    m_detail = new TopicDetailPanel(reader, profileId, this);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tree);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    QAction *expandAllAction = m_expandMenu->addAction(QString());
    QAction *collapseAllAction = m_expandMenu->addAction(QString());
    m_expandMenu->addSeparator();
    QList<QAction *> depthActions;
    for (int depth = 1; depth <= kMaxMenuDepth; ++depth) {
        QAction *action = m_expandMenu->addAction(QString());
        connect(action, &QAction::triggered, this, [this, depth] { expandToDepth(depth); });
        depthActions.append(action);
    }
    connect(expandAllAction, &QAction::triggered, this, &TopicTreeView::expandAll);
    connect(collapseAllAction, &QAction::triggered, this, &TopicTreeView::collapseAll);

    m_texts.add([=, this] {
        filterLabel->setText(tr("Filt&er:"));
        m_filter->setPlaceholderText(tr("e.g. sensors/+/temp, # or any text"));
        m_filter->setToolTip(tr("A topic filter with + and # wildcards, or text that the "
                                "topic contains; the levels above each match stay visible"));
        sortLabel->setText(tr("Sort &by:"));
        m_sort->setItemText(0, tr("Name"));
        m_sort->setItemText(1, tr("Rate"));
        m_sort->setItemText(2, tr("Messages"));
        m_sort->setItemText(3, tr("Last activity"));
        m_expand->setText(tr("Expand"));
        m_expand->setToolTip(tr("Expand or collapse the tree"));
        m_expand->setAccessibleName(tr("Expand or collapse"));
        expandAllAction->setText(tr("Expand all"));
        collapseAllAction->setText(tr("Collapse all"));
        for (int i = 0; i < depthActions.size(); ++i)
            depthActions[i]->setText(tr("Expand to level %1").arg(i + 1));
        m_snapshots->setText(tr("Snapshots…"));
        m_snapshots->setToolTip(tr("Take snapshots of the retained messages and compare them "
                                   "with each other or with a broker now"));
        m_tree->setAccessibleName(tr("Topics"));
        updateCount();
    });

    setTabOrder(m_filter, m_sort);
    setTabOrder(m_sort, m_expand);
    setTabOrder(m_expand, m_snapshots);
    setTabOrder(m_snapshots, m_tree);
    setTabOrder(m_tree, m_detail);

    connect(m_filter, &QLineEdit::textChanged, this, &TopicTreeView::setFilterText);
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_proxy->setSortKey(static_cast<TopicTreeFilterProxy::SortKey>(index));
    });
    connect(m_tree, &QTreeView::expanded, this,
            [this](const QModelIndex &index) { onExpanded(index, true); });
    connect(m_tree, &QTreeView::collapsed, this,
            [this](const QModelIndex &index) { onExpanded(index, false); });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    connect(m_detail, &TopicDetailPanel::showInStreamRequested, this,
            &TopicTreeView::showInStreamRequested);
    connect(m_detail, &TopicDetailPanel::chartRequested, this, &TopicTreeView::chartRequested);
    // The detail follows the selected node as its numbers change.
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const QModelIndex current = m_proxy->mapToSource(m_tree->currentIndex());
                if (current.isValid() && current.parent() == topLeft.parent() &&
                    current.row() >= topLeft.row() && current.row() <= bottomRight.row())
                    m_detail->updateNumbers(current);
            });
    connect(model, &QAbstractItemModel::rowsInserted, this, &TopicTreeView::updateCount);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        updateCount();
        m_detail->clear();
    });
}

void TopicTreeView::setFilterText(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text); // comes back here through textChanged
    m_proxy->setFilterText(text);
    // Matches are shown with their ancestors open, or a filter would hide what it found.
    if (!m_proxy->filterText().isEmpty())
        expandAll();
}

void TopicTreeView::expandAll()
{
    setExpandedRecursively({}, 0, std::numeric_limits<int>::max());
}

void TopicTreeView::collapseAll()
{
    setExpandedRecursively({}, 0, 0);
}

void TopicTreeView::expandToDepth(int depth)
{
    setExpandedRecursively({}, 0, depth);
}

void TopicTreeView::setExpandedRecursively(const QModelIndex &parent, int depth, int maxDepth)
{
    // QTreeView::expandAll() and expandToDepth() do not emit expanded(), and the model must
    // know which rows are visible, so the walk sets each node itself. It visits only the
    // levels to open: with 100,000 topics, "expand to level 2" touches the ~100 nodes above
    // level 2 rather than the ~10,000 on it (a 30 ms click before). What is open deeper is
    // found in the model's list of expanded levels and closed first.
    if (depth == 0) {
        const auto open = m_model->expandedIndexes();
        for (const auto &[source, level] : open) {
            if (level < maxDepth)
                continue;
            const QModelIndex index = m_proxy->mapFromSource(source);
            if (index.isValid())
                m_tree->setExpanded(index, false);
            else
                m_model->setExpanded(source, false); // filtered out: nothing to draw
        }
    }
    if (depth >= maxDepth)
        return;
    const int rows = m_proxy->rowCount(parent);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = m_proxy->index(row, 0, parent);
        if (!m_proxy->hasChildren(index))
            continue;
        if (!m_tree->isExpanded(index))
            m_tree->setExpanded(index, true);
        setExpandedRecursively(index, depth + 1, maxDepth);
    }
}

bool TopicTreeView::selectTopic(const QString &topic)
{
    const QModelIndex source = m_model->indexForTopic(topic);
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid())
        return false;
    for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
        m_tree->setExpanded(up, true);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

void TopicTreeView::setConnection(Connection *connection)
{
    m_connection = connection;
}

void TopicTreeView::setSnapshotContext(ProfileRecords *records, LiveSources sources)
{
    m_records = records;
    m_liveSources = std::move(sources);
}

RetainedSnapshotDialog *TopicTreeView::openSnapshots(const QString &filter)
{
    auto *dialog = new RetainedSnapshotDialog(m_records, m_profileId, filter, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_liveSources)
        dialog->setLiveSources(m_liveSources());
    dialog->open();
    return dialog;
}

QMenu *TopicTreeView::contextMenuFor(const QModelIndex &proxyIndex)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QModelIndex index = proxyIndex.siblingAtColumn(0);
    if (!index.isValid())
        return menu;
    const QString topic = index.data(TopicTreeModel::TopicRole).toString();
    const bool isTopic = index.data(TopicTreeModel::IsTopicRole).toBool();
    QAction *show = menu->addAction(tr("Show in stream"), this,
                                    [this, topic] { emit showInStreamRequested(topic); });
    show->setEnabled(isTopic);
    menu->addAction(tr("Show subtree in stream"), this,
                    [this, topic] { emit showInStreamRequested(topic + QStringLiteral("/#")); });
    menu->addAction(tr("Copy topic"), this, [topic] { QApplication::clipboard()->setText(topic); });
    menu->addSeparator();
    // Straight to the chart when the last payload is a number; otherwise asks what to read.
    const bool number =
        isTopic && ChartThis::chartsAsIs(index.data(TopicTreeModel::PreviewRole).toByteArray(),
                                         shownAs(topic).decoder);
    const QPersistentModelIndex node(index); // the tree may change while the menu is open
    QAction *chart = menu->addAction(number ? tr("Chart this") : tr("Chart this…"), this,
                                     [this, node] { chartThis(node, false); });
    chart->setObjectName(QStringLiteral("chartThis"));
    chart->setEnabled(isTopic);
    QAction *chartSubtree =
        menu->addAction(tr("Chart subtree…"), this, [this, node] { chartThis(node, true); });
    chartSubtree->setObjectName(QStringLiteral("chartSubtree"));
    chartSubtree->setEnabled(m_proxy->hasChildren(index));
    menu->addSeparator();
    const QModelIndex source = m_proxy->mapToSource(index);
    const int below = int(m_model->retainedTopicsUnder(source).size());
    const bool online = m_connection && m_connection->state() == SessionState::Connected;
    QAction *own = menu->addAction(tr("Clear retained…"), this,
                                   [this, index] { clearRetained(index, false); });
    own->setEnabled(online && index.data(TopicTreeModel::RetainedRole).toBool());
    QAction *subtree =
        menu->addAction(tr("Clear retained in subtree (%n topic(s))…", nullptr, below), this,
                        [this, index] { clearRetained(index, true); });
    subtree->setEnabled(online && below > 0);
    menu->addAction(tr("Snapshot and compare subtree…"), this,
                    [this, topic] { openSnapshots(topic + QStringLiteral("/#")); });
    if (!online) {
        own->setToolTip(tr("Connect to clear retained messages"));
        subtree->setToolTip(own->toolTip());
        menu->setToolTipsVisible(true);
    }
    return menu;
}

TopicTreeView::Shown TopicTreeView::shownAs(const QString &topic) const
{
    const QString chosen = payloadFormatKey(m_model->formatOf(topic));
    if (chosen != DecoderRegistry::AutoId)
        return {chosen, {}, false};
    if (const DecodingRule *rule = m_rules.match(topic))
        return {rule->decoder, rule->options, true};
    return {chosen, {}, false};
}

ChartSeriesDialog *TopicTreeView::chartThis(const QModelIndex &proxyIndex, bool subtree)
{
    const QModelIndex source = m_proxy->mapToSource(proxyIndex.siblingAtColumn(0));
    if (!source.isValid())
        return nullptr;
    const QString topic = source.data(TopicTreeModel::TopicRole).toString();
    ChartThis::Suggestion suggestion;
    if (subtree) {
        const auto [sampleTopic, sample] = firstTopicBelow(source);
        const Shown shown = shownAs(sampleTopic);
        suggestion = ChartThis::forSubtree(topic, sample, shown.decoder, shown.options);
    } else {
        const Shown shown = shownAs(topic);
        suggestion =
            ChartThis::forMessage(topic, source.data(TopicTreeModel::PreviewRole).toByteArray(),
                                  shown.decoder, shown.options, shown.byRule);
    }
    if (suggestion.complete) {
        emit chartRequested(suggestion.spec);
        return nullptr;
    }
    return ChartThis::ask(this, suggestion.spec,
                          [this](const ChartSeriesSpec &spec) { emit chartRequested(spec); });
}

void TopicTreeView::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_tree->indexAt(pos);
    if (!index.isValid())
        return;
    contextMenuFor(index)->popup(m_tree->viewport()->mapToGlobal(pos));
}

RetainedClearDialog *TopicTreeView::clearRetained(const QModelIndex &proxyIndex, bool subtree)
{
    const QModelIndex source = m_proxy->mapToSource(proxyIndex.siblingAtColumn(0));
    if (!source.isValid() || !m_connection)
        return nullptr;
    QStringList topics;
    if (subtree)
        topics = m_model->retainedTopicsUnder(source);
    else if (source.data(TopicTreeModel::RetainedRole).toBool())
        topics << source.data(TopicTreeModel::TopicRole).toString();
    if (topics.isEmpty())
        return nullptr;
    auto *dialog = new RetainedClearDialog(m_connection, topics, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The empty messages reach this connection's subscribers without the retain flag
    // (Retain As Published 0), so the tree is told what the broker no longer keeps.
    connect(dialog, &RetainedClearDialog::topicsCleared, this,
            [this](const QStringList &cleared) { m_model->markRetainedCleared(cleared); });
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    return dialog;
}

void TopicTreeView::onExpanded(const QModelIndex &index, bool expanded)
{
    m_model->setExpanded(m_proxy->mapToSource(index), expanded);
}

void TopicTreeView::onCurrentChanged(const QModelIndex &current)
{
    const QModelIndex source = m_proxy->mapToSource(current);
    if (source.isValid())
        m_detail->showNode(source);
    else
        m_detail->clear();
}

void TopicTreeView::updateCount()
{
    const qsizetype topics = m_model->topicCount();
    m_count->setText(tr("%Ln topic(s)", nullptr, int(qMin<qsizetype>(topics, INT_MAX))));
}

void TopicTreeView::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QWidget::changeEvent(event);
}

} // namespace mqttdesk
