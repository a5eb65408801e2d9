#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace mqttdesk {

// The Topics view's filter and order over a TopicTreeModel. The filter is an MQTT topic
// filter when it holds `+` or `#`, otherwise a case-insensitive piece of text; a node is
// shown when it matches or when something below it does (recursive filtering keeps the
// ancestors of every match). Numbers sort busiest first, names A to Z; the `$` roots
// ($SYS…) always come after the others.
class TopicTreeFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class SortKey
    {
        Name,
        Rate,
        Messages,
        LastActivity,
    };
    Q_ENUM(SortKey)

    explicit TopicTreeFilterProxy(QObject *parent = nullptr);

    QString filterText() const { return m_filter; }
    void setFilterText(const QString &text);

    SortKey sortKey() const { return m_sortKey; }
    void setSortKey(SortKey key);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_filter;
    bool m_wildcard = false;
    SortKey m_sortKey = SortKey::Name;
};

} // namespace mqttdesk
