#include "core/topictree/topic_tree_filter_proxy.h"

#include "core/topictree/topic_tree.h"
#include "core/topictree/topic_tree_model.h"

namespace mqttdesk {

TopicTreeFilterProxy::TopicTreeFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    // Rows re-sort as counts and rates change; the model signals at most ~10 times a second
    // and only for expanded rows, so this stays cheap on a large tree.
    setDynamicSortFilter(true);
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
    invalidate();
    sort(0, Qt::AscendingOrder);
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
    const QString leftTopic = left.data(TopicTreeModel::TopicRole).toString();
    const QString rightTopic = right.data(TopicTreeModel::TopicRole).toString();
    if (!left.parent().isValid()) {
        const bool leftSys = leftTopic.startsWith(QLatin1Char('$'));
        const bool rightSys = rightTopic.startsWith(QLatin1Char('$'));
        if (leftSys != rightSys)
            return rightSys;
    }
    auto byName = [&] {
        const int order = leftTopic.compare(rightTopic, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : leftTopic < rightTopic;
    };
    auto busierFirst = [&](int role) {
        const QVariant l = left.data(role);
        const QVariant r = right.data(role);
        const int order = QVariant::compare(r, l) == QPartialOrdering::Less      ? -1
                          : QVariant::compare(r, l) == QPartialOrdering::Greater ? 1
                                                                                 : 0;
        return order != 0 ? order < 0 : byName();
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
