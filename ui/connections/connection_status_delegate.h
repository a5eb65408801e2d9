#pragma once

#include <QStyledItemDelegate>

namespace mqttdesk {

// A sidebar row: a status dot, the name and, below it, host:port (folders: their name in
// bold). Long names are elided, never wrapped.
class ConnectionStatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QColor statusColor(int status, const QPalette &palette);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace mqttdesk
