#pragma once

#include <QSortFilterProxyModel>
#include <QString>
#include <QTimer>

namespace mqttdesk {

// The Topics view's filter and order over a TopicTreeModel. The filter is an MQTT topic
// filter when it holds `+` or `#`, otherwise a case-insensitive piece of text; a node is
// shown when it matches or when something below it does (recursive filtering keeps the
// ancestors of every match). Numbers sort busiest first, names A to Z; the `$` roots
// ($SYS…) always come after the others.
//
// By name the order is kept as rows arrive. By a number it is redone once a second (and at
// once when the order is chosen): a proxy that re-sorts on each change of the numbers moves
// rows per parent, and with thousands of visible rows changing ten times a second that
// cost hundreds of milliseconds.
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
    // Puts everything in order now if anything changed since the last time.
    void resortIfNeeded();

    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void applySortKey();

    QString m_filter;
    QTimer m_resort;
    bool m_dirty = false;
    bool m_wildcard = false;
    SortKey m_sortKey = SortKey::Name;
};

} // namespace mqttdesk
