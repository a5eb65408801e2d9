#include "ui/connections/connection_sidebar.h"

#include "ui/connections/connection_list_model.h"
#include "ui/connections/connection_status_delegate.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QTreeView>
#include <QVBoxLayout>

#include <functional>

namespace mqttdesk {

ConnectionSidebar::ConnectionSidebar(ConnectionListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTreeView(this))
{
    auto *title = new QLabel(this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setBuddy(m_view);
    m_view->setObjectName(QStringLiteral("connectionList"));
    m_view->setModel(model);
    m_view->setItemDelegate(new ConnectionStatusDelegate(m_view));
    m_view->setHeaderHidden(true);
    m_view->setIndentation(14);
    m_view->setUniformRowHeights(false);
    m_texts.add([this, title] {
        title->setText(tr("Connections"));
        m_view->setAccessibleName(tr("Saved connections"));
    });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 0, 8);
    layout->addWidget(title);
    layout->addWidget(m_view, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                emit selectionChanged(m_model->profileIdAt(current));
            });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (const qint64 id = m_model->profileIdAt(index))
            emit activated(id);
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (index.isValid())
            m_view->setCurrentIndex(index);
        if (m_menu)
            m_menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        m_collapsed.insert(index.data(ConnectionListModel::FolderRole).toString());
    });
    connect(m_view, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        m_collapsed.remove(index.data(ConnectionListModel::FolderRole).toString());
    });
    connect(model, &QAbstractItemModel::modelReset, this,
            [this] { setCollapsedFolders(collapsedFolders()); });
}

QStringList ConnectionSidebar::collapsedFolders() const
{
    QStringList result(m_collapsed.cbegin(), m_collapsed.cend());
    result.sort();
    return result;
}

void ConnectionSidebar::setCollapsedFolders(const QStringList &folders)
{
    const QSet<QString> wanted(folders.cbegin(), folders.cend());
    m_view->expandAll();
    for (const QString &folder : wanted)
        if (const QModelIndex index = m_model->folderIndex(folder); index.isValid())
            m_view->collapse(index);
    // Remember folders that are not there now (yet): they may come back.
    m_collapsed = wanted;
}

void ConnectionSidebar::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QWidget::changeEvent(event);
}

qint64 ConnectionSidebar::selectedProfileId() const
{
    return m_model->profileIdAt(m_view->currentIndex());
}

QString ConnectionSidebar::selectedFolder() const
{
    return m_view->currentIndex().data(ConnectionListModel::FolderRole).toString();
}

void ConnectionSidebar::selectFirstProfile()
{
    // Depth first through the tree, so a folder at the top yields its first connection.
    std::function<QModelIndex(const QModelIndex &)> first = [&](const QModelIndex &parent) {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            if (m_model->profileIdAt(index) != 0)
                return index;
            if (const QModelIndex inner = first(index); inner.isValid())
                return inner;
        }
        return QModelIndex();
    };
    if (const QModelIndex index = first({}); index.isValid())
        m_view->setCurrentIndex(index);
}

void ConnectionSidebar::select(qint64 profileId)
{
    const QModelIndex index = m_model->indexOf(profileId);
    if (index.isValid())
        m_view->setCurrentIndex(index);
}

} // namespace mqttdesk
