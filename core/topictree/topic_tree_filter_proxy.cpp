#include "core/topictree/topic_tree_filter_proxy.h"

#include "core/topictree/topic_tree.h"
#include "core/topictree/topic_tree_model.h"

namespace mqttdesk {

TopicTreeFilterProxy::TopicTreeFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    // Names never change and topics never move: the filter and the name order only need
    // new rows, which a dynamic proxy places by binary search. The model names the roles a
    // change touches, so a count or a rate changing re-filters and re-sorts nothing.
    setFilterRole(TopicTreeModel::TopicRole);
    applySortKey();
    m_resort.setInterval(1000);
    connect(&m_resort, &QTimer::timeout, this, &TopicTreeFilterProxy::resortIfNeeded);
    m_resort.start();
}

void TopicTreeFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    QSortFilterProxyModel::setSourceModel(model);
    if (!model)
        return;
    // Numbers move rows only when they order them; then the order is redone once a second.
    auto changed = [this] {
        if (m_sortKey != SortKey::Name)
            m_dirty = true;
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, changed);
    connect(model, &QAbstractItemModel::dataChanged, this, changed);
}

void TopicTreeFilterProxy::applySortKey()
{
    switch (m_sortKey) {
    case SortKey::Name:
        setSortRole(TopicTreeModel::SegmentRole);
        break;
    case SortKey::Rate:
        setSortRole(TopicTreeModel::RateRole);
        break;
    case SortKey::Messages:
        setSortRole(TopicTreeModel::MessagesRole);
        break;
    case SortKey::LastActivity:
        setSortRole(TopicTreeModel::LastActivityRole);
        break;
    }
    // A busy tree re-sorted on every change of its numbers would move rows per parent ten
    // times a second: the numeric orders are redone by the timer instead.
    setDynamicSortFilter(m_sortKey == SortKey::Name);
    m_dirty = false;
    invalidate();
    sort(0, Qt::AscendingOrder);
}

void TopicTreeFilterProxy::resortIfNeeded()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    // sort() keeps the order when asked for the column it sorts already: invalidate first.
    invalidate();
    sort(0, Qt::AscendingOrder);
}

void TopicTreeFilterProxy::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filter)
        return;
    m_filter = trimmed;
    m_wildcard = m_filter.contains(QLatin1Char('+')) || m_filter.contains(QLatin1Char('#'));
    invalidateFilter();
}

void TopicTreeFilterProxy::setSortKey(SortKey key)
{
    if (key == m_sortKey)
        return;
    m_sortKey = key;
    applySortKey();
}

bool TopicTreeFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    // A wildcard filter names topics: a level that never received a message stays only as
    // the ancestor of a match. Text may name any level.
    if (m_wildcard && !index.data(TopicTreeModel::IsTopicRole).toBool())
        return false;
    return TopicTree::matches(index.data(TopicTreeModel::TopicRole).toString(), m_filter);
}

bool TopicTreeFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Called n log n times per level on every sort: the level's own name, never the full
    // topic (which would be built from all its ancestors each time).
    const QString leftName = left.data(TopicTreeModel::SegmentRole).toString();
    const QString rightName = right.data(TopicTreeModel::SegmentRole).toString();
    if (!left.parent().isValid()) {
        const bool leftSys = leftName.startsWith(QLatin1Char('$'));
        const bool rightSys = rightName.startsWith(QLatin1Char('$'));
        if (leftSys != rightSys)
            return rightSys;
    }
    auto byName = [&] {
        const int order = leftName.compare(rightName, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : leftName < rightName;
    };
    auto busierFirst = [&](int role) {
        const QVariant l = left.data(role);
        const QVariant r = right.data(role);
        const bool lType = l.typeId() == QMetaType::Double;
        const double lv = lType ? l.toDouble() : double(l.toLongLong());
        const double rv = lType ? r.toDouble() : double(r.toLongLong());
        return lv != rv ? lv > rv : byName();
    };
    switch (m_sortKey) {
    case SortKey::Name:
        return byName();
    case SortKey::Rate:
        return busierFirst(TopicTreeModel::RateRole);
    case SortKey::Messages:
        return busierFirst(TopicTreeModel::MessagesRole);
    case SortKey::LastActivity:
        return busierFirst(TopicTreeModel::LastActivityRole);
    }
    return byName();
}

} // namespace mqttdesk
